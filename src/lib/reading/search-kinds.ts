import {
  articlesUrl,
  correctionsUrl,
  issuesUrl,
  meetingUrl,
  peopleUrl,
  quotationsUrl,
  sourcesUrl,
  timelineUrl,
} from '../links/urls.ts';
import type { KindOfSection } from './search-result-kind.ts';

/**
 * What a search result is, in plain words, by the address of its page: a section's own page (the list) or a
 * page under it (one item). The search page hands this table to its script (src/client/site-search.ts) as
 * `data-kinds`, so that every result names its kind ("Issue", "Comparison point") before its title and two
 * results of the same title can be told apart.
 */
export type PageKind = KindOfSection;

/** The kinds of page, by section. */
export const PAGE_KINDS: readonly PageKind[] = [
  { prefix: articlesUrl(), list: 'List of the articles', item: 'Article' },
  { prefix: meetingUrl(), list: 'The meeting', item: 'The meeting' },
  { prefix: timelineUrl(), list: 'Timeline', item: 'Timeline' },
  { prefix: issuesUrl(), list: 'Issues', item: 'Issue' },
  { prefix: peopleUrl(), list: 'People', item: 'Person' },
  { prefix: quotationsUrl(), list: 'Quotations', item: 'Quotation' },
  { prefix: sourcesUrl(), list: 'How the sources compare', item: 'Comparison point' },
  { prefix: correctionsUrl(), list: 'Corrections log', item: 'Correction', last: true },
];
