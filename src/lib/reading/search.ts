import { LINK_TO_THIS_CLASS } from '../links/link-to-this.ts';
import { decodeReferences, scanTags } from '../security/html-scan.ts';
import { blockKind, blockTitle, KIND_SEPARATOR, pageKind } from './search-kinds.ts';

/** What the site search (Pagefind) indexes and how its results point inside pages. */

/** The attribute that marks the part of a page Pagefind indexes (BaseLayout puts it on <main>). */
export const SEARCH_BODY_ATTRIBUTE = 'data-pagefind-body';

/**
 * Parts of a page's main content that are not worth finding: the breadcrumb trail, "link to this"
 * controls, citation labels ("LA Times ¶18"), "cited by" counts and lists and the table of contents repeat
 * what is elsewhere; the page's furniture says nothing of its subject and would make a word of it match every
 * page ("correction" and "December" matched about a hundred pages by their "Last updated 7 December 2026 ·
 * Corrections and updates" line alone): that line, the pages of a list ("Page 2 of 3"), the filter form, the
 * "Back to the top" link and the list of entries that moved to other pages (each is found at its new place).
 * Left out by Pagefind's excludeSelectors, as data-pagefind-ignore would, without an attribute in every page.
 */
export const SEARCH_EXCLUDED_SELECTORS = [
  '.breadcrumbs',
  `.${LINK_TO_THIS_CLASS}`,
  '.citations',
  '.cited-by-link',
  '.cited-by',
  '.cited-by-summary',
  '.toc',
  '.last-updated',
  '.pagination',
  '.filters',
  '.to-top',
  '.moved-links',
] as const;

const ACCESSIBLE_NAME_PREFIX = 'Link to ';

/** Escapes a text for a double-quoted attribute value. */
const attributeValue = (text: string): string => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;');

/**
 * The HTML Pagefind indexes for one built page: every block that carries a "link to this" control
 * (a paragraph, section, event, issue, quotation, comparison point, meeting line) gets a
 * `data-pagefind-title` naming it by kind and name, from what its control calls it ("Article paragraph ¦ ¶18",
 * "Event ¦ Petro wins…", blockTitle in search-kinds.ts), so that Pagefind reports a match inside it as a
 * sub-result with the block's own address (`/page/#id`). An entry of the corrections log, whose control names
 * only its kind ("Link to this correction": its heading says what it is), is named by its heading's link, the
 * entry's own title ("Correction ¦ The date is now given."), not by its kind twice. Given the page's path, the indexed element also gets
 * the page's kind as Pagefind metadata (`kind`: "Issue", "Comparison point"), which results show.
 * The built page itself is not changed: this only feeds the index. One pass of the tag scanner
 * (no tree: this runs over every page, and a full parse and serialisation was most of the index's cost
 * at scale); the attribute is spliced into the block's start tag, the rest of the text kept byte for byte.
 */
export function markSearchAnchors(html: string, path?: string): string {
  /** Where each id's first element can take one more attribute, and whether it already has a title. */
  const byId = new Map<string, { at: number; titled: boolean }>();
  const controls: { target: string; label: string }[] = [];
  /** The links to other pages, in order: where each start tag ends (a log entry's title is the first after it). */
  const links: number[] = [];
  let body: number | undefined;
  scanTags(html, (name, attributes, _text, attributesEnd) => {
    if (body === undefined && attributes.has(SEARCH_BODY_ATTRIBUTE)) body = attributesEnd;
    const id = attributes.get('id');
    if (id !== undefined && id !== '' && !byId.has(id))
      byId.set(id, { at: attributesEnd, titled: attributes.has('data-pagefind-title') });
    if (name !== 'a') return;
    const href = attributes.get('href') ?? '';
    const classes = (attributes.get('class') ?? '').split(/\s+/);
    if (href.startsWith('#') && classes.includes(LINK_TO_THIS_CLASS))
      controls.push({ target: safeDecode(href.slice(1)), label: attributes.get('aria-label') ?? '' });
    else if (!href.startsWith('#')) links.push(attributesEnd);
  });
  const inserts = new Map<number, string>();
  for (const { target, label } of controls) {
    const block = byId.get(target);
    if (!block || block.titled || !label.startsWith(ACCESSIBLE_NAME_PREFIX) || inserts.has(block.at)) continue;
    const what = label.slice(ACCESSIBLE_NAME_PREFIX.length);
    const entryTitle = LOG_ENTRY.test(what) ? linkTextAfter(html, links, block.at) : '';
    const title =
      entryTitle === ''
        ? blockTitle(what.charAt(0).toUpperCase() + what.slice(1))
        : `${blockKind(what).kind}${KIND_SEPARATOR}${entryTitle}`;
    inserts.set(block.at, ` data-pagefind-title="${attributeValue(title)}"`);
  }
  const kind = path === undefined ? '' : pageKind(path).kind;
  if (body !== undefined && kind !== '')
    inserts.set(body, `${inserts.get(body) ?? ''} data-pagefind-meta="kind:${attributeValue(kind)}"`);
  if (inserts.size === 0) return html;
  const parts: string[] = [];
  let from = 0;
  for (const at of [...inserts.keys()].sort((a, b) => a - b)) {
    parts.push(html.slice(from, at), inserts.get(at) as string);
    from = at;
  }
  parts.push(html.slice(from));
  return parts.join('');
}

/** A control's name for an entry of the corrections log: its kind alone. */
const LOG_ENTRY = /^this (correction|update|edition)$/i;

/** The text of the first link to another page after offset `at` (its tags dropped, references decoded), or ''. */
function linkTextAfter(html: string, links: readonly number[], at: number): string {
  const start = links.find((end) => end > at);
  if (start === undefined) return '';
  const end = html.indexOf('</a>', start);
  if (end === -1) return '';
  return decodeReferences(html.slice(start + 1, end).replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

/** A fragment decoded as the browser does; a malformed escape is kept as written. */
function safeDecode(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
