/**
 * The `_headers` file the build writes at the root of `dist/`, read by static hosts such as Netlify and
 * Cloudflare Pages: the response headers that a `<meta>` Content-Security-Policy cannot carry. A path
 * pattern starts a rule at the start of a line; each header follows on its own line, indented, as
 * `Name: value`; every rule whose pattern matches a path applies, so `/*` sets the site-wide headers and
 * `/_astro/*` adds long caching to the assets whose names carry a hash of their content.
 */

/** The folder of Astro's hashed assets (their names change whenever their content does). */
export const HASHED_ASSETS_FOLDER = '_astro';

/** One rule: a path pattern and the headers it sets. */
export interface HeaderRule {
  /** A path, or a path ending in `*` (any rest). */
  path: string;
  /** Header names and values, in order. */
  headers: ReadonlyArray<readonly [string, string]>;
}

/** Headers for every response: what only a response header can say. */
export const SITE_WIDE_HEADERS: ReadonlyArray<readonly [string, string]> = [
  // frame-ancestors is ignored in a <meta> policy; the page's own policy stays in its <meta> (hashes per page).
  ['Content-Security-Policy', "frame-ancestors 'none'"],
  // For browsers that predate frame-ancestors.
  ['X-Frame-Options', 'DENY'],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
];

/** A year, never revalidated: a hashed asset's address changes when its content does. */
export const HASHED_ASSET_CACHE = 'public, max-age=31536000, immutable';

/** The rules for a site whose output holds these top-level folders. */
export function headerRules(topLevelFolders: readonly string[]): HeaderRule[] {
  const rules: HeaderRule[] = [{ path: '/*', headers: SITE_WIDE_HEADERS }];
  if (topLevelFolders.includes(HASHED_ASSETS_FOLDER)) {
    rules.push({ path: `/${HASHED_ASSETS_FOLDER}/*`, headers: [['Cache-Control', HASHED_ASSET_CACHE]] });
  }
  return rules;
}

/** The `_headers` file for these rules. */
export function headersFile(rules: readonly HeaderRule[]): string {
  const lines = [
    '# Response headers for static hosts that read a _headers file (Netlify, Cloudflare Pages).',
    '# Written by the build (src/lib/security/static-headers.ts); README, "Publish", says what each is for.',
  ];
  for (const rule of rules) {
    lines.push(rule.path, ...rule.headers.map(([name, value]) => `  ${name}: ${value}`));
  }
  return `${lines.join('\n')}\n`;
}

/** Reads a `_headers` file back into rules, or names the first line that is not well-formed. */
export function parseHeadersFile(text: string): { rules: HeaderRule[]; problems: string[] } {
  const rules: { path: string; headers: Array<readonly [string, string]> }[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((line, index) => {
    const where = `line ${index + 1}`;
    if (line.trim() === '' || line.startsWith('#')) return;
    if (line.startsWith('/')) {
      if (/\s/.test(line)) problems.push(`${where}: a path pattern has no spaces ("${line}")`);
      rules.push({ path: line, headers: [] });
      return;
    }
    const header = /^\s+([A-Za-z][A-Za-z0-9-]*):\s*(\S.*)$/.exec(line);
    const rule = rules.at(-1);
    if (!header) problems.push(`${where}: expected an indented "Name: value" header or a path starting with "/" ("${line}")`);
    else if (!rule) problems.push(`${where}: a header before any path pattern`);
    else rule.headers.push([header[1]!, header[2]!.trim()]);
  });
  for (const rule of rules) if (rule.headers.length === 0) problems.push(`path ${rule.path}: no headers`);
  return { rules, problems };
}

/** Whether `pattern` (a path, or one ending in `*`) matches the site path `path`. */
export function patternMatches(pattern: string, path: string): boolean {
  return pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern;
}
