import { appendFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budgetMisses, PageWeigher } from '../../scripts/lib/bench/page-weight.ts';
import { cachedCopies, compareCopies, type Reuse } from '../../scripts/lib/bench/reuse.ts';
import { INDEX_PAGE_SIZE } from '../../src/lib/links/pagination.ts';
import { articlesPageUrl } from '../../src/lib/links/urls.ts';
import { projectRoot } from '../helpers/content.ts';
import { buildProject, copyProject } from '../helpers/project-copy.ts';

// The articles index is paged from the oldest article (issue 19, "Homes are stable"): a new article joins the last
// page, so every earlier page keeps its bytes (and its cache key: the rebuild reuses it). The real site is built
// with 40 more articles than it has (two pages of the index), then one more article is added and the site built
// again with the first build's caches: page 1 must come out byte for byte as before, and be reused; the new article
// must be on the last page and first among the latest on /articles/; every fragment published for the index
// (the first edition's entries, once on /articles/) must still land, through the address guard's moved-entry links.

const grown = INDEX_PAGE_SIZE.articles;
/** A generated article `n`, published `date`, of the Clash Report, with three paragraphs. */
const article = (n: number, date: string): string =>
  [
    '---',
    `title: A follow-up on the talks, number ${n} of a grown archive`,
    'outlet: clash-report',
    'byline:',
    '  authors: []',
    '  contributors: []',
    '  note: The page names no author.',
    'published:',
    `  date: ${date}`,
    '  precision: day',
    `  asPrinted: "${date}"`,
    'capture:',
    `  file: grown-${n}.txt`,
    '  from: Generated for the test of a grown articles index.',
    '---',
    '',
    `The talks went on, as the follow-up number ${n} of a grown archive reports in its first paragraph. {#first}`,
    '',
    `Both governments said little more, the report adds in a second paragraph of follow-up ${n}. {#second}`,
    '',
    `Nothing was signed, the third paragraph of follow-up ${n} concludes. {#third}`,
    '',
  ].join('\n');
/** Writes generated article `n` (`name`.md) and its capture, which the content guard requires. */
function addArticle(name: string, n: number): void {
  const text = article(n, dayOf(n));
  writeFileSync(join(dir, 'content', 'articles', `${name}.md`), text);
  writeFileSync(join(dir, 'content', 'captures', `grown-${n}.txt`), text);
}
/** The day of generated article `n`: from 1 March 2026, one a day. */
const dayOf = (n: number): string => new Date(Date.UTC(2026, 2, 1 + n)).toISOString().slice(0, 10);

let dir = '';
let firstBuild = new Map<string, string>();
let reuse: Reuse = { rendered: [], reused: [] };
let output = '';

/** The pages of the articles index as built: path → HTML. */
function indexPages(): Map<string, string> {
  const pages = new Map<string, string>();
  const folder = join(dir, 'dist', 'articles', 'page');
  for (const name of readdirSync(folder))
    pages.set(articlesPageUrl(Number(name)), readFileSync(join(folder, name, 'index.html'), 'utf8'));
  return pages;
}
const html = (path: string): string =>
  readFileSync(join(dir, 'dist', ...path.split('/').filter(Boolean), 'index.html'), 'utf8');

