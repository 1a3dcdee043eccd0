import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addWorkingDays,
  easterSunday,
  isHoliday,
  isWorkingDay,
  italianHolidays,
  romeDate,
  workingDaysBetween,
} from './working-days.js';

/** Any calendar day from 1990 to 2100. */
const anyDay = fc
  .integer({ min: Date.UTC(1990, 0, 1) / 86_400_000, max: Date.UTC(2100, 11, 31) / 86_400_000 })
  .map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));

describe('Easter (Gregorian computus)', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    // the extremes of the Gregorian range and a year whose full moon falls on a Sunday
    [2285, '2285-03-22'],
    [2038, '2038-04-25'],
    [1943, '1943-04-25'],
    [2019, '2019-04-21'],
    [2000, '2000-04-23'],
  ])('%i: %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('is always a Sunday between 22 March and 25 April', () => {
    for (let year = 1900; year <= 2300; year++) {
      const e = easterSunday(year);
      expect(new Date(`${e}T00:00:00Z`).getUTCDay(), e).toBe(0);
      expect(e.slice(5) >= '03-22' && e.slice(5) <= '04-25', e).toBe(true);
    }
  });

  it('refuses years outside the Gregorian calendar', () => {
    expect(() => easterSunday(1582)).toThrow(RangeError);
    expect(() => easterSunday(2026.5)).toThrow(RangeError);
  });
});

describe('national holidays', () => {
  it('lists the eleven of a year, Easter Monday included', () => {
    expect(italianHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-01-06',
      '2026-04-06',
      '2026-04-25',
      '2026-05-01',
      '2026-06-02',
      '2026-08-15',
      '2026-11-01',
      '2026-12-08',
      '2026-12-25',
      '2026-12-26',
    ]);
    expect(italianHolidays(2025)).toContain('2025-04-21');
  });

  it('counts a holiday on a weekday as a day off, and weekends always', () => {
    expect(isHoliday('2026-06-02')).toBe(true); // Tuesday
    expect(isWorkingDay('2026-06-02')).toBe(false);
    expect(isWorkingDay('2026-06-03')).toBe(true);
    expect(isWorkingDay('2026-06-06')).toBe(false); // Saturday
    expect(isWorkingDay('2026-06-07')).toBe(false); // Sunday
    expect(isHoliday('2026-04-05')).toBe(false); // Easter Sunday: a Sunday, not a holiday of its own
    expect(isWorkingDay('2026-04-06')).toBe(false); // Easter Monday
    expect(isWorkingDay('2026-11-02')).toBe(true); // All Souls' day is a working day
  });

  it('refuses what is not a calendar date', () => {
    expect(() => isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => addWorkingDays('26-12-2026', 1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-12-24', 1.5)).toThrow(RangeError);
  });
});

describe('adding and counting working days', () => {
  it('skips Christmas, St Stephen, New Year and the Epiphany', () => {
    // Thursday 24 December 2026
    expect(addWorkingDays('2026-12-24', 1)).toBe('2026-12-28');
    expect(addWorkingDays('2026-12-24', 5)).toBe('2027-01-04');
    expect(addWorkingDays('2026-12-24', 10)).toBe('2027-01-12');
    expect(workingDaysBetween('2026-12-24', '2027-01-12')).toBe(10);
  });

  it('skips Easter Monday, 25 April and 1 May', () => {
    // Thursday 2 April 2026: Good Friday is a working day, Easter Monday is not
    expect(addWorkingDays('2026-04-02', 1)).toBe('2026-04-03');
    expect(addWorkingDays('2026-04-02', 2)).toBe('2026-04-07');
    // Friday 24 April 2026: 25 April is a Saturday; 1 May a Friday
    expect(addWorkingDays('2026-04-24', 4)).toBe('2026-04-30');
    expect(addWorkingDays('2026-04-24', 5)).toBe('2026-05-04');
    // 2025: Easter Monday 21 April, 25 April a Friday, 1 May a Thursday
    expect(addWorkingDays('2025-04-17', 5)).toBe('2025-04-28');
    expect(addWorkingDays('2025-04-17', 10)).toBe('2025-05-06');
  });

  it('goes back with a negative count and answers the day itself for zero', () => {
    expect(addWorkingDays('2027-01-04', -5)).toBe('2026-12-24');
    expect(addWorkingDays('2026-12-25', 0)).toBe('2026-12-25');
    expect(workingDaysBetween('2027-01-12', '2026-12-24')).toBe(-10);
    expect(workingDaysBetween('2026-12-24', '2026-12-24')).toBe(0);
  });

  it('property: counting undoes adding, and every day added to is a working day', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 0, max: 60 }), (day, n) => {
        const later = addWorkingDays(day, n);
        expect(workingDaysBetween(day, later)).toBe(n);
        if (n > 0) {
          expect(isWorkingDay(later)).toBe(true);
          // and it is the first such day: the day before it is n − 1 working days away
          expect(workingDaysBetween(day, addCalendarDays(later, -1))).toBe(n - 1);
        }
      }),
    );
  });

  it('property: a working day goes back to where it came from', () => {
    fc.assert(
      fc.property(
        anyDay.filter((d) => isWorkingDay(d)),
        fc.integer({ min: 0, max: 40 }),
        (day, n) => {
          expect(addWorkingDays(addWorkingDays(day, n), -n)).toBe(day);
        },
      ),
    );
  });

  it('property: five working days never take fewer than seven calendar days, nor more than twelve', () => {
    fc.assert(
      fc.property(anyDay, (day) => {
        const span = (Date.parse(addWorkingDays(day, 5)) - Date.parse(day)) / 86_400_000;
        // 5–7 calendar days in an ordinary week; at most 12 around Christmas (25, 26 Dec, 1, 6 Jan)
        expect(span).toBeGreaterThanOrEqual(5);
        expect(span).toBeLessThanOrEqual(12);
      }),
    );
  });
});

describe('the Italian calendar day of an instant', () => {
  it('follows the Rome time zone, summer time included', () => {
    expect(romeDate(new Date('2026-12-23T23:30:00Z'))).toBe('2026-12-24');
    expect(romeDate(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(romeDate(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });
});
