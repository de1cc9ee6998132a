/** What a built page holds that the post-build checks read: its element ids and its inline code. */
export interface ScannedPage {
  /** The id of every element, in document order (repeats included). */
  ids: string[];
  /** The text of every inline <script> (one without src), in order. */
  scripts: string[];
  /** The text of every <style>, in order. */
  styles: string[];
}

// Elements whose content is text up to their end tag, never markup (HTML's raw text and RCDATA elements).
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes']);
const NAMED: Readonly<Record<string, string>> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: '\u00a0' };

const SLASH = 47;
const GT = 62;
const EQUALS = 61;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;

/** Where the end tag of raw-text element `name` starts (any letter case), or -1. */
function findEndTag(html: string, name: string, from: number): number {
  for (let at = html.indexOf('</', from); at !== -1; at = html.indexOf('</', at + 2)) {
    if (html.slice(at + 2, at + 2 + name.length).toLowerCase() === name) return at;
  }
  return -1;
}

const isLetter = (code: number): boolean => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
// HTML's whitespace: tab, line feed, form feed, carriage return, space.
const isSpace = (code: number): boolean => code === 32 || code === 10 || code === 9 || code === 12 || code === 13;

/** Decodes the character references an attribute value or a text can hold (numeric ones and the common names). */
export function decodeReferences(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return NAMED[name] ?? whole;
  });
}

/**
 * Reads the ids and the inline scripts and styles of a page in one pass over the text, without building
 * a tree: the post-build checks run over every page, and a full parse of each is most of their cost at
 * scale. It follows HTML's rules for what it reads: comments and the content of raw-text elements
 * (script, style, title, textarea…) are not markup, attribute values may be quoted either way or not at
 * all and may hold ">", and character references in values are decoded. For the pages this site builds
 * it gives what a full parse (hast-util-from-html) gives; tests/unit/lib/security/html-scan.test.ts holds it to that.
 */
export function scanHtml(html: string): ScannedPage {
  const page: ScannedPage = { ids: [], scripts: [], styles: [] };
  scanTags(html, (name, attributes, text) => {
    const id = attributes.get('id');
    if (id !== undefined && id !== '') page.ids.push(id);
    if (name === 'script' && text !== undefined && !attributes.has('src')) page.scripts.push(text);
    if (name === 'style' && text !== undefined) page.styles.push(text);
  });
  return page;
}

/** The attributes of every <meta> element, in order (read as scanHtml reads tags). */
export function listMetaTags(html: string): ReadonlyMap<string, string>[] {
  const metas: ReadonlyMap<string, string>[] = [];
  scanTags(html, (name, attributes) => {
    if (name === 'meta') metas.push(attributes);
  });
  return metas;
}

/**
 * Calls `onTag` for every start tag with its lowercase name, its attributes, for a raw-text element its
 * text, the offset of the tag's closing `>` where one more attribute may go (blocks with ids are never
 * self-closing `/>` on the pages this site builds), and the offset of its `<`.
 */
export function scanTags(
  html: string,
  onTag: (name: string, attributes: Map<string, string>, text: string | undefined, attributesEnd: number, start: number) => void,
): void {
  const { length } = html;
  let at = 0;
  while (at < html.length) {
    const open = html.indexOf('<', at);
    if (open === -1) break;
    if (html.startsWith('<!--', open)) {
      const close = html.indexOf('-->', open + 4);
      at = close === -1 ? html.length : close + 3;
      continue;
    }
    const next = html.charAt(open + 1);
    if (next === '/' || next === '!' || next === '?') {
      const close = html.indexOf('>', open);
      at = close === -1 ? html.length : close + 1;
      continue;
    }
    if (!isLetter(html.charCodeAt(open + 1))) {
      at = open + 1;
      continue;
    }
    let cursor = open + 1;
    while (
      cursor < length &&
      !isSpace(html.charCodeAt(cursor)) &&
      html.charCodeAt(cursor) !== SLASH &&
      html.charCodeAt(cursor) !== GT
    )
      cursor += 1;
    const name = html.slice(open + 1, cursor).toLowerCase();
    const attributes = new Map<string, string>();
    // Attributes: name, then optionally = and a value in double quotes, single quotes or none.
    for (;;) {
      while (cursor < length && (isSpace(html.charCodeAt(cursor)) || html.charCodeAt(cursor) === SLASH)) cursor += 1;
      if (cursor >= length || html.charCodeAt(cursor) === GT) break;
      const nameStart = cursor;
      cursor += 1;
      while (cursor < length) {
        const code = html.charCodeAt(cursor);
        if (isSpace(code) || code === SLASH || code === GT || code === EQUALS) break;
        cursor += 1;
      }
      const key = html.slice(nameStart, cursor).toLowerCase();
      let afterName = cursor;
      while (afterName < length && isSpace(html.charCodeAt(afterName))) afterName += 1;
      let value = '';
      if (html.charCodeAt(afterName) === EQUALS) {
        cursor = afterName + 1;
        while (cursor < length && isSpace(html.charCodeAt(cursor))) cursor += 1;
        const quote = html.charCodeAt(cursor);
        if (quote === DOUBLE_QUOTE || quote === SINGLE_QUOTE) {
          const close = html.indexOf(quote === DOUBLE_QUOTE ? '"' : "'", cursor + 1);
          const stop = close === -1 ? length : close;
          value = html.slice(cursor + 1, stop);
          cursor = stop + 1;
        } else {
          const valueStart = cursor;
          while (cursor < length && !isSpace(html.charCodeAt(cursor)) && html.charCodeAt(cursor) !== GT) cursor += 1;
          value = html.slice(valueStart, cursor);
        }
      }
      if (!attributes.has(key)) attributes.set(key, decodeReferences(value));
    }
    const attributesEnd = cursor;
    at = cursor + 1;
    if (RAW_TEXT.has(name)) {
      const close = findEndTag(html, name, at);
      onTag(name, attributes, html.slice(at, close === -1 ? html.length : close), attributesEnd, open);
      at = close === -1 ? html.length : close;
    } else onTag(name, attributes, undefined, attributesEnd, open);
  }
}
