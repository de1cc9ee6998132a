import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  brotliSize,
  budgetMisses,
  gzipSize,
  PAGE_BUDGET,
  PageWeigher,
} from '../../../scripts/lib/bench/page-weight.ts';

// The one weighing of the page budget, on a small built folder: which files a page needs, each compressed
// on its own, and a miss named by page, compression and bytes over.
let dir: string;
const write = (file: string, data: string | Buffer): void => {
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  writeFileSync(join(dir, file), data);
};
/** Bytes no compressor can shrink (a hash chain), as base64 text, so that a page is over the budget. */
const noise = (length: number): string => {
  let text = '';
  for (let block = 0; text.length < length; block += 1)
    text += createHash('sha256').update(String(block)).digest('base64');
  return text.slice(0, length);
};
const inline = 'document.body.dataset.ready="1"';
const page = `<!doctype html><html><head><link rel="stylesheet" href="/_astro/site.css"><link rel="stylesheet" href="/print.css" media="print"><link rel="modulepreload" href="../_astro/chunk.js"><script type="module" src="/_astro/page.js"></script><script type="application/ld+json">{"@type":"Article"}</script></head><body><p>Text</p><script>${inline}</script></body></html>`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'page-weight-'));
  write('a/index.html', page);
  write('_astro/site.css', 'p{color:red}');
  write('print.css', 'p{color:black}');
  write('_astro/page.js', 'import{x}from"./chunk.js";import"./side.js";x()');
  write('_astro/chunk.js', 'export const x=()=>1');
  write('_astro/side.js', 'console.log(1)');
  write('big/index.html', `<!doctype html><title>Big</title><p>${noise(30_000)}</p>`);
  write('404.html', '<!doctype html><title>Not found</title>');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('PageWeigher', () => {
  it('counts the HTML, its stylesheets (not print) and its scripts with their imports, each compressed on its own', () => {
    const weight = new PageWeigher(dir).weigh('/a/');
    expect(weight.file).toBe('a/index.html');
    expect(weight.css).toEqual(['_astro/site.css']);
    expect(weight.js.sort()).toEqual(['_astro/chunk.js', '_astro/page.js', '_astro/side.js']);
    const files = ['a/index.html', '_astro/site.css', '_astro/page.js', '_astro/chunk.js', '_astro/side.js'];
    const bytes = files.map((file) => Buffer.from(file === 'a/index.html' ? page : readBack(file)));
    expect(weight.total.gzip).toBe(bytes.reduce((total, item) => total + gzipSize(item), 0));
    expect(weight.total.brotli).toBe(bytes.reduce((total, item) => total + brotliSize(item), 0));
    // JavaScript: the three module files and the inline script (not the JSON-LD), each on its own.
    expect(weight.jsSizes.brotli).toBe(
      [...bytes.slice(2), Buffer.from(inline)].reduce((total, item) => total + brotliSize(item), 0),
    );
  });

  it('weighs the 404 page by its file name', () => {
    expect(new PageWeigher(dir).weigh('/404.html').file).toBe('404.html');
  });

  it('names the page, the compression and the bytes over the budget', () => {
    const weight = new PageWeigher(dir).weigh('/big/');
    const html = Buffer.from(`<!doctype html><title>Big</title><p>${noise(30_000)}</p>`);
    const [gzip, brotli] = [gzipSize(html), brotliSize(html)];
    expect(gzip).toBeGreaterThan(PAGE_BUDGET.bytes);
    const n = (value: number): string => value.toLocaleString('en');
    expect(budgetMisses(weight)).toEqual([
      `/big/: ${n(gzip)} B with gzip -9, ${n(gzip - 14_336)} B over the 14,336 B budget (HTML ${n(gzip)} B + CSS 0 B + script files 0 B)`,
      `/big/: ${n(brotli)} B with brotli 11, ${n(brotli - 14_336)} B over the 14,336 B budget (HTML ${n(brotli)} B + CSS 0 B + script files 0 B)`,
    ]);
    expect(budgetMisses(new PageWeigher(dir).weigh('/a/'))).toEqual([]);
  });

  it('reports JavaScript over its share, except on the pages exempted', () => {
    write('js/index.html', `<!doctype html><title>Script</title><script>${noise(4_000)}</script>`);
    const weight = new PageWeigher(dir).weigh('/js/');
    const js = weight.jsSizes.brotli ?? 0;
    expect(js).toBeGreaterThan(PAGE_BUDGET.jsBrotli);
    expect(budgetMisses(weight)).toEqual([
      `/js/: ${js.toLocaleString('en')} B of JavaScript with brotli 11, ${(js - 2048).toLocaleString('en')} B over the 2,048 B budget (its inline scripts and 0 script file(s), each compressed on its own)`,
    ]);
    expect(budgetMisses(weight, { jsExempt: ['/js/'] })).toEqual([]);
  });

  it('weighs with gzip only when asked, and then checks gzip only', () => {
    const weight = new PageWeigher(dir, { brotli: false }).weigh('/big/');
    expect(weight.total.brotli).toBeUndefined();
    expect(budgetMisses(weight)).toHaveLength(1);
    expect(budgetMisses(weight)[0]).toContain(' with gzip -9, ');
  });
});

function readBack(file: string): string {
  return {
    '_astro/site.css': 'p{color:red}',
    '_astro/page.js': 'import{x}from"./chunk.js";import"./side.js";x()',
    '_astro/chunk.js': 'export const x=()=>1',
    '_astro/side.js': 'console.log(1)',
  }[file] as string;
}
