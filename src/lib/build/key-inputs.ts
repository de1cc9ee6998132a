import { createHash } from 'node:crypto';

/**
 * What a page's cache key (src/data/page-keys.ts) was made of, written one JSON line a page when the
 * environment variable below names a file, so that `npm run bench:build` can say why a rebuild rendered a
 * page again (scripts/lib/bench/reuse.ts). Pure: the format, written and read in one place.
 */

/** The environment variable naming the file every page's key inputs are appended to. */
export const KEY_INPUTS_VARIABLE = 'PAGE_KEY_INPUTS';

/** One page's key inputs: its address and key, digests of its props and view, its date, its entries' lines. */
export interface KeyInputs {
  path: string;
  key: string;
  props: string;
  view: string;
  updated: string;
  /** The "collection/id digest" lines of what it shows, then the timeline order of its events and quotations. */
  entries: string[];
}

const digest = (text: string): string => createHash('sha1').update(text).digest('base64url').slice(0, 12);

/** The JSON line of one page's key inputs (`props` and `view` as page-keys.ts hashes them, digested here). */
export function keyInputsLine(inputs: Omit<KeyInputs, 'props' | 'view'> & { props: string; view: string }): string {
  return JSON.stringify({ ...inputs, props: digest(inputs.props), view: digest(inputs.view) });
}

/** Each page's key inputs in a file of such lines (the last line of a page wins). */
export function readKeyInputs(text: string): Map<string, KeyInputs> {
  const pages = new Map<string, KeyInputs>();
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const inputs = JSON.parse(line) as KeyInputs;
    pages.set(inputs.path, inputs);
  }
  return pages;
}
