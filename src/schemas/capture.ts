import { z } from 'zod';
import { IdSchema, TextSchema } from './shared.ts';

/** One line of a capture that is not article body text, and what became of it. */
export const CaptureLineSchema = z.discriminatedUnion('as', [
  z.strictObject({
    /** The line as captured (surrounding spaces ignored). */
    text: TextSchema,
    /** Left out of the site. */
    as: z.literal('furniture'),
    /** What it was: advertisement, share widget, audio player, related-story teaser... */
    kind: TextSchema,
  }),
  z.strictObject({
    text: TextSchema,
    /** Shown from the article's front matter instead of the body. */
    as: z.literal('front-matter'),
    /** Dotted path of the front-matter field that carries it (e.g. leadImage.caption). */
    field: z.string().regex(/^[a-zA-Z]+(\.[a-zA-Z]+)*$/, { message: 'expected a dotted field path such as leadImage.caption' }),
  }),
  z.strictObject({
    text: TextSchema,
    /** Replaced by an ::embed marker in the body at the same place. */
    as: z.literal('embed'),
  }),
]);

/** The furniture record of one capture (content/captures/furniture.yaml). */
export const CaptureRecordSchema = z.strictObject({
  /** File name of the capture under content/captures/. */
  capture: z.string().regex(/^[\w.-]+\.txt$/, { message: 'expected a .txt file name under content/captures/' }),
  /** Id of the article stored from it. */
  article: IdSchema,
  /** Every line that is not body text, in order of appearance. */
  lines: z.array(CaptureLineSchema),
});

/** The furniture record of one capture. */
export type CaptureRecord = z.infer<typeof CaptureRecordSchema>;
