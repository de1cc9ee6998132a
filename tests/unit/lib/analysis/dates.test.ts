import { describe, expect, it } from 'vitest';
import type { When } from '../../../../src/schemas/when.ts';
import {
  boundsInSentence,
  orderNote,
  orderShown,
  formatPublished,
  formatWhen,
  publishedDatetime,
  whenDatetime,
  whenPieces,
  whenSortKey,
  whenSpan,
} from '../../../../src/lib/analysis/dates.ts';

describe('publication dates', () => {
  it('keep the precision the page gives', () => {
    const timed = {
      date: '2026-02-03',
      time: '15:17',
      timeZone: 'PT',
      utcOffset: '-08:00',
      precision: 'minute',
      asPrinted: 'x',
    } as const;
    expect(publishedDatetime(timed)).toBe('2026-02-03T15:17-08:00');
    expect(formatPublished(timed)).toBe('3 February 2026, 3:17 pm PT');
    const dated = { date: '2026-02-04', precision: 'day', asPrinted: 'x' } as const;
    expect(publishedDatetime(dated)).toBe('2026-02-04');
    expect(formatPublished(dated)).toBe('4 February 2026');
  });

  it('format noon and midnight on the 12-hour clock', () => {
    const at = (time: string) =>
      formatPublished({ date: '2026-02-03', time, utcOffset: '+00:00', precision: 'minute', asPrinted: 'x' });
    expect(at('00:05')).toBe('3 February 2026, 12:05 am');
    expect(at('12:00')).toBe('3 February 2026, 12:00 pm');
  });
});

describe('event dates', () => {
  it('are shown at their precision, never more precise', () => {
    expect(formatWhen({ date: '2026-02-03', precision: 'day' })).toBe('3 February 2026');
    expect(formatWhen({ date: '2025-10', precision: 'month' })).toBe('October 2025');
    expect(formatWhen({ date: '2025', precision: 'season', season: 'fall' })).toBe('Autumn 2025');
    expect(formatWhen({ date: '2022', precision: 'year' })).toBe('2022');
  });

  it('sort by the earliest day they could mean', () => {
    const keys = [
      whenSortKey({ date: '2025', precision: 'year' }),
      whenSortKey({ date: '2025', precision: 'season', season: 'fall' }),
      whenSortKey({ date: '2025-10', precision: 'month' }),
      whenSortKey({ date: '2025-09-01', precision: 'day' }),
    ];
    expect(keys).toEqual(['2025-00-00', '2025-09-00', '2025-10-00', '2025-09-01']);
    expect([...keys].sort()).toEqual(['2025-00-00', '2025-09-00', '2025-09-01', '2025-10-00']);
  });
});

