import { z } from 'zod';

/**
 * The longest id. The build derives file names from ids (content/articles/<id>.md, the capture copy
 * content/captures/<id>.txt, the folder of each page and its preview image og/<section>/<id>.png, each the
 * id plus at most 4 characters) and a file name may not pass 255 bytes; 100 leaves room for names added
 * later. tests/e2e/derived-files.test.ts measures every file name of the real build against it.
 */
export const MAX_ID_LENGTH = 100;

/** A lowercase kebab-case identifier: the stable part of every address on the site. */
export const IdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    message: 'expected a lowercase kebab-case id such as "jan-7-call" (letters a-z, digits, single hyphens)',
  })
  .max(MAX_ID_LENGTH, {
    message: `expected an id of at most ${MAX_ID_LENGTH} characters (files and addresses are named after it); shorten it`,
  });

/**
 * A web address (https: or http:) from content, such as an outside source's page. javascript:, data:,
 * vbscript:, file: and every other scheme are refused: the address becomes a link on the page.
 */
export const WebUrlSchema = z.url({
  protocol: /^https?$/,
  message: 'expected a web address starting with https:// or http:// (javascript:, data:, file: and other schemes are refused)',
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
