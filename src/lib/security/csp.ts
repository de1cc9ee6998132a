import { createHash } from 'node:crypto';
import { THEME_BOOT_SCRIPT } from '../reading/theme.ts';
import { scanHtml } from './html-scan.ts';

/** Directives whose hash sources are narrowed to the page's own inline elements, and the element each covers. */
const HASHED = { 'script-src': 'script', 'style-src': 'style' } as const;
const META = /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/i;
const HASH_SOURCE = /^'(sha256|sha384|sha512)-[A-Za-z0-9+/=]+'$/;

/**
 * Hashes kept at most. The same few inline styles and scripts recur on thousands of pages, so each text is
 * hashed once; but every page's structured data is an inline script of its own, and keeping them all (each
 * a slice that keeps its whole page's text alive) ran a CSP worker out of memory at 3,000 articles. The
 * cache is emptied when full: the recurring texts are back in it after a page or two.
 */
export const HASH_CACHE_LIMIT = 256;
const hashes = new Map<string, string>();
function hashSource(algorithm: string, text: string): string {
  const key = `${algorithm}\n${text}`;
  let source = hashes.get(key);
  if (source === undefined) {
    source = `'${algorithm}-${createHash(algorithm).update(text).digest('base64')}'`;
    if (hashes.size >= HASH_CACHE_LIMIT) hashes.clear();
    hashes.set(key, source);
  }
  return source;
}

/** How many hashes are cached now (tests hold it to HASH_CACHE_LIMIT however many pages are narrowed). */
export const cachedHashCount = (): number => hashes.size;

/**
 * Narrows the Content-Security-Policy <meta> of one built page to the hashes of that page's own
 * inline scripts and styles. Astro lists on every page the hashes of every inline style, stylesheet
 * and client script of the whole site (about 1 KB that does not compress); each page needs only its
 * own. Only hashes already in the policy are kept, so the result never allows more than Astro did.
 * Returns the HTML unchanged when it has no such <meta>.
 */
export function narrowPolicyToPage(html: string): string {
  const match = META.exec(html);
  if (!match) return html;
  const { scripts, styles } = scanHtml(html);
  const code = { script: scripts, style: styles };
  const directives = (match[2] ?? '')
    .split(';')
    .map((directive) => directive.trim())
    .filter(Boolean)
    .map((directive) => {
      const [name = '', ...sources] = directive.split(/\s+/);
      const tag = HASHED[name as keyof typeof HASHED];
      if (!tag) return directive;
      const listed = new Set(sources.filter((source) => HASH_SOURCE.test(source)));
      const algorithms = new Set([...listed].map((source) => source.slice(1, source.indexOf('-'))));
      const needed = code[tag].flatMap((text) =>
        [...algorithms].map((algorithm) => hashSource(algorithm, text)).filter((source) => listed.has(source)),
      );
      return [name, ...sources.filter((source) => !HASH_SOURCE.test(source)), ...new Set(needed)].join(' ');
    });
  return placePolicyFirst(html.replace(META, `$1${directives.join('; ')}$3`));
}

const CHARSET = /<meta charset="[^"]*"\s*\/?>/i;
const WHOLE_META = /<meta http-equiv="content-security-policy" content="[^"]*"\s*\/?>/i;

/**
 * Moves the Content-Security-Policy <meta> to the top of <head>, right after <meta charset>. Astro
 * writes it where it injects styles, after the layout's own head elements; a policy governs only what
 * follows it, and the theme's boot script (src/lib/reading/theme.ts) must come first in <head> to run before
 * the first paint. Returns the HTML unchanged when there is no policy or no charset declaration.
 */
export function placePolicyFirst(html: string): string {
  const charset = CHARSET.exec(html);
  const meta = WHOLE_META.exec(html);
  if (!charset || !meta || meta.index < charset.index) return html;
  const without = html.slice(0, meta.index) + html.slice(meta.index + meta[0].length);
  const at = charset.index + charset[0].length;
  return without.slice(0, at) + meta[0] + without.slice(at);
}

/** The CSP hash source of an inline script or style's text, as `sha256-…` (without quotes, as Astro takes it). */
export function sha256Source(text: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(text).digest('base64')}`;
}

/** The CSP hash of the theme's inline boot script, computed once (every page's policy allows it). */
export const THEME_BOOT_HASH = sha256Source(THEME_BOOT_SCRIPT);
