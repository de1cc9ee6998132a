import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HASHED_ASSET_CACHE, parseHeadersFile, patternMatches } from '../../src/lib/security/static-headers.ts';
import { distDir } from '../helpers/browser.ts';
import { builtHtml, listFiles } from './dist.ts';

// The _headers file the build writes for static hosts (Netlify, Cloudflare Pages): well-formed, and its
// rules fit the built site: every pattern matches files that exist, every page gets the site-wide headers,
// and long caching applies only to files whose names carry a content hash, which the pages do load.
const text = readFileSync(join(distDir, '_headers'), 'utf8');
const { rules, problems } = parseHeadersFile(text);
const files = listFiles().map((file) => `/${file}`);
const headersFor = (path: string): Map<string, string> =>
  new Map(rules.filter((rule) => patternMatches(rule.path, path)).flatMap((rule) => rule.headers));

describe('dist/_headers', () => {
  it('is well-formed: path patterns, each followed by indented "Name: value" headers', () => {
    expect(problems).toEqual([]);
    expect(rules.length).toBeGreaterThan(0);
  });

  it('every pattern matches files of the build', () => {
    for (const rule of rules)
      expect(
        files.filter((file) => patternMatches(rule.path, file)),
        rule.path,
      ).not.toEqual([]);
  });

  it('every page and the 404 get the headers a <meta> policy cannot carry', () => {
    const pages = builtHtml().map((page) => `/${page.file}`);
    expect(pages).toContain('/404.html');
    for (const page of pages) {
      const headers = headersFor(page);
      expect(headers.get('Content-Security-Policy'), page).toBe("frame-ancestors 'none'");
      expect(headers.get('X-Content-Type-Options'), page).toBe('nosniff');
      expect(headers.get('Referrer-Policy'), page).toBe('strict-origin-when-cross-origin');
      expect(headers.get('Cache-Control'), page).toBeUndefined();
    }
  });

  it('caches for a year only files whose names carry a content hash, and the pages load them', () => {
    const cached = files.filter((file) => headersFor(file).get('Cache-Control') === HASHED_ASSET_CACHE);
    // Exactly the hashed assets' folder (none at all while every stylesheet and script is inline in its page).
    expect(cached).toEqual(files.filter((file) => file.startsWith('/_astro/')));
    for (const file of cached) expect(file).toMatch(/\.[A-Za-z0-9_-]{8,}\.(css|js|mjs|woff2|svg|png|webp)$/);
    const loaded = new Set(
      builtHtml().flatMap((page) =>
        [...page.html.matchAll(/(?:href|src)="(\/_astro\/[^"]+)"/g)].map((match) => match[1]),
      ),
    );
    expect([...loaded].every((asset) => asset !== undefined && cached.includes(asset))).toBe(true);
  });
});
