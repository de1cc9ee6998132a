import { whenSpan, type Anchor } from '../analysis/dates.ts';
import type { Event } from '../../schemas/event.ts';
import type { When } from '../../schemas/when.ts';

/**
 * The layout of the timeline chart (components/analysis/TimelineChart.astro), computed at build time:
 * issues as lanes, events as marks at their date and at their precision (a day a point, a month or season
 * a span, a week a short span, a year a wide span, an undated "before/after X" an arrow to X). Pure: numbers in, numbers out.
 *
 * The time axis is broken into segments, so a quiet year does not squeeze a busy day to nothing: a year
 * is one segment unless it holds at least `SPLIT_AT` events dated to a month or finer, in which case it is
 * split into its months (months after its last such event are left out); a month holding at least
 * `SPLIT_AT` events dated to the day is split into its days with events, each drawn wide, and the days
 * between them shrunk to a gap. Each segment is linear inside; the page says the widths are not to scale.
 */

/** A period of time: [start, end) in milliseconds since 1970 (UTC). */
export interface Interval {
  start: number;
  end: number;
}

/** A segment of the broken time axis. */
export interface Segment extends Interval {
  /** What it is: a whole year, a month, a day drawn wide, or shrunk days between. */
  kind: 'year' | 'month' | 'day' | 'gap';
  /** Its label ("2025", "Jan 2026", "3 Feb"); none for a gap. */
  label?: string;
  /** Where it is drawn, in px from the chart's left edge. */
  x0: number;
  x1: number;
}

/** One mark: an event in one lane. */
export interface Mark {
  /** The event. */
  eventId: string;
  /** A point (a day), a span (a month, season or year), or an arrow (only an order is known). */
  shape: 'point' | 'span' | 'arrow';
  /** The precision it is drawn at. */
  precision: When['precision'];
  /** Horizontal extent in px (a point has x0 === x1; an arrow runs from x0 to x1 and points at `pointsAt`). */
  x0: number;
  x1: number;
  /** For an arrow: the x it points at (the event it is before or after). */
  pointsAt?: number;
  /** The row of the mark inside its lane (0 first), so marks never overlap. */
  row: number;
  /** Whether the span reaches past the end of the axis (a year the chart does not show whole). */
  open?: boolean;
}

/** One lane: an issue and its marks. */
export interface Lane {
  /** The issue's id. */
  id: string;
  /** Its title. */
  label: string;
  /** Top of the lane, in px; its marks start below its label. */
  y: number;
  /** Height of the lane, in px. */
  height: number;
  /** The marks, in timeline order. */
  marks: Mark[];
}

/** A vertical line across every lane at an event's date (the meeting), or a band between two (the thaw). */
export interface Landmark {
  /** The event it marks, or the first of the two. */
  eventId: string;
  /** For a band: the event where it ends. */
  untilEventId?: string;
  /** Its label ("The meeting"). */
  label: string;
  /** Where it is drawn. */
  x0: number;
  x1: number;
}

/** The whole chart. */
export interface ChartLayout {
  width: number;
  height: number;
  /** Height of the axis labels row at the top. */
  axisHeight: number;
  segments: Segment[];
  lanes: Lane[];
  landmarks: Landmark[];
}

/** Sizes of the chart, in px. */
export const CHART = {
  /** A year segment: base width, and more per event in it. */
  yearBase: 56,
  yearPerEvent: 14,
  /** A year or month without any event. */
  empty: 28,
  /** A month segment. */
  monthBase: 56,
  monthPerEvent: 12,
  /** A day drawn wide: base, and more per event on it. */
  dayBase: 40,
  dayPerEvent: 26,
  /** Shrunk days between wide days. */
  gap: 22,
  /** Height of a row of marks (a mark's link is a target at least `target` px square), and of a lane's label. */
  row: 26,
  target: 24,
  label: 16,
  lanePadding: 6,
  axis: 40,
  /** Radius of a point; height of a span; length of an arrow. */
  point: 5,
  bar: 10,
  arrow: 34,
  /** Space kept free between two marks' targets in a row. */
  spacing: 2,
} as const;

/** Split a year (or month) into months (or days) when it holds at least this many finer-dated events. */
export const SPLIT_AT = 4;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = 86_400_000;
const utc = (year: number, month = 0, day = 1): number => Date.UTC(year, month, day);

/**
 * The period a dated `when` covers, as lib/analysis/dates.ts reads it (whenSpan): a day, an ISO week, a month, a
 * season (winter from the December before), a year. Undefined when relative.
 */
export function whenInterval(when: When): Interval | undefined {
  if (when.precision === 'relative' || when.date === undefined) return undefined;
  const { first, last } = whenSpan(when);
  return { start: first * DAY, end: (last + 1) * DAY };
}

/**
 * The period an event is drawn over: its date's period, narrowed by what it is said to follow, precede or
 * be part of ("2026, after the January raid, before the 3 February meeting" spans January 1 to February 3).
 * A narrowing that would leave nothing is ignored.
 */
