import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readContentSources } from '../../src/data/read-sources.ts';
import { checkContent } from '../../src/lib/content/check-content.ts';
import { formatProblems } from '../../src/lib/content/problems.ts';
import { buildProject, copyProject } from '../helpers/project-copy.ts';

// The real `astro build`, run on a copy of the project whose content is the small fixture set with
// one mistake: the build must stop, and its output must name the file and what was expected.
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function buildWith(
  edit: (articleText: string) => string,
  editEvents: (eventsText: string) => string = (text) => text,
): { status: number | null; output: string } {
  const dir = copyProject('build-refuses-');
  made.push(dir);
  const article = join(dir, 'content', 'articles', 'sample-article.md');
  writeFileSync(article, edit(readFileSync(article, 'utf8')));
  const events = join(dir, 'content', 'events', 'events.yaml');
  writeFileSync(events, editEvents(readFileSync(events, 'utf8')));
  return buildProject(dir);
}

describe('astro build on bad content', () => {
  it('builds the valid fixture set', () => {
    const { status, output } = buildWith((text) => text);
    // 7 analysis entries and the 2 of the corrections log.
    expect(output).toContain('content checked: 2 articles and 9 analysis entries, no problems');
    expect(status).toBe(0);
  }, 120_000);

  it('stops on malformed front matter, naming file and line', () => {
    const { status, output } = buildWith((text) =>
      text.replace('title: A sample headline', 'title: "A sample headline'),
    );
    expect(status).not.toBe(0);
    expect(output).toContain('Content check failed: 1 problem.');
    expect(output).toMatch(/content\/articles\/sample-article\.md:\d+: malformed YAML: /);
  }, 120_000);

  it('stops on a script in an article body, naming file and line', () => {
    const { status, output } = buildWith((text) => `${text}\n<script>alert(1)</script>\n`);
    expect(status).not.toBe(0);
    expect(output).toContain(
      'content/articles/sample-article.md:24: raw HTML is not allowed in an article body (found "<script>alert(1)</script>"); write plain text',
    );
  }, 120_000);

  it('stops on an impossible date, naming file and field', () => {
    const { status, output } = buildWith((text) => text.replace('date: 2026-02-03', 'date: 2026-02-30'));
    expect(status).not.toBe(0);
    expect(output).toContain(
      'content/articles/sample-article.md › published.date: expected a real calendar date written YYYY-MM-DD (for example 2026-02-03)',
    );
  }, 120_000);

  it('stops on an event dated before the event it is recorded to follow, naming file, entry and field', () => {
    const { status, output } = buildWith(
      (text) => text,
      (text) =>
        `${text}- id: later\n  title: Later\n  when: { date: "2026-01", precision: month, after: the-meeting }\n  summary: Later.\n  issues: [talks]\n  citations: [{ article: sample-article, paragraph: no-deal }]\n`,
    );
    expect(status).not.toBe(0);
    expect(output).toContain(
      'content/events/events.yaml:9 › later.when.after: event "later" is dated January 2026, before event "the-meeting" (3 February 2026), which it is recorded to follow: it would be listed before an event it follows; correct the date or the relation',
    );
  }, 120_000);

  it('stops, with the checks of unchanged files kept from the last build, on a citation that an edited article no longer has', () => {
    const dir = copyProject('build-refuses-');
    made.push(dir);
    const first = buildProject(dir);
    expect(first.status).toBe(0);
    expect(first.output).toContain('content checked: 2 articles and 9 analysis entries, no problems\n');
    // The paragraph id a comparison point and the meeting cite is renamed: those files are unchanged (their
    // own checks come from the last build), and the check across files must still find the citations.
    const article = join(dir, 'content', 'articles', 'sample-article.md');
    const text = readFileSync(article, 'utf8');
    writeFileSync(article, text.replace('{#no-deal}', '{#no-agreement}'));
    const second = buildProject(dir);
    expect(second.status).not.toBe(0);
    // What a check without any kept results prints.
    const { problems } = checkContent(readContentSources(dir));
    expect(problems.map((problem) => problem.file)).toEqual(
      expect.arrayContaining(['content/comparisons/comparisons.yaml', 'content/meeting/meeting.yaml']),
    );
    expect(second.output).toContain(formatProblems(problems));
    // Put back: the other nine files' own checks come from the kept results (the article's text is new to
    // them: the last build kept the edited one), and the build passes.
    writeFileSync(article, text);
    const third = buildProject(dir);
    expect(third.status).toBe(0);
    expect(third.output).toContain('no problems; 9 of 10 files unchanged since the last check');
  }, 360_000);
});
