/**
 * Counts that follow the filter for entries listed on other pages (the first page of /sources/: the points only one
 * outlet reports, each outlet's on a page of its own): each count (`data-tally`, tallyOf) says how many of its
 * `data-filter-count` entries the form's choices show ("3 of 25"), their section's heading (`data-sum`) the sum
 * ("3 of 45"). A script of its own, on that page only, after the filters' script (src/client/filters.ts), which
 * comes first in the page and handles the form: this one reads the form as that one left it.
 */

import { tallied } from '../lib/reading/filter-tally.ts';

const form = document.querySelector<HTMLFormElement>('[data-filter-form]');
const count = (): void => {
  const state = Object.fromEntries(new FormData(form!)) as Record<string, string>;
  const chosen = Object.values(state).join('');
  let sum = 0;
  const write = (element: HTMLElement, shown: number): void => {
    const total = element.dataset['filterCount']!;
    element.textContent = chosen ? `${shown} of ${total}` : total;
  };
  for (const element of document.querySelectorAll<HTMLElement>('[data-tally]')) {
    const shown = tallied(element.dataset['tally']!, +element.dataset['filterCount']!, state);
    sum += shown;
    write(element, shown);
  }
  for (const element of document.querySelectorAll<HTMLElement>('[data-sum]')) write(element, sum);
};
// Handlers as properties (fewer bytes than two listeners): they run after the filters' listeners, added first.
if (form) {
  form.onchange = form.onreset = count;
  count();
}
