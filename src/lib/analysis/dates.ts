import type { Published } from '../../schemas/article.ts';
import type { When } from '../../schemas/when.ts';

/** The months' names, January first: the one list the site and the corpus generator use. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function monthName(month: string): string {
  return MONTHS[Number(month) - 1] ?? month;
}

/** The `datetime` attribute for a publication time: a date, or a date and time with its UTC offset. */
export function publishedDatetime(published: Published): string {
  return published.precision === 'minute' && published.time !== undefined && published.utcOffset !== undefined
    ? `${published.date}T${published.time}${published.utcOffset}`
    : published.date;
}

/** A day for readers, "7 December 2026", from YYYY-MM-DD. */
function dayText(date: string): string {
  const [year = '', month = '', day = ''] = date.split('-');
  return `${Number(day)} ${monthName(month)} ${year}`;
}

/**
 * The days from `from` to `to` (YYYY-MM-DD, oldest first) in words, as short as reads plainly: "7 December 2026",
 * "3–7 December 2026", "22 November – 3 December 2026", "30 December 2026 – 2 January 2027".
 */
export function dayRangeLabel(from: string, to: string): string {
  const last = dayText(to);
  if (from === to) return last;
  const [fromYear, fromMonth, fromDay] = from.split('-');
  const [toYear, toMonth] = to.split('-');
  if (fromYear !== toYear) return `${dayText(from)} – ${last}`;
  if (fromMonth === toMonth) return `${Number(fromDay)}–${last}`;
  return `${dayText(from).replace(/ \d{4}$/, '')} – ${last}`;
}

/** A publication time for readers: "3 February 2026, 3:17 pm PT" or "4 February 2026". */
export function formatPublished(published: Published): string {
  const [year, month, day] = published.date.split('-');
  const date = `${Number(day)} ${monthName(month ?? '')} ${year}`;
  if (published.precision !== 'minute' || published.time === undefined) return date;
  const [hours = 0, minutes = 0] = published.time.split(':').map(Number);
  const clock = `${((hours + 11) % 12) + 1}:${String(minutes).padStart(2, '0')} ${hours < 12 ? 'am' : 'pm'}`;
  return `${date}, ${clock}${published.timeZone ? ` ${published.timeZone}` : ''}`;
}

/** The dated event a relative date hangs on, and which side of it the date falls. */
export interface Anchor {
  /** "before" or "after" the anchor. */
  relation: 'before' | 'after';
  /** The anchor's own (dated) when. */
  when: When;
  /** For "before X": the dated event it is also known to follow, when the sources give one ("between 7 January and 3 February"). */
  since?: When;
  /**
   * For "after X": the day its first report was published (UTC day number), the latest it can fall ("in the week
   * of 2 February, by 3 February 2026"); none when no report dates it, or the report is dated before X.
   */
  by?: number;
}

/**
 * The `datetime` attribute for a date at its precision (2026-02-03, 2026-W06, 2025-10, 2025). A relative date
 * has none: "before 3 February 2026" is not the day 3 February (WhenTime wraps only the anchor's own date).
 */
export function whenDatetime(when: When): string | undefined {
  return when.precision === 'relative' ? undefined : when.date;
}

/** What is said of a date the sources do not give, after its bounds. */
export const DATE_NOT_GIVEN = 'date not given';

/**
 * A date for readers in pieces, each bound of an undated entry as a date of its own (its text and its
 * `datetime`), so that a page wraps only actual dates in <time>: ["Before ", {3 February 2026}, ", date not given"].
 */
export function whenPieces(
  when: When,
  anchor?: Anchor,
  { inSentence = false } = {},
): (string | { text: string; datetime: string })[] {
  const pieces = piecesAtStart(when, anchor);
  if (!inSentence) return pieces;
  // Inside a sentence ("Gustavo Petro, between 2025 and …"): only the first word changes case.
  const [first, ...rest] = pieces;
  if (first === undefined) return pieces;
  return [
    typeof first === 'string'
      ? first.replace(/^[A-Z]/, (c) => c.toLowerCase())
      : { ...first, text: dateInSentence(first.text) },
    ...rest,
  ];
}

/** The pieces as they read at the start of a line ("Between 2025 and …", "Autumn 2025"). */
function piecesAtStart(when: When, anchor?: Anchor): (string | { text: string; datetime: string })[] {
  if (when.precision !== 'relative') return [{ text: formatWhen(when), datetime: when.date ?? '' }];
  if (!anchor) return ['Date not given'];
  return [...boundPieces(anchor), `, ${DATE_NOT_GIVEN}`];
}

