import type { Published } from '../../schemas/article.ts';
import { publishedDatetime } from '../analysis/dates.ts';

/** One item of the site's RSS feed. */
export interface FeedItem {
  /** The item's title. */
  title: string;
  /** Site path or absolute URL of what the item announces. */
  link: string;
  /** One or two sentences. */
  description: string;
  /** When it was published, where known (RSS allows items without a date). */
  pubDate?: Date;
  /** What kind of item it is (an RSS category): "Article", "Analysis" or "Update". */
  category: 'Article' | 'Analysis' | 'Update';
}

/** A stored article, as the feed needs it. */
export interface FeedArticle {
  title: string;
  outletName: string;
  standfirst?: string | undefined;
  published: Published;
  link: string;
}

/** A part of the analysis (the meeting, the timeline, …), as the feed needs it. */
export interface FeedSection {
  title: string;
  description: string;
  link: string;
}

/**
 * A dated change to the analysis (from the corrections and updates log): what changed, when, where.
 * `date` is YYYY-MM-DD; the log's own entries map onto this.
 */
export interface FeedUpdate {
  title: string;
  description: string;
  date: string;
  link: string;
}

/** Parses a publication's date (at minute or day precision) as an instant; a day is taken at 00:00 UTC. */
export function publishedInstant(published: Published): Date {
  const datetime = publishedDatetime(published);
  return new Date(datetime.length === 10 ? `${datetime}T00:00:00Z` : datetime);
}

/**
 * The feed's items: the updates and the articles, newest first (then by title), and after them the
 * parts of the analysis, undated (the analysis records no publication date of its own; its changes
 * arrive as dated updates).
 */
export function buildFeedItems(input: {
  articles: readonly FeedArticle[];
  sections: readonly FeedSection[];
  updates?: readonly FeedUpdate[];
}): FeedItem[] {
  const dated: FeedItem[] = [
    ...(input.updates ?? []).map((update) => ({
      title: update.title,
      link: update.link,
      description: update.description,
      pubDate: new Date(`${update.date}T00:00:00Z`),
      category: 'Update' as const,
    })),
    ...input.articles.map((article) => ({
      title: `${article.title} (${article.outletName})`,
      link: article.link,
      description:
        article.standfirst ??
        `The ${article.outletName} report, stored word for word with an address for every paragraph.`,
      pubDate: publishedInstant(article.published),
      category: 'Article' as const,
    })),
  ].sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime() || a.title.localeCompare(b.title));
  const sections: FeedItem[] = input.sections.map((section) => ({ ...section, category: 'Analysis' as const }));
  return [...dated, ...sections];
}
