/**
 * The note on an address whose fragment names nothing on its page (an old or mistyped link), loaded by
 * lasting-links.ts only then, so that no page's own script carries it. It reads the site's map of ids
 * (fragment-map.json, src/integrations/fragment-map.ts) and says where the id is: a link to the page that has
 * it, a list when several pages have it, or that nothing on the site is called that; and a search for its
 * words. Without the map (offline, an error) it says what it knows: nothing on this page is called that.
 *
 * The build copies this file to the site with its types removed (Node's type stripping), not through Vite:
 * so it imports no values; what it needs from the site's code comes in `NoteLinks`.
 */

import type { FragmentMap } from '../lib/links/fragment-map.ts';

/** What the note needs from src/lib/links/urls.ts, handed over by lasting-links.ts. */
export interface NoteLinks {
  /** The id of the page's main region, where the note goes first. */
  mainId: string;
  /** Where the map is (fragmentMapUrl). */
  mapUrl: string;
  /** The search page for some words (searchQueryUrl). */
  search: (words: string) => string;
}

const NOTE_CLASS = 'fragment-missing';

/** The pages of the site that have `id` (paths and titles), none when the map cannot be read. */
async function pagesWith(id: string, mapUrl: string): Promise<[string, string][] | undefined> {
  try {
    const response = await fetch(mapUrl);
    if (!response.ok) return undefined;
    const map = (await response.json()) as FragmentMap;
    return Object.hasOwn(map.ids, id) ? (map.ids[id] ?? []).map((at) => map.pages[at] ?? ['/', '']) : [];
  } catch {
    return undefined;
  }
}

function link(href: string, text: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  return a;
}

/** Writes the note for `id` at the top of the page's content and moves focus to it. */
export async function missing(id: string, links: NoteLinks): Promise<void> {
  const { hash } = location;
  const pages = (await pagesWith(id, links.mapUrl))?.filter(([path]) => path !== location.pathname);
  // The reader may have followed another link while the map loaded.
  if (location.hash !== hash) return;
  document.querySelector(`.${NOTE_CLASS}`)?.remove();
  const note = document.createElement('p');
  note.className = NOTE_CLASS;
  note.tabIndex = -1;
  const words = id.replace(/[-_]+/g, ' ');
  const search = link(links.search(words), `search for “${words}”`);
  if (pages === undefined || pages.length === 0) {
    const where = pages === undefined ? 'this page' : 'this site';
    note.append(
      `Nothing on ${where} is called “#${id}” (an old or mistyped link); this page starts below, or `,
      search,
      '.',
    );
  } else {
    const places = pages.flatMap(([path, title], at) => [
      at === 0 ? '' : at === pages.length - 1 ? ' and ' : ', ',
      link(`${path}#${encodeURIComponent(id)}`, title),
    ]);
    const where = pages.length === 1 ? 'it is on ' : `it is on ${pages.length} pages: `;
    const go = pages.length === 1 ? ': go there, or ' : '; go to one, or ';
    note.append(`Nothing on this page is called “#${id}”; ${where}`, ...places, go, search, '.');
  }
  document.getElementById(links.mainId)?.prepend(note);
  note.focus({ preventScroll: true });
}
