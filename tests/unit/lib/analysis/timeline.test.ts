import { describe, expect, it } from 'vitest';
import { buildChronology, buildTimeline, orderNotGiven, resolveAnchor, type ChronologyItem } from '../../../../src/lib/analysis/timeline.ts';
import type { Event } from '../../../../src/schemas/event.ts';

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

describe('the order the sources give is a constraint, not a tie-breaker', () => {
  const order = (events: Event[]): string[] => buildTimeline(events).map((item) => item.id);
  const issues = (items: ChronologyItem[]): string[] => buildChronology(items).issues.map((issue) => `${issue.kind} ${issue.id} ${issue.field}: ${issue.message}`);
  const item = (id: string, when: Event['when'], extra: Partial<ChronologyItem> = {}): ChronologyItem => ({ kind: 'event', id, when, ...extra });

  it('never lists a coarse date before the event it follows', () => {
    const events = [
      event('a-dare', { date: '2026', precision: 'year', after: 'z-capture' }),
      event('z-capture', { date: '2026-01', precision: 'month' }),
      event('b-call', { date: '2026-01-07', precision: 'day' }),
    ];
    expect(order(events)).toEqual(['z-capture', 'a-dare', 'b-call']);
  });

  it('narrows a coarse date by its relations before placing it', () => {
    const { chronology } = buildChronology([
      item('capture', { date: '2026-01', precision: 'month' }),
      item('visa', { date: '2026', precision: 'year', after: 'call', before: 'meeting' }),
      item('call', { date: '2026-01-07', precision: 'day', after: 'capture' }),
      item('meeting', { date: '2026-02-03', precision: 'day' }),
    ]);
    const days = chronology.span('event:visa');
    expect([new Date(days.first * 86_400_000).toISOString().slice(0, 10), new Date(days.last * 86_400_000).toISOString().slice(0, 10)]).toEqual(['2026-01-07', '2026-02-03']);
    // The call follows the capture, so the capture cannot end after the call.
    expect(new Date(chronology.span('event:capture').last * 86_400_000).toISOString().slice(0, 10)).toBe('2026-01-07');
  });

  it('puts the meeting before what happened during it, and that before what followed it', () => {
    const events = [
      event('a-remarks', { date: '2026-02-03', precision: 'day', after: 'meeting' }),
      event('b-gifts', { date: '2026-02-03', precision: 'day', during: 'meeting' }),
      event('c-preview', { precision: 'relative', before: 'meeting' }),
      event('meeting', { date: '2026-02-03', precision: 'day' }),
      event('d-posts', { date: '2026-02', precision: 'month', after: 'meeting' }),
      event('e-cap', { date: '2026-02-03', precision: 'day', after: 'b-gifts' }),
    ];
    expect(order(events)).toEqual(['c-preview', 'meeting', 'b-gifts', 'a-remarks', 'e-cap', 'd-posts']);
  });

  it('says where the sources give no order, and only there', () => {
    const { chronology } = buildChronology([
      item('meeting', { date: '2026-02-03', precision: 'day' }),
      item('gifts', { date: '2026-02-03', precision: 'day', during: 'meeting' }),
      item('talks', { date: '2026-02-03', precision: 'day', during: 'meeting' }),
      item('remarks', { date: '2026-02-03', precision: 'day', after: 'meeting' }),
      item('next-day', { date: '2026-02-04', precision: 'day' }),
    ]);
    const ids = chronology.order.map((key) => key.replace('event:', ''));
    expect(ids).toEqual(['meeting', 'gifts', 'talks', 'remarks', 'next-day']);
    // gifts and talks: both during the meeting, no order between them. remarks: after the meeting, so after both.
    expect([...orderNotGiven(chronology, 'event', ids)]).toEqual(['talks']);
  });

  it('orders quotations with their events, within their dates', () => {
    const { chronology, issues: found } = buildChronology([
      item('meeting', { date: '2026-02-03', precision: 'day' }),
      item('remarks', { date: '2026-02-03', precision: 'day', after: 'meeting' }),
      item('fantastic', { date: '2026-02-03', precision: 'day' }, { kind: 'quotation', event: 'remarks' }),
      item('early', { date: '2026-01-10', precision: 'day' }, { kind: 'quotation' }),
    ]);
    expect(found).toEqual([]);
    expect(chronology.order).toEqual(['quotation:early', 'event:meeting', 'event:remarks', 'quotation:fantastic']);
    expect(chronology.knownBefore('event:meeting', 'quotation:fantastic')).toBe(true);
  });

  it('refuses a cycle of after/before relations, naming it', () => {
    expect(
      issues([
        item('a', { date: '2025', precision: 'year', after: 'b' }),
        item('b', { date: '2025', precision: 'year', after: 'c' }),
        item('c', { date: '2025', precision: 'year', after: 'a' }),
      ]),
    ).toEqual(['event c when.after: is in a cycle of after/before relations (a → c → b → a, each before the next): nothing can come after itself; remove or correct one of them']);
  });

  it('refuses a date that would list an event before one it is recorded to follow', () => {
    expect(issues([item('capture', { date: '2026-01', precision: 'month' }), item('dare', { date: '2025', precision: 'year', after: 'capture' })])).toEqual([
      'event dare when.after: is dated 2025, before event "capture" (January 2026), which it is recorded to follow: it would be listed before an event it follows; correct the date or the relation',
    ]);
    expect(issues([item('meeting', { date: '2026-02-03', precision: 'day' }), item('preview', { date: '2026-03', precision: 'month', before: 'meeting' })])).toEqual([
      'event preview when.before: is dated March 2026, after event "meeting" (3 February 2026), which it is recorded to precede: it would be listed after an event it precedes; correct the date or the relation',
    ]);
  });

  it('refuses relations that together leave no possible date', () => {
    expect(
      issues([
        item('late', { date: '2026-01-10', precision: 'day' }),
        item('early', { date: '2026-01-05', precision: 'day' }),
        item('between', { date: '2026', precision: 'year', after: 'late', before: 'early' }),
      ])[0],
    ).toBe(
      'event between when: its date and its after/before relations cannot all hold: they put it no earlier than 10 January 2026 and no later than 5 January 2026; correct the date or one of the relations',
    );
  });

  it('refuses a quotation dated outside, or less precisely than, its event', () => {
    const meeting = item('remarks', { date: '2026-02-03', precision: 'day' });
    expect(issues([meeting, item('working-on', { date: '2026-02', precision: 'month' }, { kind: 'quotation', event: 'remarks' })])).toEqual([
      'quotation working-on when: is dated February 2026, less precisely than event "remarks" (3 February 2026), which it is part of: give it the event\'s date, or a date within it',
    ]);
    expect(issues([meeting, item('elsewhen', { date: '2026-01-10', precision: 'day' }, { kind: 'quotation', event: 'remarks' })])).toEqual([
      'quotation elsewhen when: is dated 10 January 2026 but is part of event "remarks" (3 February 2026): its date must fall within that event\'s date',
    ]);
  });
});
