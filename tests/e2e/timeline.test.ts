import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAliases } from '../../src/lib/links/addresses.ts';
import { quotationsUrl, sourcesUrl, timelinePartUrl, timelineUrl } from '../../src/lib/links/urls.ts';
import { baseUrl, builtPages, distDir, launchBrowser, watchErrors } from '../helpers/browser.ts';
import { projectRoot } from '../helpers/content.ts';

// The timeline as a chart and in parts, old /timeline/#event links landing on the entry's new page, and
// the filters (timeline, quotations, comparison) with their state in the URL, in Chromium.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function open(path: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(baseUrl + path);
  return { context, page, errors };
}

const parts = builtPages().filter((path) => /^\/timeline\/[^/]+\/$/.test(path));
const html = (path: string): string => readFileSync(join(distDir, ...path.split('/').filter(Boolean), 'index.html'), 'utf8');

describe('the timeline overview and its parts', () => {
  it('is split into parts, every event on exactly one part, each part linked from the overview', () => {
    expect(parts.length).toBeGreaterThan(1);
    const overview = html(timelineUrl());
    const ids = parts.flatMap((path) => [...html(path).matchAll(/<li id="([^"]+)"[^>]*data-issues/g)].map((match) => match[1]));
    expect(new Set(ids).size).toBe(ids.length);
    for (const path of parts) expect(overview).toContain(`href="${path}"`);
    // The overview lists every event, each linking to its entry on its part.
    const moved = [...overview.matchAll(/<a id="([^"]+)" href="([^"]+)" data-moved/g)].map((match) => [match[1], match[2]]);
    expect(moved.map(([id]) => id).sort()).toEqual([...ids].sort());
  });

  it('labels a discrepancy by its kind: one date more exact than the other is a difference in precision', async () => {
    const { context, page, errors } = await open(timelinePartUrl('2026-january'));
    await expect(page.locator('#jan-7-call .discrepancy strong').textContent()).resolves.toBe('The sources differ in precision:');
    await expect(page.locator('#trump-military-threat .discrepancy strong').textContent()).resolves.toBe('The sources differ:');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('has a chart mark for every event, each linking to its entry, which names the same event', async () => {
    const { context, page, errors } = await open(timelineUrl());
    const marks = await page.locator('svg.chart a.mark').evaluateAll((links) =>
      links.map((link) => ({ href: link.getAttribute('href') ?? '', title: link.querySelector('title')?.textContent ?? '' })),
    );
    expect(marks.length).toBeGreaterThan(30);
    const entries = new Map<string, string>();
    for (const path of parts) {
      const part = await context.newPage();
      await part.goto(baseUrl + path);
      for (const [id, title] of await part.locator('ol.timeline > li').evaluateAll((items) =>
        items.map((item) => [item.id, item.querySelector('.event-title a')?.textContent?.trim() ?? ''] as const),
      ))
        entries.set(`${path}#${id}`, title);
      await part.close();
    }
    for (const mark of marks) {
      expect(entries.has(mark.href), mark.href).toBe(true);
      expect(mark.title.endsWith(`: ${entries.get(mark.href)}`), `${mark.href} is titled "${mark.title}"`).toBe(true);
    }
    expect(new Set(marks.map((mark) => mark.href)).size).toBe(entries.size);
    // The meeting is a line across the lanes, the thaw a band up to it.
    await expect(page.locator('svg.chart .landmark text').allTextContents()).resolves.toEqual(['Thaw', 'Meeting']);
    // Following a mark lands on its entry.
    const first = page.locator('svg.chart a.mark').nth(5);
    const href = (await first.getAttribute('href')) ?? '';
    await first.click();
    await page.waitForURL(`**${href}`);
    await expect(page.locator(':target').getAttribute('id')).resolves.toBe(href.split('#')[1]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('names the chart and describes it, and keeps it inside its own scrolling box at 320 px', async () => {
    const { context, page } = await open(timelineUrl(), { viewport: { width: 320, height: 700 } });
    const svg = page.locator('svg.chart');
    // Its <title> and <desc> are its accessible name and description.
    await expect(svg.locator(':scope > title').textContent()).resolves.toBe('Chart of the timeline of tensions');
    await expect(svg.locator(':scope > desc').textContent()).resolves.toMatch(/^\d+ events in \d+ lanes, one per issue/);
    const snapshot = await page.locator('figure#chart').ariaSnapshot();
    expect(snapshot).toContain('Chart of the timeline of tensions');
    const sizes = await page.evaluate(() => {
      const box = document.querySelector('.chart-scroll')!;
      return { page: document.documentElement.scrollWidth, viewport: innerWidth, box: box.clientWidth, chart: box.scrollWidth };
    });
    expect(sizes.page).toBe(sizes.viewport);
    expect(sizes.chart).toBeGreaterThan(sizes.box);
    await context.close();
  });
});

describe('links published before the split', () => {
  const { aliases } = parseAliases('aliases.yaml', readFileSync(join(projectRoot, 'content', 'addresses', 'aliases.yaml'), 'utf8'));
  const moved = aliases.fragments.filter((alias) => alias.page === timelineUrl() && alias.toPage !== undefined);

  it('are all aliased to the entry’s new page', () => {
    const ids = parts.flatMap((path) => [...html(path).matchAll(/<li id="([^"]+)"[^>]*data-issues/g)].map((match) => `${path}#${match[1]}`));
    expect(moved.map((alias) => `${alias.toPage}#${alias.to}`).sort()).toEqual(ids.sort());
  });

  for (const index of [0, moved.length - 1]) {
    it(`land on the entry on its new page: /timeline/#${moved[index]?.from}`, async () => {
      const alias = moved[index]!;
      const { context, page, errors } = await open(`${timelineUrl()}#${alias.from}`);
      await page.waitForURL(`**${alias.toPage}#${alias.to}`);
      const entry = page.locator(`[id="${alias.to}"]`);
      await expect(entry.evaluate((element) => element.matches(':target'))).resolves.toBe(true);
      await expect(entry.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
      const box = await entry.boundingBox();
      expect(box && box.y >= 0 && box.y < 800).toBe(true);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('without JavaScript land on a visible link to the entry’s new place', async () => {
    const alias = moved[1]!;
    const { context, page } = await open(`${timelineUrl()}#${alias.from}`, { javaScriptEnabled: false });
    const link = page.locator(`[id="${alias.from}"]`);
    await expect(link.evaluate((element) => element.matches(':target'))).resolves.toBe(true);
    await expect(link.isVisible()).resolves.toBe(true);
    await link.click();
    await page.waitForURL(`**${alias.toPage}#${alias.to}`);
    await expect(page.locator(`[id="${alias.to}"]`).evaluate((element) => element.matches(':target'))).resolves.toBe(true);
    await context.close();
  });
});

/** What the filtered page shows: the ids of visible entries, all entries' facet values, the form's values and status. */
const state = (page: Page) =>
  page.evaluate(() => {
    const entries = [...document.querySelectorAll<HTMLElement>('[data-issues]')];
    const shown = (element: Element) => (element as HTMLElement).offsetParent !== null;
    return {
      formShown: shown(document.querySelector('form[data-filter-form]')!),
      all: entries.map((entry) => ({ id: entry.id, issues: entry.dataset['issues']?.split(' ') ?? [], people: entry.dataset['people']?.split(' ') ?? [], shown: shown(entry) })),
      values: Object.fromEntries([...document.querySelectorAll('form[data-filter-form] select')].map((select) => [(select as HTMLSelectElement).name, (select as HTMLSelectElement).value])),
      status: document.querySelector('form[data-filter-form] output')?.textContent ?? '',
    };
  });

describe('filters', () => {
  const lastPart = parts.at(-1)!;

  it('load their state from the URL: the right entries show, and the form says so', async () => {
    const issue = [...html(lastPart).matchAll(/data-issues="([^"]+)"/g)].flatMap((match) => match[1]!.split(' ')).find((value, _, all) => all.filter((other) => other === value).length >= 2)!;
    const { context, page, errors } = await open(`${lastPart}?issue=${issue}`);
    const seen = await state(page);
    expect(seen.formShown).toBe(true);
    expect(seen.values['issue']).toBe(issue);
    const expected = seen.all.filter((entry) => entry.issues.includes(issue));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(seen.all.length);
    expect(seen.all.filter((entry) => entry.shown).map((entry) => entry.id)).toEqual(expected.map((entry) => entry.id));
    expect(seen.status).toBe(`Showing ${expected.length} of ${seen.all.length}`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('write each change to the URL, so a reload (or a shared link) shows the same view; "Show all" clears it', async () => {
    const { context, page } = await open(lastPart);
    const person = await page.locator('select[name="person"] option').nth(1).getAttribute('value');
    await page.selectOption('select[name="person"]', person!);
    await page.waitForURL(`**${lastPart}?person=${person}`);
    const before = await state(page);
    expect(before.all.filter((entry) => entry.shown).every((entry) => entry.people.includes(person!))).toBe(true);
    await page.reload();
    const after = await state(page);
    expect(after.values['person']).toBe(person);
    expect(after.all.map((entry) => entry.shown)).toEqual(before.all.map((entry) => entry.shown));
    await page.getByRole('button', { name: 'Show all' }).click();
    await page.waitForURL(`**${lastPart}`);
    expect((await state(page)).all.every((entry) => entry.shown)).toBe(true);
    await context.close();
  });

  it('ignore a value no entry has, showing everything', async () => {
    const { context, page } = await open(`${lastPart}?issue=no-such-issue&person=`);
    const seen = await state(page);
    expect(seen.values['issue']).toBe('');
    expect(seen.all.every((entry) => entry.shown)).toBe(true);
    await context.close();
  });

  for (const path of [timelineUrl(), quotationsUrl(), sourcesUrl()]) {
    it(`narrow ${path} by issue, hiding groups left empty`, async () => {
      const { context, page } = await open(path);
      const value = await page.locator('select[name="issue"] option').nth(1).getAttribute('value');
      await page.selectOption('select[name="issue"]', value!);
      const seen = await state(page);
      expect(seen.all.filter((entry) => entry.shown).map((entry) => entry.id)).toEqual(seen.all.filter((entry) => entry.issues.includes(value!)).map((entry) => entry.id));
      const emptyGroupsShown = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('[data-filter-group]')].filter((group) => group.offsetParent !== null && ![...group.querySelectorAll<HTMLElement>('[data-issues]')].some((entry) => entry.offsetParent !== null)).length,
      );
      expect(emptyGroupsShown).toBe(0);
      await context.close();
    });
  }

  for (const path of [`${lastPart}?issue=sanctions`, `${quotationsUrl()}?person=donald-trump`, `${sourcesUrl()}?issue=sanctions`]) {
    it(`without JavaScript show every entry and no form (${path})`, async () => {
      const { context, page } = await open(path, { javaScriptEnabled: false });
      const seen = await state(page);
      expect(seen.formShown).toBe(false);
      expect(seen.all.length).toBeGreaterThan(0);
      expect(seen.all.every((entry) => entry.shown)).toBe(true);
      await context.close();
    });
  }
});
