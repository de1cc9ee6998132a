// The page budget, weighed in one place: what a built page needs (its HTML with the JSON-LD and inline
// code, every stylesheet and script it loads, the modules those import), each file compressed on its own
// with gzip -9 and brotli 11, and its JavaScript share. `npm run bench:pages`, `npm run check:large` and
// tests/quality/page-weight.test.ts (in `npm test`) all weigh with it, so they cannot disagree.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { scanTags } from '../../../src/lib/security/html-scan.ts';

/** The budget of every page (docs/quality.md, "Page budget"). */
export const PAGE_BUDGET = {
  /** HTML + CSS + JS, each file compressed on its own, with gzip -9 and with brotli 11. */
  bytes: 14 * 1024,
  /** Of it, JavaScript with brotli: module files and inline scripts, each compressed on its own. */
  jsBrotli: 2 * 1024,
} as const;

/** The two compressions a page is weighed with, as the reports name them. */
export type Compression = 'gzip -9' | 'brotli 11';

/** Bytes with gzip at level 9. */
export const gzipSize = (bytes: Buffer): number => gzipSync(bytes, { level: 9 }).length;

/** Bytes with brotli at quality 11 (the size hint as a static host's compressor gives it). */
export const brotliSize = (bytes: Buffer): number =>
  brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }).length;

/** One file's (or part's) size: uncompressed, gzip -9, brotli 11 (undefined when not asked for). */
export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number | undefined;
}

/** What one page weighs. */
export interface PageWeight {
  /** The address it is served at ("/sources/", "/404.html"). */
  path: string;
  /** Its HTML file, relative to the built folder. */
  file: string;
  /** The stylesheets it needs (print stylesheets apart: fetched at idle priority), relative to the folder. */
  css: string[];
  /** The script files it needs: those it loads or preloads and every module they import, statically. */
  js: string[];
  /** The HTML file, with its JSON-LD and inline scripts and styles. */
  html: Sizes;
  /** The stylesheets, each compressed on its own, summed. */
  cssSizes: Sizes;
  /** JavaScript: the script files and each inline script (not JSON-LD) compressed on its own, summed. */
  jsSizes: Sizes;
  /** HTML + CSS + script files (inline scripts travel in the HTML, so they are counted once). */
  total: Sizes;
}

/** Where a page's HTML is: "/a/" → "a/index.html", "/404.html" → "404.html". */
export const htmlFileOf = (path: string): string =>
  path.endsWith('.html') ? path.slice(1) : `${path.slice(1)}index.html`;

const LOCAL = 'http://page-weight.invalid';

/** A reference in a page or module, as a file of the built folder; undefined for another origin. */
function localFile(reference: string, from: string): string | undefined {
  const url = new URL(reference, LOCAL + from);
  return url.origin === LOCAL ? decodeURIComponent(url.pathname.slice(1)) : undefined;
}

/** The static imports of a module (`import "./x.js"`, `import {a} from "./x.js"`), as written. */
const IMPORT = /(?:^|[;}\s])import\s*(?:[\w{}*,\s$]+from\s*)?["']([^"']+\.js)["']/g;

/** Options of a weigher. */
export interface WeighOptions {
  /** Also compress with brotli 11 (slow on tens of thousands of pages); default true. */
  brotli?: boolean;
}

/** Weighs pages of one built folder; files shared by pages (stylesheets, modules) are compressed once. */
export class PageWeigher {
  readonly #dir: string;
  readonly #brotli: boolean;
  readonly #files = new Map<string, Sizes>();

  constructor(dir: string, options: WeighOptions = {}) {
    this.#dir = dir;
    this.#brotli = options.brotli ?? true;
  }

