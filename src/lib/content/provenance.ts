import type { CaptureRecord } from '../../schemas/capture.ts';
import type { ArticleBlock } from './article-blocks.ts';

/** What the capture walk expects next from the article body. */
interface Expected {
  text: string;
  block: ArticleBlock;
  embed: boolean;
}

/** The capture's label for an embedded post on `platform`. */
export const embedLine = (platform: string): string => `View post on ${platform}`;

/**
 * Walks a raw capture line by line against the stored article: each non-empty line must be the next
 * body block (word for word), or the next line of the furniture record. Returns every mismatch; an
 * empty list proves the body holds all the article text of the capture, in order, and nothing else.
 */
export function compareWithCapture(
  capture: string,
  blocks: readonly ArticleBlock[],
  record: CaptureRecord,
  frontMatter: unknown,
): string[] {
  const expected: Expected[] = blocks.flatMap((block): Expected[] => {
    if (block.kind === 'embed') return [{ text: embedLine(block.platform ?? ''), block, embed: true }];
    const lines = block.text.split('\n').map((text) => ({ text, block, embed: false }));
    return block.attribution === undefined ? lines : [...lines, { text: block.attribution, block, embed: false }];
  });
  const problems: string[] = [];
  let next = 0;
  let furniture = 0;
  // Line ends as the importer reads them (src/lib/import/capture-text.ts): LF, CRLF or a CR alone.
  const lines = capture.split(/\r\n|\r|\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '') continue;
    const block = expected[next];
    const listed = record.lines[furniture];
    if (block && !block.embed && block.text === line) {
      next += 1;
    } else if (block?.embed && listed?.as === 'embed' && listed.text === line && block.text === line) {
      next += 1;
      furniture += 1;
    } else if (listed && listed.as !== 'embed' && listed.text === line) {
      if (listed.as === 'front-matter' && !carries(frontMatter, listed.field, line)) {
        problems.push(`capture line ${index + 1} ${JSON.stringify(line)} is said to be in front matter field "${listed.field}", which does not carry it`);
      }
      furniture += 1;
    } else {
      const wanted = block ? `body block "${block.block.id}" (${JSON.stringify(block.text.slice(0, 60))})` : 'nothing more in the body';
      problems.push(
        `capture line ${index + 1} ${JSON.stringify(line.slice(0, 80))} is neither the next body text (expected ${wanted}) nor the next furniture line (${JSON.stringify(listed?.text.slice(0, 60) ?? 'none left')})`,
      );
      return problems;
    }
  }
  for (const missing of expected.slice(next)) {
    problems.push(`body block "${missing.block.id}" (${JSON.stringify(missing.text.slice(0, 60))}) is not in the capture at this place`);
  }
  for (const unused of record.lines.slice(furniture)) problems.push(`furniture line ${JSON.stringify(unused.text)} was not found in the capture`);
  return problems;
}

function carries(frontMatter: unknown, field: string, line: string): boolean {
  let value: unknown = frontMatter;
  for (const key of field.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  if (value === undefined) return false;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const bare = line.replace(/^\((.*)\)$/, '$1');
  return text.includes(bare) || line.includes(text);
}
