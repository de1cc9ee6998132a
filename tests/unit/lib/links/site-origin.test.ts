import { describe, expect, it } from 'vitest';
import { SITE_URL_MISSING_LINE, siteOrigin } from '../../../../src/lib/links/site-origin.ts';

describe('siteOrigin', () => {
  it('takes the origin from SITE_URL', () => {
    expect(siteOrigin({ SITE_URL: 'https://example.org/some/path' })).toEqual({ origin: 'https://example.org', fromSetting: true });
  });

  it('falls back to the local preview without it, and the build’s one line names the setting', () => {
    expect(siteOrigin({})).toEqual({ origin: 'http://localhost:4321', fromSetting: false });
    expect(siteOrigin({ SITE_URL: ' ' }).fromSetting).toBe(false);
    expect(SITE_URL_MISSING_LINE).toBe(
      'SITE_URL is not set: canonical addresses, og:url, the sitemap and the feed name http://localhost:4321 (right for a local preview only); to publish, build with SITE_URL=https://your.domain npm run build (README, "Publish")',
    );
  });

  it('refuses a value that is not an http(s) address, saying what is expected', () => {
    expect(() => siteOrigin({ SITE_URL: 'example.org' })).toThrow(
      'SITE_URL="example.org" is not an address; expected the site\'s public origin, such as https://example.org',
    );
    expect(() => siteOrigin({ SITE_URL: 'ftp://example.org' })).toThrow('is not an http(s) address');
  });
});
