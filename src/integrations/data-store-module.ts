import type { AstroIntegration } from 'astro';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The id Vite gives Astro's content store module (`astro:data-layer-content`, a virtual module). */
export const DATA_STORE_MODULE_ID = '\0astro:data-layer-content';
/** The store's file in Astro's cache folder, which the content layer writes before the pages are bundled. */
export const DATA_STORE_FILE = 'data-store.json';
/** How Astro 7 writes the module in a build: the store file's whole text as one string literal. */
const INLINED_STORE = 'export default JSON.parse(';

/** Where the built pages' store module fails: the first line of what the build prints before it stops. */
export const STORE_MISMATCH_LINE = 'data-store-module: the content store file changed while the site was built';

/**
 * The module that stands for Astro's store module in the prerender bundle: it reads the store file when the
 * bundle is loaded and exports the store as the Map Astro would have made of it (`devalue.unflatten` of the
 * file's JSON, what `ImmutableDataStore.fromModule` does with Astro's own module), so nothing but the Map stays
 * alive. When the file is not the one bundled (`bytes` long) the build stops: Astro's loader would take a
 * failing module for an empty store and build a site without content.
 */
export function storeModuleFromFile(file: string, bytes: number): string {
  const mismatch =
    `${STORE_MISMATCH_LINE} (${file}: \${size} bytes, ${bytes} when the pages were bundled); ` +
    'another build of this project may share its cache folder: build again, one build at a time';
  return `import { readFileSync } from 'node:fs';
import { unflatten } from 'devalue';
function readStore() {
  const text = readFileSync(${JSON.stringify(file)});
  const size = text.length;
  if (size !== ${bytes}) {
    console.error(\`${mismatch.replaceAll('`', '\\`')}\`);
    process.exit(1);
  }
  return unflatten(JSON.parse(text.toString('utf8')));
}
export default readStore();
`;
}

/**
 * The module to bundle in place of Astro's `code` for its store module, or undefined to keep Astro's: only the
 * inlined form (`export default JSON.parse("<the store>")`) of a store file that exists is replaced; an empty
 * store (`new Map()`) and chunked storage are left as Astro writes them.
 */
export function replaceStoreModule(code: string, file: string): string | undefined {
  if (!code.startsWith(INLINED_STORE)) return undefined;
  let bytes: number;
  try {
    bytes = statSync(file).size;
  } catch {
    return undefined;
  }
  return storeModuleFromFile(file, bytes);
}

/**
 * Keeps the content store out of the bundle of the pages. Astro 7 bundles its store as a module holding the
 * store file's whole text (150 MB at 3,000 articles): the bundler parses and writes it, and when the pages are
 * rendered Node holds the module's source, its string literal and the parsed JSON beside the store itself, to
 * the end of the build (docs/bench-build.md, "Memory: the content store out of the bundle"). The module put in
 * its place reads the same file when the pages' bundle is loaded, so the store is the same, built from the
 * same bytes; only `astro build` is changed (`astro dev` keeps Astro's module and its reloading).
 */
export function dataStoreModule(): AstroIntegration {
  let file = '';
  return {
    name: 'data-store-module',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        file = fileURLToPath(new URL(DATA_STORE_FILE, config.cacheDir));
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'data-store-module',
                apply: 'build',
                transform: {
                  filter: { id: new RegExp(`^${DATA_STORE_MODULE_ID}$`) },
                  handler(code, id) {
                    if (id !== DATA_STORE_MODULE_ID) return undefined;
                    const replaced = replaceStoreModule(code, file);
                    // Astro marks the module as content data, which its incremental build leaves out of a
                    // page's code hash (the entries a page shows are in its cacheKey); the module put in its
                    // place keeps that mark.
                    return replaced === undefined
                      ? undefined
                      : { code: replaced, map: { mappings: '' }, meta: { astroIncremental: { kind: 'content-data' } } };
                  },
                },
              },
            ],
          },
        });
      },
    },
  };
}
