import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getArticles } from '../data/articles.ts';
import { getSiteIndex } from '../data/site.ts';
import { buildFeedItems } from '../lib/seo/feed.ts';
import { siteName } from '../lib/links/navigation.ts';
import {
  absoluteUrl,
  articleUrl,
  issuesUrl,
  meetingUrl,
  peopleUrl,
  quotationsUrl,
  sourcesUrl,
  timelineUrl,
} from '../lib/links/urls.ts';

/** The RSS feed (/rss.xml): the stored articles, the parts of the analysis and, as they come, its dated updates. */
export async function GET(context: APIContext): Promise<Response> {
  const site = context.site ?? new URL(context.url.origin);
  const [articles, index] = await Promise.all([getArticles(), getSiteIndex()]);
  const items = buildFeedItems({
    articles: articles.map((article) => ({
      title: article.data.title,
      outletName: article.outlet.name,
      standfirst: article.data.standfirst,
      published: article.data.published,
      link: articleUrl(article.id),
    })),
    sections: [
      { title: 'The meeting', description: index.meeting.description, link: meetingUrl() },
      {
        title: 'Timeline of tensions',
        description: `${index.timeline.length} events leading to the meeting, each dated as precisely as the sources allow.`,
        link: timelineUrl(),
      },
      {
        title: 'The issues',
        description: `${index.issues.length} issues the meeting touched: where each side stands and what is unresolved.`,
        link: issuesUrl(),
      },
      {
        title: 'People',
        description: `${index.people.length} people and organisations the articles name.`,
        link: peopleUrl(),
      },
      {
        title: 'Quotations',
        description: `${index.quotations.length} direct quotations, word for word, each linked to its paragraph.`,
        link: quotationsUrl(),
      },
      {
        title: 'How the sources compare',
        description: `${index.comparisons.length} points on which the reports agree or differ.`,
        link: sourcesUrl(),
      },
    ],
  });
  return rss({
    title: siteName,
    description:
      'A cross-linked analysis of the White House meeting of Donald Trump and Gustavo Petro, built from news articles stored word for word.',
    site,
    items: items.map((item) => ({
      title: item.title,
      link: absoluteUrl(item.link, site),
      description: item.description,
      categories: [item.category],
      ...(item.pubDate ? { pubDate: item.pubDate } : {}),
    })),
    customData: '<language>en</language>',
  });
}