describe('relative dates', () => {
  const anchor = { relation: 'before', when: { date: '2026-02-03', precision: 'day' } } as const;
  it('read and sort by their anchor, saying that their date is not given', () => {
    expect(formatWhen({ precision: 'relative', before: 'meeting' }, anchor)).toBe(
      'Before 3 February 2026, date not given',
    );
    expect(formatWhen({ precision: 'relative', after: 'meeting' }, { ...anchor, relation: 'after' })).toBe(
      'After 3 February 2026, date not given',
    );
    // A bound of a week or a season reads inside the sentence, not capitalised as it heads an entry; what follows
    // (or precedes) something of that week or season may fall in it: "in or after".
    expect(
      formatWhen(
        { precision: 'relative', after: 'x' },
        { relation: 'after', when: { date: '2026-W06', precision: 'week' } },
      ),
    ).toBe('In or after the week of 2 February 2026, date not given');
    expect(
      formatWhen(
        { precision: 'relative', before: 'x' },
        { relation: 'before', when: { date: '2025', precision: 'season', season: 'fall' } },
      ),
    ).toBe('In or before autumn 2025, date not given');
    expect(formatWhen({ precision: 'relative', before: 'meeting' })).toBe('Date not given');
    expect(whenSortKey({ precision: 'relative', before: 'meeting' }, anchor)).toBe('2026-02-03');
  });

  it('read up to the day of their first report after what they follow, never later than it', () => {
    const week = { date: '2026-W06', precision: 'week' } as const;
    const feb3 = Date.UTC(2026, 1, 3) / 86_400_000;
    // Reported within the week it follows: in that week, by the day of the report.
    expect(formatWhen({ precision: 'relative', after: 'x' }, { relation: 'after', when: week, by: feb3 })).toBe(
      'In the week of 2 February, by 3 February 2026, date not given',
    );
    expect(boundsInSentence({ relation: 'after', when: week, by: feb3 })).toBe(
      'in the week of 2 February, by 3 February 2026',
    );
    // Reported after it: in or after it, by the day of the report; after a day, after it.
    expect(boundsInSentence({ relation: 'after', when: week, by: feb3 + 10 })).toBe(
      'in or after the week of 2 February, by 13 February 2026',
    );
    expect(boundsInSentence({ relation: 'after', when: { date: '2026-01-07', precision: 'day' }, by: feb3 })).toBe(
      'after 7 January, by 3 February 2026',
    );
    expect(
      boundsInSentence({ relation: 'after', when: { date: '2025', precision: 'season', season: 'fall' }, by: feb3 }),
    ).toBe('in or after autumn 2025, by 3 February 2026');
    // A heading over entries that share a bound names only it: what each also follows is on its own line.
    expect(boundsInSentence({ ...anchor, since: { date: '2026-01-07', precision: 'day' } })).toBe(
      'before 3 February 2026',
    );
  });

  it('read between both bounds when they follow one event and precede another, the year once when shared', () => {
    const call = { date: '2026-01-07', precision: 'day' } as const;
    expect(formatWhen({ precision: 'relative', after: 'call', before: 'meeting' }, { ...anchor, since: call })).toBe(
      'Between 7 January and 3 February 2026, date not given',
    );
    expect(
      formatWhen(
        { precision: 'relative', after: 'x', before: 'meeting' },
        { ...anchor, since: { date: '2025', precision: 'year' } },
      ),
    ).toBe('Between 2025 and 3 February 2026, date not given');
    expect(
      formatWhen(
        { precision: 'relative', after: 'x', before: 'meeting' },
        { ...anchor, since: { date: '2026-W06', precision: 'week' } },
      ),
    ).toBe('Between the week of 2 February and 3 February 2026, date not given');
  });

  it('have no datetime of their own: only their bounds are dates (“Before 3 February 2026” is not the day 3 February)', () => {
    expect(whenDatetime({ precision: 'relative', before: 'meeting' })).toBeUndefined();
    expect(whenPieces({ precision: 'relative', before: 'meeting' }, anchor)).toEqual([
      'Before ',
      { text: '3 February 2026', datetime: '2026-02-03' },
      ', date not given',
    ]);
    expect(whenPieces({ date: '2025-10', precision: 'month' })).toEqual([
      { text: 'October 2025', datetime: '2025-10' },
    ]);
  });

  it('read in lower case inside a sentence ("Gustavo Petro, between 2025 and …"), only the first word changing', () => {
    const text = (pieces: ReturnType<typeof whenPieces>) =>
      pieces.map((piece) => (typeof piece === 'string' ? piece : piece.text)).join('');
    const between = whenPieces(
      { precision: 'relative', after: 'x', before: 'meeting' },
      { ...anchor, since: { date: '2025', precision: 'year' } },
      { inSentence: true },
    );
    expect(text(between)).toBe('between 2025 and 3 February 2026, date not given');
    expect(text(whenPieces({ precision: 'relative', before: 'meeting' }, undefined, { inSentence: true }))).toBe(
      'date not given',
    );
    expect(
      text(whenPieces({ date: '2025', precision: 'season', season: 'fall' }, undefined, { inSentence: true })),
    ).toBe('autumn 2025');
    expect(text(whenPieces({ date: '2026-W06', precision: 'week' }, undefined, { inSentence: true }))).toBe(
      'the week of 2 February 2026',
    );
    // A day or a month starts with a number or a name: unchanged.
    expect(text(whenPieces({ date: '2025-10', precision: 'month' }, undefined, { inSentence: true }))).toBe(
      'October 2025',
    );
    // At the start of a line it stays capitalised.
    expect(text(whenPieces({ date: '2025', precision: 'season', season: 'fall' }))).toBe('Autumn 2025');
  });
});

