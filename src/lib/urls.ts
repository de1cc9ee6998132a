/**
 * Every address on the site is built here: pages, fragments, citations, feeds and plugins call these
 * functions, so an address changes in one place. Paths end in "/" (directory-style output).
 */

/** The home page. */
export const homeUrl = (): string => '/';
/** The list of stored articles. */
export const articlesUrl = (): string => '/articles/';
/** One stored article. */
export const articleUrl = (articleId: string): string => `/articles/${articleId}/`;
/** The meeting page. */
export const meetingUrl = (): string => '/meeting/';
/** The timeline of tensions. */
export const timelineUrl = (): string => '/timeline/';
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
/** One quotation. */
export const quotationUrl = (quotationId: string): string => `/quotations/${quotationId}/`;
/** One event's own page. */
export const eventUrl = (eventId: string): string => `/events/${eventId}/`;
/** The comparison of the sources. */
export const sourcesUrl = (): string => '/sources/';
/** One point of the comparison, on its own page. */
export const comparisonUrl = (comparisonId: string): string => `/sources/${comparisonId}/`;

/** `url` with a fragment pointing at `id` on that page. */
export const withFragment = (url: string, id: string): string => `${url}#${id}`;

/** The fragment id, on an article page, of the list of what cites block `blockId`. */
export const citedById = (blockId: string): string => `cited-by-${blockId}`;

/** An event's place in the timeline. */
export const timelineEntryUrl = (eventId: string): string => withFragment(timelineUrl(), eventId);

/** Encodes text for a text fragment directive (`:~:text=`), escaping the characters it reserves. */
export function encodeTextFragment(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
}

/**
 * The address of a cited paragraph, with a text fragment for the cited words when given: browsers that
 * support text fragments highlight the words; others land on the paragraph id.
 */
export function paragraphUrl(articleId: string, paragraphId: string, words?: string): string {
  const base = withFragment(articleUrl(articleId), paragraphId);
  return words === undefined ? base : `${base}:~:text=${encodeTextFragment(words)}`;
}

/** Absolute form of a site path, for canonical URLs, feeds and the clipboard. */
export function absoluteUrl(path: string, site: URL | string): string {
  return new URL(path, site).href;
}
