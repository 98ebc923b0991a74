/** The console's formatters: dates in the warehouse's zone, money with its currency, whole quantities, day ranges as instants. */
import { describe, expect, it } from 'vitest';
import { dayRange, formatDateTime, formatMoney, formatQuantity } from '../../web/src/console/lib/format.js';

describe('console formatters', () => {
  it("writes an instant in the warehouse's time zone, the same shape in both languages", () => {
    const instant = '2026-11-23T23:30:00Z'; // already Tuesday morning in Shanghai
    expect(formatDateTime(instant, 'Asia/Shanghai', 'zh-CN')).toBe('2026-11-24 07:30');
    expect(formatDateTime(instant, 'Asia/Shanghai', 'en')).toBe('2026-11-24 07:30');
    expect(formatDateTime(instant, 'UTC', 'en')).toBe('2026-11-23 23:30');
    expect(formatDateTime(null, 'Asia/Shanghai', 'en')).toBe('—');
  });

  it('writes money with its currency and quantities as integers', () => {
    expect(formatMoney(1000.3, 'CNY', 'en')).toBe('CN¥1,000.30');
    expect(formatMoney(168, 'CNY', 'zh-CN')).toBe('¥168.00');
    expect(formatMoney(5, 'USD', 'en')).toBe('$5.00');
    expect(formatQuantity(12000, 'en')).toBe('12,000');
    expect(formatQuantity(2.6, 'en')).toBe('3');
  });

  it('turns a picked day range into [start of first day, start of the day after the last) in the zone', () => {
    expect(dayRange('2026-11-01', '2026-11-30', 'Asia/Shanghai')).toEqual({ createdFrom: '2026-11-01T00:00:00+08:00', createdTo: '2026-12-01T00:00:00+08:00' });
    // Across a daylight-saving change the end keeps the zone's own offset.
    expect(dayRange('2026-03-07', '2026-03-08', 'America/New_York')).toEqual({ createdFrom: '2026-03-07T00:00:00-05:00', createdTo: '2026-03-09T00:00:00-04:00' });
  });
});
