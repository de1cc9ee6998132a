import { describe, expect, it } from 'vitest';
import { changedAgain } from '../../../../src/lib/analysis/changed-again.ts';
import type { Correction } from '../../../../src/schemas/correction.ts';

const entry = (id: string, date: string, changes: Correction['changes']): Correction => ({
  id,
  date,
  kind: 'correction',
  affects: changes.map((change) => change.entry),
  what: id,
  why: id,
  sources: [],
  changes,
});

describe('changedAgain', () => {
  const first = entry('first', '2026-12-01', [
    { entry: 'events/a', field: 'summary', before: 'A0', after: 'A1' },
    { entry: 'events/b', field: 'title', after: 'B1' },
  ]);
  const sameDay = entry('same-day', '2026-12-01', [{ entry: 'events/a', field: 'summary', before: 'A1', after: 'A2' }]);
  const later = entry('later', '2026-12-07', [{ entry: 'events/a', field: 'summary', before: 'A2', after: 'A3' }]);
  const otherField = entry('other-field', '2026-12-07', [{ entry: 'events/b', field: 'summary', after: 'x' }]);
  const earlier = entry('earlier', '2026-11-20', [{ entry: 'events/b', field: 'title', after: 'B0' }]);
  const log = [later, otherField, first, sameDay, earlier];

  it('names, for each change, the first later entry that changed the same field of the same entry', () => {
    expect(changedAgain(log, first)).toEqual(['same-day', undefined]);
    expect(changedAgain(log, sameDay)).toEqual(['later']);
    expect(changedAgain(log, later)).toEqual([undefined]);
  });

  it('takes an entry of the same day as later only when it starts from this change’s result, and never an earlier one', () => {
    expect(changedAgain([first, sameDay], sameDay)).toEqual([undefined]);
    expect(changedAgain(log, earlier)).toEqual(['first']);
  });
});
