import { describe, expect, it } from 'vitest';
import { readContentSources } from '../../src/data/read-sources.ts';
import { checkContent } from '../../src/lib/content/check-content.ts';
import { findTextSlips, properWordsIn } from '../../src/lib/quality/text-slips.ts';
import { projectRoot } from '../helpers/content.ts';
import { builtHtml } from './dist.ts';

// The text check (src/lib/quality/text-slips.ts, each rule held to a fixture in tests/unit/lib/quality/):
// every page the build wrote, whatever its kind, reads without the slips a reader of the first edition met
// (issue 18): names of issues, people and outlets in their own case, spaces around links and separators,
// numbers and nouns agreeing, no doubled punctuation, no development address, no accessible name cut
// inside a word.

const { model } = checkContent(readContentSources(projectRoot));
const { issues, people, outlets, events } = model.data;
const names = [
  ...issues.map(({ entry }) => entry.title),
  ...people.map(({ entry }) => entry.name),
  ...outlets.map(({ entry }) => entry.name),
];
// The words our own prose treats as proper nouns: a name that starts with one keeps its capital.
const properWords = properWordsIn([
  ...issues.flatMap(({ entry }) => [entry.description, ...entry.summary.map((statement) => statement.text)]),
  ...events.map(({ entry }) => entry.summary),
  ...people.map(({ entry }) => entry.role),
]);

describe('every built page reads without text slips', () => {
  const pages = builtHtml();

  it('reads the whole site (the build wrote pages)', () => {
    expect(pages.length).toBeGreaterThan(10);
  });

  for (const { url, html } of pages) {
    it(url, () => {
      expect(findTextSlips(html, { names, properWords })).toEqual([]);
    });
  }
});
