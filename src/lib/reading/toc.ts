import { LINK_TO_THIS_CLASS } from '../links/link-to-this.ts';
import { decodeReferences, scanTags } from '../security/html-scan.ts';
import { fragmentHref } from '../links/urls.ts';

/** One entry of a page's table of contents: a section heading and the link to it. */
export interface TocEntry {
  /** The heading's text, without its "link to this" control. */
  label: string;
  /** Same-page link to the heading. */
  href: string;
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
    const label = headingText(html.slice(attributesEnd + 1, close === -1 ? html.length : close));
    if (label !== '') entries.push({ label, href: fragmentHref(id) });
  });
  return entries;
}

/** Classes of the controls a heading may carry, which are not part of its text. */
const CONTROL_CLASSES = [LINK_TO_THIS_CLASS, 'cited-by-link'];

/** The text of a heading's inner HTML: tags dropped, controls dropped with their content, references decoded. */
function headingText(inner: string): string {
  const parts: string[] = [];
  let from = 0;
  scanTags(inner, (name, attributes, _text, attributesEnd, start) => {
    if (start < from) return;
    parts.push(inner.slice(from, start));
    const control = name === 'a' && (attributes.get('class') ?? '').split(/\s+/).some((name) => CONTROL_CLASSES.includes(name));
    const close = control ? inner.indexOf('</a>', attributesEnd) : -1;
    from = control ? (close === -1 ? inner.length : close + 4) : attributesEnd + 1;
  });
  parts.push(inner.slice(from));
  return decodeReferences(parts.join('').replace(/<\/[a-zA-Z][^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}