export function eventInterval(event: Event, eventById: ReadonlyMap<string, Event>): Interval | undefined {
  const own = whenInterval(event.when);
  if (!own) return undefined;
  const intervalOf = (id: string | undefined): Interval | undefined => {
    const other = id === undefined ? undefined : eventById.get(id);
    return other && whenInterval(other.when);
  };
  // "During X" bounds it on both sides; "after X" from X's start; "before X" to X's end.
  const during = intervalOf(event.when.during);
  const after = intervalOf(event.when.after) ?? during;
  const before = intervalOf(event.when.before) ?? during;
  const start = Math.max(own.start, after?.start ?? own.start);
  const end = Math.min(own.end, before?.end ?? own.end);
  return start < end ? { start, end } : own;
}

const finerThan = (when: When, precision: 'year' | 'month'): boolean =>
  precision === 'year' ? ['day', 'week', 'month', 'season'].includes(when.precision) : when.precision === 'day';

/** The broken axis for these dated events: segments in time order, laid out left to right from a small margin. */
export function buildSegments(dated: readonly { when: When; interval: Interval }[]): Segment[] {
  if (dated.length === 0) return [];
  const years = dated.map(({ interval }) => new Date(interval.start).getUTCFullYear());
  const first = Math.min(...years);
  const last = Math.max(...years);
  const segments: Omit<Segment, 'x0' | 'x1'>[] = [];
  const inRange = (interval: Interval, start: number, end: number) => interval.start >= start && interval.start < end;
  for (let year = first; year <= last; year++) {
    const inYear = dated.filter(({ interval }) => inRange(interval, utc(year), utc(year + 1)));
    const fine = inYear.filter(({ when }) => finerThan(when, 'year'));
    if (fine.length < SPLIT_AT) {
      segments.push({ kind: 'year', label: String(year), start: utc(year), end: utc(year + 1) });
      continue;
    }
    const lastMonth = Math.max(...fine.map(({ interval }) => new Date(interval.start).getUTCMonth()));
    for (let month = 0; month <= lastMonth; month++) {
      const start = utc(year, month);
      const end = utc(year, month + 1);
      const days = dated.filter(({ when, interval }) => finerThan(when, 'month') && inRange(interval, start, end));
      const label = `${MONTHS[month]} ${year}`;
      if (days.length < SPLIT_AT) {
        segments.push({ kind: 'month', label, start, end });
        continue;
      }
      let cursor = start;
      for (const day of [...new Set(days.map(({ interval }) => interval.start))].sort((a, b) => a - b)) {
        if (day > cursor) segments.push({ kind: 'gap', start: cursor, end: day });
        segments.push({ kind: 'day', label: `${new Date(day).getUTCDate()} ${MONTHS[month]}`, start: day, end: day + DAY });
        cursor = day + DAY;
      }
      if (cursor < end) segments.push({ kind: 'gap', start: cursor, end });
    }
  }
  // Half a target of margin, so a point at the very start still has its whole target inside the chart.
  let x = CHART.target / 2;
  return segments.map((segment) => {
    const count = dated.filter(({ interval }) => inRange(interval, segment.start, segment.end)).length;
    const width =
      segment.kind === 'gap'
        ? CHART.gap
        : count === 0
          ? CHART.empty
          : segment.kind === 'year'
            ? CHART.yearBase + CHART.yearPerEvent * count
            : segment.kind === 'month'
              ? CHART.monthBase + CHART.monthPerEvent * count
              : CHART.dayBase + CHART.dayPerEvent * count;
    const placed = { ...segment, x0: x, x1: x + width };
    x += width;
    return placed;
  });
}

/** The x of a moment on the broken axis: linear inside its segment; before the first or after the last, clamped. */
export function scaleTime(segments: readonly Segment[], time: number): number {
  const first = segments[0];
  const last = segments.at(-1);
  if (!first || !last) return 0;
  if (time <= first.start) return first.x0;
  if (time >= last.end) return last.x1;
  const segment = segments.find((candidate) => time >= candidate.start && time < candidate.end) ?? last;
  return segment.x0 + ((time - segment.start) / (segment.end - segment.start)) * (segment.x1 - segment.x0);
}

/**
 * Places marks in rows so that none overlaps another: each goes in the first row whose last mark ends
 * (with `spacing`) before it starts. Marks keep their order; returns the row of each and the number of rows.
 */
export function packRows(extents: readonly { x0: number; x1: number }[], spacing: number = CHART.spacing): { rows: number[]; count: number } {
  const ends: number[] = [];
  const rows = extents.map(({ x0, x1 }) => {
    let row = ends.findIndex((end) => end + spacing <= x0);
    if (row === -1) row = ends.length;
    ends[row] = Math.max(x1, ends[row] ?? Number.NEGATIVE_INFINITY);
    return row;
  });
  return { rows, count: ends.length };
}

/** The horizontal extent of a mark's link target: at least `CHART.target` px wide, centred on a point. */
export function targetExtent(mark: Pick<Mark, 'x0' | 'x1'>): { x0: number; x1: number } {
  const half = CHART.target / 2;
  if (mark.x1 - mark.x0 >= CHART.target) return { x0: mark.x0, x1: mark.x1 };
  const middle = (mark.x0 + mark.x1) / 2;
  return { x0: middle - half, x1: middle + half };
}

