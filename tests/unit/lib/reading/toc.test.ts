import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { buildToc, type TocEntry } from '../../../../src/lib/reading/toc.ts';

describe('buildToc', () => {
  it("lists the h2 headings that have ids, in order, without their controls ('link to this', 'cited by')", () => {
    const html =
      '<h1>Page</h1><h2 id="facts">The facts <a class="link-to-this" href="#facts" aria-label="Link to section: The facts">¶</a></h2>' +
      '<h2 id="barbs">From Barbs to Reset <a class="link-to-this" href="#barbs" aria-label="Link to section">¶</a> <a class="cited-by-link" href="#cited-by-barbs">Cited by 2</a></h2>' +
      '<p>text</p><h3 id="minor">Minor</h3><h2>No id</h2><section><h2 id="what-was-discussed">What was <em>discussed</em></h2></section>';
    expect(buildToc(html)).toEqual([
      { label: 'The facts', href: '#facts' },
      { label: 'From Barbs to Reset', href: '#barbs' },
      { label: 'What was discussed', href: '#what-was-discussed' },
    ]);
  });

  it("repeats a heading's count that follows the filters (data-filter-count) with its data attributes, the label whole", () => {
    const html =
      '<h2 id="group-differ">Where the accounts differ <span class="count">(<span data-filter-count="15">16; 15 on this page</span>, ' +
      '<a href="/sources/page/2/#group-differ" data-filter-carry>the rest on page 2</a>)</span> <a class="link-to-this" href="#group-differ">¶</a></h2>' +
      '<h2 id="group-only-one">\n  What only one reports <span class="count">(<span data-sum data-filter-count="45">45</span>)</span>\n</h2>' +
      '<h2 id="filed-2026-02-03" class="filed">3 February 2026 <span class="x" data-filter-count="9 events"></span> <a class="link-to-this" href="#filed-2026-02-03">¶</a></h2>' +
      '<h2 id="plain">Plain &amp; simple</h2>';
    expect(buildToc(html)).toEqual([
      {
        label: 'Where the accounts differ (16; 15 on this page, the rest on page 2)',
        href: '#group-differ',
        count: {
          before: 'Where the accounts differ (',
          text: '16; 15 on this page',
          after: ', the rest on page 2)',
          data: { 'data-filter-count': '15' },
        },
      },
      {
        label: 'What only one reports (45)',
        href: '#group-only-one',
        count: {
          before: 'What only one reports (',
          text: '45',
          after: ')',
          data: { 'data-sum': '', 'data-filter-count': '45' },
        },
      },
      // A count written only under a filter: empty as built, the space before it kept to part it from the label.
      {
        label: '3 February 2026',
        href: '#filed-2026-02-03',
        count: { before: '3 February 2026 ', text: '', after: '', data: { 'data-filter-count': '9 events' } },
      },
      { label: 'Plain & simple', href: '#plain' },
    ]);
    for (const { label, count } of buildToc(html))
      if (count) expect(`${count.before}${count.text}${count.after}`.trim()).toBe(label);
  });

  it('is empty for a page without sections', () => {
    expect(buildToc('<h1>Page</h1><p>Only text.</p>')).toEqual([]);
  });
});

describe('buildToc reads headings as a full parse does', () => {
  /** The reference: the table of contents read from a parsed tree, as a browser would. */
  const fromTree = (html: string): TocEntry[] => {
    const entries: TocEntry[] = [];
    visit(fromHtml(html, { fragment: true }), 'element', (node: Element) => {
      const id = node.properties['id'];
      if (node.tagName !== 'h2' || typeof id !== 'string') return;
      const children = node.children.filter((child) => {
        const classes = child.type === 'element' ? child.properties['className'] : undefined;
        return !(
          Array.isArray(classes) && classes.some((name) => ['link-to-this', 'cited-by-link'].includes(String(name)))
        );
      });
      const label = toString({ ...node, children })
        .replace(/\s+/g, ' ')
        .trim();
      if (label !== '') entries.push({ label, href: `#${id}` });
    });
    return entries;
  };

  it.each([
    ['references in the text', '<h2 id="a">Trump &amp; Petro&#39;s &#x201C;reset&#x201D; &lt;again&gt;</h2>'],
    [
      'attributes holding ">" and either quote',
      `<h2 class='x' id="b" title="a > b">Title <a class='link-to-this' href='#b' aria-label='Link to "A > B"'>¶</a></h2>`,
    ],
    [
      'nested markup and line breaks',
      '<h2 id="c">\n  What was <em>dis<strong>cussed</strong></em>\n  <a class="cited-by-link other" href="#cited-by-c">Cited by 2</a>\n</h2>',
    ],
    [
      'an h2 without an id, an empty one and an h3',
      '<h2>None</h2><h2 id="e"><a class="link-to-this" href="#e">¶</a></h2><h3 id="f">Minor</h3>',
    ],
    [
      'a heading inside a section after a comment',
      '<!-- <h2 id="no">not one</h2> --><section><h2 id="g">Inside</h2></section>',
    ],
  ])('%s', (_label, html) => {
    expect(buildToc(html)).toEqual(fromTree(html));
  });
});
