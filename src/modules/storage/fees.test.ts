import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFee, type Tariff } from './fees.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const IN = new Date('2026-03-01T08:00:00.000Z');
const at = (ms: number) => new Date(IN.getTime() + ms);

const tariffArb: fc.Arbitrary<Tariff> = fc
  .record({
    unit: fc.constantFrom('hour' as const, 'day' as const),
    rate: fc.integer({ min: 0, max: 100_000 }),
    graceMinutes: fc.integer({ min: 0, max: 3 * 24 * 60 }),
    minimumCharge: fc.integer({ min: 0, max: 100_000 }),
    capExtra: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
  })
  .map(({ capExtra, ...t }) => ({ ...t, cap: capExtra === null ? null : t.minimumCharge + capExtra, currency: 'CNY' }));
const elapsedArb = fc.integer({ min: 0, max: 400 * DAY });

describe('computeFee', () => {
  it('is free within the grace period', () => {
    fc.assert(
      fc.property(tariffArb, fc.double({ min: 0, max: 1, noNaN: true }), (t, f) => {
        const ms = Math.floor(t.graceMinutes * 60_000 * f);
        expect(computeFee(t, IN, at(ms)).amount).toBe(0);
      }),
    );
  });

  it('charges at least the minimum past the grace period, and never more than the cap', () => {
    fc.assert(
      fc.property(tariffArb, elapsedArb, (t, ms) => {
        const fee = computeFee(t, IN, at(ms)).amount;
        if (ms > t.graceMinutes * 60_000) expect(fee).toBeGreaterThanOrEqual(t.minimumCharge);
        if (t.cap !== null) expect(fee).toBeLessThanOrEqual(t.cap);
        expect(Number.isSafeInteger(fee)).toBe(true);
      }),
    );
  });

  it('never falls as time goes on', () => {
    fc.assert(
      fc.property(tariffArb, elapsedArb, elapsedArb, (t, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(computeFee(t, IN, at(late)).amount).toBeGreaterThanOrEqual(computeFee(t, IN, at(early)).amount);
      }),
    );
  });

  it('bills every started unit: the same within a unit, one rate more in the next', () => {
    fc.assert(
      fc.property(tariffArb, fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: DAY - 1 }), (raw, k, offset) => {
        const t = { ...raw, graceMinutes: 0, minimumCharge: 0, cap: null };
        const unit = t.unit === 'hour' ? HOUR : DAY;
        const inside = (k - 1) * unit + (offset % unit) + 1; // in ((k-1)·unit, k·unit]
        expect(computeFee(t, IN, at(inside))).toEqual({ amount: k * t.rate, billedUnits: k, currency: 'CNY' });
        expect(computeFee(t, IN, at(k * unit)).amount).toBe(k * t.rate);
        expect(computeFee(t, IN, at(k * unit + 1)).amount).toBe((k + 1) * t.rate);
      }),
    );
  });

  it('computes exact examples', () => {
    const daily: Tariff = { unit: 'day', rate: 1000, graceMinutes: 30, minimumCharge: 1500, cap: 20_000, currency: 'CNY' };
    expect(computeFee(daily, IN, at(30 * 60_000)).amount).toBe(0); // end of grace
    expect(computeFee(daily, IN, at(30 * 60_000 + 1)).amount).toBe(1500); // one started day, raised to the minimum
    expect(computeFee(daily, IN, at(DAY + 1)).amount).toBe(2000); // two started days
    expect(computeFee(daily, IN, at(3 * DAY)).amount).toBe(3000);
    expect(computeFee(daily, IN, at(30 * DAY)).amount).toBe(20_000); // capped
    const hourly: Tariff = { unit: 'hour', rate: 250, graceMinutes: 0, minimumCharge: 0, cap: null, currency: 'CNY' };
    expect(computeFee(hourly, '2026-03-01T08:00:00Z', '2026-03-01T10:00:01Z')).toEqual({ amount: 750, billedUnits: 3, currency: 'CNY' });
    expect(computeFee(hourly, IN, IN).amount).toBe(0);
    expect(computeFee(hourly, IN, new Date(IN.getTime() - HOUR)).amount).toBe(0); // a clock behind check-in never bills
    expect(computeFee(null, IN, at(10 * DAY))).toEqual({ amount: 0, billedUnits: 0, currency: 'CNY' });
  });
});
