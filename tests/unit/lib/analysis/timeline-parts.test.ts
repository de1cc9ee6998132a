import { describe, expect, it } from 'vitest';
import { periodOfWhen, splitTimeline, type EventPeriod } from '../../../../src/lib/analysis/timeline-parts.ts';
import type { Event } from '../../../../src/schemas/event.ts';

const event = (id: string, date?: string): Event => ({
  id,
  title: id,
  when:
    date === undefined
      ? { precision: 'relative', before: 'x' }
      : { date, precision: date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day' },
  summary: id,
  citations: [{ article: 'a', paragraph: 'p' }],
  issues: ['i'],
  people: [],
});
const periodOf = (item: Event): EventPeriod | undefined => periodOfWhen(item.when);
const shape = (parts: ReturnType<typeof splitTimeline>) =>
  parts.map((part) => [part.id, part.label, part.events.map((item) => item.id)]);

describe('splitTimeline', () => {
  it('joins whole years, oldest first, while a part stays within the limit, empty years included', () => {
    const timeline = [
      event('a', '2022'),
      event('b', '2023'),
      event('c', '2025'),
      event('d', '2026-01'),
      event('e', '2026-02-03'),
    ];
    expect(shape(splitTimeline(timeline, periodOf, 3))).toEqual([
      ['2022-2025', '2022–2025', ['a', 'b', 'c']],
      ['2026', '2026', ['d', 'e']],
    ]);
    expect(shape(splitTimeline(timeline, periodOf, 10))).toEqual([
      ['2022-2026', '2022–2026', ['a', 'b', 'c', 'd', 'e']],
    ]);
  });

  it('cuts a year with more events than the limit by month; year-only events go with the month the order gives them', () => {
    const timeline = [
      event('y1', '2026'),
      event('jan1', '2026-01'),
      event('jan2', '2026-01-07'),
      event('y2', '2026'),
      event('feb1', '2026-02-03'),
      event('feb2', '2026-02'),
      event('mar', '2026-03-01'),
    ];
    expect(shape(splitTimeline(timeline, periodOf, 4))).toEqual([
      ['2026-january', 'January 2026', ['y1', 'jan1', 'jan2', 'y2']],
      ['2026-february-march', 'February–March 2026', ['feb1', 'feb2', 'mar']],
    ]);
  });

  it('keeps each part a contiguous stretch of the order it is given, whatever that order is', () => {
    // An event listed after a later year (say, "2025, after" a 2026 event) stays where the order puts it.
    const timeline = [
      event('a', '2025'),
      event('b', '2026-01'),
      event('c', '2025'),
      event('undated'),
      event('d', '2026-02'),
    ];
    const parts = splitTimeline(timeline, periodOf, 2);
    expect(parts.flatMap((part) => part.events.map((item) => item.id))).toEqual(['a', 'b', 'c', 'undated', 'd']);
    expect(shape(parts)).toEqual([
      ['2025', '2025', ['a']],
      ['2026-january', 'January 2026', ['b', 'c']],
      ['2026-january-2', 'January 2026, part 2', ['undated']],
      ['2026-february', 'February 2026', ['d']],
    ]);
  });

  it('cuts a month with more events than the limit into pages, in the order given, so no part exceeds it', () => {
    const timeline = Array.from({ length: 7 }, (_, at) => event(`m${at}`, `2026-03-0${1 + at}`));
    expect(shape(splitTimeline([event('feb', '2026-02-01'), ...timeline], periodOf, 3))).toEqual([
      ['2026-february', 'February 2026', ['feb']],
      ['2026-march', 'March 2026', ['m0', 'm1', 'm2']],
      ['2026-march-2', 'March 2026, part 2', ['m3', 'm4', 'm5']],
      ['2026-march-3', 'March 2026, part 3', ['m6']],
    ]);
  });

  it('keeps a run of events filed under one heading (a day) on one page: the page ends before a run that would not fit', () => {
    // Two undated entries, then a day of three events, then one more: with pages of 4 the day is not split.
    const march = [
      event('u1'),
      event('u2'),
      ...['d1', 'd2', 'd3'].map((id) => event(id, '2026-03-03')),
      event('m', '2026-03'),
    ];
    const monthOf = (item: Event): EventPeriod | undefined => periodOfWhen(item.when) ?? { year: 2026, month: 3 };
    const heading = (item: Event, partId: string) =>
      `${partId}:${item.when.precision === 'relative' ? 'undated' : item.when.date}`;
    expect(shape(splitTimeline(march, monthOf, 4, heading))).toEqual([
      ['2026-march', 'March 2026', ['u1', 'u2']],
      ['2026-march-2', 'March 2026, part 2', ['d1', 'd2', 'd3', 'm']],
    ]);
    // Without headings, pages of the limit, the day cut.
    expect(shape(splitTimeline(march, monthOf, 4)).map(([, , ids]) => ids)).toEqual([
      ['u1', 'u2', 'd1', 'd2'],
      ['d3', 'm'],
    ]);
    // A run longer than a page is cut, filling the page it starts on: no page over the limit, none left short.
    const long = [event('u1'), ...['d1', 'd2', 'd3', 'd4', 'd5'].map((id) => event(id, '2026-03-03'))];
    expect(shape(splitTimeline(long, monthOf, 4, heading)).map(([, , ids]) => ids)).toEqual([
      ['u1', 'd1', 'd2', 'd3'],
      ['d4', 'd5'],
    ]);
  });

  it('leaves every earlier part as it was when a new event at the end of a month opens another page of it', () => {
    const march = Array.from({ length: 6 }, (_, at) => event(`m${at}`, `2026-03-0${1 + at}`));
    const before = splitTimeline(march, periodOf, 3);
    const after = splitTimeline([...march, event('m6', '2026-03-09')], periodOf, 3);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(shape(after.slice(before.length))).toEqual([['2026-march-3', 'March 2026, part 3', ['m6']]]);
  });

  it('gives every event exactly one part, and no part more than the limit', () => {
    const timeline = Array.from({ length: 30 }, (_, at) =>
      event(`e${at}`, `2026-0${1 + Math.floor(at / 10)}-0${1 + (at % 9)}`),
    );
    const parts = splitTimeline(timeline, periodOf, 12);
    expect(parts.flatMap((part) => part.events)).toEqual(timeline);
    expect(parts.map((part) => part.events.length)).toEqual([10, 10, 10]);
    expect(splitTimeline([], periodOf)).toEqual([]);
  });
});

describe('periodOfWhen', () => {
  it('reads the year and, where the date has one, the month: a week by its Thursday, a season by its first month in the year', () => {
    expect(periodOfWhen({ date: '2026-02-03', precision: 'day' })).toEqual({ year: 2026, month: 2 });
    expect(periodOfWhen({ date: '2025-10', precision: 'month' })).toEqual({ year: 2025, month: 10 });
    expect(periodOfWhen({ date: '2026-W06', precision: 'week' })).toEqual({ year: 2026, month: 2 });
    // ISO week 1 of 2026 starts on Monday 29 December 2025; its Thursday is 1 January.
    expect(periodOfWhen({ date: '2026-W01', precision: 'week' })).toEqual({ year: 2026, month: 1 });
    expect(periodOfWhen({ date: '2025', precision: 'season', season: 'fall' })).toEqual({ year: 2025, month: 9 });
    expect(periodOfWhen({ date: '2026', precision: 'season', season: 'winter' })).toEqual({ year: 2026, month: 1 });
    expect(periodOfWhen({ date: '2022', precision: 'year' })).toEqual({ year: 2022 });
    expect(periodOfWhen({ precision: 'relative', before: 'x' })).toBeUndefined();
  });
});
