import type { APIContext } from 'astro';
import { siteOrigin } from '../lib/links/site-origin.ts';
import printCss from '../styles/print.css?raw';

/**
 * The print stylesheet (/print.css), with the site's public origin put first as --site-origin, which the
 * stylesheet writes before each citation's address so that printed citations can be followed. A build
 * without SITE_URL prints the addresses from their path (/articles/…): a local origin on paper leads nowhere.
 */
export function GET(context: APIContext): Response {
  const { fromSetting } = siteOrigin(process.env);
  const origin = fromSetting ? (context.site ?? new URL(context.url.origin)).origin : '';
  return new Response(`@media print{:root{--site-origin:${JSON.stringify(origin)}}}\n${printCss}`, {
    headers: { 'content-type': 'text/css; charset=utf-8' },
  });
}
