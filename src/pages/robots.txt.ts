import type { APIContext } from 'astro';
import { absoluteUrl, sitemapUrl } from '../lib/links/urls.ts';

/** robots.txt: everything may be crawled; the sitemap's absolute address (it depends on the configured site). */
export function GET(context: APIContext): Response {
  const site = context.site ?? new URL(context.url.origin);
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(sitemapUrl(), site)}\n`, {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
}
