import type {
  Article as ArticleNode,
  CollectionPage,
  Event as EventNode,
  Graph,
  NewsArticle,
  Organization,
  Person as PersonNode,
  ProfilePage,
  Thing,
  WebSite,
} from 'schema-dts';
import type { Article } from '../../schemas/article.ts';
import type { Meeting } from '../../schemas/meeting.ts';
import type { Outlet } from '../../schemas/outlet.ts';
import type { Person } from '../../schemas/person.ts';
import { publishedDatetime, whenDatetime } from '../analysis/dates.ts';
import { absoluteUrl, articlesUrl, articleUrl, homeUrl, personUrl } from '../links/urls.ts';

/** What every page's structured data needs to know of the page itself. */
export interface PageInfo {
  /** Absolute canonical URL of the page. */
  url: string;
  /** The page's own title (without the site name). */
  title: string;
  /** Its description. */
  description: string;
  /** Absolute URL of its preview image. */
  image: string;
  /** The site's origin, for absolute URLs of other pages. */
  site: string;
  /** The site's name. */
  siteName: string;
}

/** A stored article, as far as structured data needs it. */
export interface StoredArticle {
  /** Article id (its address). */
  id: string;
  /** Validated front matter. */
  data: Article;
  /** The outlet that published it. */
  outlet: Outlet;
}

/**
 * What a page is, for schema.org: the home page is the WebSite; a stored article is a NewsArticle of
 * its outlet; the meeting page is an Article about the meeting as an Event; a person's page is a
 * ProfilePage of a Person (or Organization); the list of articles is a CollectionPage; every other
 * page is our analysis, an Article based on the stored articles.
 */
export type PageSchema =
  | { type: 'WebSite' }
  | { type: 'Article' }
  | { type: 'CollectionPage' }
  | { type: 'NewsArticle'; article: StoredArticle }
  | { type: 'Event'; meeting: Meeting; participants: readonly Person[]; place: string }
  | { type: 'Person'; person: Person };

/** The @id of the site's WebSite node. */
export const websiteId = (site: string): string => `${absoluteUrl(homeUrl(), site)}#website`;

/** Builds the page's JSON-LD graph. `stored` are the stored articles the page is based on (see linkedArticles). */
export function buildStructuredData(schema: PageSchema, page: PageInfo, stored: readonly StoredArticle[]): Graph {
  const publisher: Organization = {
    '@type': 'Organization',
    name: page.siteName,
    url: absoluteUrl(homeUrl(), page.site),
  };
  const isPartOf = { '@id': websiteId(page.site) };
  // By reference: each stored article's headline, date and outlet are on its own page's NewsArticle (the
  // articles index lists them in full, as its parts).
  const basedOn = stored.map((article) => ({ '@id': absoluteUrl(articleUrl(article.id), page.site) }));
  const analysis = (type: 'Article', extra: Partial<ArticleNode> = {}): ArticleNode => ({
    '@type': type,
    '@id': page.url,
    url: page.url,
    headline: page.title,
    description: page.description,
    image: page.image,
    inLanguage: 'en',
    isPartOf,
    author: publisher,
    publisher,
    isBasedOn: basedOn,
    ...extra,
  });
  const graph = (...nodes: Thing[]): Graph => ({ '@context': 'https://schema.org', '@graph': nodes });

  switch (schema.type) {
    case 'WebSite': {
      const website: WebSite = {
        '@type': 'WebSite',
        '@id': websiteId(page.site),
        url: page.url,
        name: page.siteName,
        description: page.description,
        inLanguage: 'en',
        publisher,
        image: page.image,
      };
      return graph(website);
    }
    case 'Article':
      return graph(analysis('Article'));
    case 'CollectionPage': {
      const collection: CollectionPage = {
        '@type': 'CollectionPage',
        '@id': page.url,
        url: page.url,
        name: page.title,
        description: page.description,
        image: page.image,
        inLanguage: 'en',
        isPartOf,
        hasPart: stored.map((article) => newsArticleRef(article, page.site)),
      };
      return graph(collection);
    }
    case 'NewsArticle':
      return graph(newsArticle(schema.article, page));
    case 'Event': {
      const eventId = `${page.url}#event`;
      const startDate = whenDatetime(schema.meeting.when);
      const event: EventNode = {
        '@type': 'Event',
        '@id': eventId,
        name: schema.meeting.title,
        // The page's description, not the meeting's full paragraph again: the Article node already carries it.
        description: page.description,
        ...(startDate === undefined ? {} : { startDate }),
        eventStatus: 'https://schema.org/EventScheduled',
        eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
        location: {
          '@type': 'Place',
          name: schema.place,
          address: { '@type': 'PostalAddress', addressLocality: 'Washington, D.C.', addressCountry: 'US' },
        },
        // By reference: each person's description is on their own page's ProfilePage.
        attendee: schema.participants.map((person) => personReference(person, page.site)),
        url: page.url,
        image: page.image,
      };
      return graph(analysis('Article', { about: { '@id': eventId } }), event);
    }
    case 'Person': {
      const profile: ProfilePage = {
        '@type': 'ProfilePage',
        '@id': page.url,
        url: page.url,
        name: page.title,
        description: page.description,
        image: page.image,
        inLanguage: 'en',
        isPartOf,
        isBasedOn: basedOn,
        mainEntity: personNode(schema.person, page.site),
      };
      return graph(profile);
    }
  }
}

