import type { Element, Root } from 'hast';
import type { Plugin } from 'unified';
import { fragmentHref } from '../lib/links/urls.ts';

/** Options for rehype-cited-by. */
export interface Options {
  /** How many items cite each block, by block id; blocks not listed get no link. */
  counts: ReadonlyMap<string, number>;
  /** The fragment id of the list of what cites block `id`. */
  targetId: (id: string) => string;
}

/**
 * Adds to every cited top-level block a link to the list of what cites it ("Cited by 3"), placed after
 * the block's "link to this" control. Runs on an article's rendered HTML, where the analysis is known.
 * Precondition: blocks carry their ids (remark-article-blocks).
 */
const rehypeCitedBy: Plugin<[Options], Root> = (options) => (tree: Root) => {
  for (const node of tree.children) {
    if (node.type !== 'element') continue;
    const id = node.properties['id'];
    const count = typeof id === 'string' ? options.counts.get(id) : undefined;
    if (typeof id !== 'string' || count === undefined || count === 0) continue;
    const link: Element = {
      type: 'element',
      tagName: 'a',
      properties: { className: ['cited-by-link'], href: fragmentHref(options.targetId(id)) },
      children: [{ type: 'text', value: `Cited by ${count}` }],
    };
    const target = node.tagName === 'figure' ? node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'figcaption') ?? node : node;
    target.children.push({ type: 'text', value: ' ' }, link);
  }
};

export default rehypeCitedBy;
