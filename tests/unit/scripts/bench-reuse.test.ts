import { describe, expect, it } from 'vitest';
import {
  compareCopies,
  formatKeyChanges,
  keyChanges,
  reuseByFamily,
  routeFamily,
} from '../../../scripts/lib/bench/reuse.ts';
import { keyInputsLine, readKeyInputs } from '../../../src/lib/build/key-inputs.ts';

describe('which pages a rebuild rendered again, and why (bench:build)', () => {
  it('reads rendered and reused pages from the cache copies, by route', () => {
    const before = new Map([
      ['/timeline/2026/index.html', 1],
      ['/timeline/2025/index.html', 1],
      ['/sources/page/2/index.html', 1],
    ]);
    const after = new Map([
      ['/timeline/2026/index.html', 2],
      ['/timeline/2025/index.html', 1],
      ['/sources/page/2/index.html', 1],
      ['/sources/page/3/index.html', 2],
    ]);
    const reuse = compareCopies(before, after);
    expect(reuse).toEqual({
      rendered: ['/sources/page/3/index.html', '/timeline/2026/index.html'],
      reused: ['/sources/page/2/index.html', '/timeline/2025/index.html'],
    });
    expect(reuseByFamily(reuse)).toEqual([
      { family: '/sources/page/*', rendered: 1, reused: 1 },
      { family: '/timeline/*', rendered: 1, reused: 1 },
    ]);
    expect(routeFamily('/sources/only/x/index.html')).toBe('/sources/only/*');
    expect(routeFamily('/people/gustavo-petro/index.html')).toBe('/people/*');
    expect(routeFamily('/people/gustavo-petro/page/2/index.html')).toBe('/people/*/page/*');
    expect(routeFamily('/articles/x/cited-by/index.html')).toBe('/articles/*/cited-by/');
  });

  it("names what changed in a page's key: its view, an entry's digest, an entry added, the timeline order", () => {
    const line = (view: string, entries: string[]) =>
      keyInputsLine({ path: '/timeline/2026/', key: 'k', props: '{}', view, updated: '2026-12-07', entries });
    const before = readKeyInputs(line('{"next":null}', ['events/a AAA', 'issues/x XXX', 'events/a', '']));
    const after = readKeyInputs(
      line('{"next":"2027"}', ['events/a AAB', 'issues/x XXX', 'events/b BBB', 'events/a events/b', '']),
    );
    expect(keyChanges(before, after, '/timeline/2026/')).toEqual(['events added', 'events changed', 'order', 'view']);
    expect(keyChanges(before, before, '/timeline/2026/')).toEqual([]);
    expect(formatKeyChanges(['/timeline/2026/index.html'], before, after)).toEqual([
      '  /timeline/*: events added 1, events changed 1, order 1, view 1',
    ]);
  });
});
