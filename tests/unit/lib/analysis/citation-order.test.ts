import { describe, expect, it } from 'vitest';
import { citationPlaces, orderStatementCitations } from '../../../../src/lib/analysis/citation-order.ts';
import { sectionIds } from '../../../../src/lib/links/urls.ts';

// Two articles in the site's order (by date): the LA Times first, then Clash Report.
const articles = [
  { id: 'la', blocks: [{ id: 'intro' }, { id: 'second' }, { id: 'fourth' }, { id: 'twelfth' }] },
  { id: 'clash', blocks: [{ id: 'opening' }, { id: 'middle' }, { id: 'closing' }] },
];
const placeOf = citationPlaces(articles);
const chips = (citations: { article: string; paragraph: string; words?: string }[]): string[] =>
  orderStatementCitations(citations, placeOf).map(
    (group) => `${group[0]!.article}#${group[0]!.paragraph}${group.length > 1 ? ` ×${group.length}` : ''}`,
  );

describe('the order of a statement’s chips', () => {
  it('puts one outlet’s paragraphs in ascending order, whatever order the content cites them in', () => {
    expect(
      chips([
        { article: 'la', paragraph: 'twelfth' },
        { article: 'la', paragraph: 'fourth' },
        { article: 'la', paragraph: 'intro' },
      ]),
    ).toEqual(['la#intro', 'la#fourth', 'la#twelfth']);
  });

  it('puts the outlets in the site’s order, each outlet’s paragraphs together', () => {
    expect(
      chips([
        { article: 'clash', paragraph: 'middle' },
        { article: 'la', paragraph: 'second' },
        { article: 'clash', paragraph: 'opening' },
        { article: 'la', paragraph: 'intro' },
      ]),
    ).toEqual(['la#intro', 'la#second', 'clash#opening', 'clash#middle']);
  });

  it('makes several passages of one paragraph one chip, in the place of that paragraph', () => {
    const [first, second] = orderStatementCitations(
      [
        { article: 'la', paragraph: 'fourth', words: 'a passage' },
        { article: 'la', paragraph: 'intro' },
        { article: 'la', paragraph: 'fourth', words: 'another passage' },
      ],
      placeOf,
    );
    expect(first?.map((citation) => citation.paragraph)).toEqual(['intro']);
    // The passages keep the order cited: the chip's text fragment highlights both.
    expect(second?.map((citation) => citation.words)).toEqual(['a passage', 'another passage']);
  });

  it('puts the parts above an article’s text (headline, standfirst, date line) before its paragraphs', () => {
    const { headline, standfirst, dateLine } = sectionIds.article;
    expect(
      chips([
        { article: 'la', paragraph: 'intro' },
        { article: 'la', paragraph: dateLine },
        { article: 'clash', paragraph: headline },
        { article: 'la', paragraph: standfirst },
        { article: 'la', paragraph: headline },
      ]),
    ).toEqual([`la#${headline}`, `la#${standfirst}`, `la#${dateLine}`, 'la#intro', `clash#${headline}`]);
  });
});
