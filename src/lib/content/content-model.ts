import type { z } from 'zod';
import { ArticleSchema, type Article } from '../../schemas/article.ts';
import { dataCollections, type DataCollectionName } from '../../schemas/collections.ts';
import { parseArticleBody, type ArticleBlock } from './article-blocks.ts';
import { splitFrontMatter } from './front-matter.ts';
import type { FileResults } from './file-results.ts';
import { problemsFromZod, type Problem } from './problems.ts';
import { parseYamlList } from './yaml-list.ts';
import { IdSchema } from '../../schemas/shared.ts';

/** A content file as read from disk: its path relative to the project root, and its text. */
export interface SourceFile {
  /** Path relative to the project root, e.g. content/articles/x.md. */
  file: string;
  /** The file's text. */
  text: string;
}

/** Every content file, grouped the way the loader reads them. */
export interface ContentSources {
  /** content/articles/*.md */
  articles: SourceFile[];
  /** content/<collection>/*.yaml, by collection. */
  data: Record<DataCollectionName, SourceFile[]>;
  /** The names of the raw captures in content/captures/ (each article's capture.file must be one). */
  captures: string[];
  /** Content files that were not read (a link, a folder, a pipe where a file belongs), as problems. */
  unreadable?: Problem[];
}

/** A stored article, validated, with its addressable blocks. */
export interface LoadedArticle {
  /** The article id: its file name without .md. */
  id: string;
  /** Where it was read from. */
  file: string;
  /** Validated front matter. */
  data: Article;
  /** Its paragraphs, headings, pull quotes and embed markers, in order. */
  blocks: ArticleBlock[];
}

/** One validated entry of an analysis collection, with where it was read from. */
export interface LoadedEntry<T> {
  /** The validated entry. */
  entry: T;
  /** The file it came from. */
  file: string;
  /** The line it starts on. */
  line: number;
}

/** Entry type of each analysis collection. */
export type DataEntries = { [K in DataCollectionName]: LoadedEntry<z.output<(typeof dataCollections)[K]>>[] };

/** All content, validated file by file (cross-references are checked by checkIntegrity). */
export interface ContentModel {
  /** The valid articles, by id. */
  articles: Map<string, LoadedArticle>;
  /** The analysis entries that passed their schema, by collection. */
  data: DataEntries;
  /**
   * Every id found, valid entry or not, by collection (articles too): references to an entry that has
   * its own problem are not reported a second time.
   */
  knownIds: Record<DataCollectionName | 'articles', Set<string>>;
  /** The blocks of every article whose body could be read, even when its front matter is invalid. */
  blocksByArticle: Map<string, { file: string; blocks: ArticleBlock[] }>;
  /** The names of the raw captures in content/captures/. */
  captures: ReadonlySet<string>;
}

