/**
 * The promised ship date: an order confirmed before the cut-off on a working day ships that day,
 * otherwise on the next working day. Days and times are the warehouse's local ones (an IANA time
 * zone), so 23:30 UTC on a Monday is already Tuesday in Asia/Shanghai. Pure; Intl does the time
 * zone arithmetic, so no date library is needed. Public holidays are not modelled.
 */

export type ShipCalendar = {
  /** Local time "HH:MM"; confirmed at or after it ships the next working day. */
  cutoff: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  workingDays: readonly number[];
  timeZone: string;
};

type LocalTime = { year: number; month: number; day: number; minutes: number; isoWeekday: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** The wall-clock date, time and weekday of `instant` in `timeZone`. */
/** The ship calendar of an app's settings: the cut-off, the working days and the time zone they are read in. */
export function shipCalendarOf(config: { shipCutoff: string; workingDays: number[]; timeZone: string }): ShipCalendar {
  return { cutoff: config.shipCutoff, workingDays: config.workingDays, timeZone: config.timeZone };
}

export function localTime(instant: Date, timeZone: string): LocalTime {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
    isoWeekday: WEEKDAYS[parts.weekday ?? ''] ?? 0,
  };
}

function parseCutoff(cutoff: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(cutoff);
  if (!m) throw new Error(`cut-off must be HH:MM, not ${cutoff}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** The promised ship date, 'YYYY-MM-DD' in the calendar's time zone. */
export function promisedShipDate(confirmedAt: Date, calendar: ShipCalendar): string {
  const working = new Set(calendar.workingDays);
  if (![...working].some((d) => Number.isInteger(d) && d >= 1 && d <= 7)) throw new Error('at least one working day (1–7) is needed');
  const local = localTime(confirmedAt, calendar.timeZone);
  // Calendar arithmetic on the local date alone: a UTC midnight stands for that day.
  const today = Date.UTC(local.year, local.month - 1, local.day);
  const sameDay = working.has(local.isoWeekday) && local.minutes < parseCutoff(calendar.cutoff);
  for (let offset = sameDay ? 0 : 1; offset <= 7; offset++) {
    const weekday = ((local.isoWeekday - 1 + offset) % 7) + 1;
    if (working.has(weekday)) return new Date(today + offset * 86_400_000).toISOString().slice(0, 10);
  }
  throw new Error('unreachable: a working day falls within any seven days');
}
