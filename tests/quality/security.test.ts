import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { describe, expect, it } from 'vitest';
import { distDir } from '../helpers/browser.ts';
import { searchUrl } from '../../src/lib/links/urls.ts';
import { attr, builtHtml, elements, listFiles, rawText, type BuiltFile } from './dist.ts';

// Security of every built page, read from dist/: a Content-Security-Policy that allows no inline script
// it has not hashed and nothing from another origin; no script, event handler or javascript: URL that
// Astro did not emit (content is Markdown and YAML with raw HTML refused, so none can come from there);
// nothing loaded from another origin; external links that give the target no handle on the page.

const pages = builtHtml();
const local = 'http://site.invalid';
const siteOrigin = (() => {
  const home = pages.find((page) => page.url === '/');
  const canonical =
    home && elements(home.tree).find((element) => element.tagName === 'link' && attr(element, 'rel') === 'canonical');
  return new URL((canonical && attr(canonical, 'href')) ?? local).origin;
})();

/** True when `reference` stays on this site. */
function isSameOrigin(reference: string, fromUrl: string): boolean {
  const { origin } = new URL(reference, local + fromUrl);
  return origin === local || origin === siteOrigin;
}

/** The page's policy, from its <meta http-equiv="content-security-policy">, as directive → sources. */
function policyOf(page: BuiltFile): { metas: Element[]; directives: Map<string, string[]> } {
  const metas = elements(page.tree).filter(
    (element) => element.tagName === 'meta' && attr(element, 'httpEquiv')?.toLowerCase() === 'content-security-policy',
  );
  const directives = new Map<string, string[]>();
  for (const part of (metas[0] && attr(metas[0], 'content'))?.split(';') ?? []) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return { metas, directives };
}

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** Resources a page loads (not links it offers), as element and URL. */
function loadedResources(page: BuiltFile): { tag: string; url: string }[] {
  const LOADING_RELS = [
    'stylesheet',
    'preload',
    'modulepreload',
    'prefetch',
    'icon',
    'apple-touch-icon',
    'manifest',
    'mask-icon',
  ];
  return elements(page.tree).flatMap((element) => {
    const urls: string[] = [];
    const rel = attr(element, 'rel')?.toLowerCase().split(/\s+/) ?? [];
    if (element.tagName === 'link' && rel.some((value) => LOADING_RELS.includes(value)))
      urls.push(attr(element, 'href') ?? '');
    for (const name of ['src', 'poster', 'data']) {
      const value = attr(element, name);
      if (value !== undefined) urls.push(value);
    }
    const srcset = element.properties['srcSet'];
    if (srcset !== undefined)
      urls.push(
        ...(Array.isArray(srcset) ? srcset.map(String) : String(srcset).split(',')).map(
          (item) => item.trim().split(/\s+/)[0] ?? '',
        ),
      );
    return urls.map((url) => ({ tag: element.tagName, url }));
  });
}

