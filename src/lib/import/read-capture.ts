import type { CaptureRecord, FurnitureFile, ImportTarget, LineRule } from '../../schemas/capture.ts';
import type { CaptureLine } from './capture-text.ts';

/** A block of article text found in a capture, in capture order. */
export type CaptureBlock =
  | { kind: 'paragraph' | 'heading'; text: string; line: number }
  | { kind: 'pullquote'; text: string; attribution: string; line: number }
  | { kind: 'embed'; platform: string; line: number };

/** A capture line that goes to the front matter, with the values its rule's pattern captured. */
export interface FieldLine {
  /** Which front-matter field it fills. */
  target: ImportTarget;
  /** The line. */
  line: CaptureLine;
  /** Named groups of the rule's pattern (empty for text rules and for lines placed by next/previous). */
  groups: Record<string, string>;
}

/** A capture line left out as page furniture. */
export interface DroppedLine {
  /** The line. */
  line: CaptureLine;
  /** What it was, from its rule. */
  kind: string;
}

/** What a capture holds, read by the rules of furniture.yaml. */
export interface ReadCapture {
  /** The front-matter lines (title, standfirst, date line...), in capture order. */
  fields: FieldLine[];
  /** The article text, in order. */
  blocks: CaptureBlock[];
  /** The lines dropped as page furniture. */
  dropped: DroppedLine[];
  /** Every capture line that is not body text, and what became of it (the capture's furniture record). */
  record: RecordLine[];
}

/** One line of a furniture record. */
export type RecordLine = CaptureRecord['lines'][number];

/** The front-matter field (dotted path) each target's lines are recorded under. */
export const TARGET_FIELDS: Record<ImportTarget, string> = {
  title: 'title',
  standfirst: 'standfirst',
  author: 'byline.authors',
  'author-role': 'byline.authors',
  date: 'published.asPrinted',
  time: 'published.asPrinted',
  'image-description': 'leadImage.description',
  'image-caption': 'leadImage.caption',
  'image-credit': 'leadImage.credit',
};

type Region = 'header' | 'body';
type Claim =
  | { as: 'furniture'; kind: string; rule?: LineRule }
  | { as: 'embed'; platform: string }
  | { as: 'front-matter'; target: ImportTarget; groups: Record<string, string>; rule?: LineRule }
  | { as: 'attribution' };

