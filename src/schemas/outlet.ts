import { z } from 'zod';
import { IdSchema, TextSchema } from './shared.ts';
import { OutsideSourceSchema } from './citation.ts';

/** A news outlet whose article the site stores (content/outlets/*.yaml). */
export const OutletSchema = z.strictObject({
  /** Stable id, used in article front matter and in addresses. */
  id: IdSchema,
  /** The outlet's name. */
  name: TextSchema,
  /**
   * The name as a sentence uses it, with its article where the outlet's own name form has one ("the Los Angeles
   * Times": "Only in the Los Angeles Times"); without it, the name alone ("Clash Report").
   */
  nameInText: TextSchema.optional(),
  /** A short form of the name for citation labels ("LA Times"). */
  shortName: TextSchema.optional(),
  /** What kind of outlet it is, in our words. */
  kind: TextSchema,
  /** Where that description comes from when the articles do not say: it is outside information. */
  outside: OutsideSourceSchema.optional(),
});

/** A news outlet. */
export type Outlet = z.infer<typeof OutletSchema>;
