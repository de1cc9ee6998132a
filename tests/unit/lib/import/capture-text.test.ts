import { describe, expect, it } from 'vitest';
import { captureLines, decodeCapture } from '../../../../src/lib/import/capture-text.ts';

describe('decodeCapture', () => {
  it('reads UTF-8 text, dropping a byte-order mark', () => {
    expect(decodeCapture('a.txt', new TextEncoder().encode('\uFEFFPetro’s visit\r\n'))).toBe('Petro’s visit\r\n');
  });

  it('refuses an empty file', () => {
    expect(() => decodeCapture('a.txt', new Uint8Array())).toThrow(
      "a.txt is empty: export the article's page as plain text and try again",
    );
  });

  it('refuses a file of blank lines', () => {
    expect(() => decodeCapture('a.txt', new TextEncoder().encode('\n  \n\t\n'))).toThrow(
      "a.txt holds only blank lines: export the article's page as plain text and try again",
    );
  });

  it('refuses a binary file', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]);
    expect(() => decodeCapture('a.png', png)).toThrow(
      'a.png is a binary file, not a plain-text capture (byte 0x1a at offset 6); save the page as text (.txt) and import that',
    );
  });

  it('refuses a file that is not UTF-8, naming the byte and its line', () => {
    const latin1 = new Uint8Array([
      ...new TextEncoder().encode('Title\n\nPetro'),
      0x92,
      ...new TextEncoder().encode('s visit\n'),
    ]);
    expect(() => decodeCapture('a.txt', latin1)).toThrow(
      'a.txt is not UTF-8 text (invalid byte 0x92 on line 3); convert it first, e.g. iconv -f windows-1252 -t utf-8 a.txt > capture.txt',
    );
  });
});

describe('captureLines', () => {
  it('keeps non-empty lines, trimmed, with their line numbers', () => {
    expect(captureLines('One \r\n\r\n  Two\n')).toEqual([
      { number: 1, text: 'One' },
      { number: 3, text: 'Two' },
    ]);
  });

  it('ends a line at a carriage return alone too (classic Mac OS), not only at LF and CRLF', () => {
    expect(captureLines('One\r\rTwo\rThree\r\nFour\n')).toEqual([
      { number: 1, text: 'One' },
      { number: 3, text: 'Two' },
      { number: 4, text: 'Three' },
      { number: 5, text: 'Four' },
    ]);
  });
});