  /** The sizes of some bytes, with brotli when this weigher uses it. */
  sizesOf(bytes: Buffer): Sizes {
    return { raw: bytes.length, gzip: gzipSize(bytes), brotli: this.#brotli ? brotliSize(bytes) : undefined };
  }

  /** The sizes of a file of the built folder (cached). */
  fileSizes(file: string): Sizes {
    let found = this.#files.get(file);
    if (!found) {
      found = this.sizesOf(readFileSync(join(this.#dir, file)));
      this.#files.set(file, found);
    }
    return found;
  }

  /** A module and every module it imports statically (Vite splits shared code into chunks). */
  #withImports(file: string, found: Set<string>): void {
    if (found.has(file)) return;
    found.add(file);
    const code = readFileSync(join(this.#dir, file), 'utf8');
    for (const match of code.matchAll(IMPORT)) {
      const imported = localFile(match[1] ?? '', `/${file}`);
      if (imported) this.#withImports(imported, found);
    }
  }

  /** Weighs the page served at `path`. */
  weigh(path: string): PageWeight {
    const file = htmlFileOf(path);
    const bytes = readFileSync(join(this.#dir, file));
    const css = new Set<string>();
    const js = new Set<string>();
    const inlineScripts: string[] = [];
    scanTags(bytes.toString('utf8'), (name, attributes, text) => {
      const rel = (attributes.get('rel') ?? '').toLowerCase().split(/\s+/);
      const href = attributes.get('href');
      const src = attributes.get('src');
      if (name === 'link' && href && rel.includes('stylesheet') && attributes.get('media') !== 'print') {
        const found = localFile(href, path);
        if (found) css.add(found);
      }
      if (name === 'link' && href && rel.includes('modulepreload')) {
        const found = localFile(href, path);
        if (found) js.add(found);
      }
      if (name === 'script' && src) {
        const found = localFile(src, path);
        if (found) js.add(found);
      }
      if (name === 'script' && !src && text !== undefined && attributes.get('type') !== 'application/ld+json')
        inlineScripts.push(text);
    });
    const scripts = new Set<string>();
    for (const module of js) this.#withImports(module, scripts);
    const html = this.sizesOf(bytes);
    const cssSizes = sum([...css].map((item) => this.fileSizes(item)));
    const jsFiles = sum([...scripts].map((item) => this.fileSizes(item)));
    const inline = sum(inlineScripts.map((text) => this.sizesOf(Buffer.from(text))));
    return {
      path,
      file,
      css: [...css],
      js: [...scripts],
      html,
      cssSizes,
      jsSizes: sum([jsFiles, inline]),
      total: sum([html, cssSizes, jsFiles]),
    };
  }
}

/** Sizes added up (brotli stays undefined if any part lacks it). */
function sum(list: Sizes[]): Sizes {
  return list.reduce<Sizes>(
    (total, item) => ({
      raw: total.raw + item.raw,
      gzip: total.gzip + item.gzip,
      brotli: total.brotli === undefined || item.brotli === undefined ? undefined : total.brotli + item.brotli,
    }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
}

/** Options of the budget check. */
export interface BudgetOptions {
  /** Pages whose JavaScript is reported apart (the search page loads Pagefind). */
  jsExempt?: readonly string[];
}

/**
 * What a page misses of the budget, one line per miss, naming the page, the compression and the bytes over:
 * "/sources/: 15,007 B with gzip -9, 671 B over the 14,336 B budget (HTML 12,339 B + CSS 2,668 B + JS files 0 B)".
 */
export function budgetMisses(weight: PageWeight, options: BudgetOptions = {}): string[] {
  const misses: string[] = [];
  const n = (value: number): string => value.toLocaleString('en');
  const over = (compression: Compression, value: number, html: number, css: number): void => {
    if (value > PAGE_BUDGET.bytes)
      misses.push(
        `${weight.path}: ${n(value)} B with ${compression}, ${n(value - PAGE_BUDGET.bytes)} B over the ${n(PAGE_BUDGET.bytes)} B budget (HTML ${n(html)} B + CSS ${n(css)} B + script files ${n(value - html - css)} B)`,
      );
  };
  over('gzip -9', weight.total.gzip, weight.html.gzip, weight.cssSizes.gzip);
  if (weight.total.brotli !== undefined)
    over('brotli 11', weight.total.brotli, weight.html.brotli ?? 0, weight.cssSizes.brotli ?? 0);
  const js = weight.jsSizes.brotli;
  if (js !== undefined && js > PAGE_BUDGET.jsBrotli && !(options.jsExempt ?? []).includes(weight.path))
    misses.push(
      `${weight.path}: ${n(js)} B of JavaScript with brotli 11, ${n(js - PAGE_BUDGET.jsBrotli)} B over the ${n(PAGE_BUDGET.jsBrotli)} B budget (its inline scripts and ${weight.js.length} script file(s), each compressed on its own)`,
    );
  return misses;
}
