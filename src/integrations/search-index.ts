import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  copyFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import * as pagefind from 'pagefind';
import { markSearchAnchors, SEARCH_BODY_ATTRIBUTE, SEARCH_EXCLUDED_SELECTORS } from '../lib/reading/search.ts';
import { articlesUrl, INDEX_PAGE_SEGMENT, issuesUrl, peopleUrl, SEARCH_BUNDLE_DIR } from '../lib/links/urls.ts';
import { listBuiltPages, type BuiltPage } from './built-pages.ts';
import type { AfterBuildPass } from './pass.ts';

/** Files Pagefind writes for its own ready-made interfaces, which the site does not use (it has its own). */
const UNUSED_BUNDLE_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/**
 * A page to index: its path, the digest of its marked HTML, that HTML's length, and whether it is among the
 * pages a new article is likely to change (see `isRecent`), which are indexed in sections of their own.
 */
export interface Marked {
  page: BuiltPage;
  digest: string;
  bytes: number;
  recent: boolean;
}

/** The opening of the script that holds a page's structured data (src/lib/seo/structured-data.ts escapes "<" in it). */
const STRUCTURED_DATA = '<script type="application/ld+json">';

/**
 * The articles a page's structured data dates: each schema.org NewsArticle with its url's path and the day of
 * its datePublished (an article's own page holds its NewsArticle; other pages name it by reference only).
 */
export function datedArticles(html: string): [path: string, day: string][] {
  const dated: [string, string][] = [];
  for (let at = html.indexOf(STRUCTURED_DATA); at >= 0; at = html.indexOf(STRUCTURED_DATA, at + 1)) {
    const start = at + STRUCTURED_DATA.length;
    const json = html.slice(start, html.indexOf('</script>', start));
    if (!json.includes('"NewsArticle"')) continue;
    let data: unknown;
    try {
      data = JSON.parse(json);
    } catch {
      continue;
    }
    const graph = (data as { '@graph'?: unknown })['@graph'];
    for (const node of Array.isArray(graph) ? graph : [data]) {
      const { '@type': type, url, datePublished } = (node ?? {}) as Record<string, unknown>;
      const isArticle = type === 'NewsArticle' || (Array.isArray(type) && type.includes('NewsArticle'));
      if (!isArticle || typeof url !== 'string' || typeof datePublished !== 'string') continue;
      dated.push([new URL(url, 'http://localhost').pathname, datePublished.slice(0, 10)]);
    }
  }
  return dated;
}

/**
 * The articles' pages (articleUrl) a page links to between `from` and `to` in its HTML, each path once, taken
 * from `known` when it holds it (a path cut out of the page would keep the whole page alive with it).
 */
