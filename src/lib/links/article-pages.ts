import { dayRangeLabel, formatWhen } from '../analysis/dates.ts';
import { homePage, INDEX_PAGE_SIZE, paginate, type HomePage } from './pagination.ts';

/**
 * How the articles index is cut into pages (docs/lasting-links.md, "Homes"): the articles oldest first, 40 a page
 * (INDEX_PAGE_SIZE.articles), numbered from the oldest, so that a new article, published after the others, joins
 * the last page (or opens the next) and leaves every earlier page as it was. A page names no totals (HomePage):
 * `/articles/`, rendered on every build, says what the index is, lists the latest articles and the pages.
 */

/** How many of the newest articles `/articles/` lists, newest first. */
export const ARTICLES_LATEST = 10;

/** What the pagination of the articles needs of an article: the day it was published. */
export interface DatedArticle {
  data: { published: { date: string } };
}

/** The articles, oldest first, cut into the pages of the index (page 1 the oldest articles). Always one page. */
export const articlePages = <T>(articles: readonly T[]): HomePage<T>[] =>
  paginate(articles, INDEX_PAGE_SIZE.articles).map(homePage);

/**
 * The days a page of the articles covers, in words, oldest to newest ("3–4 February 2026", "30 December 2026 –
 * 2 January 2027"), from its articles' publication days.
 */
export function articlePageLabel(page: Pick<HomePage<DatedArticle>, 'items'>): string {
  const first = page.items[0];
  const last = page.items.at(-1);
  if (first === undefined || last === undefined) return 'no articles yet';
  return dayRangeLabel(first.data.published.date, last.data.published.date);
}

/**
 * Where the page after a page of the articles starts, in words ("8 April 2026"): what a page names of its next
 * page, which fixes it when it opens (its first article), whereas its range grows with every new article.
 */
export function articlePageStart(page: Pick<HomePage<DatedArticle>, 'items'>): string {
  const first = page.items[0];
  return first === undefined ? 'no articles yet' : formatWhen({ date: first.data.published.date, precision: 'day' });
}

/** The newest `limit` articles, newest first, from the articles oldest first. */
export const latestArticles = <T>(articles: readonly T[], limit: number = ARTICLES_LATEST): T[] =>
  articles.slice(-limit).reverse();
