import { z } from 'zod';

/** A lowercase kebab-case identifier: the stable part of every address on the site. */
export const IdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    message: 'expected a lowercase kebab-case id such as "jan-7-call" (letters a-z, digits, single hyphens)',
  });

/** True when `value` (YYYY-MM-DD) names a day that exists in the Gregorian calendar. */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A calendar date written YYYY-MM-DD. YAML turns unquoted dates into Date objects; those are
 * accepted and turned back into the same string, so editors may quote dates or not.
 */
export const CalendarDateSchema = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z.string().refine(isCalendarDate, {
    message: 'expected a real calendar date written YYYY-MM-DD (for example 2026-02-03)',
  }),
);

/** A non-empty line of text with no leading or trailing whitespace. */
export const TextSchema = z
  .string()
  .min(1, { message: 'expected non-empty text' })
  .refine((value) => value.trim() === value, { message: 'expected text without leading or trailing spaces' });
