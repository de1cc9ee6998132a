import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { readContentSources } from '../../src/data/read-sources.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isRedirectPage } from '../../src/lib/links/addresses.ts';
import { nestQuotes } from '../../src/lib/reading/quoted-in-text.ts';
import { checkContent } from '../../src/lib/content/check-content.ts';
import { buildChronology, buildTimeline, chronologyItems, orderNotGiven } from '../../src/lib/analysis/timeline.ts';
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

/** A quotation without the "[sic]" marks we add after the slips it keeps. */
function withoutSicMarks(element: Element): Element {
  const keep = (node: Element['children'][number]): boolean =>
    !(node.type === 'element' && String(node.properties['className'] ?? '').includes('sic-mark'));
  const strip = (node: Element): Element => ({
    ...node,
    children: node.children.filter(keep).map((child) => (child.type === 'element' ? strip(child) : child)),
  });
  return strip(element);
}

/**
 * Whether a paragraph's text holds a `text=` directive's words: the passage itself, or for a long passage
 * given as a range (`start,end`), its first words with its last words after them.
 */
function holds(text: string, directive: string): boolean {
  const [start = '', end] = directive.split(',').map((part) => decodeURIComponent(part));
  const at = text.indexOf(start);
  return at >= 0 && (end === undefined || text.indexOf(end, at + start.length) >= 0);
}

/** The paragraph a cite/href points at, and its text fragment's directives, still encoded (one `text=` per passage). */
function target(url: string): { page: string; element: Element | undefined; words: string[] } {
  const [path = '', fragment = ''] = url.split('#');
  const [id = '', directive] = fragment.split(':~:');
  const page = new URL(path, 'http://site').pathname;
  const element = select(`[id="${id}"]`, pageTree(page)) ?? undefined;
  const words = directive === undefined ? [] : directive.split('&').map((part) => part.replace(/^text=/, ''));
  return { page, element, words };
}

/** A page's whole text as the browser searches it for a text fragment: lower case, spaces collapsed. */
const searchedText = new Map<string, string>();
function pageText(page: string): string {
  let text = searchedText.get(page);
  if (text === undefined) {
    text = toString(select('body', pageTree(page)) ?? pageTree(page))
      .replace(/\s+/g, ' ')
      .toLowerCase();
    searchedText.set(page, text);
  }
  return text;
}

/**
 * Whether the browser, searching the whole page from its top for a range's first words (`start,end`), finds
 * them first in the cited paragraph: a range's few first words must not occur before it (in the headline,
 * the standfirst or an earlier paragraph), or the highlight would start there.
 */
function foundFirstIn(page: string, paragraph: Element, directive: string): boolean {
  const [start = '', end] = directive.split(',').map((part) => decodeURIComponent(part).toLowerCase());
  if (end === undefined) return true;
  const text = pageText(page);
  const own = toString(paragraph).replace(/\s+/g, ' ').trim().toLowerCase();
  const at = text.indexOf(own);
  const first = text.indexOf(start);
  return at >= 0 && first >= at && first < at + own.length;
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
    for (const section of [
      '/meeting/',
      '/timeline/',
      '/issues/',
      '/people/',
      '/quotations/',
      '/sources/',
      '/articles/',
    ]) {
      expect(fromHome.has(section) || internalLinks('/meeting/').includes(section), section).toBe(true);
    }
  });
});

describe('every quotation on every page', () => {
  const quotes = pages.flatMap((page) =>
    selectAll('blockquote[cite], q[cite]', pageTree(page)).map((element) => ({ page, element })),
  );

  it('exists (the site shows quotations)', () => {
    expect(quotes.length).toBeGreaterThan(50);
  });

  it('cites a paragraph that holds its words, word for word', () => {
    const failures: string[] = [];
    for (const { page, element } of quotes) {
      const cite = String(element.properties['cite']);
      const { element: paragraph } = target(cite);
      // Our "[sic]" after a slip (QuotedWords.astro) is an editorial mark, not the source's words.
      const words = toString(withoutSicMarks(element)).replace(/\s+/g, ' ').trim();
      if (!paragraph) failures.push(`${page}: cite ${cite} points at no element`);
      // Inside our own marks the article's double marks are shown single (nestQuotes): the same words.
      else if (!blockText(paragraph).includes(words) && !nestQuotes(blockText(paragraph)).includes(words))
        failures.push(`${page}: “${words}” is not in ${cite}`);
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
      else if (!words.every((passage) => holds(blockText(paragraph), passage)))
        failures.push(`${page}: cited words not in ${href}`);
      else if (!words.every((passage) => foundFirstIn(target(href).page, paragraph, passage)))
        failures.push(`${page}: ${href}: a range's first words occur on the article page before the paragraph`);
    }
    expect(failures).toEqual([]);
  });
});