/**
 * The stored articles a page's content links to (its citations, or the list it shows), in the order
 * given: what the page is based on. Listing every stored article on every page would make each page
 * grow with the archive.
 */
export function linkedArticles<T extends { id: string }>(html: string, articles: readonly T[]): T[] {
  const linked = new Set<string>();
  // Each link into the articles, read off the HTML where it is (a regular expression matching every link of
  // the page made an object per link: 1 s of a 1,000-article build's pages at load 8). An href's value ends
  // at a quotation mark, the id at the first of "/", "#", "?" or the value's end.
  const opening = `href="${articlesUrl()}`;
  for (let at = html.indexOf(opening); at !== -1; at = html.indexOf(opening, at + opening.length)) {
    const start = at + opening.length;
    let end = start;
    while (end < html.length && !ID_ENDS.has(html.charCodeAt(end))) end += 1;
    linked.add(html.slice(start, end));
  }
  // By position in `articles` (looked up once per list, not scanned per page: at scale that was
  // pages × articles), so the order is the list's.
  let positions = articlePositions.get(articles);
  if (positions === undefined) {
    positions = new Map(articles.map((article, at) => [article.id, at]));
    articlePositions.set(articles, positions);
  }
  const found = positions;
  return [...linked]
    .flatMap((id) => (found.has(id) ? [found.get(id) as number] : []))
    .sort((a, b) => a - b)
    .map((at) => articles[at] as T);
}

/** Where an article's id in a link ends: '"', '#', '?', '/'. */
const ID_ENDS = new Set([34, 35, 63, 47]);

const articlePositions = new WeakMap<readonly { id: string }[], Map<string, number>>();

/** Serialises a graph for a `<script type="application/ld+json">`: "<" is escaped so no text can close the script. */
export function serializeJsonLd(graph: Graph): string {
  return JSON.stringify(graph).replace(/</g, '\\u003c');
}

/** A stored article as the analysis cites it: enough to identify it without its page. */
function newsArticleRef(article: StoredArticle, site: string): NewsArticle {
  const url = absoluteUrl(articleUrl(article.id), site);
  return {
    '@type': 'NewsArticle',
    '@id': url,
    url,
    headline: article.data.title,
    datePublished: publishedDatetime(article.data.published),
    publisher: { '@type': 'NewsMediaOrganization', name: article.outlet.name },
  };
}

function newsArticle(article: StoredArticle, page: PageInfo): NewsArticle {
  const { byline, standfirst } = article.data;
  return {
    ...newsArticleRef(article, page.site),
    ...(standfirst === undefined ? {} : { description: standfirst }),
    ...(byline.authors.length === 0
      ? {}
      : {
          author: byline.authors.map((author): PersonNode => ({
            '@type': 'Person',
            name: author.name,
            ...(author.role ? { jobTitle: author.role } : {}),
          })),
        }),
    ...(byline.contributors.length === 0
      ? {}
      : {
          contributor: byline.contributors.map((contributor): PersonNode => ({
            '@type': 'Person',
            name: contributor.name,
            ...(contributor.role ? { jobTitle: contributor.role } : {}),
            description: `${contributor.contribution}${contributor.location ? ` from ${contributor.location}` : ''}`,
          })),
        }),
    image: page.image,
    inLanguage: 'en',
    isAccessibleForFree: true,
  };
}

/** A person named by id, url and name, described on their own page. */
function personReference(person: Person, site: string): PersonNode | Organization {
  const url = absoluteUrl(personUrl(person.id), site);
  const base = { '@id': `${url}#${person.kind}`, url, name: person.name };
  return person.kind === 'organisation' ? { '@type': 'Organization', ...base } : { '@type': 'Person', ...base };
}

function personNode(person: Person, site: string): PersonNode | Organization {
  const url = absoluteUrl(personUrl(person.id), site);
  const base = { '@id': `${url}#${person.kind}`, url, name: person.name, description: person.role };
  return person.kind === 'organisation' ? { '@type': 'Organization', ...base } : { '@type': 'Person', ...base };
}
