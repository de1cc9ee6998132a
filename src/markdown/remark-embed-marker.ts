import type { Root } from 'mdast';
import type {} from 'mdast-util-to-hast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';

/** Options for remark-embed-marker. */
export interface Options {
  /** The note shown in place of the post; `{platform}` is replaced. Default: "A post on {platform} was embedded here in the original article; it was not captured." */
  note?: string;
}

const DEFAULT_NOTE = 'A post on {platform} was embedded here in the original article; it was not captured.';

/**
 * Renders `::embed{#id platform="X"}` as a short note standing where the original embedded a
 * social-media post. Preconditions: remark-directive runs first; remark-article-blocks checked the attributes.
 */
const remarkEmbedMarker: Plugin<[Options?], Root> = (options = {}) => {
  const note = options.note ?? DEFAULT_NOTE;
  return (tree: Root) => {
    visit(tree, 'leafDirective', (node) => {
      if (node.name !== 'embed') return;
      const platform = node.attributes?.platform ?? '';
      node.children = [{ type: 'text', value: note.replace('{platform}', platform) }];
      node.data = {
        ...node.data,
        hName: 'p',
        hProperties: { id: node.attributes?.id ?? '', className: ['embed-marker'], dataPlatform: platform },
      };
    });
  };
};

export default remarkEmbedMarker;
