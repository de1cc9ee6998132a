import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../../src/integrations/search-index.ts';

// The search index on small built sites, with the real Pagefind binary.
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function site(pages: Record<string, string>): string {
  const dist = mkdtempSync(join(tmpdir(), 'search-index-'));
  made.push(dist);
  for (const [path, html] of Object.entries(pages)) {
    const file = join(dist, ...path.split('/').filter(Boolean), 'index.html');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, html);
  }
  return dist;
}
const page = (main: string, marked = true) =>
  `<!doctype html><html lang="en"><head><title>t</title></head><body><main id="main"${marked ? ' data-pagefind-body' : ''}>${main}</main></body></html>`;

describe('buildSearchIndex', () => {
  it('indexes the marked pages only and writes the bundle the search page loads, without Pagefind’s own interfaces', async () => {
    const dist = site({
      '/': page('<h1>Home</h1><p>Welcome</p>'),
      '/articles/x/': page(
        '<h1>X</h1><p id="p1">Petro <a class="link-to-this" href="#p1" aria-label="Link to paragraph 1">¶</a></p>',
      ),
      '/old/': page('<p>Moved</p>', false),
    });
    await expect(buildSearchIndex(dist)).resolves.toEqual({ indexed: 2 });
    const bundle = readdirSync(join(dist, 'pagefind'));
    expect(bundle).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json']));
    expect(bundle.filter((file) => /ui|highlight/.test(file))).toEqual([]);
    expect(existsSync(join(dist, 'pagefind', 'fragment'))).toBe(true);
  }, 60_000);

  it('refuses a site where no page is marked, saying what to fix', async () => {
    const dist = site({ '/': page('<h1>Home</h1>', false) });
    await expect(buildSearchIndex(dist)).rejects.toThrow(
      `Search index: indexing failed: no page in ${dist} has data-pagefind-body: BaseLayout should mark <main> with it`,
    );
  }, 60_000);
});
