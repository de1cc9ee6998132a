import {
  articlesUrl,
  homeUrl,
  issuesUrl,
  meetingUrl,
  peopleUrl,
  quotationsUrl,
  sourcesUrl,
  timelineUrl,
} from './urls.ts';

/** One link of the site-wide navigation. */
export interface NavItem {
  /** Link text. */
  label: string;
  /** Where it goes. */
  href: string;
}

/** One step of a breadcrumb trail; the last step (the current page) has no href. */
export interface Crumb {
  /** Text of the step. */
  label: string;
  /** Address of the step, absent for the current page. */
  href?: string;
}

/** The site-wide navigation, in reading order. */
export const siteNavigation: readonly NavItem[] = [
  { label: 'The meeting', href: meetingUrl() },
  { label: 'Timeline', href: timelineUrl() },
  { label: 'Issues', href: issuesUrl() },
  { label: 'People', href: peopleUrl() },
  { label: 'Quotations', href: quotationsUrl() },
  { label: 'Sources', href: sourcesUrl() },
  { label: 'Articles', href: articlesUrl() },
];

/** The name of the site. */
export const siteName = 'Trump and Petro at the White House';

/** A breadcrumb trail starting at the home page. */
export function crumbs(...steps: Crumb[]): Crumb[] {
  return [{ label: 'Home', href: homeUrl() }, ...steps];
}

/** True when `current` is `href` or a page below it (for marking the current section in the navigation). */
export function isCurrentSection(href: string, current: string): boolean {
  return href !== homeUrl() && current.startsWith(href);
}

/** The section of the site navigation the page at `path` is in (its own page or one below), if any. */
export function currentSection(path: string): NavItem | undefined {
  return siteNavigation.find((item) => isCurrentSection(item.href, path));
}
