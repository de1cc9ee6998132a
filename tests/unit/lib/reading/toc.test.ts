import { describe, expect, it } from 'vitest';
import { buildToc } from '../../../../src/lib/reading/toc.ts';

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

  it('is empty for a page without sections', () => {
    expect(buildToc('<h1>Page</h1><p>Only text.</p>')).toEqual([]);
  });
});
