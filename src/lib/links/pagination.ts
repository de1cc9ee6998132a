/** One page of a paginated index: which items it shows and where it sits among the pages. */
export interface IndexPage<T> {
  /** 1-based page number. */
  number: number;
  /** How many pages the index has. */
  count: number;
  /** The items on this page, in index order. */
  items: T[];
  /** 1-based position in the whole index of the first item on this page. */
  first: number;
  /** How many items the whole index has. */
  total: number;
}

/**
 * Splits an index into pages of at most `size` items, in order, so that a large archive stays within
 * the page budget. Always at least one page (an empty index is one empty page).
 */
export function paginate<T>(items: readonly T[], size: number): IndexPage<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`page size must be a positive integer, got ${size}`);
  const count = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: count }, (_, index) => ({
    number: index + 1,
    count,
    items: items.slice(index * size, (index + 1) * size),
    first: index * size + 1,
    total: items.length,
  }));
}

/**
 * Splits an index into pages whose items weigh at most `capacity` together (`weightOf`: how much of a
 * page one item takes; an item heavier than a page gets a page of its own), in order. For an index whose
 * entries differ in size, such as /sources/, where a point that differs is shown in full and the others
 * as one line. Always at least one page.
 */
export function paginateByWeight<T>(
  items: readonly T[],
  capacity: number,
  weightOf: (item: T) => number,
): IndexPage<T>[] {
  if (!(capacity > 0)) throw new Error(`page capacity must be positive, got ${capacity}`);
  const runs: T[][] = [[]];
  let load = 0;
  for (const item of items) {
    const weight = weightOf(item);
    const current = runs.at(-1) as T[];
    if (current.length > 0 && load + weight > capacity) {
      runs.push([item]);
      load = weight;
    } else {
      current.push(item);
      load += weight;
    }
  }
  let first = 1;
  return runs.map((run, index) => {
    const page = { number: index + 1, count: runs.length, items: run, first, total: items.length };
    first += run.length;
    return page;
  });
}

/**
 * A page of a home (/sources/, whose entries keep their page as it grows) as the page itself shows it: its
 * entries and neighbours, nothing of how many pages or entries follow, so that a new entry, which joins the
 * last page, changes no earlier page (issue 19, "Homes are stable"). The first page of the home, rendered
 * on every build, is the index of its pages and shows the totals.
 */
export interface HomePage<T> {
  /** 1-based page number. */
  number: number;
  /** The entries on this page, in the home's order. */
  items: T[];
  /** 1-based position in the home of the first entry on this page. */
  first: number;
  /** Whether a page follows this one. */
  hasNext: boolean;
}

/** A page of a paginated index as its home page shows it (see HomePage). */
export const homePage = <T>(page: IndexPage<T>): HomePage<T> => ({
  number: page.number,
  items: page.items,
  first: page.first,
  hasNext: page.number < page.count,
});

/**
 * The page numbers a pagination bar shows: the first, the last, and those within `around` of the
 * current page; `undefined` stands for a gap of one or more pages.
 */
export function pageLinks(current: number, count: number, around = 2): (number | undefined)[] {
  const shown: (number | undefined)[] = [];
  for (let number = 1; number <= count; number += 1) {
    if (number === 1 || number === count || Math.abs(number - current) <= around) shown.push(number);
    else if (shown.at(-1) !== undefined) shown.push(undefined);
  }
  return shown;
}

/**
 * Items per page of each paginated index: sized so the heaviest page stays under 14 KB compressed. The
 * quotations pages, in time order since issue 19, name a different speaker on almost every entry (a link
 * each, and a ¶ with the speaker-page address): 40 weighed 15.4 KB gzip at 100 articles, 30 fit.
 */
export const INDEX_PAGE_SIZE = {
  articles: 40,
  quotations: 30,
  people: 120,
  issues: 40,
} as const;

/**
 * What one page of /sources/ holds, in shares of a page: a point that differs is shown in full with each
 * outlet's account (1), a point reported alike as its topic, summary and a cited paragraph per account (a
 * quarter, as measured: about 110 B of 450 B compressed). The first edition's 22 listed points (15 that
 * differ) weigh 16¾: /sources/ holds 16, /sources/page/2/ the last 3 points reported alike (since points
 * have no pages of their own and each entry is the point in full, issue 19; the guard keeps their old
 * fragments on /sources/ landing).
 */
export const SOURCES_PAGE = { capacity: 15, full: 1, brief: 1 / 4 } as const;

/**
 * Quotations on a speaker's page, and on each further page of them (`/people/<id>/page/<n>/`), oldest first:
 * as many as a page of the quotations index, whose entries weigh the same.
 */
export const SPEAKER_PAGE_QUOTATIONS = 30;

/**
 * Up to how many articles the home page and /sources/ list every one (the home page the latest this many
 * past that, /sources/ none): a large archive's articles are listed on the articles index.
 */
export const ARTICLES_LISTED_IN_FULL_UP_TO = 12;

/** A paginated index. */
export type PaginatedIndex = keyof typeof INDEX_PAGE_SIZE;

/**
 * What follows an index's title and heading on page 2 and later (", page 2 of 3"; a home's page, which does
 * not know how many follow, ", page 2"); nothing on page 1.
 */
export const pageOfIndex = (page: IndexPage<unknown> | HomePage<unknown>): string =>
  page.number === 1 ? '' : 'count' in page ? `, page ${page.number} of ${page.count}` : `, page ${page.number}`;

/** The title and description of page `number` of an index: the index's own on page 1, numbered after it. */
export function indexPageHead(
  page: IndexPage<unknown> | HomePage<unknown>,
  title: string,
  description: string,
): { title: string; description: string } {
  if (page.number === 1) return { title, description };
  return {
    title: `${title}${pageOfIndex(page)}`,
    description: `${description} Page ${page.number}${'count' in page ? ` of ${page.count}` : ''}.`,
  };
}

/** The static paths of an index's further pages (2…n), for `getStaticPaths` of `<index>/page/[n].astro`. */
export function furtherPagePaths<T>(
  items: readonly T[],
  size: number,
): { params: { n: string }; props: { page: IndexPage<T> } }[] {
  return paginate(items, size)
    .slice(1)
    .map((page) => ({ params: { n: String(page.number) }, props: { page } }));
}

/** Runs of consecutive items with the same group key, in order, for headings within one page. */
export function groupRuns<T, K>(items: readonly T[], keyOf: (item: T) => K): { key: K; items: T[] }[] {
  const runs: { key: K; items: T[] }[] = [];
  for (const item of items) {
    const key = keyOf(item);
    const last = runs.at(-1);
    if (last && last.key === key) last.items.push(item);
    else runs.push({ key, items: [item] });
  }
  return runs;
}
