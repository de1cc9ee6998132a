import { describe, expect, it } from 'vitest';
import { headerRules, headersFile, parseHeadersFile, patternMatches } from '../../../../src/lib/security/static-headers.ts';

describe('static-headers', () => {
  it('writes site-wide headers, and long caching for /_astro/ when the build has it', () => {
    const text = headersFile(headerRules(['_astro', 'articles']));
    expect(text).toContain("/*\n  Content-Security-Policy: frame-ancestors 'none'\n");
    expect(text).toContain('/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n');
    expect(headersFile(headerRules(['articles']))).not.toContain('/_astro/');
  });

  it('reads its own file back', () => {
    const rules = headerRules(['_astro']);
    expect(parseHeadersFile(headersFile(rules))).toEqual({ rules, problems: [] });
  });

  it('names the lines that are not well-formed', () => {
    expect(parseHeadersFile('  X-Frame-Options: DENY\n/*\nX-Frame-Options DENY\n/empty\n').problems).toEqual([
      'line 1: a header before any path pattern',
      'line 3: expected an indented "Name: value" header or a path starting with "/" ("X-Frame-Options DENY")',
      'path /*: no headers',
      'path /empty: no headers',
    ]);
  });

  it('matches paths by prefix for a trailing *, exactly otherwise', () => {
    expect(patternMatches('/_astro/*', '/_astro/a.1234abcd.css')).toBe(true);
    expect(patternMatches('/_astro/*', '/articles/')).toBe(false);
    expect(patternMatches('/404.html', '/404.html')).toBe(true);
  });
});
