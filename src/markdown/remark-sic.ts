import type { Root } from 'mdast';
import type {} from 'mdast-util-to-hast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';

/**
 * Renders `:sic[word]` (a slip kept exactly as published) as `<span class="sic">word</span>`; the
 * "[sic]" mark is drawn by CSS so the text itself stays as published. Precondition: remark-directive.
 */
const remarkSic: Plugin<[], Root> = () => (tree: Root) => {
  visit(tree, 'textDirective', (node) => {
    if (node.name !== 'sic') return;
    node.data = { ...node.data, hName: 'span', hProperties: { className: ['sic'], title: 'sic: as published' } };
  });
};

export default remarkSic;