/** "Y" without its year when "X" ends with the same year and names a day or month before it ("7 January" and "3 February 2026"). */
const withoutYear = (text: string, year: string | undefined): string =>
  year && text.endsWith(year) && /\d /.test(text) ? text.slice(0, -year.length) : text;

/** An undated entry's bounds, at the start of a line: "Before 3 February 2026", "Between 7 January and 3 February 2026". */
function boundPieces(anchor: Anchor): (string | { text: string; datetime: string })[] {
  const dated = (other: When) => ({ text: formatWhen(other), datetime: other.date ?? '' });
  const bound = dated(anchor.when);
  if (anchor.relation === 'before' && anchor.since) {
    const since = dated(anchor.since);
    // "Between 7 January and 3 February 2026": the year once when both bounds share it.
    const year = / \d{4}$/.exec(bound.text)?.[0];
    return ['Between ', { ...since, text: withoutYear(dateInSentence(since.text), year) }, ' and ', bound];
  }
  if (anchor.relation === 'after' && anchor.by !== undefined) {
    // After X and by the day it was first reported: "In the week of 2 February, by 3 February 2026" (reported
    // within X's week, it falls in it), else "In or after autumn 2025, by 3 February 2026"; the year once.
    const by = { text: formatDay(anchor.by), datetime: dayKey(anchor.by) };
    const within = anchor.when.precision !== 'day' && anchor.by <= whenSpan(anchor.when).last;
    const year = / \d{4}$/.exec(by.text)?.[0];
    return [
      within ? 'In ' : `${boundWord(anchor)} `,
      { ...bound, text: withoutYear(dateInSentence(bound.text), year) },
      ', by ',
      by,
    ];
  }
  return [`${boundWord(anchor)} `, { ...bound, text: dateInSentence(bound.text) }];
}

/**
 * An undated entry's bounds as they read after "Date not given, " (a timeline heading over the entries that share
 * them): "before 3 February 2026" (what it also follows left to each entry's line), "in or after the week of 2
 * February 2026", "in the week of 2 February, by 3 February 2026".
 */
export function boundsInSentence(anchor: Anchor): string {
  const shared: Anchor = anchor.relation === 'before' ? { relation: 'before', when: anchor.when } : anchor;
  return boundPieces(shared)
    .map((piece) => (typeof piece === 'string' ? piece : piece.text))
    .join('')
    .replace(/^[A-Z]/, (first) => first.toLowerCase());
}

/**
 * The word for an undated entry's one bound: "Before", "After"; "In or after" (and "In or before") when the bound
 * is longer than a day: what came after something done in the week of 2 February may fall in that week too.
 */
export const boundWord = (anchor: Pick<Anchor, 'relation' | 'when'>): string =>
  `${anchor.when.precision === 'day' ? '' : 'In or '}${anchor.relation}`.replace(/^./, (first) => first.toUpperCase());

/** A date as it reads inside a sentence: "the week of 2 February 2026", "autumn 2025" (not "After Week of …"). */
export const dateInSentence = (text: string): string =>
  text.replace(/^Week of/, 'the week of').replace(/^(Winter|Spring|Summer|Autumn) /, (season) => season.toLowerCase());

/** A season's name in our (British) wording: the schema's "fall", as the sources may word it, reads "autumn". */
const SEASON_NAME: Record<string, string> = { winter: 'Winter', spring: 'Spring', summer: 'Summer', fall: 'Autumn' };

/**
 * A date for readers at its precision: "3 February 2026", "Week of 2 February 2026", "October 2025",
 * "Autumn 2025", "2022"; a relative date reads "Before 3 February 2026, date not given" ("Between 7 January and
 * 3 February 2026, date not given" when it has both bounds; "Date not given" without its anchor).
 */
export function formatWhen(when: When, anchor?: Anchor): string {
  if (when.precision === 'relative')
    return whenPieces(when, anchor)
      .map((piece) => (typeof piece === 'string' ? piece : piece.text))
      .join('');
  const [year = '', month = '', day = ''] = (when.date ?? '').split('-');
  switch (when.precision) {
    case 'day':
      return `${Number(day)} ${monthName(month)} ${year}`;
    case 'week':
      return `Week of ${formatDay(whenSpan(when).first)}`;
    case 'month':
      return `${monthName(month)} ${year}`;
    case 'season':
      return `${SEASON_NAME[when.season ?? ''] ?? ''} ${year}`;
    case 'year':
      return year;
  }
}

const SEASON_START: Record<string, string> = { winter: '01', spring: '03', summer: '06', fall: '09' };

