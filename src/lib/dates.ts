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

/** The `datetime` attribute for a date at its precision: 2026-02-03, 2025-10 or 2025. */
export function whenDatetime(when: When): string {
  return when.date;
}

/** A date for readers at its precision: "3 February 2026", "October 2025", "Fall 2025", "2022". */
export function formatWhen(when: When): string {
  const [year, month, day] = when.date.split('-');
  switch (when.precision) {
    case 'day':
      return `${Number(day)} ${monthName(month ?? '')} ${year}`;
    case 'month':
      return `${monthName(month ?? '')} ${year}`;
    case 'season':
      return `${(when.season ?? '').replace(/^./, (c) => c.toUpperCase())} ${year}`;
    case 'year':
      return year ?? when.date;
  }
}

const SEASON_START: Record<string, string> = { winter: '01', spring: '03', summer: '06', fall: '09' };

/** A sortable key for a date at its precision: the earliest day it could mean (seasons by their first month). */
export function whenSortKey(when: When): string {
  const [year = '', month, day] = when.date.split('-');
  switch (when.precision) {
    case 'day':
      return `${year}-${month}-${day}`;
    case 'month':
      return `${year}-${month}-00`;
    case 'season':
      return `${year}-${SEASON_START[when.season ?? ''] ?? '00'}-00`;
    case 'year':
      return `${year}-00-00`;
  }
}
