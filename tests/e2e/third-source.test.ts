import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2ePort, launchBrowser, watchErrors } from '../helpers/browser.ts';
import { projectRoot } from '../helpers/content.ts';
import { copyProject } from '../helpers/project-copy.ts';
import { importThirdSource, THIRD_SOURCE, writeThirdSourceAnalysis } from '../helpers/third-source.ts';
import { serveStatic } from '../helpers/static-server.ts';

// A third source, end to end, as an editor adds one: the fictional capture in tests/fixtures/third-source
// (a test fixture, never published) is imported with the real `npm run import` into a temporary copy of
// the site, its front matter filled in, a fictional outlet added, and the new paragraph cited by a
// comparison point with three accounts and by a timeline event. That copy is built once (the real
// `astro build`, with its content and address guards), served, and checked in Chromium; then the quality
// gates of tests/quality run on that build in a child Vitest (E2E_DIST points them at it). The
// deterministic-build gate is left to the main build: it is about the build, not the content.
const { slug, paragraph, point, event } = THIRD_SOURCE;
const articles = ['clash-report-trump-meets-petro', 'los-angeles-times-petro-and-trump-make-peace', slug];
const port = e2ePort + 100;
const base = `http://127.0.0.1:${port}`;

let dir: string;
let server: Server;
let browser: Browser;

function run(command: string[], env: Record<string, string> = {}): string {
  const result = spawnSync(process.execPath, command, {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', INIT_CWD: dir, ...env },
    timeout: 480_000,
  });
  const output = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0)
    throw new Error(`${command.slice(0, 2).join(' ')} failed (${result.status}):\n${output.slice(-4000)}`);
  return output;
}

beforeAll(async () => {
  // A copy of the site with its content (copySite: the code and config, node_modules linked package by
  // package so that Astro's caches stay apart), then what the editor does, following the README.
  dir = copyProject('third-source-', join(projectRoot, 'content'));
  importThirdSource(dir);
  writeThirdSourceAnalysis(dir);
  run([join(projectRoot, 'scripts', 'check-content.ts')]);
  run([join('node_modules', 'astro', 'bin', 'astro.mjs'), 'build']);
  server = await serveStatic(join(dir, 'dist'), port);
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  rmSync(dir, { recursive: true, force: true });
});

async function open(path: string, width = 1280): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const errors = watchErrors(page);
  const response = await page.goto(base + path);
  expect(response?.status(), path).toBe(200);
  return { page, errors };
}

const boxes = (page: Page) =>
  page.locator(`[id="${point}"] .accounts > .account[data-article]`).evaluateAll((elements) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect();
      return { article: element.getAttribute('data-article'), x: Math.round(box.x), y: Math.round(box.y) };
    }),
  );

/** The page of the built copy under `section` whose list has the entry `id`: the entry's home. */
function homeOf(id: string, section: string): string {
  const found: string[] = [];
  const walk = (path: string): void => {
    const folder = join(dir, 'dist', ...path.split('/').filter(Boolean));
    if (readFileSync(join(folder, 'index.html'), 'utf8').includes(`<li id="${id}"`)) found.push(path);
    for (const entry of readdirSync(folder, { withFileTypes: true }))
      if (entry.isDirectory() && statSync(join(folder, entry.name, 'index.html'), { throwIfNoEntry: false }))
        walk(`${path}${entry.name}/`);
  };
  walk(section);
  if (found.length !== 1)
    throw new Error(`expected one home for ${id} under ${section}, found ${found.join(', ') || 'none'}`);
  return found[0]!;
}
const pointHome = (): string => homeOf(point, '/sources/');
const eventHome = (): string => homeOf(event, '/timeline/');

/** The pages the third source adds or changes. */
const touchedPages = (): string[] => [
  ...new Set([
    `/articles/${slug}/`,
    pointHome(),
    eventHome(),
    '/sources/',
    `/timeline/2026-february/`,
    `/sources/only/${slug}/`,
    '/articles/',
  ]),
];

