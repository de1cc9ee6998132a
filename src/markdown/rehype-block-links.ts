import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import type { Plugin } from 'unified';
import { linkToThis } from '../lib/links/link-to-this.ts';

/** Options for rehype-block-links. */
export interface Options {
  /** Elements that get a link to themselves. Default: p, h2, h3, figure. */
  tagNames?: readonly string[];
  /** Class of paragraphs that stand in for something not captured (not numbered). Default: "embed-marker". */
  markerClass?: string;
}

/**
 * Appends to every top-level block that has an id the site's "link to this" control
 * (`<a class="link-to-this" href="#id" aria-label="Link to paragraph 3">¶</a>`, see src/lib/links/link-to-this.ts),
 * a plain link to the block's own address that the site's script enhances into copy-and-share.
 * Paragraphs and pull quotes are numbered in order, as citation labels number them, and their control shows the
 * number ("¶3"): the numbering of numberParagraphs (src/lib/content/article-blocks.ts), the one counting rule.
 * Precondition: ids are set (remark-article-blocks).
 */
const rehypeBlockLinks: Plugin<[Options?], Root> = (options = {}) => {
  const tagNames = new Set(options.tagNames ?? ['p', 'h2', 'h3', 'figure']);
  const markerClass = options.markerClass ?? 'embed-marker';
  return (tree: Root) => {
    let number = 0;
    for (const node of tree.children) {
      if (node.type !== 'element' || !tagNames.has(node.tagName)) continue;
      const id = node.properties['id'];
      if (typeof id !== 'string' || id === '') continue;
      const classes = node.properties['className'];
      const marker = Array.isArray(classes) && classes.includes(markerClass);
      const numbered = !node.tagName.startsWith('h') && !marker;
      if (numbered) number += 1;
      const what = node.tagName.startsWith('h')
        ? `section: ${toString(node).trim()}`
        : marker
          ? 'the note on the embedded post'
          : `${node.tagName === 'figure' ? 'pull quote, paragraph' : 'paragraph'} ${number}`;
      const control = linkToThis(id, what, { number: numbered ? number : undefined });
      const link: Element = {
        type: 'element',
        tagName: 'a',
        properties: { className: [control.className], href: control.href, ariaLabel: control.ariaLabel },
        children: [{ type: 'text', value: control.text }],
      };
      const target = node.tagName === 'figure' ? node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'figcaption') ?? node : node;
      target.children.push({ type: 'text', value: ' ' }, link);
    }
  };
};

export default rehypeBlockLinks;
