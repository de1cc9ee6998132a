import { z } from 'zod';
import { CalendarDateSchema, IdSchema, TextSchema, WebUrlSchema } from './shared.ts';

/** A named author as the byline gives them. */
export const AuthorSchema = z.strictObject({
  /** The person's name as printed. */
  name: TextSchema,
  /** Their role as printed next to the name ("Staff Writer"). */
  role: TextSchema.optional(),
});

/** Someone credited for contributing reporting, with where they reported from. */
export const ContributorSchema = z.strictObject({
  /** The person's name as printed. */
  name: TextSchema,
  /** Their role as printed ("Times staffer"). */
  role: TextSchema.optional(),
  /** What they did, in the outlet's words ("contributed reporting"). */
  contribution: TextSchema,
  /** Where they reported from, when the article says. */
  location: TextSchema.optional(),
});

/** The byline as the article gives it. */
export const BylineSchema = z.strictObject({
  /** Named authors; empty when the page names none. */
  authors: z.array(AuthorSchema),
  /** Contributors credited in the byline or the tagline. */
  contributors: z.array(ContributorSchema),
  /** A remark on the byline, e.g. that the page names no author. */
  note: TextSchema.optional(),
});

/** When the article was published, at the precision the page gives. */
export const PublishedSchema = z
  .strictObject({
    /** The calendar date of publication, YYYY-MM-DD. */
    date: CalendarDateSchema,
    /** Local time of day HH:MM (24-hour), when the page gives one. */
    time: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'expected a 24-hour time written HH:MM, e.g. "15:17"' })
      .optional(),
    /** The time zone as printed ("PT"), when the page gives one. */
    timeZone: TextSchema.optional(),
    /** The UTC offset of that zone on that date ("-08:00"). */
    utcOffset: z
      .string()
      .regex(/^[+-]\d{2}:\d{2}$/, { message: 'expected a UTC offset written ±HH:MM, e.g. "-08:00"' })
      .optional(),
    /** "day" when only the date is given; "minute" when a time is given too. */
    precision: z.enum(['day', 'minute']),
    /** The date line exactly as the page prints it. */
    asPrinted: TextSchema,
  })
  .superRefine((value, ctx) => {
    const timed = value.time !== undefined && value.utcOffset !== undefined;
    if (value.precision === 'minute' && !timed) {
      ctx.addIssue({ code: 'custom', path: ['time'], message: 'precision "minute" needs both time and utcOffset' });
    }
    if (value.precision === 'day' && value.time !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['precision'], message: 'a time is given, so precision must be "minute"' });
    }
  });

/** The article's lead image, described; the picture itself is not ours to publish. */
export const LeadImageSchema = z.strictObject({
  /** What the picture shows, from the page's alternative text. */
  description: TextSchema.optional(),
  /** The caption as printed. */
  caption: TextSchema,
  /** The photo credit as printed, without surrounding parentheses. */
  credit: TextSchema.optional(),
});

/** Where the stored text was captured from. */
export const CaptureSchema = z.strictObject({
  /** File name of the raw capture under content/captures/. */
  file: z.string().regex(/^[\w.-]+\.txt$/, { message: 'expected a .txt file name under content/captures/' }),
  /** Where the capture came from, in words. */
  from: TextSchema,
  /** The page address, when it was recorded. */
  url: WebUrlSchema.optional(),
});

/** Front matter of one stored article (content/articles/<slug>.md). */
export const ArticleSchema = z.strictObject({
  /** The headline exactly as published. */
  title: TextSchema,
  /** Id of the outlet in content/outlets/. */
  outlet: IdSchema,
  /** Authors and contributors as the article gives them. */
  byline: BylineSchema,
  /** Publication date and time at the precision the page gives. */
  published: PublishedSchema,
  /** The standfirst (dek) under the headline, where there is one. */
  standfirst: TextSchema.optional(),
  /** The lead image, described. */
  leadImage: LeadImageSchema.optional(),
  /** Provenance of the stored text. */
  capture: CaptureSchema,
});

/** Front matter of one stored article. */
export type Article = z.infer<typeof ArticleSchema>;
/** Publication date and time of an article. */
export type Published = z.infer<typeof PublishedSchema>;
