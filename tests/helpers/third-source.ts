import { spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './content.ts';

/**
 * The README's walk-through on a copy of the site: the fictional capture of tests/fixtures/third-source (a
 * test fixture, never published) imported with the real importer, its front matter filled in, a fictional
 * outlet added, and the new paragraph cited by a comparison point with three accounts and by a timeline
 * event. Used by the e2e test of a third source and by the incremental-build test.
 */

/** The ids the walk-through gives: the article, its cited paragraph, the point and the event. */
export const THIRD_SOURCE = {
  slug: 'fixture-gazette-talks',
  paragraph: 'presidents-of-the-united-states',
  point: 'fixture-three-accounts',
  event: 'fixture-gazette-report',
} as const;

/** Adds the fictional outlet and imports the capture into the copy `dir`, its front matter completed. */
export function importThirdSource(dir: string): void {
  const { slug } = THIRD_SOURCE;
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
  const file = join(dir, 'content', 'articles', `${slug}.md`);
  const article = readFileSync(file, 'utf8');
  const filled = article.replace(
    'capture:\n  file: fixture-gazette-capture.txt\n',
    'capture:\n  file: fixture-gazette-capture.txt\n  from: A fictional capture written for the test suite (tests/fixtures/third-source); never published.\n',
  );
  if (filled === article) throw new Error(`the imported article has no capture.file line to complete:\n${article}`);
  writeFileSync(file, filled);
}

/**
 * Writes the analysis that cites the imported article into the copy `dir`: a comparison point with three
 * accounts (content/comparisons/9-test-fixture.yaml) and an event (content/events/9-test-fixture.yaml).
 */
export function writeThirdSourceAnalysis(dir: string): void {
  const { slug, paragraph, point, event } = THIRD_SOURCE;
  writeFileSync(
    join(dir, 'content', 'comparisons', '9-test-fixture.yaml'),
    `- id: ${point}
  topic: "Test fixture: the length of the talks in three sources"
  agreement: differ
  difference: wording
  summary: "All three put the talks at about two hours; Clash Report and the fictional Fixture Gazette hedge the figure, the LA Times states it flatly."
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
    `- id: ${event}
  title: "Test fixture: a fictional outlet reports the talks"
  when: { date: "2026-02-04", precision: day, wording: "Feb. 4, 2026 (the fixture's date line)" }
  summary: "A fictional outlet, made up for the test suite, reports that the presidents talked for about two hours."
  citations: [{ article: ${slug}, paragraph: ${paragraph}, words: "met for about two hours" }]
  issues: [bilateral-relations]
`,
  );
}
