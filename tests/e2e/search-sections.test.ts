import type { Server } from 'node:http';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, e2ePort, launchBrowser, watchErrors } from '../helpers/browser.ts';
import { projectRoot } from '../helpers/content.ts';
import { buildProject, copyProject } from '../helpers/project-copy.ts';
import { serveStatic } from '../helpers/static-server.ts';
import { searchQueryUrl } from '../../src/lib/links/urls.ts';

// A large site's search index is built in sections, each by an indexer of its own (its memory freed before
// the next), and the search page merges them in the browser (src/integrations/search-index.ts,
// src/client/site-search.ts). Here the real site is built with sections small enough to make many, and
// the search page must find, in Chromium, exactly what it finds in the main build's single index.
const port = e2ePort + 102;
let dir = '';
let server: Server | undefined;
let browser: Browser;

beforeAll(async () => {
  dir = copyProject('search-sections-', join(projectRoot, 'content'));
  const { status, output } = buildProject(dir, { SEARCH_SECTION_BYTES: String(256 * 1024) });
  if (status !== 0) throw new Error(`astro build failed (${status}):\n${output.slice(-4000)}`);
  server = await serveStatic(join(dir, 'dist'), port);
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The pages the search page lists for `query` on the site at `base`, with the blocks matched in each. */
async function search(base: string, query: string): Promise<{ results: string[]; status: string; errors: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${base}${searchQueryUrl(query)}`);
  await page.waitForFunction(() => /match/.test(document.querySelector('[data-search-status]')?.textContent ?? ''));
  // Every match, not only the 12 shown first: loose matches of a section can push others to a later page.
  const more = page.locator('[data-search-more]');
  while (await more.isVisible()) await more.click();
  const results = await page
    .locator('[data-search-results] > li')
    .evaluateAll((items) =>
      items.map(
        (item) =>
          `${item.querySelector('h2 a')?.getAttribute('href')} ${[...item.querySelectorAll('.search-blocks a')].map((link) => link.getAttribute('href')).join(' ')}`,
      ),
    );
  const status = (await page.locator('[data-search-status]').textContent()) ?? '';
  await context.close();
  return { results: results.sort(), status, errors };
}

describe('search over an index built in sections', () => {
  it('is built in several sections, listed beside the first', () => {
    const sections = JSON.parse(readFileSync(join(dir, 'dist', 'pagefind', 'sections.json'), 'utf8')) as string[];
    expect(sections.length).toBeGreaterThan(3);
    expect(sections.every((folder) => /^section-\d+\/$/.test(folder))).toBe(true);
  });

  it('finds every page and block the single index of the main build finds', async () => {
    for (const query of ['ballcaps', 'cocaine', 'Idárraga']) {
      const sectioned = await search(`http://127.0.0.1:${port}`, query);
      const single = await search(baseUrl, query);
      expect(sectioned.errors).toEqual([]);
      expect(single.results.length, query).toBeGreaterThan(0);
      // Every match is shown ("More results" clicked until none are left; the order depends on each
      // section's own word statistics, so the whole lists are compared). A section that lacks the word can
      // add a loose match of Pagefind's own (seen: "ballcaps" also finding an issue page without it), so the
      // sectioned results may hold more.
      expect(sectioned.results).toEqual(expect.arrayContaining(single.results));
    }
  }, 120_000);
});
