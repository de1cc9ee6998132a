import { z } from 'zod';
import { CitationSchema } from './citation.ts';
import { CalendarDateSchema, IdSchema, TextSchema } from './shared.ts';

/** The collections a log entry can name, with the ids they hold (meeting: the meeting, its sections and lines). */
export const CORRECTABLE = ['events', 'quotations', 'issues', 'people', 'meeting', 'comparisons', 'outlets', 'articles'] as const;

/** A reference to one entry of the analysis: "<collection>/<id>", e.g. "events/jan-7-call" or "meeting/outcome-working-on". */
export const EntryRefSchema = z.string().regex(new RegExp(`^(${CORRECTABLE.join('|')})/[a-z0-9]+(?:-[a-z0-9]+)*$`), {
  message: `expected "<collection>/<id>" with a collection among ${CORRECTABLE.join(', ')} (for example "events/jan-7-call")`,
});

/** One published statement as it read before and after the change. */
export const StatementChangeSchema = z.strictObject({
  /** The entry the statement belongs to. */
  entry: EntryRefSchema,
  /** Which statement of it ("summary", "title", "when", "text", "discrepancy"...). */
  field: TextSchema,
  /** What it said before; absent when the statement is new. */
  before: TextSchema.optional(),
  /** What it says now; absent when the statement was removed. */
  after: TextSchema.optional(),
});

/**
 * One entry of the corrections and updates log (content/corrections/*.yaml): a dated change to the
 * analysis, what it touched, what changed and why. An "edition" entry dates a whole edition.
 */
export const CorrectionSchema = z
  .strictObject({
    /** Stable id, used in the log's addresses. */
    id: IdSchema,
    /** The day the change was published, YYYY-MM-DD. */
    date: CalendarDateSchema,
    /** "correction" (a statement was wrong or said more than its source), "update" (added or clarified), or "edition". */
    kind: z.enum(['correction', 'update', 'edition']),
    /** The entries the change touched; every page that shows one of them is "last updated" on this date. */
    affects: z.array(EntryRefSchema).default([]),
    /** What changed, in our words. */
    what: TextSchema,
    /** Why, in our words: what the sources say, or the rule that required it. */
    why: TextSchema,
    /** The sources' own words the change rests on, each checked word for word against its paragraph. */
    sources: z.array(CitationSchema.required({ words: true })).default([]),
    /** The published statements changed, old and new. */
    changes: z.array(StatementChangeSchema).default([]),
  })
  .superRefine((value, ctx) => {
    if (value.kind !== 'edition' && value.affects.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['affects'], message: 'a correction or update names at least one entry it touched ("events/<id>", ...)' });
    }
    value.changes.forEach((change, index) => {
      if (!value.affects.includes(change.entry)) {
        ctx.addIssue({ code: 'custom', path: ['changes', index, 'entry'], message: `"${change.entry}" is changed here but missing from affects; list it there too` });
      }
      if (change.before === undefined && change.after === undefined) {
        ctx.addIssue({ code: 'custom', path: ['changes', index], message: 'give before, after, or both' });
      }
    });
  });

/** An entry of the corrections and updates log. */
export type Correction = z.infer<typeof CorrectionSchema>;
