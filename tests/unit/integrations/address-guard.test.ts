import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addressGuardPass, guardAddresses } from '../../../src/integrations/address-guard.ts';
import { mapBuiltPages, mapsFromGuard } from '../../../src/integrations/fragment-map.ts';
import { manifestText } from '../../../src/lib/links/addresses.ts';
import { paginate } from '../../../src/lib/links/pagination.ts';
import { indexPageUrl, quotationsUrl } from '../../../src/lib/links/urls.ts';

// The guard on a small built site: a project root with content/addresses/ and a dist/ of pages.
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const page = (body: string) =>
  `<!doctype html><html lang="en"><head><title>t</title></head><body><main id="main">${body}</main></body></html>`;

/** The published site: the manifest records these pages and ids. */
const published = {
  '/': page('<h2 id="why">Why</h2>'),
  '/articles/x/': page('<p id="come-get-me">A</p><p id="second">B</p>'),
  '/notes/old-name/': page('<h1>Old</h1>'),
};

function temporaryRoot(pages: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'address-guard-'));
  made.push(root);
  for (const [path, html] of Object.entries(pages)) {
    const file = join(root, 'dist', ...path.split('/').filter(Boolean), 'index.html');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, html);
  }
  mkdirSync(join(root, 'content', 'addresses'), { recursive: true });
  return root;
}

/** The manifest of the published site, recorded the way `npm run addresses:update` does. */
const publishedRoot = temporaryRoot(published);
const publishedManifest = manifestText(
  guardAddresses({
    root: publishedRoot,
    distDir: join(publishedRoot, 'dist'),
    site: 'https://example.org/',
    update: false,
  }).current,
);

/** A new build of `pages` against the published manifest, with an aliases file when given. */
function site(pages: Record<string, string>, aliases?: string): { root: string; distDir: string } {
  const root = temporaryRoot(pages);
  writeFileSync(join(root, 'content', 'addresses', 'published.json'), publishedManifest);
  if (aliases !== undefined) writeFileSync(join(root, 'content', 'addresses', 'aliases.yaml'), aliases);
  return { root, distDir: join(root, 'dist') };
}

const run = (where: { root: string; distDir: string }) =>
  guardAddresses({ ...where, site: 'https://example.org/', update: false });