/** What the chart is drawn from. */
export interface ChartInput {
  /** Events in timeline order (as buildTimeline gives them; the layout does not re-sort). */
  timeline: readonly Event[];
  /** The lanes, in order (issues); an event shows in the lane of each of its issues. Lanes without events are left out. */
  lanes: readonly { id: string; label: string }[];
  /** The dated event an undated "before/after X" hangs on. */
  anchorOf: (when: When) => Anchor | undefined;
  /** Lines across the chart: at an event (the meeting), or a band from one event to another (the thaw). */
  landmarks?: readonly { eventId: string; untilEventId?: string; label: string }[];
}

/** Lays out the chart: the axis, the lanes with their marks in rows, and the landmarks. */
export function layoutChart(input: ChartInput): ChartLayout {
  const eventById = new Map(input.timeline.map((event) => [event.id, event]));
  const intervals = new Map(input.timeline.flatMap((event) => {
    const interval = eventInterval(event, eventById);
    return interval ? [[event.id, interval] as const] : [];
  }));
  const segments = buildSegments(input.timeline.flatMap((event) => {
    const interval = intervals.get(event.id);
    return interval ? [{ when: event.when, interval }] : [];
  }));
  const axisEnd = segments.at(-1)?.end ?? 0;
  const wideDays = new Set(segments.filter((segment) => segment.kind === 'day').map((segment) => segment.start));
  // Events on a day drawn wide are spread across it in timeline order (their order, not their hour, is known).
  const onDay = new Map<number, string[]>();
  for (const event of input.timeline) {
    const interval = intervals.get(event.id);
    if (event.when.precision === 'day' && interval && wideDays.has(interval.start))
      onDay.set(interval.start, [...(onDay.get(interval.start) ?? []), event.id]);
  }
  const pointX = (event: Event, interval: Interval): number => {
    const sameDay = onDay.get(interval.start);
    const at = sameDay?.indexOf(event.id) ?? -1;
    const x0 = scaleTime(segments, interval.start);
    const x1 = scaleTime(segments, interval.end);
    return sameDay && at !== -1 ? x0 + ((at + 0.5) / sameDay.length) * (x1 - x0) : (x0 + x1) / 2;
  };
  const xOf = new Map<string, number>();
  for (const event of input.timeline) {
    const interval = intervals.get(event.id);
    if (interval) xOf.set(event.id, event.when.precision === 'day' ? pointX(event, interval) : scaleTime(segments, interval.start));
  }

  const markOf = (event: Event): Omit<Mark, 'row'> | undefined => {
    const interval = intervals.get(event.id);
    if (interval) {
      if (event.when.precision === 'day') {
        const x = xOf.get(event.id) ?? 0;
        return { eventId: event.id, shape: 'point', precision: 'day', x0: x, x1: x };
      }
      return {
        eventId: event.id,
        shape: 'span',
        precision: event.when.precision,
        x0: scaleTime(segments, interval.start),
        x1: scaleTime(segments, Math.min(interval.end, axisEnd)),
        ...(interval.end > axisEnd ? { open: true } : {}),
      };
    }
    // Only an order is known: an arrow pointing at the event it is before (from the left) or after (from the right).
    const relation = event.when.before !== undefined ? 'before' : 'after';
    const target = relation === 'before' ? event.when.before : event.when.after;
    const anchor = input.anchorOf(event.when);
    const at = xOf.get(target ?? '') ?? (anchor ? scaleTime(segments, whenInterval(anchor.when)?.start ?? 0) : undefined);
    if (at === undefined) return undefined;
    return relation === 'before'
      ? { eventId: event.id, shape: 'arrow', precision: 'relative', x0: Math.max(0, at - CHART.arrow), x1: at, pointsAt: at }
      : { eventId: event.id, shape: 'arrow', precision: 'relative', x0: at, x1: at + CHART.arrow, pointsAt: at };
  };

  const width = Math.ceil(
    Math.max(segments.at(-1)?.x1 ?? 0, ...input.timeline.map((event) => { const mark = markOf(event); return mark ? targetExtent(mark).x1 : 0; })) + 2,
  );
  let y = CHART.axis;
  const lanes: Lane[] = [];
  for (const lane of input.lanes) {
    const marks = input.timeline.filter((event) => event.issues.includes(lane.id)).flatMap((event) => markOf(event) ?? []);
    if (marks.length === 0) continue;
    const { rows, count } = packRows(marks.map(targetExtent));
    const height = CHART.label + count * CHART.row + CHART.lanePadding;
    lanes.push({ ...lane, y, height, marks: marks.map((mark, at) => ({ ...mark, row: rows[at] ?? 0 })) });
    y += height;
  }

  const landmarks = (input.landmarks ?? []).flatMap((landmark) => {
    const x0 = xOf.get(landmark.eventId);
    const x1 = landmark.untilEventId === undefined ? x0 : xOf.get(landmark.untilEventId);
    return x0 === undefined || x1 === undefined ? [] : [{ ...landmark, x0, x1 }];
  });
  return { width, height: y + 4, axisHeight: CHART.axis, segments, lanes, landmarks };
}
