/**
 * The timeline chart follows the list's filter (src/client/filters.ts narrows the list of events below it):
 * a mark shows exactly when its event's entry in the list shows, and a lane with no mark left is hidden. The
 * chart reads without it; it only mirrors what the filter does to the list.
 */

const chart = document.querySelector<HTMLElement>('[data-chart]');
if (chart) {
  // A mark is its label (a link to the event's entry, whose fragment is the event's id) and the glyph before it.
  const marks = [...chart.querySelectorAll<HTMLAnchorElement>('.tl-l')];
  const lanes = [...chart.querySelectorAll<HTMLElement>('[data-lane]')];
  // Each entry of the list is the <li> whose link carries the event's id.
  const entries = new Map<string, HTMLElement>();
  for (const link of document.querySelectorAll<HTMLElement>('li[data-issues] > a[id]'))
    entries.set(link.id, link.parentElement as HTMLElement);
  // Set only what changes: the chart's own changes must not wake the observer again.
  const show = (element: HTMLElement, shown: boolean): void => {
    if (element.hidden === shown) element.hidden = !shown;
  };
  const sync = (): void => {
    for (const mark of marks) {
      const shown = !entries.get(decodeURIComponent(mark.hash.slice(1)))?.hidden;
      show(mark, shown);
      show(mark.previousElementSibling as HTMLElement, shown);
    }
    for (const lane of lanes) show(lane, Boolean(lane.querySelector('.tl-l:not([hidden])')));
  };
  const observer = new MutationObserver(sync);
  for (const entry of entries.values()) observer.observe(entry, { attributes: true, attributeFilter: ['hidden'] });
  sync();
}
