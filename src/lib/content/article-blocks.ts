import type { Heading, Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { BLOCK_ID_PATTERN, splitTrailingId } from './block-id.ts';
import { citedById, mainId, sectionIds } from '../links/urls.ts';

/** The kinds of block an article body is made of. */
export type BlockKind = 'paragraph' | 'heading' | 'pullquote' | 'embed';

/** One addressable block of an article body, with its text as published. */
export interface ArticleBlock {
  /** Stable id: the fragment that links to the block. */
  id: string;
  /** What kind of block it is. */
  kind: BlockKind;
  /** The block's text exactly as published (for a pull quote, the quoted words). */
  text: string;
  /** 1-based line in the body where the block starts. */
  line: number;
  /** For a pull quote: who it is attributed to, as printed. */
  attribution?: string;
  /** For an embed marker: the platform the post was on ("X"). */
  platform?: string;
  /** The words marked `:sic[...]` in the block (slips kept as published), when it has any. */
  slips?: string[];
}

/** A problem found in a body, positioned by body line. */
export interface BodyProblem {
  /** 1-based line in the body. */
  line: number;
  /** What is wrong and how to fix it. */
  message: string;
}

/** The directives an article body may use, and where. */
export const ARTICLE_DIRECTIVES = {
  /** `:sic[word]` marks a slip kept as published. */
  text: ['sic'],
  /** `::embed{#id platform="X"}` marks where a social-media post was embedded. */
  leaf: ['embed'],
  /** `:::pullquote{#id attribution="..."}` holds a pull quote. */
  container: ['pullquote'],
} as const;

/** Ids the article page uses for itself, which blocks may not take (see src/lib/links/urls.ts). */
const RESERVED_IDS: readonly string[] = [mainId, ...Object.values(sectionIds.article)];
const RESERVED_PREFIX = citedById('');

/** True when the article page uses `id` for itself, so no block may take it. */
export const isReservedBlockId = (id: string): boolean => RESERVED_IDS.includes(id) || id.startsWith(RESERVED_PREFIX);

const ALLOWED_BODY =
  'an article body may hold only paragraphs, "## " headings, :::pullquote blocks and ::embed markers';

/** Parses Markdown with the same syntax extensions the site's processor uses. */
export function parseMarkdown(markdown: string): Root {
  return unified().use(remarkParse).use(remarkDirective).parse(markdown) as Root;
}

/** Lists the addressable blocks of an article body and every problem with them, in order. */
export function collectBlocks(tree: Root): { blocks: ArticleBlock[]; problems: BodyProblem[] } {
  const blocks: ArticleBlock[] = [];
  const problems: BodyProblem[] = [];
  const lineOf = (node: { position?: { start: { line: number } } | undefined }): number => node.position?.start.line ?? 1;

  visit(tree, (node) => {
    if (node.type === 'html') {
      problems.push({ line: lineOf(node), message: `raw HTML is not allowed in an article body (found ${JSON.stringify(node.value.slice(0, 40))}); write plain text` });
    } else if (node.type === 'textDirective' && !(ARTICLE_DIRECTIVES.text as readonly string[]).includes(node.name)) {
      problems.push({ line: lineOf(node), message: `unknown inline directive ":${node.name}"; only :sic[...] is allowed (write "\\:" for a literal colon)` });
    } else if (node.type === 'image' || node.type === 'imageReference') {
      problems.push({ line: lineOf(node), message: 'images are not allowed in an article body; describe the lead image in the front matter' });
    }
  });

  for (const node of tree.children) {
    const block = readBlock(node, lineOf(node));
    if (block === null) continue;
    if ('message' in block) problems.push(block);
    else blocks.push(block);
  }

  const seen = new Map<string, number>();
  for (const block of blocks) {
    const first = seen.get(block.id);
    if (first !== undefined) {
      problems.push({ line: block.line, message: `duplicate block id "${block.id}" (first used on body line ${first}); every id in an article must be unique` });
    } else seen.set(block.id, block.line);
  }
  return { blocks, problems: problems.sort((a, b) => a.line - b.line) };
}

function readBlock(node: RootContent, line: number): ArticleBlock | BodyProblem | null {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      return readTextBlock(node, line);
    case 'containerDirective': {
      if (node.name !== 'pullquote') break;
      const id = checkId(node.attributes?.id ?? undefined, line, ':::pullquote{#id attribution="..."}');
      if (typeof id !== 'string') return id;
      const attribution = node.attributes?.attribution;
      if (!attribution) return { line, message: `pull quote "${id}" needs attribution="..." as printed under it` };
      const paragraphs = node.children.filter((child) => child.type === 'paragraph');
      if (paragraphs.length !== node.children.length || paragraphs.length === 0) {
        return { line, message: `pull quote "${id}" may hold only paragraphs of quoted text` };
      }
      return { id, kind: 'pullquote', text: paragraphs.map((child) => toString(child)).join('\n'), line, attribution };
    }
    case 'leafDirective': {
      if (node.name !== 'embed') break;
      const id = checkId(node.attributes?.id ?? undefined, line, '::embed{#id platform="X"}');
      if (typeof id !== 'string') return id;
      const platform = node.attributes?.platform;
      if (!platform) return { line, message: `embed marker "${id}" needs platform="..." (for example platform="X")` };
      return { id, kind: 'embed', text: '', line, platform };
    }
    case 'html':
    case 'definition':
      return null; // html is reported by the walk above; link definitions render nothing
    default:
      break;
  }
  const name = 'name' in node ? `${node.type} "${String(node.name)}"` : node.type;
  return { line, message: `${name} is not allowed: ${ALLOWED_BODY}` };
}

