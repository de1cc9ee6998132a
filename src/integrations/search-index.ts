import type { AstroIntegration } from 'astro';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { markSearchAnchors, SEARCH_BODY_ATTRIBUTE, SEARCH_EXCLUDED_SELECTORS } from '../lib/reading/search.ts';
import { SEARCH_BUNDLE_DIR } from '../lib/links/urls.ts';
import { listBuiltPages } from './built-pages.ts';

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
 * Indexes the built site in `distDir` with Pagefind and writes the bundle to `distDir`/pagefind/. Only
 * pages whose <main> is marked `data-pagefind-body` are indexed (so not redirect pages, the 404 or the
 * search page), each linkable block named so that results point at it (see markSearchAnchors).
 * Throws, naming the page, when Pagefind refuses one, and when no page is marked at all (the layout
 * lost its marker: an empty index would make every search come back empty).
 */
export async function buildSearchIndex(distDir: string): Promise<{ indexed: number }> {
  const fail = (what: string, errors: string[]): never => {
    throw new Error(`Search index: ${what} failed: ${errors.join('; ')}`);
  };
  try {
    const { index, errors } = await pagefind.createIndex({
      forceLanguage: 'en',
      excludeSelectors: [...SEARCH_EXCLUDED_SELECTORS],
    });
    if (!index) return fail('starting Pagefind', errors);
    let indexed = 0;
    for (const page of listBuiltPages(distDir)) {
      const html = readFileSync(page.file, 'utf8');
      if (!html.includes(SEARCH_BODY_ATTRIBUTE)) continue;
      const added = await index.addHTMLFile({ url: page.path, content: markSearchAnchors(html) });
      if (added.errors.length > 0) fail(`indexing ${page.path}`, added.errors);
      indexed += 1;
    }
    if (indexed === 0)
      fail('indexing', [`no page in ${distDir} has ${SEARCH_BODY_ATTRIBUTE}: BaseLayout should mark <main> with it`]);
    const written = await index.writeFiles({ outputPath: join(distDir, SEARCH_BUNDLE_DIR) });
    if (written.errors.length > 0) fail('writing the bundle', written.errors);
    for (const file of UNUSED_BUNDLE_FILES) rmSync(join(distDir, SEARCH_BUNDLE_DIR, file), { force: true });
    return { indexed };
  } finally {
    await pagefind.close();
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
