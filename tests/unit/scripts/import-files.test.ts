import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileOps, writeAllOrNothing, type FileWrite, type WriteOps } from '../../../scripts/lib/import/files.ts';
import { ImportError } from '../../../src/lib/import/errors.ts';

// The importer's one-step write, on a real folder: a failure injected at every file operation in turn
// must leave the folder exactly as it was (the digest of every file before and after), and say so.
let dir: string;

function digest(): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (lstatSync(path).isDirectory()) {
        files[relative(dir, path)] = 'folder';
        walk(path);
      } else files[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir);
  return files;
}

/** The writes of an import that replaces an article, adds a capture and rewrites the record. */
function writes(): FileWrite[] {
  return [
    { path: join(dir, 'content', 'articles', 'a.md'), shown: 'content/articles/a.md', data: 'new article\n' },
    {
      path: join(dir, 'content', 'captures', 'c.txt'),
      shown: 'content/captures/c.txt',
      data: new Uint8Array([0x61, 0x0a]),
    },
    {
      path: join(dir, 'content', 'captures', 'furniture.yaml'),
      shown: 'content/captures/furniture.yaml',
      data: 'new record\n',
    },
  ];
}

/** The real operations, the `failAt`-th call (1-based, over all operations) throwing instead. */
function failingOps(failAt: number): { ops: WriteOps; calls: () => number } {
  let calls = 0;
  const wrap =
    <A extends unknown[], R>(name: string, operation: (...args: A) => R) =>
    (...args: A): R => {
      calls += 1;
      if (calls === failAt) throw new Error(`injected failure of ${name}`);
      return operation(...args);
    };
  return {
    ops: {
      mkdtemp: wrap('mkdtemp', fileOps.mkdtemp),
      writeFile: wrap('writeFile', fileOps.writeFile),
      rename: wrap('rename', fileOps.rename),
      exists: wrap('exists', fileOps.exists),
      remove: wrap('remove', fileOps.remove),
    },
    calls: () => calls,
  };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'import-files-'));
  mkdirSync(join(dir, 'content', 'articles'), { recursive: true });
  mkdirSync(join(dir, 'content', 'captures'), { recursive: true });
  writeFileSync(join(dir, 'content', 'articles', 'a.md'), 'old article\n');
  writeFileSync(join(dir, 'content', 'captures', 'furniture.yaml'), 'old record\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeAllOrNothing', () => {
  it('writes every file, replacing the old ones, and leaves no temporary folder', () => {
    expect(writeAllOrNothing(join(dir, 'content'), writes())).toBeUndefined();
    expect(readFileSync(join(dir, 'content', 'articles', 'a.md'), 'utf8')).toBe('new article\n');
    expect(readFileSync(join(dir, 'content', 'captures', 'c.txt'), 'utf8')).toBe('a\n');
    expect(readFileSync(join(dir, 'content', 'captures', 'furniture.yaml'), 'utf8')).toBe('new record\n');
    expect(readdirSync(join(dir, 'content')).sort()).toEqual(['articles', 'captures']);
  });

  it('leaves the tree as it was when any step fails, whichever it is', () => {
    // Count the operations of a run that succeeds, then fail each of them but the last (the removal of
    // the old copies, after every file is in place) in a fresh folder.
    const counting = failingOps(0);
    writeAllOrNothing(join(dir, 'content'), writes(), counting.ops);
    const total = counting.calls();
    expect(total).toBeGreaterThan(8);
    for (let failAt = 1; failAt < total; failAt += 1) {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(join(dir, 'content', 'articles'), { recursive: true });
      mkdirSync(join(dir, 'content', 'captures'), { recursive: true });
      writeFileSync(join(dir, 'content', 'articles', 'a.md'), 'old article\n');
      writeFileSync(join(dir, 'content', 'captures', 'furniture.yaml'), 'old record\n');
      const before = digest();
      const { ops } = failingOps(failAt);
      let thrown: unknown;
      try {
        writeAllOrNothing(join(dir, 'content'), writes(), ops);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, `failure at operation ${failAt}`).toBeInstanceOf(ImportError);
      expect((thrown as Error).message).toMatch(/nothing was written/);
      expect(digest(), `failure at operation ${failAt}`).toEqual(before);
    }
  });

  it('says which file it could not write', () => {
    const { ops } = failingOps(3); // mkdtemp, then the article's and the capture's temporary copies
    expect(() => writeAllOrNothing(join(dir, 'content'), writes(), ops)).toThrow(
      'could not write content/captures/c.txt (injected failure of writeFile); nothing was written, every file is as it was',
    );
  });

  it('keeps the written files and warns when only the old copies cannot be removed', () => {
    const counting = failingOps(0);
    writeAllOrNothing(join(dir, 'content'), writes(), counting.ops);
    rmSync(join(dir, 'content', 'captures', 'c.txt'));
    writeFileSync(join(dir, 'content', 'articles', 'a.md'), 'old article\n');
    writeFileSync(join(dir, 'content', 'captures', 'furniture.yaml'), 'old record\n');
    const { ops } = failingOps(counting.calls());
    expect(writeAllOrNothing(join(dir, 'content'), writes(), ops)).toMatch(
      /^the files are written, but the temporary folder .*\.import-\w+ could not be removed \(injected failure of remove\); delete it$/,
    );
    expect(readFileSync(join(dir, 'content', 'articles', 'a.md'), 'utf8')).toBe('new article\n');
  });
});
