import { describe, expect, it } from 'vitest';
import { fileEvents, fileTimeline, partLabel, partPeriod } from '../../../../src/lib/analysis/filing.ts';
import { dayKey } from '../../../../src/lib/analysis/dates.ts';
import { buildTimeline, resolveAnchor } from '../../../../src/lib/analysis/timeline.ts';
import type { Event } from '../../../../src/schemas/event.ts';
import type { When } from '../../../../src/schemas/when.ts';

const event = (id: string, when: When): Event => ({
  id,
  title: id,
  when,
  summary: id,
  citations: [{ article: 'a', paragraph: 'p' }],
  issues: ['i'],
  people: [],
});
const days = (id: string): string[] => {
  const { first, last } = partPeriod(id);
  return [dayKey(first), dayKey(last)];
};

describe('the period a part names', () => {
  it('reads years, a month, months and a further page of a month from its id', () => {
    expect(days('2022-2025')).toEqual(['2022-01-01', '2025-12-31']);
    expect(days('2026')).toEqual(['2026-01-01', '2026-12-31']);
    expect(days('2026-february')).toEqual(['2026-02-01', '2026-02-28']);
    expect(days('2026-january-march')).toEqual(['2026-01-01', '2026-03-31']);
    expect(days('2026-february-2')).toEqual(['2026-02-01', '2026-02-28']);
  });
});

