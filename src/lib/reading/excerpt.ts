/**
 * The start of `text` for a short name (an accessible name, a label): at most `max` characters, cut
 * at the end of a word, never inside one, with "…" when anything was left out.
 */
export function excerpt(text: string, max: number): string {
  const clean = text.trim().replace(/\s+/g, ' ');
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max + 1);
  // The last space within the limit ends the last whole word; a first word longer than the limit is kept whole.
  const end = cut.lastIndexOf(' ');
  const head = end > 0 ? cut.slice(0, end) : (clean.split(' ')[0] ?? clean);
  return `${head.replace(/[\s,;:.–—-]+$/u, '')}…`;
}
