/**
 * The timeline chart follows the list's filter (src/client/filters.ts narrows the list of events below it):
 * a mark shows exactly when its event's entry in the list shows, and a lane with no mark left is hidden. The
 * chart reads without it; it only mirrors what the filter does to the list.
 */

const chart = document.querySelector<HTMLElement>('[data-chart]');
if (chart) {
  // A mark is its label (a link whose fragment is the id of its event's entry: the <a> inside the entry's
  // <li> in the list) and the glyph before it. Event ids are kebab-case ASCII (IdSchema): no decoding.
  const sync = (): void => {
    for (const mark of chart.querySelectorAll<HTMLAnchorElement>('.tl-l'))
      (mark.previousElementSibling as HTMLElement).hidden = mark.hidden = Boolean(
        document.getElementById(mark.hash.slice(1))?.parentElement?.hidden,
      );
    // Under an issue filter only that issue's lane shows: an event of several issues (the meeting) has a mark in
    // each of their lanes, and the other lanes would show it as if they were the issue chosen.
    const issue = document.querySelector<HTMLSelectElement>('[name=issue]')?.value;
    for (const lane of chart.querySelectorAll<HTMLElement>('[data-lane]'))
      lane.hidden = Boolean(issue && lane.dataset['lane'] !== issue) || !lane.querySelector('.tl-l:not([hidden])');
  };
  // The list's entries only, every attribute (the filter script changes only `hidden` on them; no filter
  // list: the 2 KB script budget): the chart's own changes do not wake the observer.
  const observer = new MutationObserver(sync);
  for (const entry of document.querySelectorAll('li[data-issues]')) observer.observe(entry, { attributes: true });
  // A change of filter that lists the same entries changes no attribute: the form's events (both bubble), after
  // its own script has applied them.
  for (const type of ['change', 'reset']) document.addEventListener(type, () => setTimeout(sync));
  sync();
}
