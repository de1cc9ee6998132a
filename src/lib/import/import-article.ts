import { parseArticleBody, type ArticleBlock } from '../content/article-blocks.ts';
import type { CaptureRecord, FurnitureFile } from '../../schemas/capture.ts';
import type { Outlet } from '../../schemas/outlet.ts';
import { IdSchema, MAX_ID_LENGTH } from '../../schemas/shared.ts';
import { assignIds } from './block-ids.ts';
import { captureLines, decodeCapture } from './capture-text.ts';
import { ImportError } from './errors.ts';
import { buildFrontMatter, type MissingField } from './front-matter-fields.ts';
import { readCapture, type CaptureBlock, type DroppedLine } from './read-capture.ts';
import { renderArticle, renderBody, type RenderBlock } from './render-article.ts';

/** Fewest words a line must have to count as article prose. */
const PROSE_WORDS = 8;

/**
 * The largest capture the importer reads: 1 MB (1,048,576 bytes). An article's page saved as text is a few
 * dozen KB (the stored captures are 5 and 7 KB); anything far larger is not one, and is refused by its
 * size before it is read.
 */
export const MAX_CAPTURE_BYTES = 1_048_576;

/** What to import: the capture's bytes and the project's outlets and rules. */
export interface ImportRequest {
  /** The capture as the editor named it, for messages. */
  captureFile: string;
  /** Its file name under content/captures/. */
  captureName: string;
  /** The capture's bytes, as read. */
  bytes: Uint8Array;
  /** The new article's id (its file name and address). */
  slug: string;
  /** The outlet id given with --outlet. */
  outlet?: string | undefined;
  /** The outlets in content/outlets/. */
  outlets: readonly Outlet[];
  /** The rules of content/captures/furniture.yaml. */
  rules: FurnitureFile['rules'];
  /** The blocks of the article being replaced (--force), whose ids are kept. */
  previous?: readonly ArticleBlock[];
  /** The Markdown body of the article being replaced, to warn about hand-made markup the import does not keep. */
  previousBody?: string;
}

/** What an import makes: the article file, the capture's furniture record, and what to tell the editor. */
export interface ImportResult {
  /** The text of content/articles/<slug>.md. */
  article: string;
  /** The record to put in furniture.yaml. */
  record: CaptureRecord;
  /** The blocks kept, with their ids. */
  blocks: (CaptureBlock & { id: string })[];
  /** The lines dropped as furniture. */
  dropped: DroppedLine[];
  /** Front-matter fields filled from the capture (dotted paths). */
  filled: string[];
  /** Required fields the editor must still write. */
  missing: MissingField[];
  /** Things the editor should check. */
  notes: string[];
  /** Blocks kept with the id they had before (--force). */
  keptIds: number;
}

/** Refuses a slug that cannot be an article id. */
export function checkSlug(slug: string | undefined): string {
  if (slug === undefined || slug === '')
    throw new ImportError("missing --slug <slug>: the new article's id, e.g. --slug reuters-petro-visit");
  if (slug.length > MAX_ID_LENGTH) {
    throw new ImportError(
      `--slug is ${slug.length} characters long; an article id may have at most ${MAX_ID_LENGTH} (its files and addresses are named after it): choose a shorter slug`,
    );
  }
  const parsed = IdSchema.safeParse(slug);
  if (!parsed.success) {
    throw new ImportError(
      `--slug "${slug}" is not a valid article id: expected lowercase kebab-case (letters a-z, digits, single hyphens), e.g. reuters-petro-visit`,
    );
  }
  return slug;
}

/** Refuses an outlet id that content/outlets/ does not have. */
export function checkOutlet(outlet: string | undefined, outlets: readonly Outlet[]): string | undefined {
  if (outlet === undefined) return undefined;
  if (outlets.some((known) => known.id === outlet)) return outlet;
  throw new ImportError(
    `unknown outlet "${outlet}": content/outlets/ has ${outlets.map((known) => known.id).join(', ')}; add the outlet to content/outlets/outlets.yaml first, or leave --outlet out`,
  );
}

/**
 * Imports a capture: decodes it, reads it by the rules, gives each block its id and writes the article
 * file, then reads that file back as the site will and refuses to go on unless every block comes back
 * word for word. Pure: it returns the files' contents and writes nothing.
 */
