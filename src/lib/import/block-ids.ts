import { isReservedBlockId, type ArticleBlock } from '../content/article-blocks.ts';
import type { CaptureBlock } from './read-capture.ts';

/** Words that carry no meaning at the start of an id ("the-white-house" → "white-house"). */
const LEADING_STOP_WORDS = new Set(['a', 'an', 'the', 'but', 'and', 'yet', 'so', 'for', 'or']);
/** How many words of a paragraph make its id. */
const PARAGRAPH_ID_WORDS = 5;
/** The longest id made from a heading. */
const MAX_ID_LENGTH = 60;

/** The words of `text` as id parts: accents, apostrophes and the dots of initials (U.S.) dropped, "&" read as "and", lowercase a-z0-9. */
export function idWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/\b(\p{Lu})\.(?=\p{Lu}\b)/gu, '$1')
    .replace(/&/g, ' and ')
    .replace(/['’‘]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

/** The id a new block would get from its text, before making it unique. */
export function proposeId(block: CaptureBlock, embedNumber: number): string {
  if (block.kind === 'embed') return `post-${embedNumber}`;
  const words = idWords(block.text);
  if (block.kind !== 'heading') {
    while (words.length > 1 && LEADING_STOP_WORDS.has(words[0] ?? '')) words.shift();
    words.splice(PARAGRAPH_ID_WORDS);
  }
  let id = '';
  for (const word of words) {
    const longer = id === '' ? word : `${id}-${word}`;
    if (longer.length > MAX_ID_LENGTH && id !== '') break;
    id = longer.slice(0, MAX_ID_LENGTH);
  }
  return id === '' ? 'block' : id;
}

/** What identifies a block of the same text across imports. */
const sameBlock = (kind: string, text: string): string => `${kind}\n${text}`;

/**
 * Gives every block its id, once: derived from its first words (headings: all their words), made unique
 * with -2, -3..., never an id the page reserves (those get a p- prefix). With `previous` (the blocks of the article being
 * replaced by --force), a block of the same kind and text keeps its published id, and the n-th embed
 * keeps the n-th embed's id. The ids are written into the file and never derived again.
 */
export function assignIds(blocks: readonly CaptureBlock[], previous: readonly ArticleBlock[] = []): string[] {
  // The ids of the previous blocks of each text, in order, and how many of them are claimed already.
  const kept = new Map<string, { ids: string[]; claimed: number }>();
  const previousEmbeds = previous.filter((block) => block.kind === 'embed').map((block) => block.id);
  for (const block of previous) {
    if (block.kind === 'embed') continue;
    const key = sameBlock(block.kind, block.text);
    const list = kept.get(key);
    if (list) list.ids.push(block.id);
    else kept.set(key, { ids: [block.id], claimed: 0 });
  }
  const taken = new Set<string>();
  const ids: string[] = [];
  let embeds = 0;
  const claimKept = (block: CaptureBlock): string | undefined => {
    if (block.kind === 'embed') return previousEmbeds[embeds - 1];
    const list = kept.get(sameBlock(block.kind, block.text));
    if (list === undefined || list.claimed === list.ids.length) return undefined;
    list.claimed += 1;
    return list.ids[list.claimed - 1];
  };
  // The next suffix to try for each base id: blocks of the same text would otherwise try -2, -3... afresh
  // each time, which is quadratic (20,000 identical paragraphs took 38 s).
  const nextSuffix = new Map<string, number>();
  // Kept ids first, so a new block can never take an id an old one keeps.
  const keptIds = blocks.map((block) => {
    if (block.kind === 'embed') embeds += 1;
    const id = claimKept(block);
    if (id !== undefined) taken.add(id);
    return id;
  });
  embeds = 0;
  for (const [index, block] of blocks.entries()) {
    if (block.kind === 'embed') embeds += 1;
    const keptId = keptIds[index];
    if (keptId !== undefined) {
      ids.push(keptId);
      continue;
    }
    const proposed = proposeId(block, embeds);
    // An id the page uses for itself ("main", "cited-by-..."), with or without a suffix, gets a prefix instead.
    const base = isReservedBlockId(proposed) || isReservedBlockId(`${proposed}-2`) ? `p-${proposed}` : proposed;
    let id = base;
    let suffix = nextSuffix.get(base) ?? 2;
    while (taken.has(id)) {
      id = `${base}-${suffix}`;
      suffix += 1;
    }
    nextSuffix.set(base, suffix);
    taken.add(id);
    ids.push(id);
  }
  return ids;
}
