import { ALIAS_ATTRIBUTE, MOVED_ATTRIBUTE } from './addresses.ts';
import { decodeReferences, scanTags } from '../security/html-scan.ts';

/**
 * Where each of the site's own ids is (fragment-map.json): the pages, each as [path, title], and for each id the
 * places in `pages` of the pages that have it. Read by the note on a fragment that names nothing on its page
 * (src/client/fragment-note.ts).
 */
export interface FragmentMap {
  pages: [string, string][];
  ids: Record<string, number[]>;
}

/** A built page as the map reads it: its path and its HTML. */
export interface MappedPage {
  path: string;
  html: string;
}

/** The title of a page as a link names it: its <title> without the site's name after " · ". */
export function pageTitle(html: string): string {
  const title = /<title>([^<]*)<\/title>/i.exec(html)?.[1] ?? '';
  return decodeReferences(title).split(' · ')[0]?.trim() ?? '';
}

/**
 * A page's ids in one scan of its text: every id attribute in document order (`all`, duplicates kept: the
 * address guard's listing, as listIds gives it) and the page's own (`own`: alias anchors, old ids standing in
 * front of a block, and moved-entry links, an id whose entry is now on another page, left out).
 */
export function pageIds(html: string): { all: string[]; own: string[] } {
  const all: string[] = [];
  const own: string[] = [];
  scanTags(html, (_name, attributes) => {
    const id = attributes.get('id');
    if (id === undefined || id === '') return;
    all.push(id);
    if (!attributes.has(ALIAS_ATTRIBUTE) && !attributes.has(MOVED_ATTRIBUTE)) own.push(id);
  });
  return { all, own };
}

/** The ids a page has of its own (pageIds' `own`). */
export const ownIds = (html: string): string[] => pageIds(html).own;

/**
 * A copy of `text` that holds no reference to the page it was cut from: V8 keeps a cut of a long string as a view
 * of it, so a title or id kept from each page would keep every page's HTML alive (8,000 to 24,000 pages).
 */
const ownString = (text: string): string => Buffer.from(text, 'utf8').toString('utf8');

/**
 * The map built a page at a time, in the order the pages are added (redirect pages left out by the caller):
 * `add` takes a page's path, its HTML and, when the caller has scanned it already, its own ids.
 */
export class FragmentMapBuilder {
  private readonly places = new Map<string, number[]>();
  private readonly pages: [string, string][] = [];

  add(path: string, html: string, own: readonly string[] = ownIds(html)): void {
    const at = this.pages.length;
    this.pages.push([path, ownString(pageTitle(html))]);
    for (const id of new Set(own)) {
      const list = this.places.get(id);
      if (list) list.push(at);
      else this.places.set(ownString(id), [at]);
    }
  }

  /** The map of the pages added. Ids every page has (the header's, the main region's) are left out: they never name nothing on a page. */
  map(): FragmentMap {
    const map: FragmentMap = { pages: this.pages, ids: {} };
    for (const [id, list] of [...this.places].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      if (list.length < map.pages.length) map.ids[id] = list;
    return map;
  }
}

/**
 * The map of `pages`, in their order (redirect pages left out by the caller). Ids every page has (the header's, the main region's)
 * are left out: they never name nothing on a page.
 */
export function fragmentMap(pages: Iterable<MappedPage>): FragmentMap {
  const builder = new FragmentMapBuilder();
  // One page at a time: a caller may read each page's HTML as it is asked for, so that only one is held.
  for (const page of pages) builder.add(page.path, page.html);
  return builder.map();
}
