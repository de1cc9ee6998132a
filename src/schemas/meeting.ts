import { z } from 'zod';
import { IdSchema, TextSchema } from './shared.ts';
import { CitationsSchema } from './citation.ts';
import { WhenSchema } from './when.ts';

/** One cited line of the meeting page, with an id of its own so it can be linked. */
export const MeetingLineSchema = z.strictObject({
  /** Stable id, unique on the meeting page. */
  id: IdSchema,
  /** A short label ("Where", "How long"), for fact lines. */
  label: TextSchema.optional(),
  /** The line, in our words. */
  text: TextSchema,
  /** The paragraphs it rests on. */
  citations: CitationsSchema,
  /** Ids of quotations shown with the line. */
  quotations: z.array(IdSchema).default([]),
});

/** A titled part of the meeting page. */
export const MeetingSectionSchema = z.strictObject({
  /** Stable id, used as the section's fragment. */
  id: IdSchema,
  /** The section heading. */
  heading: TextSchema,
  /** Its cited lines. */
  lines: z.array(MeetingLineSchema).min(1, { message: 'expected at least one cited line' }),
});

/** The meeting itself (content/meeting/*.yaml, one entry). */
export const MeetingSchema = z.strictObject({
  /** Stable id. */
  id: IdSchema,
  /** Page headline, in our words. */
  title: TextSchema,
  /** One-paragraph summary for the home page and previews, in our words. */
  description: TextSchema,
  /** One sentence for search results and link previews (the page's meta description), in our words; the description when absent. */
  teaser: TextSchema.optional(),
  /** When it took place. */
  when: WhenSchema,
  /** Id of the timeline event that is the meeting. */
  event: IdSchema,
  /** Ids of the people who met. */
  participants: z.array(IdSchema).min(1),
  /** The key facts (who, when, where, how long, format), each cited. */
  facts: z.array(MeetingLineSchema).min(1),
  /** The rest of the account, section by section. */
  sections: z.array(MeetingSectionSchema).min(1),
});

/** The meeting. */
export type Meeting = z.infer<typeof MeetingSchema>;
/** One cited line of the meeting page. */
export type MeetingLine = z.infer<typeof MeetingLineSchema>;
