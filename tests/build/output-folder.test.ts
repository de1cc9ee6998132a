import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject, copyProject } from '../helpers/project-copy.ts';

// The real `astro build` run twice on a copy of the project with the small fixture content: the rebuild
// must start from an empty output folder (outputFolder moves the old one aside instead of Astro emptying
// it), so a page the content no longer makes does not survive, and the old output is gone at the end.
let dir = '';
const build = () => buildProject(dir);

beforeAll(() => {
  dir = copyProject('output-folder-build-');
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
