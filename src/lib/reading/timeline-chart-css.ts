import type { ChartLayout } from './timeline-chart.ts';

/**
 * The timeline chart's own grid rules for one page: how many columns its time axis has, the column each mark and
 * label starts and ends at and the row it is in (one rule per value used, shared by every mark that uses it), and
 * the stripes behind the lanes (alternate segments, shortened stretches, the thaw, the meeting). They place marks
 * only where the chart is drawn as a grid (its container at least 56 rem wide): below that the component's own
 * stylesheet sets them aside and the chart is a list by lane (no condition here: the HTML checker does not know
 * container queries in an inline style). The page puts them in an inline <style> whose hash it adds to its CSP
 * (a style attribute per mark would be blocked by the policy and weigh more).
 */

/**
 * The class names the component puts on a mark's glyph and label: start column, end column, row. A span of one
 * column (a day's glyph, most axis labels) has no end class: a grid item's end defaults to one column past its
 * start (the page budget: a day's events are most of the marks).
 */
export const gridClasses = (c0: number, c1: number, row: number): string =>
  c1 === c0 + 1 ? `s${c0} r${row}` : `s${c0} e${c1} r${row}`;

const percent = (value: number, columns: number): string => `${Math.round((value / columns) * 10_000) / 100}%`;

/** The page's grid rules for this layout (see the module comment). */
export function chartCss(layout: ChartLayout): string {
  const { columns } = layout;
  const starts = new Set<number>();
  const ends = new Set<number>();
  let rows = 3; // the axis: years, months and days, landmarks
  const use = (c0: number, c1: number): void => {
    starts.add(c0);
    if (c1 !== c0 + 1) ends.add(c1);
  };
  for (const label of [...layout.years, ...layout.finer]) use(label.c0, label.c1);
  for (const landmark of layout.landmarks) use(landmark.c0, Math.max(landmark.c1, landmark.c0 + 1));
  for (const lane of layout.lanes) {
    rows = Math.max(rows, lane.rows);
    for (const mark of lane.marks) {
      use(mark.glyph.c0, mark.glyph.c1);
      use(mark.label.c0, mark.label.c1);
    }
  }
  // Behind the lanes: shortened stretches and years without events tinted, the thaw a band,
  // the meeting a line (each a gradient of its own, the line on top).
  const stops = layout.segments
    .filter((segment) => segment.kind === 'gap' || segment.empty)
    .flatMap((segment) => [
      `transparent ${percent(segment.c0, columns)}`,
      `var(--tl-short) ${percent(segment.c0, columns)} ${percent(segment.c1, columns)}`,
      `transparent ${percent(segment.c1, columns)}`,
    ]);
  const landmarks = layout.landmarks.map((landmark) =>
    landmark.c1 > landmark.c0
      ? `linear-gradient(to right,transparent ${percent(landmark.c0 + 0.5, columns)},var(--tl-band) ${percent(landmark.c0 + 0.5, columns)} ${percent(landmark.c1 + 0.5, columns)},transparent ${percent(landmark.c1 + 0.5, columns)})`
      : `linear-gradient(to right,transparent calc(${percent(landmark.c0 + 0.5, columns)} - 1px),var(--tl-line) calc(${percent(landmark.c0 + 0.5, columns)} - 1px) calc(${percent(landmark.c0 + 0.5, columns)} + 1px),transparent calc(${percent(landmark.c0 + 0.5, columns)} + 1px))`,
  );
  const backgrounds = [
    ...landmarks.filter((value) => value.includes('--tl-line')),
    ...landmarks.filter((value) => value.includes('--tl-band')),
    ...(stops.length > 0 ? [`linear-gradient(to right,${stops.join(',')})`] : []),
  ];
  const sorted = (values: Set<number>): number[] => [...values].sort((a, b) => a - b);
  return [
    `.tl-chart .tl-grid{grid-template-columns:repeat(${columns},minmax(0,1fr))}`,
    `.tl-lane .tl-grid{background-image:${backgrounds.join(',')}}`,
    ...sorted(starts).map((c) => `.s${c}{grid-column-start:${c + 1}}`),
    ...sorted(ends).map((c) => `.e${c}{grid-column-end:${c + 1}}`),
    ...Array.from({ length: rows }, (_, row) => `.r${row}{grid-row:${row + 1}}`),
  ].join('');
}
