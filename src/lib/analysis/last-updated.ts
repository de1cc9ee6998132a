import type { Correction } from '../../schemas/correction.ts';

/** What a page shows, as entry references ("events/jan-7-call"); "events/*" stands for every event. */
export type PageContents = ReadonlyMap<string, ReadonlySet<string>>;

/** Whether a page showing `shown` shows the entry `ref`. */
function shows(shown: ReadonlySet<string>, ref: string): boolean {
  return shown.has(ref) || shown.has(`${ref.split('/')[0] ?? ''}/*`);
}

/**
 * The day a page was last updated: the latest log entry that touched something it shows, or else the
 * latest edition (YYYY-MM-DD); undefined when the log has neither. A page not in `pages` shows only the edition.
 */
export function lastUpdated(corrections: readonly Correction[], shown: ReadonlySet<string> | undefined): string | undefined {
  let latest: string | undefined;
  for (const correction of corrections) {
    const counts = correction.kind === 'edition' || (shown !== undefined && correction.affects.some((ref) => shows(shown, ref)));
    if (counts && (latest === undefined || correction.date > latest)) latest = correction.date;
  }
  return latest;
}

/** The log entries that touched something a page shows, newest first. */
export function correctionsShownOn(corrections: readonly Correction[], shown: ReadonlySet<string>): Correction[] {
  return corrections
    .filter((correction) => correction.kind !== 'edition' && correction.affects.some((ref) => shows(shown, ref)))
    .sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
}
