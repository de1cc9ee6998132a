import { z } from 'zod';
import { IdSchema, TextSchema } from './shared.ts';
import { CitationsSchema, StatementSchema } from './citation.ts';
import { WhenSchema } from './when.ts';

/**
 * How the two sources date or describe an event differently. `kind` says what the difference is:
 * "difference" (they cannot both be read the same way), "precision" (one says more exactly what the
 * other says too, as 7 January and January: they do not conflict), or "emphasis" (each tells it from
 * another side, and nothing in one contradicts the other).
 */
export const DiscrepancySchema = StatementSchema.extend({
  kind: z
    .enum(['difference', 'precision', 'emphasis'], { message: 'expected one of difference, precision, emphasis' })
    .default('difference'),
});

/** One event of the timeline of tensions (content/events/*.yaml). */
export const EventSchema = z.strictObject({
  /** Stable id, used in addresses and references. */
  id: IdSchema,
  /** A short headline for the event, in our words. */
  title: TextSchema,
  /** When it happened, at the precision the sources give. */
  when: WhenSchema,
  /** What happened, in our words. */
  summary: TextSchema,
  /** The paragraphs the event rests on. */
  citations: CitationsSchema,
  /** Ids of the issues it touches. */
  issues: z.array(IdSchema).min(1, { message: 'expected at least one issue id' }),
  /** Ids of the people and organisations involved: those who act in it, or are acted on (the filters offer them). */
  people: z.array(IdSchema).default([]),
  /**
   * Ids of people the sources name in telling of it who take no part in it (the figure a speaker likens another
   * to): listed on the entry as "Also named" and on their own pages, never among its people or the filters.
   */
  mentions: z.array(IdSchema).optional(),
  /** How the two sources date or describe it differently, when they do. */
  discrepancy: DiscrepancySchema.optional(),
});

/** An event. */
export type Event = z.infer<typeof EventSchema>;
/** How the sources differ on an event. */
export type Discrepancy = z.infer<typeof DiscrepancySchema>;
