import axe from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isRedirectPage } from '../../src/lib/links/addresses.ts';
import { baseUrl, builtPages, distDir, launchBrowser, watchErrors } from '../helpers/browser.ts';
import { notFoundUrl } from '../../src/lib/links/urls.ts';
import { finishFocusRecording, horizontalOverflow, startFocusRecording, type FocusStop } from './page-checks.ts';

// Every built page in Debian's Chromium, scanned once (a few tabs at a time, each reused from page to
// page), then reported page by page:
// - axe-core, WCAG 2.0/2.1/2.2 A and AA and best practice, in the light and then the dark colour scheme
//   (prefers-color-scheme switched on the loaded page): zero violations;
// - the keyboard: Tab from the top visits every tabbable element in order, the first is a visible skip
//   link, each shows a focus indicator and is in view and not covered; Enter on the skip link moves
//   focus to the main content; only native controls are focusable, so the browser makes them usable;
// - no sideways scrolling at 320 and 390 px;
// - no console error (a script or style blocked by the CSP shows up there) and no request to another origin.
// axe is added to every document by an init script (not subject to the page's CSP) rather than by
// @axe-core/playwright, whose per-run injection and extra tab cost about a second a page.

/** The axe rule tags checked. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
/** Tabs scanning at once (the machines have 2 cores). */
const CONCURRENCY = 2;
// The 404 page too: it is 404.html, served for every unknown address (and loads with status 200 by its own name).
// E2E_PAGES (comma-separated paths) narrows the scan to the pages a change touches, for a second build in
// the same run (tests/e2e/third-source.test.ts); the default run scans every page.
const only = process.env['E2E_PAGES']?.split(',').filter(Boolean);
// Redirect pages (an item's old page sends the reader on to its entry, focused) are followed in
// tests/e2e/lasting-links.test.ts; every page they lead to is scanned here.
const pages = only ?? [
  ...builtPages().filter((path) => !isRedirectPage(readFileSync(join(distDir, path, 'index.html'), 'utf8'))),
  notFoundUrl(),
];

interface PageReport {
  axe: { light: string[]; dark: string[] };
  keyboard: string[];
  overflow: string[];
  errors: string[];
  foreign: string[];
}
const reports = new Map<string, PageReport>();
let browser: Browser;

/** One line per axe violation: rule, impact, what to do, and where (a few targets). */
async function runAxe(page: Page): Promise<string[]> {
  return page.evaluate(async (tags) => {
    const results = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return results.violations.map((violation) => {
      const where = violation.nodes
        .slice(0, 3)
        .map((node) => `${node.target.join(' ')}${node.any[0]?.message ? ` (${node.any[0].message})` : ''}`)
        .join('; ');
      return `${violation.id} [${violation.impact ?? ''}] ${violation.help}: ${violation.nodes.length} element(s): ${where}`;
    });
  }, AXE_TAGS);
}

/** Tabs through the page from the top; problems with what the keyboard meets. */
async function checkKeyboard(page: Page): Promise<string[]> {
  const setup = await page.evaluate(startFocusRecording);
  const problems = [...setup.problems];
  for (let press = 0; press < setup.tabbable.length; press += 1) await page.keyboard.press('Tab');
  const stops: FocusStop[] = await page.evaluate(finishFocusRecording);
  const visited = stops.map((stop) => stop.index);
  const expected = setup.tabbable.map((_, index) => index);
  if (visited.join() !== expected.join()) {
    const missed = setup.tabbable.filter((_, index) => !visited.includes(index));
    const unexpected = stops.filter((stop) => stop.index === -1).map((stop) => stop.label);
    problems.push(
      `Tab did not visit the ${setup.tabbable.length} tabbable elements in order (missed: ${missed.slice(0, 5).join(', ') || 'none'}; unexpected: ${unexpected.slice(0, 5).join(', ') || 'none'})`,
    );
  }
  const first = stops[0];
  if (!first?.label.startsWith('a.skip-link'))
    problems.push(`the first Tab reaches ${first?.label ?? 'nothing'}, not the skip link`);
  for (const stop of stops) {
    if (!stop.focusVisible || !stop.indicator) problems.push(`${stop.label}: no visible focus indicator`);
    if (!stop.inView) problems.push(`${stop.label}: focused but not in view`);
    if (stop.obscuredBy) problems.push(`${stop.label}: focused but covered by ${stop.obscuredBy}`);
  }
  // The skip link works from the keyboard: Enter moves focus to the main content.
  await page.evaluate(() => document.querySelector<HTMLElement>('a.skip-link')?.focus());
  await page.keyboard.press('Enter');
  const landed = await page.evaluate(() => ({ id: document.activeElement?.id, hash: location.hash }));
  if (landed.id !== 'main' || landed.hash !== '#main')
    problems.push(`Enter on the skip link left focus on #${landed.id ?? '?'} with hash ${landed.hash}`);
  return problems;
}

