import { describe, expect, it } from 'vitest';
import {
  buildSegments,
  CHART,
  eventInterval,
  labelColumns,
  labelOptions,
  layoutChart,
  packRows,
  scaleTime,
  SPLIT_AT,
  whenInterval,
  type Columns,
  type Segment,
} from '../../../../src/lib/reading/timeline-chart.ts';
import { chartCss, gridClasses } from '../../../../src/lib/reading/timeline-chart-css.ts';
import { resolveAnchor } from '../../../../src/lib/analysis/timeline.ts';
import type { Event } from '../../../../src/schemas/event.ts';

const day = (date: string): number => Date.parse(`${date}T00:00:00Z`);
const event = (id: string, when: Event['when'], issues = ['i']): Event => ({
  id,
  title: id,
  when,
  summary: id,
  citations: [{ article: 'a', paragraph: 'p' }],
  issues,
  people: [],
});

describe('whenInterval and eventInterval: the period a date covers, at its precision', () => {
  it('covers a day, a month, a season and a year', () => {
    expect(whenInterval({ date: '2026-02-03', precision: 'day' })).toEqual({
      start: day('2026-02-03'),
      end: day('2026-02-04'),
    });
    expect(whenInterval({ date: '2025-10', precision: 'month' })).toEqual({
      start: day('2025-10-01'),
      end: day('2025-11-01'),
    });
    expect(whenInterval({ date: '2025', precision: 'season', season: 'fall' })).toEqual({
      start: day('2025-09-01'),
      end: day('2025-12-01'),
    });
    expect(whenInterval({ date: '2022', precision: 'year' })).toEqual({
      start: day('2022-01-01'),
      end: day('2023-01-01'),
    });
    expect(whenInterval({ precision: 'relative', before: 'x' })).toBeUndefined();
  });

  it('narrows a year to what the event is said to follow and precede', () => {
    const raid = event('raid', { date: '2026-01', precision: 'month' });
    const meeting = event('meeting', { date: '2026-02-03', precision: 'day' });
    const dare = event('dare', { date: '2026', precision: 'year', after: 'raid', before: 'meeting' });
    const byId = new Map([raid, meeting, dare].map((item) => [item.id, item]));
    expect(eventInterval(dare, byId)).toEqual({ start: day('2026-01-01'), end: day('2026-02-04') });
    // After a day: from that day's middle, where its dot and a landmark's line are drawn.
    const statements = event('statements', { date: '2026-02', precision: 'month', after: 'meeting' });
    expect(eventInterval(statements, new Map([...byId, ['statements', statements]]))).toEqual({
      start: day('2026-02-03') + 43_200_000,
      end: day('2026-03-01'),
    });
    const impossible = event('x', { date: '2025', precision: 'year', after: 'meeting' });
    expect(eventInterval(impossible, new Map([...byId, ['x', impossible]]))).toEqual({
      start: day('2025-01-01'),
      end: day('2026-01-01'),
    });
  });
});

describe('buildSegments: the broken time axis', () => {
  const dated = (when: Event['when']) => ({ when, interval: whenInterval(when)! });

  it('gives a quiet year one segment, an empty year a narrow one, and lays them out left to right', () => {
    const segments = buildSegments([
      dated({ date: '2022', precision: 'year' }),
      dated({ date: '2024', precision: 'year' }),
    ]);
    expect(segments.map((segment) => [segment.kind, segment.label])).toEqual([
      ['year', '2022'],
      ['year', '2023'],
      ['year', '2024'],
    ]);
    expect(segments[1]!.x1 - segments[1]!.x0).toBe(CHART.empty);
    expect(segments[0]!.x1 - segments[0]!.x0).toBe(CHART.yearBase + CHART.yearPerEvent);
    expect(segments[0]!.x1).toBe(segments[1]!.x0);
  });

  it(`splits a year with ${SPLIT_AT} events dated to a month or finer into months, and a busy month into days; a busy day stays narrow`, () => {
    const days = Array.from({ length: SPLIT_AT * 3 }, () => dated({ date: '2026-02-03', precision: 'day' }));
    const segments = buildSegments([dated({ date: '2026-01', precision: 'month' }), ...days]);
    expect(segments.map((segment) => [segment.kind, segment.label])).toEqual([
      ['month', 'Jan 2026'],
      ['gap', undefined],
      ['day', '3 Feb'],
      ['gap', undefined],
    ]);
    // However many events it holds, a day is one narrow column: its events are drawn together, one above the other.
    expect(segments[2]!.x1 - segments[2]!.x0).toBe(CHART.day);
    expect(segments.at(-1)!.end).toBe(day('2026-03-01'));
  });

  it('keeps every year, marking one without events as empty', () => {
    const segments = buildSegments([
      dated({ date: '2022', precision: 'year' }),
      dated({ date: '2025', precision: 'year' }),
    ]);
    expect(segments.map((segment) => [segment.label, segment.empty ?? false])).toEqual([
      ['2022', false],
      ['2023', true],
      ['2024', true],
      ['2025', false],
    ]);
  });
});

