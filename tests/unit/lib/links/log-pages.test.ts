import { describe, expect, it } from 'vitest';
import {
  latestLogDays,
  LOG_LATEST_ENTRIES,
  LOG_PAGE,
  logDayLabel,
  logEntryWeight,
  logPageCount,
  logPageLabel,
  paginateLog,
  type LogPage,
} from '../../../../src/lib/links/log-pages.ts';

interface Entry {
  id: string;
  date: string;
  affects: string[];
}

/** `count` entries published on `date`, each touching `touches` entries. */
const day = (date: string, count: number, touches = 0): Entry[] =>
  Array.from({ length: count }, (_, index) => ({
    id: `${date}-${String(index + 1).padStart(3, '0')}`,
    date,
    affects: Array.from({ length: touches }, (__, ref) => `events/e${ref}`),
  }));

/** Each page as its days, newest first: "date×count" ("date/part×count" for a further part of a day). */
const shape = (pages: readonly LogPage<Entry>[]): string[][] =>
  pages.map((page) => page.days.map((d) => `${d.date}${d.part > 1 ? `/${d.part}` : ''}×${d.items.length}`));

/** Where each entry is: its page number, by id. */
const placeOf = (pages: readonly LogPage<Entry>[]): Map<string, number> =>
  new Map(pages.flatMap((page) => page.days.flatMap((d) => d.items.map((entry) => [entry.id, page.number] as const))));

