import { join } from 'node:path';
import { readContentSources } from '../../src/data/read-sources.ts';
import { checkContent } from '../../src/lib/content/check-content.ts';
import type { ContentSources } from '../../src/lib/content/content-model.ts';
import { formatProblems } from '../../src/lib/content/problems.ts';

/** The project root. */
export const projectRoot = join(import.meta.dirname, '..', '..');

/** The small, valid content set under tests/fixtures/content-min. */
export const fixtureRoot = join(projectRoot, 'tests', 'fixtures', 'content-min');

/** Reads the fixture content set. */
export function readFixture(): ContentSources {
  return readContentSources(projectRoot, join(fixtureRoot, 'content'));
}

/**
 * The fixture set with one file's text changed by `edit`: the way each bad-content test makes one
 * mistake on purpose. Fails when `file` is not in the set, so a typo cannot make a test pass.
 */
export function withEdit(file: string, edit: (text: string) => string): ContentSources {
  const sources = readFixture();
  const lists = [sources.articles, ...Object.values(sources.data)];
  const target = lists.flat().find((source) => source.file === file);
  if (!target) throw new Error(`no fixture file ${file}`);
  const edited = edit(target.text);
  if (edited === target.text) throw new Error(`the edit changed nothing in ${file}`);
  target.text = edited;
  return sources;
}

/** The message the build prints for these sources, or "" when they are valid. */
export function messageFor(sources: ContentSources): string {
  const { problems } = checkContent(sources);
  return problems.length === 0 ? '' : formatProblems(problems);
}
