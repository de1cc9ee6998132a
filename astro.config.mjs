// @ts-check
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { addressGuard } from './src/integrations/address-guard.ts';
import { contentGuard } from './src/integrations/content-guard.ts';
import { previewImages } from './src/integrations/preview-images.ts';
import { rehypePlugins, remarkPlugins } from './src/markdown/plugins.ts';

// The canonical origin. Set SITE_URL when deploying; locally the preview server's address is used.
const site = process.env.SITE_URL ?? 'http://localhost:4321';

export default defineConfig({
  site,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Order matters after the build: preview images are drawn for the pages, then the address guard
  // adds alias anchors and redirect pages and checks every published address.
  integrations: [contentGuard(), previewImages(), addressGuard()],
  markdown: {
    // remark/rehype rather than Astro 7's default processor; no SmartyPants or GFM so that article
    // text reaches the page exactly as published.
    processor: unified({ remarkPlugins, rehypePlugins, smartypants: false, gfm: false }),
    syntaxHighlight: false,
  },
  security: { csp: true },
  devToolbar: { enabled: false },
  server: { port: 4321 },
});
