import type { Event } from '../schemas/event.ts';
import { whenSortKey } from './dates.ts';

/**
 * Orders events oldest first: by the earliest day their date could mean, then by their stated order
 * ("after" another event), then by id, so the order is the same on every build.
 */
export function buildTimeline(events: readonly Event[]): Event[] {
  const byId = new Map(events.map((event) => [event.id, event]));
  const depth = new Map<string, number>();
  const chainDepth = (event: Event, seen: Set<string> = new Set()): number => {
    const known = depth.get(event.id);
    if (known !== undefined) return known;
    const previous = event.when.after === undefined ? undefined : byId.get(event.when.after);
    const value = previous && !seen.has(previous.id) ? chainDepth(previous, new Set([...seen, event.id])) + 1 : 0;
    depth.set(event.id, value);
    return value;
  };
  const sorted = [...events].sort(
    (a, b) =>
      whenSortKey(a.when).localeCompare(whenSortKey(b.when)) ||
      chainDepth(a) - chainDepth(b) ||
      a.id.localeCompare(b.id),
  );
  // "before" constraints: move an event ahead of the one it precedes when the sort put it later.
  for (const event of events) {
    if (event.when.before === undefined) continue;
    const from = sorted.indexOf(event);
    const to = sorted.findIndex((candidate) => candidate.id === event.when.before);
    if (to !== -1 && from > to) {
      sorted.splice(from, 1);
      sorted.splice(to, 0, event);
    }
  }
  return sorted;
}
