import { describe, expect, it } from 'vitest';
import { fragmentMap, ownIds, pageTitle } from '../../../../src/lib/links/fragment-map.ts';

const page = (path: string, title: string, body: string): { path: string; html: string } => ({
  path,
  html: `<!doctype html><html><head><title>${title} · Trump and Petro at the White House</title></head><body><main id="main">${body}</main></body></html>`,
});

describe('the map of the pages’ ids', () => {
  it('names a page by its title without the site’s name, its references decoded', () => {
    expect(pageTitle(page('/', 'What &amp; why', '').html)).toBe('What & why');
  });

  it('takes a page’s own ids: not an alias anchor’s old id, not a moved-entry link’s', () => {
    const html =
      '<section id="a"><span id="old-a" data-alias-of="a"></span></section><a id="gone" href="/x/#gone" data-moved>moved</a><p id=\'b\'>b</p>';
    expect(ownIds(html)).toEqual(['a', 'b']);
  });

  it('lists each id with the pages that have it, in the order of the pages, leaving out ids every page has', () => {
    const map = fragmentMap([
      page('/sources/', 'How the sources compare', '<p id="maduro-raid"></p><p id="summary"></p>'),
      page('/timeline/', 'Timeline', '<p id="summary"></p>'),
      page('/meeting/', 'The meeting', '<p id="summary"></p><p id="facts"></p>'),
    ]);
    expect(map.pages).toEqual([
      ['/sources/', 'How the sources compare'],
      ['/timeline/', 'Timeline'],
      ['/meeting/', 'The meeting'],
    ]);
    expect(map.ids).toEqual({ facts: [2], 'maduro-raid': [0] });
  });

  it('lists an id that several pages have with each of them', () => {
    const map = fragmentMap([
      page('/a/', 'A', '<p id="x"></p>'),
      page('/b/', 'B', '<p id="x"></p>'),
      page('/c/', 'C', ''),
    ]);
    expect(map.ids).toEqual({ x: [0, 1] });
  });
});
