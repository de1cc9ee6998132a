import { describe, expect, it } from 'vitest';
import { blockPlaces, type ArticleBlock } from '../../../../src/lib/content/article-blocks.ts';

// How a citation chip names each block of an article (issue 17, a reader's review: a chip showed "§ post-empire",
// the id of an embedded post, where a reader needs something to find by eye).
const block = (id: string, kind: ArticleBlock['kind'], text = '', platform?: string): ArticleBlock => ({
  id,
  kind,
  text,
  line: 1,
  ...(platform === undefined ? {} : { platform }),
});

describe('blockPlaces', () => {
  const places = blockPlaces([
    block('opening', 'paragraph', 'First.'),
    block('from-barbs-to-reset', 'heading', 'From Ideological Barbs to Optics Reset'),
    block('thaw', 'paragraph', 'Second.'),
    block('post-empire', 'embed', '[post on X]', 'X'),
    block('pulled', 'pullquote', 'Words.'),
  ]);

  it('names paragraphs and pull quotes by their number', () => {
    expect(places.get('opening')).toEqual({ short: '¶1', long: 'paragraph 1' });
    expect(places.get('pulled')).toEqual({ short: '¶3', long: 'paragraph 3' });
  });

  it('names a heading by its words and an embedded post as the post it stands for, never by an id', () => {
    expect(places.get('from-barbs-to-reset')).toEqual({
      short: '§ From Ideological Barbs to Optics Reset',
      long: 'section “From Ideological Barbs to Optics Reset”',
    });
    expect(places.get('post-empire')).toEqual({
      short: 'post on X after ¶2',
      long: 'the post on X embedded after paragraph 2',
    });
    for (const [id, place] of places) expect(`${place.short} ${place.long}`).not.toContain(id);
  });

  it('places a post before the first paragraph as such', () => {
    expect(blockPlaces([block('p', 'embed', '', 'X')]).get('p')).toEqual({
      short: 'post on X before ¶1',
      long: 'the post on X embedded before paragraph 1',
    });
  });
});
