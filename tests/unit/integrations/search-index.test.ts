import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as pagefind from 'pagefind';
import { listBuiltPages } from '../../../src/integrations/built-pages.ts';
import { buildSearchIndex, markedPages } from '../../../src/integrations/search-index.ts';
import { markSearchAnchors, SEARCH_EXCLUDED_SELECTORS } from '../../../src/lib/reading/search.ts';

/** Every file of a built site's search bundle, by path, as base64: two bundles compared byte for byte. */
function bundle(dist: string): Record<string, string> {
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
}

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
const page = (main: string, marked = true, head = '') =>
  `<!doctype html><html lang="en"><head><title>t</title>${head}</head><body><main id="main"${marked ? ' data-pagefind-body' : ''}>${main}</main></body></html>`;
/** An article's own page: its structured data dates it (a NewsArticle, as src/lib/seo/structured-data.ts writes it). */
const articlePage = (id: string, date: string) =>
  page(
    `<h1>Article ${id}</h1><p id="p1">Petro and Trump on ${id} ${'x'.repeat(300)}</p>`,
    true,
    `<script type="application/ld+json">${JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'NewsArticle', url: `http://localhost:4321/articles/${id}/`, headline: id, datePublished: date },
        { '@type': 'NewsMediaOrganization', name: 'Outlet' },
      ],
    })}</script>`,
  );
/** An analysis page linking to the articles `ids` (one at a paragraph, the way citations link). */
const citing = (title: string, ids: string[]) =>
  page(
    `<h1>${title}</h1><p>${'y'.repeat(300)} ${ids.map((id, n) => `<a href="/articles/${id}/${n === 0 ? '#p1' : ''}">${id}</a>`).join(' ')}</p>` +
      `<nav><a href="/articles/">All articles</a> <a href="/articles/page/2/">more</a></nav>`,
  );

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

  it('keeps the pages a new article changes (those showing an article of the newest month, the indexes it shifts) in sections apart from the settled ones, and reuses the settled ones', async () => {
    const pages = (added: boolean): Record<string, string> => ({
      '/articles/a-old/': articlePage('a-old', '2024-01-10'),
      '/articles/b-old/': articlePage('b-old', '2024-02-03'),
      '/articles/c-new/': articlePage('c-new', '2024-03-05'),
      ...(added ? { '/articles/d-newer/': articlePage('d-newer', '2024-03-20') } : {}),
      '/issues/old-issue/': citing('Old issue', ['a-old', 'b-old']),
      '/issues/new-issue/': citing('New issue', ['a-old', 'c-new', ...(added ? ['d-newer'] : [])]),
      '/timeline/2024-january/': citing('January', ['a-old']),
      '/timeline/2024-march/': citing('March', ['c-new', ...(added ? ['d-newer'] : [])]),
      '/sources/only/b-old/': citing('Only in b', ['b-old']),
      // Newest first: a new article shifts every page of the articles index, whatever those pages show.
      '/articles/page/2/': citing('Articles, page 2', added ? ['b-old'] : ['a-old']),
      '/people/nobody/': page(`<h1>Nobody</h1><p>${'z'.repeat(300)}</p>`),
      // A part's first page prints the site's totals, whatever articles it shows.
      '/sources/': citing(`${added ? 4 : 3} articles compared`, ['a-old']),
    });
    const recent = (dist: string) =>
      Object.fromEntries(markedPages(listBuiltPages(dist)).map(({ page: { path }, recent }) => [path, recent]));
    const before = site(pages(false));
    expect(recent(before)).toEqual({
      '/articles/a-old/': false,
      '/articles/b-old/': false,
      '/articles/c-new/': true,
      '/articles/page/2/': true,
      '/issues/new-issue/': true,
      '/issues/old-issue/': false,
      '/people/nobody/': true,
      '/sources/': true,
      '/sources/only/b-old/': false,
      '/timeline/2024-january/': false,
      '/timeline/2024-march/': true,
    });
    const cache = { dir: mkdtempSync(join(tmpdir(), 'search-sections-')), indexer: 'test' };
    made.push(cache.dir);
    // About 7 KB of pages, past an eighth of 16 KB: the settled pages at pagefind/, the recent ones beside them.
    await expect(buildSearchIndex(before, { sectionBytes: 16 * 1024, cache })).resolves.toEqual({
      indexed: 11,
      sections: 2,
      reused: 0,
    });
    const pageCount = (dist: string, folder: string): number =>
      (
        JSON.parse(readFileSync(join(dist, 'pagefind', folder, 'pagefind-entry.json'), 'utf8')) as {
          languages: { en: { page_count: number } };
        }
      ).languages.en.page_count;
    expect(JSON.parse(readFileSync(join(before, 'pagefind', 'sections.json'), 'utf8'))).toEqual(['section-2/']);
    expect([pageCount(before, ''), pageCount(before, 'section-2')]).toEqual([5, 6]);
    // A new article of the same month, cited by the pages of its month: the settled section is taken from the
    // cache, the recent one indexed again, and the bundle is what a build without the cache writes.
    const after = site(pages(true));
    await expect(buildSearchIndex(after, { sectionBytes: 16 * 1024, cache })).resolves.toEqual({
      indexed: 12,
      sections: 2,
      reused: 1,
    });
    const fresh = site(pages(true));
    await buildSearchIndex(fresh, { sectionBytes: 16 * 1024 });
    expect(bundle(after)).toEqual(bundle(fresh));
    expect(pageCount(after, 'section-2')).toBe(7);
    // A site of at most an eighth of a section stays one index, as the real site does.
    const small = site(pages(true));
    await expect(buildSearchIndex(small, { sectionBytes: 1024 ** 2 })).resolves.toEqual({
      indexed: 12,
      sections: 1,
      reused: 0,
    });
  }, 120_000);
});
