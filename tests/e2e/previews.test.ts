import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtAddresses, loadAliases } from '../../src/integrations/address-guard.ts';
import { listBuiltPages } from '../../src/integrations/built-pages.ts';
import {
  ADDRESS_FILES,
  compareAddresses,
  formatAddress,
  isRedirectPage,
  parseManifest,
} from '../../src/lib/links/addresses.ts';
import { ogImageUrl, previewImageUrl } from '../../src/lib/links/urls.ts';
import { baseUrl, distDir, launchBrowser } from '../helpers/browser.ts';
import { projectRoot } from '../helpers/content.ts';
import { checkJsonLd } from '../helpers/json-ld.ts';
import { pngSize } from '../helpers/png.ts';

// Every page of the build, read by Chromium with scripts off (what a link preview or a crawler sees):
// its preview tags and image, its structured data, and a "link to this" on every block with an id.
const site = process.env['SITE_URL'] ?? 'http://localhost:4321';
const pages = listBuiltPages(distDir).filter((page) => !isRedirectPage(readFileSync(page.file, 'utf8')));

interface Head {
  title: string;
  meta: Record<string, string>;
  canonical: string;
  jsonLd: string[];
  imageTag: { eyebrow: string | null };
}
interface Body {
  /** Elements with an id inside main, and whether each holds a "link to this" to itself. */
  blocks: { id: string; control: boolean }[];
  /** Controls whose name or target is wrong. */
  badControls: string[];
  /** h2/h3 in main with neither an id nor an ancestor with an id inside main. */
  unaddressedHeadings: string[];
}
const seen = new Map<string, { head: Head; body: Body }>();

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  for (const { path } of pages) {
    await page.goto(baseUrl + path);
    const head = await page.evaluate((): Head => {
      const meta: Record<string, string> = {};
      for (const tag of document.head.querySelectorAll('meta[property], meta[name]')) {
        meta[tag.getAttribute('property') ?? tag.getAttribute('name') ?? ''] = tag.getAttribute('content') ?? '';
      }
      return {
        title: document.title,
        meta,
        canonical: document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '',
        jsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')].map(
          (script) => script.textContent ?? '',
        ),
        imageTag: {
          eyebrow: document.querySelector('meta[property="og:image"]')?.getAttribute('data-eyebrow') ?? null,
        },
      };
    });
    const body = await page.evaluate((): Body => {
      const main = document.querySelector('main');
      const inMain = [...(main?.querySelectorAll('[id]') ?? [])].filter(
        // Alias anchors and moved-entry links stand in for a block elsewhere: they are not blocks.
        (element) => !element.hasAttribute('data-alias-of') && !element.hasAttribute('data-moved'),
      );
      const blocks = inMain.map((element) => ({
        id: element.id,
        // Its fragment here, or, for a copy of an entry whose home is another page (a quotation on the
        // quotations pages), its address there, under the same id.
        control:
          element.querySelector(
            `a.link-to-this[href="#${CSS.escape(element.id)}"], a.link-to-this[href$="/#${CSS.escape(element.id)}"]`,
          ) !== null,
      }));
      const badControls = [...document.querySelectorAll('a.link-to-this')].flatMap((control) => {
        const id = control.getAttribute('href')?.split('#')[1] ?? '';
        const block = document.getElementById(id);
        const problems: string[] = [];
        if (!block || !block.contains(control))
          problems.push(`${control.getAttribute('href')} is not a block around it`);
        if (!/^Link to \S/.test(control.getAttribute('aria-label') ?? ''))
          problems.push(`${control.getAttribute('href')} has no accessible name`);
        return problems;
      });
      const unaddressedHeadings = [...(main?.querySelectorAll('h2, h3') ?? [])]
        .filter((heading) => {
          for (let node: Element | null = heading; node && node !== main; node = node.parentElement)
            if (node.id) return false;
          return true;
        })
        .map((heading) => heading.textContent?.trim() ?? '');
      return { blocks, badControls, unaddressedHeadings };
    });
    seen.set(path, { head, body });
  }
}, 300_000);
afterAll(async () => {
  await browser.close();
});

const of = (path: string) => {
  const found = seen.get(path);
  if (!found) throw new Error(`${path} was not read`);
  return found;
};

