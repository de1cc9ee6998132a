import type { Event } from '../schemas/event.ts';
import type { When } from '../schemas/when.ts';
import { whenSortKey, type Anchor } from './dates.ts';

/**
 * The dated event a relative date hangs on: follows before/after links (through other relative
 * events) to the first event with a real date. Undefined for dated whens and for broken chains.
 */
export function resolveAnchor(when: When, eventById: ReadonlyMap<string, Event>): Anchor | undefined {
  if (when.precision !== 'relative') return undefined;
  const relation = when.before !== undefined ? 'before' : 'after';
  const next = (from: When): Event | undefined => eventById.get((relation === 'before' ? from.before : from.after) ?? '');
  // Only a chain in one direction carries the relation over (before X, X before Y: before Y).
  let target = next(when);
  for (let steps = 0; target && target.when.precision === 'relative' && steps < eventById.size; steps += 1) {
    target = next(target.when);
  }
  return target && target.when.precision !== 'relative' ? { relation, when: target.when } : undefined;
}

/**
 * Orders events oldest first: by the earliest day their date could mean, then by their stated order
 * ("after" another event), then by id, so the order is the same on every build.
 */
export function buildTimeline(events: readonly Event[]): Event[] {
  const byId = new Map(events.map((event) => [event.id, event]));
  const key = (event: Event): string => whenSortKey(event.when, resolveAnchor(event.when, byId));
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
      key(a).localeCompare(key(b)) ||
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
