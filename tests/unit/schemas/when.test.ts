import { describe, expect, it } from 'vitest';
import { WhenSchema } from '../../../src/schemas/when.ts';

const messages = (value: unknown): string[] => {
  const result = WhenSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('WhenSchema', () => {
  it('accepts each precision in its own shape', () => {
    expect(messages({ date: '2026-02-03', precision: 'day' })).toEqual([]);
    expect(messages({ date: '2025-10', precision: 'month' })).toEqual([]);
    expect(messages({ date: '2025', precision: 'season', season: 'fall', wording: 'Last fall' })).toEqual([]);
    expect(messages({ date: 2022, precision: 'year' })).toEqual([]);
    expect(messages({ precision: 'relative', before: 'white-house-meeting' })).toEqual([]);
    expect(messages({ date: '2026-W06', precision: 'week' })).toEqual([]);
    expect(messages({ date: '2026-02-03', precision: 'day', during: 'white-house-meeting' })).toEqual([]);
  });

  it('refuses a week that is not an ISO week, and during together with after or before', () => {
    expect(messages({ date: '2026-W54', precision: 'week' })).toEqual(['date: expected a real week for precision "week", written like 2026-W06']);
    expect(messages({ date: '2026-02-03', precision: 'day', during: 'meeting', after: 'call' })).toEqual([
      'during: give either during (part of an event) or after/before, not both: what happens during an event shares its order',
    ]);
  });

  it('refuses a date more or less precise than it claims, or impossible', () => {
    expect(messages({ date: '2025-10', precision: 'day' })).toEqual(['date: expected a real day for precision "day", written like 2026-02-03']);
    expect(messages({ date: '2026-02-30', precision: 'day' })).toEqual(['date: expected a real day for precision "day", written like 2026-02-03']);
    expect(messages({ date: '2025-13', precision: 'month' })).toEqual(['date: expected a real month for precision "month", written like 2025-10']);
    expect(messages({ date: '2025-10-01', precision: 'year' })).toEqual(['date: expected a real year for precision "year", written like 2022']);
  });

  it('ties seasons to precision "season"', () => {
    expect(messages({ date: '2025', precision: 'season' })).toEqual(['season: a season is given exactly when precision is "season"']);
    expect(messages({ date: '2025', precision: 'year', season: 'fall' })).toEqual(['season: a season is given exactly when precision is "season"']);
  });

  it('gives relative dates an order and no date', () => {
    expect(messages({ precision: 'relative' })).toEqual(['precision: precision "relative" needs after: <event id> or before: <event id>']);
    expect(messages({ date: '2025', precision: 'relative', after: 'x' })).toEqual(['date: precision "relative" takes no date: give after or before instead']);
    expect(messages({ precision: 'day' })).toEqual(['date: required field is missing (a date for precision "day")']);
  });

  it('refuses unknown fields', () => {
    expect(messages({ date: '2025', precision: 'year', seasn: 'fall' })).toEqual([': Unrecognized key: "seasn"']);
  });
});
