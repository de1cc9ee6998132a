import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LOCAL_ORIGIN } from '../lib/links/site-origin.ts';
import { addressGuardPass } from './address-guard.ts';
import { cspPerPagePass } from './csp-per-page.ts';
import { fragmentMapPass } from './fragment-map.ts';
import { previewImagesPass } from './preview-images.ts';
import { searchIndexPass } from './search-index.ts';
import { staticHostPass } from './static-host.ts';
import {
  HANDOFF_VARIABLE,
  outDirFileOf,
  PassError,
  type AfterBuildPass,
  type PassContext,
  type PassLogger,
} from './pass.ts';

/**
 * The passes over the finished pages, in the order they must run: each page's CSP is narrowed to its own
 * hashes, preview images are drawn, the address guard adds alias anchors and redirect pages and checks every
 * published address, the map of the pages' ids and the module of the note that reads it are written (fragment-map),
 * the `_headers` file is written, and the search index is built last, from the finished pages.
 */
export const AFTER_BUILD_PASSES: readonly AfterBuildPass[] = [
  cspPerPagePass,
  previewImagesPass,
  addressGuardPass,
  fragmentMapPass,
  staticHostPass,
  searchIndexPass,
];

/**
 * Runs every pass in order, each logging under its own name; the first that throws stops the rest. A pass may
 * leave work running when it returns (LeftRunning: the preview images, drawn on worker threads while the address
 * guard and the map of ids run on this thread); it is awaited before a pass that runs `alone` (the search index)
 * and at the end; its failure is thrown as a PassError naming its pass (later passes may have begun). When a
 * pass fails while an earlier pass's work is still running, that work is awaited first and its failure, if any,
 * is the one thrown: the first in the passes' order, as when they ran one after another.
 */
export async function runAfterBuild(
  context: PassContext,
  loggerFor: (name: string) => PassLogger,
  passes: readonly AfterBuildPass[] = AFTER_BUILD_PASSES,
): Promise<void> {
  const running: { name: string; rest: Promise<void> }[] = [];
  // Waits for all the work left running; throws the first failure in the passes' order.
  const settle = async (): Promise<void> => {
    const left = running.splice(0);
    const results = await Promise.allSettled(left.map(({ rest }) => rest));
    results.forEach((result, at) => {
      if (result.status === 'rejected') throw new PassError(left[at]!.name, result.reason);
    });
  };
  try {
    for (const pass of passes) {
      if (pass.alone === true) await settle();
      const left = await pass.run(context, loggerFor(pass.name));
      if (left !== undefined) {
        // Awaited in settle(); handled here so that a failure before then is not reported as unhandled.
        left.rest.catch(() => undefined);
        running.push({ name: pass.name, rest: left.rest });
      }
    }
    await settle();
  } catch (error) {
    await settle();
    throw error;
  }
}

/**
 * Reads and checks the context `astro build` handed over (HANDOFF_VARIABLE); throws, saying what is wrong,
 * when the file does not hold one.
 */
export function parseHandoff(file: string, text: string): PassContext {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not JSON (${(error as Error).message}); run the build again`);
  }
  const context = value as Record<string, unknown>;
  for (const field of ['root', 'distDir', 'site', 'cacheDir'] as const)
    if (typeof context[field] !== 'string' || context[field] === '')
      throw new Error(`${file}: "${field}" should be a non-empty string (written by afterBuild() in astro.config.mjs)`);
  return context as unknown as PassContext;
}

/**
 * Runs the passes after the pages (AFTER_BUILD_PASSES) once Astro has written them. `astro build` on its own
 * runs them in its process, so it still makes the whole site; `npm run build` (scripts/build.ts) sets
 * HANDOFF_VARIABLE, and then this writes where the passes' work is to that file and leaves them to it, to run
 * once Astro's process has ended: they then do not hold their memory on top of everything Astro keeps alive
 * to its end (its content store, the data-store module and the site index; docs/bench-build.md).
 */
export function afterBuild(): AstroIntegration {
  let root = '';
  let site = '';
  let cacheDir = '';
  return {
    name: 'after-build',
    hooks: {
      'astro:config:setup': ({ config }) => {
        root = fileURLToPath(config.root);
        site = config.site ?? `${LOCAL_ORIGIN}/`;
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:config:done': ({ config }) => {
        const handoff = process.env[HANDOFF_VARIABLE];
        if (handoff !== undefined && handoff !== '') writeFileSync(outDirFileOf(handoff), fileURLToPath(config.outDir));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const context: PassContext = { root, distDir: fileURLToPath(dir), site, cacheDir };
        const handoff = process.env[HANDOFF_VARIABLE];
        if (handoff !== undefined && handoff !== '') {
          writeFileSync(handoff, JSON.stringify(context));
          logger.info('the passes after the pages are left to scripts/build.ts, once this process has ended');
          return;
        }
        await runAfterBuild(context, (name) => logger.fork(name));
      },
    },
  };
}
