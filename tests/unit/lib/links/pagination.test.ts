import { describe, expect, it } from 'vitest';
import {
  furtherPagePaths,
  groupRuns,
  homePage,
  indexPageHead,
  pageLinks,
  paginate,
  paginateByWeight,
  SOURCES_PAGE,
} from '../../../../src/lib/links/pagination.ts';
import { indexPageUrl, issueEntryUrl, personEntryUrl, quotationsUrl } from '../../../../src/lib/links/urls.ts';

describe('paginate', () => {
  it('splits an index into pages of at most the given size, in order, numbered from 1', () => {
    const pages = paginate([1, 2, 3, 4, 5], 2);
    expect(pages.map((page) => page.items)).toEqual([[1, 2], [3, 4], [5]]);
    expect(pages.map((page) => [page.number, page.count, page.first, page.total])).toEqual([
      [1, 3, 1, 5],
      [2, 3, 3, 5],
      [3, 3, 5, 5],
    ]);
  });

  it('gives one page when everything fits, and one empty page for an empty index', () => {
    expect(paginate([1, 2], 40)).toHaveLength(1);
    expect(paginate([], 40)).toEqual([{ number: 1, count: 1, items: [], first: 1, total: 0 }]);
  });

  it('refuses a page size that is not a positive integer', () => {
    expect(() => paginate([1], 0)).toThrow('page size must be a positive integer, got 0');
  });

  it('gives the static paths of the pages after the first', () => {
    expect(furtherPagePaths([1, 2, 3], 1).map((path) => [path.params.n, path.props.page.items])).toEqual([
      ['2', [2]],
      ['3', [3]],
    ]);
    expect(furtherPagePaths([1], 1)).toEqual([]);
  });
});

describe('pageLinks', () => {
  it('shows the first, the last and the pages near the current one, with gaps between', () => {
    expect(pageLinks(1, 3)).toEqual([1, 2, 3]);
    expect(pageLinks(6, 20)).toEqual([1, undefined, 4, 5, 6, 7, 8, undefined, 20]);
    expect(pageLinks(20, 20)).toEqual([1, undefined, 18, 19, 20]);
  });
});

describe('index page addresses and heads', () => {
  it('puts page 1 at the index and the rest under page/<n>/', () => {
    expect(indexPageUrl('/quotations/', 1)).toBe('/quotations/');
    expect(indexPageUrl('/quotations/', 2)).toBe('/quotations/page/2/');
  });

  it("keeps the index's own title on page 1 and numbers the others, so every title is unique", () => {
    const [first, second] = paginate([1, 2, 3], 2);
    if (!first || !second) throw new Error('expected two pages');
    expect(indexPageHead(first, 'Quotations', 'Every quotation.')).toEqual({
      title: 'Quotations',
      description: 'Every quotation.',
    });
    expect(indexPageHead(second, 'Quotations', 'Every quotation.')).toEqual({
      title: 'Quotations, page 2 of 2',
      description: 'Every quotation. Page 2 of 2.',
    });
  });

  it("gives a home's further page nothing that a page added after it would change", () => {
    const before = paginate([1, 2, 3], 2).map(homePage);
    const after = paginate([1, 2, 3, 4, 5], 2).map(homePage);
    // The page that gained an entry and a next page changes; the one before it, not.
    expect(after[0]).toEqual(before[0]);
    expect(after[1]).toEqual({ number: 2, items: [3, 4], first: 3, hasNext: true });
    expect(before[1]).toEqual({ number: 2, items: [3], first: 3, hasNext: false });
    expect(indexPageHead(after[1]!, 'Quotations', 'Every quotation.')).toEqual({
      title: 'Quotations, page 2',
      description: 'Every quotation. Page 2.',
    });
  });
});

describe('groupRuns', () => {
  it('groups consecutive items with the same key, keeping order', () => {
    expect(groupRuns(['a1', 'a2', 'b1', 'a3'], (item) => item[0])).toEqual([
      { key: 'a', items: ['a1', 'a2'] },
      { key: 'b', items: ['b1'] },
      { key: 'a', items: ['a3'] },
    ]);
  });
});

describe("an item's place in a paginated index", () => {
  it('is on the page of the index that lists it', () => {
    expect(indexPageUrl(quotationsUrl(), 3)).toBe('/quotations/page/3/');
    expect(personEntryUrl('gustavo-petro', 2)).toBe('/people/page/2/#gustavo-petro');
    expect(issueEntryUrl('visas', 1)).toBe('/issues/#visas');
  });
});

describe('paginateByWeight', () => {
  it('fills each page up to its capacity, in order, numbering the items across pages', () => {
    const pages = paginateByWeight(['A', 'b', 'c', 'A', 'A', 'b'], 2, (item) => (item === 'A' ? 1 : 0.5));
    expect(pages.map((page) => page.items)).toEqual([['A', 'b', 'c'], ['A', 'A'], ['b']]);
    expect(pages.map((page) => [page.number, page.count, page.first, page.total])).toEqual([
      [1, 3, 1, 6],
      [2, 3, 4, 6],
      [3, 3, 6, 6],
    ]);
  });

  it('gives an item heavier than a page a page of its own, and an empty index one empty page', () => {
    expect(paginateByWeight([1, 5, 1], 2, (n) => n).map((page) => page.items)).toEqual([[1], [5], [1]]);
    expect(paginateByWeight([], 2, () => 1)).toEqual([{ number: 1, count: 1, items: [], first: 1, total: 0 }]);
    expect(() => paginateByWeight([1], 0, () => 1)).toThrow(/positive/);
  });

  it('puts the first edition’s 15 points that differ on /sources/ and the 7 reported alike on its page 2', () => {
    const entries = [...Array(15).fill('full'), ...Array(7).fill('brief')] as string[];
    const pages = paginateByWeight(entries, SOURCES_PAGE.capacity, (kind) =>
      kind === 'full' ? SOURCES_PAGE.full : SOURCES_PAGE.brief,
    );
    expect(pages.map((page) => page.items.length)).toEqual([15, 7]);
  });
});
