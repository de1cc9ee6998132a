/**
 * What a search result is, in plain words: the kind of its page, and of the block inside it that matched. No
 * imports: the search page's script (src/client/site-search.ts) runs it in the browser; the table of page
 * kinds comes from the page (src/lib/reading/search-kinds.ts, as `data-kinds`).
 */

/** A section of the site and what its pages are (see PAGE_KINDS in search-kinds.ts). */
export interface KindOfSection {
  prefix: string;
  list: string;
  item: string;
  last?: boolean;
}

/** The kind of the page at `path` ("Issue", "Comparison point"), and whether it is listed last (the corrections log). */
export function pageKind(path: string, sections: readonly KindOfSection[]): { kind: string; last: boolean } {
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
  const position = /^Position of (.+)$/.exec(title);
  if (position) return { kind: 'Position', name: position[1]! };
  const colon = title.indexOf(': ');
  if (colon === -1) return { kind: '', name: title };
  const prefix = title.slice(0, colon).toLowerCase();
  const rest = title.slice(colon + 2);
  if (prefix.startsWith('quotation of ')) return { kind: 'Quotation', name: `${title.slice(13, colon)}: “${rest}…”` };
  if (prefix.startsWith('meeting, ')) return { kind: 'The meeting', name: `${title.slice(9, colon)}: ${rest}` };
  const known: Record<string, string> = {
    event: 'Event',
    issue: 'Issue',
    person: 'Person',
    'comparison point': 'Comparison point',
    section: 'Section',
    fact: 'Fact of the meeting',
    source: 'Source',
    article: 'Article',
    part: 'Section',
  };
  return { kind: known[prefix] ?? title.slice(0, colon), name: rest };
}
