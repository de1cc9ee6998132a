import type { AstroIntegration } from 'astro';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The id Vite gives Astro's content store module (`astro:data-layer-content`, a virtual module). */
export const DATA_STORE_MODULE_ID = '\0astro:data-layer-content';
/** The store's file in Astro's cache folder, which the content layer writes before the pages are bundled. */
export const DATA_STORE_FILE = 'data-store.json';
/** How Astro 7 writes the module in a build: the store file's whole text as one string literal. */
const INLINED_STORE = 'export default JSON.parse(';
/** Where Astro's runtime imports its store module (`ImmutableDataStore.fromModule`, bundled with the pages). */
const STORE_IMPORT = 'import("astro:data-layer-content")';
/** The module imported there instead, which reads the store file: Astro's module is then never loaded. */
export const STORE_FROM_FILE_ID = 'astro:data-layer-content?from-file';
/** Astro's runtime module that imports the store module in the pages' bundle. */
const STORE_RUNTIME = /[\\/]astro[\\/]dist[\\/]content[\\/]data-store\.js$/;
/** Astro's mark on the store module: content data, left out of a page's code hash by its incremental build. */
const CONTENT_DATA = { astroIncremental: { kind: 'content-data' } };

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
 * the end of the build (docs/bench-build.md, "Seventh session: memory, the content store out of the bundle").
 * The module put in its place reads the same file when the pages' bundle is loaded, so the store is the same,
 * built from the same bytes; only `astro build` is changed (`astro dev` keeps Astro's module and its reloading).
 */
export function dataStoreModule(): AstroIntegration {
  let file = '';
  return {
    name: 'data-store-module',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        // Chunked storage keeps the store in parts, not in this file: Astro's modules are left as they are.
        const storage = (config.experimental as { collectionStorage?: string }).collectionStorage;
        if (storage !== undefined && storage !== 'single-file') return;
        file = fileURLToPath(new URL(DATA_STORE_FILE, config.cacheDir));
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'data-store-module',
                apply: 'build',
                // Astro's runtime imports the module that reads the file instead of Astro's, so Astro never
                // reads, parses and serialises the store again to make its module (about 1 GB of garbage at
                // 3,000 articles while the bundler runs).
                transform: {
                  filter: { id: [STORE_RUNTIME, new RegExp(`^${DATA_STORE_MODULE_ID}$`)] },
                  handler(code, id) {
                    if (STORE_RUNTIME.test(id))
                      return code.includes(STORE_IMPORT)
                        ? code.replace(STORE_IMPORT, `import(${JSON.stringify(STORE_FROM_FILE_ID)})`)
                        : undefined;
                    // Should Astro's runtime import its module some other way, its module is replaced here,
                    // once Astro has made it.
                    if (id !== DATA_STORE_MODULE_ID) return undefined;
                    const replaced = replaceStoreModule(code, file);
                    return replaced === undefined
                      ? undefined
                      : { code: replaced, map: { mappings: '' }, meta: CONTENT_DATA };
                  },
                },
                resolveId: {
                  filter: { id: new RegExp(`^${STORE_FROM_FILE_ID.replace('?', '\\?')}$`) },
                  handler: (id) => (id === STORE_FROM_FILE_ID ? `\0${STORE_FROM_FILE_ID}` : undefined),
                },
                load: {
                  filter: { id: new RegExp(`^\0${STORE_FROM_FILE_ID.replace('?', '\\?')}$`) },
                  handler(id) {
                    if (id !== `\0${STORE_FROM_FILE_ID}`) return undefined;
                    // No store file (an empty store): Astro's own module, as Astro writes it.
                    const code = existsSync(file)
                      ? storeModuleFromFile(file, statSync(file).size)
                      : `export { default } from 'astro:data-layer-content';`;
                    return {
                      code,
                      map: { mappings: '' },
                      meta: CONTENT_DATA,
                    };
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
