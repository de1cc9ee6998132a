import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  truncateSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArticleBody } from '../../src/lib/content/article-blocks.ts';
import { splitFrontMatter } from '../../src/lib/content/front-matter.ts';
import { compareWithCapture } from '../../src/lib/content/provenance.ts';
import { FURNITURE_FILE, readFurnitureFile } from '../../src/lib/import/furniture-file.ts';
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
    maxBuffer: 64 * 1_048_576,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The outlet ids of the project's content, in file order (the message lists them all). */
function outletIds(): string[] {
  return [
    ...readFileSync(join(projectRoot, 'content', 'outlets', 'outlets.yaml'), 'utf8').matchAll(/^- id: ([a-z0-9-]+)$/gm),
  ].map((match) => match[1] ?? '');
}

/**
 * A digest of the whole copy (content/, the inputs, the files outside content/ that links point to), to
 * prove that nothing was written: every file's bytes, every link's target, every other kind by its kind.
 */
function snapshot(): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      const stats = lstatSync(path);
      const key = relative(dir, path);
      if (stats.isDirectory()) {
        files[key] = 'folder';
        walk(path);
      } else if (stats.isSymbolicLink()) files[key] = `link to ${readlinkSync(path)}`;
      else if (stats.isFile()) files[key] = createHash('sha256').update(readFileSync(path)).digest('hex');
      else files[key] = 'other';
    }
  };
  walk(dir);
  return files;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'import-cli-'));
  cpSync(join(projectRoot, 'content'), join(dir, 'content'), { recursive: true });
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
  writeFileSync(join(dir, 'latin1 copy.txt'), readFileSync(fixture));
  writeFileSync(
    join(dir, 'latin1.txt'),
    Buffer.concat([
      Buffer.from('A headline\n\nPetro'),
      Buffer.from([0x92]),
      Buffer.from('s visit to the White House was long.\n'),
    ]),
  );
  mkdirSync(join(dir, 'a-folder.txt'));
  mkdirSync(join(dir, 'outside'));
  writeFileSync(join(dir, 'outside', 'not-ours.md'), 'A file outside the repository that a link points to.\n');
  // 50 MB, sparse: written at once, and refused by its size before a byte of it is read.
  writeFileSync(join(dir, 'huge.txt'), '');
  truncateSync(join(dir, 'huge.txt'), 50 * 1_048_576);
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
    [
      'a device (/dev/zero), without reading it',
      ['/dev/zero', '--slug', 'new-article'],
      "Import failed: /dev/zero is a character device, not a regular file; save the article's page as a .txt file and import that",
    ],
    [
      'a folder',
      ['a-folder.txt', '--slug', 'new-article'],
      "Import failed: a-folder.txt is a folder; give the capture's .txt file",
    ],
    [
      'a capture over the size limit (50 MB), before reading it',
      ['huge.txt', '--slug', 'new-article'],
      "Import failed: huge.txt is 50 MB, more than the 1 MB a capture may be (an article's text is a few dozen KB); check that this is the article's page saved as text",
    ],
    [
      'a slug longer than the id bound (101 characters)',
      [fixture, '--slug', 'a'.repeat(101)],
      'Import failed: --slug is 101 characters long; an article id may have at most 100 (its files and addresses are named after it): choose a shorter slug',
    ],
    [
      'a slug of 253 characters with a capture name the copy replaces by the slug',
      ['latin1 copy.txt', '--slug', 'a'.repeat(253)],
      'Import failed: --slug is 253 characters long; an article id may have at most 100 (its files and addresses are named after it): choose a shorter slug',
    ],
  ];
  for (const [what, args, message] of cases) {
    it(what, () => {
      const before = snapshot();
      const started = performance.now();
      const { status, stderr } = runImport(...args);
      expect(stderr.trim()).toBe(message);
      expect(status).toBe(1);
      expect(performance.now() - started).toBeLessThan(15_000);
      expect(snapshot()).toEqual(before);
    });
  }

  it('a named pipe, without hanging', () => {
    const fifo = join(dir, 'pipe.txt');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    try {
      const before = snapshot();
      const { status, stderr } = runImport('pipe.txt', '--slug', 'new-article');
      expect(stderr.trim()).toBe(
        "Import failed: pipe.txt is a named pipe, not a regular file; save the article's page as a .txt file and import that",
      );
      expect(status).toBe(1);
      expect(snapshot()).toEqual(before);
    } finally {
      unlinkSync(fifo);
    }
  });

  it('an article that is a symbolic link, even with --force: the file it points to is left alone', () => {
    const link = join(dir, 'content', 'articles', 'linked-article.md');
    symlinkSync(join(dir, 'outside', 'not-ours.md'), link);
    try {
      const before = snapshot();
      const { status, stderr } = runImport(fixture, '--slug', 'linked-article', '--force');
      expect(stderr.trim()).toBe(
        `Import failed: content/articles/linked-article.md is a symbolic link (to ${join(dir, 'outside', 'not-ours.md')}); the importer writes only plain files inside the project, never through a link: replace the link with the file itself, or remove it, and import again`,
      );
      expect(status).toBe(1);
      expect(snapshot()).toEqual(before);
    } finally {
      unlinkSync(link);
    }
  });

  it('a capture copy or the furniture record that is a symbolic link', () => {
    const copy = join(dir, 'content', 'captures', 'fixture-gazette-capture.txt');
    symlinkSync(join(dir, 'outside', 'not-ours.md'), copy);
    try {
      const before = snapshot();
      const { status, stderr } = runImport(fixture, '--slug', 'new-article', '--outlet', 'clash-report');
      expect(stderr.trim()).toMatch(
        /^Import failed: content\/captures\/fixture-gazette-capture\.txt is a symbolic link \(to .*not-ours\.md\); the importer writes only plain files/,
      );
      expect(status).toBe(1);
      expect(snapshot()).toEqual(before);
    } finally {
      unlinkSync(copy);
    }
    const record = join(dir, 'content', 'captures', 'furniture.yaml');
    const kept = join(dir, 'outside', 'furniture.yaml');
    cpSync(record, kept);
    unlinkSync(record);
    symlinkSync(kept, record);
    try {
      const before = snapshot();
      const { status, stderr } = runImport(fixture, '--slug', 'new-article', '--outlet', 'clash-report');
      expect(stderr.trim()).toMatch(/^Import failed: content\/captures\/furniture\.yaml is a symbolic link/);
      expect(status).toBe(1);
      expect(snapshot()).toEqual(before);
    } finally {
      unlinkSync(record);
      cpSync(kept, record);
      rmSync(kept);
    }
  });

  it('a furniture rule with nested quantifiers, refused when the rules are loaded', () => {
    const record = join(dir, 'content', 'captures', 'furniture.yaml');
    const original = readFileSync(record, 'utf8');
    const rule = readFileSync(join(projectRoot, 'tests', 'fixtures', 'bad-input', 'nested-quantifier.yaml'), 'utf8');
    writeFileSync(
      record,
      original.replace('\n  lines:\n', () => `\n  lines:\n${rule}`),
    );
    try {
      const before = snapshot();
      const started = performance.now();
      const { status, stderr } = runImport(fixture, '--slug', 'new-article', '--outlet', 'clash-report');
      expect(stderr.trim()).toBe(
        [
          'Import failed: Content check failed: 1 problem. Fix the file named on each line, then build again.',
          '  - content/captures/furniture.yaml › rules.lines.0.pattern: the group "(a+)+" repeats what is itself repeated (nested quantifiers), which can take exponential time on a line that almost matches; end each repetition with a character its repeated part cannot match, as in "(?:\\w+\\s)+", or remove the outer quantifier',
        ].join('\n'),
      );
      expect(status).toBe(1);
      expect(performance.now() - started).toBeLessThan(15_000);
      expect(snapshot()).toEqual(before);
    } finally {
      writeFileSync(record, original);
    }
  });
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

  it('reads a capture with classic Mac OS line endings (a carriage return alone) as the same capture', () => {
    const crOnly = join(projectRoot, 'tests', 'fixtures', 'bad-input', 'cr-only-capture.txt');
    const { status, stdout, stderr } = runImport(crOnly, '--slug', 'cr-only-article', '--outlet', 'clash-report');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toContain('Kept word for word: 4 paragraphs, 1 heading, 1 pull quote, 1 embedded post:');
    const bodyOf = (slug: string): string =>
      readFileSync(join(dir, 'content', 'articles', `${slug}.md`), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
    expect(bodyOf('cr-only-article')).toBe(bodyOf('cli-test-fixture-article'));
    // The provenance walk reads the stored copy line by line, as the importer did.
    const furniture = readFurnitureFile(readFileSync(join(dir, FURNITURE_FILE), 'utf8'));
    const record = furniture.captures.find((entry) => entry.article === 'cr-only-article');
    if (!record) throw new Error('no furniture record for cr-only-article');
    const article = splitFrontMatter(
      'cr-only-article.md',
      readFileSync(join(dir, 'content', 'articles', 'cr-only-article.md'), 'utf8'),
    );
    const copy = readFileSync(join(dir, 'content', 'captures', 'cr-only-capture.txt'), 'utf8');
    expect(copy).toBe(readFileSync(crOnly, 'utf8'));
    expect(
      compareWithCapture(copy, parseArticleBody(article.result?.body ?? '').blocks, record, article.result?.data),
    ).toEqual([]);
  });

  it('imports 20,000 identical paragraphs in a few seconds (id suffixing is linear)', () => {
    const paragraph = 'Same words go here, and here, and here.';
    writeFileSync(
      join(dir, 'repeated.txt'),
      `A capture of one paragraph repeated\n\n${`${paragraph}\n\n`.repeat(20_000)}`,
    );
    const started = performance.now();
    const { status, stdout, stderr } = runImport(
      'repeated.txt',
      '--slug',
      'repeated-paragraphs',
      '--outlet',
      'clash-report',
    );
    const seconds = (performance.now() - started) / 1000;
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toContain('Kept word for word: 20000 paragraphs:');
    const article = readFileSync(join(dir, 'content', 'articles', 'repeated-paragraphs.md'), 'utf8');
    expect(article).toContain(`${paragraph.replace(/,/g, ',')} {#same-words-go-here-and-20000}`);
    // About 2 s on an idle machine (node's start included); the suffixing alone took 38 s before. The
    // bound leaves room for a machine shared with builds; tests/unit/lib/import holds the linear time.
    expect(seconds).toBeLessThan(45);
  }, 120_000);

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
