import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localTime, promisedShipDate, type ShipCalendar } from './promised-date.js';

const shanghai: ShipCalendar = { cutoff: '15:00', workingDays: [1, 2, 3, 4, 5], timeZone: 'Asia/Shanghai' };
const at = (iso: string) => new Date(iso);
const isoWeekday = (date: string) => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

// 2026-11-23 is a Monday; Shanghai is UTC+8 all year.
describe('promisedShipDate', () => {
  it('ships the same day when confirmed before the cut-off on a working day', () => {
    expect(promisedShipDate(at('2026-11-23T02:00:00Z'), shanghai)).toBe('2026-11-23'); // Mon 10:00
    expect(promisedShipDate(at('2026-11-27T06:59:59Z'), shanghai)).toBe('2026-11-27'); // Fri 14:59
  });

  it('ships the next working day at or after the cut-off', () => {
    expect(promisedShipDate(at('2026-11-23T07:00:00Z'), shanghai)).toBe('2026-11-24'); // Mon 15:00 sharp
    expect(promisedShipDate(at('2026-11-25T12:00:00Z'), shanghai)).toBe('2026-11-26'); // Wed 20:00
  });

  it('after the cut-off on Friday and at the weekend ships on Monday', () => {
    expect(promisedShipDate(at('2026-11-27T08:00:00Z'), shanghai)).toBe('2026-11-30'); // Fri 16:00
    expect(promisedShipDate(at('2026-11-28T02:00:00Z'), shanghai)).toBe('2026-11-30'); // Sat 10:00
    expect(promisedShipDate(at('2026-11-29T02:00:00Z'), shanghai)).toBe('2026-11-30'); // Sun 10:00
  });

  it('uses the local day: 23:30 UTC is already the next morning in Shanghai', () => {
    expect(promisedShipDate(at('2026-11-23T23:30:00Z'), shanghai)).toBe('2026-11-24'); // Tue 07:30 local
    expect(promisedShipDate(at('2026-11-27T23:30:00Z'), shanghai)).toBe('2026-11-30'); // Sat 07:30 local
    // Friday 23:30 UTC is still Friday (18:30) in New York, after its cut-off.
    expect(promisedShipDate(at('2026-11-27T23:30:00Z'), { ...shanghai, timeZone: 'America/New_York' })).toBe('2026-11-30');
    expect(promisedShipDate(at('2026-11-27T19:00:00Z'), { ...shanghai, timeZone: 'America/New_York' })).toBe('2026-11-27');
  });

  it('follows daylight saving time', () => {
    // Berlin switched to CEST on Sunday 2026-03-29: Monday 14:30 local is 12:30 UTC, not 13:30.
    const berlin = { ...shanghai, timeZone: 'Europe/Berlin' };
    expect(promisedShipDate(at('2026-03-30T12:30:00Z'), berlin)).toBe('2026-03-30');
    expect(promisedShipDate(at('2026-03-30T13:30:00Z'), berlin)).toBe('2026-03-31'); // 15:30 CEST
  });

  it('crosses month and year ends', () => {
    expect(promisedShipDate(at('2026-12-31T09:00:00Z'), shanghai)).toBe('2027-01-01'); // Thu 17:00 → Fri
    expect(promisedShipDate(at('2027-02-26T09:00:00Z'), shanghai)).toBe('2027-03-01'); // Fri 17:00 → Mon
  });

  it('honours other working weeks', () => {
    expect(promisedShipDate(at('2026-11-27T08:00:00Z'), { ...shanghai, workingDays: [1, 2, 3, 4, 5, 6] })).toBe('2026-11-28');
    // Wednesdays only: Wednesday after the cut-off waits a whole week.
    expect(promisedShipDate(at('2026-11-25T08:00:00Z'), { ...shanghai, workingDays: [3] })).toBe('2026-12-02');
    expect(promisedShipDate(at('2026-11-29T16:30:00Z'), { ...shanghai, workingDays: [1], cutoff: '00:45' })).toBe('2026-11-30'); // Mon 00:30
  });

  it('refuses a malformed calendar', () => {
    expect(() => promisedShipDate(at('2026-11-23T02:00:00Z'), { ...shanghai, cutoff: '3pm' })).toThrow(/HH:MM/);
    expect(() => promisedShipDate(at('2026-11-23T02:00:00Z'), { ...shanghai, workingDays: [] })).toThrow(/working day/);
  });

  it('always answers a working day within a week, never before the local date, the same day only before the cut-off', () => {
    const zones = ['Asia/Shanghai', 'UTC', 'America/Los_Angeles', 'Europe/Berlin', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom(...zones),
        fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
        fc.integer({ min: 0, max: 23 * 60 + 59 }),
        (instant, timeZone, workingDays, cutoffMinutes) => {
          const cutoff = `${String(Math.floor(cutoffMinutes / 60)).padStart(2, '0')}:${String(cutoffMinutes % 60).padStart(2, '0')}`;
          const date = promisedShipDate(instant, { cutoff, workingDays, timeZone });
          const local = localTime(instant, timeZone);
          const localDate = `${local.year}-${String(local.month).padStart(2, '0')}-${String(local.day).padStart(2, '0')}`;
          const days = (Date.parse(`${date}T00:00:00Z`) - Date.parse(`${localDate}T00:00:00Z`)) / 86_400_000;
          expect(workingDays).toContain(isoWeekday(date));
          expect(days).toBeGreaterThanOrEqual(0);
          expect(days).toBeLessThanOrEqual(7);
          expect(days === 0).toBe(workingDays.includes(local.isoWeekday) && local.minutes < cutoffMinutes);
        },
      ),
      { numRuns: 500 },
    );
  });
});
