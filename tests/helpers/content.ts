import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { readContentSources } from '../../src/data/read-sources.ts';
import { buildSiteIndex, type IndexedArticle, type SiteIndex } from '../../src/lib/analysis/site-index.ts';
import { checkContent } from '../../src/lib/content/check-content.ts';
import type { ContentModel, ContentSources } from '../../src/lib/content/content-model.ts';
import { fileResults, type StoredFileResults } from '../../src/lib/content/file-results.ts';
import { formatProblems } from '../../src/lib/content/problems.ts';
import { dataCollections, type DataCollectionName } from '../../src/schemas/collections.ts';

/** Files held in memory (path relative to the project root → text, e.g. a generated corpus) as the content checks read them from disk. */
export function asSources(files: ReadonlyMap<string, string>): ContentSources {
  const list = (folder: string): ContentSources['articles'] =>
    [...files].filter(([path]) => path.startsWith(`content/${folder}/`)).map(([file, text]) => ({ file, text }));
  const data = Object.fromEntries(
    (Object.keys(dataCollections) as DataCollectionName[]).map((name) => [name, list(name)]),
  ) as ContentSources['data'];
  const captures = [...files.keys()]
    .filter((path) => /^content\/captures\/[^/]+\.txt$/.test(path))
    .map((path) => path.slice('content/captures/'.length));
  return { articles: list('articles'), data, captures };
}

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
export function withEdit(
  file: string,
  edit: (text: string) => string,
  sources: ContentSources = readFixture(),
): ContentSources {
  const lists = [sources.articles, ...Object.values(sources.data)];
  const target = lists.flat().find((source) => source.file === file);
  if (!target) throw new Error(`no fixture file ${file}`);
  const edited = edit(target.text);
  if (edited === target.text) throw new Error(`the edit changed nothing in ${file}`);
  target.text = edited;
  return sources;
}

/** What the build keeps of a run's per-file results for the next (node_modules/.astro/content-checks.bin), read back. */
const keptForNextRun = (results: StoredFileResults): Map<string, unknown> =>
  deserialize(serialize(results.current)) as Map<string, unknown>;

/**
 * The message the build prints for these sources, or "" when they are valid. Every bad-content test also
 * checks the per-file results a build keeps between runs (src/data/content-check-cache.ts): after a run
 * over the valid fixture set (the edited file is new to the cache, the others are taken from it) and again
 * with every file taken from the cache, the checks must print exactly the same message as a run without it;
 * this fails, naming both messages, when they do not.
 */
export function messageFor(sources: ContentSources): string {
  const message = (results?: StoredFileResults): string => {
    const { problems } = checkContent(sources, results);
    return problems.length === 0 ? '' : formatProblems(problems);
  };
  const fresh = message();
  const valid = fileResults('test');
  checkContent(readFixture(), valid);
  const afterValid = fileResults('test', keptForNextRun(valid));
  const warm = [message(afterValid)];
  const allKept = fileResults('test', keptForNextRun(afterValid));
  warm.push(message(allKept));
  if (allKept.misses !== 0) throw new Error(`a run over unchanged files missed ${allKept.misses} kept results`);
  for (const cached of warm)
    if (cached !== fresh)
      throw new Error(`with the results kept from an earlier build the checks print\n${cached}\ninstead of\n${fresh}`);
  return fresh;
}

/**
 * The site index of a checked content model, as src/data/site.ts builds it from the collections;
 * `outlet` stands in for the outlet each article is shown with (the tests do not resolve outlets).
 */
export function siteIndexOf(model: ContentModel, outlet: (outletId: string) => IndexedArticle['outlet']): SiteIndex {
  const meeting = model.data.meeting[0]?.entry;
  if (!meeting) throw new Error('the content set has no meeting entry');
  // In the order src/data/site.ts gives the build: each collection's entries sorted by id.
  const sorted = <T extends { id: string }>(entries: readonly { entry: T }[]): T[] =>
    entries.map(({ entry }) => entry).sort((a, b) => a.id.localeCompare(b.id));
  return buildSiteIndex({
    articles: [...model.articles.values()]
      .sort((a, b) => a.data.published.date.localeCompare(b.data.published.date) || a.id.localeCompare(b.id))
      .map((article) => ({
        id: article.id,
        title: article.data.title,
        outlet: outlet(article.data.outlet),
        blocks: article.blocks,
      })),
    outlets: sorted(model.data.outlets),
    people: sorted(model.data.people),
    issues: sorted(model.data.issues),
    events: sorted(model.data.events),
    quotations: sorted(model.data.quotations),
    meeting,
    comparisons: sorted(model.data.comparisons),
    corrections: sorted(model.data.corrections),
  });
}
