import type { EntryFacets, Facet, FilterState } from './filters.ts';

// Its own module, apart from filters.ts: the build writes a tally (tallyOf), the filters' script reads it (tallied).

/**
 * A tally of entries listed on another page (the points only one outlet reports, on /sources/): how many have each
 * value of each facet, "issue:sanctions=3 issue:energy=1 outlet:clash-report=4", so that a count of them on this
 * page can follow the filter (`tallied`) without listing them; only the values the page's form `offered` (a value it
 * does not offer is never chosen there, and the tally stays light). Exact only when the entries differ in one facet at
 * most (one outlet's points, of many issues): with two, an entry of value a in one and b in the other could not be
 * told from two entries with one each, so that is refused.
 */
export function tallyOf(
  entries: readonly EntryFacets[],
  offered: (facet: Facet, value: string) => boolean = () => true,
): string {
  const facets = [...new Set(entries.flatMap((entry) => Object.keys(entry) as Facet[]))];
  const varying = facets.filter(
    (facet) => new Set(entries.map((entry) => [...new Set(entry[facet] ?? [])].sort().join(' '))).size > 1,
  );
  if (varying.length > 1)
    throw new Error(
      `filters: a tally counts entries that differ in one facet at most, these differ in ${varying.join(' and ')}; list the entries on the page instead (filterAttributes)`,
    );
  const counts = new Map<string, number>();
  for (const entry of entries)
    for (const facet of facets)
      for (const value of new Set(entry[facet] ?? []))
        if (offered(facet, value)) counts.set(`${facet}:${value}`, (counts.get(`${facet}:${value}`) ?? 0) + 1);
  return [...counts].map(([key, count]) => `${key}=${count}`).join(' ');
}

/**
 * How many of a tally's `total` entries a state shows: every entry when nothing is chosen; otherwise, for each facet
 * chosen, the count of its value (none for a value or facet the entries lack, as matchesFilter), the smallest of
 * them (exact, since at most one facet differs between the entries: see tallyOf).
 */
export function tallied(tally: string, total: number, state: FilterState): number {
  // The digits after " facet:value=" (parseInt stops at the space after them); none when the tally lacks it.
  return Object.entries(state).reduce(
    (shown, [facet, value]) =>
      value ? Math.min(shown, parseInt(` ${tally}`.split(` ${facet}:${value}=`)[1]!) || 0) : shown,
    total,
  );
}
