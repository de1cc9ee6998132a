import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import { LINK_TO_THIS_CLASS } from '../links/link-to-this.ts';

/** What the site search (Pagefind) indexes and how its results point inside pages. */

/** The attribute that marks the part of a page Pagefind indexes (BaseLayout puts it on <main>). */
export const SEARCH_BODY_ATTRIBUTE = 'data-pagefind-body';

/**
 * Parts of a page's main content that are not worth finding: the breadcrumb trail, "link to this"
 * controls, citation labels ("LA Times ¶18"), "cited by" counts and lists and the table of contents repeat
 * what is elsewhere.
 */
export const SEARCH_EXCLUDED_SELECTORS = [
  '.breadcrumbs',
  `.${LINK_TO_THIS_CLASS}`,
  '.citations',
  '.cited-by-link',
  '.cited-by',
  '.toc',
] as const;

const ACCESSIBLE_NAME_PREFIX = 'Link to ';

/**
 * The HTML Pagefind indexes for one built page: every block that carries a "link to this" control
 * (a paragraph, section, event, issue, quotation, comparison point, meeting line) gets a
 * `data-pagefind-title` naming it as the control does ("Paragraph 18", "Event: Petro wins…"), so that
 * Pagefind reports a match inside it as a sub-result with the block's own address (`/page/#id`).
 * The built page itself is not changed: this only feeds the index.
 */
export function markSearchAnchors(html: string): string {
  const tree: Root = fromHtml(html);
  const byId = new Map<string, Element>();
  const controls: Element[] = [];
  visit(tree, 'element', (node: Element) => {
    const id = node.properties['id'];
    if (typeof id === 'string' && !byId.has(id)) byId.set(id, node);
    const classes = node.properties['className'];
    if (node.tagName === 'a' && Array.isArray(classes) && classes.includes(LINK_TO_THIS_CLASS)) controls.push(node);
  });
  for (const control of controls) {
    const href = String(control.properties['href'] ?? '');
    const label = String(control.properties['ariaLabel'] ?? '');
    const block = href.startsWith('#') ? byId.get(decodeURIComponent(href.slice(1))) : undefined;
    if (!block || !label.startsWith(ACCESSIBLE_NAME_PREFIX) || block.properties['dataPagefindTitle'] !== undefined)
      continue;
    const what = label.slice(ACCESSIBLE_NAME_PREFIX.length);
    block.properties['dataPagefindTitle'] = what.charAt(0).toUpperCase() + what.slice(1);
  }
  return toHtml(tree);
}