describe('scaleTime', () => {
  const segments: Segment[] = [
    { kind: 'year', start: day('2025-01-01'), end: day('2026-01-01'), x0: 0, x1: 100 },
    { kind: 'day', start: day('2026-01-01'), end: day('2026-01-02'), x0: 100, x1: 300 },
  ];
  it('is linear inside each segment and clamps outside', () => {
    expect(scaleTime(segments, day('2025-07-02'))).toBeCloseTo(50, 0);
    expect(scaleTime(segments, day('2026-01-01') + 43_200_000)).toBe(200);
    expect(scaleTime(segments, day('2020-01-01'))).toBe(0);
    expect(scaleTime(segments, day('2027-01-01'))).toBe(300);
    expect(scaleTime([], 5)).toBe(0);
  });
});

describe('labels and rows', () => {
  it('size a label by its text at the narrowest width the chart is drawn at', () => {
    expect(labelColumns('x'.repeat(100), 100)).toBe(
      Math.ceil(((100 * CHART.char + CHART.labelPad) / CHART.minWidth) * 100),
    );
  });

  const all = { c0: 0, c1: 100 };
  it('put a label after a dot, over a bar or an arrow from its start, or, where that passes the end, ending at the mark’s start', () => {
    expect(labelOptions({ c0: 10, c1: 11 }, true, 20, all)).toEqual([{ c0: 11, c1: 31, end: false }]);
    expect(labelOptions({ c0: 30, c1: 31 }, true, 20, all)).toEqual([
      { c0: 31, c1: 51, end: false },
      { c0: 10, c1: 30, end: true },
    ]);
    // A bar (or an arrow): over it from its start, or beside it ending at its start (never across it from its end).
    expect(labelOptions({ c0: 30, c1: 60 }, false, 20, all)).toEqual([
      { c0: 30, c1: 60, end: false },
      { c0: 10, c1: 30, end: true },
    ]);
    expect(labelOptions({ c0: 70, c1: 95 }, false, 40, all)).toEqual([{ c0: 30, c1: 70, end: true }]);
    expect(labelOptions({ c0: 90, c1: 91 }, true, 20, all)).toEqual([{ c0: 70, c1: 90, end: true }]);
  });

  it('keep a label inside the period its mark is drawn in: a side that would pass its bounds is not offered', () => {
    // A dot in a year drawn over columns 20 to 50: 20 columns after it would pass the year's end, so before it.
    expect(labelOptions({ c0: 40, c1: 41 }, true, 20, { c0: 20, c1: 50 })).toEqual([{ c0: 20, c1: 40, end: true }]);
    // A bar at the start of its year: over it, never before it in the year before.
    expect(labelOptions({ c0: 20, c1: 30 }, false, 25, { c0: 20, c1: 50 })).toEqual([{ c0: 20, c1: 45, end: false }]);
  });

  it("keep a filled bar's label inside the bar or outside it, never across one of its edges", () => {
    const all = { c0: 0, c1: 100 };
    // Inside where it fits on one line; else after its end, or ending at its start.
    expect(labelOptions({ c0: 30, c1: 60 }, false, 20, all, true)).toEqual([
      { c0: 30, c1: 60, end: false },
      { c0: 60, c1: 80, end: false },
      { c0: 10, c1: 30, end: true },
    ]);
    expect(labelOptions({ c0: 20, c1: 30 }, false, 25, { c0: 20, c1: 60 }, true)).toEqual([
      { c0: 30, c1: 55, end: false },
    ]);
    // A bar at the start of its period with a stretch it does not reach after it (the capture of Maduro, before
    // the thaw): wrapped after its end, where there is more room than in it, not over it and past its end.
    expect(labelOptions({ c0: 20, c1: 30 }, false, 25, { c0: 20, c1: 50 }, true)).toEqual([
      { c0: 30, c1: 50, end: false, lines: 2 },
    ]);
    // A bar across its whole period (a month up to a shortened stretch): wrapped inside it.
    expect(labelOptions({ c0: 20, c1: 50 }, false, 70, { c0: 20, c1: 50 }, true)).toEqual([
      { c0: 20, c1: 50, end: false, lines: 3 },
    ]);
  });

  it('wrap a label that fits on neither side on the side with more room in its period, still by its mark', () => {
    expect(labelOptions({ c0: 5, c1: 6 }, true, 200, all)).toEqual([{ c0: 6, c1: 100, end: false, lines: 3 }]);
    expect(labelOptions({ c0: 60, c1: 64 }, false, 70, all)).toEqual([{ c0: 0, c1: 60, end: true, lines: 2 }]);
    // Within a year of columns 20 to 50: after the dot (29 columns) rather than before it (10), in two lines.
    expect(labelOptions({ c0: 30, c1: 31 }, true, 40, { c0: 20, c1: 60 })).toEqual([
      { c0: 31, c1: 60, end: false, lines: 2 },
    ]);
  });

  it('puts each mark in the first row where one of its placements fits, trying them in order', () => {
    const one = (c0: number, c1: number) => [{ c0, c1 }];
    expect(packRows([one(0, 50), one(10, 20), one(60, 70), one(21, 30)], 2)).toEqual({
      rows: [0, 1, 0, 2],
      chosen: [0, 0, 0, 0],
      count: 3,
    });
    expect(packRows([one(0, 10), one(12, 20)], 2)).toEqual({ rows: [0, 0], chosen: [0, 0], count: 1 });
    // The second placement (to the left) fits the first row where the first (to the right) does not.
    expect(
      packRows(
        [
          one(50, 60),
          [
            { c0: 55, c1: 80 },
            { c0: 10, c1: 40 },
          ],
        ],
        2,
      ),
    ).toEqual({ rows: [0, 0], chosen: [0, 1], count: 1 });
  });
});

