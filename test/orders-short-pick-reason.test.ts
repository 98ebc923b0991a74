/**
 * A picker declaring a short pick on the handheld says why (not found, damaged, …): the reason is
 * kept with the pick, named in the exception and in the event. A scan replayed with its
 * Idempotency-Key (the handheld's offline queue) does not count twice.
 */
import { describe, expect, it } from 'vitest';
import { useTestContext } from './support/context.js';
import { createProduct, createWorld, ok, orderEvents, placeOrder, receive } from './orders.fixtures.js';

const ctx = await useTestContext();
const api = ctx.api;

describe('short pick reason', () => {
  it('is kept with the pick and named in the exception and the event', async () => {
    const world = await createWorld(api);
    const p = await createProduct(api);
    await receive(api, world, { sku: p.sku, quantity: 3, locationCode: 'A-01' });
    const order = await placeOrder(api, world, [{ sku: p.sku, quantity: 3 }]);
    await ok(api.post(`/api/v1/orders/${order.id}/pick-list`), 200);

    const bad = await api.post(`/api/v1/orders/${order.id}/picks/short`, { locationCode: 'A-01', code: p.barcode, found: 1, reason: 'lost in transit' });
    expect(bad.status).toBe(400);

    const short = await api.post(`/api/v1/orders/${order.id}/picks/short`, { locationCode: 'A-01', code: p.barcode, found: 1, reason: 'damaged' });
    expect(short.status).toBe(200);
    expect(short.body.status).toBe('exception');
    const after = (await api.get(`/api/v1/orders/${order.id}`)).body;
    expect(after.exceptionReason).toBe(`short pick: ${p.sku} at A-01 found 1 of 3 (damaged)`);
    const picked = (await orderEvents(api, order.id)).find((e) => e.type === 'order.item_picked');
    expect(picked?.payload).toMatchObject({ quantity: 1, expected: 3, short: 2, reason: 'damaged' });
    const rows = await ctx.db.query<{ reason: string | null }>('SELECT reason FROM order_picks WHERE order_id = $1', [order.id]);
    expect(rows.rows).toEqual([{ reason: 'damaged' }]);
  });

  it('without a reason still works, and a replayed scan counts once', async () => {
    const world = await createWorld(api);
    const p = await createProduct(api);
    await receive(api, world, { sku: p.sku, quantity: 2, locationCode: 'A-01' });
    const order = await placeOrder(api, world, [{ sku: p.sku, quantity: 2 }]);
    await ok(api.post(`/api/v1/orders/${order.id}/pick-list`), 200);
    const headers = { 'idempotency-key': `short-${order.id}` };
    const body = { locationCode: 'A-01', code: p.sku, found: 0 };
    const first = await api.post(`/api/v1/orders/${order.id}/picks/short`, body, { headers });
    const again = await api.post(`/api/v1/orders/${order.id}/picks/short`, body, { headers });
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect((await api.get(`/api/v1/orders/${order.id}`)).body.exceptionReason).toBe(`short pick: ${p.sku} at A-01 found 0 of 2`);
    const rows = await ctx.db.query('SELECT id FROM order_picks WHERE order_id = $1', [order.id]);
    expect(rows.rowCount).toBe(1);
  });
});
