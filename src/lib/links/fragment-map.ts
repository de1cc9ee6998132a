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
 * The ids a page has of its own: alias anchors (old ids standing in front of a block) and moved-entry links
 * (an id whose entry is now on another page) left out.
 */
export function ownIds(html: string): string[] {
  const ids: string[] = [];
  scanTags(html, (_name, attributes) => {
    const id = attributes.get('id');
    if (id && !attributes.has(ALIAS_ATTRIBUTE) && !attributes.has(MOVED_ATTRIBUTE)) ids.push(id);
  });
  return ids;
}

/**
 * The map of `pages`, in their order (redirect pages left out by the caller). Ids every page has (the header's, the main region's)
 * are left out: they never name nothing on a page.
 */
export function fragmentMap(pages: Iterable<MappedPage>): FragmentMap {
  const places = new Map<string, number[]>();
  const map: FragmentMap = { pages: [], ids: {} };
  // One page at a time: a caller may read each page's HTML as it is asked for, so that only one is held.
  for (const page of pages) {
    const at = map.pages.length;
    map.pages.push([page.path, pageTitle(page.html)]);
    for (const id of new Set(ownIds(page.html))) {
      const list = places.get(id);
      if (list) list.push(at);
      else places.set(id, [at]);
    }
  }
  for (const [id, list] of [...places].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    if (list.length < map.pages.length) map.ids[id] = list;
  return map;
}
