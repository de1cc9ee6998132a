/**
 * Every address on the site is built here: pages, fragments, citations, feeds, previews and plugins
 * call these functions, so an address changes in one place. Paths end in "/" (directory-style output).
 * Fragment ids are content ids (set once in content/) or the fixed ids below; none is derived from
 * display text. Published addresses are recorded in content/addresses/published.json (see README).
 */

import { onlyInArticle, relationOf, type RelationInput } from '../analysis/comparison-relation.ts';

/** The home page. */
export const homeUrl = (): string => '/';
/** The list of stored articles. */
export const articlesUrl = (): string => '/articles/';
/**
 * Page `number` of the articles, counted from the oldest (`/articles/page/1/`…): the articles' entries live there,
 * 40 a page, so a new article joins the last page and the earlier pages keep their bytes.
 */
export const articlesPageUrl = (number: number): string => `${articlesUrl()}${INDEX_PAGE_SEGMENT}/${number}/`;
/** One stored article. */
export const articleUrl = (articleId: string): string => `/articles/${articleId}/`;
/** What cites one stored article, paragraph by paragraph (the article links each cited paragraph there). */
export const articleCitedByUrl = (articleId: string): string => `/articles/${articleId}/cited-by/`;
/** The meeting page. */
export const meetingUrl = (): string => '/meeting/';
/** The timeline of tensions: an overview (the chart, and every event linking to its part). */
export const timelineUrl = (): string => '/timeline/';
/** One part of the timeline, a run of years ("2026", "2022-2025"; see lib/analysis/timeline-parts.ts). */
export const timelinePartUrl = (partId: string): string => `/timeline/${partId}/`;
/** The index of issues. */
export const issuesUrl = (): string => '/issues/';
/** One issue. */
export const issueUrl = (issueId: string): string => `/issues/${issueId}/`;
/** The index of people. */
export const peopleUrl = (): string => '/people/';
/** One person or organisation. */
export const personUrl = (personId: string): string => `/people/${personId}/`;
/** The index of quotations. */
export const quotationsUrl = (): string => '/quotations/';
/** The comparison of the sources. */
export const sourcesUrl = (): string => '/sources/';
/** The corrections and updates log. */
export const correctionsUrl = (): string => '/corrections/';
/** One entry of the log in full (why, the sources' words, before and after), on its own page. */
export const correctionUrl = (correctionId: string): string => `/corrections/${correctionId}/`;
/**
 * Page `number` of the log, counted from its oldest page (lib/links/log-pages.ts): the home of its entries.
 * /corrections/ itself is the log's first page for a reader: what it is, its pages by date, the latest changes.
 */
export const correctionsPageUrl = (number: number): string => `${correctionsUrl()}${INDEX_PAGE_SEGMENT}/${number}/`;

/** The site search (needs JavaScript; says so without it). */
export const searchUrl = (): string => '/search/';
/**
 * Every page's own ids with the pages that have them (src/integrations/fragment-map.ts): read only by the note on a
 * fragment that names nothing on its page, to link the page where it is.
 */
export const fragmentMapUrl = (): string => '/fragment-map.json';
/** The module that writes that note (src/client/fragment-note.ts), loaded only when a fragment names nothing. */
export const fragmentNoteModuleUrl = (): string => '/fragment-note.js';
/** The search page with a query filled in, as the header's search form submits it. */
export const searchQueryUrl = (query: string): string => `${searchUrl()}?q=${encodeURIComponent(query)}`;
/** The name of the query parameter of the search page. */
export const SEARCH_QUERY_PARAM = 'q';
/** The folder of the built site that holds the search index (Pagefind's bundle), without slashes. */
export const SEARCH_BUNDLE_DIR = 'pagefind';
/** The Pagefind module the search page loads. */
export const searchBundleUrl = (): string => `/${SEARCH_BUNDLE_DIR}/pagefind.js`;
/** The RSS feed of the articles and the analysis. */
export const feedUrl = (): string => '/rss.xml';
/** The sitemap index @astrojs/sitemap writes. */
export const sitemapUrl = (): string => '/sitemap-index.xml';
/** The web app manifest. */
export const manifestUrl = (): string => '/manifest.webmanifest';
/** The print stylesheet (linked with media="print"; it carries the site's origin for printed citations). */
export const printStylesheetUrl = (): string => '/print.css';
/** The page served for addresses that do not exist (static hosts serve /404.html). */
export const notFoundUrl = (): string => '/404.html';

