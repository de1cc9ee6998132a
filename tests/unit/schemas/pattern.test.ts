import { describe, expect, it } from 'vitest';
import { nestedQuantifier, PatternSchema } from '../../../src/schemas/pattern.ts';
import { furniture } from '../lib/import/helpers.ts';

describe('furniture patterns: nested quantifiers are refused when the rules are loaded', () => {
  it('finds a group that repeats what is itself repeated', () => {
    expect(nestedQuantifier('^(a+)+b$')).toBe('(a+)+');
    expect(nestedQuantifier('^(a*)*$')).toBe('(a*)*');
    expect(nestedQuantifier('^(?:.*,)+$')).toBe('(?:.*,)+');
    expect(nestedQuantifier('^(?:\\w+\\s?)+$')).toBe('(?:\\w+\\s?)+');
    expect(nestedQuantifier('^(?:a|b+)*$')).toBe('(?:a|b+)*');
    expect(nestedQuantifier('^(?:a+){3}$')).toBe('(?:a+){3}');
  });

  it('accepts repetitions that a separator ends, and quantifiers that are not nested', () => {
    for (const safe of [
      '^(?:\\w+\\s)+$',
      "^(?:[A-Z][\\w.’'-]*\\s)*President$",
      '^(?:[^,]+,)+$',
      '^\\d+ min$',
      '^(?:Jan|Feb)[a-z]*\\.?$',
      '^(a|b)+$',
      '^\\((a+)\\)+$',
    ]) {
      expect(nestedQuantifier(safe), safe).toBeUndefined();
    }
  });

  it("accepts the project's own rules", () => {
    const patterns = [
      ...furniture.rules.lines.flatMap((rule) => (rule.pattern === undefined ? [] : [rule.pattern])),
      ...furniture.rules.spans.flatMap((span) => [span.from, ...(span.through === 'end' ? [] : [span.through])]),
    ];
    expect(patterns.length).toBeGreaterThan(5);
    for (const pattern of patterns) expect(nestedQuantifier(pattern), pattern).toBeUndefined();
  });

  it('says what is wrong and what to write instead', () => {
    expect(PatternSchema.safeParse('^(a+)+b$').error?.issues[0]?.message).toBe(
      'the group "(a+)+" repeats what is itself repeated (nested quantifiers), which can take exponential time on a line that almost matches; end each repetition with a character its repeated part cannot match, as in "(?:\\w+\\s)+", or remove the outer quantifier',
    );
    expect(PatternSchema.safeParse('^(a').error?.issues[0]?.message).toBe(
      'expected a JavaScript regular expression that compiles (with the u flag)',
    );
  });

  it('a refused pattern is one that takes exponential time; the check itself is quick', () => {
    const started = performance.now();
    expect(new RegExp('^(a+)+b$').test(`${'a'.repeat(22)}c`)).toBe(false);
    const slow = performance.now() - started;
    const checked = performance.now();
    for (let index = 0; index < 100; index += 1)
      nestedQuantifier("^(?:[A-Z][\\w.’'-]*\\s)*(?:President|Minister)\\s[A-Z][\\w.’'-]*(?:\\s[A-Z][\\w.’'-]*)+$");
    expect(performance.now() - checked).toBeLessThan(slow * 10 + 500);
  });
});
