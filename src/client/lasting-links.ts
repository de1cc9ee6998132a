/**
 * The site's one client script, loaded on every page by BaseLayout; nothing needs it to read a page.
 * 1. "Link to this": a click on an `a.link-to-this` copies the block's address as the reader sees it
 *    (this page's origin and path, wherever it is served, plus the block's fragment; or, for an entry whose
 *    home is another page, that page at this origin) and shows it in a live
 *    region ("Link copied: https://…"); on touch devices that have a share sheet it opens that too. The link still
 *    follows its fragment, so the address bar shows it and the block is marked as the target.
 * 2. Landing: when the page opens on a fragment, or the fragment changes, focus moves to the target
 *    (without scrolling: the browser scrolls it below the header), so keyboard and screen-reader users
 *    continue from there. An alias anchor hands focus to the block it stands for; a moved-entry link
 *    (`a[data-moved]`, an entry now on another page) is followed to the entry's new place. Smooth scrolling is
 *    turned on only once the reader acts, so arriving on a shared link jumps straight to it.
 * 3. A fragment that names nothing on the page: a note at the top of the content says so, naming it, and links
 *    the page of the site that has it (or lists them), or else says nothing is called that, with a search for its
 *    words. Its code (fragment-note.ts) and the map of ids it reads are fetched only then.
 */

import { fragmentMapUrl, fragmentNoteModuleUrl, mainId, searchQueryUrl } from '../lib/links/urls.ts';

// The live region is in the page from the start (LastingLinksScript.astro): screen readers announce a
// change to a region they already know more reliably than one added with its text.
const status = document.querySelector('.link-status') as HTMLElement;
let timer: ReturnType<typeof setTimeout> | undefined;

function say(text: string): void {
  status.textContent = text;
  clearTimeout(timer);
  timer = setTimeout(() => (status.textContent = ''), 4000);
}

function copy(control: HTMLAnchorElement): Promise<unknown> {
  // The reader's own address, not the canonical one: a copy served elsewhere (a preview, a mirror) links to itself.
  // The control's href as the browser resolves it against this page: its fragment here, or its entry's home (a
  // quotation's speaker page) at this same origin.
  const url = control.href;
  // Both calls start within the click, while the browser still counts it as the reader's gesture.
  // navigator.clipboard is missing outside secure contexts (http:// other than localhost).
  const written = 'clipboard' in navigator ? navigator.clipboard.writeText(url) : Promise.reject();
  const said = written.then(
    () => say(`Link copied: ${url}`),
    () => say('Could not copy: the link is in the address bar'),
  );
  if (navigator.share && matchMedia('(pointer: coarse)').matches)
    navigator.share({ title: document.title, url }).catch(() => {});
  return said;
}

/** The control just used: it keeps focus when its link moves the target to its own block. */
let used: HTMLElement | undefined;

document.addEventListener('click', (event) => {
  const control = (event.target as Element).closest?.<HTMLAnchorElement>('a.link-to-this');
  if (!control || event.button || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  used = control;
  // An entry whose home is another page: leaving the page at once could cancel the copy, so go once it is done.
  const away = control.pathname !== location.pathname;
  if (away) event.preventDefault();
  void copy(control).then(() => away && location.assign(control.href));
});

function land(): void {
  let id = location.hash.slice(1);
  try {
    id = decodeURIComponent(id);
  } catch {
    // a malformed escape: look the fragment up as written
  }
  const element = id ? document.getElementById(id) : null;
  // A fragment that names nothing here: the note (fragment-note.ts) is loaded only then, and says where it is.
  if (id && !element)
    return void import(/* @vite-ignore */ fragmentNoteModuleUrl()).then((note: typeof import('./fragment-note.ts')) =>
      note.missing(id, { mainId, mapUrl: fragmentMapUrl(), search: searchQueryUrl }),
    );
  // An entry that moved to another page (an old /timeline/#id): go to its new place.
  if (element instanceof HTMLAnchorElement && element.hasAttribute('data-moved')) return location.replace(element.href);
  const alias = element?.dataset['aliasOf'];
  const target = alias ? document.getElementById(alias) : element;
  if (!element || !target || target.id === mainId) return;
  if (element !== target) {
    // Chromium focuses a focusable fragment target itself, or else clears focus: let it focus the
    // alias anchor, and pass the focus on to the block.
    element.tabIndex = -1;
    element.addEventListener('focus', land);
  }
  const control = used;
  used = undefined;
  if (control && target.contains(control)) {
    // Following its link cleared focus from the control: give it back, so keyboard users stay put.
    control.focus({ preventScroll: true });
    return;
  }
  const active = document.activeElement;
  if (active !== element && target.contains(active)) return;
  if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
  target.focus({ preventScroll: true });
}

addEventListener('hashchange', land);
land();

// Smooth scrolling (global.css, unless reduced motion is asked for) only once the reader acts on the
// page: the jump to a shared link's target on arrival stays instant.
const smooth = (): void => document.documentElement.classList.add('smooth-scroll');
addEventListener('pointerdown', smooth, { once: true });
addEventListener('keydown', smooth, { once: true });
