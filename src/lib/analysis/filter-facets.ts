import type { Citation, Comparison, Event, Quotation } from '../../schemas/index.ts';
import type { EntryFacets, Facet } from '../reading/filters.ts';
import type { SiteIndex } from './site-index.ts';
import { periodOfWhen } from './timeline-parts.ts';

/**
 * What each kind of list entry is about, for the filters (lib/reading/filters.ts): its issues, people, the outlets
 * whose articles it cites, and its period (the year it is dated to; an undated "before X" takes X's year, and one
 * "between Y and X" every year from Y's to X's, so that the year filter claims no year its bounds do not allow).
 */

const outletsOf = (index: SiteIndex, citations: readonly Citation[]): string[] =>
  [...new Set(citations.flatMap((citation) => index.articleById.get(citation.article)?.outlet.id ?? []))].sort();

const periodOf = (index: SiteIndex, when: Event['when']): string[] => {
  const anchor = when.precision === 'relative' ? index.anchorOf(when) : undefined;
  const dated = when.precision === 'relative' ? anchor?.when : when;
  const year = dated && periodOfWhen(dated)?.year;
  if (year === undefined) return [];
  // An undated entry between two dated events may fall in any year from the earlier bound's to the later's.
  const since = anchor?.since && periodOfWhen(anchor.since)?.year;
  const from = since !== undefined && since < year ? since : year;
  return Array.from({ length: year - from + 1 }, (_, at) => String(from + at));
};

/**
 * An event's facets. Its people are those it is about, who act in it or are acted on (`people`); someone only
 * named in telling of it, such as the figure a speaker likens another to (`mentions`), is not one of them, so the
 * person filter offers exactly the people the timeline is about: the actors of at least one event, and, on the
 * quotations, the speakers.
 */
export const eventFacets = (index: SiteIndex, event: Event): EntryFacets => ({
  issue: event.issues,
  person: event.people,
  outlet: outletsOf(index, [...event.citations, ...(event.discrepancy?.citations ?? [])]),
  period: periodOf(index, event.when),
});

/** A quotation's facets: its speaker is its person. */
export const quotationFacets = (index: SiteIndex, quotation: Quotation): EntryFacets => ({
  issue: quotation.issues,
  person: [quotation.speaker],
  outlet: outletsOf(index, [quotation.source]),
  period: periodOf(index, quotation.when),
});

/** A comparison point's facets: its issues and the outlets that give an account of it (points name no person or date). */
export const comparisonFacets = (index: SiteIndex, comparison: Comparison): EntryFacets => ({
  issue: comparison.issues,
  outlet: outletsOf(
    index,
    comparison.accounts.map((account) => ({ article: account.article, paragraph: '' })),
  ),
});

/** The label readers see for a facet's value: an issue's title, a person's or outlet's name, a year. */
export function facetLabel(index: SiteIndex): (facet: Facet, value: string) => string {
  const outlets = new Map(index.outlets.map((outlet) => [outlet.id, outlet.name]));
  return (facet, value) =>
    ({
      issue: index.issueById.get(value)?.title,
      person: index.personById.get(value)?.name,
      outlet: outlets.get(value),
      period: value,
    })[facet] ?? value;
}

/**
 * Where a facet's value stands among the form's options when it is not by label: an outlet in the site's one outlet
 * order (that of its first article in the site's order of articles, by date: the outlet cards', the comparisons'
 * and the chips' order); undefined for the other facets.
 */
export function facetRank(index: SiteIndex): (facet: Facet, value: string) => number | undefined {
  const outletRank = new Map<string, number>();
  for (const article of index.articles)
    if (!outletRank.has(article.outlet.id)) outletRank.set(article.outlet.id, outletRank.size);
  return (facet, value) => (facet === 'outlet' ? outletRank.get(value) : undefined);
}
