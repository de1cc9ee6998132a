import { whenSpan, type Anchor } from '../analysis/dates.ts';
import type { Event } from '../../schemas/event.ts';
import type { When } from '../../schemas/when.ts';

/**
 * The layout of the timeline chart (components/analysis/TimelineChart.astro), computed at build time: issues
 * as lanes, events as labelled marks at their date and at their precision (a day a dot, a week, month, season or
 * year a bar, an undated "before X" a dashed arrow to X, "between X and Y" a dashed bar from X to Y). Pure:
 * numbers in, numbers out; lib/reading/timeline-chart-css.ts turns it into the page's own grid rules.
 *
 * The time axis is broken into segments, so a quiet year does not squeeze a busy month to nothing: a year is one
 * segment unless it holds at least `SPLIT_AT` events dated to a month or finer (then it is split into its months,
 * those after its last such event left out); a month holding at least `SPLIT_AT` events dated to the day is split
 * into its days with events and the days between, shrunk to a gap. A day drawn on its own is drawn `CHART.day` wide
 * however many events it holds: its events are drawn together, one above the other, so a busy day never takes a
 * third of the chart. A year without events keeps its label. Each segment is linear inside; segments drawn wider
 * or narrower than their share of time are marked (`stretched`, `gap`) and the key says so.
 *
 * The chart is a grid of `columns` equal columns (each segment gets columns in proportion to its width); marks
 * and labels span whole columns. Every mark carries its label as text, level with it: after a dot, or over a bar
 * or a dashed arrow from its start, or, where that does not fit, ending at the mark's start; always inside the
 * years its mark covers (so no label runs into another year's columns and reads as that year's) and, for a mark
 * before a landmark's line (the meeting), left of that line; wrapped there on the side with more room where
 * neither side holds it on one line. Marks are packed in rows so that no two labels or marks of a lane overlap at
 * the narrowest width the chart is drawn at (`CHART.minWidth`).
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
  /** Whether no event falls in it (a year or month drawn narrow, labelled "nothing reported"). */
  empty?: boolean;
  /** Where it is drawn, in px from the chart's left edge (at its natural widths; see `columns`). */
  x0: number;
  x1: number;
}

/** A stretch of columns: [c0, c1), 0-based. */
export interface Columns {
  c0: number;
  c1: number;
}

/** One mark: an event in one lane, with its label. */
export interface Mark {
  /** The event. */
  eventId: string;
  /** A point (a day), a span (a week, month, season or year), or undated (only an order is known). */
  shape: 'point' | 'span' | 'undated';
  /** The precision it is drawn at. */
  precision: When['precision'];
  /** Where the mark is drawn. For an undated mark: from its lower bound (or a short way before) to its upper bound (what it precedes, or the day it was reported). */
  glyph: Columns;
  /**
   * Where its label is: starting at the mark, or ending at its start (`end`) where it would pass the end of the
   * axis; `lines` when it is wrapped there (it fits on one line on neither side at the narrowest width).
   */
  label: Columns & { end: boolean; lines?: number };
  /** Its row in its lane, from 0. */
  row: number;
  /** A span that reaches past the end of the axis (a year the chart does not show whole). */
  open?: boolean;
  /** An undated mark with no lower bound: it may fall any time before what it precedes. */
  openStart?: boolean;
  /** An undated "after X" with no upper bound (no report dates it): it may fall any time after X. */
  openEnd?: boolean;
}

/** One lane: an issue and its marks. */
export interface Lane {
  /** The issue's id. */
  id: string;
  /** Its title. */
  label: string;
  /** How many rows its marks take. */
  rows: number;
  /** The marks, in timeline order. */
  marks: Mark[];
}

/** A line across every lane at an event's date (the meeting), or a band between two (the thaw). */
export interface Landmark {
  /** The event it marks, or the first of the two. */
  eventId: string;
  /** For a band: the event where it ends. */
  untilEventId?: string;
  /** Its label ("Meeting"). */
  label: string;
  /** Where it is drawn: a line at column c0 (c1 === c0), a band from c0 to c1. */
  c0: number;
  c1: number;
}

/** An axis label: a year (spanning its months) or a month or day within a split year. */
export interface AxisLabel extends Columns {
  label: string;
  /** What is drawn there. */
  kind: Segment['kind'];
  /** No event falls in it. */
  empty?: boolean;
}

