/**
 * The site's one client script, loaded on every page by BaseLayout; nothing needs it to read a page.
 * 1. "Link to this": a click on an `a.link-to-this` copies the block's absolute canonical address
 *    (the page's <link rel="canonical"> plus the fragment, never location.href) and says "Link copied"
 *    in a live region; on touch devices that have a share sheet it opens that too. The link still
 *    follows its fragment, so the address bar shows it and the block is marked as the target.
 * 2. Landing: when the page opens on a fragment, or the fragment changes, focus moves to the target
 *    (without scrolling: the browser has scrolled it below the header already), so keyboard and
 *    screen-reader users continue from there. An alias anchor hands focus to the block it stands for.
 */

import { mainId } from '../lib/urls.ts';

const STATUS_CLASS = 'link-status';
const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? location.href.split('#')[0] ?? '';

const status = document.createElement('p');
status.className = STATUS_CLASS;
status.setAttribute('role', 'status');
document.body.append(status);
let timer: ReturnType<typeof setTimeout> | undefined;

function say(text: string): void {
  status.textContent = text;
  clearTimeout(timer);
  timer = setTimeout(() => (status.textContent = ''), 4000);
}

async function copy(control: HTMLAnchorElement): Promise<void> {
  const url = new URL(control.getAttribute('href') ?? '', canonical).href;
  try {
    await navigator.clipboard.writeText(url);
    say('Link copied');
  } catch {
    say('Could not copy: the link is in the address bar');
  }
  if (navigator.share && matchMedia('(pointer: coarse)').matches) navigator.share({ title: document.title, url }).catch(() => {});
}

document.addEventListener('click', (event) => {
  const control = (event.target as Element).closest?.<HTMLAnchorElement>('a.link-to-this');
  if (control && event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey) void copy(control);
});

function land(): void {
  let id = location.hash.slice(1);
  try {
    id = decodeURIComponent(id);
  } catch {
    // a malformed escape: look the fragment up as written
  }
  let target = id ? document.getElementById(id) : null;
  const alias = target?.dataset['aliasOf'];
  if (alias) target = document.getElementById(alias);
  if (!target || target.contains(document.activeElement) || target.id === mainId) return;
  if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
  target.focus({ preventScroll: true });
}

addEventListener('hashchange', land);
land();
