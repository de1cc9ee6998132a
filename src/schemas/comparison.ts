import { z } from 'zod';
import { IdSchema, TextSchema } from './shared.ts';
import { CitationsSchema } from './citation.ts';

/** What one article says on a point of comparison. */
export const AccountSchema = z.strictObject({
  /** Id of the article. */
  article: IdSchema,
  /** What it says, in our words. */
  text: TextSchema,
  /** The paragraphs of that article it rests on. */
  citations: CitationsSchema,
});

/** How the accounts relate: both report it alike, only one reports it, or they differ. */
export const AgreementSchema = z.enum(['both', 'only-one', 'differ']);

/** In what the accounts differ, when they do. */
export const DifferenceSchema = z.enum(['fact', 'figure', 'date', 'wording', 'framing', 'emphasis']);

/** One point of the claim-by-claim comparison of the sources (content/comparisons/*.yaml). */
export const ComparisonSchema = z
  .strictObject({
    /** Stable id, used as the point's fragment and address. */
    id: IdSchema,
    /** What the point is about, as a short heading. */
    topic: TextSchema,
    /** How the accounts relate. */
    agreement: AgreementSchema,
    /** In what they differ, when agreement is "differ". */
    difference: DifferenceSchema.optional(),
    /** The comparison in our words. */
    summary: TextSchema,
    /** What each article says, side by side; one account when only one reports it. */
    accounts: z.array(AccountSchema).min(1),
    /** Ids of the issues the point bears on. */
    issues: z.array(IdSchema).default([]),
  })
  .superRefine((value, ctx) => {
    const expected = value.agreement === 'only-one' ? 1 : 2;
    if (value.accounts.length !== expected) {
      ctx.addIssue({
        code: 'custom',
        path: ['accounts'],
        message: `agreement "${value.agreement}" needs ${expected} account${expected === 1 ? '' : 's'}, one per article`,
      });
    }
    if ((value.agreement === 'differ') !== (value.difference !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['difference'], message: 'give difference exactly when agreement is "differ"' });
    }
  });

/** One point of the comparison. */
export type Comparison = z.infer<typeof ComparisonSchema>;
