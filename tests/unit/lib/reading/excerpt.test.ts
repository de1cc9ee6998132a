import { describe, expect, it } from 'vitest';
import { excerpt } from '../../../../src/lib/reading/excerpt.ts';

describe('excerpt', () => {
  it('keeps a text within the limit whole', () => {
    expect(excerpt('It sounds good to me.', 40)).toBe('It sounds good to me.');
  });

  it('cuts at the end of a word, never inside one, and marks the cut', () => {
    const text = 'The United States sees itself as an empire, without regard for the rights of nations';
    expect(text.slice(0, 40)).toBe('The United States sees itself as an empi');
    expect(excerpt(text, 40)).toBe('The United States sees itself as an…');
    expect(excerpt(text, 42)).toBe('The United States sees itself as an…');
    // A word that ends exactly at the limit is whole; the comma after it is dropped before the mark.
    expect(excerpt(text, 43)).toBe('The United States sees itself as an empire…');
  });

  it('keeps a first word longer than the limit whole', () => {
    expect(excerpt('Counternarcotics cooperation', 5)).toBe('Counternarcotics…');
  });
});
