import { describe, expect, it } from 'vitest';
import { parseArticleBody } from '../../../../src/lib/content/article-blocks.ts';
import { escapeMarkdown, renderBody } from '../../../../src/lib/import/render-article.ts';

describe('renderBody', () => {
  it('writes text that Markdown would read as syntax so that it reads back exactly', () => {
    const texts = [
      '# Not a heading',
      '- not a list',
      '1. not a list either',
      '> not a quote',
      'Stars *and* _underscores_ and `code` and [links](x) and <b>tags</b>',
      'A colon:directive and :sic[word] and a {#fake-id}',
      'An entity &amp; a backslash \\ and a trailing brace }',
      '2026. The year',
    ];
    const body = renderBody(texts.map((text, index) => ({ kind: 'paragraph', text, id: `p-${index}` })));
    const read = parseArticleBody(body);
    expect(read.problems).toEqual([]);
    expect(read.blocks.map((block) => block.text)).toEqual(texts);
  });

  it('writes headings, pull quotes and embed markers in the article format', () => {
    expect(
      renderBody([
        { kind: 'heading', text: 'Sanctions & Doctrines', id: 'sanctions' },
        { kind: 'pullquote', text: 'Very nice.', attribution: 'U.S. President Donald Trump', id: 'very-nice' },
        { kind: 'embed', platform: 'X', id: 'post-1' },
      ]),
    ).toBe(
      '## Sanctions & Doctrines {#sanctions}\n\n:::pullquote{#very-nice attribution="U.S. President Donald Trump"}\nVery nice.\n:::\n\n::embed{#post-1 platform="X"}',
    );
  });

  it('leaves ordinary punctuation alone', () => {
    expect(escapeMarkdown('Petro’s “reset” - at 3:17 PM, $740 million (AP) & more!')).toBe(
      'Petro’s “reset” - at 3:17 PM, $740 million (AP) & more!',
    );
  });
});
