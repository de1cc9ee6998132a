/**
 * Filters a list by issue, person, outlet and period (the form of components/site/FilterForm.astro, on the
 * timeline, the quotations and the comparison). The state lives in the query string, so a filtered view can
 * be shared; the form is hidden until this script runs, so without JavaScript every entry shows.
 * Groups (`data-filter-group`, such as a speaker's quotations) hide when none of their entries shows.
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
} from '../lib/filters.ts';

const form = document.querySelector<HTMLFormElement>('form[data-filter-form]');
if (form) {
  const entries = [...document.querySelectorAll<HTMLElement>(`[${ENTRY_ATTRIBUTE}]`)].map((element) => {
    const facets: EntryFacets = {};
    for (const facet of FACETS) {
      const value = element.getAttribute(facetAttribute(facet));
      if (value !== null) facets[facet] = value.split(' ');
    }
    return { element, facets };
  });
  const selects = [...form.querySelectorAll('select')];
  const known = Object.fromEntries(selects.map((select) => [select.name, new Set([...select.options].map((option) => option.value))]));
  const status = form.querySelector('[data-filter-status]');

  const apply = (state: FilterState): void => {
    let shown = 0;
    for (const { element, facets } of entries) {
      element.hidden = !matchesFilter(facets, state);
      if (!element.hidden) shown += 1;
    }
    for (const group of document.querySelectorAll<HTMLElement>('[data-filter-group]'))
      group.hidden = !group.querySelector(`[${ENTRY_ATTRIBUTE}]:not([hidden])`);
    for (const select of selects) select.value = state[select.name as keyof FilterState] ?? '';
    if (status) status.textContent = filterQuery(state) === '' ? '' : `Showing ${shown} of ${entries.length}`;
  };
  const update = (state: FilterState): void => {
    history.replaceState(null, '', (filterQuery(state) || location.pathname) + location.hash);
    apply(state);
  };
  const chosen = (): FilterState => parseFilterState(new URLSearchParams(new FormData(form) as unknown as string[][]).toString());

  form.addEventListener('change', () => update(chosen()));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update(chosen());
  });
  form.addEventListener('reset', (event) => {
    event.preventDefault();
    update({});
  });
  apply(parseFilterState(location.search, known));
  form.hidden = false;
}