describe('the address guard', () => {
  it('passes when every published address is still there, and lists the new ones', () => {
    const result = run(site({ ...published, '/': page('<h2 id="why">Why</h2><h2 id="latest">Latest</h2>') }));
    expect(result.added).toEqual(['/#latest']);
  });

  it('fails on a removed fragment id, naming it and the fix', () => {
    const renamed = { ...published, '/articles/x/': page('<p id="come-and-get-me">A</p><p id="second">B</p>') };
    expect(() => run(site(renamed))).toThrow(
      /1 published address has vanished[\s\S]*\/articles\/x\/#come-get-me: no element on \/articles\/x\/ has id "come-get-me" any more\. Alias it: - \{ page: \/articles\/x\/, from: come-get-me, to: its-new-id \}/,
    );
  });

  it('passes when an alias keeps the old id, and puts the alias anchor on the new target', () => {
    const renamed = { ...published, '/articles/x/': page('<p id="come-and-get-me">A</p><p id="second">B</p>') };
    const where = site(renamed, '- page: /articles/x/\n  from: come-get-me\n  to: come-and-get-me\n');
    expect(() => run(where)).not.toThrow();
    expect(readFileSync(join(where.distDir, 'articles', 'x', 'index.html'), 'utf8')).toContain(
      '<p id="come-and-get-me"><span id="come-get-me" data-alias-of="come-and-get-me"></span>A</p>',
    );
  });

  it('fails on a removed page, and passes with a redirect page in its place', () => {
    const moved = {
      '/': published['/'],
      '/articles/x/': published['/articles/x/'],
      '/notes/new-name/': page('<h1>New</h1>'),
    };
    expect(() => run(site(moved))).toThrow(/\/notes\/old-name\/: the page is gone\. Redirect it/);
    const where = site(moved, '- from: /notes/old-name/\n  to: /notes/new-name/\n');
    expect(() => run(where)).not.toThrow();
    const redirect = readFileSync(join(where.distDir, 'notes', 'old-name', 'index.html'), 'utf8');
    expect(redirect).toContain('<meta http-equiv="refresh" content="0; url=/notes/new-name/">');
    expect(redirect).toContain('<link rel="canonical" href="https://example.org/notes/new-name/">');
  });

  it('refuses an alias that cannot work, naming the line', () => {
    const renamed = { ...published, '/articles/x/': page('<p id="come-and-get-me">A</p><p id="second">B</p>') };
    expect(() => run(site(renamed, '- page: /articles/x/\n  from: come-get-me\n  to: typo\n'))).toThrow(
      'content/addresses/aliases.yaml:1 › to: no element on /articles/x/ has id "typo"; point the alias at the id that replaced "come-get-me"',
    );
    expect(() => run(site(published, '- page: /articles/x/\n  from: second\n  to: come-get-me\n'))).toThrow(
      'content/addresses/aliases.yaml:1 › from: /articles/x/ has an element with id "second" again; remove this alias',
    );
  });

  describe('an entry moved to another page (toPage)', () => {
    // /articles/x/#second moves to /articles/y/#second-part.
    const split = {
      '/': published['/'],
      '/articles/x/': page('<p id="come-get-me">A</p>'),
      '/articles/y/': page(
        '<h1>Article Y<a class="link-to-this" href="#top" aria-label="Link to headline">¶</a></h1><p id="second-part">B<a class="link-to-this" href="#second-part" aria-label="Link to paragraph 2">¶2</a></p>',
      ),
      '/notes/old-name/': published['/notes/old-name/'],
    };
    const alias = '- { page: /articles/x/, from: second, toPage: /articles/y/, to: second-part }\n';

    it('fails without the alias, suggesting toPage', () => {
      expect(() => run(site(split))).toThrow(
        'or, if it moved to another page: - { page: /articles/x/, from: second, toPage: /its/new/page/, to: its-id-there }',
      );
    });

    it('passes with the alias, adding to the old page a link with the old id to the new place (in a list at the end of main, shown only to who lands on it), saying in words what moved and where', () => {
      const where = site(split, alias);
      expect(() => run(where)).not.toThrow();
      expect(readFileSync(join(where.distDir, 'articles', 'x', 'index.html'), 'utf8')).toContain(
        '<ul class="moved-links meta"><li><a id="second" href="/articles/y/#second-part" data-moved>Paragraph 2, now on Article Y</a></li></ul></main>',
      );
    });

    it('leaves a page that links the old id itself as it is, and checks that the link goes where the alias says', () => {
      const linked = {
        ...split,
        '/articles/x/': page(
          '<p id="come-get-me">A</p><a id="second" href="/articles/y/#second-part" data-moved>B</a>',
        ),
      };
      const where = site(linked, alias);
      expect(() => run(where)).not.toThrow();
      expect(readFileSync(join(where.distDir, 'articles', 'x', 'index.html'), 'utf8')).not.toContain('moved-links');
      const wrong = { ...split, '/articles/x/': page('<a id="second" href="/articles/z/#second" data-moved>B</a>') };
      expect(() => run(site(wrong, alias))).toThrow(
        'content/addresses/aliases.yaml:1 › toPage: /articles/x/ links #second to /articles/z/#second, but this alias moves it to /articles/y/#second-part; make them agree',
      );
    });

    it('refuses a toPage that is not a page, or that lacks the id', () => {
      expect(() =>
        run(site(split, '- { page: /articles/x/, from: second, toPage: /articles/nope/, to: second }\n')),
      ).toThrow(
        'content/addresses/aliases.yaml:1 › toPage: /articles/nope/ is not a page of the site; give the page the entry moved to',
      );
      expect(() =>
        run(site(split, '- { page: /articles/x/, from: second, toPage: /articles/y/, to: typo }\n')),
      ).toThrow(
        'content/addresses/aliases.yaml:1 › to: no element on /articles/y/ has id "typo"; give the id the entry has there',
      );
      expect(() => run(site({ ...published, '/articles/y/': split['/articles/y/'] }, alias))).toThrow(
        'content/addresses/aliases.yaml:1 › from: /articles/x/ has an element with id "second" again; remove this alias',
      );
    });
  });

  it('fails on a page that repeats an id', () => {
    expect(() => run(site({ ...published, '/': page('<h2 id="why">Why</h2><p id="why">Again</p>') }))).toThrow(
      '  - /: id "why" is used more than once',
    );
  });

  it('rewrites the manifest in update mode, so an intended removal can be recorded', () => {
    const where = site({ '/': published['/'], '/articles/x/': published['/articles/x/'] });
    guardAddresses({ ...where, site: 'https://example.org/', update: true });
    const manifest = JSON.parse(readFileSync(join(where.root, 'content', 'addresses', 'published.json'), 'utf8'));
    expect(manifest.pages).toEqual({ '/': ['main', 'why'], '/articles/x/': ['come-get-me', 'main', 'second'] });
    expect(() => run(where)).not.toThrow();
  });

  it('has nothing to compare against before the first update', () => {
    const where = site(published);
    rmSync(join(where.root, 'content', 'addresses', 'published.json'));
    expect(run(where).noManifest).toBe(true);
    expect(existsSync(join(where.root, 'content', 'addresses', 'published.json'))).toBe(false);
  });
});

