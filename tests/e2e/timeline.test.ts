import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAliases } from '../../src/lib/links/addresses.ts';
import { quotationsUrl, sourcesUrl, timelinePartUrl, timelineUrl } from '../../src/lib/links/urls.ts';
import { baseUrl, builtPages, distDir, launchBrowser, watchErrors } from '../helpers/browser.ts';
import { projectRoot } from '../helpers/content.ts';

// The timeline as a chart and in parts, old /timeline/#event links landing on the entry's new page, and
// the filters (timeline, quotations, comparison) with their state in the URL, in Chromium.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function open(
  path: string,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(baseUrl + path);
  return { context, page, errors };
}

const parts = builtPages().filter((path) => /^\/timeline\/[^/]+\/$/.test(path));
const html = (path: string): string =>
  readFileSync(join(distDir, ...path.split('/').filter(Boolean), 'index.html'), 'utf8');

describe('the timeline overview and its parts', () => {
  it('is split into parts, every event on exactly one part, each part linked from the overview', () => {
    expect(parts.length).toBeGreaterThan(1);
    const overview = html(timelineUrl());
    const ids = parts.flatMap((path) =>
      [...html(path).matchAll(/<li id="([^"]+)"[^>]*data-issues/g)].map((match) => match[1]),
    );
    expect(new Set(ids).size).toBe(ids.length);
    for (const path of parts) expect(overview).toContain(`href="${path}"`);
    // The overview lists every event, each linking to its entry on its part.
    const moved = [...overview.matchAll(/<a id="([^"]+)" href="([^"]+)" data-moved/g)].map((match) => [
      match[1],
      match[2],
    ]);
    expect(moved.map(([id]) => id).sort()).toEqual([...ids].sort());
  });

  it('keeps a day whole on one part: no heading of a date (the meeting’s day) on two parts of a month', () => {
    const headed = parts.flatMap((path) =>
      [...html(path).matchAll(/<section aria-labelledby="(filed-[^"]+)"/g)].map((match) => [match[1]!, path] as const),
    );
    const partsOf = new Map<string, string[]>();
    for (const [id, path] of headed) partsOf.set(id, [...(partsOf.get(id) ?? []), path]);
    for (const [id, paths] of partsOf) expect(new Set(paths).size, `${id} on ${paths.join(', ')}`).toBe(1);
    // The meeting and the other events of its day share their part.
    expect(partsOf.get('filed-2026-02-03')).toEqual(['/timeline/2026-february-2/']);
    const meetingPart = html('/timeline/2026-february-2/');
    for (const id of ['white-house-meeting', 'drug-bosses-shared', 'petro-embassy-remarks'])
      expect(meetingPart).toMatch(new RegExp(`<li id="${id}"`));
  });

  it('writes date lines that read calmly: a day without "after X" from another day, the order not given relative to what, an undated entry short', () => {
    const lines = new Map(
      parts.flatMap((path) =>
        [...html(path).matchAll(/<li id="([^"]+)"[^>]*>\s*<p class="when[^"]*">(.*?)<\/p>/gs)].map(
          (match) =>
            [
              match[1]!,
              match[2]!
                .replace(/<[^>]+>/g, '')
                .replace(/\s+/g, ' ')
                .trim(),
            ] as const,
        ),
      ),
    );
    // The 7 January call: its day places it after the raid; the entry above is dated only to January.
    expect(lines.get('jan-7-call')).toBe(
      '7 January 2026 · the entry above is dated only to January 2026; which came first is not given',
    );
    // The meeting's day: "after X" beside a day only where X is that day; events of one day say so.
    expect(lines.get('petro-embassy-remarks')).toMatch(
      /^3 February 2026 · after Trump and Petro meet at the White House/,
    );
    expect(lines.get('ecuador-mediation-request')).toContain(
      'same day as the entry above; which came first is not given',
    );
    // An undated entry: "Date not given" and its orders, nothing more on the line.
    expect(lines.get('colombia-previews-agenda')).toBe(
      'Date not given · before Trump and Petro meet at the White House',
    );
    for (const [id, line] of lines) {
      expect(line, id).not.toMatch(/order (relative to the entry above )?not given|, date not given ·/);
      if (/^\d+ \w+ \d{4} · (after|before) /.test(line)) expect(line, id).toMatch(/^3 February 2026/);
    }
  });

  it('labels a discrepancy by its kind: one date more exact than the other is a difference in precision', async () => {
    const { context, page, errors } = await open(timelinePartUrl('2026-january'));
    await expect(page.locator('#jan-7-call .discrepancy strong').textContent()).resolves.toBe(
      'The sources differ in precision:',
    );
    await expect(page.locator('#trump-military-threat .discrepancy strong').textContent()).resolves.toBe(
      'The sources differ:',
    );
    expect(errors).toEqual([]);
    await context.close();
  });
});