describe('filing the timeline', () => {
  const call = event('call', { date: '2026-01-07', precision: 'day' });
  const meeting = event('meeting', { date: '2026-02-03', precision: 'day' });
  const week = event('week', { date: '2026-W06', precision: 'week' });
  const labelled = event('labelled', { precision: 'relative', before: 'meeting' });
  const visa = event('visa', { precision: 'relative', after: 'call', before: 'meeting' });
  const year = event('year', { date: '2026', precision: 'year', after: 'call', before: 'meeting' });
  const all = [call, meeting, week, labelled, visa, year];
  const byId = new Map(all.map((item) => [item.id, item]));
  const anchorOf = (when: When) => resolveAnchor(when, byId);

  it('files undated entries under their bounds, a year-only date under itself, and the rest under the part', () => {
    const filings = fileEvents({ id: '2026-february', events: [week, labelled, visa, year, meeting] }, anchorOf);
    expect(filings.map((filing) => [filing.heading, filing.undated, filing.events.map((item) => item.id)])).toEqual([
      [undefined, false, ['week']],
      ['Date not given, before 3 February 2026', true, ['labelled', 'visa']],
      ['2026, month not given', false, ['year']],
      [undefined, false, ['meeting']],
    ]);
  });

  it('gives every run a heading of its own (its date in a part of months, its year in a part of years) with an id from the dates it names', () => {
    const filings = fileEvents({ id: '2026-february', events: [week, labelled, visa, year, meeting] }, anchorOf);
    expect(filings.map((filing) => [filing.title, filing.id])).toEqual([
      ['Week of 2 February 2026', 'filed-2026-w06'],
      ['Date not given, before 3 February 2026', 'filed-before-2026-02-03'],
      ['2026, month not given', 'filed-2026'],
      ['3 February 2026', 'filed-2026-02-03'],
    ]);
    const fall = event('fall', { date: '2025', precision: 'season', season: 'fall' });
    const elected = event('elected', { date: '2022-06-19', precision: 'day' });
    const years = fileEvents({ id: '2022-2025', events: [elected, fall] }, anchorOf);
    expect(years.map((filing) => [filing.title, filing.id, dayKey(filing.span?.first ?? 0)])).toEqual([
      ['2022', 'filed-2022', '2022-01-01'],
      ['2025', 'filed-2025', '2025-01-01'],
    ]);
  });

  it('keeps an id unique in its part when a heading comes back after another, and reads an undated bound in the sentence', () => {
    const after = event('after', { precision: 'relative', after: 'week' });
    const filings = fileEvents({ id: '2026-february', events: [meeting, after, meeting] }, anchorOf);
    expect(filings.map((filing) => [filing.title, filing.id])).toEqual([
      ['3 February 2026', 'filed-2026-02-03'],
      ['Date not given, in or after the week of 2 February 2026', 'filed-after-2026-w06'],
      ['3 February 2026', 'filed-2026-02-03-2'],
    ]);
  });

  it("bounds an undated 'after' heading by the day of its first report (the site's anchors give it), its id from its bound", () => {
    const after = event('after', { precision: 'relative', after: 'week' });
    const reported = (when: When) => {
      const anchor = anchorOf(when);
      return anchor && { ...anchor, by: Date.UTC(2026, 1, 3) / 86_400_000 };
    };
    const filings = fileEvents({ id: '2026-february', events: [week, after] }, reported);
    expect(filings.map((filing) => [filing.title, filing.id])).toEqual([
      ['Week of 2 February 2026', 'filed-2026-w06'],
      ['Date not given, in the week of 2 February, by 3 February 2026', 'filed-after-2026-w06'],
    ]);
    // The whole timeline files it so when given the site's anchors (the pages' filing).
    const parts = fileTimeline([week, after], new Map([...byId, ['after', after]]), undefined, reported);
    expect(parts.flatMap((part) => part.filings.map((filing) => filing.title))).toContain(
      'Date not given, in the week of 2 February, by 3 February 2026',
    );
  });

  it('names a part by the days its dated entries cover, then what else it holds (partLabel)', () => {
    const context = { whenOf: (id: string) => byId.get(id)?.when, meetingEvent: 'meeting' };
    const label = (id: string, periodLabel: string, events: Event[]) =>
      partLabel({ id, label: periodLabel }, fileEvents({ id, events }, anchorOf), context);
    // One heading: itself; undated entries beside it said so.
    expect(label('2026-february', 'February 2026', [week, labelled, visa])).toBe(
      'Week of 2 February 2026, and entries without a date',
    );
    // Beginning on the meeting's day: the day, or the day and the rest of the month (an entry of February recorded after the meeting).
    expect(label('2026-february-2', 'February 2026, part 2', [meeting])).toBe('3 February 2026: the meeting day');
    const later = event('later', { date: '2026-02', precision: 'month', after: 'meeting' });
    expect(label('2026-february-2', 'February 2026, part 2', [meeting, later])).toBe(
      'The meeting day, 3 February 2026, and the rest of February',
    );
    // Several days: their range; the whole month: the month, its page number kept.
    const tenth = event('tenth', { date: '2026-02-10', precision: 'day' });
    expect(label('2026-february', 'February 2026', [week, tenth])).toBe('2–10 February 2026');
    const month = event('month', { date: '2026-02', precision: 'month' });
    expect(label('2026-february-2', 'February 2026, part 2', [tenth, month])).toBe('February 2026, part 2');
    // A year within a month's part; a part of years is its period.
    expect(label('2026-february', 'February 2026', [tenth, year])).toBe(
      '10 February 2026, and entries dated less precisely',
    );
    expect(label('2022-2025', '2022–2025', [event('elected', { date: '2022-06-19', precision: 'day' })])).toBe(
      '2022–2025',
    );
  });

  it('lists undated entries just before what they precede, never among the dated entries of a month they may not belong to', () => {
    const timeline = buildTimeline([...all, event('post', { date: '2026-01-10', precision: 'day' })]);
    const ids = timeline.map((item) => item.id);
    // The visa may fall on any day from 7 January to 3 February: it is listed after the post of 10 January, just before the meeting.
    expect(ids.slice(ids.indexOf('post') + 1, ids.indexOf('meeting'))).toEqual(
      expect.arrayContaining(['labelled', 'visa']),
    );
    expect(ids.indexOf('visa')).toBeGreaterThan(ids.indexOf('post'));
    const parts = fileTimeline(timeline, new Map(timeline.map((item) => [item.id, item])));
    const undatedIn = parts.filter((part) =>
      part.filings.some((filing) => filing.events.some((item) => item.id === 'visa' || item.id === 'labelled')),
    );
    for (const part of undatedIn) expect(part.label).toMatch(/entries without a date/);
  });
});
