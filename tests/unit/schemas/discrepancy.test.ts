import { describe, expect, it } from 'vitest';
import { DiscrepancySchema } from '../../../src/schemas/event.ts';

const citations = [{ article: 'a', paragraph: 'p' }];

describe('DiscrepancySchema', () => {
  it('reads a discrepancy without a kind as a difference', () => {
    expect(DiscrepancySchema.parse({ text: 'They differ.', citations }).kind).toBe('difference');
  });

  it('keeps precision and emphasis, which do not conflict', () => {
    expect(DiscrepancySchema.parse({ text: 'One is more exact.', citations, kind: 'precision' }).kind).toBe(
      'precision',
    );
    expect(DiscrepancySchema.parse({ text: 'Another side.', citations, kind: 'emphasis' }).kind).toBe('emphasis');
  });

  it('refuses another kind, naming the field and the kinds expected', () => {
    const result = DiscrepancySchema.safeParse({ text: 'x', citations, kind: 'date' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toEqual([
      'kind: expected one of difference, precision, emphasis',
    ]);
  });
});
