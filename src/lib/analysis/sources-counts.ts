import type { IndexPage } from '../links/pagination.ts';
import type { SourcesEntry } from './site-index.ts';

/**
 * The counts of /sources/, in one place for every page that states them (the home page's card, /sources/'s
 * headings): how many points each group has over all of /sources/'s pages, and, of the points where the accounts
 * differ, how many differ only in precision (one says more exactly what the other says too) or emphasis (one tells
 * it from another side), which do not conflict.
 */
export interface SourcesCounts {
  /** Points per group ("differ", "all", "some"), over every page; a group without points is absent. */
  groups: Map<SourcesEntry['group'], number>;
  /** Of the "differ" points, those that differ only in precision or emphasis. */
  mild: number;
}

/** Counts the points of /sources/'s pages by group (see SourcesCounts). */
export function sourcesCounts(pages: readonly IndexPage<SourcesEntry>[]): SourcesCounts {
  const groups = new Map<SourcesEntry['group'], number>();
  let mild = 0;
  for (const page of pages)
    for (const entry of page.items) {
      groups.set(entry.group, (groups.get(entry.group) ?? 0) + 1);
      const difference = entry.comparison.difference;
      if (entry.group === 'differ' && (difference === 'precision' || difference === 'emphasis')) mild += 1;
    }
  return { groups, mild };
}

/** The heading of /sources/'s group of points the accounts report differently, and the home card's words for it. */
export const DIFFER_HEADING = 'Where the accounts differ';
