import { describe, expect, it } from 'vitest';
import { markSearchAnchors, SEARCH_EXCLUDED_SELECTORS } from '../../../../src/lib/reading/search.ts';

const page = (main: string): string =>
  `<!doctype html><html lang="en"><head><title>t</title></head><body><main id="main" data-pagefind-body>${main}</main></body></html>`;

describe('markSearchAnchors', () => {
  it('names every block that has a "link to this" control by kind and name, from what the control calls it, so that Pagefind makes it a sub-result', () => {
    const html = markSearchAnchors(
      page(
        '<p id="come-get-me">Come get me. <a class="link-to-this" href="#come-get-me" aria-label="Link to paragraph 18">¶</a></p>' +
          '<li id="petro-elected"><h2>Petro wins<a class="link-to-this" href="#petro-elected" aria-label="Link to event: Petro wins">¶</a></h2></li>',
      ),
    );
    expect(html).toContain('<p id="come-get-me" data-pagefind-title="Article paragraph ¦ ¶18">');
    expect(html).toContain('<li id="petro-elected" data-pagefind-title="Event ¦ Petro wins">');
  });

  it('leaves alone blocks without a control, controls that point elsewhere, and names already given', () => {
    const html = markSearchAnchors(
      page(
        '<p id="plain">No control</p>' +
          '<p id="a"><a class="link-to-this" href="#missing" aria-label="Link to paragraph 2">¶</a></p>' +
          '<p id="b" data-pagefind-title="Kept"><a class="link-to-this" href="#b" aria-label="Link to paragraph 3">¶</a></p>' +
          '<p id="c"><a class="other" href="#c" aria-label="Link to paragraph 4">¶</a></p>' +
          // A copy of an entry whose home is another page (a quotation on the quotations pages): found at its home.
          '<figure id="d"><a class="link-to-this" href="/people/x/#d" aria-label="Link to quotation of X">¶</a></figure>',
      ),
    );
    expect(html).not.toMatch(/id="d"[^>]*data-pagefind-title/);
    expect(html).not.toMatch(/id="plain"[^>]*data-pagefind-title/);
    expect(html).not.toMatch(/id="a"[^>]*data-pagefind-title/);
    expect(html).toContain('data-pagefind-title="Kept"');
    expect(html).not.toContain('¶3');
    expect(html).not.toMatch(/id="c"[^>]*data-pagefind-title/);
  });

  it('keeps the rest of the page byte for byte (the index reads the same text)', () => {
    const plain = page('<h1>Title</h1><p>Words &amp; more</p>');
    expect(markSearchAnchors(plain)).toBe(plain);
    const marked = markSearchAnchors(
      page(
        '<p id="x" class="a">Words &amp; more <a class="link-to-this" href="#x" aria-label="Link to event: &quot;A&quot; &amp; B">¶</a></p>',
      ),
    );
    expect(marked.replace(' data-pagefind-title="Event ¦ &quot;A&quot; &amp; B"', '')).toBe(
      page(
        '<p id="x" class="a">Words &amp; more <a class="link-to-this" href="#x" aria-label="Link to event: &quot;A&quot; &amp; B">¶</a></p>',
      ),
    );
  });

  it('names a block as a full parse would, whatever the order of its attributes or the quoting', () => {
    const html = markSearchAnchors(
      page(
        "<section class='s' id=intro><h2>Intro <a aria-label='Link to section: Intro' href='#intro' class='x link-to-this'>¶</a></h2></section>",
      ),
    );
    expect(html).toContain('<section class=\'s\' id=intro data-pagefind-title="Part of the page ¦ Intro">');
  });

  it('names an entry of the corrections log by its own title, its kind kept, not by its kind twice ("Correction ¦ Correction")', () => {
    const html = markSearchAnchors(
      page(
        '<ol class="log"><li id="fix"><p class="when">Correction</p><h3 class="what"><a href="/corrections/fix/">Dates &amp; <em>places</em>\n given</a>' +
          '<a class="link-to-this" href="#fix" aria-label="Link to this correction">¶</a></h3><p>Affects <a href="/timeline/">the timeline</a></p></li>' +
          '<li id="upd"><h3 class="what"><a href="/corrections/upd/">A later source</a><a class="link-to-this" href="#upd" aria-label="Link to this update">¶</a></h3></li></ol>',
      ),
    );
    expect(html).toContain('<li id="fix" data-pagefind-title="Correction ¦ Dates &amp; places given">');
    expect(html).toContain('<li id="upd" data-pagefind-title="Correction ¦ A later source">');
  });

  it('given the page’s path, records the page’s kind as Pagefind metadata on the indexed element', () => {
    expect(markSearchAnchors(page('<p>Words</p>'), '/issues/sanctions/')).toContain(
      '<main id="main" data-pagefind-body data-pagefind-meta="kind:Issue">',
    );
    expect(markSearchAnchors(page('<p>Words</p>'), '/sources/page/2/')).toContain(
      'data-pagefind-meta="kind:How the sources compare"',
    );
    expect(markSearchAnchors(page('<p>Words</p>'), '/')).toContain('data-pagefind-meta="kind:Home page"');
  });

  it('leaves controls, citations, cited-by lists and the contents out of the index', () => {
    expect(SEARCH_EXCLUDED_SELECTORS).toEqual(
      expect.arrayContaining(['.link-to-this', '.citations', '.cited-by-link', '.cited-by', '.toc', '.breadcrumbs']),
    );
  });

  it('leaves the furniture repeated on every page out of the index', () => {
    expect(SEARCH_EXCLUDED_SELECTORS).toEqual(
      expect.arrayContaining(['.last-updated', '.pagination', '.filters', '.to-top', '.moved-links']),
    );
  });
});
