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
  // The observer watches the list's entries only: the chart's own changes do not wake it.
  const sync = (): void => {
    for (const mark of marks)
      // Event ids are kebab-case ASCII (IdSchema): the hash needs no decoding.
      (mark.previousElementSibling as HTMLElement).hidden = mark.hidden = Boolean(
        entries.get(mark.hash.slice(1))?.hidden,
      );
    for (const lane of lanes) lane.hidden = !lane.querySelector('.tl-l:not([hidden])');
  };
  const observer = new MutationObserver(sync);
  // Every attribute: the filter script changes only `hidden` on entries (and no filter list: the 2 KB script budget).
  for (const entry of entries.values()) observer.observe(entry, { attributes: true });
  sync();
}
