import { z } from 'zod';
import { IdSchema, TextSchema } from './shared.ts';
import { CitationSchema } from './citation.ts';
import { WhenSchema } from './when.ts';

/** A direct quotation in one of the articles (content/quotations/*.yaml). */
export const QuotationSchema = z.strictObject({
  /** Stable id, used in addresses and references. */
  id: IdSchema,
  /** Id of the person who said or wrote it. */
  speaker: IdSchema,
  /** The quoted words, character for character as the article prints them, without quotation marks. */
  text: TextSchema,
  /** When it was said, as precisely as the sources allow. */
  when: WhenSchema,
  /** The occasion (where, to whom, in what medium), where the sources give it. */
  occasion: TextSchema.optional(),
  /** The paragraph the quotation comes from; the text must appear in it word for word. */
  source: CitationSchema.omit({ words: true }),
  /** Ids of the issues it bears on. */
  issues: z.array(IdSchema).default([]),
  /** Id of the event it was part of, if any. */
  event: IdSchema.optional(),
});

/** A quotation. */
export type Quotation = z.infer<typeof QuotationSchema>;
