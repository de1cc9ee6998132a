import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/content.ts';

// The real `npm run import` command (scripts/import.ts, as npm runs it: from the project root) in a
// temporary copy of the project's content: each bad input must exit non-zero with its message and
// leave every file as it was; a good capture writes the article, the capture's copy and its record.
let dir: string;
const fixture = join(projectRoot, 'tests', 'fixtures', 'third-source', 'fixture-gazette-capture.txt');

function runImport(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(projectRoot, 'scripts', 'import.ts'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, INIT_CWD: dir },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The outlet ids of the project's content, in file order (the message lists them all). */
function outletIds(): string[] {
  return [
    ...readFileSync(join(projectRoot, 'content', 'outlets', 'outlets.yaml'), 'utf8').matchAll(/^- id: ([a-z0-9-]+)$/gm),
  ].map((match) => match[1] ?? '');
}

/** A digest of every file under the copy's content/, to prove that nothing was written. */
function snapshot(): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(join(dir, 'content'));
  return files;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'import-cli-'));
  cpSync(join(projectRoot, 'content'), join(dir, 'content'), { recursive: true });
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
  writeFileSync(
    join(dir, 'latin1.txt'),
    Buffer.concat([
      Buffer.from('A headline\n\nPetro'),
      Buffer.from([0x92]),
      Buffer.from('s visit to the White House was long.\n'),
    ]),
  );
  writeFileSync(
    join(dir, 'furniture-only.txt'),
    'Advertisement\n\nA headline\n\nShare via\n\nCopy Link URL\n\nAdvertisement\n',
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run import refuses bad input and writes nothing', () => {
  const cases: [string, string[], string][] = [
    ['a missing file', ['nowhere.txt', '--slug', 'new-article'], 'Import failed: no such file: nowhere.txt'],
    [
      'an empty file',
      ['empty.txt', '--slug', 'new-article'],
      "Import failed: empty.txt is empty: export the article's page as plain text and try again",
    ],
    [
      'a binary file',
      ['photo.txt', '--slug', 'new-article'],
      'Import failed: photo.txt is a binary file, not a plain-text capture (byte 0x1a at offset 6); save the page as text (.txt) and import that',
    ],
    [
      'a file not in UTF-8',
      ['latin1.txt', '--slug', 'new-article'],
      'Import failed: latin1.txt is not UTF-8 text (invalid byte 0x92 on line 3); convert it first, e.g. iconv -f windows-1252 -t utf-8 latin1.txt > capture.txt',
    ],
    [
      'a capture with no recognisable article body',
      ['furniture-only.txt', '--slug', 'new-article'],
      "Import failed: furniture-only.txt has no recognisable article body: after the title and the 4 line(s) of page furniture, no line reads as a paragraph of text (8 words or more). Check that this is the article's text, or add its lines to content/captures/furniture.yaml if they are article text the rules drop",
    ],
    [
      'a slug that is not a valid id',
      [fixture, '--slug', 'Fixture_Gazette'],
      'Import failed: --slug "Fixture_Gazette" is not a valid article id: expected lowercase kebab-case (letters a-z, digits, single hyphens), e.g. reuters-petro-visit',
    ],
    [
      'an unknown outlet',
      [fixture, '--slug', 'new-article', '--outlet', 'no-such-outlet'],
      `Import failed: unknown outlet "no-such-outlet": content/outlets/ has ${outletIds().join(', ')}; add the outlet to content/outlets/outlets.yaml first, or leave --outlet out`,
    ],
    [
      'an article that exists, without --force',
      [fixture, '--slug', 'clash-report-trump-meets-petro'],
      'Import failed: content/articles/clash-report-trump-meets-petro.md already exists; nothing was written. Choose another --slug, or add --force to replace it (paragraphs whose text is unchanged keep their ids)',
    ],
    [
      'no slug',
      [fixture],
      "Import failed: missing --slug <slug>: the new article's id, e.g. --slug reuters-petro-visit",
    ],
  ];
  for (const [what, args, message] of cases) {
    it(what, () => {
      const before = snapshot();
      const { status, stderr } = runImport(...args);
      expect(stderr.trim()).toBe(message);
      expect(status).toBe(1);
      expect(snapshot()).toEqual(before);
    });
  }
});

describe('npm run import on a new capture', () => {
  it('writes the article, copies the capture, records its lines, and says what is left to fill in', () => {
    const { status, stdout, stderr } = runImport(
      fixture,
      '--slug',
      'cli-test-fixture-article',
      '--outlet',
      'clash-report',
    );
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toContain(
      'Wrote content/articles/cli-test-fixture-article.md, copied the capture to content/captures/fixture-gazette-capture.txt and recorded its lines in content/captures/furniture.yaml.',
    );
    expect(stdout).toContain('Kept word for word: 4 paragraphs, 1 heading, 1 pull quote, 1 embedded post:');
    expect(stdout).toContain('  line  39  more to read: Another fictional story that the importer must drop');
    expect(stdout).toContain('  - capture.from: where the capture came from, in words');
    expect(readFileSync(join(dir, 'content', 'captures', 'fixture-gazette-capture.txt'))).toEqual(
      readFileSync(fixture),
    );
    const article = readFileSync(join(dir, 'content', 'articles', 'cli-test-fixture-article.md'), 'utf8');
    expect(article).toContain(
      'The presidents of the United States and Colombia met for about two hours at the White House on Tuesday, according to this fictional account. {#presidents-of-the-united-states}',
    );
    expect(readFileSync(join(dir, 'content', 'captures', 'furniture.yaml'), 'utf8')).toContain(
      '  - capture: fixture-gazette-capture.txt\n    article: cli-test-fixture-article\n',
    );
  });

  it('replaces an article with --force, keeping the ids of unchanged paragraphs', () => {
    const committed = readFileSync(join(dir, 'content', 'articles', 'clash-report-trump-meets-petro.md'), 'utf8');
    const ids = (text: string): string[] => [...text.matchAll(/\{#([a-z0-9-]+)/g)].map((match) => match[1] ?? '');
    const { status, stdout } = runImport(
      'content/captures/000_7699f9c64a1f4558.txt',
      '--slug',
      'clash-report-trump-meets-petro',
      '--force',
    );
    expect(status).toBe(0);
    expect(stdout).toContain('Replaced content/articles/clash-report-trump-meets-petro.md and recorded its lines');
    expect(stdout).toContain('(26 kept the id they had)');
    expect(stdout).toContain('the replaced article marked :sic[particar]; the import writes the capture');
    expect(ids(readFileSync(join(dir, 'content', 'articles', 'clash-report-trump-meets-petro.md'), 'utf8'))).toEqual(
      ids(committed),
    );
  });
});
