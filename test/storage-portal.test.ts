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

  it('limits the guesser, never the customer: a stranger refused 429 does not lock the real customer out', async () => {
    clock.set(Date.now());
    const world = await storageWorld(api);
    const phone = phoneOf();
    const d = await checkIn(api, world, { customerPhone: phone });
    const stranger = fromIp();
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      statuses.push((await anonymous.post('/api/v1/portal/storage/lookup', { phone, voucherCode: `ZZZZZZZZ${String(i).padStart(2, '0')}` }, stranger)).status);
    }
    expect(statuses.slice(0, PORTAL_LIMITS.perIpAndPhone)).toEqual(Array(PORTAL_LIMITS.perIpAndPhone).fill(404));
    expect(statuses.slice(PORTAL_LIMITS.perIpAndPhone)).toEqual(Array(20 - PORTAL_LIMITS.perIpAndPhone).fill(429));
    // Still refused, even with the right voucher: the stranger is out of tries.
    const limited = await anonymous.post('/api/v1/portal/storage/lookup', { phone, voucherCode: 'ZZZZZZZZZZ' }, stranger);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body.detail).toContain('请稍后再试');

    // The customer, from their own address, in the same window.
    const customer = await anonymous.post('/api/v1/portal/storage/lookup', { phone, voucherCode: d.voucherCode }, fromIp());
    expect(customer.status).toBe(200);
    expect(customer.body.depositNumber).toBe(d.depositNumber);

    // A wrong guess from the customer's side is 404 as ever, not 429.
    expect((await anonymous.post('/api/v1/portal/storage/lookup', { phone, voucherCode: 'ZZZZZZZZZZ' }, fromIp())).status).toBe(404);
  });

  it('answers a known and an unknown phone alike, up to and past the limit', async () => {
    clock.set(Date.now());
    const world = await storageWorld(api);
    const known = phoneOf();
    await checkIn(api, world, { customerPhone: known });
    const answers = async (phone: string) => {
      const client = fromIp();
      const out: Array<[number, string]> = [];
      for (let i = 0; i <= PORTAL_LIMITS.perIpAndPhone; i++) {
        const r = await anonymous.post('/api/v1/portal/storage/lookup', { phone, voucherCode: 'ZZZZZZZZZZ' }, client);
        out.push([r.status, r.body.detail]);
      }
      return out;
    };
    expect(await answers(known)).toEqual(await answers(phoneOf()));
  });

  it('counts in the database under hashes, per client and per client and phone; one client trying many phones is stopped', async () => {
    clock.set(Date.now());
    const phone = phoneOf();
    const ip = fromIp();
    await anonymous.post('/api/v1/portal/storage/lookup', { phone, voucherCode: 'ZZZZZZZZZZ' }, ip);
    // Counted in the database (so every process sees it), under a hash of the phone, never the number.
    const digits = phone.replace(/\D/g, '');
    const key = createHash('sha256').update(`storage:phone:${digits}:${ip.headers['x-forwarded-for']}`).digest('base64url');
    const { rows } = await ctx.db.query<{ attempts: number }>(`SELECT sum(attempts)::int AS attempts FROM rate_limit_attempts WHERE key = $1`, [key]);
    expect(rows[0]!.attempts).toBe(1);
    const plain = await ctx.db.query(`SELECT 1 FROM rate_limit_attempts WHERE key LIKE $1`, [`%${digits}%`]);
    expect(plain.rowCount).toBe(0);

    const client = fromIp();
    const statuses: number[] = [];
    for (let i = 0; i <= PORTAL_LIMITS.perIp; i++) {
      statuses.push((await anonymous.post('/api/v1/portal/storage/lookup', { phone: phoneOf(), voucherCode: 'ZZZZZZZZZZ' }, client)).status);
    }
    expect(statuses.filter((s) => s === 404)).toHaveLength(PORTAL_LIMITS.perIp);
    expect(statuses.at(-1)).toBe(429);
  });

  it('counts an IPv6 client by its /64: a host that changes its address within its network is one client', async () => {
    clock.set(Date.now());
    const net = `2001:db8:${(process.pid % 9000) + 1000}:${++ipSeq}`;
    const statuses: number[] = [];
    for (let i = 0; i <= PORTAL_LIMITS.perIp; i++) {
      const from = { headers: { 'x-forwarded-for': `${net}::${(i + 1).toString(16)}` } };
      statuses.push((await anonymous.post('/api/v1/portal/storage/lookup', { phone: phoneOf(), voucherCode: 'ZZZZZZZZZZ' }, from)).status);
    }
    expect(statuses.filter((s) => s === 404)).toHaveLength(PORTAL_LIMITS.perIp);
    expect(statuses.at(-1)).toBe(429);
  });
});
