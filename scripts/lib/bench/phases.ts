/**
 * Where a build's time went, read from the log `astro build` writes: each phase ends at the first log line
 * that marks its end (Astro's own lines and those of our integrations), timed by the lines' clock
 * (HH:MM:SS, so to the second). Phases whose marker is missing (a baseline has no content guard) are left
 * out and their time counts towards the next one found.
 */

/** A phase of the build and the log line that ends it. */
export interface PhaseMarker {
  /** The phase's name in the report. */
  name: string;
  /** Matches the line that ends the phase. */
  end: RegExp;
}

/** The phases of `astro build`, in the order they run. */
export const BUILD_PHASES: readonly PhaseMarker[] = [
  { name: 'content guard', end: /\[content-guard\] / },
  { name: 'content layer', end: /\[content\] Synced content/ },
  { name: 'Vite', end: /\[build\] Rearranging server assets/ },
  { name: 'pages', end: /^\d\d:\d\d:\d\d ✓ Completed in / },
  { name: 'sitemap', end: /\[@astrojs\/sitemap\] / },
  { name: 'CSP', end: /\[csp-per-page\] / },
  { name: 'preview images', end: /\[preview-images\] / },
  { name: 'address guard', end: /\[address-guard\] / },
  // Since the ninth session the preview-images pass logs twice: once it has read the pages (its first line ends
  // 'preview images' above), and once the images it left drawing beside the address guard and the map of ids are
  // done; this phase is the map of ids and what is left of the drawing after the guard (not found in older logs).
  { name: 'fragment map + images', end: /\[preview-images\] preview images: \d+ drawn/ },
  { name: 'search index', end: /\[search-index\] / },
  // Astro's last line, or, where the passes ran in a process of their own (scripts/build.ts), that process's.
  { name: 'the rest', end: /\[build\] Complete!|\[after-build\] the passes after the pages done/ },
];

/** One measured phase: its name and seconds. */
export interface Phase {
  name: string;
  seconds: number;
}

/** Seconds since midnight of a log line's leading HH:MM:SS, or undefined when it has none. */
function clockOf(line: string): number | undefined {
  const match = /^(\d\d):(\d\d):(\d\d) /.exec(line);
  if (match === null) return undefined;
  return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]);
}

/**
 * The phases of one build from its log and the time it was started (a Date: its clock is the log's).
 * A phase lasts from the end of the one before (or the start) to its own marker; a build that ran past
 * midnight is handled.
 */
export function readPhases(log: string, started: Date, markers: readonly PhaseMarker[] = BUILD_PHASES): Phase[] {
  const startClock = started.getHours() * 3600 + started.getMinutes() * 60 + started.getSeconds();
  // Colour codes (a log written with FORCE_COLOR, or on CI) taken out, so that lines start with their time.
  const lines = log.replace(/\u001b\[[0-9;]*m/g, '').split('\n');
  const phases: Phase[] = [];
  let previous = startClock;
  let from = 0;
  for (const marker of markers) {
    const at = lines.findIndex((line, index) => index >= from && marker.end.test(line));
    if (at === -1) continue;
    const clock = clockOf(lines[at] as string);
    if (clock === undefined) continue;
    const seconds = (clock - previous + 86_400) % 86_400;
    phases.push({ name: marker.name, seconds });
    previous = clock;
    from = at + 1;
  }
  return phases;
}

/** Phases as one line: "content guard 5 s · content layer 7 s · …", or why there are none. */
export function formatPhases(phases: readonly Phase[]): string {
  if (phases.length === 0) return 'no phases found in the log (no line starting with its time matched a marker)';
  return phases.map((phase) => `${phase.name} ${phase.seconds} s`).join(' · ');
}
