import { describe, expect, it } from 'vitest';
import { countOf, countsOf, countWord, countWordCapitalised } from '../../../../src/lib/analysis/count-words.ts';

describe('countWord', () => {
  it('writes one to nine as words', () => {
    expect([1, 2, 3, 9].map(countWord)).toEqual(['one', 'two', 'three', 'nine']);
  });
  it('writes other counts as digits', () => {
    expect([0, 10, 12].map(countWord)).toEqual(['0', '10', '12']);
  });
  it('capitalises to start a sentence', () => {
    expect([2, 12].map(countWordCapitalised)).toEqual(['Two', '12']);
  });
  it('counts a noun, singular for one', () => {
    expect([1, 2, 12].map((n) => countOf(n, 'news article'))).toEqual([
      'one news article',
      'two news articles',
      '12 news articles',
    ]);
  });
  it('says "no" for none, in words like the small counts beside it ("three events · no quotations")', () => {
    expect(countOf(0, 'quotation')).toBe('no quotations');
    expect(`${countOf(3, 'event')} · ${countOf(0, 'quotation')}`).toBe('three events · no quotations');
  });
});

describe('countsOf', () => {
  it('writes counts set side by side alike: words while all are under ten', () => {
    expect(
      countsOf([
        [9, 'event'],
        [8, 'quotation'],
      ]),
    ).toEqual(['nine events', 'eight quotations']);
    expect(
      countsOf([
        [1, 'event'],
        [0, 'quotation'],
      ]),
    ).toEqual(['one event', 'no quotations']);
  });
  it('all in digits when one of them is 10 or more (an issue card: "13 events · 6 quotations"), none still "no"', () => {
    expect(
      countsOf(
        [
          [9, 'event'],
          [1, 'quotation'],
        ],
        [13, 6],
      ),
    ).toEqual(['9 events', '1 quotation']);
    expect(
      countsOf([
        [13, 'event'],
        [6, 'quotation'],
      ]),
    ).toEqual(['13 events', '6 quotations']);
    expect(
      countsOf([
        [1, 'event'],
        [10, 'quotation'],
      ]),
    ).toEqual(['1 event', '10 quotations']);
    expect(
      countsOf([
        [12, 'event'],
        [0, 'quotation'],
      ]),
    ).toEqual(['12 events', 'no quotations']);
  });
});
