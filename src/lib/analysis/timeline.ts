import type { Event } from '../../schemas/event.ts';
import type { Quotation } from '../../schemas/quotation.ts';
import type { When } from '../../schemas/when.ts';
import { formatDay, formatWhen, whenSpan, type Anchor, type Span } from './dates.ts';

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
  if (!target || target.when.precision === 'relative') return undefined;
  // "Before X" and also "after Y": Y, followed through relative events the same way, is its other bound.
  let since = relation === 'before' ? eventById.get(when.after ?? '') : undefined;
  for (let steps = 0; since && since.when.precision === 'relative' && steps < eventById.size; steps += 1) since = eventById.get(since.when.after ?? '');
  return since && since.when.precision !== 'relative' ? { relation, when: target.when, since: since.when } : { relation, when: target.when };
}

/** One thing placed in the chronology: an event, or a quotation (which may belong to an event). */
export interface ChronologyItem {
  /** "event" or "quotation": ids are unique within a kind. */
  kind: 'event' | 'quotation';
  /** The item's id. */
  id: string;
  /** Its date, with the orders the sources give (after, before, during: ids of events). */
  when: When;
  /** For a quotation: the event it was said at, whose date it must fall within. */
  event?: string;
  /** Where neither dates nor relations order two items: a lower number first (e.g. the order of the text). */
  sequence?: number;
}

/** Why the order cannot be built: which item, which field, and what is wrong. */
export interface OrderIssue {
  /** The item at fault. */
  kind: ChronologyItem['kind'];
  /** Its id. */
  id: string;
  /** The field at fault, e.g. "when.after". */
  field: string;
  /** What is wrong and what was expected. */
  message: string;
}

/** The order of every event and quotation, and what the sources do and do not say about it. */
export interface Chronology {
  /** Every item, oldest first, as "kind:id" keys: an order that meets every relation and date. */
  order: readonly string[];
  /** Whether the sources place `a` before `b` (by dates that do not overlap, or by a chain of relations). */
  knownBefore(a: string, b: string): boolean;
  /** The days an item could fall on, once the relations are applied. */
  span(key: string): Span;
}

/** The key of an item in a chronology. */
export const chronologyKey = (kind: ChronologyItem['kind'], id: string): string => `${kind}:${id}`;

interface Edge {
  from: string;
  to: string;
  /** The item and field that record the relation; absent for an order inferred from "during". */
  recorded?: { key: string; field: string };
}

/**
 * Orders events and quotations so that every relation the sources give holds: X comes before what is
 * "after" it, before what it is "before", and before what happened "during" it (and what happened
 * during X before what came after X); dates that cannot overlap keep their order. Where neither dates
 * nor relations settle it, items go by the earliest day they could fall on (an undated "before X", known
 * only by its order, by X), then by the latest, then by id. A coarse date is narrowed by its relations first, so "2026,
 * after a January event" can never come before January. Returns the issues that make an honest order
 * impossible (a cycle, a date that contradicts a relation); the order is then best effort.
 */
