// `npm run build`: builds the site in the current folder with `astro build` (its arguments passed on), then runs
// the passes over the finished pages (src/integrations/after-build.ts: CSP narrowing, preview images, the
// address guard, `_headers`, the search index) in this process once Astro's has ended. Astro keeps its content
// store, the data-store module and the site index alive to its end; run inside it, the passes added their
// memory on top (4.9 GB for the build's process at 3,000 articles; docs/bench-build.md, "Seventh session").
// `astro build` alone still makes the whole site, with the passes in its own process. While Astro renders, a worker
// thread of this process draws the preview images into their cache (PREVIEW_WARMUP=0 turns it off).
// Exits with Astro's status when it fails, 1 when a pass fails (its message says what to fix).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HANDOFF_VARIABLE, outDirFileOf, type PassError, type PassLogger } from '../src/integrations/pass.ts';
import { startPreviewWarmup, WARMUP_VARIABLE } from '../src/integrations/preview-images-warmup.ts';

const root = process.cwd();
const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
const folder = mkdtempSync(join(tmpdir(), 'after-build-'));
const handoff = join(folder, 'context.json');

/** A log line as Astro writes them ("16:40:12 [label] message"; warnings too on stdout, errors on stderr), so readers of the build log find them alike. */
const stamp = (): string => new Date().toTimeString().slice(0, 8);
const loggerFor = (label: string): PassLogger => ({
  info: (message) => console.log(`${stamp()} [${label}] ${message}`),
  warn: (message) => console.log(`${stamp()} [WARN] [${label}] ${message}`),
});

try {
  // While Astro renders on one core, the preview images are drawn on the other into their cache (the warm-up:
  // src/integrations/preview-images-warmup.ts), so the pass after the pages mostly copies them.
  const warmup =
    process.env[WARMUP_VARIABLE] === '0'
      ? undefined
      : startPreviewWarmup({ root, outDirFile: outDirFileOf(handoff), since: Date.now() }, loggerFor('preview-warmup'));
  const status = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, [astro, 'build', ...process.argv.slice(2)], {
      stdio: 'inherit',
      env: { ...process.env, [HANDOFF_VARIABLE]: handoff },
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal === null ? 1 : 128)));
  });
  await warmup?.stop();
  if (status !== 0) process.exit(status);
  if (!existsSync(handoff))
    throw new Error(
      `astro build ended without handing over the passes after the pages (no ${handoff}): ` +
        'astro.config.mjs should list afterBuild() from src/integrations/after-build.ts',
    );
  const started = performance.now();
  // The project's own passes (a copy of the site builds with its own src/), loaded only now: none of their
  // modules is held while Astro runs.
  const { parseHandoff, runAfterBuild } = (await import(
    pathToFileURL(join(root, 'src', 'integrations', 'after-build.ts')).href
  )) as typeof import('../src/integrations/after-build.ts');
  const context = parseHandoff(handoff, readFileSync(handoff, 'utf8'));
  let current = 'after-build';
  await runAfterBuild(context, (name) => {
    current = name;
    return loggerFor(name);
  }).catch((error: unknown) => {
    // A pass's work left running fails after later passes have begun: the error names its pass.
    const label = error instanceof Error && error.name === 'PassError' ? (error as PassError).pass : current;
    console.error(`${stamp()} [ERROR] [${label}] ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
  if (process.exitCode !== 1)
    loggerFor('after-build').info(
      `the passes after the pages done in ${Math.round(performance.now() - started)} ms; the site is in ${context.distDir}`,
    );
} finally {
  rmSync(folder, { recursive: true, force: true });
}
