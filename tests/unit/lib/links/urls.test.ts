import { describe, expect, it } from 'vitest';
import {
  absoluteUrl,
  articleUrl,
  encodeTextFragment,
  paragraphUrl,
  timelineEntryUrl,
} from '../../../../src/lib/links/urls.ts';

describe('urls', () => {
  it('builds directory-style page addresses', () => {
    expect(articleUrl('some-article')).toBe('/articles/some-article/');
    expect(timelineEntryUrl('2026', 'jan-7-call')).toBe('/timeline/2026/#jan-7-call');
  });

  it('links a citation to its paragraph, with a text fragment for the cited words', () => {
    expect(paragraphUrl('a', 'p')).toBe('/articles/a/#p');
    expect(paragraphUrl('a', 'p', 'Come get me. I’m waiting')).toBe(
      '/articles/a/#p:~:text=Come%20get%20me.%20I%E2%80%99m%20waiting',
    );
  });

  it('gives a long passage by its first and last words, as a text range', () => {
    expect(paragraphUrl('a', 'p', 'one two three four five six seven eight')).toBe(
      '/articles/a/#p:~:text=one%20two%20three,six%20seven%20eight',
    );
    expect(paragraphUrl('a', 'p', 'one two-three, four five six seven eight nine ten')).toBe(
      '/articles/a/#p:~:text=one%20two%2Dthree%2C%20four,eight%20nine%20ten',
    );
  });

  it('starts a range with words that do not occur earlier on the article page, and ends it where the passage ends', () => {
    const passage = 'U.S. President Donald Trump and Colombian President Gustavo Petro met at the White House';
    // The standfirst opens with the same four words: the range starts with five.
    expect(paragraphUrl('a', 'p', passage, () => 'U.S. President Donald Trump hosted Petro.')).toBe(
      '/articles/a/#p:~:text=U.S.%20President%20Donald%20Trump%20and,the%20White%20House',
    );
    // Its last three and four words occur inside it too: the range ends with five, found first at its end.
    expect(paragraphUrl('a', 'p', 'one two three four the end of it five six the end of it', () => '')).toBe(
      '/articles/a/#p:~:text=one%20two%20three,six%20the%20end%20of%20it',
    );
    // Nothing shorter is certain: the whole passage.
    expect(
      paragraphUrl('a', 'p', 'one two three four five six seven eight nine', () => 'one two three four five six'),
    ).toBe('/articles/a/#p:~:text=one%20two%20three%20four%20five%20six%20seven%20eight%20nine');
  });

  it('escapes the characters text fragments reserve', () => {
    expect(encodeTextFragment('two-hour, long & more')).toBe('two%2Dhour%2C%20long%20%26%20more');
  });

  it('makes absolute URLs from the configured site', () => {
    expect(absoluteUrl('/meeting/', 'https://example.org')).toBe('https://example.org/meeting/');
  });
});