/** Runs every check on `path` in `page` (a tab at 1280 × 900, light scheme, reduced motion). */
async function scan(page: Page, path: string): Promise<PageReport> {
  const errors = watchErrors(page);
  const foreign: string[] = [];
  const onRequest = (request: { url(): string }): void => {
    const url = request.url();
    if (!url.startsWith(`${baseUrl}/`) && !url.startsWith('data:')) foreign.push(url);
  };
  page.on('request', onRequest);
  try {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1280, height: 900 });
    const response = await page.goto(baseUrl + path, { waitUntil: 'load' });
    if (response?.status() !== 200) errors.push(`status ${response?.status()}`);
    const light = await runAxe(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await runAxe(page);
    await page.emulateMedia({ colorScheme: 'light' });
    const keyboard = await checkKeyboard(page);
    const overflow: string[] = [];
    for (const width of [320, 390]) {
      await page.setViewportSize({ width, height: 800 });
      const found = await page.evaluate(horizontalOverflow);
      if (found) overflow.push(`${width}px: ${found}`);
    }
    return { axe: { light, dark }, keyboard, overflow, errors: [...errors], foreign };
  } finally {
    page.removeAllListeners('console');
    page.removeAllListeners('pageerror');
    page.off('request', onRequest);
  }
}

beforeAll(async () => {
  browser = await launchBrowser();
  const context: BrowserContext = await browser.newContext({ reducedMotion: 'reduce' });
  await context.addInitScript({ content: axe.source });
  const queue = [...pages];
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      const page = await context.newPage();
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        try {
          reports.set(path, await scan(page, path));
        } catch (error) {
          const message = `the scan failed: ${error instanceof Error ? error.message : String(error)}`;
          reports.set(path, {
            axe: { light: [message], dark: [message] },
            keyboard: [message],
            overflow: [message],
            errors: [message],
            foreign: [],
          });
        }
      }
      await page.close();
    }),
  );
}, 600_000);
afterAll(async () => {
  await browser.close();
});

/** The report for `path`. */
function reportFor(path: string): PageReport {
  const report = reports.get(path);
  if (!report) throw new Error(`no report for ${path}`);
  return report;
}

describe('every page in Chromium', () => {
  it('scanned every built page', () => {
    expect(pages.length).toBeGreaterThan(only ? 0 : 60);
    expect([...reports.keys()].sort()).toEqual([...pages].sort());
  });

  for (const scheme of ['light', 'dark'] as const) {
    describe(`axe, ${scheme} colour scheme: no violations`, () => {
      for (const path of pages) it(path, () => expect(reportFor(path).axe[scheme]).toEqual([]));
    });
  }

  describe('keyboard: skip link, every control reached in order, focus visible', () => {
    for (const path of pages) it(path, () => expect(reportFor(path).keyboard).toEqual([]));
  });

  describe('no sideways scrolling at 320 and 390 px', () => {
    for (const path of pages) it(path, () => expect(reportFor(path).overflow).toEqual([]));
  });

  describe('no console errors and nothing requested from another origin', () => {
    for (const path of pages) {
      it(path, () => {
        expect(reportFor(path).errors).toEqual([]);
        expect(reportFor(path).foreign).toEqual([]);
      });
    }
  });
});

describe('the checks can fail', () => {
  it('axe finds a contrast failure, the keyboard check a missing focus indicator, the width check an overflow', async () => {
    const context = await browser.newContext({ reducedMotion: 'reduce', viewport: { width: 1280, height: 900 } });
    await context.addInitScript({ content: axe.source });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    await page.evaluate(() => {
      const probe = document.createElement('p');
      probe.textContent = 'A low-contrast probe';
      document.querySelector('main')?.append(probe);
      probe.style.setProperty('color', '#ccc');
      const link = document.querySelector<HTMLElement>('main a');
      link?.style.setProperty('outline', 'none', 'important');
      probe.style.setProperty('width', '2000px');
    });
    expect((await runAxe(page)).join('\n')).toContain('color-contrast');
    expect((await checkKeyboard(page)).join('\n')).toContain('no visible focus indicator');
    await page.setViewportSize({ width: 390, height: 800 });
    expect(await page.evaluate(horizontalOverflow)).toMatch(/^2\d{3}px wide/);
    await context.close();
  });
});
