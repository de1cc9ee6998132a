import type { Element, Root } from 'hast';
import type { Plugin } from 'unified';
import { withFragment } from '../lib/links/urls.ts';

/** Options for rehype-cited-by. */
export interface Options {
  /** How many items cite each block, by block id; blocks not listed get no link. */
  counts: ReadonlyMap<string, number>;
  /** The id of block `id`'s link, which is also the id of its entry in the list it goes to. */
  targetId: (id: string) => string;
  /** The page listing what cites each block (the link goes to `<listUrl>#<targetId(id)>`). */
  listUrl: string;
}

/**
 * Adds to every cited top-level block a link to its entry in the list of what cites it ("Cited by 3"), on a
 * page of its own, placed after the block's "link to this" control. The link carries the entry's id and is
 * marked as a moved entry (`data-moved`): the list was on the article until December 2026, and its published
 * `#cited-by-…` addresses land on the link, which the page script follows to the list. Runs on an article's
 * rendered HTML, where the analysis is known. Precondition: blocks carry their ids (remark-article-blocks).
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
      properties: {
        id: options.targetId(id),
        href: withFragment(options.listUrl, options.targetId(id)),
        className: ['cited-by-link'],
        dataMoved: true, // MOVED_ATTRIBUTE in src/lib/links/addresses.ts
      },
      children: [{ type: 'text', value: `Cited by ${count}` }],
    };
    const target =
      node.tagName === 'figure'
        ? (node.children.find(
            (child): child is Element => child.type === 'element' && child.tagName === 'figcaption',
          ) ?? node)
        : node;
    target.children.push({ type: 'text', value: ' ' }, link);
  }
};

export default rehypeCitedBy;
