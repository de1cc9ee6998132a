import { getCollection } from 'astro:content';
import { buildSiteIndex, type SiteIndex } from '../lib/analysis/site-index.ts';
import { getArticles } from './articles.ts';
import { contributorLine } from '../lib/content/front-matter-parts.ts';

let cache: Promise<SiteIndex> | undefined;

/** All analysis content with its cross-links, loaded once per build. */
export function getSiteIndex(): Promise<SiteIndex> {
  cache ??= loadSiteIndex();
  return cache;
}

/** Every string in a value (an article's front matter: what its page shows above the body), in order. */
const stringsOf = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.flatMap(stringsOf)
      : value !== null && typeof value === 'object'
        ? Object.values(value).flatMap(stringsOf)
        : [];

const byId = <T extends { id: string }>(a: T, b: T): number => a.id.localeCompare(b.id);
// Takes the entries rather than the collection name, so each call keeps its collection's own data type.
const dataOf = async <T extends { id: string }>(entries: Promise<{ data: T }[]>): Promise<T[]> =>
  (await entries).map((entry) => entry.data).sort(byId);

async function loadSiteIndex(): Promise<SiteIndex> {
  const [articles, outlets, people, issues, events, quotations, meetings, comparisons, corrections] = await Promise.all(
    [
      getArticles(),
      dataOf(getCollection('outlets')),
      dataOf(getCollection('people')),
      dataOf(getCollection('issues')),
      dataOf(getCollection('events')),
      dataOf(getCollection('quotations')),
      dataOf(getCollection('meeting')),
      dataOf(getCollection('comparisons')),
      dataOf(getCollection('corrections')),
    ],
  );
  const meeting = meetings[0];
  if (!meeting || meetings.length !== 1)
    throw new Error(`content/meeting/: expected exactly one meeting entry, found ${meetings.length}`);
  return buildSiteIndex({
    articles: articles.map((article) => ({
      id: article.id,
      title: article.data.title,
      header: [...stringsOf(article.data), ...article.data.byline.contributors.map(contributorLine)],
      outlet: article.outlet,
      blocks: article.blocks,
      published: article.data.published.date,
    })),
    outlets,
    people,
    issues,
    events,
    quotations,
    meeting,
    comparisons,
    corrections,
  });
}
