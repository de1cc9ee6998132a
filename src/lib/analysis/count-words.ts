const words = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** A count for running text: a word from one to nine ("two"), digits otherwise ("12"), as house style writes them. */
export function countWord(count: number): string {
  return words[count - 1] ?? String(count);
}

/** The same, capitalised to start a sentence: "Two". */
export function countWordCapitalised(count: number): string {
  const word = countWord(count);
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A counted noun for running text: "no quotations", "one article", "two news articles", "12 articles". */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  if (count === 0) return `no ${plural}`;
  return `${countWord(count)} ${count === 1 ? singular : plural}`;
}

/**
 * Counted nouns read side by side, as a card's tally ("three events · no quotations"): each as countOf writes it,
 * except that when one of them, or of the counts `shownWith` them (the other cards of a list), takes digits (10 or
 * more) they all do ("13 events · 6 quotations", "9 events · 8 quotations"), so that counts set together are
 * written alike. Pairs of [count, singular, plural?].
 */
export function countsOf(
  counts: ReadonlyArray<readonly [number, string, string?]>,
  shownWith: readonly number[] = [],
): string[] {
  const digits = [...counts.map(([count]) => count), ...shownWith].some((count) => count >= 10);
  return counts.map(([count, singular, plural = `${singular}s`]) =>
    digits && count > 0 ? `${count} ${count === 1 ? singular : plural}` : countOf(count, singular, plural),
  );
}
