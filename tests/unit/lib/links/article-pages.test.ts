import { describe, expect, it } from 'vitest';
import { dayRangeLabel } from '../../../../src/lib/analysis/dates.ts';
import {
  ARTICLES_LATEST,
  articlePageLabel,
  articlePages,
  articlePageStart,
  latestArticles,
} from '../../../../src/lib/links/article-pages.ts';
import { INDEX_PAGE_SIZE } from '../../../../src/lib/links/pagination.ts';

/** `count` articles, oldest first, one a day from 1 March 2026. */
const articles = (count: number): { id: string; data: { published: { date: string } } }[] =>
  Array.from({ length: count }, (_, n) => ({
    id: `a-${n}`,
    data: { published: { date: new Date(Date.UTC(2026, 2, 1 + n)).toISOString().slice(0, 10) } },
  }));

describe('the pages of the articles', () => {
  it('are filled from the oldest article, 40 a page, numbered from 1, and name no totals', () => {
    const pages = articlePages(articles(INDEX_PAGE_SIZE.articles * 2 + 1));
    expect(pages.map((page) => [page.number, page.items.length, page.first, page.hasNext])).toEqual([
      [1, 40, 1, true],
      [2, 40, 41, true],
      [3, 1, 81, false],
    ]);
    expect(pages[0]!.items[0]!.id).toBe('a-0');
    expect(Object.keys(pages[0]!)).not.toContain('count');
    expect(Object.keys(pages[0]!)).not.toContain('total');
  });

  it('leave every earlier page as it was when an article is added after the others', () => {
    const before = articlePages(articles(85));
    const after = articlePages(articles(86));
    expect(after.slice(0, -1)).toEqual(before.slice(0, -1));
    expect(after.at(-1)!.items.map((article) => article.id)).toEqual(['a-80', 'a-81', 'a-82', 'a-83', 'a-84', 'a-85']);
    // And what a page names of the next one, the day it starts, stays: the next page's range grows.
    expect(articlePageStart(after[2]!)).toBe(articlePageStart(before[2]!));
    expect(articlePageLabel(after[2]!)).not.toBe(articlePageLabel(before[2]!));
  });

  it('are one empty page for no articles', () => {
    expect(articlePages([])).toEqual([{ number: 1, items: [], first: 1, hasNext: false }]);
    expect(articlePageLabel({ items: [] })).toBe('no articles yet');
  });

  it('are named by their dates in words', () => {
    const pages = articlePages(articles(85));
    expect(articlePageLabel(pages[0]!)).toBe('1 March – 9 April 2026');
    expect(articlePageLabel(pages[2]!)).toBe('20–24 May 2026');
    expect(articlePageStart(pages[1]!)).toBe('10 April 2026');
  });
});

describe('the latest articles', () => {
  it('are the newest ten, newest first', () => {
    expect(ARTICLES_LATEST).toBe(10);
    expect(latestArticles(articles(25)).map((article) => article.id)).toEqual(
      Array.from({ length: 10 }, (_, n) => `a-${24 - n}`),
    );
    expect(latestArticles(articles(2)).map((article) => article.id)).toEqual(['a-1', 'a-0']);
  });
});

describe('dayRangeLabel', () => {
  it('says a run of days as short as reads plainly', () => {
    expect(dayRangeLabel('2026-12-07', '2026-12-07')).toBe('7 December 2026');
    expect(dayRangeLabel('2026-12-03', '2026-12-07')).toBe('3–7 December 2026');
    expect(dayRangeLabel('2026-11-22', '2026-12-03')).toBe('22 November – 3 December 2026');
    expect(dayRangeLabel('2026-12-30', '2027-01-02')).toBe('30 December 2026 – 2 January 2027');
  });
});
