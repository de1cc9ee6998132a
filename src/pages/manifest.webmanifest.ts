import { siteName } from '../lib/links/navigation.ts';
import { homeUrl } from '../lib/links/urls.ts';

/** The web app manifest: the site's name, colours and icons (drawn by `npm run icons`), for "add to home screen". */
export function GET(): Response {
  const manifest = {
    name: siteName,
    short_name: 'Trump–Petro',
    description:
      'A cross-linked analysis of the White House meeting of Donald Trump and Gustavo Petro, from news articles stored word for word.',
    lang: 'en',
    start_url: homeUrl(),
    scope: homeUrl(),
    display: 'minimal-ui',
    background_color: '#fdfcfa',
    theme_color: '#1c1b19',
    icons: [
      { src: '/icons/icon.svg', type: 'image/svg+xml', sizes: 'any', purpose: 'any' },
      { src: '/icons/icon-192.png', type: 'image/png', sizes: '192x192', purpose: 'any' },
      { src: '/icons/icon-512.png', type: 'image/png', sizes: '512x512', purpose: 'any' },
      { src: '/icons/icon-maskable-512.png', type: 'image/png', sizes: '512x512', purpose: 'maskable' },
    ],
  };
  return new Response(`${JSON.stringify(manifest, null, 2)}\n`, {
    headers: { 'content-type': 'application/manifest+json; charset=utf-8' },
  });
}
