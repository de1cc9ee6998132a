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

/**
 * The incremental build's copy of each keyed page (node_modules/.astro/dist/) with its modification time:
 * Astro writes a page's copy when it renders the page and leaves it when it reuses it. (The build log says
 * "(restored)" too, but with several pages in flight its lines interleave.)
 */
function cachedCopies(dir: string): Map<string, number> {
  const root = join(dir, 'node_modules', '.astro', 'dist');
  const copies = new Map<string, number>();
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else copies.set(`/${relative(root, path).split(sep).join('/')}`, stat.mtimeMs);
    }
  };
  walk(root);
  return copies;
}

/** Which keyed pages a rebuild rendered and which it reused. */
interface Rebuilt {
  rendered: string[];
  reused: string[];
}

/** Applies `edit` to both copies, rebuilds `warm` with its caches and `cold` without; says what the rebuild reused. */
function editAndRebuild(edit: (dir: string) => void): Rebuilt {
  edit(warm);
  edit(cold);
  const before = cachedCopies(warm);
  build(warm, false);
  build(cold, true);
  expect(differences(warm, cold)).toEqual([]);
  const after = [...cachedCopies(warm)];
  return {
    rendered: after.filter(([page, time]) => before.get(page) !== time).map(([page]) => page),
    reused: after.filter(([page, time]) => before.get(page) === time).map(([page]) => page),
  };
}

const replaceIn = (dir: string, file: string, from: string, to: string): void => {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} no longer holds ${JSON.stringify(from)}; update this test`);
  writeFileSync(path, text.replace(from, to));
};

describe('a rebuild gives what a cold build of the same tree gives', () => {
  it('first build, and a rebuild with nothing changed reuses every keyed page', () => {
    build(warm, true);
    const before = cachedCopies(warm);
    const log = build(warm, false);
    expect([...cachedCopies(warm)]).toEqual([...before]);
    expect(before.size).toBeGreaterThan(40);
    expect(log.match(/ \(restored\)/g)?.length).toBe(before.size);
  }, 240_000);

  it('after a paragraph of an article is changed', () => {
    const { rendered, reused } = editAndRebuild((dir) =>
      replaceIn(
        dir,
        'content/articles/clash-report-trump-meets-petro.md',
        'reading, “Gustavo - A great honor - I love Colombia.” {#handwritten-note}',
        'reading, “Gustavo - A great honor - I love Colombia.” A sentence the incremental-build test adds. {#handwritten-note}',
      ),
    );
    expect(rendered).toContain('/articles/clash-report-trump-meets-petro/index.html');
    // A page citing the article renders again (a long cited passage's text fragment is a range whose first
    // words must not occur earlier in the article: textDirective); a page that cites only the other is reused.
    expect(rendered).toContain('/people/gustavo-petro/index.html');
    expect(reused).toContain('/people/ana-ceballos/index.html');
  }, 240_000);

  it("after a person's name, shown on many pages, is changed", () => {
    const { rendered, reused } = editAndRebuild((dir) =>
      replaceIn(dir, 'content/people/people.yaml', '  name: Gustavo Petro\n', '  name: Gustavo Petro Urrego\n'),
    );
    expect(rendered).toContain('/people/gustavo-petro/index.html');
    expect(reused.length).toBeGreaterThan(0);
  }, 240_000);

  it('after a new article is added and cited by a comparison point and an event', () => {
    const { rendered, reused } = editAndRebuild(addThirdSource);
    expect(rendered).toContain(`/articles/${slug}/index.html`);
    expect(reused.length).toBeGreaterThan(0);
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
