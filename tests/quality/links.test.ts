import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { distDir } from '../helpers/browser.ts';
import { attr, builtHtml, elements, listFiles, rawText } from './dist.ts';

// Every internal link, asset and #fragment in the built output must resolve: a path to a file in
// dist/ (a directory only with its trailing slash, as the site is built), a fragment to an id on the
// target page. Text fragments (#id:~:text=…) are checked up to their id. Links to other origins are
// not fetched (no network); tests/quality/security.test.ts checks how they are marked.

const pages = builtHtml();
/** The origin the site is built for (canonical URLs use it): links to it are internal. */
const siteOrigin = (() => {
  const home = pages.find((page) => page.url === '/');
  const canonical =
    home && elements(home.tree).find((element) => element.tagName === 'link' && attr(element, 'rel') === 'canonical');
  const href = canonical && attr(canonical, 'href');
  if (!href) throw new Error('the home page has no <link rel="canonical">');
  return new URL(href).origin;
})();
const local = 'http://site.invalid';

/** Ids on each page, by site address. */
const idsByUrl = new Map(
  pages.map((page) => [
    page.url,
    new Set(
      elements(page.tree).flatMap((element) => {
        const id = attr(element, 'id');
        const name = element.tagName === 'a' ? attr(element, 'name') : undefined;
        return [id, name].filter((value): value is string => value !== undefined);
      }),
    ),
  ]),
);

/** Attributes that hold a URL, by property name as hast spells them. */
const URL_PROPERTIES = ['href', 'src', 'poster', 'data', 'action', 'formAction', 'cite'] as const;

/** URLs an element links to or loads. */
function urlsOf(element: Parameters<typeof attr>[0]): string[] {
  const found: string[] = URL_PROPERTIES.flatMap((name) => {
    const value = attr(element, name);
    return value === undefined ? [] : [value];
  });
  const srcset = element.properties['srcSet'];
  if (srcset !== undefined) {
    const list = Array.isArray(srcset) ? srcset.map(String) : String(srcset).split(',');
    found.push(...list.map((candidate) => candidate.trim().split(/\s+/)[0] ?? '').filter(Boolean));
  }
  return found;
}

/** Why `reference`, found in the file served at `fromUrl`, does not resolve; undefined when it does. */
function brokenReason(reference: string, fromUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(reference, local + fromUrl);
  } catch {
    return 'not a valid URL';
  }
  if (url.origin === siteOrigin) url = new URL(url.pathname + url.search + url.hash, local);
  if (url.origin !== local) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return 'badly percent-encoded path';
  }
  const file = join(distDir, path);
  let pageUrl: string | undefined;
  if (path.endsWith('/')) {
    if (!existsSync(join(file, 'index.html'))) return `no page ${path} (no ${path}index.html in dist/)`;
    pageUrl = path;
  } else if (!existsSync(file)) {
    return `no file ${path} in dist/`;
  } else if (statSync(file).isDirectory()) {
    return `${path} is a directory: link to ${path}/`;
  } else if (path.endsWith('.html')) {
    pageUrl = path.replace(/index\.html$/, '');
  }
  const hash = url.hash.slice(1);
  if (hash === '') return undefined;
  const idPart = hash.split(':~:')[0] ?? '';
  if (idPart === '') return undefined;
  let id: string;
  try {
    id = decodeURIComponent(idPart);
  } catch {
    return `badly percent-encoded fragment #${idPart}`;
  }
  if (pageUrl === undefined) return `fragment #${id} on a file that is not a page`;
  if (!idsByUrl.get(pageUrl)?.has(id)) return `no id "${id}" on ${pageUrl}`;
  return undefined;
}

/** `url(...)` references in CSS, other than data: URIs. */
function cssUrls(css: string): string[] {
  return [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)]
    .map((match) => match[2] ?? '')
    .filter((url) => !url.startsWith('data:'));
}

describe('links in the built site', () => {
  it('builds more than a hundred pages to check', () => {
    expect(pages.length).toBeGreaterThan(100);
  });

  it('every internal link, asset and #fragment in every page resolves', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const page of pages) {
      for (const element of elements(page.tree)) {
        const urls = [...urlsOf(element), ...(element.tagName === 'style' ? cssUrls(rawText(element)) : [])];
        for (const reference of urls) {
          checked += 1;
          const reason = brokenReason(reference, page.url);
          if (reason) broken.push(`${page.url} <${element.tagName}> ${reference}: ${reason}`);
        }
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  });

  it('every url() in the stylesheets resolves', () => {
    const broken: string[] = [];
    for (const file of listFiles().filter((name) => name.endsWith('.css'))) {
      for (const reference of cssUrls(readFileSync(join(distDir, file), 'utf8'))) {
        const reason = brokenReason(reference, `/${file}`);
        if (reason) broken.push(`/${file} ${reference}: ${reason}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('catches what it should', () => {
    expect(brokenReason('/articles/', '/')).toBeUndefined();
    expect(brokenReason('/no-such-page/', '/')).toMatch(/no page/);
    expect(brokenReason('/articles', '/')).toMatch(/is a directory/);
    expect(brokenReason('/#main', '/articles/')).toBeUndefined();
    expect(brokenReason('/#no-such-id', '/articles/')).toMatch(/no id "no-such-id" on \//);
    expect(brokenReason('#main:~:text=anything', '/')).toBeUndefined();
    expect(brokenReason('#nope:~:text=anything', '/')).toMatch(/no id "nope"/);
    expect(brokenReason(`${siteOrigin}/nowhere/`, '/')).toMatch(/no page/);
    expect(brokenReason('https://example.org/nowhere/', '/')).toBeUndefined();
  });
});
