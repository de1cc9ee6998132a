// `npm run check:large -- <dist> [--sample 120] [--seed 1]`: the page budget and the quality gates on a
// large build (for example a synthetic corpus of 1,000 articles kept by `npm run bench:build -- --keep`).
// Not part of `npm test`. It checks:
//   - the page budget on EVERY page (scripts/lib/bench/page-weight.ts): HTML + CSS + JS at most 14 KB
//     (14,336 B) with gzip -9; with brotli 11, and its JavaScript share (2 KB brotli), on the 300 pages
//     heaviest with gzip (brotli ranks pages as gzip does; compressing 80,000 pages at quality 11 would
//     take longer than the build);
//   - on a sample (one page of every route, the heaviest of each route, and a seeded random draw): every
//     internal link and #fragment resolves, the Nu Html Checker finds no error, and axe (the WCAG A/AA
//     and best-practice rules of tests/quality) finds no violation in the light and the dark scheme.
// Exits non-zero when anything fails. Serves on E2E_PORT (default 4390).
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import axe from 'axe-core';
import { listBuiltPages } from '../src/integrations/built-pages.ts';
import { isRedirectPage } from '../src/lib/links/addresses.ts';
import { searchUrl } from '../src/lib/links/urls.ts';
import { scanHtml } from '../src/lib/security/html-scan.ts';
import { budgetMisses, PageWeigher } from './lib/bench/page-weight.ts';
import { createRandom } from './lib/corpus/prng.ts';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { sample: { type: 'string', default: '120' }, seed: { type: 'string', default: '1' } },
});
const dist = resolve(positionals[0] ?? 'dist');
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`Usage: npm run check:large -- <dist folder> [--sample 120] [--seed 1]; no index.html in ${dist}`);
  process.exit(2);
}
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const failures: string[] = [];
const started = Date.now();

const pages = listBuiltPages(dist).filter((page) => !isRedirectPage(readFileSync(page.file, 'utf8')));
console.log(`check:large: ${pages.length} pages in ${dist}`);

// Page weight (scripts/lib/bench/page-weight.ts, as bench:pages and the quality gate weigh): gzip on
// every page, brotli 11 on the 300 heaviest with gzip.
const gzipWeigher = new PageWeigher(dist, { brotli: false });
const brotliWeigher = new PageWeigher(dist);
const weights = pages.map((page) => ({ ...page, weight: gzipWeigher.weigh(page.path) }));
const heaviest = [...weights].sort((a, b) => b.weight.total.gzip - a.weight.total.gzip);
const withBrotli = heaviest.slice(0, 300).map((page) => ({ ...page, weight: brotliWeigher.weigh(page.path) }));
const brotliOf = (page: (typeof withBrotli)[number]): number => page.weight.total.brotli ?? 0;
withBrotli.sort((a, b) => brotliOf(b) - brotliOf(a));
const jsExempt = [searchUrl()];
for (const page of heaviest) failures.push(...budgetMisses(page.weight, { jsExempt }));
for (const page of withBrotli)
  failures.push(...budgetMisses(page.weight, { jsExempt }).filter((miss) => !miss.includes(' with gzip -9, ')));
console.log(
  `heaviest with gzip -9:  ${heaviest
    .slice(0, 5)
    .map((page) => `${page.path} ${page.weight.total.gzip} B`)
    .join(', ')}`,
);
console.log(
  `heaviest with brotli 11: ${withBrotli
    .slice(0, 5)
    .map((page) => `${page.path} ${brotliOf(page)} B`)
    .join(', ')}`,
);

// The sample: one page of every route, the heaviest of every route, and a seeded random draw.
const routeOf = (path: string): string =>
  path
    .split('/')
    .filter(Boolean)
    .map((segment, index, all) =>
      index > 0 && index === all.length - 1 && !['only', 'page'].includes(segment) ? '*' : segment,
    )
    .join('/');
const sample = new Map<string, (typeof pages)[number]>();
const firstOfRoute = new Map<string, (typeof pages)[number]>();
const heaviestOfRoute = new Map<string, (typeof pages)[number]>();
for (const page of pages) if (!firstOfRoute.has(routeOf(page.path))) firstOfRoute.set(routeOf(page.path), page);
for (const page of heaviest)
  if (!heaviestOfRoute.has(routeOf(page.path))) heaviestOfRoute.set(routeOf(page.path), page);
