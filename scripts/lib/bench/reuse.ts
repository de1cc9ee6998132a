import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { KeyInputs } from '../../../src/lib/build/key-inputs.ts';

/**
 * Which pages a rebuild rendered and which it reused, read from Astro's incremental cache: it keeps a copy of
 * each keyed page in node_modules/.astro/dist/, written when the page is rendered and left as it was when the
 * page is reused. (The build log says "(restored)" too, but with several pages in flight its lines
 * interleave.) Pages without a cache key (the home page, the indexes' first pages) are not in the cache: they
 * are rendered on every build and not counted here.
 */

/** Each cached page's path ("/timeline/2026/index.html") with its modification time. */
export function cachedCopies(project: string): Map<string, number> {
  const root = join(project, 'node_modules', '.astro', 'dist');
  const copies = new Map<string, number>();
  if (!existsSync(root)) return copies;
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else copies.set(`/${relative(root, path).split(sep).join('/')}`, stat.mtimeMs);
    }
  };
  walk(root);
  return copies;
}

/** The keyed pages of a rebuild: those rendered again and those reused, by path. */
export interface Reuse {
  rendered: string[];
  reused: string[];
}

/** What a rebuild did, from the cache's copies before it (`before`) and after it (`after`). */
export function compareCopies(before: ReadonlyMap<string, number>, after: ReadonlyMap<string, number>): Reuse {
  const rendered: string[] = [];
  const reused: string[] = [];
  for (const [page, time] of [...after].sort(([a], [b]) => a.localeCompare(b)))
    (before.get(page) === time ? reused : rendered).push(page);
  return { rendered, reused };
}

/**
 * The route a page comes from, as a family of pages: "/people/gustavo-petro/index.html" is "/people/*",
 * "/sources/page/3/index.html" "/sources/page/*", "/sources/only/x/index.html" "/sources/only/*"; a page
 * below an entry's page (a speaker's further page "/people/x/page/2/index.html", an article's
 * "/articles/x/cited-by/index.html") goes with the others of its kind, every speaker's or article's together.
 */
/** Second segments that name a kind of page under a section, not an entry. */
const FIXED_SEGMENTS = new Set(['page', 'only']);

export function routeFamily(page: string): string {
  const [section = '', second, third] = page.split('/').filter((part) => part !== '' && part !== 'index.html');
  const depth = page.split('/').filter((part) => part !== '' && part !== 'index.html').length;
  if (second === undefined) return `/${section}/`;
  if (depth === 2) return `/${section}/*`;
  // "/sources/page/3/", "/sources/only/x/" (a kind of page under a section) against "/articles/x/cited-by/" (a page
  // under an entry's page: every article's together).
  if (depth === 3) return FIXED_SEGMENTS.has(second) ? `/${section}/${second}/*` : `/${section}/*/${third}/`;
  return `/${section}/*/${third}/*`;
}

/** Per route family, how many keyed pages were rendered again and how many reused, families sorted. */
export function reuseByFamily(reuse: Reuse): { family: string; rendered: number; reused: number }[] {
  const families = new Map<string, { rendered: number; reused: number }>();
  const count = (pages: readonly string[], field: 'rendered' | 'reused'): void => {
    for (const page of pages) {
      const family = routeFamily(page);
      const entry = families.get(family) ?? { rendered: 0, reused: 0 };
      entry[field] += 1;
      families.set(family, entry);
    }
  };
  count(reuse.rendered, 'rendered');
  count(reuse.reused, 'reused');
  return [...families].sort(([a], [b]) => a.localeCompare(b)).map(([family, counts]) => ({ family, ...counts }));
}

/** The report's lines: the totals, then each family with pages rendered again ("  /issues/*: 12 of 321 rendered"). */
export function formatReuse(reuse: Reuse): string[] {
  const total = reuse.rendered.length + reuse.reused.length;
  return [
    `keyed pages: ${reuse.reused.length} of ${total} reused, ${reuse.rendered.length} rendered again`,
    ...reuseByFamily(reuse).map(
      ({ family, rendered, reused }) => `  ${family}: ${rendered} of ${rendered + reused} rendered again`,
    ),
  ];
}

/**
 * Why each page's key changed between two builds, as reasons: "props", "view", "last updated", and for the
 * entries it shows "<collection> changed" (an entry's digest), "<collection> added"/"removed" (an entry it
 * shows now or no longer), "order" (the timeline order of its events or quotations). A page in neither file,
 * or new, says so.
 */
export function keyChanges(
  before: ReadonlyMap<string, KeyInputs>,
  after: ReadonlyMap<string, KeyInputs>,
  path: string,
): string[] {
  const was = before.get(path);
  const now = after.get(path);
  if (now === undefined) return ['no key'];
  if (was === undefined) return ['new page'];
  const reasons = new Set<string>();
  if (was.props !== now.props) reasons.add('props');
  if (was.view !== now.view) reasons.add('view');
  if (was.updated !== now.updated) reasons.add('last updated');
  const split = (entries: readonly string[]): { refs: Map<string, string>; order: string[] } => {
    const refs = new Map<string, string>();
    const order: string[] = [];
    for (const line of entries) {
      const [ref = '', digest] = line.split(' ');
      // An entry's line is "collection/id digest" (a digest has no slash); the order lines list refs.
      if (digest !== undefined && !digest.includes('/') && !line.includes(' ', ref.length + 1)) refs.set(ref, digest);
      else order.push(line);
    }
    return { refs, order };
  };
  const a = split(was.entries);
  const b = split(now.entries);
  const collection = (ref: string): string => ref.slice(0, ref.indexOf('/'));
  for (const [ref, digest] of b.refs) {
    const old = a.refs.get(ref);
    if (old === undefined) reasons.add(`${collection(ref)} added`);
    else if (old !== digest) reasons.add(`${collection(ref)} changed`);
  }
  for (const ref of a.refs.keys()) if (!b.refs.has(ref)) reasons.add(`${collection(ref)} removed`);
  if (a.order.join('\n') !== b.order.join('\n')) reasons.add('order');
  return [...reasons].sort();
}

/** Per route family, how many re-rendered pages had each reason ("/issues/*: comparisons changed 40, view 2"). */
export function formatKeyChanges(
  rendered: readonly string[],
  before: ReadonlyMap<string, KeyInputs>,
  after: ReadonlyMap<string, KeyInputs>,
): string[] {
  const byFamily = new Map<string, Map<string, number>>();
  for (const page of rendered) {
    // The cache names a page by its file; the keys by its address.
    const path = page.replace(/index\.html$/, '');
    const family = routeFamily(page);
    const reasons = byFamily.get(family) ?? new Map<string, number>();
    for (const reason of keyChanges(before, after, path)) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    byFamily.set(family, reasons);
  }
  return [...byFamily]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([family, reasons]) =>
        `  ${family}: ${[...reasons]
          .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
          .map(([reason, count]) => `${reason} ${count}`)
          .join(', ')}`,
    );
}
