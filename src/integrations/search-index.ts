import type { AstroIntegration } from 'astro';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { markSearchAnchors, SEARCH_BODY_ATTRIBUTE, SEARCH_EXCLUDED_SELECTORS } from '../lib/search.ts';
import { SEARCH_BUNDLE_DIR } from '../lib/urls.ts';
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
 * After the build, indexes the built pages with Pagefind (no network: its binary ships in an npm
 * package) and writes the search bundle to dist/pagefind/. Only pages whose <main> is marked
 * `data-pagefind-body` are indexed (so not redirect pages, the 404 or the search page), with each
 * linkable block named so that results point at it (see markSearchAnchors). Runs after every
 * integration that rewrites pages.
 */
export function searchIndex(): AstroIntegration {
  return {
    name: 'search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const fail = (what: string, errors: string[]): never => {
          throw new Error(`Search index: ${what} failed: ${errors.join('; ')}`);
        };
        const started = Date.now();
        try {
          const { index, errors } = await pagefind.createIndex({
            forceLanguage: 'en',
            excludeSelectors: [...SEARCH_EXCLUDED_SELECTORS],
          });
          if (!index) return fail('starting Pagefind', errors);
          let indexed = 0;
          for (const page of listBuiltPages(root)) {
            const html = readFileSync(page.file, 'utf8');
            if (!html.includes(SEARCH_BODY_ATTRIBUTE)) continue;
            const added = await index.addHTMLFile({ url: page.path, content: markSearchAnchors(html) });
            if (added.errors.length > 0) fail(`indexing ${page.path}`, added.errors);
            indexed += 1;
          }
          if (indexed === 0)
            fail('indexing', [`no page in ${root} has ${SEARCH_BODY_ATTRIBUTE}: BaseLayout should mark <main> with it`]);
          const written = await index.writeFiles({ outputPath: join(root, SEARCH_BUNDLE_DIR) });
          if (written.errors.length > 0) fail('writing the bundle', written.errors);
          for (const file of UNUSED_BUNDLE_FILES) rmSync(join(root, SEARCH_BUNDLE_DIR, file), { force: true });
          logger.info(`search index: ${indexed} pages indexed into /${SEARCH_BUNDLE_DIR}/ in ${Date.now() - started} ms`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
