import { z } from 'zod';
import { isCalendarDate, IdSchema, TextSchema } from './shared.ts';
import { OutsideSourceSchema } from './citation.ts';

/** The seasons a source may give instead of a date ("last fall"). */
export const SeasonSchema = z.enum(['spring', 'summer', 'fall', 'winter']);

/**
 * When something happened, at the precision the sources give: a day (2026-02-03), a week (2026-W06,
 * for "this week"), a month (2025-10), a season of a year, or a year; or, with precision "relative"
 * and no date, only known to come after or before another event. `after`, `before` and `during` are
 * orders the sources give: the timeline must meet them (the content guard refuses dates that cannot).
 */
export const WhenSchema = z
  .strictObject({
    /** The date at its precision: YYYY-MM-DD, YYYY-Www (ISO week), YYYY-MM, or YYYY for seasons and years; absent when relative. */
    date: z.union([z.string(), z.number().int()]).transform(String).optional(),
    /** How precisely the sources date it; "relative" when they give only an order (after/before). */
    precision: z.enum(['day', 'week', 'month', 'season', 'year', 'relative']),
    /** The season, when precision is "season". */
    season: SeasonSchema.optional(),
    /** Id of an event this one is known to follow, when the sources give only "after". */
    after: IdSchema.optional(),
    /** Id of an event this one is known to precede, when the sources give only "before". */
    before: IdSchema.optional(),
    /** Id of an event this one was part of (said or done at the meeting): listed after it, within its date. */
    during: IdSchema.optional(),
    /** How the sources word the time ("last fall", "last month"), when that matters. */
    wording: TextSchema.optional(),
    /** Set when the date comes from outside the two articles: where it comes from. */
    outside: OutsideSourceSchema.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.during !== undefined && (value.after !== undefined || value.before !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['during'], message: 'give either during (part of an event) or after/before, not both: what happens during an event shares its order' });
    }
    if (value.precision === 'relative') {
      if (value.date !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['date'], message: 'precision "relative" takes no date: give after or before instead' });
      }
      if (value.after === undefined && value.before === undefined) {
        ctx.addIssue({ code: 'custom', path: ['precision'], message: 'precision "relative" needs after: <event id> or before: <event id>' });
      }
      if (value.season !== undefined) ctx.addIssue({ code: 'custom', path: ['season'], message: 'a season is given exactly when precision is "season"' });
      return;
    }
    if (value.date === undefined) {
      ctx.addIssue({ code: 'custom', path: ['date'], message: `required field is missing (a date for precision "${value.precision}")` });
      return;
    }
    const shape = {
      day: /^\d{4}-\d{2}-\d{2}$/,
      week: /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/,
      month: /^\d{4}-(0[1-9]|1[0-2])$/,
      season: /^\d{4}$/,
      year: /^\d{4}$/,
    }[value.precision];
    const example = { day: '2026-02-03', week: '2026-W06', month: '2025-10', season: '2025', year: '2022' }[value.precision];
    if (!shape.test(value.date) || (value.precision === 'day' && !isCalendarDate(value.date))) {
      ctx.addIssue({
        code: 'custom',
        path: ['date'],
        message: `expected a real ${value.precision === 'season' ? 'year' : value.precision} for precision "${value.precision}", written like ${example}`,
      });
    }
    if ((value.precision === 'season') !== (value.season !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['season'], message: 'a season is given exactly when precision is "season"' });
    }
  });

/** When something happened, at the precision the sources give. */
export type When = z.infer<typeof WhenSchema>;
