/** The marker that gives a Markdown block its stable id: ` {#some-id}` at the end of the block. */
const TRAILING_ID = /[ \t]*\{#([^}\s]*)\}$/;

/** Pattern every block id must match: lowercase kebab-case. */
export const BLOCK_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Splits a trailing ` {#id}` off `text`; `id` is undefined when there is none. */
export function splitTrailingId(text: string): { text: string; id: string | undefined } {
  const match = TRAILING_ID.exec(text);
  if (!match) return { text, id: undefined };
  return { text: text.slice(0, match.index), id: match[1] };
}
