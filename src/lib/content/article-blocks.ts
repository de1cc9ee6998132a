import type { Definition, Heading, Link, LinkReference, Paragraph, Root, RootContent } from 'mdast';
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

/**
 * Lists the addressable blocks of an article body and every problem with them, in order. Lines count from
 * `firstLine`, the line of the file on which the body starts (1 for a body on its own).
 */
export function collectBlocks(tree: Root, firstLine = 1): { blocks: ArticleBlock[]; problems: BodyProblem[] } {
  const blocks: ArticleBlock[] = [];
  const problems: BodyProblem[] = [];
  const lineOf = (node: { position?: { start: { line: number } } | undefined }): number =>
    (node.position?.start.line ?? 1) + firstLine - 1;

  visit(tree, (node) => {
    if (node.type === 'link' || node.type === 'linkReference' || node.type === 'definition') {
      problems.push({ line: lineOf(node), message: linkProblem(node) });
    } else if (node.type === 'html') {
      problems.push({
        line: lineOf(node),
        message: `raw HTML is not allowed in an article body (found ${JSON.stringify(node.value.slice(0, 40))}); write plain text`,
      });
    } else if (node.type === 'textDirective' && !(ARTICLE_DIRECTIVES.text as readonly string[]).includes(node.name)) {
      problems.push({
        line: lineOf(node),
        message: `unknown inline directive ":${node.name}"; only :sic[...] is allowed (write "\\:" for a literal colon)`,
      });
    } else if (node.type === 'image' || node.type === 'imageReference') {
      problems.push({
        line: lineOf(node),
        message: 'images are not allowed in an article body; describe the lead image in the front matter',
      });
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
      problems.push({
        line: block.line,
        message: `duplicate block id "${block.id}" (first used on line ${first}); every id in an article must be unique`,
      });
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
      return null; // both are reported by the walk above
    default:
      break;
  }
  const name = 'name' in node ? `${node.type} "${String(node.name)}"` : node.type;
  return { line, message: `${name} is not allowed: ${ALLOWED_BODY}` };
}

function readTextBlock(node: Paragraph | Heading, line: number): ArticleBlock | BodyProblem {
  if (node.type === 'heading' && node.depth !== 2 && node.depth !== 3) {
    return {
      line,
      message: 'only "## " and "### " headings are allowed in an article body (the headline is the title)',
    };
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
  if (id === undefined || id === '')
    return { line, message: `block has no id; ${how} with a new, unique kebab-case id` };
  if (!BLOCK_ID_PATTERN.test(id))
    return { line, message: `block id "${id}" is not lowercase kebab-case (a-z, 0-9, single hyphens)` };
  if (isReservedBlockId(id)) {
    return {
      line,
      message: `block id "${id}" is reserved for the page itself (${RESERVED_IDS.join(', ')}, ${RESERVED_PREFIX}*); choose another`,
    };
  }
  return id;
}

/**
 * The reader-facing number of each paragraph and pull quote ("¶7"), by block id; headings and embed
 * markers are not numbered. rehype-block-links numbers the rendered blocks by the same rule.
 */
export function numberParagraphs(blocks: readonly ArticleBlock[]): Map<string, number> {
  return new Map(
    blocks
      .filter((block) => block.kind === 'paragraph' || block.kind === 'pullquote')
      .map((block, index) => [block.id, index + 1]),
  );
}

/**
 * How a citation names each block of an article, for a reader to find it by eye: a paragraph or pull quote by its
 * number (`short` "¶7", `long` "paragraph 7"), a heading by its words ("§ From Ideological Barbs to Optics Reset",
 * "section “…”"), an embed marker as the post it stands for, told apart by the paragraph it follows ("post on X after
 * ¶4", "the post on X embedded after paragraph 4"). Never by its id: ids are addresses, not names.
 */
export function blockPlaces(blocks: readonly ArticleBlock[]): Map<string, { short: string; long: string }> {
  const numbers = numberParagraphs(blocks);
  const places = new Map<string, { short: string; long: string }>();
  let last: number | undefined;
  for (const block of blocks) {
    const number = numbers.get(block.id);
    if (number !== undefined) {
      places.set(block.id, { short: `¶${number}`, long: `paragraph ${number}` });
      last = number;
    } else if (block.kind === 'heading') {
      places.set(block.id, { short: `§ ${block.text}`, long: `section “${block.text}”` });
    } else {
      // Posts are told apart by the paragraph they follow, the number a reader finds on the page just above the note.
      const post = `post on ${block.platform ?? 'another site'}`;
      places.set(block.id, {
        short: `${post} ${last === undefined ? 'before ¶1' : `after ¶${last}`}`,
        long: `the ${post} embedded ${last === undefined ? 'before paragraph 1' : `after paragraph ${last}`}`,
      });
    }
  }
  return places;
}

/** How many numbered paragraphs an article has (paragraphs and pull quotes): the count the indexes show, by numberParagraphs' rule. */
export function paragraphCount(blocks: readonly ArticleBlock[]): number {
  return numberParagraphs(blocks).size;
}

/** The deepest nesting of block quotes, lists or ::: containers a body is parsed with (it needs none). */
const MAX_NESTING = 8;
/** The longest run of emphasis or code delimiters (`*`, `_`, `~`, backticks, `[`) a body is parsed with. */
const MAX_DELIMITER_RUN = 64;
/**
 * The most unescaped `*`, `_` or `[` one paragraph is parsed with: the parser pairs them up in time that
 * grows with the square of their number (50,000 took minutes). Stored text escapes them ("\*").
 */
const MAX_DELIMITERS = 256;

/**
 * What the Markdown parser would take minutes or its whole stack over, found by a scan of the lines
 * before it runs: nesting tens of thousands deep (`> > > …`, `- - - …`, `:::` inside `:::`) and runs of
 * thousands of delimiters (`****…`). An article body needs neither; each is a problem at its line.
 */
function beyondParser(markdown: string, firstLine: number): BodyProblem | undefined {
  const WHAT = 'an article body is plain paragraphs, "## " headings, :::pullquote blocks and ::embed markers';
  let containers = 0;
  let delimiters = 0;
  for (const [index, text] of markdown.split(/\r\n|\r|\n/).entries()) {
    const line = index + firstLine;
    // Counted per paragraph (a blank line ends one): unescaped *, _ and [.
    delimiters = text.trim() === '' ? 0 : delimiters + (text.replace(/\\[\s\S]/g, '').match(/[*_[]/g)?.length ?? 0);
    if (delimiters > MAX_DELIMITERS) {
      return {
        line,
        message: `this paragraph holds more than ${MAX_DELIMITERS} unescaped "*", "_" or "[", more than the Markdown parser is given; write a literal one as "\\*", "\\_" or "\\["`,
      };
    }
    const prefix = /^(?:[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t])))+/.exec(text)?.[0] ?? '';
    const markers = prefix.match(/>|[-+*]|\d{1,9}[.)]/g)?.length ?? 0;
    if (/^[ \t]*:{3,}[ \t]*[A-Za-z]/.test(text)) containers += 1;
    else if (/^[ \t]*:{3,}[ \t]*$/.test(text)) containers = Math.max(0, containers - 1);
    const depth = Math.max(markers, containers);
    if (depth > MAX_NESTING) {
      return {
        line,
        message: `block quotes, lists or ::: containers are nested ${depth} deep here, deeper than the Markdown parser is given (${MAX_NESTING}); ${WHAT}`,
      };
    }
    const run = /([*_~`[])\1{64,}/.exec(text);
    if (run) {
      const length = /^([*_~`[])\1*/.exec(text.slice(run.index))?.[0].length ?? 0;
      return {
        line,
        message: `a run of ${length} "${run[1]}" characters, more than the Markdown parser is given (${MAX_DELIMITER_RUN}); write a literal one as "\\${run[1]}"`,
      };
    }
  }
  return undefined;
}

/** What to write instead of link syntax: article text is stored as published, without links of its own. */
const NO_LINKS =
  'stored article text has no links of its own; write the words without link syntax (a literal "[" or "<" is written "\\[" or "\\<")';

/** The problem with a link, reference link or link definition in a body: what was found, and what to do. */
function linkProblem(node: Link | LinkReference | Definition): string {
  const target = (url: string): string => JSON.stringify(url.length > 60 ? `${url.slice(0, 59)}…` : url);
  if (node.type === 'link') return `a link (to ${target(node.url)}) is not allowed in an article body: ${NO_LINKS}`;
  if (node.type === 'linkReference')
    return `a reference link ([${node.label ?? node.identifier}]) is not allowed in an article body: ${NO_LINKS}`;
  return `a link definition ([${node.label ?? node.identifier}]: ${target(node.url)}) is not allowed in an article body: ${NO_LINKS}`;
}

/**
 * Parses an article body and lists its blocks and problems, lines counted from `firstLine` (the file
 * line on which the body starts). A body the Markdown parser cannot read (nesting deeper than it
 * takes) comes back as a problem, never as an exception, and `unread` (its blocks are not known).
 */
export function parseArticleBody(
  markdown: string,
  firstLine = 1,
): { blocks: ArticleBlock[]; problems: BodyProblem[]; unread?: true } {
  const beyond = beyondParser(markdown, firstLine);
  if (beyond) return { blocks: [], problems: [beyond], unread: true };
  let tree: Root;
  try {
    tree = parseMarkdown(markdown);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      blocks: [],
      unread: true,
      problems: [
        {
          line: firstLine,
          message: `the Markdown parser could not read this body (${reason}); an article body is plain paragraphs, headings, pull quotes and embed markers, without deep nesting`,
        },
      ],
    };
  }
  return collectBlocks(tree, firstLine);
}