export function buildChronology(items: readonly ChronologyItem[]): { chronology: Chronology; issues: OrderIssue[] } {
  const issues: OrderIssue[] = [];
  const byKey = new Map(items.map((item) => [chronologyKey(item.kind, item.id), item]));
  const own = new Map([...byKey].map(([key, item]) => [key, whenSpan(item.when)]));
  const span = new Map([...own].map(([key, value]) => [key, { ...value }]));
  const edges: Edge[] = [];
  const containedIn = new Map<string, string>();
  const eventKey = (id: string | undefined): string | undefined => {
    const key = id === undefined ? undefined : chronologyKey('event', id);
    return key !== undefined && byKey.has(key) ? key : undefined;
  };
  for (const [key, item] of byKey) {
    const after = eventKey(item.when.after);
    if (after) edges.push({ from: after, to: key, recorded: { key, field: 'when.after' } });
    const before = eventKey(item.when.before);
    if (before) edges.push({ from: key, to: before, recorded: { key, field: 'when.before' } });
    const parent = eventKey(item.when.during) ?? eventKey(item.event);
    if (parent && parent !== key) {
      edges.push({ from: parent, to: key, recorded: { key, field: item.when.during !== undefined ? 'when.during' : 'event' } });
      containedIn.set(key, parent);
    }
  }
  // What happened during X happened after what preceded X and before what followed X.
  const children = new Map<string, string[]>();
  for (const [child, parent] of containedIn) children.set(parent, [...(children.get(parent) ?? []), child]);
  for (const edge of [...edges]) {
    if (containedIn.get(edge.to) === edge.from) continue;
    for (const child of children.get(edge.from) ?? []) if (child !== edge.to) edges.push({ from: child, to: edge.to });
    for (const child of children.get(edge.to) ?? []) if (child !== edge.from && containedIn.get(edge.from) !== edge.to) edges.push({ from: edge.from, to: child });
  }

  const describe = (key: string): string => {
    const item = byKey.get(key);
    return item ? `${item.kind} "${item.id}" (${formatWhen(item.when)})` : key;
  };
  const report = (key: string, field: string, message: string): void => {
    const item = byKey.get(key);
    if (item) issues.push({ kind: item.kind, id: item.id, field, message });
  };
  // A relation its own dates contradict.
  for (const edge of edges) {
    if (!edge.recorded) continue;
    const from = own.get(edge.from);
    const to = own.get(edge.to);
    if (!from || !to) continue;
    const field = edge.recorded.field;
    if (field === 'when.during' || field === 'event') {
      if (to.last < from.first || to.first > from.last) {
        report(edge.recorded.key, 'when', `is dated ${formatWhen(byKey.get(edge.to)?.when ?? { precision: 'relative' })} but is part of ${describe(edge.from)}: its date must fall within that event's date`);
      } else if (to.first < from.first || to.last > from.last) {
        report(edge.recorded.key, 'when', `is dated ${formatWhen(byKey.get(edge.to)?.when ?? { precision: 'relative' })}, less precisely than ${describe(edge.from)}, which it is part of: give it the event's date, or a date within it`);
      }
    } else if (to.last < from.first) {
      const later = edge.recorded.key === edge.to ? edge.to : edge.from;
      const other = later === edge.to ? edge.from : edge.to;
      report(
        edge.recorded.key,
        field,
        field === 'when.after'
          ? `is dated ${formatWhen(byKey.get(later)?.when ?? { precision: 'relative' })}, before ${describe(other)}, which it is recorded to follow: it would be listed before an event it follows; correct the date or the relation`
          : `is dated ${formatWhen(byKey.get(later)?.when ?? { precision: 'relative' })}, after ${describe(other)}, which it is recorded to precede: it would be listed after an event it precedes; correct the date or the relation`,
      );
    }
  }
  // Narrow every span by its relations (what follows X cannot start before X; what precedes Y cannot end after Y).
  for (let round = 0, changed = true; changed && round <= items.length + 1; round += 1) {
    changed = false;
    for (const edge of edges) {
      const from = span.get(edge.from);
      const to = span.get(edge.to);
      if (!from || !to) continue;
      if (to.first < from.first) [to.first, changed] = [from.first, true];
      if (from.last > to.last) [from.last, changed] = [to.last, true];
    }
    for (const [child, parent] of containedIn) {
      const inner = span.get(child);
      const outer = span.get(parent);
      if (!inner || !outer) continue;
      if (inner.first < outer.first) [inner.first, changed] = [outer.first, true];
      if (inner.last > outer.last) [inner.last, changed] = [outer.last, true];
    }
  }
  // Only when no single relation is at fault: the items whose own relations leave them no possible day.
  if (issues.length === 0) {
    const empty = [...span].filter(([, value]) => value.first > value.last).map(([key]) => key);
    const related = (key: string): boolean => edges.some((edge) => edge.recorded?.key === key);
    for (const key of empty.some(related) ? empty.filter(related) : empty) {
      const value = span.get(key) ?? { first: 0, last: 0 };
      report(key, 'when', `its date and its after/before relations cannot all hold: they put it no earlier than ${formatDay(value.first)} and no later than ${formatDay(value.last)}; correct the date or one of the relations`);
    }
  }

  // Kahn's algorithm, always taking the waiting item that can fall earliest.
  const outgoing = new Map<string, string[]>();
  for (const edge of edges) outgoing.set(edge.from, [...(outgoing.get(edge.from) ?? []), edge.to]);
  // An undated entry (only an order known) goes by the latest day it could fall on, so that it is listed
  // just before what it precedes ("before the meeting, date not given"), not among dated entries it may follow.
  // (Worked out once a key: the spans are settled by now, and the heap compares each key many times.)
  const ranks = new Map<string, [number, number, number, string]>();
  const rank = (key: string): [number, number, number, string] => {
    const known = ranks.get(key);
    if (known) return known;
    const { first, last } = span.get(key) ?? { first: Infinity, last: Infinity };
    const undated = byKey.get(key)?.when.precision === 'relative' && Number.isFinite(last);
    const value: [number, number, number, string] = [Number.isFinite(first) && !undated ? first : last, last, byKey.get(key)?.sequence ?? 0, key];
    ranks.set(key, value);
    return value;
  };
  const earlier = (a: string, b: string): boolean => {
    const [ra, rb] = [rank(a), rank(b)];
    for (let index = 0; index < 3; index += 1) if (ra[index] !== rb[index]) return (ra[index] as number) < (rb[index] as number);
    return ra[3] < rb[3];
  };
  const sortTopologically = (keys: readonly string[], links: readonly { from: string; to: string }[]): string[] => {
    const inside = new Set(keys);
    const next = new Map<string, string[]>();
    const waiting = new Map<string, number>(keys.map((key) => [key, 0]));
    for (const { from, to } of links) {
      if (!inside.has(from) || !inside.has(to)) continue;
      next.set(from, [...(next.get(from) ?? []), to]);
      waiting.set(to, (waiting.get(to) ?? 0) + 1);
    }
    const ready = new Heap(earlier);
    for (const [key, count] of waiting) if (count === 0) ready.push(key);
    const sorted: string[] = [];
    for (let key = ready.pop(); key !== undefined; key = ready.pop()) {
      sorted.push(key);
      for (const target of next.get(key) ?? []) {
        const count = (waiting.get(target) ?? 0) - 1;
        waiting.set(target, count);
        if (count === 0) ready.push(target);
      }
    }
    return sorted;
  };
  // Events are ordered among themselves first, so adding quotations never moves an event; the
  // quotations then fit into that order (the chain is for placing them, not something the sources say).
  const eventKeys = [...byKey.keys()].filter((key) => byKey.get(key)?.kind === 'event');
  const eventOrder = sortTopologically(eventKeys, edges);
  const chain = eventOrder.length === eventKeys.length ? eventOrder.slice(1).map((to, index) => ({ from: eventOrder[index] ?? to, to })) : [];
  const order = sortTopologically([...byKey.keys()], [...edges, ...chain]);
  if (order.length < byKey.size) {
    const left = [...byKey.keys()].filter((key) => !order.includes(key)).sort();
    const cycle = findCycle(left, edges);
    const first = cycle[0] ?? left[0] ?? '';
    const edge = edges.find((candidate) => candidate.recorded && candidate.from === first && candidate.to === cycle[1]);
    const at = edges.find((candidate) => candidate.recorded && (candidate.from === first || candidate.to === first))?.recorded;
    report(
      edge?.recorded?.key ?? at?.key ?? first,
      edge?.recorded?.field ?? at?.field ?? 'when',
      `is in a cycle of after/before relations (${[...cycle, cycle[0] ?? ''].map((key) => byKey.get(key)?.id ?? key).join(' → ')}, each before the next): nothing can come after itself; remove or correct one of them`,
    );
    order.push(...left);
  }

  const position = new Map(order.map((key, index) => [key, index]));
  const reachable = new Map<string, Set<string>>();
  const reach = (from: string): Set<string> => {
    const known = reachable.get(from);
    if (known) return known;
    const seen = new Set<string>();
    const stack = [...(outgoing.get(from) ?? [])];
    for (let key = stack.pop(); key !== undefined; key = stack.pop()) {
      if (seen.has(key)) continue;
      seen.add(key);
      stack.push(...(outgoing.get(key) ?? []));
    }
    reachable.set(from, seen);
    return seen;
  };
  const chronology: Chronology = {
    order,
    knownBefore(a, b) {
      const [sa, sb] = [span.get(a), span.get(b)];
      if (!sa || !sb || a === b) return false;
      return sa.last < sb.first || reach(a).has(b);
    },
    span: (key) => span.get(key) ?? { first: -Infinity, last: Infinity },
  };
  // The order is built to meet every relation; this says so out loud if it ever does not.
  for (const edge of edges) {
    if (edge.recorded && (position.get(edge.from) ?? 0) > (position.get(edge.to) ?? 0) && issues.length === 0) {
      report(edge.recorded.key, edge.recorded.field, `${describe(edge.to)} is listed before ${describe(edge.from)}, which it is recorded to follow`);
    }
  }
  return { chronology, issues };
}

