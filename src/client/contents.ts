/**
 * "On this page" in the margin (components/site/TableOfContents.astro, from 68 rem): marks the section the
 * reader is in with aria-current, as the page scrolls: the last section whose heading has passed the top
 * third of the window. Without this script the list works as plain links.
 */
const links = [...document.querySelectorAll<HTMLAnchorElement>('nav.toc a')];
const headings = links.map((link) => document.getElementById(decodeURIComponent(link.hash.slice(1))));
let queued = false;

function mark(): void {
  queued = false;
  let current = -1;
  headings.forEach((heading, at) => {
    if (heading && heading.getBoundingClientRect().top < innerHeight / 3) current = at;
  });
  links.forEach((link, at) => {
    if (at === current) link.setAttribute('aria-current', 'true');
    else link.removeAttribute('aria-current');
  });
}

if (links.length > 0) {
  addEventListener(
    'scroll',
    () => {
      if (!queued) requestAnimationFrame(mark);
      queued = true;
    },
    { passive: true },
  );
  mark();
}
