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

/** Items per page of each paginated index: sized so the heaviest page stays under 14 KB compressed. */
export const INDEX_PAGE_SIZE = {
  articles: 40,
  quotations: 40,
  people: 120,
  issues: 40,
} as const;

/** A paginated index. */
export type PaginatedIndex = keyof typeof INDEX_PAGE_SIZE;

/** The title and description of page `number` of an index: the index's own on page 1, numbered after it. */
export function indexPageHead(
  page: IndexPage<unknown>,
  title: string,
  description: string,
): { title: string; description: string } {
  if (page.number === 1) return { title, description };
  return {
    title: `${title}, page ${page.number} of ${page.count}`,
    description: `${description} Page ${page.number} of ${page.count}.`,
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
