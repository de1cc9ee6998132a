import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkingCodeDigest,
  CONTENT_CHECKS_FILE,
  loadContentCheckCache,
  saveContentCheckCache,
} from '../../../src/data/content-check-cache.ts';
import { checkContent } from '../../../src/lib/content/check-content.ts';
import { projectRoot, readFixture, withEdit } from '../../helpers/content.ts';

// The content checks' per-file results kept between builds in node_modules/.astro/content-checks.bin.
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const temp = (prefix: string): string => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
};

describe('checkingCodeDigest', () => {
  it('changes with any module the per-file checks import (a schema, a parser), and not with other code', () => {
    const root = temp('check-code-');
    cpSync(join(projectRoot, 'src'), join(root, 'src'), { recursive: true });
    const before = checkingCodeDigest(root);
    expect(checkingCodeDigest(root)).toBe(before);
    // A page is not part of the checks.
    appendFileSync(join(root, 'src', 'pages', 'index.astro'), '\n');
    expect(checkingCodeDigest(root)).toBe(before);
    // A schema two imports away from content-model.ts (collections.ts, then event.ts) is.
    appendFileSync(join(root, 'src', 'schemas', 'event.ts'), '\n// changed\n');
    const afterSchema = checkingCodeDigest(root);
    expect(afterSchema).not.toBe(before);
    appendFileSync(join(root, 'src', 'lib', 'content', 'yaml-list.ts'), '\n// changed\n');
    expect(checkingCodeDigest(root)).not.toBe(afterSchema);
  });

  it('changes with the version of a package the checks import', () => {
    const root = temp('check-code-');
    cpSync(join(projectRoot, 'src'), join(root, 'src'), { recursive: true });
    const without = checkingCodeDigest(root);
    cpSync(
      join(projectRoot, 'node_modules', 'js-yaml', 'package.json'),
      join(root, 'node_modules', 'js-yaml', 'package.json'),
    );
    expect(checkingCodeDigest(root)).not.toBe(without);
  });
});

describe('the kept results on disk', () => {
  it('serve a later run whose files and code are unchanged, and only those files, with the same outcome as no cache', () => {
    const cacheDir = temp('check-cache-');
    const first = loadContentCheckCache(projectRoot, cacheDir);
    const fixture = readFixture();
    const fresh = checkContent(fixture, first);
    expect(first.hits).toBe(0);
    saveContentCheckCache(cacheDir, first);

    const second = loadContentCheckCache(projectRoot, cacheDir);
    expect(checkContent(readFixture(), second)).toEqual(fresh);
    expect(second.misses).toBe(0);
    expect(second.hits).toBe(first.misses);

    // One file edited: it alone is checked again, and its new problem is found.
    const third = loadContentCheckCache(projectRoot, cacheDir);
    const edited = withEdit('tests/fixtures/content-min/content/events/events.yaml', (text) =>
      text.replace(/\bid: /, 'id: Not-An-Id-'),
    );
    const { problems } = checkContent(edited, third);
    expect(third.misses).toBe(1);
    expect(problems).toEqual(checkContent(edited).problems);
    expect(problems.length).toBeGreaterThan(0);
  });

  it('are not used when the checking code has changed, nor when the file is cut short', () => {
    const cacheDir = temp('check-cache-');
    const first = loadContentCheckCache(projectRoot, cacheDir);
    checkContent(readFixture(), first);
    saveContentCheckCache(cacheDir, first);
    // Another code digest (as after a schema change): nothing taken from the file.
    const root = temp('check-code-');
    cpSync(join(projectRoot, 'src'), join(root, 'src'), { recursive: true });
    appendFileSync(join(root, 'src', 'schemas', 'person.ts'), '\n// changed\n');
    const other = loadContentCheckCache(root, cacheDir);
    checkContent(readFixture(), other);
    expect(other.hits).toBe(0);
    // A file cut short: read as no results, and the checks run in full.
    writeFileSync(join(cacheDir, CONTENT_CHECKS_FILE), Buffer.from([0xff, 0x0f, 0x6f]));
    const cut = loadContentCheckCache(projectRoot, cacheDir);
    expect(checkContent(readFixture(), cut).problems).toEqual([]);
    expect(cut.hits).toBe(0);
  });
});
