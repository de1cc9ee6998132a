import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FragmentMap } from '../../src/lib/links/fragment-map.ts';
import { fragmentMapUrl, fragmentNoteModuleUrl, sitemapUrl } from '../../src/lib/links/urls.ts';
import { distDir } from '../helpers/browser.ts';
import { attr, builtHtml, elements, listFiles } from './dist.ts';

// The map of the pages' ids that the note on an unknown fragment reads (src/integrations/fragment-map.ts), held
// against the built pages parsed as a browser parses them: every page's own ids (alias anchors and moved-entry
// links are old ids, not a block's), each with exactly the pages that have it.
const map = JSON.parse(readFileSync(join(distDir, fragmentMapUrl().slice(1)), 'utf8')) as FragmentMap;
const pages = builtHtml().filter(
  (page) => page.file.endsWith('index.html') && !/http-equiv="refresh"/i.test(page.html),
);

/** Each id of the built pages with the paths of the pages that have it, as the map should list them. */
function expected(): Map<string, string[]> {
  const places = new Map<string, string[]>();
  for (const page of pages) {
    const ids = new Set(
      elements(page.tree)
        .filter((element) => attr(element, 'dataAliasOf') === undefined && attr(element, 'dataMoved') === undefined)
        .map((element) => attr(element, 'id'))
        .filter((id): id is string => id !== undefined && id !== ''),
    );
    for (const id of ids) places.set(id, [...(places.get(id) ?? []), page.url]);
  }
  return places;
}

describe('the map of the pages’ ids (fragment-map.json)', () => {
  it('lists every page that is not a redirect, with its title', () => {
    expect(map.pages.map(([path]) => path).sort()).toEqual(pages.map((page) => page.url).sort());
    const sources = map.pages.find(([path]) => path === '/sources/');
    expect(sources?.[1]).toBe('How the sources compare');
  });

  it('names, for each id, exactly the pages that have it (ids every page has left out)', () => {
    const listed = new Map(
      Object.entries(map.ids).map(([id, at]) => [id, at.map((place) => map.pages[place]?.[0] ?? '?').sort()]),
    );
    const built = [...expected()].filter(([, paths]) => paths.length < pages.length);
    expect(listed.size).toBeGreaterThan(100);
    expect([...listed].sort()).toEqual(built.map(([id, paths]) => [id, [...paths].sort()]).sort());
    expect(listed.get('maduro-raid')).toEqual(['/sources/']);
  });

  it('leaves out the old ids of alias anchors', () => {
    const aliases = pages.flatMap((page) =>
      elements(page.tree)
        .filter((element) => attr(element, 'dataAliasOf') !== undefined)
        .map((element) => ({ id: attr(element, 'id') ?? '', page: page.url })),
    );
    expect(aliases.length).toBeGreaterThan(0);
    for (const alias of aliases)
      expect(map.ids[alias.id]?.map((at) => map.pages[at]?.[0]) ?? []).not.toContain(alias.page);
  });

  it('is a file of its own beside the note’s module, in no sitemap', () => {
    const files = listFiles();
    expect(files).toContain(fragmentNoteModuleUrl().slice(1));
    expect(readFileSync(join(distDir, fragmentNoteModuleUrl().slice(1)), 'utf8')).toMatch(
      /export async function missing\(id\s*, links\s*\)/,
    );
    const sitemaps = files.filter((file) => file.startsWith(sitemapUrl().slice(1, -'.xml'.length)));
    for (const file of sitemaps) expect(readFileSync(join(distDir, file), 'utf8')).not.toContain('fragment-map');
  });
});
