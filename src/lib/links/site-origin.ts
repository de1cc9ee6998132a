/**
 * The site's public origin, set in one place: the `SITE_URL` environment variable at build time
 * (`SITE_URL=https://example.org npm run build`). astro.config.mjs reads it through `siteOrigin`; canonical
 * addresses, `og:url`, preview images, structured data, the sitemap, the feed and the print stylesheet's
 * full citation addresses are built from it.
 */

/** The name of the setting, as the build's warning and the README name it. */
export const SITE_URL_SETTING = 'SITE_URL';

/** Where `npm start` and `astro preview` serve a local build: the origin of a build without SITE_URL. */
export const LOCAL_ORIGIN = 'http://localhost:4321';

/** The origin the build is for: SITE_URL when set (checked to be an http(s) origin), else the local preview's. */
export function siteOrigin(env: Readonly<Record<string, string | undefined>>): { origin: string; fromSetting: boolean } {
  const value = env[SITE_URL_SETTING]?.trim();
  if (value === undefined || value === '') return { origin: LOCAL_ORIGIN, fromSetting: false };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${SITE_URL_SETTING}="${value}" is not an address; expected the site's public origin, such as https://example.org`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`${SITE_URL_SETTING}="${value}" is not an http(s) address; expected the site's public origin, such as https://example.org`);
  }
  return { origin: url.origin, fromSetting: true };
}

/** The one line a build without SITE_URL prints. */
export const SITE_URL_MISSING_LINE =
  `${SITE_URL_SETTING} is not set: canonical addresses, og:url, the sitemap and the feed name ${LOCAL_ORIGIN} (right for a local preview only); ` +
  `to publish, build with ${SITE_URL_SETTING}=https://your.domain npm run build (README, "Publish")`;
