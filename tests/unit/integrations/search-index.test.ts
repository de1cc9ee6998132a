import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as pagefind from 'pagefind';
import { buildSearchIndex } from '../../../src/integrations/search-index.ts';
import { markSearchAnchors, SEARCH_EXCLUDED_SELECTORS } from '../../../src/lib/reading/search.ts';

// The search index on small built sites, with the real Pagefind binary.
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function site(pages: Record<string, string>): string {
  const dist = mkdtempSync(join(tmpdir(), 'search-index-'));
  made.push(dist);
  for (const [path, html] of Object.entries(pages)) {
    const file = join(dist, ...path.split('/').filter(Boolean), 'index.html');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, html);
  }
  return dist;
}
const page = (main: string, marked = true) =>
  `<!doctype html><html lang="en"><head><title>t</title></head><body><main id="main"${marked ? ' data-pagefind-body' : ''}>${main}</main></body></html>`;

describe('buildSearchIndex', () => {
  it('indexes the marked pages only and writes the bundle the search page loads, without Pagefind’s own interfaces', async () => {
    const dist = site({
      '/': page('<h1>Home</h1><p>Welcome</p>'),
      '/articles/x/': page(
        '<h1>X</h1><p id="p1">Petro <a class="link-to-this" href="#p1" aria-label="Link to paragraph 1">¶</a></p>',
      ),
      '/old/': page('<p>Moved</p>', false),
    });
    await expect(buildSearchIndex(dist)).resolves.toEqual({ indexed: 2, sections: 1, reused: 0 });
    expect(JSON.parse(readFileSync(join(dist, 'pagefind', 'sections.json'), 'utf8'))).toEqual([]);
    const bundle = readdirSync(join(dist, 'pagefind'));
    expect(bundle).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json']));
    expect(bundle.filter((file) => /ui|highlight/.test(file))).toEqual([]);
    expect(existsSync(join(dist, 'pagefind', 'fragment'))).toBe(true);
  }, 60_000);

  it('writes the same bundle, byte for byte, on every run, with the page fragments of pages sent one by one through Pagefind’s API', async () => {
    const pages = Object.fromEntries(
      Array.from({ length: 120 }, (_, n) => [
        `/items/${n}/`,
        page(
          `<h1>Item ${n}</h1><p id="p${n}">Petro and Trump ${'met talked agreed differed'.split(' ')[n % 4]} on item ${n} ` +
            `<a class="link-to-this" href="#p${n}" aria-label="Link to paragraph ${n}">¶</a></p>`,
        ),
      ]),
    );
    const bundle = (folder: string): Record<string, string> => {
      const files: Record<string, string> = {};
      const walk = (at: string): void => {
        for (const entry of readdirSync(at, { withFileTypes: true })) {
          const path = join(at, entry.name);
          if (entry.isDirectory()) walk(path);
          else files[path.slice(folder.length)] = readFileSync(path).toString('base64');
        }
      };
      walk(folder);
      return files;
    };
    const first = site(pages);
    const second = site(pages);
    await buildSearchIndex(first);
    await buildSearchIndex(second);
    // The reference: each marked page sent through the API in path order, one at a time.
    const reference = site({});
    const { index } = await pagefind.createIndex({
      forceLanguage: 'en',
      excludeSelectors: [...SEARCH_EXCLUDED_SELECTORS],
    });
    for (const [url, html] of Object.entries(pages).sort(([a], [b]) => a.localeCompare(b)))
      await index!.addHTMLFile({ url, content: markSearchAnchors(html) });
    await index!.writeFiles({ outputPath: join(reference, 'pagefind') });
    await pagefind.close();
    const expected = bundle(join(reference, 'pagefind'));
    expect(Object.keys(expected).length).toBeGreaterThan(5);
    const got = bundle(join(first, 'pagefind'));
    expect(got).toEqual(bundle(join(second, 'pagefind')));
    // What each page contributes (its text, title and anchors) is the same; only the word index's chunks
    // are numbered by the order Pagefind met the pages in.
    const fragments = (files: Record<string, string>) =>
      Object.fromEntries(Object.entries(files).filter(([file]) => file.startsWith('/fragment/')));
    expect(Object.keys(fragments(expected))).toHaveLength(120);
    expect(fragments(got)).toEqual(fragments(expected));
  }, 60_000);

  it('refuses a bundle that leaves out a marked page, saying which count and what to look for', async () => {
    const dist = site({ '/': page('<h1>Home</h1><p>Welcome</p>'), '/empty/': page('') });
    await expect(buildSearchIndex(dist)).rejects.toThrow(
      'Search index: indexing failed: the bundle holds 1 of the 2 pages marked data-pagefind-body; Pagefind leaves out',
    );
  }, 60_000);

  it('refuses a site where no page is marked, saying what to fix', async () => {
    const dist = site({ '/': page('<h1>Home</h1>', false) });
    await expect(buildSearchIndex(dist)).rejects.toThrow(
      `Search index: indexing failed: no page in ${dist} has data-pagefind-body: BaseLayout should mark <main> with it`,
    );
  }, 60_000);

  it('indexes a large site in sections, listed for the search page to merge, and reuses a section whose pages are unchanged', async () => {
    const items = (word: string): Record<string, string> =>
      Object.fromEntries(
        Array.from({ length: 40 }, (_, n) => [
          `/items/${n}/`,
          page(
            `<h1>Item ${n}</h1><p id="p${n}">Petro and Trump on item ${n}, ${n === 7 ? word : 'met'} ${'x'.repeat(400)}</p>`,
          ),
        ]),
      );
    const bundle = (dist: string): Record<string, string> => {
      const files: Record<string, string> = {};
      const walk = (at: string): void => {
        for (const entry of readdirSync(at, { withFileTypes: true })) {
          const path = join(at, entry.name);
          if (entry.isDirectory()) walk(path);
          else files[path.slice(dist.length)] = readFileSync(path).toString('base64');
        }
      };
      walk(join(dist, 'pagefind'));
      return files;
    };
    const cache = { dir: mkdtempSync(join(tmpdir(), 'search-sections-')), indexer: 'test' };
    made.push(cache.dir);
    // About 20 KB of pages in sections of at most 4 KB: 8 sections (a power of two), each listed but the first.
    const first = site(items('met'));
    const built = await buildSearchIndex(first, { sectionBytes: 4096, cache });
    expect(built).toEqual({ indexed: 40, sections: 8, reused: 0 });
    const listed = JSON.parse(readFileSync(join(first, 'pagefind', 'sections.json'), 'utf8')) as string[];
    expect(listed).toEqual(Array.from({ length: 7 }, (_, n) => `section-${n + 2}/`));
    const counts = ['', ...listed].map(
      (folder) =>
        (
          JSON.parse(readFileSync(join(first, 'pagefind', folder, 'pagefind-entry.json'), 'utf8')) as {
            languages: { en: { page_count: number } };
          }
        ).languages.en.page_count,
    );
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(40);
    // The cache holds hard links to the bundle's files: the next build removes the output folder, which must
    // leave the cached sections whole.
    const written = bundle(first);
    rmSync(first, { recursive: true, force: true });
    // The same pages again: every section taken from the cache, byte for byte what indexing wrote.
    const again = site(items('met'));
    await expect(buildSearchIndex(again, { sectionBytes: 4096, cache })).resolves.toEqual({
      indexed: 40,
      sections: 8,
      reused: 8,
    });
    expect(bundle(again)).toEqual(written);
    // One page changed: its section alone is indexed again, and the result is what a build without the cache writes.
    const changed = site(items('differed'));
    await expect(buildSearchIndex(changed, { sectionBytes: 4096, cache })).resolves.toEqual({
      indexed: 40,
      sections: 8,
      reused: 7,
    });
    // The cache holds this build's sections only: the changed section's old copy is gone.
    expect(readdirSync(cache.dir)).toHaveLength(8);
    const fresh = site(items('differed'));
    await buildSearchIndex(fresh, { sectionBytes: 4096 });
    expect(bundle(changed)).toEqual(bundle(fresh));
    expect(bundle(changed)).not.toEqual(written);
  }, 120_000);
});
