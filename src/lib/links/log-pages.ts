import { dayRangeLabel, formatWhen } from '../analysis/dates.ts';

/**
 * How the corrections and updates log is cut into pages (docs/lasting-links.md, "Homes", and docs/reading.md):
 * by day, filled from the oldest day, so that a new entry, published today, joins the last page and leaves the
 * earlier pages as they were; each page lists its days newest first. A day's entries stay together on one
 * page; only a day that alone weighs more than a page is cut into parts, the further ones said plainly to go on
 * from the page before ("7 December 2026 (continued)").
 */

/**
 * What one page of the log holds, in shares: an entry 1, and a quarter more for each entry it touched (its
 * "Touches" list, one link each). Measured on the log of 7 December 2026: 55 entries weighing 97½ took about
 * 8.3 KB with gzip on top of the 6.1 KB every page carries, some 85 B a share; 56 shares keep a page near 11 KB
 * of the 14,336 B budget (docs/quality.md). Days fill a page up to `capacity`; a day heavier than that keeps a page
 * of its own, whole, up to `whole` (72 shares, some 12.2 KB), so that a busy day is not cut into parts while it
 * fits a page (a reader's review: "7 December 2026, part 2" read as the log's upkeep); only a day heavier than
 * `whole` is cut, into parts of `capacity`.
 */
export const LOG_PAGE = { capacity: 56, whole: 72, entry: 1, affected: 1 / 4 } as const;

/**
 * How many entries the log's first page shows under "Latest changes": the newest days whole while they fit,
 * each entry as one line (its kind and what changed), the newest day cut here if it alone has more (with a link to
 * the rest on the log's page of that day): a handful, not a day of 40 (10,700 px on a phone).
 */
export const LOG_LATEST_ENTRIES = 10;

/** What the log's pagination needs of an entry. */
export interface LogEntry {
  /** The day it was published, YYYY-MM-DD. */
  date: string;
  /** The entries it touched ("events/x"). */
  affects: readonly string[];
}

/** One day's entries on one page of the log: the whole day, or one part of a day that fills more than a page. */
export interface LogDay<T> {
  /** The day, YYYY-MM-DD. */
  date: string;
  /** 1 for the day (or its first part), 2… for the further parts of a day cut into parts. */
  part: number;
  /** Its entries, in the log's order within a day. */
  items: T[];
}

/** A page of the log. */
export interface LogPage<T> {
  /** 1-based, counted from the oldest page: a page keeps its number as the log grows. */
  number: number;
  /** Its days, newest first (the order a reader of a log expects). */
  days: LogDay<T>[];
}

/** How much of a log page one entry takes (LOG_PAGE). */
export const logEntryWeight = (entry: LogEntry): number => LOG_PAGE.entry + LOG_PAGE.affected * entry.affects.length;

/**
 * Cuts the log into pages (each entry weighing `weightOf`), by day, from the oldest day: a day goes on the current
 * page if the page stays within `capacity`, else it opens the next page; a day heavier than `capacity` but within
 * `whole` has that page to itself, whole; a heavier day opens a page and is cut into parts of `capacity` that fill
 * pages in turn (an entry heavier than that gets a page of its own). `entries` may come in any order of days; within
 * a day their order is kept. Always at least one page.
 */
export function paginateLog<T extends LogEntry>(
  entries: readonly T[],
  size: { capacity: number; whole: number } = LOG_PAGE,
  weightOf: (entry: T) => number = logEntryWeight,
): LogPage<T>[] {
  const { capacity, whole } = size;
  if (!(capacity > 0)) throw new Error(`log page capacity must be positive, got ${capacity}`);
  if (!(whole >= capacity))
    throw new Error(`a whole log page (${whole}) must hold at least its capacity (${capacity})`);
  const byDay = new Map<string, T[]>();
  for (const entry of entries) byDay.set(entry.date, [...(byDay.get(entry.date) ?? []), entry]);
  const days = [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b));
  const pages: { days: LogDay<T>[]; load: number }[] = [];
  const open = (): { days: LogDay<T>[]; load: number } => {
    const page = { days: [], load: 0 };
    pages.push(page);
    return page;
  };
  let current = open();
  for (const [date, items] of days) {
    const weight = items.reduce((sum, item) => sum + weightOf(item), 0);
    if (current.days.length > 0 && current.load + weight > capacity) current = open();
    if (weight <= whole) {
      current.days.push({ date, part: 1, items });
      current.load += weight;
      continue;
    }
    let part: LogDay<T> = { date, part: 1, items: [] };
    current.days.push(part);
    for (const item of items) {
      const itemWeight = weightOf(item);
      if (part.items.length > 0 && current.load + itemWeight > capacity) {
        current = open();
        part = { date, part: part.part + 1, items: [] };
        current.days.push(part);
      }
      part.items.push(item);
      current.load += itemWeight;
    }
  }
  return pages.map((page, index) => ({ number: index + 1, days: [...page.days].reverse() }));
}

/**
 * A day of the log in words: "7 December 2026", a further part "7 December 2026 (continued)": a reader sees a day
 * go on from the page before, not a count of parts (which reads as the log's upkeep; its id keeps the number).
 */
export const logDayLabel = (day: Pick<LogDay<unknown>, 'date' | 'part'>): string =>
  `${formatWhen({ date: day.date, precision: 'day' })}${day.part > 1 ? ' (continued)' : ''}`;

/**
 * The days a page of the log covers, in words, oldest to newest: "7 December 2026", "3–7 December 2026",
 * "22 November – 3 December 2026", "30 December 2026 – 2 January 2027"; a page that starts or ends with a
 * further part of a day says so ("7 December 2026 (continued)").
 */
export function logPageLabel(page: LogPage<unknown>): string {
  const newest = page.days[0];
  const oldest = page.days.at(-1);
  if (newest === undefined || oldest === undefined) return 'no changes yet';
  if (newest === oldest) return logDayLabel(newest);
  if (oldest.part > 1 || newest.part > 1) return `${logDayLabel(oldest)} – ${logDayLabel(newest)}`;
  return dayRangeLabel(oldest.date, newest.date);
}

/** How many entries a page of the log holds. */
export const logPageCount = (page: LogPage<unknown>): number =>
  page.days.reduce((sum, day) => sum + day.items.length, 0);

/**
 * What the log's first page shows under "Latest changes": the newest days whole while they fit in `limit`
 * entries (at least the newest day, cut at `limit`), each with how many of its entries are left out.
 */
export function latestLogDays<T extends LogEntry>(
  pages: readonly LogPage<T>[],
  limit: number = LOG_LATEST_ENTRIES,
): { date: string; items: T[]; more: number }[] {
  const byDay = new Map<string, T[]>();
  // Pages oldest first, so that a day cut into parts keeps its order (part 1, then part 2).
  for (const page of pages)
    for (const day of page.days) byDay.set(day.date, [...(byDay.get(day.date) ?? []), ...day.items]);
  const shown: { date: string; items: T[]; more: number }[] = [];
  let count = 0;
  for (const [date, items] of [...byDay.entries()].sort(([a], [b]) => b.localeCompare(a))) {
    if (shown.length > 0 && count + items.length > limit) break;
    const kept = items.slice(0, limit);
    shown.push({ date, items: kept, more: items.length - kept.length });
    count += kept.length;
  }
  return shown;
}
