import { z } from 'zod';
import { IdSchema, TextSchema, WebUrlSchema } from './shared.ts';

/** A pointer to one paragraph of a stored article, optionally to exact words in it. */
export const CitationSchema = z.strictObject({
  /** Id of the article (its file name under content/articles/, without .md). */
  article: IdSchema,
  /** Id of the paragraph, heading or quote block inside that article. */
  paragraph: IdSchema,
  /** The exact words (copied character for character) the statement rests on. */
  words: TextSchema.optional(),
});

/** One or more citations; every analysis statement needs at least one. */
export const CitationsSchema = z.array(CitationSchema).min(1, {
  message: 'expected at least one citation ({ article, paragraph }): every statement must cite its source',
});

/** A sentence or two of analysis in our own words, with the paragraphs it rests on. */
export const StatementSchema = z.strictObject({
  /** The statement, in our own words. */
  text: TextSchema,
  /** The article paragraphs it rests on. */
  citations: CitationsSchema,
});

/** A source from outside the two articles, for facts they do not give. */
export const OutsideSourceSchema = z.strictObject({
  /** What the outside fact is. */
  note: TextSchema,
  /** Name of the outside source. */
  source: TextSchema,
  /** Its address. */
  url: WebUrlSchema,
});

/** A pointer to one paragraph of a stored article. */
export type Citation = z.infer<typeof CitationSchema>;
/** A cited statement. */
export type Statement = z.infer<typeof StatementSchema>;
/** A source from outside the two articles. */
export type OutsideSource = z.infer<typeof OutsideSourceSchema>;
