import type { Event } from '../schemas/event.ts';

/**
 * The timeline split by period, so no page of it outgrows the page budget: /timeline/ is an overview
 * and each part (/timeline/2022-2025/, /timeline/2026/) lists the events of a run of years. Parts
 * follow the order buildTimeline gives: a part is a contiguous stretch of it, never a re-sort.
 */

/** The most events a part holds: more years join a part only while it stays at or under this. */
export const EVENTS_PER_PART = 20;

/** One page of the timeline: a run of years and its events, in timeline order. */
export interface TimelinePart {
  /** Its address segment: "2026", or "2022-2025" for a run of years. */
  id: string;
  /** For readers: "2026" or "2022–2025". */
  label: string;
  /** First and last year the part covers. */
  from: number;
  to: number;
  /** Its events, in timeline order. */
  events: Event[];
}

/**
 * Cuts an ordered timeline into parts by year. Each event counts in the year it is dated to (`yearOf`;
 * an undated "before/after X" in the year of X), or, when it is listed after a later year's events or has
 * no year, in the latest year reached so far, so every part is a contiguous stretch of the order. Whole
 * years are then joined, oldest first, while a part holds at most `maxEvents` (a single year holding more
 * stays one part). Empty years between two joined years belong to the part ("2022–2025").
 */
export function splitTimeline(
  timeline: readonly Event[],
  yearOf: (event: Event) => number | undefined,
  maxEvents: number = EVENTS_PER_PART,
): TimelinePart[] {
  const years: { year: number; events: Event[] }[] = [];
  for (const event of timeline) {
    const latest = years.at(-1);
    const year = Math.max(yearOf(event) ?? latest?.year ?? 0, latest?.year ?? Number.NEGATIVE_INFINITY);
    if (latest && latest.year === year) latest.events.push(event);
    else years.push({ year, events: [event] });
  }
  const parts: { from: number; to: number; events: Event[] }[] = [];
  for (const { year, events } of years) {
    const last = parts.at(-1);
    if (last && last.events.length + events.length <= maxEvents) {
      last.to = year;
      last.events.push(...events);
    } else parts.push({ from: year, to: year, events: [...events] });
  }
  return parts.map((part) => ({
    ...part,
    id: part.from === part.to ? String(part.from) : `${part.from}-${part.to}`,
    label: part.from === part.to ? String(part.from) : `${part.from}–${part.to}`,
  }));
}

/** The year an event's date names (2026 for "2026-02-03", "2026-01", a season or year of 2026). */
export const yearOfDate = (date: string | undefined): number | undefined =>
  date === undefined ? undefined : Number(date.slice(0, 4));
