import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { PORTAL_LIMITS } from '../src/modules/storage/portal.js';
import { checkIn, ok, phoneOf, SIGNATURE, storageWorld } from './storage.fixtures.js';
import { testClock } from './support/clock.js';
import { useTestContext } from './support/context.js';

// The rate limits' clock: a limit test stops it, so its attempts all fall in one window however long they take.
const clock = testClock();
afterEach(() => clock.resume());
// Clients from many addresses, as a reverse proxy on this machine (trusted) reports them.
const ctx = await useTestContext({ now: clock.now, trustProxy: 'loopback' });
const api = ctx.api;
const anonymous = api.as(undefined);

let ipSeq = 0;
const fromIp = () => ({ headers: { 'x-forwarded-for': `203.0.113.${(process.pid + ++ipSeq) % 250}` } });

describe('portal: a customer looks up their deposit', () => {
  it('shows items, status and history for the right phone and voucher, and nothing of the staff', async () => {
    const world = await storageWorld(api);
    const phone = phoneOf();
    const d = await checkIn(api, world, {
      customerPhone: phone,
      customerName: 'Chen Jie',
      items: [
        { category: 'luggage', sizeClass: 'L', description: 'Black suitcase' },
        { category: 'luggage', sizeClass: 'S', description: 'Backpack' },
      ],
    });
    await ok(api.post(`/api/v1/storage/items/${d.items[0].code}/put-away`, { locationCode: 'S-LUGGAGE' }), 200);
    await ok(api.post('/api/v1/storage/check-outs', { voucherCode: d.voucherCode, itemCodes: [d.items[1].code], receivedBy: 'Chen Jie', signature: SIGNATURE }));

    const res = await anonymous.post('/api/v1/portal/storage/lookup', { phone: phone.replace(/\s/g, ''), voucherCode: d.voucherCode.toLowerCase() }, fromIp());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ depositNumber: d.depositNumber, status: 'open', customerName: 'Chen Jie', warehouse: { code: world.warehouseCode } });
    expect(res.body.items.map((i: any) => [i.code, i.status, i.history.map((h: any) => h.action)])).toEqual([
      [d.items[0].code, 'stored', ['checked_in', 'put_away']],
      [d.items[1].code, 'checked_out', ['checked_in', 'checked_out']],
    ]);
    expect(res.body.items[1].history[1]).toMatchObject({ label: { 'zh-CN': '已取件', en: 'Checked out' }, receivedBy: 'Chen Jie' });
    const text = JSON.stringify(res.body);
    expect(text).not.toContain('api_key:');
    expect(text).not.toContain('S-LUGGAGE');
    expect(text).not.toContain(d.voucherCode);
  });

  it('gives the same 404 for an unknown phone and a wrong voucher', async () => {
    const world = await storageWorld(api);
    const phone = phoneOf();
    const d = await checkIn(api, world, { customerPhone: phone });
    const other = await checkIn(api, world);
    const wrongVoucher = await anonymous.post('/api/v1/portal/storage/lookup', { phone, voucherCode: other.voucherCode }, fromIp());
    const unknownPhone = await anonymous.post('/api/v1/portal/storage/lookup', { phone: '+1 555 0100 999', voucherCode: d.voucherCode }, fromIp());
    const noSuchVoucher = await anonymous.post('/api/v1/portal/storage/lookup', { phone, voucherCode: 'ZZZZZZZZZZ' }, fromIp());
    for (const r of [wrongVoucher, unknownPhone, noSuchVoucher]) {
      expect(r.status).toBe(404);
      const { instance: _i, ...problem } = r.body;
      expect(problem).toEqual({ type: 'https://wareloop.dev/problems/not-found', title: 'Not found', status: 404, detail: expect.stringContaining('没有') });
    }
    expect(wrongVoucher.body.detail).toBe(unknownPhone.body.detail);
  });

  it('limits look-ups per phone and per client, with counters in the database', async () => {
    clock.set(Date.now());
    const phone = phoneOf();
    const ip = fromIp();
    for (let i = 0; i < PORTAL_LIMITS.perPhone; i++) {
      expect((await anonymous.post('/api/v1/portal/storage/lookup', { phone, voucherCode: 'ZZZZZZZZZZ' }, fromIp())).status).toBe(404);
    }
    const limited = await anonymous.post('/api/v1/portal/storage/lookup', { phone, voucherCode: 'ZZZZZZZZZZ' }, ip);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body.detail).toContain('请稍后再试');
    // Counted in the database (so every process sees it), under a hash of the phone, never the number.
    const digits = phone.replace(/\D/g, '');
    const key = createHash('sha256').update(`storage:phone:${digits}`).digest('base64url');
    const { rows } = await ctx.db.query<{ attempts: number }>(`SELECT sum(attempts)::int AS attempts FROM rate_limit_attempts WHERE key = $1`, [key]);
    expect(rows[0]!.attempts).toBe(PORTAL_LIMITS.perPhone + 1);
    const plain = await ctx.db.query(`SELECT 1 FROM rate_limit_attempts WHERE key LIKE $1`, [`%${digits}%`]);
    expect(plain.rowCount).toBe(0);

    // One client trying many phones is stopped too.
    const client = fromIp();
    const statuses: number[] = [];
    for (let i = 0; i <= PORTAL_LIMITS.perIp; i++) {
      statuses.push((await anonymous.post('/api/v1/portal/storage/lookup', { phone: phoneOf(), voucherCode: 'ZZZZZZZZZZ' }, client)).status);
    }
    expect(statuses.filter((s) => s === 404)).toHaveLength(PORTAL_LIMITS.perIp);
    expect(statuses.at(-1)).toBe(429);
  });
});
