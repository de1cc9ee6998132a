import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  compareAddresses,
  describeMovedEntry,
  describeVanished,
  duplicateIds,
  elementAt,
  insertMovedLinks,
  insertAliasAnchor,
  isRedirectPage,
  listIds,
  manifestText,
  parseAliases,
  parseManifest,
  redirectPageHtml,
} from '../../../../src/lib/links/addresses.ts';

const page = (body: string) =>
  `<!doctype html><html lang="en"><head><title>t</title></head><body><main id="main">${body}</main></body></html>`;

describe('listIds and duplicateIds', () => {
  it('lists every id in document order, skipping text that only looks like an id', () => {
    const html = page(
      '<h2 id="a" title="x > y" data-note=\'id="fake"\'>A</h2><p id="b">id="not-an-id" &lt;p id="nor-this"&gt;</p><script type="application/ld+json">{"x":"<p id=\\"json\\">"}</script>',
    );
    expect(listIds(html)).toEqual(['main', 'a', 'b']);
  });

  it('reports ids used twice', () => {
    expect(duplicateIds(['a', 'b', 'a', 'c', 'b', 'a'])).toEqual(['a', 'b']);
    expect(duplicateIds(['a', 'b'])).toEqual([]);
  });
});

describe('compareAddresses', () => {
  const published = { '/': ['main', 'why'], '/events/a/': ['main'], '/articles/x/': ['p1', 'p2', 'main'] };

  it('finds nothing when the build has every published address', () => {
    expect(compareAddresses(published, { ...published, '/new/': ['main'] }).vanished).toEqual([]);
  });

  it('lists vanished pages and fragments, and added ones, sorted', () => {
    const current = { '/': ['main', 'why', 'latest'], '/articles/x/': ['p1', 'main', 'p3'], '/events/b/': ['main'] };
    expect(compareAddresses(published, current)).toEqual({
      vanished: [{ page: '/articles/x/', id: 'p2' }, { page: '/events/a/' }],
      added: [{ page: '/', id: 'latest' }, { page: '/articles/x/', id: 'p3' }, { page: '/events/b/' }],
    });
  });

  it('explains each vanished address and both ways to fix it', () => {
    expect(describeVanished([{ page: '/articles/x/', id: 'p2' }, { page: '/events/a/' }])).toBe(
      [
        'Address check failed: 2 published addresses have vanished, so links people have shared would break.',
        'Keep each one working with an alias in content/addresses/aliases.yaml, or, if it is meant to go, run `npm run addresses:update` and commit content/addresses/published.json.',
        '  - /articles/x/#p2: no element on /articles/x/ has id "p2" any more. Alias it: - { page: /articles/x/, from: p2, to: its-new-id }, or, if it moved to another page: - { page: /articles/x/, from: p2, toPage: /its/new/page/, to: its-id-there }',
        '  - /events/a/: the page is gone. Redirect it: - { from: /events/a/, to: /its/new/path/ }',
      ].join('\n'),
    );
  });
});

