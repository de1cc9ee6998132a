/** A piece of a sentence: our own words, or words it quotes (with the quotation's id). */
export type TextPiece = { text: string; quotation?: undefined } | { text: string; quotation: string };

/**
 * Splits a sentence of ours at the words it quotes in full, so that the quotation is shown once, marked
 * where it stands (`<q>`), rather than again in a block right under the sentence. A quotation counts as
 * quoted when its exact words occur in the sentence; the first occurrence is marked, and quotations that
 * overlap one already marked are left to their block. Returns the pieces in order and the ids marked.
 */
export function splitQuoted(
  sentence: string,
  quotations: ReadonlyArray<{ id: string; text: string }>,
): { pieces: TextPiece[]; marked: Set<string> } {
  const spans = quotations
    .map((quotation) => ({ id: quotation.id, start: sentence.indexOf(quotation.text), length: quotation.text.length }))
    .filter((span) => span.start !== -1 && span.length > 0)
    .sort((a, b) => a.start - b.start || b.length - a.length);
  const pieces: TextPiece[] = [];
  const marked = new Set<string>();
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    if (span.start > at) pieces.push({ text: sentence.slice(at, span.start) });
    pieces.push({ text: sentence.slice(span.start, span.start + span.length), quotation: span.id });
    marked.add(span.id);
    at = span.start + span.length;
  }
  if (at < sentence.length) pieces.push({ text: sentence.slice(at) });
  return { pieces, marked };
}

/** A piece of quoted words: as printed, and whether it is a slip kept as published (shown with [sic]). */
export interface QuotedPiece {
  text: string;
  slip: boolean;
}

/**
 * Splits words quoted from a paragraph at the paragraph's slips (its `:sic[...]` words), so that every place
 * that shows the quotation can mark each slip [sic], as the article page does. A slip is matched as a whole
 * word, every time it occurs.
 */
export function markSlips(words: string, slips: readonly string[]): QuotedPiece[] {
  const escaped = slips.filter((slip) => slip !== '').map((slip) => slip.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (escaped.length === 0) return [{ text: words, slip: false }];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  const pieces: QuotedPiece[] = [];
  let at = 0;
  for (const match of words.matchAll(pattern)) {
    if (match.index > at) pieces.push({ text: words.slice(at, match.index), slip: false });
    pieces.push({ text: match[0], slip: true });
    at = match.index + match[0].length;
  }
  if (at < words.length || pieces.length === 0) pieces.push({ text: words.slice(at), slip: false });
  return pieces;
}

/**
 * Printed words shown inside our own quotation marks (a `<q>`): the double quotation marks they print read as the
 * second level, single, as a quotation within a quotation is written ("Trump said they were ‘working on’ …"), so
 * that every quotation on the site opens with double marks. Only the marks change, never the words; a block
 * quotation, which has no marks of ours around it, shows them as printed.
 */
export const nestQuotes = (words: string): string => words.replace(/“/g, '‘').replace(/”/g, '’');
