import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtHtml } from '../quality/dist.ts';
import {
  correctionsUrl,
  peopleUrl,
  searchQueryUrl,
  searchUrl,
  sourcesUrl,
  timelineUrl,
} from '../../src/lib/links/urls.ts';
import { baseUrl, launchBrowser, watchErrors } from '../helpers/browser.ts';

// The fresh reader's review (finding 1), in the real build and in Chromium: the search finds a page by what it
// is about, not by the furniture every page repeats ("Last updated 7 December 2026 · Corrections and updates"),
// and a word that is in no page finds nothing, not the pages with a short word it begins with ("X" for "xyzzy").

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const byUrl = new Map(builtHtml().map((page) => [page.url, page.html]));

/**
 * The text of a built page's main content without its furniture: the "Last updated" line, the breadcrumb trail,
 * a list's pages, the filter form and the list of entries that moved.
 */
function contentText(url: string): string {
  const html = byUrl.get(url) ?? '';
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  return main
    .replace(/<p class="last-updated">[\s\S]*?<\/p>/g, '')
    .replace(/<nav class="(?:breadcrumbs|pagination)"[\s\S]*?<\/nav>/g, '')
    .replace(/<form class="filters"[\s\S]*?<\/form>/g, '')
    .replace(/<ul class="moved-links[\s\S]*?<\/ul>/g, '')
    .replace(/<[^>]+>/g, ' ');
}

/** Searches from the search page; the status line and the results' addresses. */
async function search(page: Page, query: string): Promise<{ status: string; urls: string[] }> {
  await page.goto(`${baseUrl}${searchQueryUrl(query)}`);
  const status = page.locator('[data-search-status]');
  await expect.poll(() => status.textContent(), { timeout: 15_000 }).toContain(`“${query}”`);
  const urls = await page
    .locator('.search-result h2 a')
    .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
  return { status: (await status.textContent()) ?? '', urls };
}

describe('search: the furniture of every page is not found', () => {
  it('finds the corrections log first for “correction”, and no page by its “Corrections and updates” line alone', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    const { urls } = await search(page, 'correction');
    expect(urls.length).toBeGreaterThan(0);
    expect(urls[0]?.startsWith(correctionsUrl()), urls[0]).toBe(true);
    expect(urls.filter((url) => url.startsWith(peopleUrl()))).toEqual([]);
    // Every page found says "correct…" in its own content (correction, corrected), not only in its furniture.
    for (const url of urls) expect(contentText(url), url).toMatch(/\bcorrect/i);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('finds no page by its “Last updated … December” line alone', async () => {
    const page = await browser.newPage();
    const { status, urls } = await search(page, 'December');
    expect(urls.length).toBeGreaterThan(0);
    // Every page of the site has the line: were it indexed, (nearly) every page would match.
    expect(Number(/^(\d+) pages? match/.exec(status)?.[1])).toBeLessThan(byUrl.size / 2);
    for (const url of urls) expect(contentText(url), url).toMatch(/\bDecember\b/);
    await page.close();
  });

  it('finds nothing for a word in no page, not the pages with a one-letter word it begins with', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    // "xyzzy" begins with "X" ("a post on X"), "abracadabra" with "a", "izzyfoo" with "I".
    for (const query of ['xyzzy', 'abracadabra', 'izzyfoo']) {
      const { status, urls } = await search(page, query);
      expect(status, query).toBe(`Nothing matches “${query}”. Try another word, or browse the sections below.`);
      expect(urls, query).toEqual([]);
    }
    // A word that is there is still found, also in another form than the page's ("sanctioned", "sanctions").
    const { urls } = await search(page, 'sanctioned');
    expect(urls.length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('search: an address whose fragment is on another page', () => {
  it('/timeline/#maduro-raid: the note’s search (beside its link to /sources/#maduro-raid) shows the entry of that id, on /sources/, first', async () => {
    // The id is on /sources/ and not on /timeline/: the note says so, and its search leads to it.
    expect(byUrl.get(sourcesUrl())).toContain('id="maduro-raid"');
    expect(byUrl.get(timelineUrl())).not.toContain('id="maduro-raid"');
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${baseUrl}${timelineUrl()}#maduro-raid`);
    await page.locator(`.fragment-missing a[href^="${searchUrl()}"]`).click();
    await page.waitForURL(/\/search\/\?q=maduro/);
    await page.waitForSelector('.search-result');
    const first = await page
      .locator('.search-result')
      .first()
      .evaluate((result) => ({
        page: new URL(result.querySelector<HTMLAnchorElement>('h2 a')!.href).pathname,
        block: result.querySelector<HTMLAnchorElement>('.search-blocks a')?.getAttribute('href') ?? '',
      }));
    expect(first.page).toBe(sourcesUrl());
    expect(new URL(first.block, baseUrl).hash).toBe('#maduro-raid');
    expect(errors).toEqual([]);
    await page.close();
  });
});
