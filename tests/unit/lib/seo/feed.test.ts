import { describe, expect, it } from 'vitest';
import { buildFeedItems, publishedInstant } from '../../../../src/lib/seo/feed.ts';

const article = (title: string, date: string, time?: string) => ({
  title,
  outletName: 'Outlet',
  link: `/articles/${title}/`,
  published:
    time === undefined
      ? { date, precision: 'day' as const, asPrinted: date }
      : { date, time, timeZone: 'PT', utcOffset: '-08:00', precision: 'minute' as const, asPrinted: date },
});

describe('publishedInstant', () => {
  it('reads a minute-precision date with its offset, and a day at 00:00 UTC', () => {
    expect(publishedInstant(article('a', '2026-02-03', '15:17').published).toISOString()).toBe(
      '2026-02-03T23:17:00.000Z',
    );
    expect(publishedInstant(article('a', '2026-02-04').published).toISOString()).toBe('2026-02-04T00:00:00.000Z');
  });
});

describe('buildFeedItems', () => {
  it('puts updates and articles newest first, then the undated parts of the analysis', () => {
    const items = buildFeedItems({
      articles: [article('older', '2026-02-03', '15:17'), article('newer', '2026-02-04')],
      sections: [{ title: 'The meeting', description: 'd', link: '/meeting/' }],
      updates: [{ title: 'Correction', description: 'what changed', date: '2026-02-10', link: '/meeting/#facts' }],
    });
    expect(items.map((item) => [item.category, item.title])).toEqual([
      ['Update', 'Correction'],
      ['Article', 'newer (Outlet)'],
      ['Article', 'older (Outlet)'],
      ['Analysis', 'The meeting'],
    ]);
    expect(items[3]?.pubDate).toBeUndefined();
  });

  it('describes an article by its standfirst, or else says what the stored copy is', () => {
    const [withDek, without] = buildFeedItems({
      articles: [{ ...article('a', '2026-02-04'), standfirst: 'The dek.' }, article('b', '2026-02-03')],
      sections: [],
    });
    expect(withDek?.description).toBe('The dek.');
    expect(without?.description).toContain('stored word for word');
  });
});
