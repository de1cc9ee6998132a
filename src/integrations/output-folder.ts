import type { AstroIntegration } from 'astro';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Whether `folder` lies strictly inside `root` (not `root` itself, not a folder holding it). */
const isInside = (folder: string, root: string): boolean => {
  const path = relative(root, folder);
  return path !== '' && !path.startsWith('..') && !isAbsolute(path);
};

/**
 * Moves the previous build's output `outDir` into `aside` (a folder on the same disk: a rename, at once) and
 * removes everything in `aside` on another process while the new build runs; resolves when it is gone.
 * Astro empties the output folder itself, file by file, before it builds anything: 28 s of a rebuild at
 * 1,000 articles (about 125,000 files), against the baseline's whole 6 s rebuild. Everything in `aside` goes,
 * not only this build's copy, so a copy left by a build that was stopped midway is removed by the next.
 * When `outDir` is on another disk than `aside` it is removed here and now, as Astro would.
 */
export function clearOutputFolder(outDir: string, aside: string): Promise<void> {
  if (!existsSync(outDir) && !(existsSync(aside) && readdirSync(aside).length > 0)) return Promise.resolve();
  mkdirSync(aside, { recursive: true });
  const own = join(aside, `previous-${process.pid}-${Date.now()}`);
  if (existsSync(outDir)) {
    try {
      renameSync(outDir, own);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV')
        throw new Error(
          `output-folder: could not move the previous build ${outDir} aside to ${aside} (${(error as Error).message}); ` +
            'delete the output folder by hand and build again',
        );
      rmSync(outDir, { recursive: true, force: true });
    }
  }
  return new Promise((resolve, reject) => {
    // A process of its own, so the removal runs on the other core, not on the libuv pool of this thread,
    // which Astro writes the new pages through.
    // This build's own copy must go (a failure fails the build); what other builds left is removed as well
    // as it can be, since another build sharing the folder may be removing it at the same moment.
    const script = `const fs = require('node:fs'); const path = require('node:path');
const aside = ${JSON.stringify(aside)}; const own = ${JSON.stringify(own)};
fs.rmSync(own, { recursive: true, force: true, maxRetries: 5 });
for (const name of fs.readdirSync(aside)) {
  try { fs.rmSync(path.join(aside, name), { recursive: true, force: true }); } catch {}
}`;
    const remover = spawn(process.execPath, ['-e', script], { stdio: 'ignore' });
    remover.once('error', reject);
    remover.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(
            new Error(
              `output-folder: removing the previous build in ${aside} failed (exit ${code}); delete that folder by hand`,
            ),
          ),
    );
  });
}

/**
 * Keeps Astro from emptying the output folder before a build and instead moves the previous build's output
 * aside and removes it in the background (clearOutputFolder), so a rebuild does not wait for it; the build
 * ends only once it is gone. The new build still starts from an empty folder: no page of the old one is left.
 * An output folder that is not inside the project is left to Astro (which refuses the project root itself).
 */
export function outputFolder(): AstroIntegration {
  let outDir = '';
  let aside = '';
  let removal: Promise<void> | undefined;
  let started = 0;
  return {
    name: 'output-folder',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        const root = fileURLToPath(config.root);
        if (command !== 'build' || !isInside(fileURLToPath(config.outDir), root)) return;
        outDir = fileURLToPath(config.outDir);
        aside = join(root, 'node_modules', '.cache', 'previous-builds');
        updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:build:start': () => {
        if (outDir === '') return;
        started = performance.now();
        removal = clearOutputFolder(outDir, aside);
        // Awaited in build:done; caught here so that a failure is not reported as unhandled meanwhile.
        removal.catch(() => undefined);
      },
      'astro:build:done': async ({ logger }) => {
        if (removal === undefined) return;
        await removal;
        logger.info(
          `previous build removed in the background (done ${Math.round(performance.now() - started)} ms after the start)`,
        );
      },
    },
  };
}