/** Longest line, in words and characters, that may be a heading. */
const HEADING_MAX_WORDS = 12;
const HEADING_MAX_CHARS = 100;
/** A line ending like a sentence (or a quotation, or a parenthesis) is not a heading. */
const SENTENCE_END = /[.!?:;,"”’')…]$/u;

/** True when `text` reads as a section heading: short, capitalised, no final punctuation. */
export function isHeadingLike(text: string): boolean {
  return (
    text.split(/\s+/).length <= HEADING_MAX_WORDS &&
    text.length <= HEADING_MAX_CHARS &&
    !SENTENCE_END.test(text) &&
    /^[\p{Lu}\d]/u.test(text)
  );
}

/**
 * Reads a capture's lines by the rules: spans of furniture first, then the first line rule matching
 * each line; the first unclaimed line is the title; the header runs from it through the last
 * front-matter line (allowing one unclaimed line, the standfirst, between two of them); everything
 * after is the body, where unclaimed lines are paragraphs or headings and an attribution turns the
 * paragraph above it into a pull quote. Pure: the same lines and rules always give the same result.
 */
export function readCapture(lines: readonly CaptureLine[], rules: FurnitureFile['rules']): ReadCapture {
  const compiled = compileRules(rules);
  const spanned = markSpans(lines, compiled.spans);
  const titleIndex = lines.findIndex(
    (line, index) => spanned[index] === undefined && compiled.match(line.text, 'header', undefined) === undefined,
  );
  const title = titleIndex === -1 ? undefined : lines[titleIndex]?.text;

  const header: (Claim | undefined)[] = lines.map((line, index) =>
    index === titleIndex
      ? { as: 'front-matter', target: 'title', groups: {} }
      : (spanned[index] ?? compiled.match(line.text, 'header', title)),
  );
  placeNeighbours(header, titleIndex);
  const headerEnd = findHeaderEnd(header, titleIndex);

  const fields: FieldLine[] = [];
  const dropped: DroppedLine[] = [];
  const record: RecordLine[] = [];
  const body: { line: CaptureLine; claim: Claim | undefined }[] = [];
  let standfirst = false;
  for (const [index, line] of lines.entries()) {
    let claim = index <= headerEnd ? header[index] : (spanned[index] ?? compiled.match(line.text, 'body', title));
    if (index <= headerEnd && index > titleIndex && claim === undefined && !standfirst) {
      claim = { as: 'front-matter', target: 'standfirst', groups: {} };
      standfirst = true;
    }
    if (claim?.as === 'furniture') {
      dropped.push({ line, kind: claim.kind });
      record.push({ text: line.text, as: 'furniture', kind: claim.kind });
    } else if (claim?.as === 'front-matter' && (index <= headerEnd || index === titleIndex)) {
      fields.push({ target: claim.target, line, groups: claim.groups });
      record.push({ text: line.text, as: 'front-matter', field: TARGET_FIELDS[claim.target] });
    } else {
      if (claim?.as === 'embed') record.push({ text: line.text, as: 'embed' });
      body.push({ line, claim: claim?.as === 'front-matter' ? undefined : claim });
    }
  }
  return { fields, blocks: buildBlocks(body), dropped, record };
}

/** Turns the body's lines into blocks: embeds, pull quotes (paragraph + attribution), headings, paragraphs. */
function buildBlocks(body: readonly { line: CaptureLine; claim: Claim | undefined }[]): CaptureBlock[] {
  const blocks: CaptureBlock[] = [];
  for (const [index, { line, claim }] of body.entries()) {
    if (claim?.as === 'embed') {
      blocks.push({ kind: 'embed', platform: claim.platform, line: line.number });
      continue;
    }
    const previous = blocks.at(-1);
    if (claim?.as === 'attribution' && previous?.kind === 'paragraph') {
      blocks[blocks.length - 1] = {
        kind: 'pullquote',
        text: previous.text,
        attribution: line.text,
        line: previous.line,
      };
      continue;
    }
    const next = body[index + 1];
    const heading = next !== undefined && next.claim === undefined && isHeadingLike(line.text);
    blocks.push({ kind: heading ? 'heading' : 'paragraph', text: line.text, line: line.number });
  }
  return blocks;
}

/** Sends the unclaimed lines after a label (`next`) and before a credit (`previous`) to their targets. */
function placeNeighbours(header: (Claim | undefined)[], titleIndex: number): void {
  for (const [index, claim] of header.entries()) {
    const rule = claim && 'rule' in claim ? claim.rule : undefined;
    const targets = rule?.as === 'furniture' ? rule.next : rule?.as === 'front-matter' ? rule.previous : undefined;
    if (!targets) continue;
    const step = rule?.as === 'furniture' ? 1 : -1;
    let at = index + step;
    for (const target of targets) {
      if (at <= titleIndex || at >= header.length || header[at] !== undefined) break;
      header[at] = { as: 'front-matter', target, groups: {} };
      at += step;
    }
  }
}

/** Index of the header's last line: the last front-matter line reached with at most one unclaimed line between. */
function findHeaderEnd(header: readonly (Claim | undefined)[], titleIndex: number): number {
  if (titleIndex === -1) return -1;
  let end = titleIndex;
  let unclaimed = 0;
  for (let index = titleIndex + 1; index < header.length && unclaimed < 2; index += 1) {
    const claim = header[index];
    if (claim?.as === 'furniture') continue;
    if (claim?.as === 'front-matter') {
      end = index;
      unclaimed = 0;
    } else unclaimed += 1;
  }
  return end;
}

/** Marks every line inside a span of furniture with its claim. */
function markSpans(
  lines: readonly CaptureLine[],
  spans: readonly { from: RegExp; through: RegExp | 'end'; kind: string }[],
): (Claim | undefined)[] {
  const claims: (Claim | undefined)[] = lines.map(() => undefined);
  const furniture = (kind: string): Claim => ({ as: 'furniture', kind });
  for (const span of spans) {
    // closing[i]: the first line at or after i that closes the span (-1: none), found in one pass from the
    // end, so that many opening lines with no close do not each scan to the end of the capture.
    const { through } = span;
    const closing = new Array<number>(lines.length + 1).fill(-1);
    if (through !== 'end') {
      for (let index = lines.length - 1; index >= 0; index -= 1)
        closing[index] = through.test(lines[index]?.text ?? '') ? index : (closing[index + 1] ?? -1);
    }
    for (let start = 0; start < lines.length; start += 1) {
      if (claims[start] !== undefined || !span.from.test(lines[start]?.text ?? '')) continue;
      const last = through === 'end' ? lines.length - 1 : (closing[start + 1] ?? -1);
      if (last === -1) continue; // a span that never closes is not furniture: its lines stay article text
      for (let index = start; index <= last; index += 1) claims[index] = furniture(span.kind);
      start = last;
    }
  }
  return claims;
}

interface CompiledRules {
  spans: { from: RegExp; through: RegExp | 'end'; kind: string }[];
  match: (text: string, region: Region, title: string | undefined) => Claim | undefined;
}

function compileRules(rules: FurnitureFile['rules']): CompiledRules {
  const whole = (source: string): RegExp => new RegExp(`^(?:${source.replace(/^\^/, '').replace(/\$$/, '')})$`, 'u');
  const lineRules = rules.lines.map((rule) => ({
    rule,
    pattern: rule.pattern === undefined ? undefined : whole(rule.pattern),
  }));
  return {
    spans: rules.spans.map((span) => ({
      from: whole(span.from),
      through: span.through === 'end' ? 'end' : whole(span.through),
      kind: span.kind,
    })),
    match(text, region, title) {
      for (const { rule, pattern } of lineRules) {
        if (rule.where !== 'anywhere' && rule.where !== region) continue;
        let groups: Record<string, string> | undefined;
        if (rule.text !== undefined) groups = rule.text === text ? {} : undefined;
        else if (rule.sameAs === 'title') groups = title !== undefined && text === title ? {} : undefined;
        else if (pattern) {
          const found = pattern.exec(text);
          groups = found
            ? Object.fromEntries(
                Object.entries(found.groups ?? {}).filter((entry): entry is [string, string] => entry[1] !== undefined),
              )
            : undefined;
        }
        if (groups === undefined) continue;
        if (rule.as === 'furniture') return { as: 'furniture', kind: rule.kind, rule };
        if (rule.as === 'embed') return { as: 'embed', platform: groups['platform'] ?? 'X' };
        if (rule.as === 'front-matter') return { as: 'front-matter', target: rule.target, groups, rule };
        return { as: 'attribution' };
      }
      return undefined;
    },
  };
}
