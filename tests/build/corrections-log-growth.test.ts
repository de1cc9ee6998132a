import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budgetMisses, PageWeigher, type PageWeight } from '../../scripts/lib/bench/page-weight.ts';
import { logEntryWeight, LOG_PAGE } from '../../src/lib/links/log-pages.ts';
import { builtPages } from '../helpers/browser.ts';
import { mainId, sectionIds } from '../../src/lib/links/urls.ts';
import { projectRoot } from '../helpers/content.ts';
import { buildProject, copyProject } from '../helpers/project-copy.ts';

// The corrections log must not outgrow the page budget again (issue 17): the real site is built with a log
// much longer than today's, 30 more entries on its busiest day (2026-12-07, already 38) and 120 over the month
// after it, and every page of the log, its first page included, must stay within 14,336 B with gzip and with
// brotli, the day cut into parts where it fills more than a page; the build's address guard must keep every
// fragment published for the log landing although entries of 2026-12-07 moved to the part after theirs.

const touched = [
  'events/jan-7-call',
  'events/white-house-meeting',
  'events/gifts-exchanged',
  'quotations/come-get-me',
  'events/temporary-visa',
  'events/aid-halted',
];
interface Generated {
  id: string;
  date: string;
  affects: string[];
}
const generated: Generated[] = [
  ...Array.from({ length: 30 }, (_, n) => ({ date: '2026-12-07', n })),
  ...Array.from({ length: 120 }, (_, n) => ({ date: `2026-12-${String(8 + Math.floor(n / 5)).padStart(2, '0')}`, n })),
].map(({ date, n }) => ({
  // Those of 2026-12-07 sort before the day's own entries (by id within a day), which move to the day's next part.
  id: `${date === '2026-12-07' ? 'aa' : 'zz'}-grown-${date}-${String(n).padStart(3, '0')}`,
  date,
  // 1 to 6 entries touched, the heaviest kind of entry the log has many of.
  affects: touched.slice(0, 1 + (n % touched.length)),
}));
const yaml = generated
  .map((entry) =>
    [
      `- id: ${entry.id}`,
      `  date: ${entry.date}`,
      '  kind: update',
      `  what: "A clarification of the entries it touched, number ${entry.id.slice(-3)} of a grown log, in a sentence as long as most entries of the log have it."`,
      '  why: "Generated for the test of a long log."',
      '  affects:',
      ...entry.affects.map((ref) => `    - ${ref}`),
    ].join('\n'),
  )
  .join('\n\n');

let dir = '';
let output = '';
let weights: PageWeight[] = [];

beforeAll(() => {
  dir = copyProject('corrections-grown-', join(projectRoot, 'content'));
  writeFileSync(join(dir, 'content', 'corrections', 'zz-grown.yaml'), `${yaml}\n`);
  const result = buildProject(dir);
  output = result.output;
  if (result.status !== 0) throw new Error(`astro build failed (${result.status}):\n${output.slice(-4000)}`);
  const weigher = new PageWeigher(join(dir, 'dist'));
  weights = builtPages(join(dir, 'dist'))
    .filter((path) => /^\/corrections\/(page\/\d+\/)?$/.test(path))
    .map((path) => weigher.weigh(path));
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a corrections log much longer than today’s', () => {
  it('is cut into more pages, each within the page budget with gzip and with brotli, the first page too', () => {
    expect(weights.length).toBeGreaterThan(5);
    expect(weights.map((weight) => weight.path)).toContain('/corrections/');
    expect(weights.flatMap((weight) => budgetMisses(weight))).toEqual([]);
    // With room to spare: the log's heaviest page stays below 12.5 KB with gzip (LOG_PAGE is sized for ~11 KB).
    expect(Math.max(...weights.map((weight) => weight.total.gzip))).toBeLessThan(12_800);
  });

  it('holds each page to its capacity, the busy day cut into parts and the others whole', () => {
    const byId = new Map(generated.map((entry) => [entry.id, entry]));
    const parts: string[] = [];
    for (const { path } of weights.filter((weight) => weight.path !== '/corrections/')) {
      const html = readFileSync(join(dir, 'dist', path.slice(1), 'index.html'), 'utf8');
      const ids = [...html.matchAll(/<li id="([^"]+)"><p class="when">/g)].map((match) => match[1] ?? '');
      expect(ids.length, path).toBeGreaterThan(0);
      // Today's entries weigh what their "Touches" lists hold; generated ones as generated.
      const load = ids.reduce((sum, id) => sum + (byId.has(id) ? logEntryWeight(byId.get(id)!) : 0), 0);
      expect(load, path).toBeLessThanOrEqual(LOG_PAGE.capacity);
      parts.push(...[...html.matchAll(/<h2 id="(changes-[0-9-]+)"/g)].map((match) => match[1] ?? ''));
    }
    expect(parts).toContain('changes-2026-12-07');
    expect(parts).toContain('changes-2026-12-07-2');
    // Every other day once: a day's entries stay together.
    const days = parts.filter((id) => !id.startsWith('changes-2026-12-07'));
    expect(new Set(days).size).toBe(days.length);
  });

  it('keeps every fragment published for the log landing, those of entries that moved to the next part too', () => {
    expect(output).toMatch(/\[address-guard\] .*still there|new addresses are not in/);
    const pageTwo = readFileSync(join(dir, 'dist', 'corrections', 'page', '2', 'index.html'), 'utf8');
    const manifest = JSON.parse(readFileSync(join(projectRoot, 'content', 'addresses', 'published.json'), 'utf8')) as {
      pages: Record<string, string[]>;
    };
    // The entries of 2026-12-07 published on page 2: each now a link with its id to the entry on the next page.
    // Its own fixed ids aside (main, its sections, the days).
    const fixed = new Set<string>([mainId, ...Object.values(sectionIds.corrections)]);
    const published = (manifest.pages['/corrections/page/2/'] ?? []).filter(
      (id) => !fixed.has(id) && !id.startsWith('changes-'),
    );
    expect(published.length).toBeGreaterThan(30);
    // Each to the page of the log that holds it now, the day's next part (page 3) or the one after.
    const holder = (id: string): number =>
      [3, 4, 5].find((n) =>
        readFileSync(join(dir, 'dist', 'corrections', 'page', String(n), 'index.html'), 'utf8').includes(
          `<li id="${id}">`,
        ),
      ) ?? 0;
    for (const id of published) {
      const n = holder(id);
      expect(n, id).toBeGreaterThan(0);
      expect(pageTwo, id).toContain(`<a id="${id}" href="/corrections/page/${n}/#${id}" data-moved>`);
    }
    expect(holder(published[0]!)).toBe(3);
  });
});
