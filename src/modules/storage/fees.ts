/**
 * The storage fee: a pure function over integer minor units (fen / cents), never floats.
 * Time is billed per started unit (hour or day) from check-in; within the grace period the stay
 * is free, past it the whole stay is billed; the minimum charge applies then, and the cap limits it.
 */
export type FeeUnit = 'hour' | 'day';

export type Tariff = {
  unit: FeeUnit;
  /** Minor units per started unit. */
  rate: number;
  graceMinutes: number;
  minimumCharge: number;
  /** Most the stay ever costs; null = no cap. Never below minimumCharge. */
  cap: number | null;
  currency: string;
};

export type Fee = { amount: number; billedUnits: number; currency: string };

const UNIT_MS: Record<FeeUnit, number> = { hour: 3_600_000, day: 86_400_000 };

export function computeFee(tariff: Tariff | null, checkedInAt: Date | string, until: Date | string): Fee {
  if (!tariff) return { amount: 0, billedUnits: 0, currency: 'CNY' };
  const elapsed = Math.max(0, new Date(until).getTime() - new Date(checkedInAt).getTime());
  if (elapsed <= tariff.graceMinutes * 60_000) return { amount: 0, billedUnits: 0, currency: tariff.currency };
  const billedUnits = Math.ceil(elapsed / UNIT_MS[tariff.unit]);
  let amount = Math.max(billedUnits * tariff.rate, tariff.minimumCharge);
  if (tariff.cap !== null) amount = Math.min(amount, tariff.cap);
  return { amount, billedUnits, currency: tariff.currency };
}
