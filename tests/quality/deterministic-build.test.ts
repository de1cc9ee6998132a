import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/content.ts';
import { listFiles } from './dist.ts';

// Two production builds of the same tree must be byte for byte the same: the second with --force,
// which clears the content layer's cache, so a difference between a warm and a cold build shows too.
// It runs in the e2e project, whose files run one at a time, so no other build shares the cache.

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Runs `astro build` into a new temporary folder; resolves to that folder. */
function buildInto(extra: string[]): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'deterministic-build-'));
  made.push(outDir);
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', outDir, ...extra],
      {
        cwd: projectRoot,
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) =>
      status === 0 ? resolve(outDir) : reject(new Error(`astro build exited with ${status}:\n${output}`)),
    );
  });
}

/** Each file of a build folder with the SHA-256 of its bytes. */
function fingerprint(dir: string): Map<string, string> {
  return new Map(
    listFiles(dir).map((file) => [
      file,
      createHash('sha256')
        .update(readFileSync(join(dir, file)))
        .digest('hex'),
    ]),
  );
}

describe('deterministic build', () => {
  it('two builds of the same commit give byte-identical output', async () => {
    const first = fingerprint(await buildInto([]));
    const second = fingerprint(await buildInto(['--force']));
    const files = [...new Set([...first.keys(), ...second.keys()])].sort();
    const differing = files
      .filter((file) => first.get(file) !== second.get(file))
      .map((file) =>
        !first.has(file)
          ? `${file} (only in the second build)`
          : !second.has(file)
            ? `${file} (only in the first build)`
            : file,
      );
    expect(differing).toEqual([]);
    expect(first.size).toBeGreaterThan(100);
  }, 300_000);
});