/** The path segment under an index that holds its further pages (/quotations/page/2/); no id may take it. */
export const INDEX_PAGE_SEGMENT = 'page';
/** Page `number` of the index at `indexUrl`: the index itself for page 1, `<index>page/<n>/` after it. */
export const indexPageUrl = (indexUrl: string, number: number): string =>
  number <= 1 ? indexUrl : `${indexUrl}${INDEX_PAGE_SEGMENT}/${number}/`;

/** `url` with a fragment pointing at `id` on that page. */
export const withFragment = (url: string, id: string): string => `${url}#${id}`;

/** A same-page link to the element with id `id`. */
export const fragmentHref = (id: string): string => `#${id}`;

/**
 * The fixed fragment ids of the parts pages are made of, by page. Written once here and published:
 * renaming one breaks links, so the address guard refuses it unless content/addresses/aliases.yaml
 * keeps the old id working.
 */
export const sectionIds = {
  home: { why: 'why', explore: 'explore', latest: 'latest', articles: 'articles' },
  article: {
    citedBy: 'cited-by-heading',
    about: 'about-this-text',
    headline: 'headline',
    standfirst: 'standfirst',
    dateLine: 'date-line',
  },
  event: { quotations: 'quotations-heading' },
  issue: {
    summary: 'summary',
    positions: 'positions',
    events: 'events',
    unresolved: 'unresolved',
    quotations: 'quotations',
    sources: 'sources',
    people: 'people',
  },
  person: { quotations: 'quotations', events: 'events', issues: 'issues' },
  meeting: { facts: 'facts' },
  timeline: { chart: 'chart', parts: 'parts' },
  sources: { outlets: 'the-sources' },
  correction: { sources: 'sources-words', changes: 'before-and-after' },
  corrections: { byDate: 'log-by-date', latest: 'latest-changes', otherDates: 'other-dates' },
  articles: { latest: 'latest-articles', byDate: 'articles-by-date', otherDates: 'other-dates' },
  search: { browse: 'browse' },
} as const;

/** The id of the page's main region (the skip link's target). */
export const mainId = 'main';

/**
 * The fragment id of the list of what cites block `blockId`, on the article's cited-by page; on the article it
 * is the paragraph's "Cited by" link there (a moved-entry link: published `#cited-by-…` addresses of the
 * article follow it).
 */
export const citedById = (blockId: string): string => `cited-by-${blockId}`;

/** The fragment id, on the home page, of the card for one part of the site (`key` is fixed in code). */
export const homeCardId = (key: string): string => `go-${key}`;

/**
 * The fragment id, on a page of the corrections log, of the changes published on one day ("changes-2026-12-07"),
 * or of a further part of a day cut into parts ("changes-2026-12-07-2").
 */
export const logDayId = (date: string, part = 1): string => `changes-${date}${part > 1 ? `-${part}` : ''}`;

/** The fragment id, on a part of the timeline, of the heading its events are filed under ("filed-2026-02-03", "filed-before-2026-02-03"). */
export const filingId = (key: string): string => `filed-${key}`;

/** The fragment id, on the timeline overview, of one part's list of events. */
export const timelinePartId = (partId: string): string => `part-${partId}`;

/** The fragment id, on the people index, of one side's group. */
export const sideId = (side: string): string => `side-${side}`;

/** The fragment id, on the quotations pages, of the link to one speaker's quotations (once the id of their group there). */
export const speakerId = (personId: string): string => `speaker-${personId}`;

/** The fragment id, on an issue page, of one side's position. */
export const positionId = (personId: string): string => `position-${personId}`;

/** The fragment id, on the sources page, of one outlet's card. */
export const sourceCardId = (articleId: string): string => `source-${articleId}`;

/** The fragment id, on the sources page, of one group of points ("differ", "all", "some", "only-one"). */
export const agreementGroupId = (agreement: string): string => `group-${agreement}`;

/** The fragment id of an item (event, issue, person, quotation, comparison point, article) in its list. */
export const entryId = (itemId: string): string => itemId;

/** An event's place in the timeline: its entry on the part of the timeline that lists it. */
export const timelineEntryUrl = (partId: string, eventId: string): string =>
  withFragment(timelinePartUrl(partId), entryId(eventId));
/** An issue's place in the index of issues. */
export const issueEntryUrl = (issueId: string, page = 1): string =>
  withFragment(indexPageUrl(issuesUrl(), page), entryId(issueId));
/** A person's place in the index of people. */
export const personEntryUrl = (personId: string, page = 1): string =>
  withFragment(indexPageUrl(peopleUrl(), page), entryId(personId));
/**
 * A quotation's address: its entry on its speaker's page, page `page` of it for a much-quoted speaker (see
 * docs/lasting-links.md, "Homes"). The quotations pages list it too, in time order, as an entry whose "link
 * to this" gives this address.
 */
