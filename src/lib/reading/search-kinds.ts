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

/**
 * What a search result is, in plain words: the kind of its page, by its address (a section's own page, the
 * list, or a page under it, mostly one item), and the kind of the block inside it that matched. The search index
 * records both (src/lib/reading/search.ts), so that every result names its kind ("Issue") and every matched
 * block its own ("Comparison point") before its title and two results of the same title can be told apart.
 */
export interface PageKind {
  /** The section's address; pages under it are its items. */
  prefix: string;
  /** What the section's own page is. */
  list: string;
  /** What a page under it is. */
  item: string;
  /** Shown after the analysis and the articles (the corrections log). */
  last?: boolean;
}

/** The kinds of page, by section. */
export const PAGE_KINDS: readonly PageKind[] = [
  { prefix: articlesUrl(), list: 'List of the articles', item: 'Article' },
  { prefix: meetingUrl(), list: 'The meeting', item: 'The meeting' },
  { prefix: timelineUrl(), list: 'Timeline', item: 'Timeline' },
  { prefix: issuesUrl(), list: 'Issues', item: 'Issue' },
  { prefix: peopleUrl(), list: 'People', item: 'Person' },
  { prefix: quotationsUrl(), list: 'Quotations', item: 'Quotation' },
  // A comparison point has no page of its own: it is an entry on /sources/ or a further page of it (its
  // further pages, the points only one outlet reports), so those pages are the comparison too; the point is
  // a matched block named "Comparison point".
  { prefix: sourcesUrl(), list: 'How the sources compare', item: 'How the sources compare' },
  { prefix: correctionsUrl(), list: 'Corrections log', item: 'Correction', last: true },
];

/** What the home page is called among the results. */
export const HOME_KIND = 'Home page';

/** The kind of the page at `path` ("Issue", "Comparison point"), and whether it is listed last (the corrections log). */
export function pageKind(path: string, sections: readonly PageKind[] = PAGE_KINDS): { kind: string; last: boolean } {
  // The home page is in no section: its own kind, so that no result goes unnamed.
  if (path === '/') return { kind: HOME_KIND, last: false };
  const section = sections.find((candidate) => path.startsWith(candidate.prefix));
  if (!section) return { kind: '', last: false };
  return { kind: path === section.prefix ? section.list : section.item, last: section.last === true };
}

/**
 * What a block inside a page is, by the name its "link to this" control gives it (the sub-result's title in
 * the index: "Event: …", "Paragraph 7", "Quotation of Gustavo Petro: …"): its kind and its name.
 */
export function blockKind(title: string): { kind: string; name: string } {
  const paragraph = /^(Pull quote, )?paragraph (\d+)$/i.exec(title);
  if (paragraph) return { kind: 'Article paragraph', name: `¶${paragraph[2]}${paragraph[1] ? ' (pull quote)' : ''}` };
  const correction = /^(Correction|Update|Edition) of (.+)$/i.exec(title);
  if (correction) return { kind: 'Correction', name: `${correction[1]} of ${correction[2]}` };
  // An entry of the log on /corrections/, named by its kind alone (its day is the heading above it).
  const logEntry = /^this (correction|update|edition)$/i.exec(title);
  if (logEntry) return { kind: 'Correction', name: logEntry[1]!.replace(/^./, (first) => first.toUpperCase()) };
  // A part printed above an article's text (its controls name it "headline", "standfirst", "date line").
  const part = /^(headline|standfirst|date line)$/i.exec(title);
  if (part) return { kind: 'Article', name: `${part[1]!.charAt(0).toUpperCase()}${part[1]!.slice(1).toLowerCase()}` };
  const position = /^Position of (.+)$/.exec(title);
  // A side's stand on an issue, under the issue page's heading "Where each side stands": named as there,
  // not by the jargon of its control ("position").
  if (position) return { kind: 'Where each side stands', name: position[1]! };
  const colon = title.indexOf(': ');
  if (colon === -1) return { kind: '', name: title };
  const prefix = title.slice(0, colon).toLowerCase();
  const rest = title.slice(colon + 2);
  // The control names a quotation by its first words, already ending in "…" where it cut them.
  if (prefix.startsWith('quotation of ')) return { kind: 'Quotation', name: `${title.slice(13, colon)}: “${rest}”` };
  if (prefix.startsWith('meeting, ')) return { kind: 'The meeting', name: `${title.slice(9, colon)}: ${rest}` };
  const known: Record<string, string> = {
    event: 'Event',
    issue: 'Issue',
    person: 'Person',
    'comparison point': 'Comparison point',
    // A heading's part of a page ("Issues" on a person's page), and a part of the site on the home page
    // ("People"): said in plain words, not "Section".
    section: 'Part of the page',
    fact: 'Fact of the meeting',
    source: 'Source',
    article: 'Article',
    part: 'Part of the site',
  };
  return { kind: known[prefix] ?? title.slice(0, colon), name: rest };
}

/** Between a block's kind and its name in the index's sub-result titles ("Event ¦ Petro takes office"); never in content. */
export const KIND_SEPARATOR = ' ¦ ';

/** A block's title for the index: its kind and name, or its name alone when the kind is not known. */
export function blockTitle(label: string): string {
  const { kind, name } = blockKind(label);
  return kind === '' ? name : `${kind}${KIND_SEPARATOR}${name}`;
}
