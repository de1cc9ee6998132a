import { INDEX_PAGE_SIZE, type PaginatedIndex } from '../lib/links/pagination.ts';
import type { Issue, Person, Quotation } from '../schemas/index.ts';
import { getSiteIndex } from './site.ts';

/**
 * Every quotation in the order of the quotations pages: the timeline's order, so that a new quotation joins
 * at the end (a quotation's address is its entry on its speaker's page; these pages link there).
 */
export async function quotationsIndexOrder(): Promise<{ person: Person; quotation: Quotation }[]> {
  const index = await getSiteIndex();
  return index.quotationsInOrder.flatMap((quotation) => {
    const person = index.personById.get(quotation.speaker);
    return person ? [{ person, quotation }] : [];
  });
}

/** The sides people are grouped by on the people index, in order. */
export const PEOPLE_SIDES = [
  { id: 'united-states', label: 'United States' },
  { id: 'colombia', label: 'Colombia' },
  { id: 'other', label: 'Others' },
] as const;

/** Everyone in the order of the people index: by side, then most quoted and involved first, then by name. */
export async function peopleIndexOrder(): Promise<{ side: (typeof PEOPLE_SIDES)[number]; person: Person }[]> {
  const index = await getSiteIndex();
  const weight = (id: string): number => index.quotationsOf(id).length + index.eventsOf(id).length;
  return PEOPLE_SIDES.flatMap((side) =>
    index.people
      .filter((person) => person.side === side.id)
      .sort((a, b) => weight(b.id) - weight(a.id) || a.name.localeCompare(b.name))
      .map((person) => ({ side, person })),
  );
}

/** Every issue in the order of the issues index: most events first, then by title. */
export async function issuesIndexOrder(): Promise<Issue[]> {
  const index = await getSiteIndex();
  const events = (id: string): number => index.eventsOfIssue(id).length;
  return [...index.issues].sort((a, b) => events(b.id) - events(a.id) || a.title.localeCompare(b.title));
}

const pageMaps = new Map<PaginatedIndex, Promise<Map<string, number>>>();

/** The page of its index an item is listed on (1 when it fits on the first), for links to its place there. */
export async function indexPageOf(index: Exclude<PaginatedIndex, 'articles'>, id: string): Promise<number> {
  let map = pageMaps.get(index);
  if (!map) {
    const order = async (): Promise<string[]> =>
      index === 'quotations'
        ? (await quotationsIndexOrder()).map((item) => item.quotation.id)
        : index === 'people'
          ? (await peopleIndexOrder()).map((item) => item.person.id)
          : (await issuesIndexOrder()).map((issue) => issue.id);
    map = order().then(
      (ids) => new Map(ids.map((item, position) => [item, Math.floor(position / INDEX_PAGE_SIZE[index]) + 1])),
    );
    pageMaps.set(index, map);
  }
  return (await map).get(id) ?? 1;
}
