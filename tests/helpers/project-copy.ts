import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureRoot, projectRoot } from './content.ts';

/** What of the project a copy needs to build: the code, the static files and the config. */
const PROJECT_PARTS = ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'public'] as const;

/**
 * A copy of the project in a new temporary folder (named after `prefix`) with the small fixture content
 * (tests/fixtures/content), ready for `astro build`. node_modules is linked package by package, so the
 * copy's caches (node_modules/.astro, .cache) are its own. Returns the folder; the caller removes it.
 */
export function copyProject(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const name of PROJECT_PARTS) cpSync(join(projectRoot, name), join(dir, name), { recursive: true });
  cpSync(join(fixtureRoot, 'content'), join(dir, 'content'), { recursive: true });
  mkdirSync(join(dir, 'node_modules'));
  for (const name of readdirSync(join(projectRoot, 'node_modules')))
    if (!name.startsWith('.')) symlinkSync(join(projectRoot, 'node_modules', name), join(dir, 'node_modules', name));
  return dir;
}

/** Runs the real `astro build` in the copy `dir` (colourless, no telemetry, `env` added): its exit status and output. */
export function buildProject(dir: string, env: Record<string, string> = {}): { status: number | null; output: string } {
  const result = spawnSync(
    process.execPath,
    [join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'],
    {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...env },
      timeout: 120_000,
    },
  );
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}
