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

describe('the corrections and updates log', () => {
  const page = pageTree('/corrections/');

  it('lists every log entry, newest first, each with a lasting address', () => {
    const ids = selectAll('ol.log > li', page).map((item) => String(item.properties['id']));
    expect([...ids].sort()).toEqual(log.map((entry) => entry.id).sort());
    // Grouped under the day they were published, the days newest first, each a <time> heading its entries.
    const days = selectAll('section', page).filter((section) => select('ol.log', section));
    const dates = days.map((section) => String(select('h2 time', section)?.properties['dateTime']));
    expect(dates).toEqual([...dates].sort().reverse());
    for (const section of days)
      for (const item of selectAll('ol.log > li', section)) {
        const entry = log.find((candidate) => candidate.id === item.properties['id']);
        expect(entry?.date, String(item.properties['id'])).toBe(String(select('h2 time', section)?.properties['dateTime']));
      }
  });

  it('lists each entry briefly, linking to its own page, and names what it touched', () => {
    for (const entry of log) {
      const item = select(`ol.log > li[id="${entry.id}"]`, page);
      if (!item) throw new Error(`no entry ${entry.id} on /corrections/`);
      expect(select('.what a', item)?.properties['href'], entry.id).toBe(`/corrections/${entry.id}/`);
      expect(selectAll('.affects a', item).length, entry.id).toBe(entry.affects.length);
      // The detail (why, the sources' words, before and after) is on the entry's page only.
      expect(toString(item), entry.id).not.toContain('Before:');
      expect(select('.sources', item), entry.id).toBeUndefined();
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
    expect(select('main a[href="/corrections/#not-the-best-of-friends"]', entryPage)).not.toBeNull();
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
