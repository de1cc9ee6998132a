import { z } from 'zod';
import { IdSchema, TextSchema } from './shared.ts';
import { CitationsSchema } from './citation.ts';

/**
 * Words an outlet printed, shown as its own words next to our summary. They are checked word for
 * word against that paragraph of the account's own article (src/lib/content/integrity.ts).
 */
export const QuotedSchema = z.strictObject({
  /** Id of the paragraph, in the account's article, where the words are printed. */
  paragraph: IdSchema,
  /** The exact printed words, copied character for character (curly quotes and dashes included). */
  words: TextSchema,
});

/** What one article says on a point of comparison. */
export const AccountSchema = z.strictObject({
  /** Id of the article (its file name under content/articles/, without .md); at most one account per article. */
  article: IdSchema,
  /**
   * Only when the point's agreement is "differ": a short kebab-case name of the side this account
   * takes (e.g. "hedged"). Accounts with the same side stand together; an account without a side
   * stands on its own.
   */
  side: IdSchema.optional(),
  /** What it says, in our words. */
  text: TextSchema,
  /** The outlet's own printed words on the point, each a paragraph of this account's article and its exact words. */
  quoted: z
    .array(QuotedSchema)
    .min(1, { message: 'expected at least one { paragraph, words } when quoted is given; leave quoted out otherwise' })
    .optional(),
  /** The paragraphs of that article it rests on (each must cite this account's own article). */
  citations: CitationsSchema,
});

/**
 * How the accounts relate. "agree": every article that reports the point reports it alike (which
 * articles report it follows from the accounts: all of the site's articles, or only some).
 * "differ": at least two articles report it, not alike.
 */
export const AgreementSchema = z.enum(['agree', 'differ'], {
  message:
    'expected "agree" (every article that reports it reports it alike) or "differ" (two or more report it, not alike); "both" and "only-one" are now "agree"',
});

/**
 * In what the accounts differ, when they do. "precision": one account says more exactly what the
 * other says too ("in October" and "last fall", "a Jan. 7 phone call" and "a January phone call"):
 * the two do not conflict, and the point says so rather than calling it a difference of date or fact.
 */
export const DifferenceSchema = z.enum(['fact', 'figure', 'date', 'precision', 'wording', 'framing', 'emphasis'], {
  message: 'expected one of fact, figure, date, precision, wording, framing, emphasis',
});

/** The differences a reader can only see in the outlets' own words: each account must give `quoted`. */
export const DIFFERENCES_NEEDING_QUOTED: ReadonlySet<z.infer<typeof DifferenceSchema>> = new Set([
  'wording',
  'figure',
  'date',
  'precision',
  'framing',
]);

/** One point of the claim-by-claim comparison of the sources (content/comparisons/*.yaml). */
export const ComparisonSchema = z
  .strictObject({
    /** Stable id, used as the point's fragment and its page /sources/<id>/. */
    id: IdSchema,
    /** What the point is about, as a short heading. */
    topic: TextSchema,
    /** How the accounts relate: "agree" or "differ". */
    agreement: AgreementSchema,
    /** In what they differ; given exactly when agreement is "differ". */
    difference: DifferenceSchema.optional(),
    /** The comparison in our words. */
    summary: TextSchema,
    /** One account per article that reports the point (1..N); the site's other articles do not report it. */
    accounts: z.array(AccountSchema).min(1, { message: 'expected at least one account: { article, text, citations }' }),
    /** Ids of the issues the point bears on. */
    issues: z.array(IdSchema).default([]),
  })
  .superRefine((value, ctx) => {
    const differ = value.agreement === 'differ';
    if (differ !== (value.difference !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['difference'],
        message: differ
          ? 'expected difference (fact, figure, date, precision, wording, framing or emphasis): agreement "differ" must say in what the accounts differ'
          : 'give difference only when agreement is "differ"; remove it or set agreement: differ',
      });
    }
    if (differ && value.accounts.length < 2) {
      ctx.addIssue({
        code: 'custom',
        path: ['accounts'],
        message: `agreement "differ" needs at least 2 accounts (one per article), found ${value.accounts.length}; a point one article alone reports is "agree"`,
      });
    }
    const sides = value.accounts.flatMap((account) => (account.side === undefined ? [] : [account.side]));
    if (!differ) {
      value.accounts.forEach((account, index) => {
        if (account.side !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['accounts', index, 'side'],
            message: 'give side only when agreement is "differ"; accounts that agree take no sides',
          });
        }
      });
    } else if (sides.length > 0 && new Set(sides).size < 2) {
      ctx.addIssue({
        code: 'custom',
        path: ['accounts'],
        message: `where sides are given, expected at least 2 different sides, found only "${sides[0]}"; accounts with the same side stand together, so a difference needs two`,
      });
    }
    if (differ && value.difference !== undefined && DIFFERENCES_NEEDING_QUOTED.has(value.difference)) {
      value.accounts.forEach((account, index) => {
        if (account.quoted === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['accounts', index, 'quoted'],
            message: `a ${value.difference} difference must be shown in each outlet's own words: expected quoted: [{ paragraph, words }] with the exact words article "${account.article}" printed`,
          });
        }
      });
    }
  });

/** One point of the comparison. */
export type Comparison = z.infer<typeof ComparisonSchema>;
/** One article's account of a point. */
export type Account = z.infer<typeof AccountSchema>;
/** How the accounts relate. */
export type Agreement = z.infer<typeof AgreementSchema>;
/** In what accounts differ. */
export type Difference = z.infer<typeof DifferenceSchema>;
