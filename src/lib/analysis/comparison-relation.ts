import type { Agreement, Difference } from '../../schemas/comparison.ts';

/** What the relation of a point's accounts is computed from: its agreement and whose accounts it has. */
export interface RelationInput {
  /** "agree" or "differ". */
  agreement: Agreement;
  /** In what the accounts differ, when they do. */
  difference?: Difference | undefined;
  /** One account per reporting article, in the site's order of articles. */
  accounts: readonly { article: string; side?: string | undefined }[];
}

/** A group of articles that stand together on a point where the accounts differ. */
export interface Side {
  /** The side's name as written in the content, or undefined for an account that stands alone. */
  side: string | undefined;
  /** Ids of the articles on this side, in the site's order. */
  articles: string[];
}

/** How the accounts of one point relate, for any number of sources. */
export interface Relation {
  /** "all": every article reports it alike; "some": only some report it, alike; "differ": they differ. */
  kind: 'all' | 'some' | 'differ';
  /** Ids of the articles that report the point, in the site's order. */
  reporting: string[];
  /** Ids of the site's articles that do not report it, in the site's order. */
  silent: string[];
  /** Where they differ: the sides, in order of first appearance; one side per account without a side. Empty otherwise. */
  sides: Side[];
}

/** Derives how a point's accounts relate from its accounts and the ids of all the site's articles. */
export function relationOf(point: RelationInput, siteArticles: readonly string[]): Relation {
  // The outlets in one order on every page: the site's (the articles by publication, as the source cards list them).
  const place = (article: string): number => {
    const at = siteArticles.indexOf(article);
    return at === -1 ? siteArticles.length : at;
  };
  const accounts = [...point.accounts].sort((a, b) => place(a.article) - place(b.article));
  const reporting = accounts.map((account) => account.article);
  const silent = siteArticles.filter((id) => !reporting.includes(id));
  if (point.agreement === 'agree') return { kind: silent.length === 0 ? 'all' : 'some', reporting, silent, sides: [] };
  const sides: Side[] = [];
  for (const account of accounts) {
    const same = account.side === undefined ? undefined : sides.find((side) => side.side === account.side);
    if (same) same.articles.push(account.article);
    else sides.push({ side: account.side, articles: [account.article] });
  }
  return { kind: 'differ', reporting, silent, sides };
}

/** Joins names as English prose: "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

const differencePhrase: Record<Difference, string> = {
  fact: 'in a fact',
  figure: 'in a figure',
  date: 'in a date',
  precision: 'in precision',
  wording: 'in wording',
  framing: 'in framing',
  emphasis: 'in emphasis',
};

/** The phrase for a kind of difference: "in wording", "in a date". */
export const describeDifference = (difference: Difference): string => differencePhrase[difference];

/** A side's name as prose: "more-hedged" reads "more hedged". */
export const sideLabel = (side: string): string => side.replace(/-/g, ' ');

/** A relation as words: a short label (for an eyebrow or a badge) and a full sentence naming the outlets. */
export interface RelationText {
  /** Short: "Both report it alike", "Only Clash Report reports it", "They differ in wording". */
  label: string;
  /** Full: who reports it, who does not, and for a difference which articles stand on which side. */
  sentence: string;
}

/**
 * States a relation in words for any number of sources. `name` gives the name to show for an
 * article id (its outlet's name).
 */
export function describeRelation(
  relation: Relation,
  difference: Difference | undefined,
  name: (articleId: string) => string,
): RelationText {
  const names = (ids: readonly string[]): string => joinNames(ids.map(name));
  const total = relation.reporting.length + relation.silent.length;
  const doesNot =
    relation.silent.length === 0
      ? ''
      : `; ${names(relation.silent)} ${relation.silent.length === 1 ? 'does' : 'do'} not`;
  if (relation.kind === 'all') {
    // The accounts shown say whose they are: the sentence need not name them.
    const label =
      total === 1 ? 'Its one source reports it' : total === 2 ? 'Both report it alike' : `All ${total} report it alike`;
    return { label, sentence: `${label}.` };
  }
  if (relation.kind === 'some') {
    const label = `Only ${names(relation.reporting)} report${relation.reporting.length === 1 ? 's' : ''} it`;
    return { label, sentence: `${label}${doesNot}.` };
  }
  const how = difference === undefined ? '' : ` ${describeDifference(difference)}`;
  const label = `They differ${how}`;
  const notReporting = doesNot === '' ? '' : `${doesNot} report it`;
  // Without named sides each account stands on its own, and the accounts shown say whose they are.
  if (!relation.sides.some((side) => side.side !== undefined)) return { label, sentence: `${label}${notReporting}.` };
  const standing = relation.sides
    .map((side) => `${names(side.articles)}${side.side === undefined ? '' : ` (${sideLabel(side.side)})`}`)
    .join(relation.sides.length === 2 ? ' against ' : '; ');
  return { label, sentence: `${label}: ${standing}${notReporting}.` };
}

/**
 * Where a point is listed in the full comparison: a point only one article reports on that article's
 * "only in" page, every other point on the sources page. Returns that article's id, or undefined for the
 * sources page. An article alone in its story (no point links it to another yet) is one of "all" that
 * report its points, but a point one article reports compares nothing: it is listed with that article
 * too, so that it stays there when a later article joins the story (the sources page is a home whose
 * earlier pages do not change).
 */
export function onlyInArticle(relation: Relation): string | undefined {
  return relation.kind !== 'differ' && relation.reporting.length === 1 ? relation.reporting[0] : undefined;
}
