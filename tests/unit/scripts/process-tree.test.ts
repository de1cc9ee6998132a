import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { treeResidentBytes } from '../../../scripts/lib/bench/process-tree.ts';

// The memory of a process tree, on this machine's real /proc.
describe('treeResidentBytes', () => {
  it('counts the children of a process as well as the process itself', async () => {
    // A child node process that holds about 200 MB and starts a grandchild holding about 200 MB more.
    const hold = `const b = Buffer.alloc(200 * 1024 * 1024, 1); setTimeout(() => b.length, 60000);`;
    const parent = spawn(
      process.execPath,
      [
        '-e',
        `${hold} require('node:child_process').spawn(process.execPath, ['-e', ${JSON.stringify(hold)}], { stdio: 'inherit' }); setTimeout(() => console.log('ready'), 1500);`,
      ],
      { detached: true },
    );
    try {
      await new Promise((resolve) => parent.stdout.once('data', resolve));
      const total = treeResidentBytes(parent.pid as number);
      expect(total).toBeGreaterThan(400 * 1024 * 1024);
      expect(treeResidentBytes(process.pid)).toBeGreaterThan(total);
    } finally {
      // The whole group: the grandchild too.
      process.kill(-(parent.pid as number), 'SIGKILL');
    }
  }, 20_000);

  it('is 0 for a process that does not exist', () => {
    expect(treeResidentBytes(2 ** 22 + 12345)).toBe(0);
  });
});