describe('layoutChart', () => {
  const timeline = [
    event('elected', { date: '2022', precision: 'year' }, ['relations']),
    event('call', { date: '2026-01-07', precision: 'day' }, ['relations']),
    event('visa', { precision: 'relative', after: 'call', before: 'meeting' }, ['relations']),
    event('remark', { precision: 'relative', before: 'meeting' }, ['insults']),
    event('meeting', { date: '2026-02-03', precision: 'day' }, ['relations', 'insults']),
    event('after', { date: '2026-02-03', precision: 'day', after: 'meeting' }, ['relations']),
    event('statements', { date: '2026-02', precision: 'month', after: 'meeting' }, ['relations']),
  ];
  const byId = new Map(timeline.map((item) => [item.id, item]));
  const layout = layoutChart({
    timeline,
    lanes: [
      { id: 'relations', label: 'Relations' },
      { id: 'empty', label: 'No events' },
      { id: 'insults', label: 'Insults' },
    ],
    anchorOf: (when) => resolveAnchor(when, byId),
    labelOf: (item) => `The label of ${item.id}`,
    landmarks: [
      { eventId: 'call', untilEventId: 'meeting', label: 'Thaw' },
      { eventId: 'meeting', label: 'Meeting' },
    ],
  });
  const mark = (lane: string, id: string) =>
    layout.lanes.find((item) => item.id === lane)!.marks.find((item) => item.eventId === id)!;
  const overlaps = (a: Columns, b: Columns): boolean => a.c0 < b.c1 && b.c0 < a.c1;

  it('has a lane per issue with events, in the order given, and a mark per event in each of its issues', () => {
    expect(layout.lanes.map((lane) => [lane.id, lane.marks.map((item) => item.eventId)])).toEqual([
      ['relations', ['elected', 'call', 'visa', 'meeting', 'after', 'statements']],
      ['insults', ['remark', 'meeting']],
    ]);
  });

  it('labels every year of the axis, each once, from the first to the last', () => {
    expect(layout.years.map((year) => [year.label, year.empty ?? false])).toEqual([
      ['2022', false],
      ['2023', true],
      ['2024', true],
      ['2025', true],
      ['2026', false],
    ]);
    for (const [at, year] of layout.years.entries())
      if (at > 0) expect(year.c0).toBeGreaterThanOrEqual(layout.years[at - 1]!.c1 - 1);
  });

  it('draws a day as a point, a month and a year as spans, an undated entry as such, ending at what it precedes', () => {
    expect(mark('relations', 'call')).toMatchObject({ shape: 'point', precision: 'day' });
    expect(mark('relations', 'call').glyph.c1 - mark('relations', 'call').glyph.c0).toBe(1);
    expect(mark('relations', 'elected')).toMatchObject({ shape: 'span', precision: 'year' });
    expect(mark('relations', 'statements')).toMatchObject({ shape: 'span', precision: 'month' });
    // "February 2026, after the meeting": starts right of the meeting's line (drawn in the middle of its column).
    const line = layout.landmarks.find((landmark) => landmark.label === 'Meeting')!;
    expect(mark('relations', 'statements').glyph.c0).toBe(line.c0 + 1);
    // "Between the call and the meeting": from the call's column to the meeting's.
    const visa = mark('relations', 'visa');
    expect(visa).toMatchObject({ shape: 'undated', precision: 'relative' });
    expect(visa.openStart).toBeUndefined();
    expect(visa.glyph.c0).toBe(mark('relations', 'call').glyph.c0);
    expect(visa.glyph.c1).toBe(mark('relations', 'meeting').glyph.c0);
    // "Before the meeting", nothing before it: a short arrow, open at its start.
    const remark = mark('insults', 'remark');
    expect(remark).toMatchObject({ shape: 'undated', openStart: true });
    expect(remark.glyph.c1).toBe(mark('insults', 'meeting').glyph.c0);
  });

  it('ends an undated "after X" where its sources allow: the day it was reported, else open, never a date it lacks', () => {
    const days = [
      event('week', { date: '2026-W06', precision: 'week' }, ['relations']),
      event('said', { precision: 'relative', after: 'week' }, ['relations']),
      event('meeting', { date: '2026-02-03', precision: 'day' }, ['relations']),
      event('later', { date: '2026-02-20', precision: 'day' }, ['relations']),
      event('more', { date: '2026-02-21', precision: 'day' }, ['relations']),
      event('most', { date: '2026-02-22', precision: 'day' }, ['relations']),
    ];
    const ids = new Map(days.map((item) => [item.id, item]));
    const draw = (reportedBy?: (item: Event) => number | undefined) =>
      layoutChart({
        timeline: days,
        lanes: [{ id: 'relations', label: 'Relations' }],
        anchorOf: (when) => resolveAnchor(when, ids),
        labelOf: (item) => item.id,
        ...(reportedBy ? { reportedBy } : {}),
      });
    // Reported on 3 February (day 20487 since 1970): from the week's first day to the meeting's day's dot, where
    // a "before meeting" arrow ends too (the meeting's column, its line across the middle), never past it.
    const reported = draw(() => Date.UTC(2026, 1, 3) / 86_400_000);
    const at = (id: string) => reported.lanes[0]!.marks.find((item) => item.eventId === id)!;
    const meetingDay = reported.segments.find((segment) => segment.kind === 'day' && segment.label === '3 Feb')!;
    expect(at('said').glyph.c0).toBeLessThan(meetingDay.c0);
    expect(at('said').glyph.c1).toBe(at('meeting').glyph.c0);
    expect(at('said').openEnd).toBeUndefined();
    // Never reported (no article dates it): drawn open at its end, from the week's first day.
    const open = draw().lanes[0]!.marks.find((item) => item.eventId === 'said')!;
    expect(open.openEnd).toBe(true);
    expect(open.glyph.c0).toBe(at('said').glyph.c0);
  });

  it('draws the events of one day together: one column, one above the other', () => {
    expect(mark('relations', 'after').glyph).toEqual(mark('relations', 'meeting').glyph);
    expect(mark('relations', 'after').row).not.toBe(mark('relations', 'meeting').row);
    expect(mark('relations', 'statements').glyph.c0).toBeGreaterThanOrEqual(mark('relations', 'meeting').glyph.c0);
  });

  it('gives every mark a label, within the axis, and never lets two marks or labels of a lane overlap in a row', () => {
    for (const lane of layout.lanes) {
      for (const a of lane.marks) {
        expect(a.label.c0).toBeGreaterThanOrEqual(0);
        expect(a.label.c1).toBeLessThanOrEqual(layout.columns);
        expect((a.label.c1 - a.label.c0) * (a.label.lines ?? 1)).toBeGreaterThanOrEqual(
          labelColumns(`The label of ${a.eventId}`, layout.columns),
        );
        // By its mark: starting at it (or over a bar or an arrow from its start), or ending at its start.
        expect(a.label.end ? a.label.c1 : a.label.c0, a.eventId).toBe(
          a.label.end ? a.glyph.c0 : a.shape === 'point' ? a.glyph.c1 : a.glyph.c0,
        );
        for (const b of lane.marks) {
          if (a === b || a.row !== b.row) continue;
          for (const [x, y] of [
            [a.glyph, b.glyph],
            [a.label, b.label],
            [a.glyph, b.label],
          ] as const)
            expect(overlaps(x, y)).toBe(false);
        }
      }
      expect(lane.rows).toBe(Math.max(...lane.marks.map((item) => item.row)) + 1);
    }
  });

  it('keeps each label in the years its mark covers, and a mark left of the meeting’s line keeps its label left of it', () => {
    // Each year's own columns: up to where the next begins (their boundary may fall inside a column).
    const own = layout.years.map((year, at) => ({ c0: year.c0, c1: layout.years[at + 1]?.c0 ?? year.c1 }));
    const line = layout.landmarks.find((landmark) => landmark.label === 'Meeting')!.c0;
    for (const lane of layout.lanes)
      for (const a of lane.marks) {
        const end = Math.max(a.glyph.c0 + 1, a.glyph.c1 - 1);
        const covered = own.filter((year) => year.c0 < end && a.glyph.c0 < year.c1);
        expect(covered.length, a.eventId).toBeGreaterThan(0);
        expect(a.label.c0, a.eventId).toBeGreaterThanOrEqual(Math.min(a.glyph.c0, covered[0]!.c0));
        expect(a.label.c1, a.eventId).toBeLessThanOrEqual(Math.max(a.glyph.c1, covered.at(-1)!.c1));
        if (a.glyph.c1 <= line) expect(a.label.c1, a.eventId).toBeLessThanOrEqual(line);
      }
    // Petro elected in 2022: its label stays in 2022 (it used to run on into the empty years after it).
    const elected = mark('relations', 'elected');
    expect(elected.label.c1).toBeLessThanOrEqual(Math.max(elected.glyph.c1, own[0]!.c1));
    // The call of 7 January: its label after its dot, ending before the meeting's line.
    expect(mark('relations', 'call').label.c1).toBeLessThanOrEqual(line);
  });

  it('marks the meeting as a line and the thaw as a band up to it', () => {
    expect(layout.landmarks).toEqual([
      {
        eventId: 'call',
        untilEventId: 'meeting',
        label: 'Thaw',
        c0: mark('relations', 'call').glyph.c0,
        c1: mark('relations', 'meeting').glyph.c0,
      },
      {
        eventId: 'meeting',
        label: 'Meeting',
        c0: mark('relations', 'meeting').glyph.c0,
        c1: mark('relations', 'meeting').glyph.c0,
      },
    ]);
  });

  it('does not depend on the order it is given being sorted: marks go where their dates say', () => {
    const shuffled = layoutChart({
      timeline: [...timeline].reverse(),
      lanes: [{ id: 'relations', label: 'R' }],
      anchorOf: () => undefined,
      labelOf: (item) => item.id,
    });
    const x = (id: string) => shuffled.lanes[0]!.marks.find((item) => item.eventId === id)!.glyph.c0;
    expect(x('elected')).toBeLessThan(x('call'));
    expect(x('call')).toBeLessThan(x('meeting'));
  });

  it('writes the page’s grid rules: its columns, one rule per start, end and row used, and the meeting line', () => {
    const css = chartCss(layout);
    expect(css.startsWith(`.tl-chart .tl-grid{grid-template-columns:repeat(${layout.columns},minmax(0,1fr))}`)).toBe(
      true,
    );
    expect(css).not.toContain('@');
    for (const lane of layout.lanes)
      for (const item of lane.marks)
        for (const name of gridClasses(item.label.c0, item.label.c1, item.row).split(' '))
          expect(css).toMatch(new RegExp(`\\.${name}\\{`));
    expect(css.match(/\.s\d+\{/g)!.length).toBe(new Set(css.match(/\.s\d+\{/g)).size);
    expect(css).toContain('var(--tl-line)');
    expect(css).toContain('var(--tl-band)');
  });
});
