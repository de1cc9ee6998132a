import { z } from 'zod';
import { PatternSchema } from './pattern.ts';
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

/**
 * Where a line read from a capture goes in the article's front matter. The importer knows how to fill
 * each target (src/lib/import/front-matter-fields.ts); the rules decide which line goes to which.
 */
export const ImportTargetSchema = z.enum([
  'title',
  'standfirst',
  'author',
  'author-role',
  'date',
  'time',
  'image-description',
  'image-caption',
  'image-credit',
]);

/** A front-matter target. */
export type ImportTarget = z.infer<typeof ImportTargetSchema>;

/** How a line rule picks its lines: exactly one of text, pattern or sameAs. */
const MatcherShape = {
  /** The whole line, exactly (surrounding spaces ignored). */
  text: TextSchema.optional(),
  /** A regular expression that must match the whole line; named groups carry values (see each `as`). */
  pattern: PatternSchema.optional(),
  /** The line repeats the article's title. */
  sameAs: z.literal('title').optional(),
  /** Where in the capture the rule applies: the header (title to date line and byline), the body, or both (default). */
  where: z.enum(['header', 'body', 'anywhere'], { message: 'expected header, body or anywhere (where in the capture the rule applies)' }).default('anywhere'),
};

/** One rule for single lines of a capture (content/captures/furniture.yaml › rules.lines). */
export const LineRuleSchema = z
  .discriminatedUnion('as', [
    z.strictObject({
      ...MatcherShape,
      /** Page furniture: left out of the site. */
      as: z.literal('furniture'),
      /** What it is (advertisement, share widget...), recorded with each line it drops. */
      kind: TextSchema,
      /** A label whose following lines (those no other rule claims) go to these targets, in order. */
      next: z.array(ImportTargetSchema).optional(),
    }),
    z.strictObject({
      ...MatcherShape,
      /** An embedded post: an ::embed marker in the body; the pattern's group `platform` names the platform. */
      as: z.literal('embed'),
    }),
    z.strictObject({
      ...MatcherShape,
      /** Front matter, read from the capture's header only. */
      as: z.literal('front-matter'),
      /** Which field it fills (groups: date needs year, month, day and may have printed and outlet; time needs hour, minute and may have meridiem and zone; image-credit may have credit). */
      target: ImportTargetSchema,
      /** The unclaimed lines just before this one go to these targets, nearest first (a credit's caption). */
      previous: z.array(ImportTargetSchema).optional(),
    }),
    z.strictObject({
      ...MatcherShape,
      /** The name under a pull quote: the paragraph just before it becomes a pull quote attributed to it. */
      as: z.literal('attribution'),
    }),
  ])
  .superRefine((rule, ctx) => {
    const given = [rule.text, rule.pattern, rule.sameAs].filter((value) => value !== undefined).length;
    if (given !== 1) ctx.addIssue({ code: 'custom', path: ['text'], message: 'give exactly one of text, pattern or sameAs' });
  });

/** One line rule. */
export type LineRule = z.infer<typeof LineRuleSchema>;

/** A run of lines that is furniture as a whole, such as a related-story teaser (rules.spans). */
export const SpanRuleSchema = z.strictObject({
  /** A regular expression matching the whole first line of the run. */
  from: PatternSchema,
  /** A regular expression matching the whole last line, or "end" for the end of the capture. */
  through: z.union([z.literal('end'), PatternSchema]),
  /** What the run is, recorded with each of its lines. */
  kind: TextSchema,
});

/** One span rule. */
export type SpanRule = z.infer<typeof SpanRuleSchema>;

/** content/captures/furniture.yaml: the importer's rules, and the record of every capture read by them. */
export const FurnitureFileSchema = z.strictObject({
  /** The rules, applied in order: spans first, then the first line rule that matches a line. */
  rules: z.strictObject({
    /** Runs of lines that are furniture. */
    spans: z.array(SpanRuleSchema),
    /** Single lines. */
    lines: z.array(LineRuleSchema),
  }),
  /** One record per capture: every line that is not body text, and what became of it. */
  captures: z.array(CaptureRecordSchema),
});

/** The parsed content/captures/furniture.yaml. */
export type FurnitureFile = z.infer<typeof FurnitureFileSchema>;
