import remarkDirective from 'remark-directive';
import rehypeBlockLinks from './rehype-block-links.ts';
import remarkArticleBlocks from './remark-article-blocks.ts';
import remarkEmbedMarker from './remark-embed-marker.ts';
import remarkPullquote from './remark-pullquote.ts';
import remarkSic from './remark-sic.ts';

/** The remark plugins, in order: directive syntax, then the checks, then the renderers. */
export const remarkPlugins = [remarkDirective, remarkArticleBlocks, remarkSic, remarkPullquote, remarkEmbedMarker];

/** The rehype plugins, in order. */
export const rehypePlugins = [rehypeBlockLinks];