function linkedArticles(html: string, from: number, to: number, known: Map<string, string>): string[] {
  const opening = `href="${articlesUrl()}`;
  const linked = new Set<string>();
  for (let at = html.indexOf(opening, from); at >= 0 && at < to; at = html.indexOf(opening, at + 1)) {
    const start = at + 'href="'.length;
    const end = html.indexOf('/', start + articlesUrl().length);
    if (end < 0) break;
    const path = html.slice(start, end + 1);
    const id = path.slice(articlesUrl().length);
    if (!/^[^/"#?]+\/$/.test(id) || id === `${INDEX_PAGE_SEGMENT}/`) continue;
    let kept = known.get(path);
    if (kept === undefined) known.set((kept = Buffer.from(path).toString()), kept);
    linked.add(kept);
  }
  return [...linked];
}

/**
 * The indexes whose pages a new entry shifts wherever it joins (newest first, or by name), so that any new
 * article can change every one of their pages: kept with the recent pages.
 */
function isShiftingIndex(path: string): boolean {
  return [articlesUrl(), issuesUrl(), peopleUrl()].some(
    (index) => path === index || new RegExp(`^${index}${INDEX_PAGE_SEGMENT}/\\d+/$`).test(path),
  );
}

/**
 * Whether a page is among those a new article is likely to change, from what it shows: a page is settled when
 * the newest article it is or links to in its <main> was published before the month of the site's newest
 * article; a page that shows no dated article, an index a new entry shifts, and the home page and each part's
 * first page (they print the site's totals) count as recent. A new
 * article joins the newest month, and what it changes (its own pages, the last timeline part and comparison
 * page, its story's articles and the issues and people those show) is mostly recent already; a page that
 * was settled and is changed moves to the recent pages (its settled section is indexed again once); when the
 * newest article opens a new month, the month before joins the settled pages (every settled section indexed
 * again, once a month).
 */
export function isRecent(
  path: string,
  linked: readonly string[],
  articleDays: ReadonlyMap<string, string>,
  newestMonth: string,
): boolean {
  // The home page and the first page of each part of the site (/sources/, /timeline/…) show the site's
  // totals ("1,001 articles side by side"): every new article changes them.
  if (isShiftingIndex(path) || path.split('/').filter(Boolean).length <= 1) return true;
  let newest: string | undefined;
  for (const link of [path, ...linked]) {
    const day = articleDays.get(link);
    if (day !== undefined && (newest === undefined || day > newest)) newest = day;
  }
  return newest === undefined || newest.slice(0, 7) >= newestMonth;
}

/** The pages to be indexed (<main> marked `data-pagefind-body`), each with the digest of what would be staged. */
export function markedPages(pages: readonly BuiltPage[]): Marked[] {
  const found: { page: BuiltPage; digest: string; bytes: number; linked: string[] }[] = [];
  const articleDays = new Map<string, string>();
  // Each article's path once, copied out of the page it was found in (a slice would keep that page alive).
  const articlePaths = new Map<string, string>();
  for (const page of pages) {
    const html = readFileSync(page.file, 'utf8');
    const body = html.indexOf(SEARCH_BODY_ATTRIBUTE);
    if (body < 0) continue;
    const staged = markSearchAnchors(html, page.path);
    // The structured data is in the <head>, before the marked <main>.
    for (const [path, day] of datedArticles(html.slice(0, body))) articleDays.set(path, day);
    const end = html.indexOf('</main>', body);
    const linked = linkedArticles(html, body, end < 0 ? html.length : end, articlePaths);
    found.push({
      page,
      digest: createHash('sha1').update(staged).digest('base64url'),
      bytes: staged.length,
      linked,
    });
  }
  const newestMonth = [...articleDays.values()].reduce((newest, day) => (day > newest ? day : newest), '').slice(0, 7);
  return found.map(({ page, digest, bytes, linked }) => ({
    page,
    digest,
    bytes,
    recent: isRecent(page.path, linked, articleDays, newestMonth),
  }));
}

/**
 * Writes each page of `pages` into `stage` at the same path, with its blocks named for the index
 * (markSearchAnchors). One after another in path order, so that every file system lists the folder in the
 * same order on every build and Pagefind numbers the pages alike (parallel writes and worker threads were no
 * faster: the writes, not the marking, take the time).
 */
function stagePages(pages: readonly Marked[], stage: string): void {
  for (const { page } of pages) {
    const file = join(stage, ...page.path.split('/').filter(Boolean), 'index.html');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, markSearchAnchors(readFileSync(page.file, 'utf8'), page.path));
  }
}

/** The number of pages in a written Pagefind bundle, from its pagefind-entry.json (all languages). */
function bundlePageCount(bundleDir: string): number {
  const entry = JSON.parse(readFileSync(join(bundleDir, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

/**
 * Marked HTML a section of the index holds at most. Pagefind's indexer holds everything one index holds in
 * its memory (8.5 GB for the 114,854 pages of a 3,000-article build in one index), so a large site is
 * indexed in sections, one after another, each indexer closed before the next starts, and the search page
 * merges them in the browser (Pagefind's mergeIndex).
 */
export const SECTION_BYTES = 256 * 1024 ** 2;

/** The file in the bundle folder that lists the other sections' folders, for the search page to merge. */
export const SECTIONS_FILE = 'sections.json';

/** How many sections `bytes` of marked HTML take: a power of two, so a growing site seldom regroups its pages. */
export function sectionCount(bytes: number, sectionBytes: number): number {
  return 2 ** Math.max(0, Math.ceil(Math.log2(bytes / sectionBytes)));
}

/** The section a page belongs to among `count`: by its path alone, so an added page moves no other. */
export function sectionOf(path: string, count: number): number {
  return count === 1 ? 0 : createHash('sha1').update(path).digest().readUInt32BE(0) % count;
}

/**
 * A site of at most this share of SECTION_BYTES (1/8: 32 MB of marked HTML, about 150 articles) is indexed as
 * one group: its index takes seconds, and a section more is a mergeIndex more in the reader's browser.
 */
export const RECENT_SPLIT_SHARE = 8;

/**
 * The sections of the index, none empty, in the order they are written (the first at pagefind/). Past
 * sectionBytes / RECENT_SPLIT_SHARE of marked HTML the pages are indexed in two groups, the settled pages first,
 * then the recent ones (isRecent), so that after a new article the settled sections are unchanged and reused
 * and only the recent ones are indexed again; each group is cut by a hash of the path into as many sections as
 * its size needs (sectionCount, sectionOf), each at most about sectionBytes.
 */
export function groupSections<T extends { page: { path: string }; bytes: number; recent: boolean }>(
  pages: readonly T[],
  sectionBytes: number,
): T[][] {
  const size = (group: readonly T[]): number => group.reduce((sum, page) => sum + page.bytes, 0);
  const groups =
    size(pages) > sectionBytes / RECENT_SPLIT_SHARE
      ? [pages.filter((page) => !page.recent), pages.filter((page) => page.recent)]
      : [pages];
  return groups.flatMap((group) => {
    const count = sectionCount(size(group), sectionBytes);
    const sections = Array.from({ length: count }, (): T[] => []);
    for (const page of group) sections[sectionOf(page.page.path, count)]?.push(page);
    return sections.filter((section) => section.length > 0);
  });
}

/** Pagefind's options (part of a cached section's key, with the indexer's version). */
const INDEX_OPTIONS = { forceLanguage: 'en', excludeSelectors: [...SEARCH_EXCLUDED_SELECTORS] };

/** Where built sections are kept between builds, and what else they depend on (the indexer's version). */
export interface SectionCache {
  dir: string;
  indexer: string;
}

/**
 * Indexes the built site in `distDir` with Pagefind and writes the bundle to `distDir`/pagefind/. Only
 * pages whose <main> is marked `data-pagefind-body` are indexed (so not redirect pages, the 404 or the
 * search page), each linkable block named so that results point at it (see markSearchAnchors).
 * A large site is indexed in sections (SECTION_BYTES): the first at pagefind/, the others in folders of
 * their own under it, listed in pagefind/sections.json for the search page to merge; the settled pages and
 * those a new article is likely to change are in sections apart (groupSections, isRecent). A section whose
 * pages are what they were in a previous build (same paths, same marked HTML) is copied from `cache` instead
 * of indexed again. The marked pages of a section are staged in a folder that Pagefind indexes as a
 * directory: it reads and indexes a directory's files on every core, where pages sent one by one through
 * its API are indexed one after another (the 38,303 indexed pages of a 1,000-article build: 43 s through
 * the API, 10 s as a folder).
 * Throws when Pagefind reports an error or leaves a marked page out of the bundle, and when no page is
 * marked at all (the layout lost its marker: an empty index would make every search come back empty).
 */
export async function buildSearchIndex(
  distDir: string,
  options: { sectionBytes?: number; cache?: SectionCache } = {},
): Promise<{ indexed: number; sections: number; reused: number }> {
  const fail = (what: string, errors: string[]): never => {
    throw new Error(`Search index: ${what} failed: ${errors.join('; ')}`);
  };
  const marked = markedPages(listBuiltPages(distDir));
  if (marked.length === 0)
    fail('indexing', [`no page in ${distDir} has ${SEARCH_BODY_ATTRIBUTE}: BaseLayout should mark <main> with it`]);
  const filled = groupSections(marked, options.sectionBytes ?? SECTION_BYTES);
  const bundleRoot = join(distDir, SEARCH_BUNDLE_DIR);
  const folders = filled.map((_, at) => (at === 0 ? bundleRoot : join(bundleRoot, `section-${at + 1}`)));
  const kept = new Set<string>();
  const removals: Promise<void>[] = [];
  let reused = 0;
  for (const [at, pages] of filled.entries()) {
    const folder = folders[at] as string;
    const key = createHash('sha256')
      .update(`${options.cache?.indexer ?? ''}\n${JSON.stringify(INDEX_OPTIONS)}\n`)
      .update(pages.map(({ page, digest }) => `${page.path} ${digest}`).join('\n'))
      .digest('base64url');
    const cached = options.cache === undefined ? undefined : join(options.cache.dir, key);
    if (cached !== undefined) kept.add(key);
    if (cached !== undefined && existsSync(join(cached, 'pagefind-entry.json'))) {
      linkTree(cached, folder);
      reused += 1;
    } else {
      removals.push((await indexSection(pages, folder, fail)).removal);
      if (cached !== undefined) {
        // Written whole under another name, then renamed: a build stopped midway leaves no partial section.
        const partial = `${cached}.partial`;
        rmSync(partial, { recursive: true, force: true });
        // The first section's folder holds the others: its own files only.
        linkTree(folder, partial, (name) => at !== 0 || !/^section-\d+$/.test(name));
        rmSync(cached, { recursive: true, force: true });
        renameSync(partial, cached);
      }
    }
    const inBundle = bundlePageCount(folder);
    if (inBundle !== pages.length)
      fail('indexing', [
        `the bundle holds ${inBundle} of the ${pages.length} pages marked ${SEARCH_BODY_ATTRIBUTE}${filled.length > 1 ? ` in its section ${relative(distDir, folder)}/` : ''}; Pagefind leaves out a page ` +
          `whose <main> has no text: find it among the built pages and give it content or drop the marker`,
      ]);
  }
  // Sections of earlier builds that this one no longer has: renamed at once (the cache holds only what this
  // build kept), removed in the background.
  const cacheDir = options.cache?.dir;
  if (cacheDir !== undefined && existsSync(cacheDir))
    for (const name of readdirSync(cacheDir)) {
      if (kept.has(name)) continue;
      const gone = join(cacheDir, `${name.replace(/\.removed-.*$/, '')}.removed-${process.pid}-${Date.now()}`);
      renameSync(join(cacheDir, name), gone);
      removals.push(removeInBackground(gone));
    }
  // Unlinked first: were it a hard link into the cache, writing through it would change the cached section.
  rmSync(join(bundleRoot, SECTIONS_FILE), { force: true });
  writeFileSync(
    join(bundleRoot, SECTIONS_FILE),
    JSON.stringify(folders.slice(1).map((folder) => `${relative(bundleRoot, folder)}/`)),
  );
  await Promise.all(removals);
  return { indexed: marked.length, sections: filled.length, reused };
}

/**
 * Makes `to` a copy of the folder `from` whose files are hard links to those of `from` (one system call a
 * file where a copy reads and writes it: the bundle of a 300-article build is 2,000 files), leaving out the
 * entries of `from` itself that `keep` refuses. Neither side is written to after: the next build's bundle
 * is written afresh into a new output folder, and a section is replaced in the cache, never changed in place.
 */
export function linkTree(from: string, to: string, keep: (name: string) => boolean = () => true): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (!keep(entry.name)) continue;
    if (entry.isDirectory()) linkTree(join(from, entry.name), join(to, entry.name));
    else linkOrCopy(join(from, entry.name), join(to, entry.name));
  }
}

/** A hard link, or a copy where the two folders are on different disks (a cache folder set elsewhere). */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    copyFileSync(from, to);
  }
}

/**
 * Removes `folder` on a process of its own, so that the build goes on meanwhile (2,000 staged pages took
 * 1.9 s to remove on the build's thread at 300 articles); resolves when it is gone.
 */
function removeInBackground(folder: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = `require('node:fs').rmSync(${JSON.stringify(folder)}, { recursive: true, force: true, maxRetries: 5 });`;
    const remover = spawn(process.execPath, ['-e', script], { stdio: 'ignore' });
    remover.once('error', reject);
    remover.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(
            new Error(`Search index: removing the staged pages in ${folder} failed (exit ${code}); delete it by hand`),
          ),
    );
  });
}

