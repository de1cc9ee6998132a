import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { LINK_TO_THIS_CLASS } from '../links/link-to-this.ts';
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
 */
export function buildToc(html: string): TocEntry[] {
  const entries: TocEntry[] = [];
  visit(fromHtml(html, { fragment: true }), 'element', (node: Element) => {
    const id = node.properties['id'];
    if (node.tagName !== 'h2' || typeof id !== 'string') return;
    const copy: Element = { ...node, children: node.children.filter((child) => !isControl(child)) };
    const label = toString(copy).replace(/\s+/g, ' ').trim();
    if (label !== '') entries.push({ label, href: fragmentHref(id) });
  });
  return entries;
}

/** Classes of the controls a heading may carry, which are not part of its text. */
const CONTROL_CLASSES = [LINK_TO_THIS_CLASS, 'cited-by-link'];

function isControl(node: Element['children'][number]): boolean {
  if (node.type !== 'element') return false;
  const classes = node.properties['className'];
  return Array.isArray(classes) && classes.some((name) => CONTROL_CLASSES.includes(String(name)));
}
