/**
 * How the console writes dates, money and quantities: dates in the warehouse's time zone (the
 * API names it on each warehouse; Asia/Shanghai until we know), money with its currency,
 * quantities as whole numbers. Pure functions, so they are tested without a browser.
 */
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);
dayjs.extend(timezone);

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
/** Catalog prices carry no currency of their own: they are in the one orders default to. */
export const CATALOG_CURRENCY = 'CNY';

/** 2026-11-24 10:00 in the given zone (24-hour clock, the same shape in both languages). */
export function formatDateTime(iso: string | null | undefined, timeZone: string, lang: string): string {
  if (!iso) return '—';
  const parts = new Intl.DateTimeFormat(lang === 'zh-CN' ? 'zh-CN' : 'en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

export function formatMoney(amount: number, currency: string, lang: string): string {
  try {
    return new Intl.NumberFormat(lang, { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}

export function formatQuantity(n: number, lang: string): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(Math.round(n));
}

/**
 * A picked day range ('YYYY-MM-DD', both days included) as the API's instants: from the start of
 * the first day to the start of the day after the last (exclusive), in the warehouse's zone.
 */
export function dayRange(from: string, to: string, timeZone: string): { createdFrom: string; createdTo: string } {
  return {
    createdFrom: dayjs.tz(`${from} 00:00`, timeZone).format(),
    createdTo: dayjs.tz(`${dayjs(to).add(1, 'day').format('YYYY-MM-DD')} 00:00`, timeZone).format(),
  };
}