describe('a redirected page', () => {
  it('keeps its fragments only where the new page has them, and says where to alias the others', () => {
    const withIds = { ...published, '/notes/old-name/': page('<h1>Old</h1><p id="why-it-matters">W</p>') };
    const root = temporaryRoot(withIds);
    const manifest = manifestText(
      guardAddresses({ root, distDir: join(root, 'dist'), site: 'https://example.org/', update: false }).current,
    );
    const moved = {
      '/': published['/'],
      '/articles/x/': published['/articles/x/'],
      '/notes/new-name/': page('<h1>New</h1><p id="why">W</p>'),
    };
    const where = site(moved, '- from: /notes/old-name/\n  to: /notes/new-name/\n');
    writeFileSync(join(where.root, 'content', 'addresses', 'published.json'), manifest);
    expect(() => run(where)).toThrow(
      '  - /notes/old-name/#why-it-matters: /notes/old-name/ now redirects to /notes/new-name/, which has no id "why-it-matters". Alias it there: - { page: /notes/new-name/, from: why-it-matters, to: its-new-id }',
    );
    writeFileSync(
      join(where.root, 'content', 'addresses', 'aliases.yaml'),
      '- from: /notes/old-name/\n  to: /notes/new-name/\n- page: /notes/new-name/\n  from: why-it-matters\n  to: why\n',
    );
    expect(() => run(where)).not.toThrow();
  });
});

