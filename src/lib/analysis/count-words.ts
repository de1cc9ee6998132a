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
