import { describe, expect, it } from 'vitest';
import { absoluteUrl, articleUrl, encodeTextFragment, paragraphUrl, timelineEntryUrl } from '../../../../src/lib/links/urls.ts';

describe('urls', () => {
  it('builds directory-style page addresses', () => {
    expect(articleUrl('some-article')).toBe('/articles/some-article/');
    expect(timelineEntryUrl('2026', 'jan-7-call')).toBe('/timeline/2026/#jan-7-call');
  });

  it('links a citation to its paragraph, with a text fragment for the cited words', () => {
    expect(paragraphUrl('a', 'p')).toBe('/articles/a/#p');
    expect(paragraphUrl('a', 'p', 'Come get me. I’m waiting')).toBe('/articles/a/#p:~:text=Come%20get%20me.%20I%E2%80%99m%20waiting');
  });

  it('escapes the characters text fragments reserve', () => {
    expect(encodeTextFragment('two-hour, long & more')).toBe('two%2Dhour%2C%20long%20%26%20more');
  });

  it('makes absolute URLs from the configured site', () => {
    expect(absoluteUrl('/meeting/', 'https://example.org')).toBe('https://example.org/meeting/');
  });
});
