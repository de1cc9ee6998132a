import { describe, expect, it } from 'vitest';
import {
  buildSegments,
  CHART,
  eventInterval,
  layoutChart,
  packRows,
  scaleTime,
  SPLIT_AT,
  targetExtent,
  whenInterval,
  type Segment,
} from '../../../../src/lib/reading/timeline-chart.ts';
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
    expect(whenInterval({ date: '2026-02-03', precision: 'day' })).toEqual({ start: day('2026-02-03'), end: day('2026-02-04') });
    expect(whenInterval({ date: '2025-10', precision: 'month' })).toEqual({ start: day('2025-10-01'), end: day('2025-11-01') });
    expect(whenInterval({ date: '2025', precision: 'season', season: 'fall' })).toEqual({ start: day('2025-09-01'), end: day('2025-12-01') });
    expect(whenInterval({ date: '2022', precision: 'year' })).toEqual({ start: day('2022-01-01'), end: day('2023-01-01') });
    expect(whenInterval({ precision: 'relative', before: 'x' })).toBeUndefined();
  });

  it('narrows a year to what the event is said to follow and precede', () => {
    const raid = event('raid', { date: '2026-01', precision: 'month' });
    const meeting = event('meeting', { date: '2026-02-03', precision: 'day' });
    const dare = event('dare', { date: '2026', precision: 'year', after: 'raid', before: 'meeting' });
    const byId = new Map([raid, meeting, dare].map((item) => [item.id, item]));
    expect(eventInterval(dare, byId)).toEqual({ start: day('2026-01-01'), end: day('2026-02-04') });
    const impossible = event('x', { date: '2025', precision: 'year', after: 'meeting' });
    expect(eventInterval(impossible, new Map([...byId, ['x', impossible]]))).toEqual({ start: day('2025-01-01'), end: day('2026-01-01') });
  });
});

