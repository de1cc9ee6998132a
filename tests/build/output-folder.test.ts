import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureRoot, projectRoot } from '../helpers/content.ts';

// The real `astro build` run twice on a copy of the project with the small fixture content: the rebuild
// must start from an empty output folder (outputFolder moves the old one aside instead of Astro emptying
// it), so a page the content no longer makes does not survive, and the old output is gone at the end.
let dir = '';

function build(): { status: number | null; output: string } {
  const result = spawnSync(
    process.execPath,
    [join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'],
    {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
      timeout: 120_000,
    },
  );
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'output-folder-build-'));
  for (const name of ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'public']) {
    cpSync(join(projectRoot, name), join(dir, name), { recursive: true });
  }
  cpSync(join(fixtureRoot, 'content'), join(dir, 'content'), { recursive: true });
  // node_modules linked package by package, so that this copy's caches (and the folder the old output
  // is moved to) are its own.
  mkdirSync(join(dir, 'node_modules'));
  for (const name of readdirSync(join(projectRoot, 'node_modules')))
    if (!name.startsWith('.')) symlinkSync(join(projectRoot, 'node_modules', name), join(dir, 'node_modules', name));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a rebuild over a previous build', () => {
  it('leaves nothing of the previous output: a stale page is gone and the old folder removed', () => {
    expect(build().status).toBe(0);
    const stale = join(dir, 'dist', 'events', 'no-longer-made');
    mkdirSync(stale, { recursive: true });
    writeFileSync(join(stale, 'index.html'), '<p>stale</p>');
    const { status, output } = build();
    expect(output).not.toContain('Error');
    expect(status).toBe(0);
    expect(existsSync(join(dir, 'dist', 'index.html'))).toBe(true);
    expect(existsSync(stale)).toBe(false);
    // Moved aside and removed by the integration, not emptied by Astro.
    expect(output).toMatch(/\[output-folder\] previous build removed in the background/);
    expect(readdirSync(join(dir, 'node_modules', '.cache', 'previous-builds'))).toEqual([]);
  }, 240_000);
});
