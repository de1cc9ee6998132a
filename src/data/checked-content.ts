import type { ArticleBlock } from '../lib/content/article-blocks.ts';
import type { ContentModel, LoadedEntry, SourceFile } from '../lib/content/content-model.ts';
import { markdownBody } from '../lib/content/front-matter.ts';
import type { DataCollectionName } from '../schemas/collections.ts';

/**
 * What the content guard checked, handed to the collection loaders so that the analysis YAML is parsed
 * and validated once per build rather than twice (the guard's pass, then Astro's loaders). The guard runs
 * in Astro's own process and the loaders in the module graph Vite loads content.config.ts into, so the
 * hand-over lives on `globalThis` under a registered symbol. A loader takes the checked entries only when
 * it reads exactly the files, with exactly the text, that the guard checked; otherwise (`astro dev` after
 * an edit, a loader run without the guard) it parses and validates the files itself.
 */
interface Checked {
  root: string;
  files: Map<string, string>;
  model: ContentModel;
  /** A digest of each analysis file's text and of the code that checked it, by path. */
  digests: ReadonlyMap<string, string>;
}

const KEY = Symbol.for('petro-trump-analysis/checked-content');
/** The blocks of each checked article body, by the body's text, kept for the pages (getArticles). */
const BLOCKS_KEY = Symbol.for('petro-trump-analysis/checked-article-blocks');
const registry = globalThis as {
  [KEY]?: Checked | undefined;
  [BLOCKS_KEY]?: Map<string, { bodyLine: number; blocks: ArticleBlock[] }> | undefined;
};

/**
 * Records content that passed every check (`sources` as read, `model` as checked), for the loaders, and the
 * blocks of every article body (`articles`, the article files as read), for the pages: the guard has parsed
 * each body already, and parsing them again at page time took 2 s of a 300-article build. `digests` gives
 * each analysis file's digest (of its text and of the checking code: the key of its kept results), by path,
 * which the loaders give Astro's store with the file's entries, so that an unchanged entry is not stored again.
 */
export function rememberCheckedContent(
  root: string,
  files: readonly SourceFile[],
  model: ContentModel,
  articles: readonly SourceFile[] = [],
  digests: ReadonlyMap<string, string> = new Map(),
): void {
  registry[KEY] = { root, files: new Map(files.map(({ file, text }) => [file, text])), model, digests };
  const blocks = new Map<string, { bodyLine: number; blocks: ArticleBlock[] }>();
  const byFile = new Map([...model.articles.values()].map((article) => [article.file, article.blocks]));
  for (const { file, text } of articles) {
    // The guard reads a file with carriage returns with line feeds instead: its blocks are of another text.
    const split = text.includes('\r') ? undefined : markdownBody(text);
    const parsed = byFile.get(file);
    if (split === undefined || parsed === undefined) continue;
    // Astro's entry body is the body trimmed; only blank lines may go, which move every block alike (spaces
    // could change how the first line reads).
    const body = split.body.trim();
    const at = split.body.indexOf(body);
    const [lead, trail] = [split.body.slice(0, at), split.body.slice(at + body.length)];
    if (!/^\n*$/.test(lead) || !/^\n*$/.test(trail)) continue;
    blocks.set(body, { bodyLine: split.bodyLine + lead.length, blocks: parsed });
  }
  registry[BLOCKS_KEY] = blocks;
}

/**
 * The blocks of an article body as `parseArticleBody(body)` lists them (lines counted from the body's first),
 * if the content guard of this build checked a file with exactly this body (as Astro gives it: trimmed);
 * undefined otherwise.
 */
export function checkedBlocksOf(body: string): ArticleBlock[] | undefined {
  const checked = registry[BLOCKS_KEY]?.get(body);
  if (checked === undefined) return undefined;
  const shift = checked.bodyLine - 1;
  return checked.blocks.map((block) => ({ ...block, line: block.line - shift }));
}

/**
 * Drops the record (after the content layer has loaded it), so its memory is freed for the pages; with
 * `blocksToo` (content that failed a check), the articles' blocks as well.
 */
export function forgetCheckedContent(blocksToo = false): void {
  registry[KEY] = undefined;
  if (blocksToo) registry[BLOCKS_KEY] = undefined;
}

/**
 * The checked entries of `collection` if the guard checked exactly these files of it (same paths, same
 * text) in the project at `root`, with each file's digest (see rememberCheckedContent; undefined for a file
 * it was not given); undefined otherwise.
 */
export function checkedEntriesOf<K extends DataCollectionName>(
  root: string,
  collection: K,
  files: readonly SourceFile[],
): { entries: ContentModel['data'][K]; digests: ReadonlyMap<string, string> } | undefined {
  const checked = registry[KEY];
  if (checked === undefined || checked.root !== root) return undefined;
  const entries = checked.model.data[collection];
  const texts = new Map(files.map(({ file, text }) => [file, text]));
  const checkedFiles = new Set(entries.map((entry: LoadedEntry<unknown>) => entry.file));
  for (const { file } of files) checkedFiles.add(file);
  for (const file of checkedFiles) {
    const text = texts.get(file);
    if (text === undefined || checked.files.get(file) !== text) return undefined;
  }
  return { entries, digests: checked.digests };
}