/** Events and quotations as chronology items. */
export function chronologyItems(events: readonly Event[], quotations: readonly Quotation[]): ChronologyItem[] {
  return [
    ...events.map((event) => ({ kind: 'event' as const, id: event.id, when: event.when })),
    ...quotations.map((quotation) => ({
      kind: 'quotation' as const,
      id: quotation.id,
      when: quotation.when,
      ...(quotation.event === undefined ? {} : { event: quotation.event }),
    })),
  ];
}

/** Orders events oldest first, meeting every relation the sources give (see buildChronology). */
export function buildTimeline(events: readonly Event[]): Event[] {
  const { chronology } = buildChronology(chronologyItems(events, []));
  const byId = new Map(events.map((event) => [chronologyKey('event', event.id), event]));
  return chronology.order.flatMap((key) => byId.get(key) ?? []);
}

/** The ids in `list` whose order after the entry before them the sources do not give. */
export function orderNotGiven(chronology: Chronology, kind: ChronologyItem['kind'], ids: readonly string[]): Set<string> {
  const result = new Set<string>();
  ids.forEach((id, index) => {
    const previous = ids[index - 1];
    if (previous !== undefined && !chronology.knownBefore(chronologyKey(kind, previous), chronologyKey(kind, id))) result.add(id);
  });
  return result;
}

