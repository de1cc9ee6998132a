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
  /** The visible text: ¶, or ¶ and the paragraph's number ("¶3") on a stored article's numbered blocks. */
  text: string;
}

/** Class of every "link to this" control. */
export const LINK_TO_THIS_CLASS = 'link-to-this';

/**
 * The control for the block with id `id`; `what` names the block for assistive technology ("paragraph 3").
 * `number`, on an article's numbered paragraphs and pull quotes, is shown after the ¶: the number that
 * citations give ("LA Times ¶3"), so a reader can find the cited paragraph by eye. `home`, for an entry shown
 * here whose address is on another page (a quotation on the quotations pages lives on its speaker's page),
 * is that address: the control links and copies it instead of the fragment.
 */
export function linkToThis(id: string, what: string, options: { number?: number | undefined; home?: string | undefined } = {}): LinkToThis {
  const { number, home } = options;
  return {
    className: LINK_TO_THIS_CLASS,
    href: home ?? fragmentHref(id),
    ariaLabel: `Link to ${what}`,
    text: number === undefined ? '¶' : `¶${number}`,
  };
}
