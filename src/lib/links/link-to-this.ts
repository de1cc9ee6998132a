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
  /** The link to the block: its fragment on this page, or its address in its home when the block is a copy of an entry that lives elsewhere. */
  href: string;
  /** Accessible name, e.g. "Link to paragraph 3". */
  ariaLabel: string;
  /** The visible symbol. */
  text: string;
}

/** Class of every "link to this" control. */
export const LINK_TO_THIS_CLASS = 'link-to-this';

/**
 * The control for the block with id `id`; `what` names the block for assistive technology ("paragraph 3").
 * `home`, for an entry shown here whose address is on another page (a quotation on the quotations pages
 * lives on its speaker's page), is that address: the control links and copies it instead of the fragment.
 */
export function linkToThis(id: string, what: string, home?: string): LinkToThis {
  return { className: LINK_TO_THIS_CLASS, href: home ?? fragmentHref(id), ariaLabel: `Link to ${what}`, text: '¶' };
}