describe('previews', () => {
  it('every page has a title of its own', () => {
    const byTitle = new Map<string, string[]>();
    for (const { path } of pages) byTitle.set(of(path).head.title, [...(byTitle.get(of(path).head.title) ?? []), path]);
    expect([...byTitle].filter(([, paths]) => paths.length > 1)).toEqual([]);
    expect(byTitle.size).toBe(pages.length);
  });

  for (const { path } of pages) {
    it(`${path}: description, canonical URL, Open Graph and Twitter card tags, and its 1200×630 image (its own, or its section's for an item page)`, () => {
      const { head } = of(path);
      const canonical = new URL(path, site).href;
      const image = new URL(previewImageUrl(path), site).href;
      const ownImage = previewImageUrl(path) === ogImageUrl(path);
      expect(head.canonical).toBe(canonical);
      expect(head.meta['description']?.length).toBeGreaterThan(20);
      expect(head.meta).toMatchObject({
        'og:site_name': expect.any(String),
        'og:type': expect.stringMatching(/^(website|article|profile)$/),
        'og:title': expect.any(String),
        'og:description': head.meta['description'],
        'og:url': canonical,
        'og:image': image,
        'og:image:type': 'image/png',
        'og:image:width': '1200',
        'og:image:height': '630',
        // An item page shares its section's image, whose alternative text names the section.
        'og:image:alt': expect.stringContaining(
          ownImage ? (head.meta['og:title'] ?? '-') : (head.meta['og:site_name'] ?? '-'),
        ),
        'twitter:card': 'summary_large_image',
        'twitter:image:alt': head.meta['og:image:alt'],
      });
      // X falls back to og:title, og:description and og:image: the page does not repeat them.
      for (const name of ['twitter:title', 'twitter:description', 'twitter:image'])
        expect(head.meta[name]).toBeUndefined();
      expect(head.title).toContain(head.meta['og:title']);
      expect(head.imageTag.eyebrow).toBeTruthy();
      const file = join(distDir, ...previewImageUrl(path).split('/').filter(Boolean));
      expect(existsSync(file)).toBe(true);
      expect(pngSize(readFileSync(file))).toEqual({ width: 1200, height: 630 });
    });
  }
});

describe('structured data', () => {
  for (const { path } of pages) {
    it(`${path}: one JSON-LD graph, valid, about this page`, () => {
      const { head } = of(path);
      expect(head.jsonLd).toHaveLength(1);
      const data = JSON.parse(head.jsonLd[0] ?? '');
      expect(checkJsonLd(data)).toEqual([]);
      const main = data['@graph'][0];
      expect(main['url']).toBe(new URL(path, site).href);
      const expected =
        path === '/'
          ? 'WebSite'
          : /^\/articles\/[^/]+\/$/.test(path) && path !== '/articles/'
            ? 'NewsArticle'
            : /^\/articles\/(page\/\d+\/)?$/.test(path)
              ? 'CollectionPage'
              : /^\/people\/.+/.test(path)
                ? 'ProfilePage'
                : 'Article';
      expect(main['@type']).toBe(expected);
      for (const cited of [main['isBasedOn'] ?? [], main['hasPart'] ?? []].flat() as { '@id': string }[]) {
        expect(existsSync(join(distDir, new URL(cited['@id']).pathname, 'index.html'))).toBe(true);
      }
    });
  }

  it('the meeting page describes an Event on 3 February 2026 at the White House, with its attendees', () => {
    const data = JSON.parse(of('/meeting/').head.jsonLd[0] ?? '');
    const event = data['@graph'].find((node: { '@type': string }) => node['@type'] === 'Event');
    expect(event).toMatchObject({ startDate: '2026-02-03', location: { name: 'The White House' } });
    expect(event.attendee.map((person: { name: string }) => person.name)).toEqual(['Donald Trump', 'Gustavo Petro']);
  });
});

describe('lasting addresses', () => {
  for (const { path } of pages) {
    it(`${path}: every block with an id carries a "link to this", and every heading has an address`, () => {
      const { body } = of(path);
      expect(body.blocks.filter((block) => !block.control).map((block) => block.id)).toEqual([]);
      expect(body.badControls).toEqual([]);
      expect(body.unaddressedHeadings).toEqual([]);
    });
  }

  it(`${ADDRESS_FILES.manifest} records every address of this build (run \`${ADDRESS_FILES.updateCommand}\` when this fails)`, () => {
    const manifest = parseManifest(
      ADDRESS_FILES.manifest,
      readFileSync(join(projectRoot, ADDRESS_FILES.manifest), 'utf8'),
    );
    const { current } = builtAddresses(distDir, loadAliases(projectRoot), manifest.addresses);
    const { vanished, added } = compareAddresses(manifest.addresses ?? {}, current);
    expect(vanished.map(formatAddress)).toEqual([]);
    expect(added.map(formatAddress)).toEqual([]);
  });
});

describe('the script', () => {
  it('stays within the budget of 2 KB of compressed JavaScript on every page', () => {
    const sizes = pages.map(({ path, file }) => {
      const html = readFileSync(file, 'utf8');
      const inline = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? '');
      const external = [...html.matchAll(/<script[^>]* src="([^"]+)"/g)].map((match) =>
        readFileSync(join(distDir, match[1] ?? ''), 'utf8'),
      );
      return { path, bytes: gzipSync([...inline, ...external].join('\n'), { level: 9 }).length };
    });
    expect(sizes.filter((size) => size.bytes > 2048)).toEqual([]);
    expect(Math.max(...sizes.map((size) => size.bytes))).toBeGreaterThan(0);
  });
});
