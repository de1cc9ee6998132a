import type { APIContext } from 'astro';
import printCss from '../styles/print.css?raw';

/**
 * The print stylesheet (/print.css), with the site's origin put first as --site-origin, which the
 * stylesheet writes before each citation's address so that printed citations can be followed.
 */
export function GET(context: APIContext): Response {
  const origin = (context.site ?? new URL(context.url.origin)).origin;
  return new Response(`@media print{:root{--site-origin:${JSON.stringify(origin)}}}\n${printCss}`, {
    headers: { 'content-type': 'text/css; charset=utf-8' },
  });
}