/** url() and @import targets in CSS. */
const cssReferences = (css: string): string[] => [
  ...[...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)].map((match) => match[2] ?? ''),
  ...[...css.matchAll(/@import\s+(['"])([^'"]+)\1/g)].map((match) => match[2] ?? ''),
];

describe('Content-Security-Policy', () => {
  it('every page has exactly one policy, in <head>, before any script or style', () => {
    const problems: string[] = [];
    for (const page of pages) {
      const { metas } = policyOf(page);
      if (metas.length !== 1) {
        problems.push(`${page.url}: ${metas.length} CSP <meta> elements`);
        continue;
      }
      const all = elements(page.tree);
      const head = all.find((element) => element.tagName === 'head');
      if (!head?.children.includes(metas[0] as Element))
        problems.push(`${page.url}: the CSP <meta> is not a child of <head>`);
      const position = all.indexOf(metas[0] as Element);
      const first = all.findIndex(
        (element) =>
          element.tagName === 'script' ||
          element.tagName === 'style' ||
          (element.tagName === 'link' && attr(element, 'rel') === 'stylesheet'),
      );
      if (first !== -1 && first < position)
        problems.push(
          `${page.url}: <${all[first]?.tagName}> comes before the CSP <meta>, so the policy does not govern it`,
        );
    }
    expect(problems).toEqual([]);
  });

  // Pagefind compiles WebAssembly: the search page alone may allow that ('wasm-unsafe-eval' permits
  // compiling WebAssembly only, not eval or inline script).
  const WASM = "'wasm-unsafe-eval'";
  it('allows scripts and styles only from this origin or by hash, and nothing from any other origin', () => {
    const problems: string[] = [];
    for (const page of pages) {
      const { directives } = policyOf(page);
      if (page.url === searchUrl()) {
        if (!directives.get('script-src')?.includes(WASM)) problems.push(`${page.url}: script-src lacks ${WASM}, which Pagefind needs`);
        directives.set('script-src', (directives.get('script-src') ?? []).filter((source) => source !== WASM));
      }
      for (const name of ['default-src', 'script-src', 'style-src', 'base-uri', 'form-action']) {
        if (!directives.has(name)) problems.push(`${page.url}: no ${name}`);
      }
      if (!["'none'", "'self'"].includes(directives.get('default-src')?.join(' ') ?? ''))
        problems.push(`${page.url}: default-src is not 'none' or 'self'`);
      for (const [name, sources] of directives) {
        for (const source of sources) {
          const allowed =
            source === "'self'" || source === "'none'" || /^'sha(256|384|512)-[A-Za-z0-9+/=]+'$/.test(source);
          if (!allowed) problems.push(`${page.url}: ${name} allows ${source}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('hashes every inline script and style, and loads scripts only from /_astro/', () => {
    const problems: string[] = [];
    for (const page of pages) {
      const { directives } = policyOf(page);
      const scriptSources = directives.get('script-src') ?? directives.get('default-src') ?? [];
      const styleSources = directives.get('style-src') ?? directives.get('default-src') ?? [];
      for (const element of elements(page.tree)) {
        if (element.tagName === 'script') {
          const src = attr(element, 'src');
          const type = attr(element, 'type');
          if (type === 'application/ld+json') continue;
          if (src !== undefined) {
            if (!new URL(src, local + page.url).href.startsWith(`${local}/_astro/`))
              problems.push(`${page.url}: <script src="${src}"> is not one Astro built`);
          } else {
            if (!scriptSources.includes(sha256(rawText(element))))
              problems.push(
                `${page.url}: an inline <script> whose hash is not in script-src: ${rawText(element).slice(0, 60)}`,
              );
          }
        }
        if (element.tagName === 'style' && !styleSources.includes(sha256(rawText(element)))) {
          problems.push(`${page.url}: an inline <style> whose hash is not in style-src (Chromium would drop it)`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('no script from content', () => {
  it('no page has an event-handler attribute, a style attribute or a javascript: URL', () => {
    const problems: string[] = [];
    for (const page of pages) {
      for (const element of elements(page.tree)) {
        for (const [name, value] of Object.entries(element.properties)) {
          if (/^on[A-Z]/.test(name) || /^on[a-z]+$/.test(name))
            problems.push(`${page.url}: <${element.tagName} ${name}>`);
          if (name === 'style')
            problems.push(
              `${page.url}: <${element.tagName} style="${String(value)}"> (style attributes are blocked by the CSP)`,
            );
          if (
            typeof value === 'string' &&
            /^\s*(javascript|vbscript|data\s*:\s*text\/html)/i.test(value.replace(/[\u0000-\u001f]/g, '')) &&
            /^(href|src|action|formAction|data|poster|cite)$/.test(name)
          ) {
            problems.push(`${page.url}: <${element.tagName} ${name}="${value}">`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('no page embeds another document or plugin', () => {
    const embedded = pages.flatMap((page) =>
      elements(page.tree)
        .filter((element) => ['iframe', 'frame', 'object', 'embed', 'base', 'portal'].includes(element.tagName))
        .map((element) => `${page.url}: <${element.tagName}>`),
    );
    expect(embedded).toEqual([]);
  });

  it('the raw HTML of pages contains no on*= handler that the parser might have missed', () => {
    const found = pages.flatMap((page) =>
      [...page.html.matchAll(/<[a-z][^>]*\son[a-z]+\s*=/gi)].map((match) => `${page.url}: ${match[0].slice(0, 80)}`),
    );
    expect(found).toEqual([]);
  });
});

describe('nothing from another origin', () => {
  it('every page loads its styles, scripts, fonts and images from this site', () => {
    const foreign = pages.flatMap((page) =>
      loadedResources(page)
        .filter(({ url }) => !isSameOrigin(url, page.url) && !url.startsWith('data:'))
        .map(({ tag, url }) => `${page.url}: <${tag}> ${url}`),
    );
    expect(foreign).toEqual([]);
  });

  it('stylesheets import nothing and use no url() from another origin (fonts are local)', () => {
    const sheets = [
      ...listFiles()
        .filter((file) => file.endsWith('.css'))
        .map((file) => ({ where: `/${file}`, css: readFileSync(join(distDir, file), 'utf8') })),
      ...pages.flatMap((page) =>
        elements(page.tree)
          .filter((element) => element.tagName === 'style')
          .map((element) => ({ where: page.url, css: rawText(element) })),
      ),
    ];
    const foreign = sheets.flatMap(({ where, css }) =>
      cssReferences(css)
        .filter((url) => !url.startsWith('data:') && !isSameOrigin(url, where))
        .map((url) => `${where}: ${url}`),
    );
    expect(foreign).toEqual([]);
    expect(sheets.some(({ css }) => /@font-face/.test(css))).toBe(true);
  });
});

describe('external links', () => {
  it('every link to another origin has rel="noopener noreferrer"', () => {
    const problems: string[] = [];
    let external = 0;
    for (const page of pages) {
      for (const element of elements(page.tree)) {
        if (element.tagName !== 'a' && element.tagName !== 'area') continue;
        const href = attr(element, 'href');
        if (href === undefined || /^(mailto|tel):/i.test(href) || isSameOrigin(href, page.url)) continue;
        external += 1;
        const rel = attr(element, 'rel')?.toLowerCase().split(/\s+/) ?? [];
        if (!rel.includes('noopener') || !rel.includes('noreferrer'))
          problems.push(`${page.url}: <a href="${href}" rel="${rel.join(' ')}">`);
      }
    }
    expect(problems).toEqual([]);
    expect(external).toBeGreaterThan(0);
  });
});