describe('the manifest file', () => {
  it('is written sorted and read back', () => {
    const text = manifestText({ '/b/': ['z', 'a', 'a'], '/': ['main'] });
    expect(text).toMatch(/^\{\n {2}"about": "Every page path/);
    expect(Object.keys(JSON.parse(text).pages)).toEqual(['/', '/b/']);
    expect(parseManifest('m.json', text)).toEqual({ addresses: { '/': ['main'], '/b/': ['a', 'z'] }, problems: [] });
  });

  it('names the file and field when it is broken', () => {
    expect(parseManifest('m.json', '{').problems[0]?.message).toMatch(
      /^malformed JSON .*; run `npm run addresses:update` to rewrite it$/,
    );
    expect(parseManifest('m.json', '{"about":"x","pages":{"no-slash":[]}}').problems[0]).toMatchObject({
      file: 'm.json',
      field: 'pages.no-slash',
    });
  });
});

describe('parseAliases', () => {
  it('reads fragment and page aliases with their lines; an empty or comment-only file has none', () => {
    const text =
      '# old ids\n- page: /articles/x/\n  from: old-para\n  to: new-para\n  note: merged\n\n- from: /events/old/\n  to: /events/new/\n';
    expect(parseAliases('a.yaml', text)).toEqual({
      aliases: {
        fragments: [{ page: '/articles/x/', from: 'old-para', to: 'new-para', note: 'merged', line: 2 }],
        pages: [{ from: '/events/old/', to: '/events/new/', line: 7 }],
      },
      problems: [],
    });
    expect(parseAliases('a.yaml', '# nothing yet\n').aliases).toEqual({ fragments: [], pages: [] });
    expect(parseAliases('a.yaml', '[]\n').aliases).toEqual({ fragments: [], pages: [] });
  });

  it('names file, line and field of each mistake', () => {
    const text =
      '- page: /articles/x/\n  from: old\n- from: /events/old\n  to: /events/new/\n- page: /a/\n  from: x\n  to: y\n- page: /a/\n  from: x\n  to: z\n- from: /p/\n  to: /p/\n';
    const { problems } = parseAliases('a.yaml', text);
    expect(problems).toEqual([
      { file: 'a.yaml', line: 1, field: '[0].to', message: 'required field is missing (expected string)' },
      { file: 'a.yaml', line: 3, field: '[1].from', message: expect.stringContaining('starts and ends with "/"') },
      {
        file: 'a.yaml',
        line: 8,
        field: '[3].from',
        message: '"/a/#x" is already aliased on line 5; keep one alias per old address',
      },
      { file: 'a.yaml', line: 11, field: '[4].to', message: 'an alias must point somewhere else than its own "from"' },
    ]);
  });
});

describe('parseAliases: an entry moved to another page', () => {
  it('reads toPage, and lets the id stay the same when the page changes', () => {
    const text = '- { page: /timeline/, from: jan-7-call, toPage: /timeline/2026/, to: jan-7-call }\n';
    expect(parseAliases('a.yaml', text)).toEqual({
      aliases: {
        fragments: [{ page: '/timeline/', from: 'jan-7-call', toPage: '/timeline/2026/', to: 'jan-7-call', line: 1 }],
        pages: [],
      },
      problems: [],
    });
  });

  it('refuses an alias to the same id on the same page, and a toPage that is not a path', () => {
    const text = '- { page: /a/, from: x, toPage: /a/, to: x }\n- { page: /a/, from: y, toPage: timeline, to: y }\n';
    expect(parseAliases('a.yaml', text).problems).toEqual([
      {
        file: 'a.yaml',
        line: 1,
        field: '[0].to',
        message: 'an alias must point somewhere else than its own "from": give a toPage other than its page',
      },
      { file: 'a.yaml', line: 2, field: '[1].toPage', message: expect.stringContaining('starts and ends with "/"') },
    ]);
  });
});

describe('moved-entry links', () => {
  it('tells a moved-entry link from another element with the id', () => {
    const html = page('<a id="x" href="/timeline/2026/#x" data-moved>X</a><p id="y">Y</p>');
    expect(elementAt(html, 'x')).toEqual({ kind: 'moved', href: '/timeline/2026/#x' });
    expect(elementAt(html, 'y')).toEqual({ kind: 'element' });
    expect(elementAt(html, 'z')).toEqual({ kind: 'none' });
  });

  it('adds the links at the end of the main content, escaped, each saying what moved and where (the address only when neither is known)', () => {
    const html = insertMovedLinks(page('<p>Body</p>'), [
      { from: 'a"b', href: '/t/#a<b' },
      { from: 'c', href: '/t/#c', what: 'Event “A & B”', pageName: 'Timeline <2>' },
    ]);
    expect(html).toContain('<p>Body</p><ul class="moved-links meta"><li>');
    expect(html).toContain(
      '<a id="a&quot;b" href="/t/#a&lt;b" data-moved>/t/#a&lt;b</a></li><li><a id="c" href="/t/#c" data-moved>Event “A &amp; B”, now on Timeline &lt;2></a></li></ul></main>',
    );
    expect(listIds(html)).toEqual(['main', 'a"b', 'c']);
    expect(insertMovedLinks(page(''), [])).toBe(page(''));
  });

  it('lists an entry once when it moved under two ids (its own and an older alias), in one call or two: the older id joins its line', () => {
    const entry = { href: '/s/2/#group-all', what: 'Section “All alike”', pageName: 'Sources, page 2' };
    const line =
      '<li><a id="group-all" href="/s/2/#group-all" data-moved>Section “All alike”, now on Sources, page 2</a> (earlier address: <a id="group-both" href="/s/2/#group-all" data-moved>#group-both</a>)</li>';
    const once = insertMovedLinks(page(''), [
      { from: 'group-both', ...entry },
      { from: 'group-all', ...entry },
    ]);
    expect(once).toContain(`<ul class="moved-links meta">${line}</ul>`);
    const twice = insertMovedLinks(insertMovedLinks(page(''), [{ from: 'group-all', ...entry }]), [
      { from: 'group-both', ...entry },
    ]);
    expect(twice).toBe(once);
    // The older id listed by the first pass, the entry's own by the second: the own id still leads the line.
    const reversed = insertMovedLinks(insertMovedLinks(page(''), [{ from: 'group-both', ...entry }]), [
      { from: 'group-all', ...entry },
    ]);
    expect(reversed).toBe(once);
    expect(once.match(/All alike/g)).toHaveLength(1);
    expect(listIds(once)).toEqual(['main', 'group-all', 'group-both']);
  });
});

describe('describeMovedEntry', () => {
  const target = page(
    '<h1>Timeline of tensions, February 2026<a class="link-to-this" href="#top" aria-label="Link to the title">¶</a></h1>' +
      '<li id="visa"><h2>U.S. issues a visa<a class="link-to-this" href="#visa" aria-label="Link to event: U.S. issues a visa">¶</a></h2></li>' +
      '<section id="group"><h2>What both report <span>alike</span> <a class="link-to-this" href="#other" aria-label="Link to section: Other">¶</a></h2></section>' +
      '<p id="bare">Text</p>' +
      '<li id="fix"><p>Correction</p><h3><a href="/corrections/fix/">The date is now given.</a><a class="link-to-this" href="#fix" aria-label="Link to this correction">¶</a></h3></li>',
  );

  it('names the entry as its "link to this" control does, and the page by its main heading without controls', () => {
    expect(describeMovedEntry(target, 'visa')).toEqual({
      what: 'Event “U.S. issues a visa”',
      pageName: 'Timeline of tensions, February 2026',
    });
  });

  it('names an entry whose control gives only its kind ("Link to this correction") by its kind and its heading', () => {
    expect(describeMovedEntry(target, 'fix').what).toBe('Correction “The date is now given”');
  });

  it('falls back to the entry’s first heading, then to nothing', () => {
    expect(describeMovedEntry(target, 'group').what).toBe('“What both report alike”');
    expect(describeMovedEntry(target, 'bare').what).toBeUndefined();
    expect(describeMovedEntry('<p id="x">x</p>', 'x')).toEqual({});
  });

  it('describes an alias anchor by the element it stands for (data-alias-of)', () => {
    const aliased = page(
      '<h1>How the sources compare</h1><section><span id="group-both" data-alias-of="group-all"></span>' +
        '<h2 id="group-all">What all report alike <a class="link-to-this" href="#group-all" aria-label="Link to section: What all report alike">¶</a></h2></section>',
    );
    expect(describeMovedEntry(aliased, 'group-both')).toEqual({
      what: 'Section “What all report alike”',
      pageName: 'How the sources compare',
    });
  });
});

describe('insertAliasAnchor', () => {
  it('puts an empty anchor with the old id first inside the new target', () => {
    const html = page('<p id="new" class="x" title="a > b">Text</p>');
    expect(insertAliasAnchor(html, 'old', 'new')).toBe(
      page('<p id="new" class="x" title="a > b"><span id="old" data-alias-of="new"></span>Text</p>'),
    );
  });

  it('puts it right before a target that may not hold a span', () => {
    const html = page('<ol id="list"><li>One</li></ol>');
    expect(insertAliasAnchor(html, 'old', 'list')).toBe(
      page('<span id="old" data-alias-of="list"></span><ol id="list"><li>One</li></ol>'),
    );
  });

  it('returns undefined when the new id is not on the page', () => {
    expect(insertAliasAnchor(page('<p id="a">A</p>'), 'old', 'missing')).toBeUndefined();
  });
});

describe('redirectPageHtml', () => {
  const html = redirectPageHtml({ to: '/events/new/', canonical: 'https://example.org/events/new/', siteName: 'Site' });

  it('refreshes to the new page, names it as canonical, links to it, and is recognised as a redirect', () => {
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/events/new/">');
    expect(html).toContain('<link rel="canonical" href="https://example.org/events/new/">');
    // The visible link shows the path: right on every host, never a development address.
    expect(html).toContain('<p>Its new address is <a href="/events/new/">/events/new/</a>.</p>');
    expect(html).not.toContain('>https://example.org');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(isRedirectPage(html)).toBe(true);
    expect(isRedirectPage(page('<p>x</p>'))).toBe(false);
  });

  it('allows its one script, which carries the fragment over, by hash in its own CSP', () => {
    const script = /<script>(.*)<\/script>/.exec(html)?.[1] ?? '';
    expect(script).toBe('location.replace("/events/new/"+location.hash)');
    const hash = createHash('sha256').update(script).digest('base64');
    expect(html).toContain(
      `content="default-src 'none'; base-uri 'none'; form-action 'none'; script-src 'sha256-${hash}'; style-src 'self'"`,
    );
  });
});
