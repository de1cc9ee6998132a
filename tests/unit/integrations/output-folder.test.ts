import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clearOutputFolder } from '../../../src/integrations/output-folder.ts';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function project(): { outDir: string; aside: string } {
  const root = mkdtempSync(join(tmpdir(), 'output-folder-'));
  made.push(root);
  const outDir = join(root, 'dist');
  for (let page = 0; page < 200; page += 1) {
    mkdirSync(join(outDir, 'events', `e${page}`), { recursive: true });
    writeFileSync(join(outDir, 'events', `e${page}`, 'index.html'), `<p>${page}</p>`);
  }
  return { outDir, aside: join(root, 'node_modules', '.cache', 'previous-builds') };
}

describe('clearOutputFolder', () => {
  it('empties the output folder at once and removes the old output in the background', async () => {
    const { outDir, aside } = project();
    const removal = clearOutputFolder(outDir, aside);
    // Gone from its place before the promise settles: the build can start on an empty folder.
    expect(existsSync(outDir)).toBe(false);
    await removal;
    expect(readdirSync(aside)).toEqual([]);
  });

  it('also removes what a build stopped midway left aside', async () => {
    const { outDir, aside } = project();
    const left = join(aside, 'previous-1-1', 'events', 'e1');
    mkdirSync(left, { recursive: true });
    writeFileSync(join(left, 'index.html'), '<p>left</p>');
    await clearOutputFolder(outDir, aside);
    expect(existsSync(outDir)).toBe(false);
    expect(readdirSync(aside)).toEqual([]);
  });

  it('does nothing when there is no previous output', async () => {
    const { outDir, aside } = project();
    rmSync(outDir, { recursive: true });
    await expect(clearOutputFolder(outDir, aside)).resolves.toBeUndefined();
    expect(existsSync(aside)).toBe(false);
  });
});
