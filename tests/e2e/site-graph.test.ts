import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { readContentSources } from '../../src/data/read-sources.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isRedirectPage } from '../../src/lib/addresses.ts';
import { checkContent } from '../../src/lib/check-content.ts';
import { whenSortKey } from '../../src/lib/dates.ts';
import { buildTimeline, resolveAnchor } from '../../src/lib/timeline.ts';
import { distDir } from '../helpers/browser.ts';
import { projectRoot } from '../helpers/content.ts';
import { allPages, blockText, pageTree } from '../helpers/dist.ts';

// Checks over the built HTML of every page: nothing is an orphan, every quotation and citation
// points at a paragraph that really holds the words.
const pages = allPages();
const internalLinks = (path: string): string[] =>
  selectAll('a[href]', pageTree(path))
    .map((anchor) => String(anchor.properties['href']))
    .filter((href) => href.startsWith('/'))
    .map((href) => new URL(href, 'http://site').pathname);

/** The paragraph a cite/href points at, and the words of its text fragment. */
function target(url: string): { page: string; element: Element | undefined; words: string | undefined } {
  const [path = '', fragment = ''] = url.split('#');
  const [id = '', directive] = fragment.split(':~:text=');
  const page = new URL(path, 'http://site').pathname;
  const element = select(`[id="${id}"]`, pageTree(page)) ?? undefined;
  return { page, element, words: directive === undefined ? undefined : decodeURIComponent(directive) };
}

describe('the site as a graph', () => {
  it('has no orphan: every page is reachable from the home page by links', () => {
    const seen = new Set<string>(['/']);
    const queue = ['/'];
    while (queue.length > 0) {
      const path = queue.shift() ?? '/';
      for (const link of internalLinks(path)) {
        if (!seen.has(link) && pages.includes(link)) {
          seen.add(link);
          queue.push(link);
        }
      }
    }
    // A redirect page stands at an old address only; nothing on the site links to it.
    const redirects = pages.filter((page) => isRedirectPage(readFileSync(join(distDir, page, 'index.html'), 'utf8')));
    expect(pages.filter((page) => !seen.has(page) && !redirects.includes(page))).toEqual([]);
  });

  it('reaches every analysis page from the home page in one or two steps', () => {
    const fromHome = new Set(internalLinks('/'));
    for (const section of ['/meeting/', '/timeline/', '/issues/', '/people/', '/quotations/', '/sources/', '/articles/']) {
      expect(fromHome.has(section) || internalLinks('/meeting/').includes(section), section).toBe(true);
    }
  });
});

describe('every quotation on every page', () => {
  const quotes = pages.flatMap((page) => selectAll('blockquote[cite], q[cite]', pageTree(page)).map((element) => ({ page, element })));

  it('exists (the site shows quotations)', () => {
    expect(quotes.length).toBeGreaterThan(50);
  });

  it('cites a paragraph that holds its words, word for word', () => {
    const failures: string[] = [];
    for (const { page, element } of quotes) {
      const cite = String(element.properties['cite']);
      const { element: paragraph } = target(cite);
      const words = toString(element).replace(/\s+/g, ' ').trim();
      if (!paragraph) failures.push(`${page}: cite ${cite} points at no element`);
      else if (!blockText(paragraph).includes(words)) failures.push(`${page}: “${words}” is not in ${cite}`);
    }
    expect(failures).toEqual([]);
  });
});

describe('every citation link on every page', () => {
  const links = pages.flatMap((page) => selectAll('a.citation', pageTree(page)).map((element) => ({ page, element })));

  it('exists', () => {
    expect(links.length).toBeGreaterThan(300);
  });

  it('lands on an existing paragraph that holds the cited words', () => {
    const failures: string[] = [];
    for (const { page, element } of links) {
      const href = String(element.properties['href']);
      const { element: paragraph, words } = target(href);
      if (!paragraph) failures.push(`${page}: ${href} points at no element`);
      else if (words !== undefined && !blockText(paragraph).includes(words)) failures.push(`${page}: cited words not in ${href}`);
    }
    expect(failures).toEqual([]);
  });
});

describe('the timeline', () => {
  const items = selectAll('ol.timeline > li', pageTree('/timeline/'));

  it('gives every entry an id and a machine-readable date at its precision', () => {
    expect(items.length).toBeGreaterThan(20);
    for (const item of items) {
      expect(String(item.properties['id'])).toMatch(/^[a-z0-9-]+$/);
      const time = select('time[datetime]', item);
      expect(String(time?.properties['dateTime'])).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
    }
  });

  it('runs oldest first, in the order the content gives', () => {
    const events = checkContent(readContentSources(projectRoot)).model.data.events.map(({ entry }) => entry);
    const ordered = buildTimeline(events);
    expect(items.map((item) => String(item.properties['id']))).toEqual(ordered.map((event) => event.id));
    const byId = new Map(events.map((event) => [event.id, event]));
    const keys = ordered.map((event) => whenSortKey(event.when, resolveAnchor(event.when, byId)));
    expect(keys).toEqual([...keys].sort());
  });
});
