// `npm run bench:pages`: page weight of every page, readability without JavaScript, and Lighthouse
// (mobile, default simulated throttling) over the heaviest page of each type, in Debian's Chromium.
// Exits non-zero when a budget is missed:
//   - 100 in every Lighthouse category (median of RUNS runs) on every page type;
//   - the heaviest page at most 14 KB (14,336 bytes) of HTML + CSS + JS, brotli-compressed (quality 11)
//     AND gzip-compressed (-9, for hosts that serve gzip only), each file on its own; JSON-LD and inline
//     scripts and styles are part of the HTML; of it at most 2 KB (2,048 bytes) JavaScript, except on
//     the search page, which loads Pagefind (its weight is reported apart);
//   - every page reads the same with JavaScript off (the search page's <noscript> note aside).
// It builds the current tree first, into a temporary folder, with SITE_URL set to the address it
// serves from (so canonical URLs match, as they do when deployed), and serves it compressed.
// Options (environment): RUNS (default 3), BENCH_PORT (default 4396), CHROMIUM_PATH; WEIGHT_ONLY=1 stops
// after the page weights (seconds instead of minutes).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { builtPages, chromiumFlags, chromiumPath, launchBrowser } from '../tests/helpers/browser.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';
import { budgetMisses, PageWeigher } from './lib/bench/page-weight.ts';
import { notFoundUrl, printStylesheetUrl, SEARCH_BUNDLE_DIR, searchUrl } from '../src/lib/links/urls.ts';

const BUDGET = { score: 100 };
const RUNS = Number(process.env['RUNS'] ?? 3);
const PORT = Number(process.env['BENCH_PORT'] ?? 4396);
const origin = `http://localhost:${PORT}`;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const failures: string[] = [];
const started = Date.now();
/** Prints rows as aligned columns. */
function table(rows: (string | number)[][]): void {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => String(row[column] ?? '').length))) ?? [];
  for (const row of rows)
    console.log(
      row
        .map((cell, column) =>
          typeof cell === 'number' ? String(cell).padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
        )
        .join('  ')
        .trimEnd(),
    );
}

