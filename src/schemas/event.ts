import { z } from 'zod';
import { IdSchema, TextSchema } from './shared.ts';
import { CitationsSchema, StatementSchema } from './citation.ts';
import { WhenSchema } from './when.ts';

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
  /** Ids of the people and organisations involved. */
  people: z.array(IdSchema).default([]),
  /** How the two sources date or describe it differently, when they do. */
  discrepancy: StatementSchema.optional(),
});

/** An event. */
export type Event = z.infer<typeof EventSchema>;
