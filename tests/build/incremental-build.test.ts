import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedCopies, compareCopies, type Reuse } from '../../scripts/lib/bench/reuse.ts';
import { projectRoot } from '../helpers/content.ts';
import { buildProject, copyProject, files } from '../helpers/project-copy.ts';
import { importThirdSource, THIRD_SOURCE, writeThirdSourceAnalysis } from '../helpers/third-source.ts';

// Rebuilds that reuse pages (Astro's incremental build with the keys of src/data/page-keys.ts, and the
// passes' own caches) must give exactly what a cold build of the same tree gives. Two copies of the site
// with its real content get the same edits one after another: `warm` keeps its caches between builds,
// `cold` has them deleted before each build. After each edit the two outputs must be byte for byte the
// same, file by file; and the warm build must have reused pages, or the comparison would prove nothing.

const { slug } = THIRD_SOURCE;
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

/** Applies `edit` to both copies, rebuilds `warm` with its caches and `cold` without; says what the rebuild reused. */
function editAndRebuild(edit: (dir: string) => void): Reuse {
  edit(warm);
  edit(cold);
  const before = cachedCopies(warm);
  build(warm, false);
  build(cold, true);
  expect(differences(warm, cold)).toEqual([]);
  return compareCopies(before, cachedCopies(warm));
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
    const { rendered, reused } = editAndRebuild((dir) => {
      importThirdSource(dir);
      writeThirdSourceAnalysis(dir);
    });
    expect(rendered).toContain(`/articles/${slug}/index.html`);
    expect(reused.length).toBeGreaterThan(0);
  }, 240_000);

  // Homes are stable (issue 19): a point that joins with the newest article goes to the end of /sources/ and
  // an event after every other to the last part of the timeline; no earlier page of either changes.
  it('after a point that differs and an event at the end of the timeline are added, only the pages showing them', () => {
    const { rendered, reused } = editAndRebuild(addLatePointAndEvent);
    const timeline = readdirSync(join(warm, 'dist', 'timeline')).filter((name) =>
      statSync(join(warm, 'dist', 'timeline', name)).isDirectory(),
    );
    const home = timeline.filter((part) =>
      readFileSync(join(warm, 'dist', 'timeline', part, 'index.html'), 'utf8').includes(
        '<li id="fixture-joint-statement"',
      ),
    );
    expect(home).toHaveLength(1);
    // The event's part alone of the parts: no part names how many there are, or how many events its neighbours have.
    expect(rendered.filter((page) => page.startsWith('/timeline/'))).toEqual([`/timeline/${home[0]}/index.html`]);
    expect(reused.filter((page) => page.startsWith('/timeline/')).length).toBeGreaterThan(2);
    // The point joins the last page of /sources/; every further page before it is reused.
    const sourcesPages = rendered.filter((page) => page.startsWith('/sources/page/'));
    const last = Math.max(...readdirSync(join(warm, 'dist', 'sources', 'page')).map(Number));
    expect(sourcesPages).toEqual([`/sources/page/${last}/index.html`]);
    expect(readFileSync(join(warm, 'dist', 'sources', 'page', String(last), 'index.html'), 'utf8')).toContain(
      '<li id="fixture-late-difference"',
    );
    // The articles the point and the event cite show them; the other article does not, and is reused.
    expect(rendered).toContain(`/articles/${slug}/index.html`);
    expect(rendered).toContain('/articles/los-angeles-times-petro-and-trump-make-peace/index.html');
    expect(reused).toContain('/articles/clash-report-trump-meets-petro/index.html');
    // Neither names a person: every person's page is reused.
    expect(rendered.filter((page) => page.startsWith('/people/'))).toEqual([]);
  }, 240_000);

  // An entry taken out must leave Astro's store too (the analysis entries are kept there between builds by
  // their file's digest, src/data/yaml-list-loader.ts): the pages that showed it render again without it.
  it('after those entries are removed again, the pages that showed them are rendered without them', () => {
    const { rendered } = editAndRebuild((dir) => {
      for (const kind of ['comparisons', 'events']) rmSync(join(dir, 'content', kind, '9-test-fixture-late.yaml'));
    });
    const built = files(join(warm, 'dist'));
    const pagesHolding = (id: string): string[] =>
      [...built]
        .filter(([file, bytes]) => file.endsWith('.html') && bytes.includes(`<li id="${id}"`))
        .map(([file]) => file);
    expect(pagesHolding('fixture-late-difference')).toEqual([]);
    expect(pagesHolding('fixture-joint-statement')).toEqual([]);
    const last = Math.max(...readdirSync(join(warm, 'dist', 'sources', 'page')).map(Number));
    expect(rendered).toContain(`/sources/page/${last}/index.html`);
    expect(rendered.filter((page) => page.startsWith('/timeline/')).length).toBeGreaterThan(0);
  }, 240_000);
});

/**
 * A point that differs between the LA Times and the third source (it joins the comparison with the newest
 * article) and an event the third source reports, dated after every other.
 */
function addLatePointAndEvent(dir: string): void {
  writeFileSync(
    join(dir, 'content', 'comparisons', '9-test-fixture-late.yaml'),
    `- id: fixture-late-difference
  topic: "Test fixture: the length of the talks, the LA Times and the fictional Fixture Gazette"
  agreement: differ
  difference: wording
  summary: "Both put the talks at two hours; the fictional Fixture Gazette hedges the figure, the LA Times does not."
  accounts:
    - article: los-angeles-times-petro-and-trump-make-peace
      side: unhedged
      text: "Two hours."
      quoted: [{ paragraph: fantastic, words: "two-hour-long" }]
      citations: [{ article: los-angeles-times-petro-and-trump-make-peace, paragraph: fantastic, words: "the two-hour-long conversation" }]
    - article: ${slug}
      side: hedged
      text: "About two hours."
      quoted: [{ paragraph: ${THIRD_SOURCE.paragraph}, words: "for about two hours" }]
      citations: [{ article: ${slug}, paragraph: ${THIRD_SOURCE.paragraph}, words: "met for about two hours" }]
  issues: [bilateral-relations]
`,
  );
  writeFileSync(
    join(dir, 'content', 'events', '9-test-fixture-late.yaml'),
    `- id: fixture-joint-statement
  title: "Test fixture: the delegations leave without a joint statement"
  when: { date: "2026-02-04", precision: day, wording: "Feb. 4, 2026 (the fixture's date line)" }
  summary: "The fictional outlet, made up for the test suite, reports that both delegations left without a joint statement."
  citations: [{ article: ${slug}, paragraph: fixtures-last-paragraph-says-that, words: "both delegations left without a joint statement" }]
  issues: [bilateral-relations]
`,
  );
}
