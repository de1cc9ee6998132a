import { createHash } from 'node:crypto';
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KEY_INPUTS_VARIABLE, keyInputsLine } from '../lib/build/key-inputs.ts';
import type { SiteIndex } from '../lib/analysis/site-index.ts';
import { getArticles, type ArticleView } from './articles.ts';
import { indexPageOf } from './indexes.ts';
import { getSiteIndex } from './site.ts';
import type { IndexPage } from '../lib/links/pagination.ts';
import { indexPageUrl } from '../lib/links/urls.ts';

/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`): a page from getStaticPaths()
 * whose `cacheKey` and code are unchanged is copied from the previous build instead of rendered. A key must
 * therefore change whenever anything the page shows can change, and should not change otherwise.
 *
 * Every key is made here, in one way, as a digest of:
 * - the page's route and its props exactly as getStaticPaths returns them;
 * - what the route says the page shows beyond its props (`view`: its place among its siblings, counts);
 * - its layout's inputs: its "last updated" date (a count of the stored articles, where a page shows one, is
 *   in its `view`);
 * - every entry the page can show, found from its `roots` (the entries it is about, as "people/x"): the
 *   roots, the entries that name a root (a person's quotations and events, an article's citations), and
 *   everything those name, two steps out (an event's people and issues, and their names); each entry with
 *   what the site index works out for it (where it is listed, how a comparison point's accounts relate,
 *   the date a relative date hangs on) and their order in the timeline.
 * Entries reference each other by id, so the graph is read off the entries themselves: any string value of
 * an entry that is another entry's id (or "collection/id") is a reference. Reading more than a page needs
 * only costs reuse, never correctness; tests/build/incremental-build.test.ts holds a rebuild to a cold build
 * byte for byte.
 */

/**
 * What every page's output depends on beyond its code and its entries: the site's configuration
 * (astro.config.mjs, as text) and the public origin the build is for (SITE_URL, in canonical addresses).
 * Astro's cache does not key pages on the configuration (seen: after a change to how stylesheets are inlined,
 * pages kept from the previous build still linked the old stylesheet file, gone from the output); the origin
 * is keyed here too rather than trusted to it.
 */
const setupDigest = ((): string => {
  const hash = createHash('sha256');
  try {
    hash.update(readFileSync(join(process.cwd(), 'astro.config.mjs')));
  } catch {
    hash.update('no astro.config.mjs');
  }
  return hash.update(`\n${process.env['SITE_URL'] ?? ''}`).digest('base64url');
})();

/** What a route says about one of its pages, for its key. */
export interface PageShows {
  /** The page's address (for its "last updated" date). */
  path: string;
  /** The entries the page is about, as "collection/id" ("people/gustavo-petro", "articles/x"). */
  roots: readonly string[];
  /** Anything else the page shows that its props and entries do not hold (its place among its siblings). */
  view?: unknown;
}

/** A getStaticPaths entry. */
interface StaticPath {
  params: Record<string, string | undefined>;
  props: Record<string, unknown>;
}

/** Gives each of a route's getStaticPaths entries the cache key of what its page shows. */
export async function withCacheKeys<P extends StaticPath>(
  route: string,
  paths: readonly P[],
  shows: (path: P, index: SiteIndex) => PageShows | Promise<PageShows>,
): Promise<(P & { cacheKey: string })[]> {
  const index = await getSiteIndex();
  const graph = await entryGraph(index);
  const dump = process.env[KEY_INPUTS_VARIABLE];
  const keyed = await Promise.all(
    paths.map(async (path) => {
      const page = await shows(path, index);
      const hash = createHash('sha256');
      const head = {
        route,
        params: stableJson(path.params),
        props: propsJson(path.props),
        view: stableJson(page.view ?? null),
        updated: index.lastUpdatedOf(page.path) ?? '',
      };
      hash.update(`${head.route}\n${head.params}\n${head.props}\n${head.view}\n`);
      hash.update(`${head.updated}\n`);
      hash.update(`${setupDigest}\n`);
      const entries = graph.closure(page.roots);
      // One update for all the lines (the same bytes as one a line: each update is a call into OpenSSL, and a
      // page shows hundreds of entries: 1.6 s of a 1,000-article rebuild's profile, docs/bench-build.md).
      if (entries.length > 0) hash.update(`${entries.join('\n')}\n`);
      const cacheKey = hash.digest('base64url');
      const inputs = dump
        ? keyInputsLine({
            path: page.path,
            key: cacheKey,
            props: head.props,
            view: head.view,
            updated: head.updated,
            entries,
          })
        : undefined;
      return { path: { ...path, cacheKey }, inputs };
    }),
  );
  if (dump) appendFileSync(dump, keyed.map(({ inputs }) => `${inputs}\n`).join(''));
  return keyed.map(({ path }) => path);
}

/**
 * A page's props for its key: each prop that is an object by a digest of its JSON, made once for the object
 * (an article's page, its cited-by page and its "only in" page each have the article as their props, some 25 KB
 * of JSON an article). The objects are the content's and the site index's, which nothing changes during a build.
 */
function propsJson(props: Record<string, unknown>): string {
  return stableJson(
    Object.fromEntries(
      Object.entries(props).map(([name, value]) => [
        name,
        value !== null && typeof value === 'object' ? objectDigest(value) : value,
      ]),
    ),
  );
}

const objectDigests = new WeakMap<object, string>();

function objectDigest(value: object): string {
  let digest = objectDigests.get(value);
  if (digest === undefined) {
    digest = createHash('sha1').update(stableJson(value)).digest('base64url');
    objectDigests.set(value, digest);
  }
  return digest;
}

/** The entries of the site as a graph of references, with each entry's digest; built once per build. */
interface EntryGraph {
  /** "ref digest" lines of every entry a page about `roots` can show, in the order reached, then their timeline order. */
  closure(roots: readonly string[]): string[];
}

let graphs = new WeakMap<SiteIndex, Promise<EntryGraph>>();

/** Forgets the graphs built so far (tests build several indexes). */
export function resetPageKeys(): void {
  graphs = new WeakMap();
}

function entryGraph(index: SiteIndex): Promise<EntryGraph> {
  let graph = graphs.get(index);
  if (!graph) {
    graph = getArticles().then((articles) => buildEntryGraph(index, articles));
    graphs.set(index, graph);
  }
  return graph;
}

/** An entry: what it holds and what the site index works out for it. */
interface Entry {
  data: unknown;
  derived: () => Promise<unknown> | unknown;
}

async function buildEntryGraph(index: SiteIndex, articles: readonly ArticleView[]): Promise<EntryGraph> {
  const entries = new Map<string, Entry>();
  const add = (collection: string, id: string, data: unknown, derived: Entry['derived'] = () => null): void => {
    entries.set(`${collection}/${id}`, { data, derived });
  };
  const unordered = index.timelineOrderNotGiven();
  for (const article of articles)
    // An article as other pages show it: its front matter, outlet and the numbering of its blocks (a
    // citation's label is "LA Times ¶14") and their text (a long cited passage's text fragment is a range
    // whose first words must not occur earlier on the article page: textDirective in lib/links/urls.ts).
    add('articles', article.id, {
      data: article.data,
      outlet: article.outlet,
      blocks: article.blocks.map((block) => [block.id, block.kind, block.text]),
    });
  for (const outlet of index.outlets) add('outlets', outlet.id, outlet);
  for (const person of index.people) add('people', person.id, person, async () => indexPageOf('people', person.id));
  for (const issue of index.issues) add('issues', issue.id, issue, async () => indexPageOf('issues', issue.id));
  for (const event of index.events)
    add('events', event.id, event, () => [
      index.timelinePartOf(event.id).id,
      unordered.has(event.id),
      index.anchorOf(event.when) ?? null,
    ]);
  for (const quotation of index.quotations)
    add('quotations', quotation.id, quotation, async () => [
      await indexPageOf('quotations', quotation.id),
      index.anchorOf(quotation.when) ?? null,
    ]);
  for (const comparison of index.comparisons)
    add('comparisons', comparison.id, comparison, () => [
      index.comparisonEntryUrl(comparison),
      index.relationText(comparison),
      index.relationOf(comparison),
    ]);
  for (const correction of index.correctionLog) add('corrections', correction.id, correction);
  add('meeting', index.meeting.id, index.meeting);

  // References: every string in an entry that names another entry, as its id or as "collection/id".
  const byId = new Map<string, string[]>();
  for (const ref of entries.keys()) {
    const id = ref.slice(ref.indexOf('/') + 1);
    byId.set(id, [...(byId.get(id) ?? []), ref]);
    byId.set(ref, [ref]);
  }
  const forward = new Map<string, Set<string>>();
  const backward = new Map<string, Set<string>>();
  // Whether an entry's data can be written by JSON.stringify alone (no Map or Set in it: stableJson), found on
  // the same walk as its references.
  const plain = new Set<string>();
  for (const [ref, { data }] of entries) {
    const found = new Set<string>();
    const isPlain = collectStrings(data, (text) => {
      for (const target of byId.get(text) ?? []) if (target !== ref) found.add(target);
    });
    if (isPlain) plain.add(ref);
    forward.set(ref, found);
    for (const target of found) {
      let set = backward.get(target);
      if (!set) backward.set(target, (set = new Set()));
      set.add(ref);
    }
  }

  // Each entry's line of a key ("ref digest"), made once rather than for every page that shows it.
  const lines = new Map<string, string>();
  for (const [ref, entry] of entries)
    lines.set(
      ref,
      `${ref} ${createHash('sha1')
        .update(
          `${plain.has(ref) ? JSON.stringify(entry.data) : stableJson(entry.data)}\n${stableJson(await entry.derived())}`,
        )
        .digest('base64url')}`,
    );
  // The closure below walks entries by number (a Set of strings a page, and a string lookup for every reference
  // followed, were most of the keys' time: 1.2 s of a 1,000-article rebuild's profile at load 10).
  const refs = [...entries.keys()];
  const numberOf = new Map(refs.map((ref, at) => [ref, at]));
  const numbered = (sets: Map<string, Set<string>>): (readonly number[])[] =>
    refs.map((ref) => [...(sets.get(ref) ?? [])].map((target) => numberOf.get(target) as number));
  const forwardOf = numbered(forward);
  const backwardOf = numbered(backward);
  const lineOf = refs.map((ref) => lines.get(ref) as string);
  // A page's events and quotations in timeline order: their places sorted as numbers (a typed array's sort, no
  // comparator) and read back, rather than sorted by a comparator looking both up for every comparison (0.8 s of
  // the same profile at load 6: pages of an issue show hundreds of events).
  const timelineOrder = (ordered: readonly string[]): { place: Int32Array; at: readonly string[] } => {
    const place = new Int32Array(refs.length).fill(-1);
    ordered.forEach((ref, at) => {
      const number = numberOf.get(ref);
      if (number !== undefined) place[number] = at;
    });
    return { place, at: ordered };
  };
  const eventOrder = timelineOrder(index.timeline.map((event) => `events/${event.id}`));
  const quotationOrder = timelineOrder(index.quotationsInOrder.map((quotation) => `quotations/${quotation.id}`));
  const inOrder = (shown: readonly number[], order: ReturnType<typeof timelineOrder>): string => {
    const places: number[] = [];
    for (const number of shown) {
      const place = order.place[number] as number;
      if (place !== -1) places.push(place);
    }
    return Array.from(Int32Array.from(places).sort(), (place) => order.at[place] as string).join(' ');
  };
  // Which entries the page being keyed has reached: marked with that page's turn, so nothing is cleared between pages.
  const reached = new Uint32Array(refs.length);
  let turn = 0;

  return {
    closure(roots) {
      const unknown = roots.filter((ref) => !entries.has(ref));
      if (unknown.length > 0)
        throw new Error(
          `page-keys: unknown entries ${unknown.join(', ')}; roots are "collection/id" of stored entries`,
        );
      turn += 1;
      // In the order they are reached, which depends only on the roots and the references (no sort needed).
      const shown: number[] = [];
      const reach = (number: number): boolean => {
        if (reached[number] === turn) return false;
        reached[number] = turn;
        shown.push(number);
        return true;
      };
      // The roots and what names them, then two steps of what those name.
      const rootNumbers = roots.map((ref) => numberOf.get(ref) as number);
      for (const number of rootNumbers) reach(number);
      for (const number of rootNumbers) for (const other of backwardOf[number] as readonly number[]) reach(other);
      let frontier = [...shown];
      for (let step = 0; step < 2; step += 1) {
        const next: number[] = [];
        for (const number of frontier)
          for (const target of forwardOf[number] as readonly number[]) if (reach(target)) next.push(target);
        frontier = next;
      }
      return [
        ...shown.map((number) => lineOf[number] as string),
        inOrder(shown, eventOrder),
        inOrder(shown, quotationOrder),
      ];
    },
  };
}

/**
 * Calls `visit` with every string value in `value`, depth first; says whether JSON.stringify meets no Map or Set
 * in it (holdsCollection, on the same walk).
 */
function collectStrings(value: unknown, visit: (text: string) => void): boolean {
  if (typeof value === 'string') {
    visit(value);
    return true;
  }
  if (value === null || typeof value !== 'object') return true;
  let plain = true;
  if (Array.isArray(value)) {
    for (const item of value) if (!collectStrings(item, visit)) plain = false;
    return plain;
  }
  if (value instanceof Map || value instanceof Set) plain = false;
  else if (!(value instanceof Date) && typeof (value as { toJSON?: unknown }).toJSON === 'function') plain = false;
  for (const item of Object.values(value)) if (!collectStrings(item, visit)) plain = false;
  return plain;
}

/**
 * JSON with Maps and Sets written out (JSON.stringify writes them as {}), in their own order. Object keys are
 * not sorted: the content loaders give the same objects in the same order for the same content, and a
 * reordering could only render a page again, never keep a stale one.
 */
export function stableJson(value: unknown): string {
  // JSON.stringify calls a replacer for every value it writes, a call from the engine into JavaScript each
  // (every entry of the site is written once a build, every page's props once). A value with no Map or Set in
  // it is written the same without one.
  return holdsCollection(value)
    ? JSON.stringify(value, (_key, item: unknown) =>
        item instanceof Map ? [...item.entries()] : item instanceof Set ? [...item] : item,
      )
    : JSON.stringify(value);
}

/**
 * Whether JSON.stringify could meet a Map or a Set in `value`: one is in it, or an object in it other than a
 * Date has a toJSON of its own (what that gives is not looked into).
 */
function holdsCollection(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (value instanceof Map || value instanceof Set) return true;
  if (Array.isArray(value)) {
    for (const item of value) if (holdsCollection(item)) return true;
    return false;
  }
  if (value instanceof Date) return false;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return true;
  for (const key in value)
    if (Object.hasOwn(value, key) && holdsCollection((value as Record<string, unknown>)[key])) return true;
  return false;
}

/**
 * Keys for the further pages of a paginated index (at `indexUrl`), each about the entries `rootsOf` names for
 * its items; `view` adds what a page of that index shows beyond its items (totals over the whole index).
 */
export function withIndexPageKeys<T>(
  route: string,
  indexUrl: string,
  paths: readonly { params: { n: string }; props: { page: IndexPage<T> } }[],
  rootsOf: (item: T) => string[],
  view: (page: IndexPage<T>, index: SiteIndex) => unknown = () => null,
): Promise<{ params: { n: string }; props: { page: IndexPage<T> }; cacheKey: string }[]> {
  return withCacheKeys(route, paths, (path, index) => ({
    path: indexPageUrl(indexUrl, Number(path.params.n)),
    roots: path.props.page.items.flatMap(rootsOf),
    // Only what the route says its pages show: an index that prints how many articles are stored says so in
    // its `view` (a count in the key of every index page re-rendered them all for each new article).
    view: view(path.props.page, index),
  }));
}
