import type { Event } from '../../schemas/event.ts';
import type { When } from '../../schemas/when.ts';
import { MONTHS, whenSpan } from './dates.ts';

/**
 * The timeline split by period, so no page of it outgrows the page budget: /timeline/ is an overview
 * and each part (/timeline/2022-2025/, /timeline/2026/) lists the events of a run of years. Parts
 * follow the order buildTimeline gives: a part is a contiguous stretch of it, never a re-sort.
 */

/**
 * The most events a part holds: years (or months) join a part only while it stays at or under this. 14 keeps the
 * busiest part (a month around the meeting, its entries long) within the 14 KB page budget with gzip.
 */
export const EVENTS_PER_PART = 14;

/**
 * Up to how many events the overview (/timeline/) lists every event, up to how many parts it lists each part
 * (past that, a large archive: the years, each with a link to its first part, every part linking to the next),
 * and up to how many events it draws the chart: every mark of it is labelled, about 115 bytes compressed per
 * event, and the overview of today's 37 events weighs 13.8 KB of the 14 KB page budget (npm run bench:pages).
 */
export const OVERVIEW_IN_FULL_UP_TO = { events: 120, parts: 40, chart: 40 } as const;

/** One page of the timeline: a run of years (or of months of one year) and its events, in timeline order. */
export interface TimelinePart {
  /** Its address segment: "2026", "2022-2025" for a run of years, "2026-february" or "2026-january-march" within a year. */
  id: string;
  /** For readers: "2026", "2022–2025", "February 2026", "January–March 2026", "February 2026, part 2" (a month's second page). */
  label: string;
  /** Its events, in timeline order. */
  events: Event[];
}

/** When an event happened, as far as the parts need: its year, and its month where the date gives one. */
export interface EventPeriod {
  year: number;
  month?: number;
}

/** The months as part ids name them (2024-march), January first. */
export const MONTH_IDS = MONTHS.map((month) => month.toLowerCase());

/**
 * Groups an ordered list into runs by a key, keeping every run a contiguous stretch of the order: an entry
 * whose key is below the latest key reached (listed after later entries), or that has none, joins the
 * current run. Entries before the first key join the first run.
 */
function runsBy(
  events: readonly Event[],
  keyOf: (event: Event) => number | undefined,
): { key: number; events: Event[] }[] {
  const runs: { key: number; events: Event[] }[] = [];
  let pending: Event[] = [];
  for (const event of events) {
    const latest = runs.at(-1);
    const key = keyOf(event);
    if (latest === undefined && key === undefined) {
      pending.push(event);
      continue;
    }
    const at = Math.max(key ?? Number.NEGATIVE_INFINITY, latest?.key ?? Number.NEGATIVE_INFINITY);
    if (latest && latest.key === at) latest.events.push(event);
    else {
      runs.push({ key: at, events: [...pending, event] });
      pending = [];
    }
  }
  if (pending.length > 0) runs.push({ key: 0, events: pending });
  return runs;
}

/** Joins adjacent runs, oldest first, while the joined run holds at most `max` events. */
function joinRuns(
  runs: readonly { key: number; events: Event[] }[],
  max: number,
): { from: number; to: number; events: Event[] }[] {
  const joined: { from: number; to: number; events: Event[] }[] = [];
  for (const { key, events } of runs) {
    const last = joined.at(-1);
    if (last && last.events.length + events.length <= max) {
      last.to = key;
      last.events.push(...events);
    } else joined.push({ from: key, to: key, events: [...events] });
  }
  return joined;
}

/**
 * Cuts an ordered list into pages of at most `max`, a run of consecutive events of one group whole: a page
 * ends before a run that would not fit in it (as the corrections log keeps a day whole), and only a run longer
 * than a page is cut. Without groups (undefined), every event is a run of its own: pages of `max`.
 */