/** A sortable key for a date at its precision: the earliest day it could mean (seasons by their first month); a relative date sorts with its anchor. */
export function whenSortKey(when: When, anchor?: Anchor): string {
  const [year = '', month, day] = (when.date ?? '').split('-');
  switch (when.precision) {
    case 'day':
      return `${year}-${month}-${day}`;
    case 'week':
      return dayKey(whenSpan(when).first);
    case 'month':
      return `${year}-${month}-00`;
    case 'season':
      return `${year}-${SEASON_START[when.season ?? ''] ?? '00'}-00`;
    case 'year':
      return `${year}-00-00`;
    case 'relative':
      return anchor ? whenSortKey(anchor.when) : '9999-99-99';
  }
}

/** The days a date could mean, as UTC day numbers (days since 1970-01-01), first and last; a relative date is open at both ends. */
export interface Span {
  /** The earliest day it could be; -Infinity when unbounded. */
  first: number;
  /** The latest day it could be; Infinity when unbounded. */
  last: number;
}

const DAY_MS = 86_400_000;
const dayNumber = (year: number, month: number, day: number): number => Date.UTC(year, month - 1, day) / DAY_MS;

/** The days a date at its precision could mean: a day is one day, a week Monday to Sunday (ISO), a season its three months (winter: December of the year before to February). */
export function whenSpan(when: When): Span {
  const [yearText = '', second = ''] = (when.date ?? '').split('-');
  const year = Number(yearText);
  switch (when.precision) {
    case 'day': {
      const [, month = '', day = ''] = (when.date ?? '').split('-');
      const value = dayNumber(year, Number(month), Number(day));
      return { first: value, last: value };
    }
    case 'week': {
      // ISO week 1 holds 4 January; weeks start on Monday.
      const jan4 = dayNumber(year, 1, 4);
      const monday = jan4 - ((new Date(jan4 * DAY_MS).getUTCDay() + 6) % 7) + (Number(second.slice(1)) - 1) * 7;
      return { first: monday, last: monday + 6 };
    }
    case 'month': {
      const month = Number(second);
      return { first: dayNumber(year, month, 1), last: dayNumber(year, month + 1, 1) - 1 };
    }
    case 'season': {
      const start = { winter: 0, spring: 3, summer: 6, fall: 9 }[when.season ?? 'spring'];
      const from = when.season === 'winter' ? dayNumber(year - 1, 12, 1) : dayNumber(year, start, 1);
      return { first: from, last: dayNumber(year, start + 3, 1) - 1 };
    }
    case 'year':
      return { first: dayNumber(year, 1, 1), last: dayNumber(year + 1, 1, 1) - 1 };
    case 'relative':
      return { first: -Infinity, last: Infinity };
  }
}

/** A day number as YYYY-MM-DD. */
export function dayKey(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** A day number for readers: "2 February 2026". */
export function formatDay(day: number): string {
  const date = new Date(day * DAY_MS);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/**
 * Whether an entry's date line shows an order the sources give ("during X", "after X", "before X"): "during" always
 * (it says what the entry is part of); "after"/"before" beside a date less precise than a day, or none, which it
 * narrows, and beside a day only when X falls on that day too: a day already places the entry against every other
 * day, and "7 January 2026 · after (something in January)" only makes a reader wonder.
 */
export function orderShown(when: When, relation: 'during' | 'after' | 'before', other: When): boolean {
  if (relation === 'during' || when.precision !== 'day') return true;
  return other.precision === 'day' && other.date === when.date;
}

const PRECISION_UNIT: Record<Exclude<When['precision'], 'relative'>, string> = {
  day: 'day',
  week: 'week',
  month: 'month',
  season: 'season',
  year: 'year',
};

/**
 * What a list says where the sources do not give an entry's order against the entry above it (`above`, its date;
 * `noun`, "entry" or "quotation"), saying relative to what: "same day as the entry above; which came first is not
 * given", "the entry above is dated only to January 2026; which came first is not given", or "the sources do not
 * say whether this came before or after the entry above". Nothing for an undated entry: its date already says it
 * is not given, and the order among undated entries is no more known than their dates.
 */
export function orderNote(when: When, above: When | undefined, noun: 'entry' | 'quotation'): string | undefined {
  if (when.precision === 'relative') return undefined;
  const unknown = `the sources do not say whether this came before or after the ${noun} above`;
  if (above === undefined) return unknown;
  if (above.precision === 'relative') return `the ${noun} above has no date; which came first is not given`;
  if (above.precision === when.precision && above.date === when.date && above.season === when.season)
    return `same ${PRECISION_UNIT[when.precision]} as the ${noun} above; which came first is not given`;
  const [span, other] = [whenSpan(when), whenSpan(above)];
  if (span.first >= other.first && span.last <= other.last)
    return `the ${noun} above is dated only to ${dateInSentence(formatWhen(above))}; which came first is not given`;
  return unknown;
}
