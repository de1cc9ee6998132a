// @ts-check
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { addressGuard } from './src/integrations/address-guard.ts';
import { afterBuild } from './src/integrations/after-build.ts';
import { contentGuard } from './src/integrations/content-guard.ts';
import { dataStoreModule } from './src/integrations/data-store-module.ts';
import { outputFolder } from './src/integrations/output-folder.ts';
import { staticHost } from './src/integrations/static-host.ts';
import { siteOrigin } from './src/lib/links/site-origin.ts';
import { searchUrl } from './src/lib/links/urls.ts';
import { rehypePlugins, remarkPlugins } from './src/markdown/plugins.ts';

// The public origin, set in one place: SITE_URL at build time (README, "Publish"). Without it the local
// preview's address is used and the build says so in one line (the static-host integration).
const { origin: site, fromSetting } = siteOrigin(process.env);

// Pages in flight at once while Astro renders them (measured: docs/bench-build.md).
const CONCURRENCY = 4;
// A stylesheet smaller than this is inlined in the page (see `vite.build.assetsInlineLimit` below).
const INLINE_STYLESHEET_BELOW = 12 * 1024;

export default defineConfig({
  site,
  trailingSlash: 'always',
  // Scoped styles by class (astro-xxxx, added to the class list) rather than a data-astro-cid-xxxx
  // attribute on every element: about 1 KB less per long page with gzip (the page budget, README).
  scopedStyleStrategy: 'class',
  // Pages built CONCURRENCY at a time (BUILD_CONCURRENCY overrides it, for npm run bench:build -- --concurrency).
  build: { format: 'directory', concurrency: Number(process.env.BUILD_CONCURRENCY ?? CONCURRENCY) },
  // Pages from getStaticPaths() whose cacheKey (src/data/page-keys.ts) and code are unchanged are copied from
  // the previous build (node_modules/.astro/) instead of rendered again.
  experimental: { incrementalBuild: true },
  // Every stylesheet goes inline (the shared one, about 8 KB, and a page's own, such as the timeline chart's 4.5 KB):
  // in the page it compresses with the markup whose class names it repeats and costs no request before the first
  // paint. Measured with gzip -9: 260-530 B less per page than the shared sheet as a file (the page budget,
  // docs/quality.md); the price is that a reader's second page fetches those rules again (about 2.7 KB gzip)
  // instead of from the cache: most readers arrive on one page from a shared link. Other assets keep Vite's
  // default (undefined: 4 KB).
  vite: {
    build: {
      assetsInlineLimit: (file, content) =>
        file.endsWith('.css') ? content.length < INLINE_STYLESHEET_BELOW : undefined,
    },
  },
  // The sitemap lists every page but the search page (the 404 is left out by the integration itself).
  // afterBuild() then runs the passes over the finished pages, in order (src/integrations/after-build.ts): each
  // page's CSP narrowed to its own hashes, preview images, the address guard (alias anchors, redirect pages,
  // every published address checked), `_headers`, and the search index last. Under `npm run build`
  // (scripts/build.ts) they run in a process of their own once Astro's has ended; `astro build` alone runs them
  // here. The address guard checks the aliases file and static-host warns about SITE_URL before the pages.
  integrations: [
    contentGuard(),
    // The content store read from its file when the pages' bundle loads, rather than bundled as one string.
    dataStoreModule(),
    sitemap({ filter: (page) => new URL(page).pathname !== searchUrl() }),
    addressGuard(),
    staticHost({ originFromSetting: fromSetting }),
    afterBuild(),
    // The previous build's output is moved aside at the start and removed in the background rather than
    // file by file before the build; last, so that the passes above do not wait for the removal to end.
    outputFolder(),
  ],
  markdown: {
    // remark/rehype rather than Astro 7's default processor; no SmartyPants or GFM so that article
    // text reaches the page exactly as published.
    processor: unified({ remarkPlugins, rehypePlugins, smartypants: false, gfm: false }),
    syntaxHighlight: false,
  },
  // Astro adds script-src and style-src with the hashes of what it emits; the rest shuts everything
  // else to this origin. (frame-ancestors, report-uri and sandbox are ignored in a <meta> policy.)
  // connect-src 'self': tools that fetch in the page's context, such as Lighthouse reading robots.txt.
  security: {
    csp: {
      directives: [
        "default-src 'none'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "manifest-src 'self'",
        "base-uri 'none'",
        "form-action 'self'",
      ],
    },
  },
  devToolbar: { enabled: false },
  server: { port: 4321 },
});
