/**
 * Filters for lists (the timeline, the quotations, the comparison): narrowing by issue, person, outlet
 * and period. Entries carry what they are about in data attributes; the state lives in the query string
 * (?issue=sanctions&outlet=los-angeles-times) so a filtered view can be shared. Pure: the page components
 * build the attributes and options with it, and the client script (src/client/filters.ts) parses and
 * applies the state with it. Without JavaScript nothing is filtered.
 */

/** The ways a list can be narrowed, in the order the form shows them. */
export const FACETS = ['issue', 'person', 'outlet', 'period'] as const;

/** One way to narrow a list. */
export type Facet = (typeof FACETS)[number];

/** The chosen value of each facet; a facet left out shows every entry. */
export type FilterState = Partial<Record<Facet, string>>;

/** What one entry is about: the values it matches for each facet. */
export type EntryFacets = Partial<Record<Facet, readonly string[]>>;

/** The data attribute on an entry that lists its values for a facet (space-separated ids). */
export const facetAttribute = (facet: Facet): string =>
  ({ issue: 'data-issues', person: 'data-people', outlet: 'data-outlets', period: 'data-period' })[facet];

/** The attribute that marks an element as a filterable entry: every entry has it, empty when it names no issue. */
export const ENTRY_ATTRIBUTE = 'data-issues';

/** The attributes that make an element a filterable entry: data-issues (always), data-people, data-outlets, data-period. */
export function filterAttributes(facets: EntryFacets): Record<string, string> {
  const attributes: Record<string, string> = { [ENTRY_ATTRIBUTE]: '' };
  for (const facet of FACETS) {
    const values = facets[facet];
    if (values !== undefined) attributes[facetAttribute(facet)] = [...new Set(values)].join(' ');
  }
  return attributes;
}

/**
 * The filter state a query string (or a form's fields, as URLSearchParams) asks for: each facet's value;
 * unknown parameters and empty values are ignored. The client puts it into the form, which keeps only values
 * it has an option for, and reads the state back from the form, so a stale or hand-edited link still shows a list.
 */
export function parseFilterState(search: string | URLSearchParams): FilterState {
  const params = new URLSearchParams(search);
  const state: FilterState = {};
  for (const facet of FACETS) {
    const value = params.get(facet);
    if (value) state[facet] = value;
  }
  return state;
}

/** The query string for a state ("?issue=x&period=2026", or "" when nothing is chosen), facets in order. */
export function filterQuery(state: FilterState): string {
  const params = new URLSearchParams();
  for (const facet of FACETS) {
    const value = state[facet];
    if (value) params.set(facet, value);
  }
  const query = params.toString();
  return query && `?${query}`;
}

/** Whether an entry shows under a state: it has every chosen value (an entry without a facet fails it). */
export function matchesFilter(entry: EntryFacets, state: FilterState): boolean {
  return FACETS.every((facet) => {
    const wanted = state[facet];
    return wanted === undefined || (entry[facet] ?? []).includes(wanted);
  });
}

/** One choice of a facet in the form. */
export interface FacetOption {
  /** The value (an id, or a year for the period). */
  value: string;
  /** What readers see. */
  label: string;
}

/**
 * The options of each facet for a list: the values its entries have, labelled by `label` and sorted by
 * label (periods in date order), or by `rank` where it gives one (the outlets, in the site's one outlet order).
 * A facet is left out when it could not narrow the list: fewer than two values, or every entry has every value
 * (both outlets report every point).
 */
export function facetOptions(
  entries: readonly EntryFacets[],
  label: (facet: Facet, value: string) => string,
  rank: (facet: Facet, value: string) => number | undefined = () => undefined,
): { facet: Facet; options: FacetOption[] }[] {
  return FACETS.flatMap((facet) => {
    const values = [...new Set(entries.flatMap((entry) => entry[facet] ?? []))];
    const options = values
      .map((value) => ({ value, label: label(facet, value), rank: rank(facet, value) }))
      .sort(
        (a, b) =>
          (a.rank ?? Infinity) - (b.rank ?? Infinity) ||
          (facet === 'period' ? a.value.localeCompare(b.value) : a.label.localeCompare(b.label)),
      )
      .map(({ value, label }) => ({ value, label }));
    const narrows = entries.some((entry) => values.some((value) => !(entry[facet] ?? []).includes(value)));
    return options.length < 2 || !narrows ? [] : [{ facet, options }];
  });
}