function findCycle(keys: readonly string[], edges: readonly Edge[]): string[] {
  const inside = new Set(keys);
  const next = new Map<string, string[]>();
  for (const edge of edges) if (inside.has(edge.from) && inside.has(edge.to)) next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
  for (const start of keys) {
    const path: string[] = [];
    const onPath = new Set<string>();
    const visit = (key: string): string[] | undefined => {
      if (onPath.has(key)) return path.slice(path.indexOf(key));
      path.push(key);
      onPath.add(key);
      for (const target of (next.get(key) ?? []).toSorted()) {
        const found = visit(target);
        if (found) return found;
      }
      path.pop();
      onPath.delete(key);
      return undefined;
    };
    const found = visit(start);
    if (found) return found;
  }
  return [...keys];
}

/** A binary heap of keys, smallest (by `less`) first. */
class Heap {
  readonly #items: string[] = [];
  readonly less: (a: string, b: string) => boolean;
  constructor(less: (a: string, b: string) => boolean) {
    this.less = less;
  }
  push(item: string): void {
    const items = this.#items;
    items.push(item);
    for (let index = items.length - 1; index > 0; ) {
      const parent = (index - 1) >> 1;
      if (!this.less(items[index] as string, items[parent] as string)) break;
      [items[index], items[parent]] = [items[parent] as string, items[index] as string];
      index = parent;
    }
  }
  pop(): string | undefined {
    const items = this.#items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      items[0] = last;
      for (let index = 0; ; ) {
        const [left, right] = [index * 2 + 1, index * 2 + 2];
        let smallest = index;
        if (left < items.length && this.less(items[left] as string, items[smallest] as string)) smallest = left;
        if (right < items.length && this.less(items[right] as string, items[smallest] as string)) smallest = right;
        if (smallest === index) break;
        [items[index], items[smallest]] = [items[smallest] as string, items[index] as string];
        index = smallest;
      }
    }
    return top;
  }
}
