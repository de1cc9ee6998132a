import type { Published } from '../schemas/article.ts';
import type { When } from '../schemas/when.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function monthName(month: string): string {
  return MONTHS[Number(month) - 1] ?? month;
}

/** The `datetime` attribute for a publication time: a date, or a date and time with its UTC offset. */
export function publishedDatetime(published: Published): string {
  return published.precision === 'minute' && published.time !== undefined && published.utcOffset !== undefined
    ? `${published.date}T${published.time}${published.utcOffset}`
    : published.date;
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
}

/** The `datetime` attribute for a date at its precision (2026-02-03, 2025-10, 2025); a relative date gives its anchor's. */
export function whenDatetime(when: When, anchor?: Anchor): string | undefined {
  if (when.precision === 'relative') return anchor ? whenDatetime(anchor.when) : undefined;
  return when.date;
}

/**
 * A date for readers at its precision: "3 February 2026", "October 2025", "Fall 2025", "2022"; a
 * relative date reads "Before 3 February 2026" (or "Date not given" without its anchor).
 */
export function formatWhen(when: When, anchor?: Anchor): string {
  const [year = '', month = '', day = ''] = (when.date ?? '').split('-');
  switch (when.precision) {
    case 'day':
      return `${Number(day)} ${monthName(month)} ${year}`;
    case 'month':
      return `${monthName(month)} ${year}`;
    case 'season':
      return `${(when.season ?? '').replace(/^./, (c) => c.toUpperCase())} ${year}`;
    case 'year':
      return year;
    case 'relative':
      return anchor ? `${anchor.relation === 'before' ? 'Before' : 'After'} ${formatWhen(anchor.when)}` : 'Date not given';
  }
}

const SEASON_START: Record<string, string> = { winter: '01', spring: '03', summer: '06', fall: '09' };

/** A sortable key for a date at its precision: the earliest day it could mean (seasons by their first month); a relative date sorts with its anchor. */
export function whenSortKey(when: When, anchor?: Anchor): string {
  const [year = '', month, day] = (when.date ?? '').split('-');
  switch (when.precision) {
    case 'day':
      return `${year}-${month}-${day}`;
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
