import { spawnSync } from 'node:child_process';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/content.ts';
import { buildProject, copyProject, files } from '../helpers/project-copy.ts';

// `npm run build` (scripts/build.ts) runs the passes after the pages in a process of their own once `astro build`
// has ended; `astro build` alone runs them in its process. Both must make the same site, byte for byte, with the
// passes in the same order; the split must show in the log (the passes after Astro's last line).
let dir = '';
beforeAll(() => {
  dir = copyProject('after-build-');
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The index of the first line of `output` that contains `text` (-1 when none). */
const lineOf = (output: string, text: string): number => output.split('\n').findIndex((line) => line.includes(text));

const PASS_LINES = [
  '[csp-per-page] narrowed the Content-Security-Policy',
  '[preview-images] preview images:',
  '[address-guard] no content/addresses/published.json',
  '[static-host] _headers written',
  '[search-index] search index:',
];

describe('the passes after the pages', () => {
  let split = new Map<string, Buffer>();

  it('npm run build runs them in order once astro build has ended', () => {
    const { status, output } = buildProject(dir);
    expect(status).toBe(0);
    const astroDone = lineOf(output, '[build] Complete!');
    expect(astroDone).toBeGreaterThan(-1);
    expect(lineOf(output, '[after-build] the passes after the pages are left to scripts/build.ts')).toBeLessThan(
      astroDone,
    );
    const at = PASS_LINES.map((line) => lineOf(output, line));
    expect(at.every((line) => line > astroDone)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(lineOf(output, '[after-build] the passes after the pages done')).toBeGreaterThan(Math.max(...at));
    split = files(join(dir, 'dist'));
    expect(split.has('_headers')).toBe(true);
    expect(split.has('pagefind/pagefind-entry.json')).toBe(true);
  }, 180_000);

  it('astro build alone runs them in its own process and makes the same site, byte for byte', () => {
    renameSync(join(dir, 'dist'), join(dir, 'dist-split'));
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
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.status).toBe(0);
    const at = PASS_LINES.map((line) => lineOf(output, line));
    expect(at.every((line) => line > -1 && line < lineOf(output, '[build] Complete!'))).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    const alone = files(join(dir, 'dist'));
    expect([...alone.keys()].sort()).toEqual([...split.keys()].sort());
    const differing = [...alone]
      .filter(([path, bytes]) => !bytes.equals(split.get(path) as Buffer))
      .map(([path]) => path);
    expect(differing).toEqual([]);
  }, 180_000);

  it('npm run build stops, saying what to fix, when astro.config.mjs does not hand the passes over', () => {
    const config = join(dir, 'astro.config.mjs');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/^\s*afterBuild\(\),\n/m, ''));
    const { status, output } = buildProject(dir);
    expect(status).toBe(1);
    expect(output).toContain('astro build ended without handing over the passes after the pages');
    expect(output).toContain('astro.config.mjs should list afterBuild() from src/integrations/after-build.ts');
  }, 180_000);
});
