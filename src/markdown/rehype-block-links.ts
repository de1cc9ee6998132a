import type { Element, Root } from 'hast';
import type { Plugin } from 'unified';

/** Options for rehype-block-links. */
export interface Options {
  /** Elements that get a link to themselves. Default: p, h2, h3, figure. */
  tagNames?: readonly string[];
  /** Visible text of the link. Default: "¶". */
  symbol?: string;
}

/**
 * Appends to every top-level block that has an id a small link to that block's own address
 * (`<a class="block-link" href="#id">`), so readers can copy a link to any paragraph without JavaScript.
 * Precondition: ids are set (remark-article-blocks).
 */
const rehypeBlockLinks: Plugin<[Options?], Root> = (options = {}) => {
  const tagNames = new Set(options.tagNames ?? ['p', 'h2', 'h3', 'figure']);
  const symbol = options.symbol ?? '¶';
  return (tree: Root) => {
    for (const node of tree.children) {
      if (node.type !== 'element' || !tagNames.has(node.tagName)) continue;
      const id = node.properties['id'];
      if (typeof id !== 'string' || id === '') continue;
      const kind = node.tagName.startsWith('h') ? 'section' : node.tagName === 'figure' ? 'quotation' : 'paragraph';
      const link: Element = {
        type: 'element',
        tagName: 'a',
        properties: { className: ['block-link'], href: `#${id}`, ariaLabel: `Link to this ${kind}` },
        children: [{ type: 'text', value: symbol }],
      };
      const target = node.tagName === 'figure' ? node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'figcaption') ?? node : node;
      target.children.push({ type: 'text', value: ' ' }, link);
    }
  };
};

export default rehypeBlockLinks;
