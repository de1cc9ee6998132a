import type { Root } from 'mdast';
import type {} from 'mdast-util-to-hast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { collectBlocks } from '../lib/content/article-blocks.ts';
import { splitTrailingId } from '../lib/content/block-id.ts';

/**
 * Checks an article body (only paragraphs, headings, pull quotes and embed markers; every block with a
 * unique ` {#id}`; no raw HTML) and moves each paragraph's and heading's trailing `{#id}` onto the element.
 * Precondition: remark-directive runs first. Fails the file, with line and column, on the first problem.
 */
/** Options for remark-article-blocks. */
export interface Options {
  /** Not used by the plugin: a digest of the pipeline's code, so that Astro's content cache sees plugin changes. */
  pipelineDigest?: string;
}

const remarkArticleBlocks: Plugin<[Options?], Root> = () => (tree: Root, file: VFile) => {
  const { problems } = collectBlocks(tree);
  const first = problems[0];
  if (first) file.fail(first.message, { line: first.line, column: 1 });
  for (const node of tree.children) {
    if (node.type !== 'paragraph' && node.type !== 'heading') continue;
    const last = node.children.at(-1);
    if (last?.type !== 'text') continue;
    const { text, id } = splitTrailingId(last.value);
    if (id === undefined) continue;
    last.value = text;
    node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id } };
  }
};

export default remarkArticleBlocks;