describe('paginateLog', () => {
  it('fills pages with whole days from the oldest, and lists each page newest first', () => {
    const log = [...day('2026-12-07', 3), ...day('2026-11-22', 2), ...day('2026-12-03', 4)];
    expect(shape(paginateLog(log, { capacity: 6, whole: 6 }, () => 1))).toEqual([
      ['2026-12-03×4', '2026-11-22×2'],
      ['2026-12-07×3'],
    ]);
    expect(paginateLog(log, { capacity: 6, whole: 6 }, () => 1).map((page) => page.number)).toEqual([1, 2]);
  });

  it('keeps a day together: a day that does not fit what is left of a page opens the next one', () => {
    const log = [...day('2026-12-01', 4), ...day('2026-12-02', 3)];
    // 4 + 3 > 6: the second day is not split to fill the first page.
    expect(shape(paginateLog(log, { capacity: 6, whole: 6 }, () => 1))).toEqual([['2026-12-01×4'], ['2026-12-02×3']]);
  });

  it('cuts only a day heavier than a page into parts, each filling a page, later days joining its last part', () => {
    const log = [...day('2026-12-01', 2), ...day('2026-12-07', 14), ...day('2026-12-08', 1)];
    expect(shape(paginateLog(log, { capacity: 6, whole: 6 }, () => 1))).toEqual([
      ['2026-12-01×2'],
      ['2026-12-07×6'],
      ['2026-12-07/2×6'],
      ['2026-12-08×1', '2026-12-07/3×2'],
    ]);
    // Within a day, the log's order is kept from part to part.
    const parts = paginateLog(log, { capacity: 6, whole: 6 }, () => 1).flatMap((page) =>
      page.days.filter((d) => d.date === '2026-12-07'),
    );
    expect(parts.flatMap((d) => d.items.map((entry) => entry.id))).toEqual(day('2026-12-07', 14).map((e) => e.id));
  });

  it('weighs an entry by what it touched (LOG_PAGE), and gives an entry heavier than a page a page of its own', () => {
    expect(logEntryWeight({ date: '2026-12-07', affects: [] })).toBe(LOG_PAGE.entry);
    expect(logEntryWeight({ date: '2026-12-07', affects: ['a', 'b', 'c', 'd'] })).toBe(LOG_PAGE.entry + 1);
    const heavy = day('2026-12-02', 1, 400);
    const pages = paginateLog([...day('2026-12-01', 1), ...heavy, ...day('2026-12-03', 1)]);
    expect(shape(pages)).toEqual([['2026-12-01×1'], ['2026-12-02×1'], ['2026-12-03×1']]);
  });

  it('is stable: a new entry, published after every other, changes no page but the last (or opens one)', () => {
    // A log growing day by day, as the real one does: entries of varied weight, up to 9 a day, and now and
    // then a day of 70 (more than a page holds: cut into parts).
    const grown: Entry[] = [];
    let before = paginateLog(grown);
    for (let n = 0; n < 120; n += 1) {
      const date = `2027-${String(1 + Math.floor(n / 28)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
      for (const entry of day(date, n % 13 === 6 ? 70 : 1 + ((n * 7) % 9), n % 5)) {
        grown.push(entry);
        const after = paginateLog(grown);
        // Every page but the last keeps exactly its entries.
        for (const page of before.slice(0, -1)) expect(after[page.number - 1]).toEqual(page);
        before = after;
      }
    }
    expect(before.length).toBeGreaterThan(20);
  });

  it("keeps a day heavier than a page's capacity whole on a page of its own while it fits a whole page", () => {
    const log = [...day('2026-12-03', 4), ...day('2026-12-07', 8), ...day('2026-12-08', 2)];
    expect(shape(paginateLog(log, { capacity: 6, whole: 8 }, () => 1))).toEqual([
      ['2026-12-03×4'],
      ['2026-12-07×8'],
      ['2026-12-08×2'],
    ]);
    // One more entry that day, and it is cut into parts of the page's capacity.
    expect(shape(paginateLog([...log, ...day('2026-12-07', 9).slice(8)], { capacity: 6, whole: 8 }, () => 1))).toEqual([
      ['2026-12-03×4'],
      ['2026-12-07×6'],
      ['2026-12-08×2', '2026-12-07/2×3'],
    ]);
    // Today's log (22 entries on 3 December, 38 weighing 64¾ on 7 December): 7 December whole on one page.
    expect(LOG_PAGE.whole).toBeGreaterThan(64.75);
  });

  it('holds a page to its capacity (a lone day to a whole page) however long the log grows, so no page outgrows the budget', () => {
    // Today's log with 30 more entries on one day, and a year of entries after it.
    const log = [
      ...day('2026-11-22', 1),
      ...day('2026-12-03', 22, 4),
      ...day('2026-12-07', 62, 2),
      ...Array.from({ length: 365 }, (_, n) =>
        day(
          `2027-${String(1 + Math.floor(n / 31)).padStart(2, '0')}-${String(1 + (n % 31)).padStart(2, '0')}`,
          n % 4,
          n % 7,
        ),
      ).flat(),
    ];
    const pages = paginateLog(log);
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) {
      const load = page.days.flatMap((d) => d.items).reduce((sum, entry) => sum + logEntryWeight(entry), 0);
      expect(load, `page ${page.number}`).toBeLessThanOrEqual(
        page.days.length === 1 ? LOG_PAGE.whole : LOG_PAGE.capacity,
      );
    }
    expect(placeOf(pages).size).toBe(log.length);
  });

  it('gives one empty page for an empty log and refuses a capacity that is not positive', () => {
    expect(paginateLog([])).toEqual([{ number: 1, days: [] }]);
    expect(() => paginateLog([], { capacity: 0, whole: 0 })).toThrow('log page capacity must be positive, got 0');
    expect(() => paginateLog([], { capacity: 6, whole: 5 })).toThrow(
      'a whole log page (5) must hold at least its capacity (6)',
    );
  });
});

describe('the words of the log pages', () => {
  it('names a day, and a further part of it', () => {
    expect(logDayLabel({ date: '2026-12-07', part: 1 })).toBe('7 December 2026');
    expect(logDayLabel({ date: '2026-12-07', part: 2 })).toBe('7 December 2026 (continued)');
  });

  it('names a page by the days it covers, oldest to newest, never by its number', () => {
    const page = (...dates: [string, number][]): LogPage<Entry> => ({
      number: 3,
      days: dates.map(([date, part]) => ({ date, part, items: [] })),
    });
    expect(logPageLabel(page(['2026-12-07', 1]))).toBe('7 December 2026');
    expect(logPageLabel(page(['2026-12-07', 1], ['2026-12-03', 1]))).toBe('3–7 December 2026');
    expect(logPageLabel(page(['2026-12-03', 1], ['2026-11-22', 1]))).toBe('22 November – 3 December 2026');
    expect(logPageLabel(page(['2027-01-02', 1], ['2026-12-30', 1]))).toBe('30 December 2026 – 2 January 2027');
    expect(logPageLabel(page(['2026-12-08', 1], ['2026-12-07', 3]))).toBe(
      '7 December 2026 (continued) – 8 December 2026',
    );
    expect(logPageLabel(page(['2026-12-07', 2]))).toBe('7 December 2026 (continued)');
    expect(logPageCount({ number: 1, days: [{ date: '2026-12-07', part: 1, items: day('2026-12-07', 3) }] })).toBe(3);
  });
});

describe('latestLogDays', () => {
  it('shows the newest days whole while they fit, at least the newest day, cut at the limit', () => {
    const pages = paginateLog(
      [...day('2026-12-01', 5), ...day('2026-12-02', 3), ...day('2026-12-03', 4)],
      { capacity: 6, whole: 6 },
      () => 1,
    );
    expect(latestLogDays(pages, 8).map((d) => [d.date, d.items.length, d.more])).toEqual([
      ['2026-12-03', 4, 0],
      ['2026-12-02', 3, 0],
    ]);
    const big = paginateLog([...day('2026-12-01', 2), ...day('2026-12-07', 50)], { capacity: 20, whole: 20 }, () => 1);
    const latest = latestLogDays(big);
    expect(latest.map((d) => [d.date, d.items.length, d.more])).toEqual([
      ['2026-12-07', LOG_LATEST_ENTRIES, 50 - LOG_LATEST_ENTRIES],
    ]);
    // A day cut into parts is shown in the log's order, from its first part.
    expect(latest[0]?.items[0]?.id).toBe('2026-12-07-001');
  });
});