// Build.
const outDir = mkdtempSync(join(tmpdir(), 'bench-pages-'));
process.on('exit', () => rmSync(outDir, { recursive: true, force: true }));
const build = spawnSync(
  process.execPath,
  [join('node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', outDir],
  {
    encoding: 'utf8',
    env: { ...process.env, SITE_URL: origin, ASTRO_TELEMETRY_DISABLED: '1' },
  },
);
if (build.status !== 0) {
  console.error(build.stdout, build.stderr);
  process.exit(1);
}
const pages = builtPages(outDir);
// The 404 page is served for every unknown address: weigh it too (it is 404.html, not an index.html).
const weighed = [...pages, notFoundUrl()];

// Page weight: the HTML and every stylesheet and script it needs, each compressed on its own
// (scripts/lib/bench/page-weight.ts, the same weighing as the quality gate in `npm test`).
interface Weight {
  path: string;
  type: string;
  html: number;
  css: number;
  js: number;
  total: number;
  gzipTotal: number;
  raw: number;
}
const weigher = new PageWeigher(outDir);
const sizes = (file: string): { br: number; gz: number; raw: number } => {
  const found = weigher.fileSizes(file);
  return { br: found.brotli ?? 0, gz: found.gzip, raw: found.raw };
};
/** The page type, from its address: "article" for /articles/x/, "articles index" for /articles/. */
function typeOf(path: string): string {
  const parts = path.split('/').filter(Boolean);
  const names: Record<string, [string, string]> = {
    articles: ['articles index', 'article'],
    issues: ['issues index', 'issue'],
    people: ['people index', 'person'],
    quotations: ['quotations index', 'quotations index'],
    sources: ['sources', 'sources'],
  };
  if (parts.length === 0) return 'home';
  if (parts[0] === 'sources' && parts[1] === 'only') return 'only in one source';
  const pair = names[parts[0] ?? ''];
  // The further pages of an index (/sources/page/2/) are of the index's type.
  return pair ? pair[parts.length === 1 || parts[1] === 'page' ? 0 : 1] : (parts[0] ?? path);
}
const pageWeights = weighed.map((path) => weigher.weigh(path));
const weights: Weight[] = pageWeights.map((weight) => ({
  path: weight.path,
  type: typeOf(weight.path),
  html: weight.html.brotli ?? 0,
  css: weight.cssSizes.brotli ?? 0,
  js: weight.jsSizes.brotli ?? 0,
  total: weight.total.brotli ?? 0,
  gzipTotal: weight.total.gzip,
  raw: weight.total.raw,
}));
const byTotal = [...weights].sort((a, b) => b.total - a.total);
const byGzip = [...weights].sort((a, b) => b.gzipTotal - a.gzipTotal);
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : Math.round(((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2);
};
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
console.log(
  `\nPage weight: HTML (with its JSON-LD and inline code) + CSS + JS each page needs, brotli (quality 11) and gzip -9, uncompressed for reference. ${weighed.length} pages.`,
);
table([
  ['heaviest pages (gzip)', 'type', 'HTML', 'CSS', 'JS', 'total', 'gzip', 'raw'],
  ...byGzip
    .slice(0, 8)
    .map((weight) => [
      weight.path,
      weight.type,
      weight.html,
      weight.css,
      weight.js,
      weight.total,
      weight.gzipTotal,
      weight.raw,
    ]),
]);
console.log('(bytes)');
const heaviest = byTotal[0];
if (!heaviest) throw new Error('no pages built');
const heaviestGzip = byGzip[0] ?? heaviest;
const limitedJs = weights.filter((weight) => weight.path !== searchUrl());
const heaviestJs = Math.max(...limitedJs.map((weight) => weight.js));
console.log(
  `heaviest: ${heaviest.path} ${kb(heaviest.total)} brotli (${heaviest.total} B; gzip ${kb(heaviest.gzipTotal)}); JS ${heaviestJs} B`,
);
console.log(
  `heaviest with gzip: ${heaviestGzip.path} ${kb(heaviestGzip.gzipTotal)} (${heaviestGzip.gzipTotal} B; brotli ${kb(heaviestGzip.total)})`,
);
console.log(
  `median:   ${kb(median(weights.map((weight) => weight.total)))} brotli (${median(weights.map((weight) => weight.total))} B; gzip ${kb(median(weights.map((weight) => weight.gzipTotal)))})`,
);
failures.push(...pageWeights.flatMap((weight) => budgetMisses(weight, { jsExempt: [searchUrl()] })));
{
  // The search page's own weight, and what it loads on the first query: Pagefind's module, worker and
  // WebAssembly, its metadata and the index chunks (a typical query needs one or two of those).
  const search = weights.find((weight) => weight.path === searchUrl());
  const bundle = ['pagefind.js', 'pagefind-worker.js', 'wasm.en.pagefind', 'pagefind-entry.json'].map((file) =>
    sizes(`${SEARCH_BUNDLE_DIR}/${file}`),
  );
  const brotliBundle = bundle.reduce((total, item) => total + item.br, 0);
  if (search)
    console.log(
      `search:   ${searchUrl()} ${kb(search.total)} brotli (JS ${search.js} B); on the first query Pagefind adds ${kb(brotliBundle)} brotli (module, worker, WebAssembly) plus its index chunks`,
    );
}
{
  const print = sizes(printStylesheetUrl().slice(1));
  console.log(
    `print:    ${printStylesheetUrl()} ${print.br} B brotli, ${print.gz} B gzip, on every page with media="print" (not counted above)`,
  );
}
if (process.env['WEIGHT_ONLY'] === '1') {
  if (failures.length > 0) {
    console.error(`\nBudget missed:\n${failures.map((failure) => `  - ${failure}`).join('\n')}`);
    process.exit(1);
  }
  console.log('\nPage weight budgets met (WEIGHT_ONLY: JavaScript-off and Lighthouse checks skipped).');
  process.exit(0);
}

// Served as a host would, compressed.
const server = await serveStatic(outDir, PORT, { compress: true });

// Readable without JavaScript: the text of every page is the same with scripts off (controls that
// scripts add or show, buttons and elements marked data-needs-js, are left out of the comparison).
{
  const browser = await launchBrowser();
  const textOf = async (javaScriptEnabled: boolean, path: string): Promise<string> => {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await page.goto(origin + path, { waitUntil: 'load' });
    const text = await page.evaluate(() => {
      const copy = document.body.cloneNode(true) as HTMLElement;
      copy
        .querySelectorAll('button, script, template, noscript, [hidden], [data-needs-js]')
        .forEach((node) => node.remove());
      return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
    });
    await context.close();
    return text;
  };
  const unreadable: string[] = [];
  for (const path of pages) {
    const [withJs, withoutJs] = [await textOf(true, path), await textOf(false, path)];
    if (withJs !== withoutJs || withoutJs.length < 100) unreadable.push(path);
  }
  await browser.close();
  console.log(`\nWithout JavaScript: ${pages.length - unreadable.length} of ${pages.length} pages read the same.`);
  if (unreadable.length > 0) failures.push(`pages that need JavaScript to read: ${unreadable.join(', ')}`);
}

// Lighthouse over the heaviest page of each type.
const firstOfType = new Map<string, Weight>();
// The 404 is weighed but not audited: it is meant not to be indexed (Lighthouse's SEO audit would say so).
for (const weight of byTotal)
  if (!firstOfType.has(weight.type) && weight.path !== notFoundUrl()) firstOfType.set(weight.type, weight);
const chrome = await chromeLauncher.launch({
  chromePath: process.env['CHROMIUM_PATH'] === undefined ? (process.env['CHROME_PATH'] ?? chromiumPath) : chromiumPath,
  chromeFlags: chromiumFlags,
});
console.log(
  `\nLighthouse ${JSON.parse(readFileSync(join('node_modules', 'lighthouse', 'package.json'), 'utf8')).version}, mobile, simulated throttling; median of ${RUNS} run(s) per page.`,
);
const rows: (string | number)[][] = [['type', 'page', ...CATEGORIES, 'FCP ms', 'LCP ms', 'TBT ms', 'CLS']];
try {
  for (const weight of [...firstOfType.values()].sort((a, b) => a.path.localeCompare(b.path))) {
    const runs: Record<string, number>[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const result = await lighthouse(origin + weight.path, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${weight.path}`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${weight.path}: ${lhr.runtimeError.message}`);
      const scores: Record<string, number> = {};
      for (const category of CATEGORIES) scores[category] = Math.round((lhr.categories[category]?.score ?? 0) * 100);
      for (const [name, audit] of [
        ['FCP', 'first-contentful-paint'],
        ['LCP', 'largest-contentful-paint'],
        ['TBT', 'total-blocking-time'],
        ['CLS', 'cumulative-layout-shift'],
      ] as const) {
        scores[name] = lhr.audits[audit]?.numericValue ?? Number.NaN;
      }
      // Say which audits cost points, so a missed budget says what to fix.
      for (const category of CATEGORIES) {
        if ((scores[category] ?? 0) >= BUDGET.score) continue;
        const lost = (lhr.categories[category]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
          .map((ref) => `${ref.id} (${lhr.audits[ref.id]?.displayValue ?? lhr.audits[ref.id]?.score})`);
        console.log(`  ${weight.path} run ${run + 1}: ${category} ${scores[category]}: ${lost.join(', ')}`);
      }
      runs.push(scores);
    }
    const medians = Object.fromEntries(
      Object.keys(runs[0] ?? {}).map((key) => [key, median(runs.map((scores) => scores[key] ?? 0))]),
    );
    const cls = [...runs.map((scores) => scores['CLS'] ?? 0)].sort((a, b) => a - b)[Math.floor(runs.length / 2)] ?? 0;
    rows.push([
      weight.type,
      weight.path,
      ...CATEGORIES.map((category) => medians[category] ?? 0),
      Math.round(medians['FCP'] ?? 0),
      Math.round(medians['LCP'] ?? 0),
      Math.round(medians['TBT'] ?? 0),
      cls.toFixed(3),
    ]);
    console.log(`  ${weight.path}: done`);
    for (const category of CATEGORIES) {
      if ((medians[category] ?? 0) < BUDGET.score)
        failures.push(`${weight.type} (${weight.path}): ${category} ${medians[category]}`);
    }
  }
} finally {
  chrome.kill();
  server.close();
}
console.log('');
table(rows);
console.log(`\n(${Math.round((Date.now() - started) / 1000)} s)`);

if (failures.length > 0) {
  console.error(`\nBudget missed:\n${failures.map((failure) => `  - ${failure}`).join('\n')}`);
  process.exit(1);
}
console.log('\nAll budgets met.');
