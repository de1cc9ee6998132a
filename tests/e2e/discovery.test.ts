import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isRedirectPage } from '../../src/lib/links/addresses.ts';
import { articleUrl, feedUrl, manifestUrl, meetingUrl, searchUrl, sitemapUrl } from '../../src/lib/links/urls.ts';
import { builtPages, distDir } from '../helpers/browser.ts';
import { pngSize } from '../helpers/png.ts';

// Discovery, read from the built site: the sitemap, the RSS feed, the web app manifest and its icons,
// robots.txt, and the <head> links that point at them.

const read = (path: string): string => readFileSync(join(distDir, path), 'utf8');
const locs = (xml: string): string[] => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1] ?? '');
const home = read('index.html');
const site = new URL(/<link rel="canonical" href="([^"]+)"/.exec(home)?.[1] ?? 'http://invalid/').origin;

describe('sitemap', () => {
  it('lists every page (not the search page, the 404 or a redirect page), at its canonical address', () => {
    const index = locs(read(sitemapUrl().slice(1)));
    expect(index.length).toBeGreaterThan(0);
    const listed = index.flatMap((url) => locs(read(new URL(url).pathname.slice(1)))).map((url) => new URL(url));
    expect(new Set(listed.map((url) => url.origin))).toEqual(new Set([site]));
    const expected = builtPages()
      .filter((path) => path !== searchUrl() && !isRedirectPage(read(`${path.slice(1)}index.html`)))
      .sort();
    expect(listed.map((url) => url.pathname).sort()).toEqual(expected);
  });

  it('is named in robots.txt by its absolute address', () => {
    expect(read('robots.txt')).toContain(`Sitemap: ${site}${sitemapUrl()}`);
  });
});

describe('RSS feed', () => {
  const xml = read(feedUrl().slice(1));
  const items = [...xml.matchAll(/<item>(.*?)<\/item>/gs)].map((match) => match[1] ?? '');
  const field = (item: string, name: string): string | undefined =>
    new RegExp(`<${name}>([^<]*)</${name}>`).exec(item)?.[1];

  it('announces both articles (dated) and the parts of the analysis, each linking to a page that exists', () => {
    const links = items.map((item) => field(item, 'link') ?? '');
    expect(links).toEqual(
      expect.arrayContaining([
        `${site}${articleUrl('clash-report-trump-meets-petro')}`,
        `${site}${articleUrl('los-angeles-times-petro-and-trump-make-peace')}`,
        `${site}${meetingUrl()}`,
      ]),
    );
    for (const link of links)
      expect(existsSync(join(distDir, new URL(link).pathname.slice(1), 'index.html')), link).toBe(true);
    const articles = items.filter((item) => field(item, 'category') === 'Article');
    expect(articles).toHaveLength(2);
    for (const item of articles) expect(field(item, 'pubDate')).toMatch(/^\w{3}, \d{2} \w{3} 2026 /);
  });

  it('is linked from every page', () => {
    expect(home).toContain(`<link rel="alternate" type="application/rss+xml"`);
    expect(home).toContain(`href="${feedUrl()}"`);
  });
});

describe('web app manifest', () => {
  const manifest = JSON.parse(read(manifestUrl().slice(1))) as {
    name: string;
    start_url: string;
    icons: { src: string; sizes: string; type: string; purpose: string }[];
  };

  it('names the site, starts at the home page and has icons that exist at their declared sizes, one maskable', () => {
    expect(manifest.name).toBe('Trump and Petro at the White House');
    expect(manifest.start_url).toBe('/');
    for (const icon of manifest.icons) {
      const bytes = readFileSync(join(distDir, icon.src.slice(1)));
      if (icon.type === 'image/png') {
        const [width, height] = icon.sizes.split('x').map(Number);
        expect(pngSize(bytes), icon.src).toEqual({ width, height });
      } else expect(bytes.toString('utf8')).toContain('<svg');
    }
    expect(manifest.icons.some((icon) => icon.purpose === 'maskable')).toBe(true);
    expect(home).toContain(`<link rel="manifest" href="${manifestUrl()}">`);
  });
});
