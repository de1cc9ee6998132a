import { z } from 'zod';
import { IdSchema, TextSchema } from './shared.ts';
import { CitationsSchema } from './citation.ts';

/** A person or organisation the articles name in a role (content/people/*.yaml). */
export const PersonSchema = z.strictObject({
  /** Stable id, used in addresses and references. */
  id: IdSchema,
  /** Name as the articles give it. */
  name: TextSchema,
  /** "person" or "organisation". */
  kind: z.enum(['person', 'organisation']),
  /** Their role as of the meeting, in our words. */
  role: TextSchema,
  /** The paragraphs that give that role. */
  citations: CitationsSchema,
  /** Which side they are on, for grouping; "other" for third parties. */
  side: z.enum(['united-states', 'colombia', 'other']),
});

/** A person or organisation. */
export type Person = z.infer<typeof PersonSchema>;
