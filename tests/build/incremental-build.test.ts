import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/content.ts';
import { buildProject, copyProject } from '../helpers/project-copy.ts';

// Rebuilds that reuse pages (Astro's incremental build with the keys of src/data/page-keys.ts, and the
// passes' own caches) must give exactly what a cold build of the same tree gives. Two copies of the site
// with its real content get the same edits one after another: `warm` keeps its caches between builds,
// `cold` has them deleted before each build. After each edit the two outputs must be byte for byte the
// same, file by file; and the warm build must have reused pages, or the comparison would prove nothing.

const slug = 'fixture-gazette-talks';
const paragraph = 'presidents-of-the-united-states';
let warm = '';
let cold = '';

beforeAll(() => {
  warm = copyProject('incremental-warm-', join(projectRoot, 'content'));
  cold = copyProject('incremental-cold-', join(projectRoot, 'content'));
});
afterAll(() => {
  for (const dir of [warm, cold]) if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Builds `dir` (cold: its caches deleted first); fails on a failed build; returns the build's log. */
function build(dir: string, fresh: boolean): string {
  if (fresh)
    for (const cache of ['.astro', '.cache'])
      rmSync(join(dir, 'node_modules', cache), { recursive: true, force: true });
  const { status, output } = buildProject(dir);
  if (status !== 0) throw new Error(`astro build in ${dir} exited with ${status}:\n${output.slice(-4000)}`);
  return output;
}

/** Each file of a build's output with the SHA-256 of its bytes. */
function fingerprint(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else
        files.set(
          relative(dir, path).split(sep).join('/'),
          createHash('sha256').update(readFileSync(path)).digest('hex'),
        );
    }
  };
  walk(dir);
  return files;
}

/** The files in which two outputs differ, each said how. */
function differences(a: string, b: string): string[] {
  const left = fingerprint(join(a, 'dist'));
  const right = fingerprint(join(b, 'dist'));
  return [...new Set([...left.keys(), ...right.keys()])]
    .sort()
    .flatMap((file) =>
      left.get(file) === right.get(file)
        ? []
        : [
            !left.has(file)
              ? `${file}: only in the cold build`
              : !right.has(file)
                ? `${file}: only in the rebuild`
                : `${file}: differs`,
          ],
    );
}

/** The pages a build's log says were copied from the previous build rather than rendered. */
const reused = (log: string): string[] =>
  [...log.matchAll(/├─ (\S+) \((?:cached|restored)\)/g)].map((match) => match[1] as string);
/** The pages a build's log says were rendered. */
const rendered = (log: string): string[] =>
  [...log.matchAll(/├─ (\S+) \(\+[\d.]+m?s\)/g)].map((match) => match[1] as string);

/** Applies `edit` to both copies, rebuilds `warm` with its caches and `cold` without; returns the warm build's log. */
function editAndRebuild(edit: (dir: string) => void): string {
  edit(warm);
  edit(cold);
  const log = build(warm, false);
  build(cold, true);
  expect(differences(warm, cold)).toEqual([]);
  return log;
}