export const quotationHomeUrl = (speakerId: string, quotationId: string, page = 1): string =>
  withFragment(indexPageUrl(personUrl(speakerId), page), entryId(quotationId));
/** The points only one article reports, on a page per article (the comparison is split to keep pages light). */
export const sourcesOnlyInUrl = (articleId: string): string => `/sources/only/${articleId}/`;
/** The path segment under /sources/ that no comparison id may take. */
export const SOURCES_RESERVED_SEGMENT = 'only';
/**
 * A comparison point's place in the comparison: a point only one article reports (of those it is
 * compared with, `comparedArticles`) is listed on that article's page, every other point on /sources/,
 * on page `page` of it.
 */
export function comparisonEntryUrl(
  comparison: RelationInput & { id: string },
  comparedArticles: readonly string[],
  page = 1,
): string {
  const only = onlyInArticle(relationOf(comparison, comparedArticles));
  return withFragment(
    only === undefined ? indexPageUrl(sourcesUrl(), page) : sourcesOnlyInUrl(only),
    entryId(comparison.id),
  );
}
/**
 * Items live in homes: an event, a quotation or a comparison point has no page of its own but an entry
 * on the pages that list it (its home). Each kind's home is a family of pages: the guard
 * (src/integrations/address-guard.ts) finds an entry on them by its id, so that the page the item had
 * in the first edition (`itemOf` names it) redirects to the entry, and an entry that moves from one page of
 * its home to another (a home split by the page budget, an entry placed earlier in time order) keeps
 * its published fragment without a hand edit. Families without `itemOf` are indexes split into pages.
 */
export interface HomeFamily {
  /** What it holds, for messages ("events", "the quotations pages"). */
  name: string;
  /** Whether the page at `path` is one of this home's pages. */
  isHome(path: string): boolean;
  /** The item id of a page the kind's items had of their own (`/events/<id>/`), or undefined for other paths. */
  itemOf?(path: string): string | undefined;
}

// Built inside the functions, not at load: the browser's script imports this module for a constant, and
// patterns built at load would be bundled into every page's script.
const notReserved = (): string => `(?!${INDEX_PAGE_SEGMENT}/|${SOURCES_RESERVED_SEGMENT}/)`;
const indexPage = (section: string, path: string): boolean =>
  new RegExp(`^/${section}/(?:${INDEX_PAGE_SEGMENT}/\\d+/)?$`).test(path);

/** Every home and the pages of the first edition that redirect to its entries. */
export const HOME_FAMILIES: readonly HomeFamily[] = [
  {
    name: 'the timeline parts (events)',
    isHome: (path) => /^\/timeline\/[^/]+\/$/.test(path),
    itemOf: (path) => /^\/events\/([^/]+)\/$/.exec(path)?.[1],
  },
  {
    name: "the speakers' pages (quotations)",
    isHome: (path) => new RegExp(`^/people/${notReserved()}[^/]+/(?:${INDEX_PAGE_SEGMENT}/\\d+/)?$`).test(path),
    itemOf: (path) => new RegExp(`^/quotations/${notReserved()}([^/]+)/$`).exec(path)?.[1],
  },
  {
    name: 'the comparison pages (comparison points)',
    isHome: (path) =>
      indexPage('sources', path) || new RegExp(`^/sources/${SOURCES_RESERVED_SEGMENT}/[^/]+/$`).test(path),
    itemOf: (path) => new RegExp(`^/sources/${notReserved()}([^/]+)/$`).exec(path)?.[1],
  },
  { name: 'the quotations pages', isHome: (path) => indexPage('quotations', path) },
  { name: 'the people index', isHome: (path) => indexPage('people', path) },
  { name: 'the issues index', isHome: (path) => indexPage('issues', path) },
  { name: 'the articles index', isHome: (path) => indexPage('articles', path) },
  { name: 'the corrections log', isHome: (path) => indexPage('corrections', path) },
];

/** A line of the meeting page. */
export const meetingLineUrl = (lineId: string): string => withFragment(meetingUrl(), lineId);

/** Encodes text for a text fragment directive (`:~:text=`), escaping the characters it reserves. */
export function encodeTextFragment(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
}

/** Passages longer than this many words are given by their first and last words (`text=start,end`). */
export const TEXT_RANGE_WORDS = 6;
/** Words at each end of a long passage's range, at least: enough to find the passage in its paragraph. */
const RANGE_END_WORDS = 3;

/**
 * Whether words (lowercased) occur in the lowercased text of the article page ahead of a passage: what
 * textDirective asks of that text, for a caller that can answer without writing the text out for every passage
 * (the site index, which keeps each article's text once: lib/analysis/site-index.ts).
 */