/** Every mark of the chart: its label's visible text, where it links, its lane, and its box and its glyph's. */
const chartMarks = (page: Page) =>
  page.locator('[data-chart] .tl-l').evaluateAll((links) =>
    links.map((link) => {
      const box = link.getBoundingClientRect();
      const glyph = link.previousElementSibling as HTMLElement;
      const g = glyph.getBoundingClientRect();
      return {
        href: link.getAttribute('href') ?? '',
        text: (link as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
        lane: link.closest('[data-lane]')?.querySelector('.tl-lane-label')?.textContent?.trim() ?? '',
        laneTop: link.closest('[data-lane]')?.querySelector('.tl-lane-label')?.getBoundingClientRect().top ?? 0,
        shown: (link as HTMLElement).checkVisibility() && box.width > 0,
        clipped: (link as HTMLElement).scrollWidth > (link as HTMLElement).clientWidth + 1,
        box: { left: box.left, right: box.right, top: box.top, bottom: box.bottom },
        glyph: { className: glyph.className, left: g.left, right: g.right, width: g.width },
        title: link.querySelector('title') !== null || link.hasAttribute('title'),
      };
    }),
  );

describe('the chart', () => {
  for (const colorScheme of ['light', 'dark'] as const)
    it(`draws its marks as the key shows them (${colorScheme}): a season or year outlined at 3:1 or more, undated dashed, a statement after the meeting right of its line`, async () => {
      const { context, page } = await open(timelineUrl(), { colorScheme });
      const seen = await page.evaluate(() => {
        const rgb = (color: string) => (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
        const luminance = (color: string) => {
          const [r = 0, g = 0, b = 0] = rgb(color).map((value) => {
            const c = value / 255;
            return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        const contrast = (a: string, b: string) => {
          const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
          return (hi! + 0.05) / (lo! + 0.05);
        };
        const background = getComputedStyle(document.body).backgroundColor;
        const style = (selector: string) => getComputedStyle(document.querySelector(selector)!);
        const after = document.querySelector('.tl-l[href$="#petro-posts-handshake-photo"]')!.previousElementSibling!;
        return {
          bars: [...document.querySelectorAll('[data-chart] .tl-g.year, [data-chart] .tl-g.season')].map((bar) => {
            const css = getComputedStyle(bar);
            return [css.borderTopStyle, css.borderLeftStyle, contrast(css.borderTopColor, background) >= 3];
          }),
          key: [style('.key.faint').borderTopStyle, contrast(style('.key.faint').borderTopColor, background) >= 3],
          undated: [
            style('[data-chart] .tl-g.relative').borderTopStyle,
            style('[data-chart] .tl-g.relative').borderTopLeftRadius,
          ],
          keyUndated: style('.key.undated').borderTopStyle,
          afterMeeting:
            after.getBoundingClientRect().left -
            document.querySelector('.tl-landmark.line')!.getBoundingClientRect().left,
        };
      });
      expect(seen.bars.length).toBeGreaterThan(0);
      for (const bar of seen.bars) expect(bar).toEqual(['solid', 'solid', true]);
      expect(seen.key).toEqual(['solid', true]);
      expect(seen.undated).toEqual(['dashed', '0px']);
      expect(seen.keyUndated).toBe('dashed');
      // "February 2026, after the meeting": not left of the meeting's line.
      expect(seen.afterMeeting).toBeGreaterThanOrEqual(0);
      await context.close();
    });

  it('labels every mark with visible text (no tooltip), each linking to its entry, which names the same event', async () => {
    const { context, page, errors } = await open(timelineUrl());
    const marks = await chartMarks(page);
    expect(marks.length).toBeGreaterThan(60);
    const entries = new Map<string, string>();
    for (const path of parts) {
      const part = await context.newPage();
      await part.goto(baseUrl + path);
      for (const [id, title] of await part.locator('ol.timeline > li').evaluateAll((items) =>
        // The title is the heading's own text (in its home the entry's title is not a link; the ¶ control follows it).
        items.map((item) => {
          const heading = item.querySelector('.event-title');
          const title = [...(heading?.childNodes ?? [])].filter((node) => node.nodeType === Node.TEXT_NODE);
          return [
            item.id,
            title
              .map((node) => node.textContent)
              .join('')
              .trim(),
          ] as const;
        }),
      ))
        entries.set(`${path}#${id}`, title);
      await part.close();
    }
    for (const mark of marks) {
      expect(entries.has(mark.href), mark.href).toBe(true);
      expect(mark.shown, `${mark.href} in ${mark.lane} is not shown`).toBe(true);
      expect(mark.clipped, `${mark.href} in ${mark.lane}: its label is cut`).toBe(false);
      expect(mark.title).toBe(false);
      expect(mark.text, `${mark.href} in ${mark.lane}`).toContain(entries.get(mark.href)!);
    }
    // Every event has a mark, in the lane of each of its issues.
    expect(new Set(marks.map((mark) => mark.href)).size).toBe(entries.size);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('draws it across time at 1280 px with no two labels of a lane overlapping, every year labelled, a busy day narrow', async () => {
    const { context, page } = await open(timelineUrl());
    const marks = await chartMarks(page);
    for (const a of marks)
      for (const b of marks) {
        if (a === b || a.lane !== b.lane) continue;
        const apart =
          a.box.right <= b.box.left + 1 ||
          b.box.right <= a.box.left + 1 ||
          a.box.bottom <= b.box.top + 1 ||
          b.box.bottom <= a.box.top + 1;
        expect(apart, `"${a.text}" and "${b.text}" overlap in ${a.lane}`).toBe(true);
      }
    const axis = await page.evaluate(() => {
      const grid = document.querySelector('.tl-axis .tl-grid')!.getBoundingClientRect();
      const years = [...document.querySelectorAll<HTMLElement>('.tl-year')].map((year) => ({
        text: year.innerText.trim(),
        width: year.getBoundingClientRect().width,
      }));
      const days = [...document.querySelectorAll<HTMLElement>('.tl-finer.day')].map((day) => ({
        text: day.innerText.trim(),
        width: day.getBoundingClientRect().width,
      }));
      return { width: grid.width, years, days };
    });
    const years = axis.years.map((year) => Number(year.text));
    expect(years).toEqual(Array.from({ length: years.length }, (_, at) => years[0]! + at));
    expect(years).toContain(2024);
    for (const year of axis.years) expect(year.width, year.text).toBeGreaterThan(20);
    // 3 February 2026, the day of the meeting: a narrow column, its events drawn together, one above the other.
    const meetingDay = axis.days.find((day) => day.text === '3 Feb')!;
    expect(meetingDay.width / axis.width).toBeLessThan(0.1);
    const onMeetingDay = marks.filter(
      (mark) =>
        mark.lane === marks[0]!.lane &&
        mark.glyph.className.includes(' day ') &&
        Math.abs(mark.glyph.left - marks.find((other) => other.href.endsWith('#white-house-meeting'))!.glyph.left) < 1,
    );
    expect(onMeetingDay.length).toBeGreaterThan(2);
    await context.close();
  });

  it('puts the key and the filters before the chart, and the skip link before its first mark', async () => {
    const { context, page } = await open(timelineUrl());
    const order = await page.evaluate(() => {
      const at = (selector: string) => document.querySelector(selector)!;
      const before = (a: Element, b: Element) =>
        Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
      const chart = at('[data-chart]');
      const firstMark = at('[data-chart] .tl-l');
      return {
        key: before(at('.chart-key'), chart),
        filters: before(at('form[data-filter-form]'), chart),
        skip: before(at('.tl-skip'), firstMark) && !before(firstMark, at('.tl-skip')),
        list: before(chart, at('li[data-issues]')),
      };
    });
    expect(order).toEqual({ key: true, filters: true, skip: true, list: true });
    await context.close();
  });

  it('lets a keyboard user skip from the chart’s first mark to the list', async () => {
    const { context, page } = await open(timelineUrl());
    // Tab from the last filter control: the skip link comes next, shown on focus, right before the first mark.
    await page.locator('form[data-filter-form] button[type="reset"]').focus();
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => ({
      text: document.activeElement?.textContent ?? '',
      width: document.activeElement?.getBoundingClientRect().width ?? 0,
    }));
    // It says where it goes: the parts' heading, which the parts' links and then their events follow.
    expect(skip.text.trim()).toBe('Skip the chart’s marks: go to the parts and their events');
    expect(skip.width).toBeGreaterThan(0);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.classList.contains('tl-l'))).resolves.toBe(true);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL('**#parts');
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => {
      const active = document.activeElement!;
      return {
        inChart: Boolean(active.closest('[data-chart]')),
        afterList:
          Boolean(
            document.getElementById('parts')!.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING,
          ) || document.getElementById('parts')!.contains(active),
      };
    });
    expect(next).toEqual({ inChart: false, afterList: true });
    await context.close();
  });

  /** The lanes the chart shows, by id, and the ids of the events whose marks show (in a shown lane). */
  const chartShows = async (page: Page) =>
    page.locator('[data-chart]').evaluate((chart) => ({
      lanes: [...chart.querySelectorAll<HTMLElement>('[data-lane]')]
        .filter((lane) => lane.checkVisibility())
        .map((lane) => lane.dataset['lane']),
      marks: [...chart.querySelectorAll<HTMLAnchorElement>('.tl-l')]
        .filter((link) => link.checkVisibility())
        .map((link) => link.hash.slice(1)),
      glyphs: [...chart.querySelectorAll<HTMLElement>('.tl-g')].filter((glyph) => glyph.checkVisibility()).length,
      status: document.querySelector('form[data-filter-form] output')?.textContent ?? '',
    }));
  const listedIds = async (page: Page) =>
    page.evaluate(() =>
      [...document.querySelectorAll('li[data-issues]')]
        .filter((item) => !(item as HTMLElement).hidden)
        .map((item) => item.querySelector('a[id]')!.id),
    );

  for (const width of [1280, 390])
    it(`under an issue filter shows only that issue’s lane, its marks those of the entries listed, as the status counts (${width} px)`, async () => {
      for (const issue of ['energy', 'sanctions']) {
        const { context, page } = await open(`${timelineUrl()}?issue=${issue}`, { viewport: { width, height: 800 } });
        const ids = await listedIds(page);
        expect(ids.length).toBeGreaterThan(0);
        const shows = await chartShows(page);
        // The meeting belongs to every issue: before the fix each of its lanes showed it under "Energy".
        expect(shows.lanes).toEqual([issue]);
        expect(new Set(shows.marks)).toEqual(new Set(ids));
        expect(shows.marks).toHaveLength(ids.length);
        expect(shows.glyphs).toBe(ids.length);
        expect(shows.status).toBe(`Showing ${ids.length} of ${await page.locator('li[data-issues]').count()} here`);
        await context.close();
      }
    });

  it('follows a filter: only the chosen events keep their marks, lanes left empty hide, "Show all" brings them back', async () => {
    const { context, page } = await open(timelineUrl());
    const all = await chartShows(page);
    // A person filter: each lane that holds a listed event's mark shows, and only those.
    const person = await page.locator('select[name="person"] option').nth(1).getAttribute('value');
    await page.selectOption('select[name="person"]', person!);
    await expect.poll(async () => (await chartShows(page)).marks.length).toBeLessThan(all.marks.length);
    const ids = await listedIds(page);
    const shows = await chartShows(page);
    expect(new Set(shows.marks)).toEqual(new Set(ids));
    const withMarks = await page
      .locator('[data-chart] [data-lane]')
      .evaluateAll((lanes) =>
        lanes
          .filter((lane) => lane.querySelector('.tl-l:not([hidden])'))
          .map((lane) => (lane as HTMLElement).dataset['lane']),
      );
    expect(shows.lanes).toEqual(withMarks);
    expect(shows.lanes.length).toBeLessThan(all.lanes.length);
    // From that person to an issue, then back to all: the lanes follow each change.
    await page.selectOption('select[name="person"]', '');
    await page.selectOption('select[name="issue"]', 'energy');
    await expect.poll(async () => (await chartShows(page)).lanes).toEqual(['energy']);
    await page.getByRole('button', { name: 'Show all' }).click();
    await expect.poll(async () => (await chartShows(page)).lanes).toEqual(all.lanes);
    expect((await chartShows(page)).marks.length).toBe(await page.locator('[data-chart] .tl-l').count());
    await context.close();
  });

  it('shows undated entries as undated: in the chart, in the overview and on their part', async () => {
    const { context, page } = await open(timelineUrl());
    const undated = await page.locator('[data-chart] .tl-l.undated').evaluateAll((links) =>
      links.map((link) => ({
        id: (link as HTMLAnchorElement).hash.slice(1),
        text: (link as HTMLElement).innerText,
        glyph: link.previousElementSibling!.className,
      })),
    );
    expect(new Set(undated.map((mark) => mark.id))).toEqual(
      new Set([
        'petro-murderer-hitler',
        'colombia-previews-agenda',
        'temporary-visa',
        'trump-pre-visit-remarks',
        'idarraga-extradition-record',
        // The year of tensions as the LA Times tells it, with no time word: after Trump's return, before the meeting.
        'deportation-flights-refused',
        'tariff-threat',
        'un-general-assembly-speech',
        'visa-revoked',
        'decertification',
        'aid-halted',
        'ambassador-recalled',
      ]),
    );
    for (const mark of undated) {
      expect(mark.text).toContain('date not given');
      expect(mark.glyph).toContain('relative');
    }
    // In the overview's list: under a heading that gives no month, never under one.
    const headings = await page.evaluate(() =>
      ['petro-murderer-hitler', 'temporary-visa'].map((id) => {
        const group = document.getElementById(id)!.closest('[data-filter-group]')!;
        return group.querySelector('.filed')?.textContent?.trim() ?? '';
      }),
    );
    expect(headings).toEqual(['Date not given, before 3 February 2026', 'Date not given, before 3 February 2026']);
    await context.close();
    const part = await open(`/timeline/2026-february/`);
    const entry = await part.page.evaluate(() =>
      ['petro-murderer-hitler', 'temporary-visa'].map((id) => {
        const item = document.getElementById(id)!;
        const when = item.querySelector('.when')!;
        return {
          heading: item.closest('[data-filter-group]')!.querySelector('.filed')?.firstChild?.textContent?.trim(),
          when: when.textContent!.replace(/\s+/g, ' ').trim(),
          times: [...when.querySelectorAll('time')].map((time) => [time.getAttribute('datetime'), time.textContent]),
          more: [...item.querySelectorAll('.when-more time')].map((time) => [
            time.getAttribute('datetime'),
            time.textContent,
          ]),
          detail: item.querySelector('.when-more p')!.textContent!.replace(/\s+/g, ' ').trim(),
          h1: document.querySelector('h1')!.textContent,
        };
      }),
    );
    // The line says only "Date not given" and what it precedes; its bounds, each a date, one click away.
    expect(entry[0]).toMatchObject({
      heading: 'Date not given, before 3 February 2026',
      when: 'Date not given · before Trump and Petro meet at the White House',
      times: [],
      more: [['2026-02-03', '3 February 2026']],
    });
    expect(entry[0]!.detail).toMatch(/Before 3 February 2026, date not given\.$/);
    // Both bounds are dates; the entry itself has none ("between" is not a day).
    expect(entry[1]).toMatchObject({
      more: [
        ['2026-01-07', '7 January'],
        ['2026-02-03', '3 February 2026'],
      ],
    });
    expect(entry[1]!.detail).toMatch(/Between 7 January and 3 February 2026, date not given\.$/);
    expect(entry[0]!.h1).toBe('Timeline of tensions: Week of 2 February 2026, and entries without a date');
    // After something of the week of 2 February and reported by the LA Times of 3 February: never later than that
    // day, in its heading as in its date line (as its arrow on the chart ends at 3 February).
    const reported = await part.page.evaluate(() => {
      const item = document.getElementById('idarraga-extradition-record')!;
      return {
        heading: item.closest('[data-filter-group]')!.querySelector('.filed')?.firstChild?.textContent?.trim(),
        detail: item.querySelector('.when-more p')!.textContent!.replace(/\s+/g, ' ').trim(),
        more: [...item.querySelectorAll('.when-more time')].map((time) => time.getAttribute('datetime')),
      };
    });
    expect(reported.heading).toBe('Date not given, in the week of 2 February, by 3 February 2026');
    expect(reported.detail).toMatch(/In the week of 2 February, by 3 February 2026, date not given\.$/);
    expect(reported.more).toEqual(['2026-W06', '2026-02-03']);
    await part.context.close();
  });

  for (const width of [1280, 390]) {
    it(`ends each undated entry’s arrow within its bounds at ${width} px: what it precedes, or the day it was reported`, async () => {
      const { context, page } = await open(timelineUrl(), { viewport: { width, height: 900 } });
      const seen = await page.evaluate(() => {
        const box = (element: Element) => {
          const { left, right, top, bottom } = element.getBoundingClientRect();
          return { left, right, top, bottom };
        };
        const day = [...document.querySelectorAll('.tl-finer.day')].find(
          (item) => item.textContent?.trim() === '3 Feb',
        );
        return {
          meeting: box(document.querySelector('.tl-landmark.line')!),
          day: day && box(day),
          before: day?.previousElementSibling && box(day.previousElementSibling),
          arrows: [...document.querySelectorAll<HTMLAnchorElement>('[data-chart] .tl-l.undated')].map((label) => ({
            id: label.hash.slice(1),
            glyph: box(label.previousElementSibling!),
            label: box(label),
            lane: box(label.closest('[data-lane]')!),
          })),
        };
      });
      expect(seen.arrows.length).toBeGreaterThan(0);
      for (const arrow of seen.arrows) {
        // Drawn within its lane, beside its own label, on a phone as across time.
        expect(arrow.glyph.left, arrow.id).toBeGreaterThanOrEqual(arrow.lane.left);
        expect(arrow.glyph.right, arrow.id).toBeLessThanOrEqual(arrow.lane.right);
        expect(arrow.glyph.top, arrow.id).toBeGreaterThanOrEqual(arrow.label.top - 1);
        expect(arrow.glyph.bottom, arrow.id).toBeLessThanOrEqual(arrow.label.bottom + 1);
        if (width < 900) continue;
        // Every undated entry precedes the meeting or was reported on its day: it ends at the meeting's line,
        // never past it into the days after (an arrow past it would read as after the meeting).
        expect(arrow.glyph.right, arrow.id).toBeLessThanOrEqual(seen.meeting.left + 1);
        if (arrow.id === 'idarraga-extradition-record') {
          // After something of the week of 2 February, reported by the LA Times of 3 February: from that week's
          // first day (in the shortened stretch before 3 February) to the meeting's line, the dot of 3 February.
          expect(arrow.glyph.right).toBeGreaterThanOrEqual(seen.meeting.left - 1);
          expect(arrow.glyph.left).toBeGreaterThanOrEqual(seen.before!.left - 1);
          expect(arrow.glyph.left).toBeLessThan(seen.day!.left);
        }
      }
      await context.close();
    });
  }

  it('keeps a label off a shortened (grey) stretch its mark does not reach, at 1280 px: "Trump insults Petro" stays in January', async () => {
    const { context, page } = await open(timelineUrl(), { viewport: { width: 1280, height: 900 } });
    const seen = await page.evaluate(() => {
      const gaps = [...document.querySelectorAll('.tl-axis .tl-finer.gap')].map(
        (gap) => gap.getBoundingClientRect().left,
      );
      return {
        gaps,
        marks: [...document.querySelectorAll<HTMLAnchorElement>('[data-chart] .tl-l')].map((label) => {
          // The words a reader sees (the date is for screen readers only at this width, 1 px wide).
          const words = [...label.childNodes]
            .filter((node) => !(node instanceof HTMLElement && node.classList.contains('tl-d')))
            .flatMap((node) => {
              const range = document.createRange();
              range.selectNodeContents(node);
              return [...range.getClientRects()].filter((rect) => rect.width > 1 && rect.height > 1);
            });
          return {
            id: label.hash.slice(1),
            glyphRight: (label.previousElementSibling as HTMLElement).getBoundingClientRect().right,
            wordsRight: Math.max(...words.map((rect) => rect.right)),
          };
        }),
      };
    });
    expect(seen.gaps.length).toBeGreaterThan(0);
    for (const mark of seen.marks)
      for (const gap of seen.gaps)
        if (mark.glyphRight <= gap + 1)
          expect(mark.wordsRight, `${mark.id} over the stretch at ${gap}`).toBeLessThanOrEqual(gap + 1);
    expect(seen.marks.filter((mark) => mark.id === 'trump-sick-man-remark').length).toBeGreaterThan(0);
    await context.close();
  });

  it('keeps each lane’s name with its marks on a phone: a list per lane, nothing scrolled sideways, each mark with its date', async () => {
    const { context, page } = await open(timelineUrl(), { viewport: { width: 390, height: 844 } });
    const sizes = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      viewport: innerWidth,
      chart: document.querySelector('[data-chart]')!.scrollWidth,
      box: document.querySelector('[data-chart]')!.clientWidth,
    }));
    expect(sizes.page).toBe(sizes.viewport);
    expect(sizes.chart).toBeLessThanOrEqual(sizes.box);
    const marks = await chartMarks(page);
    for (const mark of marks) {
      expect(mark.shown && !mark.clipped).toBe(true);
      expect(mark.box.top).toBeGreaterThan(mark.laneTop);
      expect(mark.box.right).toBeLessThanOrEqual(390);
      // The date shows on a phone, where the mark has no place on an axis.
      expect(mark.text).toMatch(/\d{4}|date not given/);
    }
    await context.close();
  });

  // 1024 px: about the narrowest the chart is drawn across time at, where its labels have least room.
  for (const width of [1280, 1024, 1440, 390])
    it(`places every label by its own mark at ${width} px: level with it, over no other label, inside its mark’s years, never across the meeting’s line from before it`, async () => {
      const { context, page } = await open(timelineUrl(), { viewport: { width, height: 900 } });
      const seen = await page.evaluate(() => {
        const box = (rect: DOMRect) => ({ left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom });
        const axis = document.querySelector<HTMLElement>('.tl-axis')!;
        const years = [...document.querySelectorAll<HTMLElement>('.tl-year')].map((year) =>
          box(year.getBoundingClientRect()),
        );
        const grid = document.querySelector('.tl-axis .tl-grid')!.getBoundingClientRect();
        const line = document.querySelector('.tl-landmark.line')!.getBoundingClientRect();
        return {
          axisShown: axis.checkVisibility(),
          years,
          columns: getComputedStyle(document.querySelector('.tl-lane .tl-grid')!).gridTemplateColumns.split(' ').length,
          gridWidth: grid.width,
          lineLeft: line.left,
          marks: [...document.querySelectorAll<HTMLAnchorElement>('[data-chart] .tl-l')].map((label) => {
            const glyph = label.previousElementSibling as HTMLElement;
            // The words a reader sees at this width (at 1280 px the date is for screen readers only, 1 px wide).
            const words = [...label.childNodes]
              .filter((node) => !(node instanceof HTMLElement && node.classList.contains('tl-d')))
              .flatMap((node) => {
                const range = document.createRange();
                range.selectNodeContents(node);
                return [...range.getClientRects()].filter((rect) => rect.width > 1 && rect.height > 1).map(box);
              });
            // The first line of its date (a long one wraps on a phone).
            const dateRange = document.createRange();
            dateRange.selectNodeContents(label.querySelector('.tl-d')!);
            const date =
              [...dateRange.getClientRects()].find((rect) => rect.height > 1) ?? dateRange.getBoundingClientRect();
            return {
              id: `${label.closest('[data-lane]')!.getAttribute('data-lane')} ${label.hash}`,
              kind: glyph.classList.contains('relative') ? 'arrow' : glyph.classList.contains('day') ? 'dot' : 'bar',
              glyph: box(glyph.getBoundingClientRect()),
              label: box(label.getBoundingClientRect()),
              date: box(date),
              words,
            };
          }),
        };
      });
      expect(seen.marks.length).toBeGreaterThan(60);
      const problems: string[] = [];
      const intersect = (a: { left: number; right: number; top: number; bottom: number }, b: typeof a) =>
        a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
      for (const mark of seen.marks) {
        const centre = (mark.glyph.top + mark.glyph.bottom) / 2;
        // Within its label's box vertically (N = 1 px).
        if (centre < mark.label.top - 1 || centre > mark.label.bottom + 1)
          problems.push(`${mark.id}: mark ${Math.round(centre - mark.label.top)} px from its label's top`);
        if (width > 900) {
          // Level with it: a dot or a bar centred on its label (2 px); an arrow along the label's foot, under its
          // words, each arrow at the same place (4 to 10 px above the box's bottom).
          const offset =
            mark.kind === 'arrow'
              ? mark.label.bottom - centre
              : Math.abs(centre - (mark.label.top + mark.label.bottom) / 2);
          if (mark.kind === 'arrow' ? offset < 4 || offset > 10 : offset > 2)
            problems.push(
              `${mark.id}: ${mark.kind} ${Math.round(offset)} px off its label's ${mark.kind === 'arrow' ? 'foot' : 'middle'}`,
            );
          if (
            mark.kind === 'arrow' &&
            mark.words.some(
              (rect) => rect.left < mark.glyph.right && mark.glyph.left < rect.right && rect.bottom > centre,
            )
          )
            problems.push(`${mark.id}: arrow through its label's words`);
        } else {
          // A list: the mark level with the label's first line (its date), as every other mark of the list.
          const first = (mark.date.top + mark.date.bottom) / 2; // its first line's middle
          if (Math.abs(centre - first) > 3)
            problems.push(`${mark.id}: mark ${Math.round(centre - first)} px from its date line's middle`);
        }
        for (const other of seen.marks) {
          if (other === mark) continue;
          if (intersect(mark.label, other.label)) problems.push(`${mark.id}: label over the label of ${other.id}`);
        }
      }
      if (width > 900) {
        expect(seen.axisShown).toBe(true);
        // The period columns: the axis's years, each up to where the next begins (a boundary inside a column is the
        // next year's). A mark is in the years its glyph covers: a dot by its middle (wider than its column), a bar
        // or an arrow without its last column (rounded up to a whole one).
        const column = seen.gridWidth / seen.columns;
        const own = seen.years.map((year, at) => ({ left: year.left, right: seen.years[at + 1]?.left ?? year.right }));
        const line = seen.lineLeft + column / 2;
        for (const mark of seen.marks) {
          const middle = (mark.glyph.left + mark.glyph.right) / 2;
          const [from, to] =
            mark.kind === 'dot'
              ? [middle, middle]
              : [mark.glyph.left, Math.max(mark.glyph.left + 0.5, mark.glyph.right - column)];
          const covered = own.filter((year) => year.left < to + 0.01 && from < year.right - 0.01);
          const left = Math.min(mark.kind === 'dot' ? middle : mark.glyph.left, ...covered.map((year) => year.left));
          const right = Math.max(mark.kind === 'dot' ? middle : mark.glyph.right, ...covered.map((year) => year.right));
          if (covered.length === 0 || mark.label.left < left - 1 || mark.label.right > right + 1)
            problems.push(
              `${mark.id}: label ${Math.round(mark.label.left)}–${Math.round(mark.label.right)} px outside its years ${Math.round(left)}–${Math.round(right)}`,
            );
          // The meeting's line: the words of a mark before it stay left of it.
          if (mark.glyph.right < line && mark.words.some((rect) => rect.right > line))
            problems.push(`${mark.id}: label across the meeting's line`);
          // A bar's label is inside it or outside it, never across one of its edges (1 px), where the edge would
          // cut through its words.
          const inside = mark.label.left >= mark.glyph.left - 1 && mark.label.right <= mark.glyph.right + 1;
          const outside = mark.label.right <= mark.glyph.left + 1 || mark.label.left >= mark.glyph.right - 1;
          if (mark.kind === 'bar' && !inside && !outside)
            problems.push(
              `${mark.id}: label ${Math.round(mark.label.left)}–${Math.round(mark.label.right)} px across an edge of its bar ${Math.round(mark.glyph.left)}–${Math.round(mark.glyph.right)}`,
            );
        }
        // The January bars that stop at the thaw's start (7 January) carry their labels after them.
        for (const id of ['petro-kidnapped-dare', 'trump-military-threat']) {
          const marks = seen.marks.filter((mark) => mark.id.endsWith(`#${id}`));
          expect(marks.length, id).toBeGreaterThan(0);
          for (const mark of marks) expect(mark.label.left, mark.id).toBeGreaterThanOrEqual(mark.glyph.right - 1);
        }
      } else expect(seen.axisShown, 'a list at this width: no period columns').toBe(false);
      expect(problems).toEqual([]);
      await context.close();
    });

  it('reads without JavaScript: every mark and its label shown', async () => {
    const { context, page } = await open(timelineUrl(), { javaScriptEnabled: false });
    const marks = await chartMarks(page);
    expect(marks.length).toBeGreaterThan(60);
    expect(marks.every((mark) => mark.shown && mark.text.length > 0)).toBe(true);
    await context.close();
  });
});

