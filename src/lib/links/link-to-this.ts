import { fragmentHref } from './urls.ts';

/**
 * The "link to this" control every linkable block carries, described once so that the Astro component
 * (src/components/site/LinkToThis.astro) and the Markdown plugin (src/markdown/rehype-block-links.ts)
 * render the same markup: a plain link to the block's fragment, which src/client/lasting-links.ts
 * enhances into "copy the absolute canonical address" (and the share sheet on touch devices).
 */
export interface LinkToThis {
  /** Class the script and styles look for. */
  className: string;
  /** The same-page link to the block. */
  href: string;
  /** Accessible name, e.g. "Link to paragraph 3". */
  ariaLabel: string;
  /** The visible symbol. */
  text: string;
}

/** Class of every "link to this" control. */
export const LINK_TO_THIS_CLASS = 'link-to-this';

/** The control for the block with id `id`; `what` names the block for assistive technology ("paragraph 3"). */
export function linkToThis(id: string, what: string): LinkToThis {
  return { className: LINK_TO_THIS_CLASS, href: fragmentHref(id), ariaLabel: `Link to ${what}`, text: '¶' };
}
