import type { AstroIntegration } from 'astro';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { markSearchAnchors, SEARCH_BODY_ATTRIBUTE, SEARCH_EXCLUDED_SELECTORS } from '../lib/reading/search.ts';
import { SEARCH_BUNDLE_DIR } from '../lib/links/urls.ts';
import { listBuiltPages, type BuiltPage } from './built-pages.ts';

/** Files Pagefind writes for its own ready-made interfaces, which the site does not use (it has its own). */
const UNUSED_BUNDLE_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/**
 * Writes each page of `pages` that is to be indexed (its <main> marked `data-pagefind-body`) into `stage`
 * at the same path, with its blocks named for the index (markSearchAnchors); returns how many it wrote.
 * One after another in path order, so that every file system lists the folder in the same order on every
 * build and Pagefind numbers the pages alike (parallel writes and worker threads were no faster: the
 * writes, not the marking, take the time).
 */
function stagePages(pages: readonly BuiltPage[], stage: string): number {
  let staged = 0;
  for (const page of pages) {
    const html = readFileSync(page.file, 'utf8');
    if (!html.includes(SEARCH_BODY_ATTRIBUTE)) continue;
    const file = join(stage, ...page.path.split('/').filter(Boolean), 'index.html');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, markSearchAnchors(html, page.path));
    staged += 1;
  }
  return staged;
}

/** The number of pages in a written Pagefind bundle, from its pagefind-entry.json (all languages). */
function bundlePageCount(bundleDir: string): number {
  const entry = JSON.parse(readFileSync(join(bundleDir, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

/**
 * Indexes the built site in `distDir` with Pagefind and writes the bundle to `distDir`/pagefind/. Only
 * pages whose <main> is marked `data-pagefind-body` are indexed (so not redirect pages, the 404 or the
 * search page), each linkable block named so that results point at it (see markSearchAnchors).
 * The marked pages are staged in a folder of their own that Pagefind indexes as a directory: it reads and
 * indexes a directory's files on every core, where pages sent one by one through its API are indexed one
 * after another (the 38,303 indexed pages of a 1,000-article build: 43 s through the API, 10 s as a folder).
 * Throws when Pagefind reports an error or leaves a marked page out of the bundle, and when no page is
 * marked at all (the layout lost its marker: an empty index would make every search come back empty).
 */
export async function buildSearchIndex(distDir: string): Promise<{ indexed: number }> {
  const fail = (what: string, errors: string[]): never => {
    throw new Error(`Search index: ${what} failed: ${errors.join('; ')}`);
  };
  const stage = mkdtempSync(join(tmpdir(), 'search-index-'));
  try {
    const indexed = stagePages(listBuiltPages(distDir), stage);
    if (indexed === 0)
      fail('indexing', [`no page in ${distDir} has ${SEARCH_BODY_ATTRIBUTE}: BaseLayout should mark <main> with it`]);
    const { index, errors } = await pagefind.createIndex({
      forceLanguage: 'en',
      excludeSelectors: [...SEARCH_EXCLUDED_SELECTORS],
    });
    if (!index) return fail('starting Pagefind', errors);
    const added = await index.addDirectory({ path: stage });
    if (added.errors.length > 0) fail('indexing', added.errors);
    const bundleDir = join(distDir, SEARCH_BUNDLE_DIR);
    const written = await index.writeFiles({ outputPath: bundleDir });
    if (written.errors.length > 0) fail('writing the bundle', written.errors);
    const inBundle = bundlePageCount(bundleDir);
    if (inBundle !== indexed)
      fail('indexing', [
        `the bundle holds ${inBundle} of the ${indexed} pages marked ${SEARCH_BODY_ATTRIBUTE}; Pagefind leaves out a page ` +
          `whose <main> has no text: find it among the built pages and give it content or drop the marker`,
      ]);
    for (const file of UNUSED_BUNDLE_FILES) rmSync(join(distDir, SEARCH_BUNDLE_DIR, file), { force: true });
    return { indexed };
  } finally {
    await pagefind.close();
    rmSync(stage, { recursive: true, force: true });
  }
}

/** After the build, builds the search index (buildSearchIndex). Runs after every integration that rewrites pages. */
export function searchIndex(): AstroIntegration {
  return {
    name: 'search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = Date.now();
        const { indexed } = await buildSearchIndex(fileURLToPath(dir));
        logger.info(`search index: ${indexed} pages indexed into /${SEARCH_BUNDLE_DIR}/ in ${Date.now() - started} ms`);
      },
    },
  };
}
