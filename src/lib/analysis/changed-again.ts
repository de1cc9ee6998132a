import type { Correction } from '../../schemas/correction.ts';

/**
 * The later entries of the log that changed a statement again: for each change of `correction` (by its
 * place in `changes`), the id of the first entry after it that changed the same field of the same entry, or
 * undefined. An entry is after it when published on a later day, or on the same day when its change starts
 * from this one's result (its "before" is this "after"): the log does not order a day's entries otherwise.
 * A log entry's page shows what its change made at the time; this says where to read what became of it.
 */
export function changedAgain(log: readonly Correction[], correction: Correction): (string | undefined)[] {
  return correction.changes.map((change) => {
    const later = log
      .filter((other) => other.id !== correction.id)
      .filter((other) =>
        other.changes.some(
          (next) =>
            next.entry === change.entry &&
            next.field === change.field &&
            (other.date > correction.date ||
              (other.date === correction.date && change.after !== undefined && next.before === change.after)),
        ),
      )
      .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
    return later[0]?.id;
  });
}
