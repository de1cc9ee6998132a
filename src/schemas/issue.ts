import { z } from 'zod';
import { IdSchema, TextSchema } from './shared.ts';
import { StatementSchema } from './citation.ts';

/** Where one side stands on an issue. */
export const PositionSchema = z.strictObject({
  /** Id of the person or organisation whose position it is. */
  who: IdSchema,
  /** Their position, in our words, cited. */
  statements: z.array(StatementSchema).min(1, { message: 'expected at least one cited statement' }),
  /** Ids of their quotations on this issue. */
  quotations: z.array(IdSchema).default([]),
});

/** An issue the tensions turned on or the meeting touched (content/issues/*.yaml). */
export const IssueSchema = z.strictObject({
  /** Stable id, used in addresses and references. */
  id: IdSchema,
  /** Short name of the issue. */
  title: TextSchema,
  /** One line for lists and previews, in our words. */
  description: TextSchema,
  /** What the issue is about, cited statement by statement. */
  summary: z.array(StatementSchema).min(1, { message: 'expected at least one cited statement' }),
  /** Where each side stands. */
  positions: z.array(PositionSchema).default([]),
  /** What remains unresolved after the meeting, cited. */
  unresolved: z.array(StatementSchema).default([]),
});

/** An issue. */
export type Issue = z.infer<typeof IssueSchema>;
