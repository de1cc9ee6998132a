import { describe, expect, it } from 'vitest';
import { calendarDate, clockTime, utcOffset } from '../../../../src/lib/import/front-matter-fields.ts';

describe('dates and times as printed', () => {
  it('reads full and abbreviated month names, refusing days that do not exist', () => {
    expect(calendarDate({ month: 'February', day: '04', year: '2026' })).toBe('2026-02-04');
    expect(calendarDate({ month: 'Sept', day: '9', year: '2025' })).toBe('2025-09-09');
    expect(calendarDate({ month: 'Feb', day: '30', year: '2026' })).toBeUndefined();
  });

  it('turns a 12-hour time into HH:MM', () => {
    expect(clockTime({ hour: '3', minute: '17', meridiem: 'PM' })).toBe('15:17');
    expect(clockTime({ hour: '12', minute: '05', meridiem: 'a.m.' })).toBe('00:05');
    expect(clockTime({ hour: '9', minute: '05' })).toBe('09:05');
  });

  it('gives a US zone its standard or summer offset for the date', () => {
    expect(utcOffset('PT', '2026-02-03')).toBe('-08:00');
    expect(utcOffset('PT', '2026-03-08')).toBe('-07:00');
    expect(utcOffset('ET', '2026-03-07')).toBe('-05:00');
    expect(utcOffset('ET', '2026-11-01')).toBe('-05:00');
    expect(utcOffset('ET', '2026-10-31')).toBe('-04:00');
    expect(utcOffset('XYZ', '2026-02-03')).toBeUndefined();
  });
});