beforeAll(() => {
  dir = copyProject('articles-grown-', join(projectRoot, 'content'));
  for (let n = 0; n < grown; n += 1) addArticle(`grown-${String(n).padStart(3, '0')}`, n);
  // Past ARTICLES_LISTED_IN_FULL_UP_TO articles /sources/ lists none of them, so the ids it gives the first edition's
  // two (#source-<id>) go; a site that grows past it keeps them as any moved entry is kept, by an alias to the
  // article's entry in the index (not a matter of this test, which checks the index's own fragments).
  appendFileSync(
    join(dir, 'content', 'addresses', 'aliases.yaml'),
    ['clash-report-trump-meets-petro', 'los-angeles-times-petro-and-trump-make-peace']
      .map((id) => `- { page: /sources/, from: source-${id}, toPage: ${articlesPageUrl(1)}, to: ${id} }\n`)
      .join(''),
  );
  const first = buildProject(dir);
  if (first.status !== 0) throw new Error(`astro build failed (${first.status}):\n${first.output.slice(-4000)}`);
  firstBuild = indexPages();
  const before = cachedCopies(dir);
  addArticle('grown-newest', grown);
  const second = buildProject(dir);
  output = second.output;
  if (second.status !== 0) throw new Error(`astro build failed (${second.status}):\n${second.output.slice(-4000)}`);
  reuse = compareCopies(before, cachedCopies(dir));
}, 400_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('an articles index that grows', () => {
  it('pages the articles from the oldest: the first build had two pages, the first full', () => {
    expect([...firstBuild.keys()].sort()).toEqual([articlesPageUrl(1), articlesPageUrl(2)]);
    const entries = (page: string): number => [...page.matchAll(/<li id="[^"]+"><p class="eyebrow">/g)].length;
    expect(entries(firstBuild.get(articlesPageUrl(1))!)).toBe(INDEX_PAGE_SIZE.articles);
    // The first edition's two articles, the oldest, open page 1.
    expect(firstBuild.get(articlesPageUrl(1))).toContain('<li id="los-angeles-times-petro-and-trump-make-peace">');
  });

  it('keeps every earlier page byte for byte when an article is added, and reuses it', () => {
    const after = indexPages();
    expect([...after.keys()].sort()).toEqual([articlesPageUrl(1), articlesPageUrl(2)]);
    expect(after.get(articlesPageUrl(1))).toBe(firstBuild.get(articlesPageUrl(1)));
    expect(reuse.reused).toContain('/articles/page/1/index.html');
    expect(reuse.rendered).toContain('/articles/page/2/index.html');
    // The new article joins the last page, after the others.
    const last = after.get(articlesPageUrl(2))!;
    expect(last).toContain('<li id="grown-newest">');
    expect(last.indexOf('<li id="grown-039">')).toBeLessThan(last.indexOf('<li id="grown-newest">'));
  });

  it('shows the newest article first on /articles/, and the pages by their dates in words', () => {
    const front = html('/articles/');
    const latest = front.slice(front.indexOf('class="list-plain latest-articles"'));
    expect(latest.indexOf('/articles/grown-newest/')).toBeGreaterThan(0);
    expect(latest.indexOf('/articles/grown-newest/')).toBeLessThan(latest.indexOf('/articles/grown-039/'));
    // Newest page first, each named by its dates: page 2 holds 8–10 April 2026 (generated days 38 to 40).
    expect(front).toMatch(
      /<a href="\/articles\/page\/2\/">8–10 April 2026<\/a> <span class="meta">\(three articles\)<\/span>/,
    );
    expect(front.indexOf('/articles/page/2/')).toBeLessThan(front.indexOf('/articles/page/1/'));
    expect(front).toContain('>3 February – 7 April 2026</a>');
  });

  it('keeps every fragment published for the articles index landing', () => {
    expect(output).toMatch(/\[address-guard\] .*still there|new addresses are not in/);
    const manifest = JSON.parse(readFileSync(join(projectRoot, 'content', 'addresses', 'published.json'), 'utf8')) as {
      pages: Record<string, string[]>;
    };
    const published = Object.entries(manifest.pages).filter(([path]) => /^\/articles\/(page\/\d+\/)?$/.test(path));
    expect(published.length).toBeGreaterThan(1);
    for (const [path, ids] of published) {
      const page = html(path);
      for (const id of ids) {
        // On the page itself, or a moved-entry link with that id to the one page of the index holding the entry.
        const moved = new RegExp(`<a id="${id}" href="(/articles/page/\\d+/)#${id}" data-moved>`).exec(page);
        if (moved) expect(html(moved[1]!), `${path}#${id}`).toContain(`<li id="${id}">`);
        else expect(page, `${path}#${id}`).toContain(`id="${id}"`);
      }
    }
    expect(html('/articles/')).toContain(
      '<a id="clash-report-trump-meets-petro" href="/articles/page/1/#clash-report-trump-meets-petro" data-moved>',
    );
  });

  it('holds every page of the index, /articles/ too, to the page budget', () => {
    const weigher = new PageWeigher(join(dir, 'dist'));
    const weights = ['/articles/', ...indexPages().keys()].map((path) => weigher.weigh(path));
    expect(weights.flatMap((weight) => budgetMisses(weight))).toEqual([]);
  });
});