const replaceIn = (dir: string, file: string, from: string, to: string): void => {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} no longer holds ${JSON.stringify(from)}; update this test`);
  writeFileSync(path, text.replace(from, to));
};

describe('a rebuild gives what a cold build of the same tree gives', () => {
  it('first build', () => {
    build(warm, true);
    const log = build(warm, false);
    // Nothing changed: every keyed page is reused, and the output is the same as the first build's.
    expect(rendered(log).filter((page) => page.startsWith('/people/'))).toEqual([]);
    expect(reused(log).length).toBeGreaterThan(40);
  }, 240_000);

  it('after a paragraph of an article is changed', () => {
    const log = editAndRebuild((dir) =>
      replaceIn(
        dir,
        'content/articles/clash-report-trump-meets-petro.md',
        'reading, “Gustavo - A great honor - I love Colombia.” {#handwritten-note}',
        'reading, “Gustavo - A great honor - I love Colombia.” A sentence the incremental-build test adds. {#handwritten-note}',
      ),
    );
    expect(rendered(log)).toContain('/articles/clash-report-trump-meets-petro/index.html');
    expect(reused(log)).toContain('/people/gustavo-petro/index.html');
  }, 240_000);

  it("after a person's name, shown on many pages, is changed", () => {
    const log = editAndRebuild((dir) =>
      replaceIn(dir, 'content/people/people.yaml', '  name: Gustavo Petro\n', '  name: Gustavo Petro Urrego\n'),
    );
    expect(rendered(log)).toContain('/people/gustavo-petro/index.html');
    expect(reused(log).length).toBeGreaterThan(0);
  }, 240_000);

  it('after a new article is added and cited by a comparison point and an event', () => {
    const log = editAndRebuild(addThirdSource);
    expect(rendered(log)).toContain(`/articles/${slug}/index.html`);
    expect(reused(log).length).toBeGreaterThan(0);
  }, 240_000);
});

/** The README's walk-through: the fictional capture of tests/fixtures/third-source imported and cited. */
function addThirdSource(dir: string): void {
  appendFileSync(
    join(dir, 'content', 'outlets', 'outlets.yaml'),
    '- id: fixture-gazette\n  name: Fixture Gazette\n  kind: A fictional outlet that exists only in the test suite (a test fixture, never published)\n',
  );
  const imported = spawnSync(
    process.execPath,
    [
      join(projectRoot, 'scripts', 'import.ts'),
      join(projectRoot, 'tests', 'fixtures', 'third-source', 'fixture-gazette-capture.txt'),
      '--slug',
      slug,
      '--outlet',
      'fixture-gazette',
    ],
    { cwd: dir, encoding: 'utf8', env: { ...process.env, INIT_CWD: dir } },
  );
  if (imported.status !== 0) throw new Error(`import failed:\n${imported.stdout}\n${imported.stderr}`);
  replaceIn(
    dir,
    `content/articles/${slug}.md`,
    'capture:\n  file: fixture-gazette-capture.txt\n',
    'capture:\n  file: fixture-gazette-capture.txt\n  from: A fictional capture written for the test suite (tests/fixtures/third-source); never published.\n',
  );
  writeFileSync(
    join(dir, 'content', 'comparisons', '9-test-fixture.yaml'),
    `- id: fixture-three-accounts
  topic: "Test fixture: the length of the talks in three sources"
  agreement: differ
  difference: wording
  summary: "All three put the talks at about two hours; two hedge the figure, the LA Times states it flatly."
  accounts:
    - article: clash-report-trump-meets-petro
      side: hedged
      text: "About two hours."
      quoted: [{ paragraph: first-face-to-face, words: "roughly two-hour" }]
      citations: [{ article: clash-report-trump-meets-petro, paragraph: first-face-to-face, words: "The roughly two-hour encounter" }]
    - article: los-angeles-times-petro-and-trump-make-peace
      side: unhedged
      text: "Two hours."
      quoted: [{ paragraph: fantastic, words: "two-hour-long" }]
      citations: [{ article: los-angeles-times-petro-and-trump-make-peace, paragraph: fantastic, words: "the two-hour-long conversation" }]
    - article: ${slug}
      side: hedged
      text: "About two hours."
      quoted: [{ paragraph: ${paragraph}, words: "for about two hours" }]
      citations: [{ article: ${slug}, paragraph: ${paragraph}, words: "met for about two hours at the White House" }]
  issues: [bilateral-relations]
`,
  );
  writeFileSync(
    join(dir, 'content', 'events', '9-test-fixture.yaml'),
    `- id: fixture-gazette-report
  title: "Test fixture: a fictional outlet reports the talks"
  when: { date: "2026-02-04", precision: day, wording: "Feb. 4, 2026 (the fixture's date line)" }
  summary: "A fictional outlet, made up for the test suite, reports that the presidents talked for about two hours."
  citations: [{ article: ${slug}, paragraph: ${paragraph}, words: "met for about two hours" }]
  issues: [bilateral-relations]
`,
  );
}
