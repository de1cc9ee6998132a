import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { readContentSources } from '../../src/data/read-sources.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isRedirectPage } from '../../src/lib/links/addresses.ts';
import { checkContent } from '../../src/lib/content/check-content.ts';
import { lastUpdated } from '../../src/lib/analysis/last-updated.ts';
import { distDir } from '../helpers/browser.ts';
import { projectRoot } from '../helpers/content.ts';
import { allPages, pageTree } from '../helpers/dist.ts';

// The built site against the log: every page's "last updated" comes from content/corrections/.
const { model } = checkContent(readContentSources(projectRoot));
const log = model.data.corrections.map(({ entry }) => entry);
const edition = lastUpdated(log, undefined);

// The pages of the log as built: /corrections/page/<n>/, counted from the oldest (a published page the log no longer
// has, its entries joined to another, is a redirect there: not a page of the log).
const logPages = allPages()
  .filter((path) => /^\/corrections\/page\/\d+\/$/.test(path))
  .filter((path) => !isRedirectPage(readFileSync(join(distDir, path, 'index.html'), 'utf8')))
  .sort((a, b) => Number(a.split('/')[3]) - Number(b.split('/')[3]));
/** The page of the log that holds entry `id`, and the entry there. */
const homeOf = (id: string): { path: string; item: Element } => {
  for (const path of logPages) {
    const item = select(`ol.log > li[id="${id}"]`, pageTree(path));
    if (item) return { path, item };
  }
  throw new Error(`no page of the log holds entry ${id}`);
};
/** A page's days as listed: [date, part] from each day heading's <time> and id. */
const daysOf = (path: string): { date: string; id: string; ids: string[] }[] =>
  selectAll('section', pageTree(path))
    .filter((section) => select('ol.log', section))
    .map((section) => ({
      date: String(select('h2 time', section)?.properties['dateTime']),
      id: String(select('h2', section)?.properties['id']),
      ids: selectAll('ol.log > li', section).map((item) => String(item.properties['id'])),
    }));

