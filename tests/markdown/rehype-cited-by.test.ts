import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { movedLinkIds } from '../../src/lib/links/addresses.ts';
import { citedById } from '../../src/lib/links/urls.ts';
import rehypeCitedBy from '../../src/markdown/rehype-cited-by.ts';

// rehype-cited-by runs on an article's rendered HTML at page time (the analysis is known then), not in the
// Markdown processor, so it is tested on HTML rather than through the fixtures of plugins.test.ts.
const run = async (html: string, counts: Record<string, number>): Promise<string> =>
  String(
    await unified()
      .use(rehypeParse, { fragment: true })
      .use(rehypeCitedBy, {
        counts: new Map(Object.entries(counts)),
        targetId: citedById,
        listUrl: '/articles/x/cited-by/',
      })
      .use(rehypeStringify)
      .process(html),
  );

describe('rehype-cited-by', () => {
  it("links each cited block to its entry on the article's cited-by page, the link holding the entry's old id", async () => {
    const html = await run(
      '<p id="a">One. <a class="link-to-this" href="#a">¶1</a></p><p id="b">Two.</p><figure id="c"><blockquote><p>Q</p></blockquote><figcaption>W</figcaption></figure>',
      { a: 3, b: 0, c: 1 },
    );
    expect(html).toBe(
      '<p id="a">One. <a class="link-to-this" href="#a">¶1</a> <a id="cited-by-a" href="/articles/x/cited-by/#cited-by-a" class="cited-by-link" data-moved>Cited by 3</a></p>' +
        '<p id="b">Two.</p>' +
        '<figure id="c"><blockquote><p>Q</p></blockquote><figcaption>W <a id="cited-by-c" href="/articles/x/cited-by/#cited-by-c" class="cited-by-link" data-moved>Cited by 1</a></figcaption></figure>',
    );
    // The address guard reads them as moved-entry links: published #cited-by-… addresses of the article follow them.
    expect([...movedLinkIds(html)]).toEqual(['cited-by-a', 'cited-by-c']);
  });
});