describe('a third source, imported, cited and built', () => {
  it('shows the three accounts of the point side by side on a wide screen and stacked on a phone', async () => {
    const wide = await open(pointHome());
    const side = await boxes(wide.page);
    // Accounts on the same side stand together (Clash Report and the fixture hedge, the LA Times does not).
    expect(side.map((box) => box.article).sort()).toEqual([...articles].sort());
    expect(side.map((box) => box.article).indexOf('los-angeles-times-petro-and-trump-make-peace')).not.toBe(1);
    expect(new Set(side.map((box) => box.y)).size).toBe(1);
    expect(side.map((box) => box.x)).toEqual([...side.map((box) => box.x)].sort((a, b) => a - b));
    expect(wide.errors).toEqual([]);
    await wide.page.close();

    const phone = await open(pointHome(), 390);
    const stacked = await boxes(phone.page);
    expect(new Set(stacked.map((box) => box.x)).size).toBe(1);
    expect(stacked.map((box) => box.y)).toEqual([...stacked.map((box) => box.y)].sort((a, b) => a - b));
    expect(new Set(stacked.map((box) => box.y)).size).toBe(3);
    await phone.page.close();
  });

  it('the new account quotes and cites the new paragraph, and the link lands on it', async () => {
    const { page } = await open(pointHome());
    const account = page.locator(`[id="${point}"] .account[data-article="${slug}"]`);
    await expect(account.locator('q').first().textContent()).resolves.toContain('for about two hours');
    const href = await account.locator(`a[href^="/articles/${slug}/#${paragraph}"]`).first().getAttribute('href');
    expect(href).toMatch(new RegExp(`^/articles/${slug}/#${paragraph}(:~:text=|$)`));
    await account.locator(`a[href^="/articles/${slug}/#${paragraph}"]`).first().click();
    await page.waitForURL(`**/articles/${slug}/**`);
    await expect(page.locator(`#${paragraph}`).textContent()).resolves.toContain(
      'met for about two hours at the White House on Tuesday',
    );
    await page.close();
  });

  it('the article page shows what cites the new paragraph: the comparison point and the event', async () => {
    const { page, errors } = await open(`/articles/${slug}/`);
    await expect(page.locator('h1').textContent()).resolves.toContain(
      'Test fixture: Trump and Petro talk for about two hours at the White House',
    );
    await expect(page.locator(`#${paragraph} .cited-by-link`).getAttribute('href')).resolves.toBe(
      `/articles/${slug}/cited-by/#cited-by-${paragraph}`,
    );
    await page.locator(`#${paragraph} .cited-by-link`).click();
    await page.waitForURL(`**/articles/${slug}/cited-by/**`);
    const citedBy = await page
      .locator(`li#cited-by-${paragraph} a`)
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    // Each at its entry in its home.
    expect(citedBy).toContain(`${pointHome()}#${point}`);
    expect(citedBy).toContain(`${eventHome()}#${event}`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the event is an entry in its part of the timeline and cites the new paragraph; the overview links there', async () => {
    // February now holds more events than a page takes: the month is cut into pages, the new event (4 February,
    // after the meeting) on the second.
    expect(eventHome()).toBe('/timeline/2026-february-2/');
    const { page } = await open(eventHome());
    await expect(
      page.locator(`[id="${event}"] a[href^="/articles/${slug}/#${paragraph}"]`).count(),
    ).resolves.toBeGreaterThan(0);
    await page.close();
    const overview = await open('/timeline/');
    await expect(overview.page.locator(`a[href="${eventHome()}#${event}"]`).count()).resolves.toBeGreaterThan(0);
    await overview.page.close();
  });

  it('keeps every February entry where the main build has it: the new event joins the month at its end', () => {
    const entries = (root: string, part: string): string[] =>
      [...readFileSync(join(root, 'dist', 'timeline', part, 'index.html'), 'utf8').matchAll(/<li id="([^"]+)"/g)].map(
        (match) => match[1]!,
      );
    const parts = readdirSync(join(projectRoot, 'dist', 'timeline')).filter((name) => name.startsWith('2026-february'));
    expect(parts.length).toBeGreaterThan(0);
    for (const part of parts) {
      const before = entries(projectRoot, part);
      expect(before.length, part).toBeGreaterThan(0);
      // Every entry of the main build is on the same page, in the same order, when the third source is in.
      expect(
        entries(dir, part).filter((id) => before.includes(id)),
        part,
      ).toEqual(before);
    }
    // The new event is the last entry of the month's last page (a page of its own when that one was full).
    const last = readdirSync(join(dir, 'dist', 'timeline'))
      .filter((name) => name.startsWith('2026-february'))
      .sort((a, b) => a.length - b.length || a.localeCompare(b))
      .at(-1)!;
    expect(entries(dir, last).at(-1)).toBe(event);
    // No entry had to move for it: the parts link to no more moved entries than the main build's do.
    const moved = (root: string, part: string): number =>
      readFileSync(join(root, 'dist', 'timeline', part, 'index.html'), 'utf8').match(/<a [^>]*data-moved/g)?.length ??
      0;
    for (const part of parts) expect(moved(dir, part), part).toBe(moved(projectRoot, part));
  });

  it('every link on the pages the third source touches resolves, fragment included', async () => {
    const pages = touchedPages();
    const broken: string[] = [];
    const { page } = await open('/');
    for (const path of pages) {
      await page.goto(base + path);
      const hrefs = await page
        .locator('a[href^="/"]')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
      for (const href of [...new Set(hrefs)]) {
        const [target = '', fragment] = href.split('#');
        const response = await page.request.get(base + target);
        if (response.status() !== 200) {
          broken.push(`${path} → ${href}: ${response.status()}`);
          continue;
        }
        const id = fragment?.split(':~:')[0];
        if (id && !(await response.text()).includes(`id="${id}"`)) broken.push(`${path} → ${href}: no id "${id}"`);
      }
    }
    expect(broken).toEqual([]);
    await page.close();
  });

  // Links, security and HTML validity are checked on every page of that build; the in-browser scan (axe in
  // both schemes, keyboard, narrow screens) on the pages the third source touches, as the full scan of the
  // main build already covers the rest.
  it('passes the quality gates on that build', () => {
    const gates = ['links', 'security', 'html-valid', 'in-browser'].map((gate) => `tests/quality/${gate}.test.ts`);
    const result = spawnSync(
      process.execPath,
      [join(projectRoot, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--project', 'e2e', ...gates],
      {
        cwd: projectRoot,
        encoding: 'utf8',
        env: {
          ...process.env,
          E2E_DIST: join(dir, 'dist'),
          E2E_PAGES: [...touchedPages(), '/', '/timeline/'].join(','),
          E2E_PORT: String(e2ePort + 200),
          NO_COLOR: '1',
          FORCE_COLOR: '0',
        },
        timeout: 900_000,
      },
    );
    const output = `${result.stdout}\n${result.stderr}`;
    expect(output, output.slice(-6000)).toMatch(/Test Files\s+4 passed \(4\)/);
    expect(result.status).toBe(0);
  }, 900_000);
});