function readTextBlock(node: Paragraph | Heading, line: number): ArticleBlock | BodyProblem {
  if (node.type === 'heading' && node.depth !== 2 && node.depth !== 3) {
    return { line, message: 'only "## " and "### " headings are allowed in an article body (the headline is the title)' };
  }
  const { text, id } = splitTrailingId(toString(node));
  const checked = checkId(id, line, 'end the block with " {#some-id}"');
  if (typeof checked !== 'string') return checked;
  const slips: string[] = [];
  visit(node, 'textDirective', (directive) => {
    if (directive.name === 'sic') slips.push(toString(directive));
  });
  return slips.length > 0
    ? { id: checked, kind: node.type, text, line, slips }
    : { id: checked, kind: node.type, text, line };
}

function checkId(id: string | undefined, line: number, how: string): string | BodyProblem {
  if (id === undefined || id === '') return { line, message: `block has no id; ${how} with a new, unique kebab-case id` };
  if (!BLOCK_ID_PATTERN.test(id)) return { line, message: `block id "${id}" is not lowercase kebab-case (a-z, 0-9, single hyphens)` };
  if (isReservedBlockId(id)) {
    return { line, message: `block id "${id}" is reserved for the page itself (${RESERVED_IDS.join(', ')}, ${RESERVED_PREFIX}*); choose another` };
  }
  return id;
}

/**
 * The reader-facing number of each paragraph and pull quote ("¶7"), by block id; headings and embed
 * markers are not numbered. rehype-block-links numbers the rendered blocks by the same rule.
 */
export function numberParagraphs(blocks: readonly ArticleBlock[]): Map<string, number> {
  return new Map(
    blocks.filter((block) => block.kind === 'paragraph' || block.kind === 'pullquote').map((block, index) => [block.id, index + 1]),
  );
}

/** How many numbered paragraphs an article has (paragraphs and pull quotes): the count the indexes show, by numberParagraphs' rule. */
export function paragraphCount(blocks: readonly ArticleBlock[]): number {
  return numberParagraphs(blocks).size;
}

/** Parses an article body and lists its blocks and problems. */
export function parseArticleBody(markdown: string): { blocks: ArticleBlock[]; problems: BodyProblem[] } {
  return collectBlocks(parseMarkdown(markdown));
}
