import { describe, expect, it } from 'vitest';
import { captureLines } from '../../../../src/lib/import/capture-text.ts';
import { isHeadingLike, readCapture } from '../../../../src/lib/import/read-capture.ts';
import { furniture } from './helpers.ts';

const read = (...lines: string[]) => readCapture(captureLines(lines.join('\n\n')), furniture.rules);

describe('readCapture, by the rules of furniture.yaml', () => {
  const capture = read(
    'Advertisement',
    'A headline for the test',
    'A standfirst under it, in one sentence.',
    'By',
    'Ada Reporter',
    'Staff Writer',
    'Feb. 3, 2026',
    '3:17 PM PT',
    'Share via',
    'The first paragraph of the article, long enough to be prose.',
    'A Section Heading',
    'The second paragraph, which follows the heading.',
    'The quoted words of a pull quote.',
    'Prime Minister Jane Example',
    'View post on X',
    'FILE - A teaser picture. (AP Photo)',
    'World & Nation',
    'A teaser headline',
    'Jan. 30, 2026',
    'The last paragraph.',
    'A headline for the test',
    'More to Read',
    'Another story',
  );

  it('finds the title, standfirst, byline and date line in the header', () => {
    expect(capture.fields.map((field) => [field.target, field.line.text])).toEqual([
      ['title', 'A headline for the test'],
      ['standfirst', 'A standfirst under it, in one sentence.'],
      ['author', 'Ada Reporter'],
      ['author-role', 'Staff Writer'],
      ['date', 'Feb. 3, 2026'],
      ['time', '3:17 PM PT'],
    ]);
  });

  it('keeps paragraphs, headings, pull quotes and embeds in order', () => {
    expect(capture.blocks.map((block) => [block.kind, 'text' in block ? block.text : block.platform])).toEqual([
      ['paragraph', 'The first paragraph of the article, long enough to be prose.'],
      ['heading', 'A Section Heading'],
      ['paragraph', 'The second paragraph, which follows the heading.'],
      ['pullquote', 'The quoted words of a pull quote.'],
      ['embed', 'X'],
      ['paragraph', 'The last paragraph.'],
    ]);
    expect(capture.blocks[3]).toMatchObject({ attribution: 'Prime Minister Jane Example' });
  });

  it('drops furniture by line and by span, with what it was', () => {
    expect(capture.dropped.map(({ line, kind }) => `${line.number} ${kind}: ${line.text}`)).toEqual([
      '1 advertisement: Advertisement',
      '7 byline label: By',
      '17 share widget: Share via',
      '31 related-story teaser: FILE - A teaser picture. (AP Photo)',
      '33 related-story teaser: World & Nation',
      '35 related-story teaser: A teaser headline',
      '37 related-story teaser: Jan. 30, 2026',
      '41 headline repeated in the page footer: A headline for the test',
      '43 more to read: More to Read',
      '45 more to read: Another story',
    ]);
  });

  it('records every line that is not body text, as provenance.ts walks it', () => {
    expect(capture.record.filter((line) => line.as !== 'furniture')).toEqual([
      { text: 'A headline for the test', as: 'front-matter', field: 'title' },
      { text: 'A standfirst under it, in one sentence.', as: 'front-matter', field: 'standfirst' },
      { text: 'Ada Reporter', as: 'front-matter', field: 'byline.authors' },
      { text: 'Staff Writer', as: 'front-matter', field: 'byline.authors' },
      { text: 'Feb. 3, 2026', as: 'front-matter', field: 'published.asPrinted' },
      { text: '3:17 PM PT', as: 'front-matter', field: 'published.asPrinted' },
      { text: 'View post on X', as: 'embed' },
    ]);
  });

  it('ends the header where two unclaimed lines follow the last front-matter line', () => {
    const plain = read('Headline', 'First paragraph of the text, with a full stop.', 'Second paragraph, also prose.');
    expect(plain.fields.map((field) => field.target)).toEqual(['title']);
    expect(plain.blocks.map((block) => block.kind)).toEqual(['paragraph', 'paragraph']);
  });

  it('keeps a teaser span that never closes as article text', () => {
    const open = read(
      'Headline',
      'Body text of the article, as prose.',
      'FILE - A picture that is not a teaser. (AP)',
      'More text.',
    );
    expect(open.blocks.map((block) => ('text' in block ? block.text : ''))).toContain(
      'FILE - A picture that is not a teaser. (AP)',
    );
  });

  it('tells a heading from a sentence', () => {
    expect(isHeadingLike('From Ideological Barbs to Optics Reset')).toBe(true);
    expect(isHeadingLike('He said so.')).toBe(false);
    expect(isHeadingLike('“A quotation”')).toBe(false);
    expect(isHeadingLike('lowercase start')).toBe(false);
  });
});
