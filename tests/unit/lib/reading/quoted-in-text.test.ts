import { describe, expect, it } from 'vitest';
import { markSlips, nestQuotes, splitQuoted } from '../../../../src/lib/reading/quoted-in-text.ts';

describe('splitQuoted', () => {
  it('marks the words a sentence quotes in full, once', () => {
    const { pieces, marked } = splitQuoted('Petro called the meeting very positive, with a constructive tone.', [
      { id: 'positive', text: 'very positive' },
      { id: 'tone', text: 'constructive tone' },
      { id: 'elsewhere', text: 'not in the sentence' },
    ]);
    expect(pieces).toEqual([
      { text: 'Petro called the meeting ' },
      { text: 'very positive', quotation: 'positive' },
      { text: ', with a ' },
      { text: 'constructive tone', quotation: 'tone' },
      { text: '.' },
    ]);
    expect([...marked]).toEqual(['positive', 'tone']);
  });

  it('leaves a quotation that overlaps one already marked to its block', () => {
    const { marked } = splitQuoted('They were working on sanctions.', [
      { id: 'short', text: 'working on' },
      { id: 'long', text: 'working on sanctions' },
    ]);
    expect([...marked]).toEqual(['long']);
  });

  it('keeps a sentence that quotes nothing whole', () => {
    expect(splitQuoted('Nothing quoted.', [{ id: 'q', text: 'Dubai, Madrid, and Miami' }]).pieces).toEqual([
      { text: 'Nothing quoted.' },
    ]);
  });
});

describe('markSlips', () => {
  it('marks each slip of the paragraph as a whole word', () => {
    expect(markSlips('not rational in this particar case, particar or particular', ['particar'])).toEqual([
      { text: 'not rational in this ', slip: false },
      { text: 'particar', slip: true },
      { text: ' case, ', slip: false },
      { text: 'particar', slip: true },
      { text: ' or particular', slip: false },
    ]);
  });

  it('keeps words without slips whole', () => {
    expect(markSlips('particular case', ['particar'])).toEqual([{ text: 'particular case', slip: false }]);
    expect(markSlips('any words', [])).toEqual([{ text: 'any words', slip: false }]);
  });
});

describe('nestQuotes', () => {
  it('turns the double quotation marks printed inside quoted words into single ones, the words unchanged', () => {
    expect(nestQuotes('Trump said they were “working on” counter-narcotics cooperation.')).toBe(
      'Trump said they were ‘working on’ counter-narcotics cooperation.',
    );
  });
  it('leaves words without double marks, apostrophes included, as they are', () => {
    expect(nestQuotes('Come get me. I’m waiting for you here')).toBe('Come get me. I’m waiting for you here');
  });
});