/**
 * Indexes one section's pages into `folder` with a Pagefind indexer of its own, closed at the end (its memory
 * freed). The staged pages are removed in the background once Pagefind has read them (`removal`, returned).
 */
async function indexSection(
  pages: readonly Marked[],
  folder: string,
  fail: (what: string, errors: string[]) => never,
): Promise<{ removal: Promise<void> }> {
  const stage = mkdtempSync(join(tmpdir(), 'search-index-'));
  let staged = false;
  try {
    stagePages(pages, stage);
    const { index, errors } = await pagefind.createIndex(INDEX_OPTIONS);
    if (!index) return fail('starting Pagefind', errors);
    const added = await index.addDirectory({ path: stage });
    if (added.errors.length > 0) fail('indexing', added.errors);
    staged = true;
    const removal = removeInBackground(stage);
    removal.catch(() => undefined);
    const written = await index.writeFiles({ outputPath: folder });
    if (written.errors.length > 0) fail('writing the bundle', written.errors);
    for (const file of UNUSED_BUNDLE_FILES) rmSync(join(folder, file), { force: true });
    // In an object: an async function would wait for a promise it returns.
    return { removal };
  } finally {
    await pagefind.close();
    if (!staged) rmSync(stage, { recursive: true, force: true });
  }
}

/**
 * After the build, builds the search index (buildSearchIndex), reusing the sections of earlier builds kept in
 * the cache folder (node_modules/.astro/search-sections/). Runs after every pass that rewrites pages.
 */
export const searchIndexPass: AfterBuildPass = {
  name: 'search-index',
  // Pagefind's indexer holds a section in memory: nothing else runs beside it.
  alone: true,
  run: async ({ root, distDir, cacheDir }, logger) => {
    const started = Date.now();
    const manifest = join(root, 'node_modules', 'pagefind', 'package.json');
    const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
    const cache: SectionCache = { dir: join(cacheDir, 'search-sections'), indexer: `pagefind ${version}` };
    // SEARCH_SECTION_BYTES: smaller sections, for the tests that check the search page merges them.
    const sectionBytes = Number(process.env['SEARCH_SECTION_BYTES'] ?? SECTION_BYTES);
    const { indexed, sections, reused } = await buildSearchIndex(distDir, { sectionBytes, cache });
    logger.info(
      `search index: ${indexed} pages indexed into /${SEARCH_BUNDLE_DIR}/ in ${Date.now() - started} ms` +
        (sections > 1 || reused > 0 ? ` (${sections} sections, ${reused} reused from the previous build)` : ''),
    );
  },
};