for (const page of [...firstOfRoute.values(), ...heaviestOfRoute.values()]) sample.set(page.path, page);
for (const page of createRandom(Number(values.seed)).sample(pages, Number(values.sample))) sample.set(page.path, page);
const sampled = [...sample.values()].sort((a, b) => a.path.localeCompare(b.path));
console.log(`sample: ${sampled.length} pages over ${new Set(sampled.map((page) => routeOf(page.path))).size} routes`);

// Links: every internal href and src on a sampled page resolves, and so does its #fragment.
const idsOf = new Map<string, Set<string>>();
const targetIds = (file: string): Set<string> => {
  let ids = idsOf.get(file);
  if (!ids) {
    ids = new Set(scanHtml(readFileSync(file, 'utf8')).ids);
    idsOf.set(file, ids);
  }
  return ids;
};
for (const page of sampled) {
  const html = readFileSync(page.file, 'utf8');
  for (const match of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
    const raw = (match[1] ?? '').replace(/&amp;/g, '&');
    if (/^[a-z]+:/i.test(raw) && !raw.startsWith('http://localhost:4321/')) continue;
    const url = new URL(raw, `http://localhost:4321${page.path}`);
    if (url.origin !== 'http://localhost:4321') continue;
    const pathname = decodeURIComponent(url.pathname);
    let file = join(dist, pathname);
    if (pathname.endsWith('/')) file = join(file, 'index.html');
    if (!existsSync(file) || statSync(file).isDirectory()) {
      failures.push(`${page.path}: link to ${raw} does not resolve`);
      continue;
    }
    const fragment = decodeURIComponent(url.hash.slice(1)).replace(/:~:.*$/, '');
    if (fragment !== '' && file.endsWith('.html') && !targetIds(file).has(fragment))
      failures.push(`${page.path}: ${raw}: no id "${fragment}" there`);
  }
}
console.log(`links: checked on ${sampled.length} pages`);

// Valid HTML: the Nu Html Checker on the sample.
const vnuJar = String(createRequire(import.meta.url)('vnu-jar'));
const { stderr } = await promisify(execFile)(
  process.env['JAVA'] ?? 'java',
  ['-jar', vnuJar, '--errors-only', '--exit-zero-always', '--format', 'json', ...sampled.map((page) => page.file)],
  { maxBuffer: 64 * 1024 * 1024 },
);
const messages = (
  JSON.parse(stderr) as {
    messages: { type: string; subType?: string; url?: string; message: string; lastLine?: number }[];
  }
).messages;
for (const message of messages.filter(
  (item) => item.type === 'error' || item.subType === 'fatal' || item.type === 'non-document-error',
)) {
  failures.push(`${message.url ?? '?'}:${message.lastLine ?? '?'}: ${message.message}`);
}
console.log(`HTML: ${sampled.length} pages through the Nu Html Checker`);

// Accessibility: axe in Chromium, light and dark.
const port = Number(process.env['E2E_PORT'] ?? 4390);
const server = await serveStatic(dist, port);
const browser = await launchBrowser();
try {
  const context = await browser.newContext();
  await context.addInitScript({ content: axe.source });
  const tab = await context.newPage();
  for (const page of sampled) {
    await tab.goto(`http://127.0.0.1:${port}${page.path}`);
    for (const colorScheme of ['light', 'dark'] as const) {
      await tab.emulateMedia({ colorScheme });
      const violations = await tab.evaluate(async (tags) => {
        const results = await (window as unknown as { axe: typeof axe }).axe.run(document, {
          runOnly: { type: 'tag', values: tags },
          resultTypes: ['violations'],
        });
        return results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`);
      }, AXE_TAGS);
      for (const violation of violations) failures.push(`${page.path} (${colorScheme}): ${violation}`);
    }
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`axe: ${sampled.length} pages, light and dark`);

console.log(`\ncheck:large took ${Math.round((Date.now() - started) / 1000)} s`);
if (failures.length > 0) {
  console.error(
    `${failures.length} problem${failures.length === 1 ? '' : 's'}:\n${failures
      .slice(0, 80)
      .map((line) => `  - ${line}`)
      .join('\n')}`,
  );
  process.exit(1);
}
console.log('all checks passed');