export function pagesOf(
  events: readonly Event[],
  groupOf: (event: Event) => string | undefined,
  max: number,
): Event[][] {
  const runs: Event[][] = [];
  let group: string | undefined;
  for (const event of events) {
    const key = groupOf(event);
    const last = runs.at(-1);
    if (last && key !== undefined && key === group) last.push(event);
    else runs.push([event]);
    group = key;
  }
  const pages: Event[][] = [];
  for (const run of runs)
    for (let from = 0; from < run.length;) {
      const page = pages.at(-1);
      const room = page ? max - page.length : 0;
      // The run joins the page it fits on; a run longer than a page fills the page it starts (no empty room).
      if (page && (run.length - from <= room || (run.length > max && room > 0))) {
        page.push(...run.slice(from, from + room));
        from += room;
      } else {
        pages.push(run.slice(from, from + max));
        from += max;
      }
    }
  return pages;
}

/**
 * Cuts an ordered timeline into parts by year. Each event counts in the year it is dated to (`periodOf`;
 * an undated "before/after X" in the year of X), or, when it is listed after a later year's events or has
 * no year, in the latest year reached so far, so every part is a contiguous stretch of the order. Whole
 * years are joined, oldest first, while a part holds at most `maxEvents`; empty years between two joined
 * years belong to the part ("2022–2025"). A single year holding more is cut the same way by month (an
 * event dated only to the year goes with the month the order puts it in), and a single month holding more
 * into pages of at most `maxEvents` in the timeline's order, each run of events that share a group (`groupOf`:
 * the heading they are filed under, such as the meeting's day) kept on one page unless it alone holds more.
 */
export function splitTimeline(
  timeline: readonly Event[],
  periodOf: (event: Event) => EventPeriod | undefined,
  maxEvents: number = EVENTS_PER_PART,
  groupOf?: (event: Event, monthPartId: string) => string | undefined,
): TimelinePart[] {
  const parts: TimelinePart[] = [];
  for (const years of joinRuns(
    runsBy(timeline, (event) => periodOf(event)?.year),
    maxEvents,
  )) {
    if (years.from !== years.to || years.events.length <= maxEvents) {
      parts.push({
        id: years.from === years.to ? String(years.from) : `${years.from}-${years.to}`,
        label: years.from === years.to ? String(years.from) : `${years.from}–${years.to}`,
        events: years.events,
      });
      continue;
    }
    const year = years.from;
    const months = joinRuns(
      runsBy(years.events, (event) => (periodOf(event)?.year === year ? periodOf(event)?.month : undefined)),
      maxEvents,
    );
    for (const run of months) {
      const from = MONTHS[run.from - 1] ?? 'January';
      const to = MONTHS[run.to - 1] ?? from;
      const [fromId, toId] = [from.toLowerCase(), to.toLowerCase()];
      const id = from === to ? `${year}-${fromId}` : `${year}-${fromId}-${toId}`;
      const label = from === to ? `${from} ${year}` : `${from}–${to} ${year}`;
      // A single month holding more is cut into pages in timeline order: 2024-march, 2024-march-2, … Each
      // label names its own page only ("March 2024", "March 2024, part 2"), never how many follow, so the
      // page a new event opens leaves the earlier ones as they were (issue 19, "Homes are stable").
      pagesOf(run.events, (event) => groupOf?.(event, id), maxEvents).forEach((events, at) => {
        parts.push({
          id: at === 0 ? id : `${id}-${at + 1}`,
          label: at === 0 ? label : `${label}, part ${at + 1}`,
          events,
        });
      });
    }
  }
  return parts;
}

/**
 * The year and month a date at its precision falls in, for the parts: a day or month its own; an ISO week
 * the month of its Thursday; a season its first month within its year (winter: January); a year no month.
 */
export function periodOfWhen(when: When): EventPeriod | undefined {
  if (when.precision === 'relative' || when.date === undefined) return undefined;
  const year = Number(when.date.slice(0, 4));
  if (when.precision === 'year') return { year };
  const { first } = whenSpan(when);
  const day = new Date((first + (when.precision === 'week' ? 3 : 0)) * 86_400_000);
  return day.getUTCFullYear() === year
    ? { year, month: day.getUTCMonth() + 1 }
    : { year, month: day.getUTCFullYear() < year ? 1 : 12 };
}