/** The whole chart. */
export interface ChartLayout {
  /** The number of equal columns of the time axis. */
  columns: number;
  /** The segments, with the columns they take. */
  segments: (Segment & Columns)[];
  /** Every year, labelled, across its columns (the first row of the axis). */
  years: AxisLabel[];
  /** The months and days of split years (the second row of the axis). */
  finer: AxisLabel[];
  lanes: Lane[];
  landmarks: Landmark[];
}

/** Sizes of the chart, in px at its natural widths. */
export const CHART = {
  /** A year segment: base width, and more per event in it. */
  yearBase: 56,
  yearPerEvent: 14,
  /** A year or month without any event (wide enough for its label). */
  empty: 36,
  /** A month segment. */
  monthBase: 56,
  monthPerEvent: 12,
  /** A day drawn on its own, however many events it holds (they are drawn together). */
  day: 36,
  /** Shrunk days between days drawn on their own. */
  gap: 22,
  /** How long an undated "before X" is drawn when nothing bounds it from below. */
  arrow: 32,
  /** Px per column at the natural widths. */
  column: 4,
  /** The narrowest the time axis is drawn at (the grid layout's threshold): labels are fitted at this width. */
  minWidth: 720,
  /** A label's width: px per character of its text at the chart's font size, and its padding. */
  char: 6.4,
  labelPad: 10,
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
  // "During X" bounds it on both sides; "after X" from X's start (a day's middle); "before X" to X's end.
  const during = intervalOf(event.when.during);
  const after = intervalOf(event.when.after) ?? during;
  const before = intervalOf(event.when.before) ?? during;
  // After a day (the meeting) it starts where that day is drawn, at its middle (its dot, the landmark's line): a
  // statement made after the meeting, dated only to its month, must not start left of the meeting's line.
  // (A day of its own is drawn as that day.)
  const afterDay =
    event.when.after !== undefined &&
    after !== undefined &&
    after.end - after.start === DAY &&
    own.end - own.start > DAY;
  const start = Math.max(own.start, afterDay ? (after.start + after.end) / 2 : (after?.start ?? own.start));
  const end = Math.min(own.end, before?.end ?? own.end);
  return start < end ? { start, end } : own;
}

const finerThan = (when: When, precision: 'year' | 'month'): boolean =>
  precision === 'year' ? ['day', 'week', 'month', 'season'].includes(when.precision) : when.precision === 'day';