describe('the timeline', () => {
  // The parts in the overview's order, each listing its events: together, the whole timeline.
  const parts = selectAll('section[data-filter-group] > h3 > a[href^="/timeline/"]', pageTree('/timeline/')).map(
    (link) => String(link.properties['href']),
  );
  const items = parts.flatMap((part) => selectAll('ol.timeline > li', pageTree(part)));

  it('gives every entry an id and a machine-readable date at its precision', () => {
    expect(items.length).toBeGreaterThan(20);
    for (const item of items) {
      expect(String(item.properties['id'])).toMatch(/^[a-z0-9-]+$/);
      const time = select('time[datetime]', item);
      expect(String(time?.properties['dateTime'])).toMatch(/^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$/);
    }
  });

  it('runs oldest first, meeting every order the sources give, and says where they give none', () => {
    const { model } = checkContent(readContentSources(projectRoot));
    const events = model.data.events.map(({ entry }) => entry);
    const { chronology } = buildChronology(
      chronologyItems(
        events,
        model.data.quotations.map(({ entry }) => entry),
      ),
    );
    const ids = items.map((item) => String(item.properties['id']));
    expect(ids).toEqual(buildTimeline(events).map((event) => event.id));
    const place = new Map(ids.map((id, position) => [id, position]));
    for (const event of events) {
      for (const earlier of [event.when.after, event.when.during])
        if (earlier)
          expect(place.get(earlier), `${earlier} before ${event.id}`).toBeLessThan(place.get(event.id) ?? -1);
      if (event.when.before)
        expect(place.get(event.id), `${event.id} before ${event.when.before}`).toBeLessThan(
          place.get(event.when.before) ?? -1,
        );
    }
    // Dates that cannot overlap keep their order.
    ids.forEach((id, position) => {
      for (const later of ids.slice(position + 1))
        expect(chronology.knownBefore(`event:${later}`, `event:${id}`), `${later} listed after ${id}`).toBe(false);
    });
    const marked = items.filter((item) => select('.unordered', item)).map((item) => String(item.properties['id']));
    // An undated entry's line says its date is not given and no more (its order among undated entries is no more known).
    const dated = (id: string) => events.find((event) => event.id === id)?.when.precision !== 'relative';
    expect(marked).toEqual([...orderNotGiven(chronology, 'event', ids)].filter(dated));
    expect(marked.length).toBeGreaterThan(0);
  });
});

describe('the quotations pages and the speakers’ pages', () => {
  const { model } = checkContent(readContentSources(projectRoot));
  const quotations = model.data.quotations.map(({ entry }) => entry);
  const { chronology } = buildChronology(
    chronologyItems(
      model.data.events.map(({ entry }) => entry),
      quotations,
    ),
  );
  const listed = ['/quotations/', ...pages.filter((page) => page.startsWith('/quotations/page/'))];

  it('list every quotation once, in the timeline’s order, and say where the sources give none', () => {
    const figures = listed.flatMap((page) => selectAll('main figure.quote', pageTree(page)));
    const ids = figures.map((figure) => String(figure.properties['id']));
    expect([...ids].sort()).toEqual(quotations.map((quotation) => quotation.id).sort());
    ids.forEach((id, position) => {
      for (const later of ids.slice(position + 1))
        expect(chronology.knownBefore(`quotation:${later}`, `quotation:${id}`), `${later} listed after ${id}`).toBe(
          false,
        );
    });
    for (const page of listed) {
      const onPage = selectAll('main figure.quote', pageTree(page));
      const marked = onPage
        .filter((figure) => select('.unordered', figure))
        .map((figure) => String(figure.properties['id']));
      expect(marked).toEqual(
        [
          ...orderNotGiven(
            chronology,
            'quotation',
            onPage.map((figure) => String(figure.properties['id'])),
          ),
        ].filter((id) => quotations.find((quotation) => quotation.id === id)?.when.precision !== 'relative'),
      );
    }
  });

  it('give each quotation its address on its speaker’s page, in the timeline’s order; the quotations pages’ ¶ points there', () => {
    for (const quotation of quotations) {
      const home = `/people/${quotation.speaker}/`;
      const entry = select(`figure.quote[id="${quotation.id}"]`, pageTree(home));
      expect(entry, `${quotation.id} on ${home}`).toBeTruthy();
      expect(select(`a.link-to-this[href="#${quotation.id}"]`, entry!), quotation.id).toBeTruthy();
      const copy = listed.map((page) => select(`figure.quote[id="${quotation.id}"]`, pageTree(page))).find(Boolean);
      expect(select(`a.link-to-this[href="${home}#${quotation.id}"]`, copy!), quotation.id).toBeTruthy();
    }
    for (const person of model.data.people.map(({ entry }) => entry)) {
      const ids = selectAll('main figure.quote', pageTree(`/people/${person.id}/`)).map((figure) =>
        String(figure.properties['id']),
      );
      ids.forEach((id, position) => {
        for (const later of ids.slice(position + 1))
          expect(
            chronology.knownBefore(`quotation:${later}`, `quotation:${id}`),
            `${person.id}: ${later} after ${id}`,
          ).toBe(false);
      });
    }
  });

  it('keep the speakers’ old group ids on the quotations pages, as links to each speaker’s quotations', () => {
    const link = select('a[id="speaker-donald-trump"][data-moved]', pageTree('/quotations/'));
    expect(String(link?.properties['href'])).toBe('/people/donald-trump/#quotations');
  });
});

describe('items in their homes', () => {
  it('the page each event, quotation and comparison point had of its own redirects to its entry, which exists', () => {
    const redirects = pages.filter(
      (page) =>
        /^\/(events|quotations|sources)\/[^/]+\/$/.test(page) &&
        isRedirectPage(readFileSync(join(distDir, page, 'index.html'), 'utf8')),
    );
    expect(redirects.length).toBeGreaterThan(100);
    for (const page of redirects) {
      const to = String(select('meta[http-equiv="refresh"]', pageTree(page))?.properties['content']).replace(
        /^0; url=/,
        '',
      );
      const [path = '', id = ''] = to.split('#');
      expect(select(`[id="${id}"]`, pageTree(path)), `${page} → ${to}`).toBeTruthy();
    }
  });

  it('no page links to an item’s old page: every link goes to the entry in its home', () => {
    const old = /^\/(events\/|quotations\/(?!page\/)[^/]+\/|sources\/(?!page\/|only\/)[^/]+\/)/;
    for (const page of pages.filter((path) => !isRedirectPage(readFileSync(join(distDir, path, 'index.html'), 'utf8'))))
      expect(
        internalLinks(page).filter((link) => old.test(link)),
        page,
      ).toEqual([]);
  });
});
