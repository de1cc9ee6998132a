import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOG_LATEST_ENTRIES } from '../../src/lib/links/log-pages.ts';
import { correctionsUrl, correctionUrl, sourcesUrl } from '../../src/lib/links/urls.ts';
import { builtHtml } from '../quality/dist.ts';
import { baseUrl, launchBrowser, watchErrors } from '../helpers/browser.ts';

// What the fourth fresh reader met in the corrections log and its furniture, in the real build and in Chromium: a
// change's "after" text claiming to be the site's wording today, the list of entries that moved shown to every
// reader, the log's first page repeating a whole day of 40 entries, and toggles too small for a finger on a phone.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const byUrl = new Map(builtHtml().map((page) => [page.url, page.html]));
const html = (url: string): string => {
  const page = byUrl.get(url);
  if (page === undefined) throw new Error(`${url} is not in the build`);
  return page;
};

describe('a log entry’s before and after', () => {
  it('labels the text a change made "After this change", and links a later entry that changed the same statement again', () => {
    const entries = [...byUrl.keys()].filter((url) => /^\/corrections\/[a-z0-9-]+\/$/.test(url));
    expect(entries.length).toBeGreaterThan(50);
    for (const url of entries) expect(html(url), url).not.toContain('>Now:<');
    // The suspended aid's summary was rewritten in our own words after this entry, the same day.
    const aid = html(correctionUrl('aid-halt-not-reversed'));
    expect(aid).toMatch(/>After this change:<\/span>/);
    expect(aid).toMatch(
      /<dd class="again[^"]*">Changed again since: <a href="\/corrections\/own-words-nothing-added\/"[^>]*>Correction of 7 December 2026<\/a>/,
    );
  });
});

describe('the log’s first page', () => {
  it(`shows a handful of the latest changes (${LOG_LATEST_ENTRIES} at most), the rest through a link to their page of the log`, () => {
    const front = html(correctionsUrl());
    const latest = /<ul class="latest">([^]*?)<\/ul>/.exec(front)?.[1] ?? '';
    const items = latest.match(/<li>/g) ?? [];
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(LOG_LATEST_ENTRIES);
    expect(front).toMatch(
      /<a href="\/corrections\/page\/\d+\/#changes-\d{4}-\d{2}-\d{2}">\d+ more changes? of \d{1,2} [A-Z][a-z]+ \d{4}<\/a>/,
    );
  });

  it('and the log’s pages speak to the reader, not of how their addresses are kept', () => {
    const logPages = [...byUrl.keys()].filter((url) => url.startsWith('/corrections/page/'));
    expect(logPages.length).toBeGreaterThan(1);
    for (const url of logPages) expect(html(url), url).not.toContain('numbered from');
  });
});

describe('entries that moved from a page', () => {
  it('are hidden on every page that has them, and shown alone to a reader who lands on one without JavaScript', async () => {
    const withList = [...byUrl.entries()].filter(([, page]) => page.includes('<ul class="moved-links'));
    expect(withList.length).toBeGreaterThan(3);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    const page = await context.newPage();
    const errors = watchErrors(page);
    for (const [url] of withList) {
      await page.goto(baseUrl + url);
      await expect(page.locator('.moved-links').isVisible(), url).resolves.toBe(false);
    }
    const [url, list] = withList.find(([path]) => path === sourcesUrl()) ?? withList[0]!;
    const id = /<a id="([^"]+)"[^>]*data-moved/.exec(list)![1]!;
    await page.goto(`${baseUrl}${url}#${id}`);
    await expect(page.locator(`[id="${id}"]`).isVisible()).resolves.toBe(true);
    await expect(page.locator('.moved-links li:visible').count()).resolves.toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('toggles on a phone', () => {
  it('"How entries are dated and ordered" is at least 24 px tall at 390 px', async () => {
    const parts = [...byUrl.keys()].filter(
      (url) => /^\/timeline\/[^/]+\/$/.test(url) && html(url).includes('class="method'),
    );
    expect(parts.length).toBeGreaterThan(1);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(baseUrl + parts[0]);
    const box = (await page.locator('details.method summary').boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(24);
    await context.close();
  });
});
