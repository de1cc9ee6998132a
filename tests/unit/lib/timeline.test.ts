import { describe, expect, it } from 'vitest';
import { buildTimeline, resolveAnchor } from '../../../src/lib/timeline.ts';
import type { Event } from '../../../src/schemas/event.ts';

const event = (id: string, when: Event['when']): Event => ({
  id,
  title: id,
  when,
  summary: id,
  citations: [{ article: 'a', paragraph: 'p' }],
  issues: ['i'],
  people: [],
});

describe('buildTimeline', () => {
  it('orders by date, coarse dates first within their period, then by id', () => {
    const events = [
      event('meeting', { date: '2026-02-03', precision: 'day' }),
      event('b-undated-2025', { date: '2025', precision: 'year' }),
      event('fall', { date: '2025', precision: 'season', season: 'fall' }),
      event('october', { date: '2025-10', precision: 'month' }),
      event('a-undated-2025', { date: '2025', precision: 'year' }),
    ];
    expect(buildTimeline(events).map((item) => item.id)).toEqual(['a-undated-2025', 'b-undated-2025', 'fall', 'october', 'meeting']);
  });

  it('puts an event after the one it is said to follow, even when ids would sort otherwise', () => {
    const events = [
      event('z-return', { date: '2025', precision: 'year' }),
      event('a-flights', { date: '2025', precision: 'year', after: 'z-return' }),
      event('a-tariffs', { date: '2025', precision: 'year', after: 'a-flights' }),
    ];
    expect(buildTimeline(events).map((item) => item.id)).toEqual(['z-return', 'a-flights', 'a-tariffs']);
  });

  it('puts an event before the one it is said to precede', () => {
    const events = [
      event('a-first', { date: '2026', precision: 'year' }),
      event('z-remark', { date: '2026', precision: 'year', before: 'a-first' }),
    ];
    expect(buildTimeline(events).map((item) => item.id)).toEqual(['z-remark', 'a-first']);
  });

  it('is the same whatever order the events come in', () => {
    const events = [
      event('c', { date: '2025-01', precision: 'month' }),
      event('a', { date: '2025-01', precision: 'month' }),
      event('b', { date: '2025-01-07', precision: 'day' }),
    ];
    expect(buildTimeline(events)).toEqual(buildTimeline([...events].reverse()));
  });
});

describe('relative dates in the timeline', () => {
  it('come just before the event they precede, and just after the one they follow', () => {
    const events = [
      event('meeting', { date: '2026-02-03', precision: 'day' }),
      event('call', { date: '2026-01-07', precision: 'day' }),
      event('a-remark', { precision: 'relative', before: 'meeting' }),
      event('z-reaction', { precision: 'relative', after: 'call' }),
    ];
    expect(buildTimeline(events).map((item) => item.id)).toEqual(['call', 'z-reaction', 'a-remark', 'meeting']);
  });

  it('resolve an anchor only through links in one direction', () => {
    const byId = new Map(
      [
        event('meeting', { date: '2026-02-03', precision: 'day' }),
        event('middle', { precision: 'relative', before: 'meeting' }),
        event('mixed', { precision: 'relative', after: 'middle' }),
        event('chained', { precision: 'relative', before: 'middle' }),
      ].map((item) => [item.id, item]),
    );
    expect(resolveAnchor({ precision: 'relative', before: 'middle' }, byId)).toEqual({ relation: 'before', when: { date: '2026-02-03', precision: 'day' } });
    expect(resolveAnchor({ precision: 'relative', after: 'middle' }, byId)).toBeUndefined();
  });
});
