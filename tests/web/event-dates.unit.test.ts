/**
 * The events' dates on the web (web/src/features/events/events/words.ts): an instant in Italian
 * words on Rome's clock, and the organisers' form writing gg/mm/aaaa + hh:mm in Italian time,
 * summer and winter alike.
 */
import { describe, expect, it } from 'vitest';
import { eventWhen, romeInstant, romeWallClock } from '../../web/src/features/events/events/dates.js';

describe('event dates', () => {
  it('says an instant the Italian way, on Rome’s clock', () => {
    expect(eventWhen('2027-01-20T14:00:00Z')).toEqual({ date: '20 gennaio 2027', time: '15:00' });
    expect(eventWhen('2026-07-03T07:30:00Z')).toEqual({ date: '3 luglio 2026', time: '09:30' });
    expect(eventWhen('2026-07-03T07:30:00Z', 'en').date).toBe('3 July 2026');
  });

  it('turns the form’s day and time in Italy into the instant, and back', () => {
    expect(romeInstant('15/03/2027', '09:30')).toBe('2027-03-15T08:30:00.000Z');
    expect(romeInstant('1/7/2026', '9.00')).toBe('2026-07-01T07:00:00.000Z');
    expect(romeWallClock('2026-07-01T07:00:00.000Z')).toEqual({ day: '01/07/2026', time: '09:00' });
    expect(romeWallClock(null)).toEqual({ day: '', time: '' });
    for (const [d, h] of [
      ['31/02/2027', '10:00'],
      ['2027-03-15', '10:00'],
      ['15/03/2027', '25:00'],
      ['15/13/2027', '10:00'],
    ])
      expect(romeInstant(d!, h!), `${d} ${h}`).toBeNull();
  });
});