export function importCapture(request: ImportRequest): ImportResult {
  const slug = checkSlug(request.slug);
  const outlet = checkOutlet(request.outlet, request.outlets);
  const text = decodeCapture(request.captureFile, request.bytes);
  if (/<(?:html|body|div|p|article)[\s>]/i.test(text) && /<\/[a-z]+>/i.test(text)) {
    throw new ImportError(
      `${request.captureFile} is HTML, not a plain-text capture; open the page and save it as text (.txt), or copy its text into a .txt file`,
    );
  }
  const read = readCapture(captureLines(text), request.rules);
  const prose = read.blocks.filter(
    (block): block is Extract<CaptureBlock, { kind: 'paragraph' | 'pullquote' }> =>
      block.kind === 'paragraph' || block.kind === 'pullquote',
  );
  if (!prose.some((block) => block.text.split(/\s+/).length >= PROSE_WORDS)) {
    throw new ImportError(
      `${request.captureFile} has no recognisable article body: after the title and the ${read.dropped.length} line(s) of page furniture, no line reads as a paragraph of text (${PROSE_WORDS} words or more). Check that this is the article's text, or add its lines to content/captures/furniture.yaml if they are article text the rules drop`,
    );
  }
  for (const block of read.blocks) {
    const value = block.kind === 'pullquote' ? block.attribution : block.kind === 'embed' ? block.platform : '';
    if (value.includes('"') && value.includes("'")) {
      throw new ImportError(
        `${request.captureFile} line ${block.line}: ${JSON.stringify(value)} holds both kinds of quotation mark, which the article format cannot write as an attribute; check the line against the page`,
      );
    }
  }
  const ids = assignIds(read.blocks, request.previous);
  const blocks = read.blocks.map((block, index) => ({ ...block, id: ids[index] ?? '' }));
  const frontMatter = buildFrontMatter(read.fields, {
    outlet,
    outlets: request.outlets,
    captureFile: request.captureName,
    paragraphs: prose.map((block) => block.text),
  });
  const body = renderBody(blocks.map(toRenderBlock));
  verifyBody(body, blocks);
  const marked = request.previousBody?.match(/:sic\[[^\]]*\]/g) ?? [];
  if (marked.length > 0)
    frontMatter.notes.push(
      `the replaced article marked ${marked.join(', ')}; the import writes the capture's text without markup, so mark them again`,
    );
  const todo = frontMatter.missing.map((missing) => `${missing.field}: ${missing.hint}`);
  const previousIds = new Set(request.previous?.map((block) => block.id));
  return {
    article: renderArticle(frontMatter.data, todo, body),
    record: { capture: request.captureName, article: slug, lines: read.record },
    blocks,
    dropped: read.dropped,
    filled: filledFields(frontMatter.data),
    missing: frontMatter.missing,
    notes: frontMatter.notes,
    keptIds: blocks.filter((block) => previousIds.has(block.id)).length,
  };
}

function toRenderBlock(block: CaptureBlock & { id: string }): RenderBlock {
  if (block.kind === 'embed') return { kind: 'embed', platform: block.platform, id: block.id };
  if (block.kind === 'pullquote')
    return { kind: 'pullquote', text: block.text, attribution: block.attribution, id: block.id };
  return { kind: block.kind, text: block.text, id: block.id };
}

/** Reads the written body back as the site will; any difference is a bug of the importer, never written. */
function verifyBody(body: string, blocks: readonly (CaptureBlock & { id: string })[]): void {
  const parsed = parseArticleBody(body);
  const problems = parsed.problems.map((problem) => `body line ${problem.line}: ${problem.message}`);
  for (const [index, block] of blocks.entries()) {
    const back = parsed.blocks[index];
    const expected = block.kind === 'embed' ? '' : block.text;
    const same =
      back !== undefined &&
      back.id === block.id &&
      back.kind === block.kind &&
      back.text === expected &&
      back.attribution === (block.kind === 'pullquote' ? block.attribution : undefined) &&
      back.platform === (block.kind === 'embed' ? block.platform : undefined);
    if (!same)
      problems.push(
        `capture line ${block.line} would not read back word for word (got ${JSON.stringify(back?.text ?? 'nothing')})`,
      );
  }
  if (parsed.blocks.length !== blocks.length)
    problems.push(`${blocks.length} blocks written, ${parsed.blocks.length} read back`);
  if (problems.length > 0)
    throw new ImportError(
      `the article would not read back word for word, so nothing was written:\n  ${problems.slice(0, 10).join('\n  ')}${problems.length > 10 ? `\n  (and ${problems.length - 10} more)` : ''}\nCheck those capture lines against the page; if they are right, this is a bug of the importer (src/lib/import/render-article.ts)`,
    );
}

function filledFields(data: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(data).flatMap(([key, value]) => {
    const path = `${prefix}${key}`;
    if (value && typeof value === 'object' && !Array.isArray(value) && key !== 'published' && key !== 'byline')
      return filledFields(value as Record<string, unknown>, `${path}.`);
    return [path];
  });
}
