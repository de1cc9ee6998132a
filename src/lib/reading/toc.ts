import { LINK_TO_THIS_CLASS } from '../links/link-to-this.ts';
import { decodeReferences, scanTags } from '../security/html-scan.ts';
import { fragmentHref } from '../links/urls.ts';

/** One entry of a page's table of contents: a section heading and the link to it. */
export interface TocEntry {
  /** The heading's text, without its "link to this" control. */
  label: string;
  /** Same-page link to the heading. */
  href: string;
  /** The heading's count that follows the filters, when it has one (an element with `data-filter-count`). */
  count?: TocCount;
}

/**
 * A heading's count that follows the filters ("Where the accounts differ (16; 15 on this page, …)"), as the
 * contents repeat it: an element of its own there too, with the same data attributes, so the filters' script,
 * which rewrites every `data-filter-count` element, rewrites it with the heading's (src/client/filters.ts).
 */
export interface TocCount {
  /** The label's text before the count, with the space that separates them ("Where the accounts differ ("). */
  before: string;
  /** The count as built ("16; 15 on this page"; empty for one that shows only under a filter). */
  text: string;
  /** The label's text after it (", more on page 2)"). */
  after: string;
  /** The count element's data attributes (`data-filter-count` with its total, `data-sum`), which the scripts read. */
  data: Record<string, string>;
}

/**
 * The table of contents of a rendered page body: every <h2> that has an id, in order, named by its
 * text without its controls ("link to this", an article heading's "Cited by N"). Ids are the
 * content's own (never derived from the text), so the links are the headings' lasting addresses.
 * Read with the one-pass tag scanner, not a parse (this runs on every article and issue page: at 1,000
 * articles the parse was a fifth of the pages' time); tests/unit/lib/reading/toc.test.ts holds it to
 * what a full parse gives.
 */
export function buildToc(html: string): TocEntry[] {
  const entries: TocEntry[] = [];
  scanTags(html, (name, attributes, _text, attributesEnd) => {
    const id = attributes.get('id');
    if (name !== 'h2' || id === undefined || id === '') return;
    const close = html.indexOf('</h2>', attributesEnd);
    const { label, count } = headingText(html.slice(attributesEnd + 1, close === -1 ? html.length : close));
    if (label !== '') entries.push({ label, href: fragmentHref(id), ...(count && { count }) });
  });
  return entries;
}

/** Classes of the controls a heading may carry, which are not part of its text. */
const CONTROL_CLASSES = [LINK_TO_THIS_CLASS, 'cited-by-link'];

/** The attribute of a count that follows the filters (src/client/filters.ts). */
const COUNT_ATTRIBUTE = 'data-filter-count';

/** Where a heading's count starts and ends while its text is read: characters of the private use area, never in content. */
const COUNT_START = '\uE000';
const COUNT_END = '\uE001';

/**
 * The text of a heading's inner HTML: tags dropped, controls dropped with their content, references decoded;
 * and its first count that follows the filters, if any. A count's content is text (the script replaces it
 * with text), read up to its end tag.
 */
function headingText(inner: string): { label: string; count?: TocCount } {
  const parts: string[] = [];
  let data: Record<string, string> | undefined;
  let from = 0;
  scanTags(inner, (name, attributes, _text, attributesEnd, start) => {
    if (start < from) return;
    parts.push(inner.slice(from, start));
    const control =
      name === 'a' && (attributes.get('class') ?? '').split(/\s+/).some((name) => CONTROL_CLASSES.includes(name));
    if (!control && data === undefined && attributes.has(COUNT_ATTRIBUTE)) {
      data = Object.fromEntries([...attributes].filter(([key]) => key.startsWith('data-')));
      const close = inner.indexOf(`</${name}>`, attributesEnd);
      const end = close === -1 ? inner.length : close;
      parts.push(COUNT_START, inner.slice(attributesEnd + 1, end), COUNT_END);
      from = end;
      return;
    }
    const close = control ? inner.indexOf('</a>', attributesEnd) : -1;
    from = control ? (close === -1 ? inner.length : close + 4) : attributesEnd + 1;
  });
  parts.push(inner.slice(from));
  const text = decodeReferences(parts.join('').replace(/<\/[a-zA-Z][^>]*>/g, '')).replace(/\s+/g, ' ');
  const label = text.replaceAll(COUNT_START, '').replaceAll(COUNT_END, '').replace(/\s+/g, ' ').trim();
  if (data === undefined) return { label };
  const [before = '', rest = ''] = text.split(COUNT_START);
  const [counted = '', after = ''] = rest.split(COUNT_END);
  return { label, count: { before: before.trimStart(), text: counted.trim(), after: after.trimEnd(), data } };
}
