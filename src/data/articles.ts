import { getCollection, getEntry, render, type CollectionEntry } from 'astro:content';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { parseArticleBody, type ArticleBlock } from '../lib/content/article-blocks.ts';
import { articleCitedByUrl, citedById } from '../lib/links/urls.ts';
import { checkedBlocksOf } from './checked-content.ts';
import rehypeCitedBy from '../markdown/rehype-cited-by.ts';
import type { Outlet } from '../schemas/outlet.ts';

/** A stored article with its outlet resolved and its blocks listed. */
export interface ArticleView {
  /** Article id (also its address). */
  id: string;
  /** The collection entry, for rendering. */
  entry: CollectionEntry<'articles'>;
  /** Validated front matter. */
  data: CollectionEntry<'articles'>['data'];
  /** The outlet that published it. */
  outlet: Outlet;
  /** Its blocks in order. */
  blocks: ArticleBlock[];
}

let cache: Promise<ArticleView[]> | undefined;

/** Every stored article, oldest first (then by id). References were checked by the content guard. */
export function getArticles(): Promise<ArticleView[]> {
  cache ??= loadArticles();
  return cache;
}

async function loadArticles(): Promise<ArticleView[]> {
  const entries = await getCollection('articles');
  const views = await Promise.all(
    entries.map(async (entry) => {
      const outlet = await getEntry('outlets', entry.data.outlet);
      if (!outlet) throw new Error(`content/articles/${entry.id}.md › outlet: unknown outlet "${entry.data.outlet}"`);
      // Parsed by the content guard of this build when it checked the same body; parsed here otherwise.
      const body = entry.body ?? '';
      const blocks = checkedBlocksOf(body) ?? parseArticleBody(body).blocks;
      return { id: entry.id, entry, data: entry.data, outlet: outlet.data, blocks };
    }),
  );
  return views.sort((a, b) => a.data.published.date.localeCompare(b.data.published.date) || a.id.localeCompare(b.id));
}

/**
 * An article body as HTML: the output of the site's Markdown processor (remark and rehype, at content
 * sync), with a "Cited by N" link added to every block the analysis cites (to its entry on the article's cited-by page).
 */
export async function renderArticleHtml(article: ArticleView, counts: ReadonlyMap<string, number>): Promise<string> {
  const html = article.entry.rendered?.html ?? (await renderEntryHtml(article.entry));
  const file = await unified()
    .use(rehypeParse, { fragment: true })
    .use(rehypeCitedBy, { counts, targetId: citedById, listUrl: articleCitedByUrl(article.id) })
    .use(rehypeStringify)
    .process(html);
  return String(file);
}

async function renderEntryHtml(entry: CollectionEntry<'articles'>): Promise<string> {
  await render(entry);
  if (!entry.rendered) throw new Error(`content/articles/${entry.id}.md: the Markdown processor returned no HTML`);
  return entry.rendered.html;
}
