/**
 * What the handheld's storage counter relies on: the voucher opens its deposit (and nothing else
 * does — an item label or deposit number is not a voucher), and a put-away scan replayed by the
 * outbox with the same Idempotency-Key is answered once, not refused as already stored.
 */
import { describe, expect, it } from 'vitest';
import { checkIn, expectProblem, ok, storageWorld } from './storage.fixtures.js';
import { useTestContext } from './support/context.js';

const ctx = await useTestContext();
const api = ctx.api;

describe('storage counter', () => {
  it('opens a deposit by its voucher only, with the fees so far and without the voucher', async () => {
    const world = await storageWorld(api);
    const operator = api.as(await ctx.keyFor('warehouse_operator'));
    const d = await checkIn(api, world, { items: [{ category: 'luggage', sizeClass: 'M', description: 'Blue suitcase' }, { category: 'bag', sizeClass: 'S', description: 'Tote' }] });

    const found = await ok(operator.post('/api/v1/storage/vouchers/lookup', { voucherCode: ` ${d.voucherCode.toLowerCase()} ` }), 200);
    expect(found).toMatchObject({ id: d.id, depositNumber: d.depositNumber, status: 'open', feeDue: 0 });
    expect(found.items.map((i: { code: string; fee: { settled: boolean } }) => [i.code, i.fee.settled])).toEqual(d.items.map((i: { code: string }) => [i.code, false]));
    expect(found).not.toHaveProperty('voucherCode');

    for (const wrong of ['NOTAVOUCHR', d.items[0].code, d.depositNumber]) {
      const res = await operator.post('/api/v1/storage/vouchers/lookup', { voucherCode: wrong });
      expectProblem(res, 404);
      expect(res.body.detail).toBe('no deposit has this voucher');
    }
  });

  it('answers a replayed put-away scan with its first answer', async () => {
    const world = await storageWorld(api);
    const d = await checkIn(api, world);
    const code = d.items[0].code as string;
    const headers = { 'idempotency-key': `put-away-${code}` };
    const first = await api.post(`/api/v1/storage/items/${code}/put-away`, { locationCode: 'S-ANY' }, { headers });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'stored', location: { code: 'S-ANY' } });
    const replay = await api.post(`/api/v1/storage/items/${code}/put-away`, { locationCode: 'S-ANY' }, { headers });
    expect(replay.status).toBe(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual(first.body);
    // Only one put-away in the custody history; a new scan of a stored item is still refused.
    const item = await ok(api.get(`/api/v1/storage/items/${code}`), 200);
    expect(item.history.map((h: { action: string }) => h.action)).toEqual(['checked_in', 'put_away']);
    expectProblem(await api.post(`/api/v1/storage/items/${code}/put-away`, { locationCode: 'S-ANY' }), 409);
  });
});