describe('items in their homes (HOME_FAMILIES)', () => {
  /** A build and the manifest recorded from an earlier build, as `npm run addresses:update` writes it. */
  function rebuild(before: Record<string, string>, after: Record<string, string>, aliases?: string) {
    const earlier = temporaryRoot(before);
    const manifest = manifestText(
      guardAddresses({ root: earlier, distDir: join(earlier, 'dist'), site: 'https://example.org/', update: false })
        .current,
    );
    const where = site(after, aliases);
    writeFileSync(join(where.root, 'content', 'addresses', 'published.json'), manifest);
    return where;
  }
  const read = (where: { distDir: string }, path: string) =>
    readFileSync(join(where.distDir, ...path.split('/').filter(Boolean), 'index.html'), 'utf8');

  // The quotations pages, in time order, cut into pages of `size` by the site's own pagination.
  const quotationsPages = (ids: readonly string[], size: number): Record<string, string> =>
    Object.fromEntries(
      paginate(ids, size).map((part) => [
        indexPageUrl(quotationsUrl(), part.number),
        page(part.items.map((id) => `<figure id="${id}">${id}</figure>`).join('')),
      ]),
    );

  // Published quotations pages with the alias old-b standing in front of b (aliases.yaml's ALIAS_OF_B), for a
  // rebuild in which b moves to the next page.
  const ALIAS_OF_B = '- { page: /quotations/, from: old-b, to: b }\n';
  const withAliasOfB = (pages: Record<string, string>): Record<string, string> => ({
    ...pages,
    '/quotations/': pages['/quotations/']!.replace(
      '<figure id="b">',
      '<figure id="b"><span id="old-b" data-alias-of="b"></span>',
    ),
  });

  it('keeps a fragment that moved to the next page when its home grew past its split, without a hand edit', () => {
    // Published: four quotations on /quotations/. Then one said earlier joins, and a page holds four:
    // the last of the first page moves to /quotations/page/2/.
    const before = quotationsPages(['a', 'b', 'c', 'd'], 4);
    const after = quotationsPages(['a', 'earlier', 'b', 'c', 'd'], 4);
    expect(Object.keys(after)).toEqual(['/quotations/', '/quotations/page/2/']);
    const where = rebuild(before, after);
    const report = run(where);
    expect(read(where, '/quotations/')).toContain(
      '<li><a id="d" href="/quotations/page/2/#d" data-moved>/quotations/page/2/#d</a></li>',
    );
    // The guard proves it: every published address is there, the moved one as a link to its new place.
    expect(report.current['/quotations/']).toContain('d');
    expect(report.added).toEqual(['/quotations/#earlier', '/quotations/page/2/']);
  });

  it('redirects a page of a home the build no longer makes to the page its entries joined, keeping its fragments there', () => {
    // Published: the log's busy day cut into two parts on pages 2 and 3. Then the day is whole on page 2.
    const log = (pages: string[][]): Record<string, string> =>
      Object.fromEntries(
        pages.map((ids, at) => [
          `/corrections/page/${at + 1}/`,
          page(`<h2 id="other-dates">Other dates</h2>${ids.map((id) => `<li id="${id}">${id}</li>`).join('')}`),
        ]),
      );
    const before = log([['a'], ['b', 'c'], ['d', 'e']]);
    const where = rebuild(before, log([['a'], ['b', 'c', 'd', 'e']]));
    const report = run(where);
    const redirect = read(where, '/corrections/page/3/');
    expect(redirect).toContain('<meta http-equiv="refresh" content="0; url=/corrections/page/2/">');
    // The fragment goes along: /corrections/page/3/#d lands on /corrections/page/2/#d.
    expect(redirect).toContain('location.replace("/corrections/page/2/"+location.hash)');
    expect(report.current['/corrections/page/3/']).toEqual(['d', 'e', 'main', 'other-dates']);
    // It takes on none of the ids it did not have: the build may make the page again.
    expect(report.added).toEqual(['/corrections/page/2/#d', '/corrections/page/2/#e']);
    // A fragment of the old page that the page it joined lacks has vanished, named.
    const lost = rebuild(before, log([['a'], ['b', 'c', 'd']]));
    expect(() => run(lost)).toThrow('/corrections/page/3/#e');
  });

  it('does not follow an id that two pages of the home have, and names what vanished', () => {
    const before = quotationsPages(['a', 'b', 'c', 'd'], 4);
    const after = {
      ...quotationsPages(['a', 'b', 'c', 'x', 'y', 'd', 'e', 'f'], 4),
      '/quotations/page/3/': page('<p id="d">again</p>'),
    };
    expect(() => run(rebuild(before, after))).toThrow('/quotations/#d: no element on /quotations/ has id "d" any more');
  });

  it("turns an item's old page into a redirect to its entry in its home, every old fragment landing on the entry", () => {
    const before = {
      '/': page('<h2 id="why">Why</h2>'),
      '/events/jan-call/': page('<h1>The call</h1><h2 id="quotations-heading">Quotations</h2>'),
      '/quotations/very-nice/': page('<h1>Very nice</h1>'),
      '/sources/meeting-length/': page('<h1>Length</h1>'),
    };
    const after = {
      '/': before['/'],
      '/timeline/2026-january/': page('<ol><li id="jan-call">The call</li></ol>'),
      '/people/donald-trump/': page('<figure id="very-nice">Very nice</figure>'),
      '/sources/': page('<ol><li id="other">Other</li></ol>'),
      '/sources/page/2/': page('<ol><li id="meeting-length">Length</li></ol>'),
    };
    const where = rebuild(before, after);
    const report = run(where);
    const redirect = read(where, '/events/jan-call/');
    expect(redirect).toContain('<meta http-equiv="refresh" content="0; url=/timeline/2026-january/#jan-call">');
    // The entry is the place: the old page's fragments (#quotations-heading) are not carried over.
    expect(redirect).toContain('<script>location.replace("/timeline/2026-january/#jan-call")</script>');
    expect(read(where, '/quotations/very-nice/')).toContain('url=/people/donald-trump/#very-nice');
    expect(read(where, '/sources/meeting-length/')).toContain('url=/sources/page/2/#meeting-length');
    expect(report.current['/events/jan-call/']).toEqual(['main', 'quotations-heading']);
  });

  it("fails, naming the item and the fix, when an item's old page has no entry in its home", () => {
    const before = { '/': page('<h2 id="why">Why</h2>'), '/events/jan-call/': page('<h1>The call</h1>') };
    const after = { '/': before['/'], '/timeline/2026-january/': page('<ol><li id="january-call">The call</li></ol>') };
    expect(() => run(rebuild(before, after))).toThrow(
      'content/addresses/published.json › /events/jan-call/: /events/jan-call/ was an item\'s page and now redirects to its entry, but none of the timeline parts (events) has an entry with id "jan-call"; give the entry its id back, or keep it with an alias on its page: - { page: /its/home/page/, from: jan-call, to: its-new-id }',
    );
    // The alias the message suggests puts the old id on the entry, and the redirect lands there.
    const where = rebuild(before, after, '- { page: /timeline/2026-january/, from: jan-call, to: january-call }\n');
    expect(() => run(where)).not.toThrow();
    expect(read(where, '/events/jan-call/')).toContain('url=/timeline/2026-january/#jan-call');
  });

  it('moves an alias with the element it stands for when that element moves to another page of the home', () => {
    const before = quotationsPages(['a', 'b'], 4);
    const after = quotationsPages(['a', 'x', 'y', 'z', 'b'], 4);
    const where = rebuild(withAliasOfB(before), after, ALIAS_OF_B);
    expect(() => run(where)).not.toThrow();
    expect(read(where, '/quotations/')).toContain('<a id="old-b" href="/quotations/page/2/#b" data-moved>');
  });

  it("makes an alias follow its target entry to another page of the home, its old id landing there too (a withdrawn point's old page)", () => {
    // Published: /sources/ with the alias of a withdrawn point on the entry that replaced it, and the point's
    // own first-edition page. Then the home grew and that entry moved to /sources/page/2/.
    const before = {
      '/sources/': page('<ol><li id="call-date"><span id="old-post" data-alias-of="call-date"></span>Call</li></ol>'),
      '/sources/old-post/': page('<h1>Old post</h1>'),
    };
    const after = {
      '/sources/': page('<ol><li id="new-point">New</li></ol>'),
      '/sources/page/2/': page('<ol><li id="call-date">Call</li></ol>'),
    };
    const where = rebuild(before, after, '- { page: /sources/, from: old-post, to: call-date }\n');
    const report = run(where);
    // The anchor is on the entry where it is now, the alias's page links the old id there, and the point's
    // old page redirects to the old id in the home, which lands on the entry.
    expect(read(where, '/sources/page/2/')).toContain(
      '<li id="call-date"><span id="old-post" data-alias-of="call-date"></span>Call</li>',
    );
    expect(read(where, '/sources/')).toContain('<a id="old-post" href="/sources/page/2/#call-date" data-moved>');
    expect(read(where, '/sources/old-post/')).toContain('url=/sources/page/2/#old-post');
    expect(report.current['/sources/']).toEqual(expect.arrayContaining(['call-date', 'old-post']));
  });

  it('refuses an alias whose target entry is on no page of its home, naming the file, the line and what was expected', () => {
    const before = {
      '/sources/': page('<ol><li id="call-date"><span id="old-post" data-alias-of="call-date"></span>Call</li></ol>'),
    };
    const after = {
      '/sources/': page('<ol><li id="new-point">New</li></ol>'),
      '/sources/page/2/': page('<ol><li id="other">Other</li></ol>'),
    };
    const aliases = '# withdrawn points\n- { page: /sources/, from: old-post, to: call-date }\n';
    expect(() => run(rebuild(before, after, aliases))).toThrow(
      'content/addresses/aliases.yaml:2 › to: no element on /sources/ or on exactly one other page of the comparison pages (comparison points) has id "call-date"; point the alias at the id of the entry that replaced "old-post"',
    );
  });

  it('follows an entry a toPage alias sends to, when it moved on to another page of its home', () => {
    // Published: the event on the overview. Its alias sends it to /timeline/2026/, which split: it is on 2026-2.
    const before = { '/timeline/': page('<ol><li id="x">X</li></ol>') };
    const after = {
      '/timeline/': page('<p id="chart">Chart</p>'),
      '/timeline/2026/': page('<ol><li id="y">Y</li></ol>'),
      '/timeline/2026-2/': page('<ol><li id="x">X</li></ol>'),
    };
    const alias = '- { page: /timeline/, from: x, toPage: /timeline/2026/, to: x }\n';
    const where = rebuild(before, after, alias);
    expect(() => run(where)).not.toThrow();
    expect(read(where, '/timeline/')).toContain('<a id="x" href="/timeline/2026-2/#x" data-moved>');
    // A page that renders that link itself, to the entry's page now, agrees with the alias.
    const rendered = rebuild(
      before,
      { ...after, '/timeline/': page('<a id="x" href="/timeline/2026-2/#x" data-moved>X</a>') },
      alias,
    );
    expect(() => run(rendered)).not.toThrow();
  });

  it('leaves the fragment-map pass the map of the pages as the guard last read them, the same as reading them again', () => {
    // A redirect page written by the guard (an item's old page), an alias anchor, and a moved-entry link.
    const before: Record<string, string> = {
      ...quotationsPages(['a', 'b'], 4),
      '/events/jan-call/': page('<h1>The call</h1>'),
    };
    const after = {
      ...quotationsPages(['a', 'x', 'y', 'z', 'b'], 4),
      '/timeline/2026-january/': page('<ol><li id="jan-call">The call</li></ol>'),
      '/articles/x/': page(
        '<p id="come-and-get-me"><span id="come-get-me" data-alias-of="come-and-get-me"></span>A</p>',
      ),
    };
    const where = rebuild(withAliasOfB(before), after, ALIAS_OF_B);
    const context = { ...where, site: 'https://example.org/', cacheDir: join(where.root, '.cache') };
    addressGuardPass.run(context, { info: () => undefined, warn: () => undefined });
    const fromGuard = mapsFromGuard.get(context);
    expect(read(where, '/events/jan-call/')).toContain('http-equiv="refresh"');
    expect(read(where, '/quotations/')).toContain('<a id="old-b" href="/quotations/page/2/#b" data-moved>');
    expect(fromGuard).toEqual(mapBuiltPages(where.distDir));
    expect(fromGuard?.pages.map(([path]) => path)).toEqual([
      '/articles/x/',
      '/quotations/',
      '/quotations/page/2/',
      '/timeline/2026-january/',
    ]);
    expect(Object.keys(fromGuard?.ids ?? {})).toEqual(
      expect.arrayContaining(['a', 'b', 'jan-call', 'come-and-get-me']),
    );
    expect(Object.keys(fromGuard?.ids ?? {})).not.toContain('old-b');
    expect(Object.keys(fromGuard?.ids ?? {})).not.toContain('come-get-me');
  });
});
