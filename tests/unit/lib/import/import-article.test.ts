import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../../src/lib/import/errors.ts';
import { importCapture, type ImportRequest } from '../../../../src/lib/import/import-article.ts';
import { captureBytes, furniture, outlets } from './helpers.ts';

const good = captureBytes(
  'A headline',
  'Feb. 3, 2026',
  'The first paragraph of the article text, long enough to count.',
  'The second.',
);
const request = (changes: Partial<ImportRequest>): ImportRequest => ({
  captureFile: 'capture.txt',
  captureName: 'capture.txt',
  bytes: good,
  slug: 'new-article',
  outlets,
  rules: furniture.rules,
  ...changes,
});
const refusal = (changes: Partial<ImportRequest>): string => {
  try {
    importCapture(request(changes));
  } catch (error) {
    if (error instanceof ImportError) return error.message;
    throw error;
  }
  throw new Error('the import was not refused');
};

describe('importCapture', () => {
  it('writes the article with its front matter and ids, and lists what the editor must fill in', () => {
    const result = importCapture(request({ outlet: 'clash-report' }));
    expect(result.article).toBe(`---
title: A headline
outlet: clash-report
published:
  date: 2026-02-03
  precision: day
  asPrinted: Feb. 3, 2026
capture:
  file: capture.txt
# Still to fill in (npm run check:content names each until it is there):
#   byline: { authors: [{ name, role }], contributors: [] }, or authors: [] with note: The page names no author.
#   capture.from: where the capture came from, in words (and capture.url, the page address, when it is known)
---

The first paragraph of the article text, long enough to count. {#first-paragraph-of-the-article}

The second. {#second}
`);
    expect(result.missing.map((missing) => missing.field)).toEqual(['byline', 'capture.from']);
    expect(result.record).toEqual({
      capture: 'capture.txt',
      article: 'new-article',
      lines: [
        { text: 'A headline', as: 'front-matter', field: 'title' },
        { text: 'Feb. 3, 2026', as: 'front-matter', field: 'published.asPrinted' },
      ],
    });
  });

  it('refuses an empty file', () => {
    expect(refusal({ bytes: new Uint8Array() })).toBe(
      "capture.txt is empty: export the article's page as plain text and try again",
    );
  });

  it('refuses a binary file', () => {
    expect(refusal({ bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04]) })).toMatch(
      /^capture\.txt is a binary file, not a plain-text capture \(byte 0x03 at offset 2\)/,
    );
  });

  it('refuses a file that is not UTF-8', () => {
    expect(refusal({ bytes: new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x0a]) })).toMatch(
      /^capture\.txt is not UTF-8 text \(invalid byte 0xe9 on line 1\)/,
    );
  });

  it('refuses a capture with no recognisable article body', () => {
    expect(refusal({ bytes: captureBytes('Advertisement', 'A headline', 'Share via', 'Print') })).toBe(
      "capture.txt has no recognisable article body: after the title and the 3 line(s) of page furniture, no line reads as a paragraph of text (8 words or more). Check that this is the article's text, or add its lines to content/captures/furniture.yaml if they are article text the rules drop",
    );
  });

  it('refuses an HTML page', () => {
    expect(
      refusal({ bytes: captureBytes('<html><body><p>The article text is in here, in HTML.</p></body></html>') }),
    ).toBe(
      'capture.txt is HTML, not a plain-text capture; open the page and save it as text (.txt), or copy its text into a .txt file',
    );
  });

  it('refuses a slug that is not a valid id', () => {
    expect(refusal({ slug: 'New Article' })).toBe(
      '--slug "New Article" is not a valid article id: expected lowercase kebab-case (letters a-z, digits, single hyphens), e.g. reuters-petro-visit',
    );
  });

  it('refuses an unknown outlet', () => {
    expect(refusal({ outlet: 'reuters' })).toBe(
      'unknown outlet "reuters": content/outlets/ has clash-report, los-angeles-times; add the outlet to content/outlets/outlets.yaml first, or leave --outlet out',
    );
  });

  it('imports 20,000 identical paragraphs in time linear in their number', () => {
    const timed = (count: number): number => {
      const bytes = captureBytes(
        'A headline',
        'Feb. 3, 2026',
        ...Array.from({ length: count }, () => 'Same words go here, and here, and here.'),
      );
      const started = performance.now();
      const result = importCapture(request({ bytes }));
      expect(result.blocks).toHaveLength(count);
      expect(result.blocks.at(-1)?.id).toBe(`same-words-go-here-and-${count}`);
      return performance.now() - started;
    };
    timed(2_000); // warm up
    const small = timed(2_000);
    const large = timed(20_000);
    // About 1 s for 20,000 on an idle machine. Ten times the paragraphs take about ten times as long;
    // quadratic suffixing took a hundred times as long (38 s for 20,000). A ratio holds on a busy machine.
    expect(large / small).toBeLessThan(30);
  }, 120_000);

  it('says which capture line would not read back word for word, as a refusal', () => {
    // An attribution holding both kinds of quotation mark cannot be written as a directive attribute.
    const rules = {
      ...furniture.rules,
      lines: [
        { text: 'Quoted "so" by O\'Brien', as: 'attribution' as const, where: 'anywhere' as const },
        ...furniture.rules.lines,
      ],
    };
    const bytes = captureBytes(
      'A headline',
      'Feb. 3, 2026',
      'The first paragraph of the article text, long enough to count.',
      'Quoted "so" by O\'Brien',
    );
    expect(refusal({ bytes, rules })).toBe(
      'capture.txt line 5: "Quoted \\"so\\" by O\'Brien" holds both kinds of quotation mark, which the article format cannot write as an attribute; check the line against the page',
    );
  });
});