describe('buildSegments: the broken time axis', () => {
  const dated = (when: Event['when']) => ({ when, interval: whenInterval(when)! });

  it('gives a quiet year one segment, an empty year a narrow one, and lays them out left to right', () => {
    const segments = buildSegments([dated({ date: '2022', precision: 'year' }), dated({ date: '2024', precision: 'year' })]);
    expect(segments.map((segment) => [segment.kind, segment.label])).toEqual([
      ['year', '2022'],
      ['year', '2023'],
      ['year', '2024'],
    ]);
    expect(segments[1]!.x1 - segments[1]!.x0).toBe(CHART.empty);
    expect(segments[0]!.x1 - segments[0]!.x0).toBe(CHART.yearBase + CHART.yearPerEvent);
    expect(segments[0]!.x1).toBe(segments[1]!.x0);
  });

  it(`splits a year with ${SPLIT_AT} events dated to a month or finer into months, and a busy month into days`, () => {
    const days = Array.from({ length: SPLIT_AT }, () => dated({ date: '2026-02-03', precision: 'day' }));
    const segments = buildSegments([dated({ date: '2026-01', precision: 'month' }), ...days]);
    expect(segments.map((segment) => [segment.kind, segment.label])).toEqual([
      ['month', 'Jan 2026'],
      ['gap', undefined],
      ['day', '3 Feb'],
      ['gap', undefined],
    ]);
    expect(segments[2]!.x1 - segments[2]!.x0).toBe(CHART.dayBase + CHART.dayPerEvent * SPLIT_AT);
    expect(segments.at(-1)!.end).toBe(day('2026-03-01'));
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

describe('packRows and targetExtent', () => {
  it('puts each mark in the first row where it does not overlap', () => {
    expect(packRows([{ x0: 0, x1: 50 }, { x0: 10, x1: 20 }, { x0: 60, x1: 70 }, { x0: 21, x1: 30 }], 2)).toEqual({ rows: [0, 1, 0, 2], count: 3 });
    expect(packRows([{ x0: 0, x1: 10 }, { x0: 12, x1: 20 }], 2)).toEqual({ rows: [0, 0], count: 1 });
  });
  it('gives a point a target at least 24 px wide, centred on it', () => {
    expect(targetExtent({ x0: 50, x1: 50 })).toEqual({ x0: 50 - CHART.target / 2, x1: 50 + CHART.target / 2 });
    expect(targetExtent({ x0: 0, x1: 100 })).toEqual({ x0: 0, x1: 100 });
  });
});

describe('layoutChart', () => {
  const timeline = [
    event('elected', { date: '2022', precision: 'year' }, ['relations']),
    event('call', { date: '2026-01-07', precision: 'day' }, ['relations']),
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
    landmarks: [
      { eventId: 'call', untilEventId: 'meeting', label: 'Thaw' },
      { eventId: 'meeting', label: 'Meeting' },
    ],
  });
  const mark = (lane: string, id: string) => layout.lanes.find((item) => item.id === lane)!.marks.find((item) => item.eventId === id)!;

  it('has a lane per issue with events, in the order given, and a mark per event in each of its issues', () => {
    expect(layout.lanes.map((lane) => [lane.id, lane.marks.map((item) => item.eventId)])).toEqual([
      ['relations', ['elected', 'call', 'meeting', 'after', 'statements']],
      ['insults', ['remark', 'meeting']],
    ]);
  });

  it('draws a day as a point, a month and a year as spans, an undated "before X" as an arrow to X', () => {
    expect(mark('relations', 'call')).toMatchObject({ shape: 'point', precision: 'day' });
    expect(mark('relations', 'call').x0).toBe(mark('relations', 'call').x1);
    expect(mark('relations', 'elected')).toMatchObject({ shape: 'span', precision: 'year' });
    expect(mark('relations', 'elected').x1 - mark('relations', 'elected').x0).toBeGreaterThan(CHART.yearBase);
    const statements = mark('relations', 'statements');
    expect(statements).toMatchObject({ shape: 'span', precision: 'month' });
    const remark = mark('insults', 'remark');
    expect(remark).toMatchObject({ shape: 'arrow', pointsAt: mark('insults', 'meeting').x0, x1: mark('insults', 'meeting').x0 });
    expect(remark.x1 - remark.x0).toBe(CHART.arrow);
  });

  it('places marks in time order, and keeps a month “after X” from starting before X’s day', () => {
    expect(mark('relations', 'elected').x0).toBeLessThan(mark('relations', 'call').x0);
    expect(mark('relations', 'call').x0).toBeLessThan(mark('relations', 'meeting').x0);
    // Two events on one day: too few to draw the day wide, so they share an x, in two rows.
    expect(layout.segments.some((segment) => segment.kind === 'day')).toBe(false);
    expect(mark('relations', 'after').x0).toBe(mark('relations', 'meeting').x0);
    expect(mark('relations', 'after').row).not.toBe(mark('relations', 'meeting').row);
    expect(mark('relations', 'statements').x0).toBeGreaterThanOrEqual(scaleTime(layout.segments, day('2026-02-03')));
  });

  it('spreads the events of a day drawn wide across it, in timeline order', () => {
    const busy = Array.from({ length: SPLIT_AT + 1 }, (_, at) => event(`z${SPLIT_AT - at}`, { date: '2026-02-03', precision: 'day' }));
    const wide = layoutChart({ timeline: busy, lanes: [{ id: 'i', label: 'I' }], anchorOf: () => undefined });
    const segment = wide.segments.find((item) => item.kind === 'day')!;
    const xs = wide.lanes[0]!.marks.map((item) => item.x0);
    expect(wide.lanes[0]!.marks.map((item) => item.eventId)).toEqual(busy.map((item) => item.id));
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(new Set(xs).size).toBe(busy.length);
    expect(Math.min(...xs)).toBeGreaterThan(segment.x0);
    expect(Math.max(...xs)).toBeLessThan(segment.x1);
  });

  it('never lets two marks’ targets overlap in a row, and marks the meeting and the thaw', () => {
    for (const lane of layout.lanes) {
      for (const a of lane.marks)
        for (const b of lane.marks) {
          if (a === b || a.row !== b.row) continue;
          const [ea, eb] = [targetExtent(a), targetExtent(b)];
          expect(ea.x1 <= eb.x0 || eb.x1 <= ea.x0).toBe(true);
        }
      expect(lane.height).toBe(CHART.label + (Math.max(...lane.marks.map((item) => item.row)) + 1) * CHART.row + CHART.lanePadding);
    }
    expect(layout.landmarks).toEqual([
      { eventId: 'call', untilEventId: 'meeting', label: 'Thaw', x0: mark('relations', 'call').x0, x1: mark('relations', 'meeting').x0 },
      { eventId: 'meeting', label: 'Meeting', x0: mark('relations', 'meeting').x0, x1: mark('relations', 'meeting').x0 },
    ]);
    expect(layout.width).toBeGreaterThanOrEqual(Math.max(...layout.lanes.flatMap((lane) => lane.marks.map((item) => targetExtent(item).x1))));
  });

  it('does not depend on the order it is given being sorted: marks go where their dates say', () => {
    const shuffled = layoutChart({ timeline: [...timeline].reverse(), lanes: [{ id: 'relations', label: 'R' }], anchorOf: () => undefined });
    const x = (id: string) => shuffled.lanes[0]!.marks.find((item) => item.eventId === id)!.x0;
    expect(x('elected')).toBeLessThan(x('call'));
    expect(x('call')).toBeLessThan(x('meeting'));
  });
});