const ARTICLE_FILE = /(?:^|\/)articles\/([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;

/**
 * Validates every content file on its own: front matter, body blocks, YAML lists against their schemas.
 * With `results` (kept from an earlier run), a file whose text is unchanged is not parsed and validated
 * again: its own problems and entries are taken from there; what depends on other files (ids known,
 * duplicate ids) is worked out here on every run, in the same order as without them.
 */
export function loadContent(
  sources: ContentSources,
  results?: FileResults,
): { model: ContentModel; problems: Problem[] } {
  const problems: Problem[] = [...(sources.unreadable ?? [])];
  const articles = new Map<string, LoadedArticle>();
  const blocksByArticle: ContentModel['blocksByArticle'] = new Map();
  const knownIds = { articles: new Set<string>() } as ContentModel['knownIds'];
  for (const source of sources.articles) {
    const read = readArticle(source, results);
    problems.push(...read.problems);
    const { loaded } = read;
    if (loaded === undefined || loaded.id === undefined) continue;
    knownIds.articles.add(loaded.id);
    if (loaded.blocks) blocksByArticle.set(loaded.id, { file: source.file, blocks: loaded.blocks });
    if (loaded.article) articles.set(loaded.id, loaded.article);
  }
  const data = {} as Record<DataCollectionName, LoadedEntry<unknown>[]>;
  for (const name of Object.keys(dataCollections) as DataCollectionName[]) {
    knownIds[name] = new Set();
    data[name] = loadCollection(name, sources.data[name], problems, knownIds[name], results);
  }
  return {
    model: { articles, data: data as DataEntries, knownIds, blocksByArticle, captures: new Set(sources.captures) },
    problems,
  };
}

/**
 * The file's text with every line ending a line feed. A carriage return alone (classic Mac OS line
 * endings) ends a line for the YAML and Markdown parsers but not for Astro's loaders or our line
 * numbers, so it is a problem at its line; the text is read on with line feeds so that the file's other
 * problems are found too.
 */
function withLineFeeds(source: SourceFile, problems: Problem[]): string {
  const lone = /\r(?!\n)/.exec(source.text);
  if (!lone) return source.text;
  const line = source.text.slice(0, lone.index).split(/\r\n|\r|\n/).length;
  problems.push({
    file: source.file,
    line,
    message:
      'a line ends with a carriage return alone (classic Mac OS line endings); save the file with LF (Unix) line endings, e.g. tr "\\r" "\\n"',
  });
  return source.text.replace(/\r\n?/g, '\n');
}

/** A problem for a file that a parser gave up on: what it said, and what to do. */
function unreadable(error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  return `could not be read (${reason}); write it as plain lists of entries, without deep nesting or YAML *aliases`;
}

/** An article file read on its own: its problems, and what was read (none when a parser gave up). */
export interface ArticleRead {
  /** The file's own problems (front matter, schema, body), in order. */
  problems: Problem[];
  /** What was read of it. */
  loaded?: ReturnType<typeof loadArticle>;
}

/**
 * An article file read on its own (front matter, schema, body blocks), exactly as loadContent reads it; kept
 * in the results given to loadContent (`set('article', source, read)`), it is not read again there. Lets the
 * articles be read on another thread.
 */
export function readArticleFile(source: SourceFile): ArticleRead {
  return readArticle(source, undefined);
}

/**
 * Reads every analysis file on its own (parse, schema) into `results`, as loadContent would, which then takes
 * them from there: lets this thread read them while the articles are read on another.
 */
export function readCollectionFiles(sources: ContentSources, results: FileResults): void {
  for (const name of Object.keys(dataCollections) as DataCollectionName[])
    for (const source of sources.data[name]) readCollectionFile(name, source, results);
}

/** An article file read on its own (loadArticle), or what an earlier run read from the same text. */
function readArticle(source: SourceFile, results: FileResults | undefined): ArticleRead {
  const kept = results?.get('article', source) as ArticleRead | undefined;
  if (kept !== undefined) return kept;
  const problems: Problem[] = [];
  let read: ArticleRead;
  try {
    read = { problems, loaded: loadArticle(source, problems) };
  } catch (error) {
    problems.push({ file: source.file, message: unreadable(error) });
    read = { problems };
  }
  results?.set('article', source, read);
  return read;
}

function loadArticle(
  source: SourceFile,
  problems: Problem[],
): { id?: string; blocks?: ArticleBlock[]; article?: LoadedArticle } {
  const { file } = source;
  const id = ARTICLE_FILE.exec(file)?.[1];
  if (id === undefined) {
    problems.push({
      file,
      message:
        'article file names must be lowercase kebab-case ending in .md (the name is the article id and its address)',
    });
    return {};
  }
  const longId = IdSchema.safeParse(id).error?.issues[0];
  if (longId)
    problems.push({
      file,
      message: `the article id (its file name) is ${id.length} characters long: ${longId.message}`,
    });
  const split = splitFrontMatter(file, withLineFeeds(source, problems));
  for (const problem of split.problems) problems.push(problem);
  if (!split.result) return { id };
  const parsed = ArticleSchema.safeParse(split.result.data);
  if (!parsed.success) for (const problem of problemsFromZod(file, parsed.error, '')) problems.push(problem);
  const body = parseArticleBody(split.result.body, split.result.bodyLine);
  for (const problem of body.problems) problems.push({ file, line: problem.line, message: problem.message });
  // Its blocks are not known, so citations of it are not checked (nor reported) until it can be read.
  if (body.unread) return { id };
  if (body.blocks.length === 0)
    problems.push({ file, message: 'the article body is empty; paste the article text below the front matter' });
  const { blocks } = body;
  if (!parsed.success) return { id, blocks };
  return { id, blocks, article: { id, file, data: parsed.data, blocks } };
}

/** One item of a collection file validated on its own: its schema problems, or the entry. */
type ItemRead = { id: string | undefined; line: number; label: string } & (
  { problems: Problem[]; data?: undefined } | { data: { id: string }; problems?: undefined }
);

/** A collection file read and validated on its own: the file's own problems, then its items in order. */
interface CollectionFileRead {
  problems: Problem[];
  items: ItemRead[];
}

/** Parses one collection file and validates each item against `name`'s schema, or takes an earlier run's. */
function readCollectionFile(
  name: DataCollectionName,
  source: SourceFile,
  results: FileResults | undefined,
): CollectionFileRead {
  const kept = results?.get(name, source) as CollectionFileRead | undefined;
  if (kept !== undefined) return kept;
  const { file } = source;
  const problems: Problem[] = [];
  const read: CollectionFileRead = { problems, items: [] };
  let list: ReturnType<typeof parseYamlList> | undefined;
  try {
    list = parseYamlList(file, withLineFeeds(source, problems));
  } catch (error) {
    problems.push({ file, message: unreadable(error) });
  }
  if (list !== undefined) {
    for (const problem of list.problems) problems.push(problem);
    const schema = dataCollections[name];
    for (const [index, item] of list.items.entries()) {
      const label = item.id === undefined ? `[${index}]` : `[${index}] (id "${item.id}")`;
      const parsed = schema.safeParse(item.value);
      read.items.push(
        parsed.success
          ? { id: item.id, line: item.line, label, data: parsed.data as { id: string } }
          : { id: item.id, line: item.line, label, problems: problemsFromZod(file, parsed.error, label, item.line) },
      );
    }
  }
  results?.set(name, source, read);
  return read;
}

function loadCollection(
  name: DataCollectionName,
  files: readonly SourceFile[],
  problems: Problem[],
  knownIds: Set<string>,
  results: FileResults | undefined,
): LoadedEntry<unknown>[] {
  const entries: LoadedEntry<unknown>[] = [];
  const firstSeen = new Map<string, string>();
  for (const source of files) {
    const { file } = source;
    const read = readCollectionFile(name, source, results);
    problems.push(...read.problems);
    for (const item of read.items) {
      if (item.id !== undefined) knownIds.add(item.id);
      if (item.data === undefined) {
        problems.push(...item.problems);
        continue;
      }
      const where = `${file}:${item.line}`;
      const first = firstSeen.get(item.data.id);
      if (first !== undefined) {
        problems.push({
          file,
          line: item.line,
          field: `${item.label}.id`,
          message: `duplicate id "${item.data.id}" in ${name}: already used at ${first}; ids must be unique`,
        });
        continue;
      }
      firstSeen.set(item.data.id, where);
      entries.push({ entry: item.data, file, line: item.line });
    }
  }
  return entries;
}