/** The broken axis for these dated events: segments in time order, every year from the first to the last, laid out left to right. */
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
        segments.push({
          kind: 'day',
          label: `${new Date(day).getUTCDate()} ${MONTHS[month]}`,
          start: day,
          end: day + DAY,
        });
        cursor = day + DAY;
      }
      if (cursor < end) segments.push({ kind: 'gap', start: cursor, end });
    }
  }
  let x = 0;
  return segments.map((segment) => {
    const count = dated.filter(({ interval }) => inRange(interval, segment.start, segment.end)).length;
    const width =
      segment.kind === 'gap'
        ? CHART.gap
        : segment.kind === 'day'
          ? CHART.day
          : count === 0
            ? CHART.empty
            : segment.kind === 'year'
              ? CHART.yearBase + CHART.yearPerEvent * count
              : CHART.monthBase + CHART.monthPerEvent * count;
    const placed = {
      ...segment,
      ...(count === 0 && segment.kind !== 'gap' ? { empty: true } : {}),
      x0: x,
      x1: x + width,
    };
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

/** How many columns a label of this text takes at the narrowest width the chart is drawn at. */
export function labelColumns(text: string, columns: number): number {
  return Math.ceil(((text.length * CHART.char + CHART.labelPad) / CHART.minWidth) * columns);
}

/**
 * Where a mark's label can go, best first, each by its mark and each inside `within` (the columns of the period
 * its mark is drawn in: the years it covers, so a label never runs into another year's columns, where it would
 * read as belonging to that year): after a dot (`beside`), or over a bar or a dashed arrow from its start; else
 * ending at the mark's start (text set to the right, so its last word touches the mark; never across a bar from
 * its end, where the bar's start would cut the words). A label that fits on one line on neither side is wrapped
 * on the side with more room inside the period (`lines`: how many lines it takes there at the narrowest width),
 * never moved away from its mark. A filled bar's label (`bar`) is inside it or outside it, never across one of
 * its edges (the edge would cut through the words): inside where it fits on one line, else after the bar's end or
 * ending at its start; wrapped where none holds it on one line, inside the bar or beside it, whichever has more room.
 */
export function labelOptions(
  glyph: Columns,
  beside: boolean,
  width: number,
  within: Columns,
  bar = false,
): (Columns & { end: boolean; lines?: number })[] {
  if (bar) return barLabelOptions(glyph, width, within);
  const start = beside ? glyph.c1 : glyph.c0;
  const after = { c0: start, c1: beside ? start + width : Math.max(glyph.c1, start + width), end: false };
  const before = { c0: glyph.c0 - width, c1: glyph.c0, end: true };
  const options = [...(after.c1 <= within.c1 ? [after] : []), ...(before.c0 >= within.c0 ? [before] : [])];
  if (options.length > 0) return options;
  // Neither side holds it on one line: wrap it on the side with more room, by its mark.
  const roomAfter = within.c1 - start;
  const roomBefore = glyph.c0 - within.c0;
  const wrapped = (room: number, side: 'after' | 'before') => ({
    ...(side === 'after'
      ? { c0: start, c1: Math.max(within.c1, glyph.c1), end: false }
      : { c0: within.c0, c1: glyph.c0, end: true }),
    lines: Math.ceil(width / Math.max(1, room)),
  });
  return roomAfter >= roomBefore ? [wrapped(roomAfter, 'after')] : [wrapped(roomBefore, 'before')];
}

/** A filled bar's label places (labelOptions): inside it, after its end, ending at its start; wrapped in the roomiest. */
function barLabelOptions(
  glyph: Columns,
  width: number,
  within: Columns,
): (Columns & { end: boolean; lines?: number })[] {
  const inside = { c0: glyph.c0, c1: glyph.c1, end: false };
  const after = { c0: glyph.c1, c1: glyph.c1 + width, end: false };
  const before = { c0: glyph.c0 - width, c1: glyph.c0, end: true };
  const options = [
    ...(width <= glyph.c1 - glyph.c0 ? [inside] : []),
    ...(after.c1 <= within.c1 ? [after] : []),
    ...(before.c0 >= within.c0 ? [before] : []),
  ];
  if (options.length > 0) return options;
  const rooms = [
    { ...inside, room: glyph.c1 - glyph.c0 },
    { c0: glyph.c1, c1: within.c1, end: false, room: within.c1 - glyph.c1 },
    { c0: within.c0, c1: glyph.c0, end: true, room: glyph.c0 - within.c0 },
  ];
  // The roomiest, inside the bar where no side has more room (a side is taken only with room, at least a column).
  const best = rooms.reduce((most, option) => (option.room > most.room ? option : most));
  const { room, ...place } = best;
  return [{ ...place, lines: Math.ceil(width / Math.max(1, room)) }];
}

/**
 * Places marks in rows so that no two overlap (each mark with its label, `spacing` columns apart): each goes in the
 * first row where one of its placements fits, trying them in order; a mark that fits nowhere opens a row with its
 * first placement. Marks keep their order; returns the row and the placement chosen for each, and the number of rows.
 */
export function packRows(
  options: readonly (readonly Columns[])[],
  spacing = 1,
): { rows: number[]; chosen: number[]; count: number } {
  const taken: Columns[][] = [];
  const free = (row: Columns[], extent: Columns): boolean =>
    row.every((other) => extent.c1 + spacing <= other.c0 || other.c1 + spacing <= extent.c0);
  const rows: number[] = [];
  const chosen: number[] = [];
  for (const extents of options) {
    let placed = false;
    for (let row = 0; row < taken.length && !placed; row += 1) {
      const at = extents.findIndex((extent) => free(taken[row] ?? [], extent));
      if (at !== -1) {
        taken[row]?.push(extents[at] as Columns);
        rows.push(row);
        chosen.push(at);
        placed = true;
      }
    }
    if (!placed) {
      taken.push([extents[0] as Columns]);
      rows.push(taken.length - 1);
      chosen.push(0);
    }
  }
  return { rows, chosen, count: taken.length };
}

/** What the chart is drawn from. */
export interface ChartInput {
  /** Events in timeline order (as buildTimeline gives them; the layout does not re-sort). */
  timeline: readonly Event[];
  /** The lanes, in order (issues); an event shows in the lane of each of its issues. Lanes without events are left out. */
  lanes: readonly { id: string; label: string }[];
  /** The dated events an undated entry lies between (what it precedes, and what it follows when known). */
  anchorOf: (when: When) => Anchor | undefined;
  /** The text of each mark's label (its length places the label). */
  labelOf: (event: Event) => string;
  /** Lines across the chart: at an event (the meeting), or a band from one event to another (the thaw). */
  landmarks?: readonly { eventId: string; untilEventId?: string; label: string }[];
  /**
   * The last day an event can have happened by its sources: the day the first article that reports it was
   * published (UTC day number). An undated "after X" ends there; without it, its arrow is drawn open.
   */
  reportedBy?: (event: Event) => number | undefined;
}

/** Lays out the chart: the axis in columns, the lanes with their labelled marks in rows, and the landmarks. */
export function layoutChart(input: ChartInput): ChartLayout {
  const eventById = new Map(input.timeline.map((event) => [event.id, event]));
  const intervals = new Map(
    input.timeline.flatMap((event) => {
      const interval = eventInterval(event, eventById);
      return interval ? [[event.id, interval] as const] : [];
    }),
  );
  const segments = buildSegments(
    input.timeline.flatMap((event) => {
      const interval = intervals.get(event.id);
      return interval ? [{ when: event.when, interval }] : [];
    }),
  );
  const width = segments.at(-1)?.x1 ?? 0;
  const columns = Math.max(1, Math.round(width / CHART.column));
  const column = (x: number): number => Math.min(columns - 1, Math.max(0, Math.floor((x / width) * columns)));
  const columnEnd = (x: number): number => Math.min(columns, Math.max(1, Math.ceil((x / width) * columns)));
  const axisEnd = segments.at(-1)?.end ?? 0;
  const atTime = (time: number): number => scaleTime(segments, time);

  const glyphOf = (event: Event): Omit<Mark, 'row' | 'label'> | undefined => {
    const interval = intervals.get(event.id);
    if (interval) {
      const x0 = atTime(interval.start);
      const x1 = atTime(Math.min(interval.end, axisEnd));
      if (event.when.precision === 'day') {
        const c = column((x0 + x1) / 2);
        return { eventId: event.id, shape: 'point', precision: 'day', glyph: { c0: c, c1: c + 1 } };
      }
      // A span that starts at the middle of a day (after the meeting: eventInterval) starts in the column after
      // that day's line, drawn at the middle of its column.
      const c0 = Math.min(columns - 1, column(x0) + (interval.start % DAY === DAY / 2 ? 1 : 0));
      return {
        eventId: event.id,
        shape: 'span',
        precision: event.when.precision,
        glyph: { c0, c1: Math.max(c0 + 1, columnEnd(x1)) },
        ...(interval.end > axisEnd ? { open: true } : {}),
      };
    }
    // Only an order is known: from what it follows (or a short way before) to what it precedes, or the other way round.
    const anchor = input.anchorOf(event.when);
    const at = anchor && whenInterval(anchor.when);
    if (!anchor || !at) return undefined;
    // From the dot of a day (or the start of a longer period) it follows, to the dot (or start) of what it precedes.
    const edge = (when: When, interval: Interval): number =>
      when.precision === 'day' ? (atTime(interval.start) + atTime(interval.end)) / 2 : atTime(interval.start);
    if (anchor.relation === 'after') {
      // After X: from the earliest X can be (a week's first day: it may have been done that day) to the day it
      // was reported, the latest the sources allow, ending at that day's dot as a "before X" arrow ends at X's (a
      // statement reported on the meeting's day stops at the meeting's line, never past it into the days after);
      // never reported, it is drawn open, not to a date.
      const c0 = column(edge(anchor.when, at));
      const reported = input.reportedBy?.(event);
      const until = reported === undefined ? undefined : Math.min(axisEnd, (reported + 0.5) * DAY);
      const c1 = until === undefined ? columnEnd(atTime(at.start) + CHART.arrow) : column(atTime(until));
      return {
        eventId: event.id,
        shape: 'undated',
        precision: 'relative',
        glyph: { c0, c1: Math.min(columns, Math.max(c0 + 1, c1)) },
        ...(until === undefined ? { openEnd: true } : {}),
      };
    }
    const since = anchor.since && whenInterval(anchor.since);
    const c1 = Math.max(1, column(edge(anchor.when, at)));
    const c0 = anchor.since && since ? column(edge(anchor.since, since)) : column(edge(anchor.when, at) - CHART.arrow);
    return {
      eventId: event.id,
      shape: 'undated',
      precision: 'relative',
      glyph: { c0: Math.min(c0, c1 - 1), c1 },
      ...(since ? {} : { openStart: true }),
    };
  };

  const placedSegments = segments.map((segment) => ({ ...segment, c0: column(segment.x0), c1: columnEnd(segment.x1) }));
  // Every year is labelled, across its months where it is split.
  const years: AxisLabel[] = [];
  for (const segment of placedSegments) {
    const year = new Date(segment.start).getUTCFullYear();
    const last = years.at(-1);
    if (last && last.label === String(year)) {
      last.c1 = segment.c1;
      if (!segment.empty) delete last.empty;
    } else
      years.push({
        label: String(year),
        kind: 'year',
        c0: segment.c0,
        c1: segment.c1,
        ...(segment.empty ? { empty: true } : {}),
      });
  }
  const landmarks = (input.landmarks ?? []).flatMap((landmark) => {
    const from = intervals.get(landmark.eventId);
    const until = landmark.untilEventId === undefined ? from : intervals.get(landmark.untilEventId);
    if (!from || !until) return [];
    const middle = (interval: Interval): number => column((atTime(interval.start) + atTime(interval.end)) / 2);
    return [{ ...landmark, c0: middle(from), c1: landmark.untilEventId === undefined ? middle(from) : middle(until) }];
  });
  // The period a mark is drawn in: the years its glyph covers, each up to where the next begins (a year's last
  // column is the next one's first where their boundary falls inside a column). Its label stays inside them.
  const ownColumns = years.map((year, at) => ({ c0: year.c0, c1: years[at + 1]?.c0 ?? year.c1 }));
  // A landmark's line (the meeting) is drawn across the middle of its column: a mark left of it keeps its label
  // left of it too (the words of an earlier event over the meeting's day would read as that day's).
  const lines = landmarks.filter((landmark) => landmark.c1 === landmark.c0).map((landmark) => landmark.c0);
  const gaps = placedSegments.filter((segment) => segment.kind === 'gap').map((segment) => segment.c0);
  const periodOf = (glyph: Columns): Columns => {
    // A glyph's last column is only partly its own where it is longer than one (its end rounded up).
    const end = Math.max(glyph.c0 + 1, glyph.c1 - 1);
    const covered = ownColumns.filter((year) => year.c0 < end && glyph.c0 < year.c1);
    // Nor over a shortened (grey) stretch after its mark: words there would read as of the days it stands for.
    const barrier = Math.min(...lines.filter((line) => glyph.c1 <= line), ...gaps.filter((gap) => glyph.c1 <= gap));
    return {
      c0: Math.min(glyph.c0, ...covered.map((year) => year.c0)),
      c1: Math.max(glyph.c1, Math.min(barrier, ...covered.map((year) => year.c1))),
    };
  };
  const lanes: Lane[] = [];
  for (const lane of input.lanes) {
    const placed = input.timeline
      .filter((event) => event.issues.includes(lane.id))
      .flatMap((event) => {
        const glyph = glyphOf(event);
        // A dot's label goes beside it; a bar's over it, a dashed arrow's over it too, the arrow drawn along the
        // label's foot (never through the words, where it would read as struck out).
        return glyph
          ? [
              {
                ...glyph,
                labels: labelOptions(
                  glyph.glyph,
                  glyph.shape === 'point',
                  labelColumns(input.labelOf(event), columns),
                  periodOf(glyph.glyph),
                  glyph.shape === 'span',
                ),
              },
            ]
          : [];
      });
    if (placed.length === 0) continue;
    const extent = (glyph: Columns, label: Columns): Columns => ({
      c0: Math.min(glyph.c0, label.c0),
      c1: Math.max(glyph.c1, label.c1),
    });
    const { rows, chosen, count } = packRows(
      placed.map((mark) => mark.labels.map((label) => extent(mark.glyph, label))),
    );
    lanes.push({
      ...lane,
      rows: count,
      marks: placed.map(({ labels, ...mark }, at) => ({
        ...mark,
        label: labels[chosen[at] ?? 0] ?? { c0: 0, c1: columns, end: false },
        row: rows[at] ?? 0,
      })),
    });
  }

  const finer = placedSegments.flatMap((segment): AxisLabel[] =>
    segment.kind === 'year'
      ? []
      : [
          {
            label: segment.label ?? '',
            kind: segment.kind,
            c0: segment.c0,
            c1: segment.c1,
            ...(segment.empty ? { empty: true } : {}),
          },
        ],
  );
  return { columns, segments: placedSegments, years, finer, lanes, landmarks };
}
