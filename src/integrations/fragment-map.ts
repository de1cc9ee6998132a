import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { stripTypeScriptTypes } from 'node:module';
import { join } from 'node:path';
import { isRedirectPage } from '../lib/links/addresses.ts';
import { fragmentMap, type FragmentMap } from '../lib/links/fragment-map.ts';
import { fragmentMapUrl, fragmentNoteModuleUrl } from '../lib/links/urls.ts';
import { listBuiltPages } from './built-pages.ts';
import type { AfterBuildPass, PassContext } from './pass.ts';

/** The note's module as the site serves it: src/client/fragment-note.ts with its types removed. */
export function noteModule(root: string): string {
  const source = readFileSync(join(root, 'src', 'client', 'fragment-note.ts'), 'utf8');
  // Node warns once that its type stripping is experimental; the build's output needs no such line.
  const warn = process.emitWarning;
  process.emitWarning = () => {};
  try {
    return stripTypeScriptTypes(source);
  } finally {
    process.emitWarning = warn;
  }
}

/**
 * The maps the address guard's pass made of a run's pages (keyed by the run's context) while it listed every
 * page's ids after its last change to them: the fragment-map pass, which comes right after it and changes no
 * page, takes it instead of reading every page again.
 */
export const mapsFromGuard = new WeakMap<PassContext, FragmentMap>();

/** The map of the built pages in `distDir` as they are now, each page read when the map comes to it. */
export function mapBuiltPages(distDir: string): FragmentMap {
  // Not all held at once (24,000 pages at 3,000 articles).
  function* pages(): Generator<{ path: string; html: string }> {
    for (const page of listBuiltPages(distDir)) {
      const html = readFileSync(page.file, 'utf8');
      if (!isRedirectPage(html)) yield { path: page.path, html };
    }
  }
  return fragmentMap(pages());
}

/**
 * After the address guard (whose alias anchors and moved-entry links it leaves out), writes the map of every
 * page's own ids (fragmentMapUrl, lib/links/fragment-map.ts) and the module of the note that reads it
 * (fragmentNoteModuleUrl), which a page loads only when its address's fragment names nothing on it. The map is
 * the one the guard's pass made of the pages in this run (mapsFromGuard), or, run on its own, read from them.
 */
export const fragmentMapPass: AfterBuildPass = {
  name: 'fragment-map',
  run: async (context, logger) => {
    const { root, distDir } = context;
    if (!existsSync(distDir)) return;
    const fromGuard = mapsFromGuard.get(context);
    mapsFromGuard.delete(context);
    const map = fromGuard ?? mapBuiltPages(distDir);
    const json = JSON.stringify(map);
    await writeFile(join(distDir, fragmentMapUrl().slice(1)), json);
    await writeFile(join(distDir, fragmentNoteModuleUrl().slice(1)), noteModule(root));
    logger.info(
      `${fragmentMapUrl()}: ${Object.keys(map.ids).length} ids on ${map.pages.length} pages (${json.length} B)`,
    );
  },
};