describe('links published before the split', () => {
  const { aliases } = parseAliases(
    'aliases.yaml',
    readFileSync(join(projectRoot, 'content', 'addresses', 'aliases.yaml'), 'utf8'),
  );
  const moved = aliases.fragments.filter((alias) => alias.page === timelineUrl() && alias.toPage !== undefined);

  it('are all aliased to the entry’s new page', () => {
    const ids = parts.flatMap((path) =>
      [...html(path).matchAll(/<li id="([^"]+)"[^>]*data-issues/g)].map((match) => `${path}#${match[1]}`),
    );
    expect(moved.map((alias) => `${alias.toPage}#${alias.to}`).sort()).toEqual(ids.sort());
  });

  for (const index of [0, moved.length - 1]) {
    it(`land on the entry on its new page: /timeline/#${moved[index]?.from}`, async () => {
      const alias = moved[index]!;
      const { context, page, errors } = await open(`${timelineUrl()}#${alias.from}`);
      await page.waitForURL(`**${alias.toPage}#${alias.to}`);
      const entry = page.locator(`[id="${alias.to}"]`);
      await expect(entry.evaluate((element) => element.matches(':target'))).resolves.toBe(true);
      await expect(entry.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
      const box = await entry.boundingBox();
      expect(box && box.y >= 0 && box.y < 800).toBe(true);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('without JavaScript land on a visible link to the entry’s new place', async () => {
    const alias = moved[1]!;
    const { context, page } = await open(`${timelineUrl()}#${alias.from}`, { javaScriptEnabled: false });
    const link = page.locator(`[id="${alias.from}"]`);
    await expect(link.evaluate((element) => element.matches(':target'))).resolves.toBe(true);
    await expect(link.isVisible()).resolves.toBe(true);
    await link.click();
    await page.waitForURL(`**${alias.toPage}#${alias.to}`);
    await expect(page.locator(`[id="${alias.to}"]`).evaluate((element) => element.matches(':target'))).resolves.toBe(
      true,
    );
    await context.close();
  });
});

/** What the filtered page shows: the ids of visible entries, all entries' facet values, the form's values and status. */
const state = (page: Page) =>
  page.evaluate(() => {
    const entries = [...document.querySelectorAll<HTMLElement>('[data-issues]')];
    const shown = (element: Element) => (element as HTMLElement).offsetParent !== null;
    return {
      formShown: shown(document.querySelector('form[data-filter-form]')!),
      all: entries.map((entry) => ({
        id: entry.id,
        issues: entry.dataset['issues']?.split(' ') ?? [],
        people: entry.dataset['people']?.split(' ') ?? [],
        shown: shown(entry),
      })),
      values: Object.fromEntries(
        [...document.querySelectorAll('form[data-filter-form] select')].map((select) => [
          (select as HTMLSelectElement).name,
          (select as HTMLSelectElement).value,
        ]),
      ),
      status: document.querySelector('form[data-filter-form] output')?.textContent ?? '',
    };
  });

describe('filters', () => {
  const lastPart = parts.at(-1)!;

  it('load their state from the URL: the right entries show, and the form says so', async () => {
    const issue = [...html(lastPart).matchAll(/data-issues="([^"]+)"/g)]
      .flatMap((match) => match[1]!.split(' '))
      .find((value, _, all) => all.filter((other) => other === value).length >= 2)!;
    const { context, page, errors } = await open(`${lastPart}?issue=${issue}`);
    const seen = await state(page);
    expect(seen.formShown).toBe(true);
    expect(seen.values['issue']).toBe(issue);
    const expected = seen.all.filter((entry) => entry.issues.includes(issue));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(seen.all.length);
    expect(seen.all.filter((entry) => entry.shown).map((entry) => entry.id)).toEqual(expected.map((entry) => entry.id));
    expect(seen.status).toBe(`Showing ${expected.length} of ${seen.all.length} here`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('write each change to the URL, so a reload (or a shared link) shows the same view; "Show all" clears it', async () => {
    const { context, page } = await open(lastPart);
    const person = await page.locator('select[name="person"] option').nth(1).getAttribute('value');
    await page.selectOption('select[name="person"]', person!);
    await page.waitForURL(`**${lastPart}?person=${person}`);
    const before = await state(page);
    expect(before.all.filter((entry) => entry.shown).every((entry) => entry.people.includes(person!))).toBe(true);
    await page.reload();
    const after = await state(page);
    expect(after.values['person']).toBe(person);
    expect(after.all.map((entry) => entry.shown)).toEqual(before.all.map((entry) => entry.shown));
    await page.getByRole('button', { name: 'Show all' }).click();
    await page.waitForURL(`**${lastPart}`);
    expect((await state(page)).all.every((entry) => entry.shown)).toBe(true);
    await context.close();
  });

  it('update the counts the overview and the parts show: the introduction’s, each part’s; nothing matching says what to do', async () => {
    const counts = (page: Page) =>
      page.evaluate(() =>
        // The contents' copies of headings' counts aside (tested below).
        [...document.querySelectorAll<HTMLElement>('main [data-filter-count]:not(.toc *)')].map((count) => {
          const group = count.closest('[data-filter-group]');
          const scope = group ?? document;
          return {
            text: count.textContent!.trim(),
            total: scope.querySelectorAll('[data-issues]').length,
            shown: [...scope.querySelectorAll<HTMLElement>('[data-issues]')].filter(
              (entry) => entry.offsetParent !== null,
            ).length,
            visible: (group ?? count).checkVisibility(),
          };
        }),
      );
    const { context, page, errors } = await open(timelineUrl());
    const built = await counts(page);
    // The introduction counts every event; each part's heading its own, as built ("14 events").
    expect(built.length).toBe(parts.length + 1);
    for (const count of built) expect(count.text).toBe(`${count.total} events`);
    const issue = await page.locator('select[name="issue"] option').nth(1).getAttribute('value');
    await page.selectOption('select[name="issue"]', issue!);
    const filtered = await counts(page);
    expect(filtered[0]!.shown).toBeLessThan(filtered[0]!.total);
    for (const count of filtered.filter((item) => item.visible))
      expect(count.text).toBe(`${count.shown} of ${count.total} events`);
    // A part with nothing left hides with its count; the shown parts' counts add up to the introduction's.
    const shownParts = filtered.slice(1).filter((item) => item.visible);
    expect(shownParts.reduce((sum, item) => sum + item.shown, 0)).toBe(filtered[0]!.shown);
    // On a part, its introduction's count follows the same filter.
    const partPath = parts.find((path) => html(path).includes(issue!))!;
    await page.goto(`${baseUrl}${partPath}?issue=${issue}`);
    const [part] = await counts(page);
    expect(part!.shown).toBeGreaterThan(0);
    expect(part!.text).toBe(`${part!.shown} of ${part!.total} events`);
    // Its links to the overview and its neighbours carry the filter there.
    for (const href of await page
      .locator('nav.parts a')
      .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href)))
      expect(new URL(href).search).toBe(`?issue=${issue}`);
    // Two choices no entry has together: the form says what to do, "Show all" brings back every entry and count.
    const values = await state(page);
    const person = await page.locator('select[name="person"] option').evaluateAll(
      (options, shownPeople) =>
        (options as HTMLOptionElement[])
          .map((option) => option.value)
          .find((value) => value && !shownPeople.includes(value)),
      values.all.filter((entry) => entry.shown).flatMap((entry) => entry.people),
    );
    expect(person).toBeDefined();
    await page.selectOption('select[name="person"]', person!);
    const none = await state(page);
    expect(none.all.some((entry) => entry.shown)).toBe(false);
    expect(none.status).toBe('Nothing here matches these filters: choose others above, or Show all.');
    expect((await counts(page))[0]!.text).toBe(`0 of ${part!.total} events`);
    await page.getByRole('button', { name: 'Show all' }).click();
    expect((await counts(page))[0]!.text).toBe(`${part!.total} events`);
    expect((await state(page)).all.every((entry) => entry.shown)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('update the contents of a part as its headings: "(2 of 9 events)", "(0 of 3 events)" for a section emptied; Show all clears them', async () => {
    /** Each contents entry: its count, its heading's, whether the heading shows, how many of its entries show. */
    const contents = (page: Page) =>
      page.locator('nav.toc a').evaluateAll((links) =>
        links.map((link) => {
          const heading = document.querySelector((link as HTMLAnchorElement).hash)!;
          const count = link.querySelector('[data-filter-count]');
          const entries = [...heading.closest('[data-filter-group]')!.querySelectorAll<HTMLElement>('[data-issues]')];
          return {
            id: heading.id,
            entry: count?.textContent,
            heading: heading.querySelector('[data-filter-count]')?.textContent,
            brackets: count && [
              getComputedStyle(count, '::before').content,
              getComputedStyle(count, '::after').content,
            ],
            shown: heading.checkVisibility(),
            entries: entries.length,
            entriesShown: entries.filter((entry) => entry.checkVisibility()).length,
          };
        }),
      );
    // A part with two sections or more, and an issue that leaves one of its sections empty and another not.
    const choice = parts
      .map((path) => {
        const sections = [...html(path).matchAll(/<section aria-labelledby="filed-[^]*?<\/section>/g)].map((match) =>
          [...match[0].matchAll(/data-issues="([^"]*)"/g)].flatMap((entry) => entry[1]!.split(' ')),
        );
        const issue = [...new Set(sections.flat())].find(
          (value) =>
            sections.some((issues) => issues.includes(value)) && sections.some((issues) => !issues.includes(value)),
        );
        return { path, issue };
      })
      .find((part) => part.issue !== undefined)!;
    expect(choice).toBeDefined();
    for (const width of [1280, 390]) {
      const { context, page, errors } = await open(choice.path, { viewport: { width, height: 844 } });
      const built = await contents(page);
      expect(built.length).toBeGreaterThan(1);
      // As built, no count is written, so none shows, in the heading or the contents.
      for (const entry of built) {
        expect(entry.entry, entry.id).toBe('');
        expect(entry.heading, entry.id).toBe('');
        expect(entry.brackets, entry.id).toEqual(['none', 'none']);
      }
      await page.selectOption('select[name="issue"]', choice.issue!);
      const filtered = await contents(page);
      for (const entry of filtered) {
        expect(entry.entry, entry.id).toBe(
          `${entry.entriesShown} of ${entry.entries} event${entry.entries === 1 ? '' : 's'}`,
        );
        expect(entry.entry, entry.id).toBe(entry.heading);
        expect(entry.brackets, entry.id).toEqual(['"("', '")"']);
      }
      // The section the filter emptied is hidden, and its entry in the contents says so: "(0 of 3 events)".
      const emptied = filtered.filter((entry) => !entry.shown);
      expect(emptied.length).toBeGreaterThan(0);
      for (const entry of emptied) expect(entry.entry, entry.id).toMatch(/^0 of /);
      expect(filtered.some((entry) => entry.shown && entry.entriesShown > 0)).toBe(true);
      // Its name, as the contents give it (brackets included), on a phone too, once "On this page" is open.
      if (width === 390) await page.locator('nav.toc summary').click();
      const label = await page
        .locator(`nav.toc a[href="#${emptied[0]!.id}"]`)
        .evaluate((link) => link.firstChild!.textContent);
      await expect(
        page
          .locator('nav.toc')
          .getByRole('link', { name: `${label}(${emptied[0]!.entry})`, exact: true })
          .isVisible(),
      ).resolves.toBe(true);
      await page.getByRole('button', { name: 'Show all' }).click();
      expect(await contents(page)).toEqual(built);
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('ignore a value no entry has, showing everything', async () => {
    const { context, page } = await open(`${lastPart}?issue=no-such-issue&person=`);
    const seen = await state(page);
    expect(seen.values['issue']).toBe('');
    expect(seen.all.every((entry) => entry.shown)).toBe(true);
    await context.close();
  });

  for (const path of [timelineUrl(), quotationsUrl(), sourcesUrl()]) {
    it(`narrow ${path} by issue, hiding groups left empty`, async () => {
      const { context, page } = await open(path);
      const value = await page.locator('select[name="issue"] option').nth(1).getAttribute('value');
      await page.selectOption('select[name="issue"]', value!);
      const seen = await state(page);
      expect(seen.all.filter((entry) => entry.shown).map((entry) => entry.id)).toEqual(
        seen.all.filter((entry) => entry.issues.includes(value!)).map((entry) => entry.id),
      );
      const emptyGroupsShown = await page.evaluate(
        () =>
          [...document.querySelectorAll<HTMLElement>('[data-filter-group]')].filter(
            (group) =>
              group.offsetParent !== null &&
              ![...group.querySelectorAll<HTMLElement>('[data-issues]')].some((entry) => entry.offsetParent !== null),
          ).length,
      );
      expect(emptyGroupsShown).toBe(0);
      await context.close();
    });
  }

  for (const path of [
    `${lastPart}?issue=sanctions`,
    `${quotationsUrl()}?person=donald-trump`,
    `${sourcesUrl()}?issue=sanctions`,
  ]) {
    it(`without JavaScript show every entry and no form (${path})`, async () => {
      const { context, page } = await open(path, { javaScriptEnabled: false });
      const seen = await state(page);
      expect(seen.formShown).toBe(false);
      expect(seen.all.length).toBeGreaterThan(0);
      expect(seen.all.every((entry) => entry.shown)).toBe(true);
      await context.close();
    });
  }
});
