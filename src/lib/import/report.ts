import type { ImportResult } from './import-article.ts';
import { FURNITURE_FILE } from './furniture-file.ts';

/** How much of a block's text the report shows. */
const PREVIEW = 70;

const preview = (text: string): string => (text.length > PREVIEW ? `${text.slice(0, PREVIEW - 1)}…` : text);

/** Where the import wrote. */
export interface ReportPaths {
  /** The article file written. */
  articleFile: string;
  /** The capture's copy under content/captures/. */
  captureFile: string;
  /** Whether the capture was copied (false when it was already there). */
  copied: boolean;
  /** Whether an existing article was replaced (--force). */
  replaced: boolean;
}

/** What the import command prints: what it kept, what it dropped as furniture, what is left to fill in. */
export function formatReport(result: ImportResult, paths: ReportPaths): string {
  const count = (kind: string): number => result.blocks.filter((block) => block.kind === kind).length;
  const counts = [
    [count('paragraph'), 'paragraph', 'paragraphs'],
    [count('heading'), 'heading', 'headings'],
    [count('pullquote'), 'pull quote', 'pull quotes'],
    [count('embed'), 'embedded post', 'embedded posts'],
  ] as const;
  // A loop, not Math.max(...ids): spreading a capture's worth of blocks overflows the call stack.
  const width = result.blocks.reduce((longest, block) => Math.max(longest, block.id.length), 0) + 1;
  const kept = result.blocks.map((block) => {
    const id = `#${block.id}`.padEnd(width + 1);
    if (block.kind === 'heading') return `  ${id}  ## ${preview(block.text)}`;
    if (block.kind === 'embed') return `  ${id}  [post on ${block.platform}]`;
    if (block.kind === 'pullquote') return `  ${id}  > ${preview(block.text)} (${block.attribution})`;
    return `  ${id}  ${preview(block.text)}`;
  });
  const lines = [
    `${paths.replaced ? 'Replaced' : 'Wrote'} ${paths.articleFile}${paths.copied ? `, copied the capture to ${paths.captureFile}` : ''} and recorded its lines in ${FURNITURE_FILE}.`,
    '',
    `Kept word for word: ${counts
      .filter(([n]) => n > 0)
      .map(([n, one, many]) => `${n} ${n === 1 ? one : many}`)
      .join(', ')}${paths.replaced ? ` (${result.keptIds} kept the id they had)` : ''}:`,
    ...kept,
    '',
    `Front matter from the capture: ${result.filled.join(', ')}.`,
    '',
    `Dropped as page furniture (${result.dropped.length} lines, by the rules in ${FURNITURE_FILE}):`,
    ...result.dropped.map(
      ({ line, kind }) => `  line ${String(line.number).padStart(3)}  ${kind}: ${preview(line.text)}`,
    ),
    '',
  ];
  if (result.missing.length > 0) {
    lines.push(`Still to fill in, in ${paths.articleFile} (npm run check:content names each one until it is there):`);
    lines.push(...result.missing.map((missing) => `  - ${missing.field}: ${missing.hint}`), '');
  }
  if (result.notes.length > 0) lines.push('Check:', ...result.notes.map((note) => `  - ${note}`), '');
  lines.push(
    'Then: npm run check:content, cite the new paragraphs from the analysis (README "Add an article"), npm run addresses:update.',
  );
  return lines.join('\n');
}
