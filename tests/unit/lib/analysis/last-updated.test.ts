import { describe, expect, it } from 'vitest';
import { correctionsShownOn, lastUpdated } from '../../../../src/lib/analysis/last-updated.ts';
import type { Correction } from '../../../../src/schemas/correction.ts';

const entry = (id: string, date: string, kind: Correction['kind'], affects: string[] = []): Correction => ({ id, date, kind, affects, what: id, why: id, sources: [], changes: [] });
const log = [
  entry('first-edition', '2026-11-22', 'edition'),
  entry('call-fixed', '2026-12-01', 'correction', ['events/jan-7-call']),
  entry('quote-fixed', '2026-12-03', 'correction', ['quotations/very-nice']),
];

describe('last updated', () => {
  it('is the latest log entry touching what the page shows', () => {
    expect(lastUpdated(log, new Set(['events/jan-7-call']))).toBe('2026-12-01');
    expect(lastUpdated(log, new Set(['events/*']))).toBe('2026-12-01');
    expect(lastUpdated(log, new Set(['events/*', 'quotations/very-nice']))).toBe('2026-12-03');
  });

  it('is the edition date for a page nothing in the log touched, or a page it does not know', () => {
    expect(lastUpdated(log, new Set(['events/petro-elected']))).toBe('2026-11-22');
    expect(lastUpdated(log, undefined)).toBe('2026-11-22');
    expect(lastUpdated([], new Set(['events/*']))).toBeUndefined();
  });

  it('is never older than the latest edition', () => {
    expect(lastUpdated([...log, entry('second-edition', '2026-12-10', 'edition')], new Set(['events/jan-7-call']))).toBe('2026-12-10');
  });

  it('lists the entries touching a page, newest first, editions left out', () => {
    expect(correctionsShownOn(log, new Set(['events/*', 'quotations/*'])).map((item) => item.id)).toEqual(['quote-fixed', 'call-fixed']);
  });
});
