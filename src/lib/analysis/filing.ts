import type { Event } from '../../schemas/event.ts';
import type { When } from '../../schemas/when.ts';
import { DATE_NOT_GIVEN, formatWhen, whenSpan, type Anchor, type Span } from './dates.ts';
import { periodOfWhen, splitTimeline, type TimelinePart } from './timeline-parts.ts';
import { resolveAnchor } from './timeline.ts';

/**
 * Where the timeline files each event, so that no heading claims more than the event's date: an event
 * whose date falls within its part's period ("February 2026") is listed under the part's heading; an event
 * known only by its order under "Before 3 February 2026, date not given"; an event dated less precisely
 * than its part (a year in a part that is a month) under "2026, month not given". The part's label says when
 * it holds such entries ("February 2026 and undated entries"). Pure; the content guard runs the same filing
 * (lib/content/integrity.ts checkFiling) and refuses any heading more precise than an entry's date.
 */

/** A run of a part's events under one heading; no heading: the part's own. */
export interface Filing {
  /** The heading ("Before 3 February 2026, date not given"), or none for the part's own period. */
  heading?: string;
  /** Whether its entries are undated (known only by their order). */
  undated: boolean;
  /** Its events, in timeline order. */
  events: Event[];
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const DAY_MS = 86_400_000;
const day = (year: number, month: number, date = 1): number => Date.UTC(year, month, date) / DAY_MS;

/** The days a part's id names: "2022-2025" from 1 January 2022 to 31 December 2025; "2026-february" (or "2026-january-march", "2026-march-2") its months. */
export function partPeriod(partId: string): Span {
  const [fromYear = 0, second, third] = partId.split('-');
  const years = /^\d{4}$/.test(second ?? '')
    ? [Number(fromYear), Number(second)]
    : [Number(fromYear), Number(fromYear)];
  const from = MONTHS.indexOf(second ?? '');
  if (from === -1) return { first: day(years[0] ?? 0, 0), last: day((years[1] ?? 0) + 1, 0) - 1 };
  const to = MONTHS.indexOf(third ?? '');
  const year = Number(fromYear);
  return { first: day(year, from), last: day(year, (to === -1 ? from : to) + 1) - 1 };
}

/** Whether a part is a month (or months) of a year, rather than whole years. */
const isMonthPart = (partId: string): boolean => MONTHS.some((month) => partId.split('-').includes(month));

/** The heading an event is filed under in `part` (undefined: the part's own), and whether it is undated. */
export function filingOf(
  event: Event,
  part: Pick<TimelinePart, 'id'>,
  anchorOf: (when: When) => Anchor | undefined,
): Omit<Filing, 'events'> {
  const { when } = event;
  if (when.precision === 'relative') {
    const anchor = anchorOf(when);
    return {
      heading: anchor
        ? `${anchor.relation === 'before' ? 'Before' : 'After'} ${formatWhen(anchor.when)}, ${DATE_NOT_GIVEN}`
        : `Date not given`,
      undated: true,
    };
  }
  const period = partPeriod(part.id);
  const span = whenSpan(when);
  if (span.first >= period.first && span.last <= period.last) return { undated: false };
  // Its own date is the heading: "2026, month not given" for a year within a part of months, "Week of 26 January 2026".
  return {
    heading: `${formatWhen(when)}${when.precision === 'year' && isMonthPart(part.id) ? ', month not given' : ''}`,
    undated: false,
  };
}

/** A part's events in runs under one heading each (consecutive events with the same heading share it). */
export function fileEvents(
  part: Pick<TimelinePart, 'id' | 'events'>,
  anchorOf: (when: When) => Anchor | undefined,
): Filing[] {
  const filings: Filing[] = [];
  for (const event of part.events) {
    const filing = filingOf(event, part, anchorOf);
    const last = filings.at(-1);
    if (last && last.heading === filing.heading) last.events.push(event);
    else filings.push({ ...filing, events: [event] });
  }
  return filings;
}

/** A part's label as readers see it: its period, and whether it also holds undated entries or entries without a month. */
export function partLabel(label: string, filings: readonly Filing[]): string {
  const also = filings.some((filing) => filing.undated)
    ? ' and undated entries'
    : filings.some((filing) => filing.heading !== undefined)
      ? ' and entries dated less precisely'
      : '';
  // "February 2026, part 2" reads "February 2026 and undated entries, part 2".
  return label.replace(/(, part \d+)?$/, `${also}$1`);
}

/** Whether a heading's period (`within`) holds every day an entry could fall on (`span`). */
export const holds = (within: Span, span: Span): boolean => span.first >= within.first && span.last <= within.last;

/** A part of the timeline with its events filed under their headings. */
export interface FiledPart extends TimelinePart {
  /** Its events in runs under one heading each. */
  filings: Filing[];
}

/**
 * The timeline's parts (lib/analysis/timeline-parts.ts) with each event filed, and each label saying what
 * the part holds: the one filing the pages show and the content guard checks.
 */
export function fileTimeline(timeline: readonly Event[], eventById: ReadonlyMap<string, Event>): FiledPart[] {
  const anchorOf = (when: When): Anchor | undefined => resolveAnchor(when, eventById);
  return splitTimeline(timeline, (event) => {
    const when = event.when.precision === 'relative' ? anchorOf(event.when)?.when : event.when;
    return when && periodOfWhen(when);
  }).map((part) => {
    const filings = fileEvents(part, anchorOf);
    return { ...part, label: partLabel(part.label, filings), filings };
  });
}