describe('the corrections and updates log', () => {
  const front = pageTree('/corrections/');

  it('is in pages by day, each entry on one page, days newest first on a page, pages following in time', () => {
    expect(logPages.length).toBeGreaterThan(1);
    const onPages = logPages.flatMap((path) => daysOf(path).flatMap((day) => day.ids));
    expect([...onPages].sort()).toEqual(log.map((entry) => entry.id).sort());
    let newestBefore = '';
    for (const path of logPages) {
      const days = daysOf(path);
      const dates = days.map((day) => day.date);
      expect(dates, path).toEqual([...dates].sort().reverse());
      // Every day of a page is no older than the newest of the page before (a day cut into parts may straddle two).
      expect((dates.at(-1) ?? '') >= newestBefore, path).toBe(true);
      newestBefore = dates[0] ?? newestBefore;
      for (const day of days)
        for (const id of day.ids) expect(log.find((entry) => entry.id === id)?.date, id).toBe(day.date);
    }
    // A day's entries are together on one page, unless the day is cut into parts (ids changes-<date>-<n>).
    const pagesOfDay = new Map<string, Set<string>>();
    for (const path of logPages)
      for (const day of daysOf(path)) pagesOfDay.set(day.date, (pagesOfDay.get(day.date) ?? new Set()).add(path));
    for (const [date, paths] of pagesOfDay)
      if (paths.size > 1)
        expect(
          logPages.flatMap((path) =>
            daysOf(path)
              .filter((day) => day.date === date)
              .map((day) => day.id),
          ),
          date,
        ).toContain(`changes-${date}-2`);
  });

  it("names nothing by our internal ids: an entry's title reads as prose, its id only its page's address and fragment", () => {
    // A reader's review (7 December 2026): withdrawn points were named "… (drug-links-qualified)".
    const internalId = /\(([a-z0-9]+-)+[a-z0-9]+\)/;
    for (const entry of log) {
      expect(entry.what, entry.id).not.toMatch(internalId);
      const { item } = homeOf(entry.id);
      expect(toString(select('.what', item) ?? item), entry.id).not.toMatch(internalId);
    }
    expect(toString(select('main', front) ?? front)).not.toMatch(internalId);
  });

  it('keeps today’s busy day whole on one page, its part published on /corrections/page/3/ landing there', () => {
    const today = log.filter((entry) => entry.date === '2026-12-07');
    const pagesOfToday = new Set(today.map((entry) => homeOf(entry.id).path));
    expect([...pagesOfToday]).toEqual(['/corrections/page/2/']);
    expect(daysOf('/corrections/page/2/').map((day) => day.id)).toEqual(['changes-2026-12-07']);
    const redirect = readFileSync(join(distDir, 'corrections', 'page', '3', 'index.html'), 'utf8');
    expect(redirect).toContain('<meta http-equiv="refresh" content="0; url=/corrections/page/2/">');
    // The old part's heading lands on the day's heading there.
    expect(select('[id="changes-2026-12-07-2"]', pageTree('/corrections/page/2/'))?.properties['dataAliasOf']).toBe(
      'changes-2026-12-07',
    );
    expect(toString(select('main', pageTree('/corrections/page/2/')) ?? front)).not.toMatch(/continued|part \d/);
  });

  it('lists each entry briefly on its page, linking to its own page, and names what it touched', () => {
    for (const entry of log) {
      const { item } = homeOf(entry.id);
      expect(select('.what a', item)?.properties['href'], entry.id).toBe(`/corrections/${entry.id}/`);
      expect(select('.what a.link-to-this', item)?.properties['href'], entry.id).toBe(`#${entry.id}`);
      expect(selectAll('.affects a', item).length, entry.id).toBe(entry.affects.length);
      // The detail (why, the sources' words, before and after) is on the entry's page only.
      expect(toString(item), entry.id).not.toContain('Before:');
      expect(select('.sources', item), entry.id).toBeUndefined();
    }
  });

  it('opens on a first page that says what the log is, lists its pages by their dates in words, and the latest changes', () => {
    const main = select('main', front);
    if (!main) throw new Error('no main on /corrections/');
    expect(toString(select('.lede', main) ?? main)).toMatch(/^This log records every change to a published statement/);
    const pageLinks = selectAll('.log-pages a', main);
    // Newest first, each page named by the days it covers, never by a number.
    expect(pageLinks.map((link) => link.properties['href'])).toEqual([...logPages].reverse());
    for (const link of pageLinks) {
      expect(toString(link)).toMatch(
        /^(\d{1,2}(–| [A-Z][a-z]+( \d{4})? – ))?\d{1,2} [A-Z][a-z]+ \d{4}( \(continued\))?$/,
      );
      expect(toString(link)).not.toMatch(/page/i);
    }
    // The latest changes: the newest day first, each entry linking to its own page, none holding an id of its own.
    const latest = selectAll('.latest li', main);
    expect(latest.length).toBeGreaterThan(0);
    const newest = [...log].sort((a, b) => b.date.localeCompare(a.date))[0];
    expect(String(select('.latest-day time', main)?.properties['dateTime'])).toBe(newest?.date);
    for (const item of latest) {
      expect(item.properties['id']).toBeUndefined();
      expect(String(select('a', item)?.properties['href'])).toMatch(/^\/corrections\/[a-z0-9-]+\/$/);
    }
    expect(selectAll('ol.log > li', main)).toEqual([]);
    // Its contents, as on every long page.
    expect(selectAll('nav.toc a', front).map((link) => link.properties['href'])).toEqual([
      '#log-by-date',
      '#latest-changes',
    ]);
  });

  it('keeps every fragment published for /corrections/: on the page, or a link with that id to the entry on its page of the log', () => {
    const manifest = JSON.parse(readFileSync(join(projectRoot, 'content', 'addresses', 'published.json'), 'utf8')) as {
      pages: Record<string, string[]>;
    };
    const published = manifest.pages['/corrections/'] ?? [];
    expect(published.length).toBeGreaterThan(50);
    for (const id of published) {
      const element = select(`[id="${id}"]`, front);
      expect(element, id).toBeDefined();
      if (element?.properties['dataMoved'] === undefined) continue;
      const [path, fragment] = String(element.properties['href']).split('#');
      expect(logPages, id).toContain(path);
      expect(fragment).toBe(id);
      expect(select(`[id="${id}"]`, pageTree(path ?? '')), id).toBeDefined();
    }
  });

  it("shows an entry in full on its own page: why, each change before and after, the sources' words as cited quotations", () => {
    const entryPage = pageTree('/corrections/not-the-best-of-friends/');
    expect(toString(select('h1', entryPage) ?? entryPage)).toBe(
      log.find((entry) => entry.id === 'not-the-best-of-friends')?.what,
    );
    expect(toString(select('main', entryPage) ?? entryPage)).toContain(
      'Before: He qualified his praise: the two had not been friends',
    );
    const quote = select('main .sources q', entryPage);
    expect(quote && toString(quote)).toBe('You know, he and I weren’t exactly the best of friends');
    expect(String(quote?.properties['cite'])).toMatch(
      /^\/articles\/los-angeles-times-petro-and-trump-make-peace\/#not-the-best-of-friends/,
    );
    // "In the log": the entry on its page of the log.
    const home = homeOf('not-the-best-of-friends').path;
    expect(select(`main a[href="${home}#not-the-best-of-friends"]`, entryPage)).toBeDefined();
  });

  it('gives every log entry its own page', () => {
    for (const entry of log) expect(select('main h1', pageTree(`/corrections/${entry.id}/`)), entry.id).not.toBeNull();
  });
});

describe('last updated', () => {
  const shown = (path: string): string | undefined => {
    const time = select('main .last-updated time', pageTree(path));
    return time ? String(time.properties['dateTime']) : undefined;
  };

  it('is on every page, never before the edition (redirect pages left by withdrawn entries excepted)', () => {
    const pages = allPages().filter((path) => !isRedirectPage(readFileSync(join(distDir, path, 'index.html'), 'utf8')));
    expect(pages.length).toBeGreaterThan(50);
    for (const path of pages) {
      const date = shown(path);
      expect(date, path).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect((date ?? '') >= (edition ?? ''), path).toBe(true);
    }
  });

  it('is the date of the latest log entry touching what the page shows, else the edition', () => {
    const latest = (touches: (ref: string) => boolean): string | undefined =>
      log
        .filter((entry) => entry.affects.some(touches))
        .map((entry) => entry.date)
        .sort()
        .at(-1);
    const corrected = latest((ref) => ref === 'events/gifts-exchanged') ?? '';
    const anyEvent = latest((ref) => ref.startsWith('events/')) ?? '';
    // The event's home, its part of the timeline: no earlier than the entry on that event, no later than
    // the latest on any event.
    const part = shown('/timeline/2026-february/') ?? '';
    expect(part >= corrected && part <= anyEvent).toBe(true);
    // The timeline shows every event: the latest entry touching any of them.
    expect(shown('/timeline/')).toBe(anyEvent);
    // A person's page that shows nothing the log touched.
    expect(shown('/people/ana-ceballos/')).toBe(edition);
    expect(shown('/articles/')).toBe(edition);
  });
});
