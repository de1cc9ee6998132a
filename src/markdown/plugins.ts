import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import remarkDirective from 'remark-directive';
import rehypeBlockLinks from './rehype-block-links.ts';
import remarkArticleBlocks from './remark-article-blocks.ts';
import remarkEmbedMarker from './remark-embed-marker.ts';
import remarkPullquote from './remark-pullquote.ts';
import remarkSic from './remark-sic.ts';

/**
 * A hash of the Markdown pipeline's own code (this folder and the lib modules it uses). Astro caches
 * rendered articles and clears that cache only when its config changes; passing this digest as a plugin
 * option makes any change to a plugin a config change, so no stale HTML survives a plugin edit.
 */
function pipelineDigest(): string {
  const hash = createHash('sha256');
  const here = new URL('./', import.meta.url);
  const files = [
    ...readdirSync(fileURLToPath(here)).filter((name) => name.endsWith('.ts')).sort().map((name) => new URL(name, here)),
    ...['content/article-blocks.ts', 'content/block-id.ts', 'links/urls.ts'].map((name) => new URL(`../lib/${name}`, import.meta.url)),
  ];
  for (const file of files) hash.update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

/** The remark plugins, in order: directive syntax, then the checks, then the renderers. */
export const remarkPlugins: RemarkPlugins = [
  remarkDirective,
  [remarkArticleBlocks, { pipelineDigest: pipelineDigest() }],
  remarkSic,
  remarkPullquote,
  remarkEmbedMarker,
];

/** The rehype plugins, in order. */
export const rehypePlugins: RehypePlugins = [rehypeBlockLinks];