describe('weeks and spans', () => {
  const iso = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);
  it('read a week ("this week") by its Monday, and carry it in the datetime attribute', () => {
    expect(formatWhen({ date: '2026-W06', precision: 'week' })).toBe('Week of 2 February 2026');
    expect(whenDatetime({ date: '2026-W06', precision: 'week' })).toBe('2026-W06');
  });

  it('span every day a date could mean', () => {
    const span = (when: Parameters<typeof whenSpan>[0]): string[] => [
      iso(whenSpan(when).first),
      iso(whenSpan(when).last),
    ];
    expect(span({ date: '2026-02-03', precision: 'day' })).toEqual(['2026-02-03', '2026-02-03']);
    expect(span({ date: '2026-W06', precision: 'week' })).toEqual(['2026-02-02', '2026-02-08']);
    expect(span({ date: '2026-W01', precision: 'week' })).toEqual(['2025-12-29', '2026-01-04']);
    expect(span({ date: '2026-02', precision: 'month' })).toEqual(['2026-02-01', '2026-02-28']);
    expect(span({ date: '2025', precision: 'season', season: 'fall' })).toEqual(['2025-09-01', '2025-11-30']);
    expect(span({ date: '2026', precision: 'season', season: 'winter' })).toEqual(['2025-12-01', '2026-02-28']);
    expect(span({ date: '2025', precision: 'year' })).toEqual(['2025-01-01', '2025-12-31']);
    expect(whenSpan({ precision: 'relative', before: 'x' })).toEqual({ first: -Infinity, last: Infinity });
  });
});

describe('an entry’s order beside its date (orderShown, orderNote)', () => {
  const day = (date: string): When => ({ date, precision: 'day' });
  const january: When = { date: '2026-01', precision: 'month' };

  it('shows "after X" beside a day only when X is that day too; "during X" and the orders of a less precise date always', () => {
    expect(orderShown(day('2026-01-07'), 'after', january)).toBe(false);
    expect(orderShown(day('2026-01-07'), 'after', day('2026-01-03'))).toBe(false);
    expect(orderShown(day('2026-02-03'), 'after', day('2026-02-03'))).toBe(true);
    expect(orderShown(day('2026-02-03'), 'during', day('2026-02-03'))).toBe(true);
    expect(orderShown({ date: '2026-02', precision: 'month' }, 'after', day('2026-02-03'))).toBe(true);
    expect(orderShown({ precision: 'relative', before: 'x' }, 'before', day('2026-02-03'))).toBe(true);
  });

  it('says relative to what the order is not given, and nothing for an undated entry', () => {
    expect(orderNote(day('2026-01-07'), january, 'entry')).toBe(
      'the entry above is dated only to January 2026; which came first is not given',
    );
    expect(orderNote(day('2026-02-03'), day('2026-02-03'), 'entry')).toBe(
      'same day as the entry above; which came first is not given',
    );
    expect(orderNote(january, january, 'quotation')).toBe(
      'same month as the quotation above; which came first is not given',
    );
    expect(orderNote({ date: '2026', precision: 'year' }, january, 'quotation')).toBe(
      'the sources do not say whether this came before or after the quotation above',
    );
    expect(orderNote(day('2026-01-07'), { precision: 'relative', before: 'x' }, 'entry')).toBe(
      'the entry above has no date; which came first is not given',
    );
    expect(orderNote({ precision: 'relative', before: 'x' }, day('2026-01-07'), 'entry')).toBeUndefined();
  });
});
