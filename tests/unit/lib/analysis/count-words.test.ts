import { describe, expect, it } from 'vitest';
import { countOf, countWord, countWordCapitalised } from '../../../../src/lib/analysis/count-words.ts';

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
