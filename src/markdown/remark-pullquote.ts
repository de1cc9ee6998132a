import { basename } from 'node:path';
import type { BlockContent, Root } from 'mdast';
import type {} from 'mdast-util-to-hast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { articleUrl, withFragment } from '../lib/links/urls.ts';

/**
 * Renders `:::pullquote{#id attribution="..."}` as a figure: the quoted paragraphs in a
 * `<blockquote cite>` pointing at the block's own address, the attribution in a `<figcaption>`.
 * Preconditions: remark-directive runs first; remark-article-blocks has checked id and attribution.
 */
const remarkPullquote: Plugin<[], Root> = () => (tree: Root, file: VFile) => {
  const articleId = basename(file.path || 'article.md').replace(/\.md$/, '');
  visit(tree, 'containerDirective', (node) => {
    if (node.name !== 'pullquote') return;
    const id = node.attributes?.id ?? '';
    const attribution = node.attributes?.attribution ?? '';
    const quote: BlockContent = {
      type: 'blockquote',
      children: node.children as BlockContent[],
      data: { hProperties: { cite: withFragment(articleUrl(articleId), id) } },
    };
    const caption: BlockContent = {
      type: 'paragraph',
      children: [{ type: 'text', value: attribution }],
      data: { hName: 'figcaption' },
    };
    node.children = [quote, caption];
    node.data = { ...node.data, hName: 'figure', hProperties: { id, className: ['pullquote'] } };
  });
};

export default remarkPullquote;
