import type { z } from 'zod';
import { ArticleSchema, type Article } from '../../schemas/article.ts';
import { dataCollections, type DataCollectionName } from '../../schemas/collections.ts';
import { parseArticleBody, type ArticleBlock } from './article-blocks.ts';
import { splitFrontMatter } from './front-matter.ts';
import { problemsFromZod, type Problem } from './problems.ts';
import { parseYamlList } from './yaml-list.ts';

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
}

const ARTICLE_FILE = /(?:^|\/)articles\/([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;

/** Validates every content file on its own: front matter, body blocks, YAML lists against their schemas. */
export function loadContent(sources: ContentSources): { model: ContentModel; problems: Problem[] } {
  const problems: Problem[] = [];
  const articles = new Map<string, LoadedArticle>();
  const blocksByArticle: ContentModel['blocksByArticle'] = new Map();
  const knownIds = { articles: new Set<string>() } as ContentModel['knownIds'];
  for (const source of sources.articles) {
    const loaded = loadArticle(source, problems);
    if (loaded.id === undefined) continue;
    knownIds.articles.add(loaded.id);
    if (loaded.blocks) blocksByArticle.set(loaded.id, { file: source.file, blocks: loaded.blocks });
    if (loaded.article) articles.set(loaded.id, loaded.article);
  }
  const data = {} as Record<DataCollectionName, LoadedEntry<unknown>[]>;
  for (const name of Object.keys(dataCollections) as DataCollectionName[]) {
    knownIds[name] = new Set();
    data[name] = loadCollection(name, sources.data[name], problems, knownIds[name]);
  }
  return { model: { articles, data: data as DataEntries, knownIds, blocksByArticle }, problems };
}

function loadArticle(
  source: SourceFile,
  problems: Problem[],
): { id?: string; blocks?: ArticleBlock[]; article?: LoadedArticle } {
  const { file } = source;
  const id = ARTICLE_FILE.exec(file)?.[1];
  if (id === undefined) {
    problems.push({ file, message: 'article file names must be lowercase kebab-case ending in .md (the name is the article id and its address)' });
    return {};
  }
  const split = splitFrontMatter(file, source.text);
  problems.push(...split.problems);
  if (!split.result) return { id };
  const parsed = ArticleSchema.safeParse(split.result.data);
  if (!parsed.success) problems.push(...problemsFromZod(file, parsed.error, ''));
  const body = parseArticleBody(split.result.body);
  const offset = split.result.bodyLine - 1;
  problems.push(...body.problems.map((problem) => ({ file, line: problem.line + offset, message: problem.message })));
  if (body.blocks.length === 0) problems.push({ file, message: 'the article body is empty; paste the article text below the front matter' });
  const blocks = body.blocks.map((block) => ({ ...block, line: block.line + offset }));
  if (!parsed.success) return { id, blocks };
  return { id, blocks, article: { id, file, data: parsed.data, blocks } };
}

function loadCollection(
  name: DataCollectionName,
  files: readonly SourceFile[],
  problems: Problem[],
  knownIds: Set<string>,
): LoadedEntry<unknown>[] {
  const schema = dataCollections[name];
  const entries: LoadedEntry<unknown>[] = [];
  const firstSeen = new Map<string, string>();
  for (const { file, text } of files) {
    const list = parseYamlList(file, text);
    problems.push(...list.problems);
    for (const [index, item] of list.items.entries()) {
      const label = item.id === undefined ? `[${index}]` : `[${index}] (id "${item.id}")`;
      if (item.id !== undefined) knownIds.add(item.id);
      const parsed = schema.safeParse(item.value);
      if (!parsed.success) {
        problems.push(...problemsFromZod(file, parsed.error, label, item.line));
        continue;
      }
      const where = `${file}:${item.line}`;
      const first = firstSeen.get(parsed.data.id);
      if (first !== undefined) {
        problems.push({ file, line: item.line, field: `${label}.id`, message: `duplicate id "${parsed.data.id}" in ${name}: already used at ${first}; ids must be unique` });
        continue;
      }
      firstSeen.set(parsed.data.id, where);
      entries.push({ entry: parsed.data, file, line: item.line });
    }
  }
  return entries;
}