export type OccursAhead = (lowercased: string) => boolean;

const occursIn =
  (ahead: string): OccursAhead =>
  (lowercased) =>
    ahead.includes(lowercased);

/**
 * A `text=` directive's value: the passage itself, or for a long one its first and last words as a range
 * (`textStart,textEnd`), which browsers highlight the same way, at a fraction of the weight of the whole
 * passage encoded on every citation (the page budget). A browser looks for the first words from the top of
 * the page, then for the last words after them (case aside): `before` is the text of the article page ahead
 * of the passage (its headline, standfirst, earlier paragraphs and the start of its own), or a test of whether
 * words occur in it (OccursAhead), and the first words grow until they do not occur in it, the last words until
 * they first occur at the passage's end. Where no shorter range is certain, the whole passage.
 */
export function textDirective(passage: string, before: string | OccursAhead = ''): string {
  const words = passage.trim().split(/\s+/);
  const whole = encodeTextFragment(passage);
  if (words.length <= TEXT_RANGE_WORDS) return whole;
  const occursAhead = typeof before === 'string' ? occursIn(before.toLowerCase()) : before;
  const text = words.join(' ').toLowerCase();
  for (let first = RANGE_END_WORDS; first + RANGE_END_WORDS < words.length; first += 1) {
    const start = words.slice(0, first).join(' ');
    if (occursAhead(start.toLowerCase())) continue;
    for (let last = RANGE_END_WORDS; first + last < words.length; last += 1) {
      const end = words.slice(-last).join(' ');
      if (text.indexOf(end.toLowerCase(), start.length) === text.length - end.length)
        return `${encodeTextFragment(start)},${encodeTextFragment(end)}`;
    }
    return whole;
  }
  return whole;
}

/**
 * The address of a cited paragraph, with a text fragment for the cited words when given (one `text=`
 * directive per passage, when one statement cites several passages of the paragraph): browsers that support
 * text fragments highlight the words; others land on the paragraph id. `textBefore` gives, for a passage, the
 * article page's text ahead of it (or a test of what occurs in it), so that a long passage can be given as a
 * range (see textDirective).
 */
export function paragraphUrl(
  articleId: string,
  paragraphId: string,
  words?: string | readonly string[],
  textBefore: (passage: string) => string | OccursAhead = () => '',
): string {
  const base = withFragment(articleUrl(articleId), paragraphId);
  const passages = words === undefined ? [] : typeof words === 'string' ? [words] : words;
  return passages.length === 0
    ? base
    : `${base}:~:${passages.map((passage) => `text=${textDirective(passage, textBefore(passage))}`).join('&')}`;
}

/** The preview (Open Graph) image of the page at `pagePath`: /og/index.png for "/", /og/a/b.png for "/a/b/". */
export function ogImageUrl(pagePath: string): string {
  const trimmed = pagePath.replace(/^\/+|\/+$/g, '');
  return `/og/${trimmed === '' ? 'index' : trimmed}.png`;
}

/**
 * The pages whose items share their section page's preview image: a person's or an issue's page, an
 * "only in" page of the comparison and a part of the timeline are shared with their own title and
 * description, which every platform prints with the card; the image only has to say which site and
 * section the link is from (a large archive has a thousand parts of the timeline).
 */
const SHARED_PREVIEW_SECTIONS: Readonly<Record<string, string>> = {
  timeline: timelineUrl(),
  quotations: quotationsUrl(),
  people: peopleUrl(),
  issues: issuesUrl(),
  sources: sourcesUrl(),
};

/**
 * The preview image a page points to: its own (`ogImageUrl(path)`) for the home page, the articles,
 * the meeting and every section page; its section page's image for the item pages under a section.
 */
export function previewImageUrl(pagePath: string): string {
  // Further pages of an index (/articles/page/2/) share the index's image too.
  const further = new RegExp(`^(/[a-z]+/)${INDEX_PAGE_SEGMENT}/\\d+/$`).exec(pagePath)?.[1];
  if (further !== undefined) return ogImageUrl(further);
  // What cites an article shares the article's image.
  const article = /^(\/articles\/[^/]+\/)cited-by\/$/.exec(pagePath)?.[1];
  if (article !== undefined) return ogImageUrl(article);
  const section = /^\/([a-z]+)\/[^/]/.exec(pagePath)?.[1];
  const shared = section === undefined ? undefined : SHARED_PREVIEW_SECTIONS[section];
  return ogImageUrl(shared ?? pagePath);
}

/** Absolute form of a site path, for canonical URLs, previews, structured data and the clipboard. */
export function absoluteUrl(path: string, site: URL | string): string {
  return new URL(path, site).href;
}
