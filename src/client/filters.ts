/**
 * Filters a list by issue, person, outlet and period (the form of components/site/FilterForm.astro, on the
 * timeline, the quotations and the comparison). The state lives in the query string, so a filtered view can
 * be shared; the form is hidden until this script runs, so without JavaScript every entry shows.
 * Groups (`data-filter-group`, such as a speaker's quotations) hide when none of their entries shows; a count a
 * group shows (`data-filter-count`, in its heading) says how many of this page's entries show, and one outside any
 * group (a lede's "14 events") how many of the page's. Links marked
 * `data-filter-carry` (to a page that lists more of the same, with the same filters) carry the state along.
 * When nothing matches, the form's status says what to do.
 */

import {
  ENTRY_ATTRIBUTE,
  FACETS,
  facetAttribute,
  filterQuery,
  matchesFilter,
  parseFilterState,
  type EntryFacets,
  type FilterState,
} from '../lib/reading/filters.ts';

const form = document.querySelector<HTMLFormElement>('form[data-filter-form]');
if (form) {
  const entries = [...document.querySelectorAll<HTMLElement>(`[${ENTRY_ATTRIBUTE}]`)];
  const facetsOf = (element: HTMLElement): EntryFacets =>
    Object.fromEntries(FACETS.map((facet) => [facet, element.getAttribute(facetAttribute(facet))?.split(' ')]));
  const selects = [...form.querySelectorAll('select')];
  // The form's live region: an <output> (role "status"), in every form (components/site/FilterForm.astro).
  const status = form.querySelector('output')!;
  // The state as the form holds it: a value asked for in the URL that is no option of its select is dropped.
  const chosen = (): FilterState => parseFilterState(new URLSearchParams(new FormData(form) as unknown as string));

  const apply = (state: FilterState, write: boolean): void => {
    for (const select of selects) select.value = state[select.name as keyof FilterState] ?? '';
    const query = filterQuery(chosen());
    if (write) history.replaceState(null, '', (query || location.pathname) + location.hash);
    const now = chosen();
    let shown = 0;
    for (const entry of entries) shown += +!(entry.hidden = !matchesFilter(facetsOf(entry), now));
    const showing = (within: ParentNode): number =>
      within.querySelectorAll(`[${ENTRY_ATTRIBUTE}]:not([hidden])`).length;
    for (const group of document.querySelectorAll<HTMLElement>('[data-filter-group]')) group.hidden = !showing(group);
    // A count counts the entries of its group, or of the page outside any group (a lede's "14 events"); a heading's
    // count repeated in the contents, inside their link to the heading (components/site/TableOfContents.astro),
    // counts the group of the heading that link leads to. (Only there is a count's parent a link, to a fragment;
    // elsewhere `hash` is undefined, no element is named "undefined", and the count's own group is taken.)
    for (const count of document.querySelectorAll<HTMLElement>('[data-filter-count]')) {
      const group = (document.querySelector((count.parentNode as HTMLAnchorElement).hash) ?? count).closest(
        '[data-filter-group]',
      );
      // The built text ("16", or "16; 15 on this page" when the group runs over pages) keeps the group's
      // total; a filter counts this page's entries, "1 of 15 on this page" (the text in data-filter-count
      // after "1 of"), as the status line does ("Showing 1 of 15 here").
      const built = (count.dataset['built'] ??= count.textContent!);
      count.textContent = query ? `${showing(group ?? document)} of ${count.dataset['filterCount']}` : built;
    }
    for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-filter-carry]'))
      if (query || link.search) link.search = query;
    status.textContent = !query
      ? ''
      : shown > 0
        ? `Showing ${shown} of ${entries.length} here`
        : 'Nothing here matches these filters: choose others above, or Show all.';
  };

  form.addEventListener('change', () => apply(chosen(), true));
  form.addEventListener('reset', (event) => {
    event.preventDefault();
    apply({}, true);
  });
  apply(parseFilterState(location.search), false);
  form.hidden = false;
}
