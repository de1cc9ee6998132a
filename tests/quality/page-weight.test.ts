import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { budgetMisses, PAGE_BUDGET, PageWeigher } from '../../scripts/lib/bench/page-weight.ts';
import { searchUrl } from '../../src/lib/links/urls.ts';
import { distDir } from '../helpers/browser.ts';
import { listFiles, urlOfFile } from './dist.ts';

// The page budget over the build `npm test` makes (the default origin; bench:pages builds with the origin
// it serves from, and its figures differ from these by 0–2 B a page with gzip, up to about 70 B with
// brotli): every page and the 404, its HTML + CSS + JS each compressed on its own, at most 14,336 B with
// gzip -9 and with brotli 11, of it at most 2,048 B of JavaScript with brotli (the search page, which
// loads Pagefind, aside). Weighed as bench:pages and check:large weigh (scripts/lib/bench/page-weight.ts).
const weigher = new PageWeigher(distDir);
const weights = listFiles()
  .filter((file) => file.endsWith('.html'))
  .map((file) => weigher.weigh(file === '404.html' ? '/404.html' : urlOfFile(file)));

describe('the page budget', () => {
  it('weighs every page, the 404 included, with its stylesheet and its scripts', () => {
    expect(weights.length).toBeGreaterThan(150);
    expect(weights.map((weight) => weight.path)).toContain('/404.html');
    const home = weights.find((weight) => weight.path === '/');
    // Every stylesheet is inline (astro.config.mjs), so the HTML weighed carries the shared rules; a stylesheet
    // file, were there one, would be weighed with each page that links it.
    expect(readFileSync(join(distDir, 'index.html'), 'utf8')).toMatch(/<style>[^<]*\.site-header\{/);
    expect(home?.jsSizes.brotli).toBeGreaterThan(0);
  });

  it(`holds on every page: at most ${PAGE_BUDGET.bytes} B with gzip -9 and brotli 11, ${PAGE_BUDGET.jsBrotli} B of it JavaScript`, () => {
    const misses = weights.flatMap((weight) => budgetMisses(weight, { jsExempt: [searchUrl()] }));
    expect(misses).toEqual([]);
  });
});
