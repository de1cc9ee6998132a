import { describe, expect, it } from 'vitest';
import { assignIds, idWords, proposeId } from '../../../../src/lib/import/block-ids.ts';
import type { CaptureBlock } from '../../../../src/lib/import/read-capture.ts';

const paragraph = (text: string): CaptureBlock => ({ kind: 'paragraph', text, line: 1 });

describe('block ids', () => {
  it('reads words without accents, apostrophes or the dots of initials', () => {
    expect(idWords('Petro’s U.S. visit: Nicolás & “friends”')).toEqual([
      'petros',
      'us',
      'visit',
      'nicolas',
      'and',
      'friends',
    ]);
  });

  it('names a paragraph by its first five words, skipping a leading article', () => {
    expect(proposeId(paragraph('The roughly two-hour encounter, closed to media, was their first.'), 0)).toBe(
      'roughly-two-hour-encounter-closed',
    );
  });

  it('names a heading by all its words and an embed by its number', () => {
    expect(proposeId({ kind: 'heading', text: 'Counternarcotics, Ecuador & Symbolic Gesture', line: 1 }, 0)).toBe(
      'counternarcotics-ecuador-and-symbolic-gesture',
    );
    expect(proposeId({ kind: 'embed', platform: 'X', line: 1 }, 3)).toBe('post-3');
  });

  it('makes ids unique and avoids the ids the page reserves', () => {
    expect(
      assignIds([
        paragraph('Main.'),
        paragraph('Same words here.'),
        paragraph('Same words here.'),
        paragraph('Cited by the analysis.'),
      ]),
    ).toEqual(['p-main', 'same-words-here', 'same-words-here-2', 'p-cited-by-the-analysis']);
  });

  it('keeps the ids of the article it replaces for blocks of the same kind and text, and of embeds in order', () => {
    const previous = [
      { id: 'hand-made', kind: 'paragraph' as const, text: 'Kept text.', line: 1 },
      { id: 'post-photo', kind: 'embed' as const, text: '', line: 3, platform: 'X' },
      { id: 'changed', kind: 'paragraph' as const, text: 'Old text.', line: 5 },
    ];
    const blocks: CaptureBlock[] = [
      paragraph('New text.'),
      paragraph('Kept text.'),
      { kind: 'embed', platform: 'X', line: 4 },
      paragraph('hand made'),
    ];
    expect(assignIds(blocks, previous)).toEqual(['new-text', 'hand-made', 'post-photo', 'hand-made-2']);
  });

  it('suffixes in linear time: 20,000 blocks of the same text, and again keeping every id of the article they replace', () => {
    const blocks = Array.from({ length: 20_000 }, () => paragraph('Same words go here.'));
    let started = performance.now();
    const ids = assignIds(blocks);
    const first = performance.now() - started;
    expect(ids.slice(0, 3)).toEqual(['same-words-go-here', 'same-words-go-here-2', 'same-words-go-here-3']);
    expect(ids.at(-1)).toBe('same-words-go-here-20000');
    expect(new Set(ids).size).toBe(20_000);
    const previous = ids.map((id) => ({ id, kind: 'paragraph' as const, text: 'Same words go here.', line: 1 }));
    started = performance.now();
    expect(assignIds(blocks, previous)).toEqual(ids);
    const again = performance.now() - started;
    // Quadratic suffixing took 38 s for 20,000 (10 s for 10,000); linear takes a few milliseconds.
    expect(first + again).toBeLessThan(1_000);
  });
});
