import { sectionIds } from '../links/urls.ts';
import type { Citation } from '../../schemas/citation.ts';

/**
 * Where a cited place stands in the site's one reading order: the article's rank in the site's order of
 * articles (by date: the order of the outlet cards, the comparisons' accounts and the articles index), then its
 * place on the article page (the front-matter parts above the text, then the blocks, numbered paragraphs
 * ascending). Lower comes first.
 */
export type CitationPlace = (citation: Pick<Citation, 'article' | 'paragraph'>) => number;

/** Room for an article's places: its front-matter parts and its blocks. */
const PER_ARTICLE = 1_000_000;

/**
 * The place of every citable part of the given articles, in the order given (the site's order). A citation of a
 * paragraph no article has (the content guard refuses it before this runs) goes after everything, so that an
 * unknown place never moves a known one.
 */
export function citationPlaces(articles: readonly { id: string; blocks: readonly { id: string }[] }[]): CitationPlace {
  const { headline, standfirst, dateLine } = sectionIds.article;
  const header = [headline, standfirst, dateLine];
  const places = new Map<string, number>();
  articles.forEach((article, rank) => {
    const base = rank * PER_ARTICLE;
    header.forEach((id, at) => places.set(`${article.id}#${id}`, base + at));
    article.blocks.forEach((block, at) => places.set(`${article.id}#${block.id}`, base + header.length + at));
  });
  return (citation) => places.get(`${citation.article}#${citation.paragraph}`) ?? Number.MAX_SAFE_INTEGER;
}

/**
 * A statement's citations as its chips will show them: one group per paragraph (several passages of one
 * paragraph are one chip), the groups in the site's one order (outlets in the site's order, then paragraphs
 * ascending), whatever order the content lists them in; within a group, the passages in the order cited.
 */
export function orderStatementCitations(citations: readonly Citation[], placeOf: CitationPlace): Citation[][] {
  const byParagraph = new Map<string, Citation[]>();
  for (const citation of citations) {
    const key = `${citation.article}#${citation.paragraph}`;
    byParagraph.set(key, [...(byParagraph.get(key) ?? []), citation]);
  }
  return [...byParagraph.values()].sort((a, b) => placeOf(a[0]!) - placeOf(b[0]!));
}
