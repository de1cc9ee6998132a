import { describe, expect, it } from 'vitest';
import { formatPhases, readPhases } from '../../../scripts/lib/bench/phases.ts';

// A log of `astro build` as our site writes it (trimmed), and the baseline's.
const ours = `03:15:45 [content-guard] content checked: 1000 articles and 78507 analysis entries, no problems
03:15:46 [content] Syncing content
03:15:53 [content] Synced content
03:15:53 [build] Building static entrypoints...
03:15:58 [vite] ✓ built in 4.30s
03:15:58 [build] Rearranging server assets...
 generating static routes 
03:16:04 ▶ src/pages/articles/[id].astro
03:16:04   ├─ /articles/a/index.html (+14ms) 
03:17:29 ✓ Completed in 1m 32s.
03:17:29 [build] ✓ Completed in 1m 36s.
03:17:33 [@astrojs/sitemap] \`sitemap-index.xml\` created at \`dist\`
03:17:58 [csp-per-page] narrowed the Content-Security-Policy of 83172 pages to their own inline code (2 threads)
03:18:21 [preview-images] preview images: 1010 drawn, 0 from cache, in 22386 ms
03:18:29 [WARN] [address-guard] no content/addresses/published.json to check against
03:19:30 [search-index] search index: 38303 pages indexed into /pagefind/ in 61133 ms
03:19:30 [build] 83172 page(s) built in 3m 50s
03:19:31 [build] Complete!
`;
const baseline = `03:15:20 [content] Syncing content
03:15:31 [content] Synced content
03:15:32 [vite] ✓ built in 1.09s
03:15:32 [build] Rearranging server assets...
03:15:34 ✓ Completed in 1.15s.
03:15:34 [build] Complete!
`;

describe('readPhases', () => {
  it('times each phase of our build from the end of the one before, to the second', () => {
    const phases = readPhases(ours, new Date(2026, 11, 6, 3, 15, 40));
    expect(phases).toEqual([
      { name: 'content guard', seconds: 5 },
      { name: 'content layer', seconds: 8 },
      { name: 'Vite', seconds: 5 },
      { name: 'pages', seconds: 91 },
      { name: 'sitemap', seconds: 4 },
      { name: 'CSP', seconds: 25 },
      { name: 'preview images', seconds: 23 },
      { name: 'address guard', seconds: 8 },
      { name: 'search index', seconds: 61 },
      { name: 'the rest', seconds: 1 },
    ]);
    expect(phases.reduce((sum, phase) => sum + phase.seconds, 0)).toBe(231);
  });

  it('reads the log of `npm run build`, whose passes after the pages run once Astro has ended (scripts/build.ts)', () => {
    // Astro's own lines end with its "Complete!" before the passes; the last line is scripts/build.ts's.
    const split = ours
      .replace(
        '03:17:58 [csp-per-page]',
        '03:17:33 [after-build] the passes after the pages are left to scripts/build.ts, once this process has ended\n03:17:34 [build] Complete!\n03:17:58 [csp-per-page]',
      )
      .replace(
        /03:19:30 \[build\] 83172 page\(s\) built in 3m 50s\n03:19:31 \[build\] Complete!\n/,
        '03:19:32 [after-build] the passes after the pages done in 118000 ms; the site is in /site/dist/\n',
      );
    expect(
      readPhases(split, new Date(2026, 11, 6, 3, 15, 40)).map((phase) => `${phase.name} ${phase.seconds}`),
    ).toEqual([
      'content guard 5',
      'content layer 8',
      'Vite 5',
      'pages 91',
      'sitemap 4',
      'CSP 25',
      'preview images 23',
      'address guard 8',
      'search index 61',
      'the rest 2',
    ]);
  });

  it('times the images drawn beside the address guard and the map of ids apart (the log since the ninth session)', () => {
    const beside = ours
      .replace(
        '03:18:21 [preview-images] preview images: 1010 drawn, 0 from cache, in 22386 ms',
        '03:18:00 [preview-images] preview images: 1010 to draw and 0 from cache, read from the pages in 2000 ms; drawn and copied beside the passes that follow',
      )
      .replace(
        '03:19:30 [search-index]',
        '03:18:30 [fragment-map] /fragment-map.json: 9 ids on 3 pages (99 B)\n03:18:40 [preview-images] preview images: 1010 drawn, 0 from cache, in 40000 ms\n03:19:30 [search-index]',
      );
    expect(
      readPhases(beside, new Date(2026, 11, 6, 3, 15, 40))
        .slice(5, 10)
        .map((phase) => `${phase.name} ${phase.seconds}`),
    ).toEqual(['CSP 25', 'preview images 2', 'address guard 29', 'fragment map + images 11', 'search index 50']);
  });

  it('leaves out the phases a build does not have, their time going to the next found', () => {
    expect(formatPhases(readPhases(baseline, new Date(2026, 11, 6, 3, 15, 19)))).toBe(
      'content layer 12 s · Vite 1 s · pages 2 s · the rest 0 s',
    );
  });

  it('reads a coloured log as a plain one, and says so when a log has no phases', () => {
    const coloured = ours.replace(/^(\d\d:\d\d:\d\d) /gm, '\u001b[2m$1\u001b[22m ');
    expect(readPhases(coloured, new Date(2026, 11, 6, 3, 15, 40))).toEqual(
      readPhases(ours, new Date(2026, 11, 6, 3, 15, 40)),
    );
    expect(formatPhases(readPhases('Building…\n', new Date()))).toBe(
      'no phases found in the log (no line starting with its time matched a marker)',
    );
  });

  it('counts across midnight', () => {
    expect(readPhases('00:00:03 [content] Synced content\n', new Date(2026, 11, 6, 23, 59, 58))).toEqual([
      { name: 'content layer', seconds: 5 },
    ]);
  });
});
