import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { copySite } from '../../scripts/lib/bench/projects.ts';
import { fixtureRoot, projectRoot } from './content.ts';

/**
 * A copy of the project in a new temporary folder (named after `prefix`) with the small fixture content
 * (tests/fixtures/content-min/content), or the `content` folder given, ready for `astro build`: the code
 * and config copied and node_modules linked package by package as the build benchmark does (copySite), so
 * the copy's caches (node_modules/.astro, .cache) are its own. Returns the folder; the caller removes it.
 */
export function copyProject(prefix: string, content = join(fixtureRoot, 'content')): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  copySite(projectRoot, dir);
  cpSync(content, join(dir, 'content'), { recursive: true });
  return dir;
}

/**
 * Builds the copy `dir` as `npm run build` does (scripts/build.ts: `astro build`, then the passes after the pages
 * in a process of their own), colourless, no telemetry, `env` added: its exit status and output.
 */
export function buildProject(dir: string, env: Record<string, string> = {}): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [join(projectRoot, 'scripts', 'build.ts')], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...env },
    timeout: 120_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** Every file of a folder (a built site), by its path in it, with its bytes: to compare two builds byte for byte. */
export function files(root: string): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else found.set(relative(root, path).split(sep).join('/'), readFileSync(path));
    }
  };
  walk(root);
  return found;
}
