/**
 * Two transfers and an order race for the same source stock: whatever order the database
 * serialises them in, nothing is promised or shipped twice and the stock invariants hold.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestContext } from '../../../test/support/context.js';
import { createProduct, createWorld, ok, placeOrder, type World } from '../../../test/orders.fixtures.js';
import { isHealthy, runDoctor } from './doctor.js';
import { getBalance } from './stock.service.js';

const ctx = await useTestContext();

let A: World;
let B: World;

beforeAll(async () => {
  A = await createWorld(ctx.api);
  B = await createWorld(ctx.api);
});

const STOCK = 10;

describe('transfers racing an order for the same stock', () => {
  it.each([1, 2, 3, 4])('round %i: nothing is oversold, every loser gets a 409', async () => {
    const p = await createProduct(ctx.api);
    await ok(ctx.api.post('/api/v1/stock/receipts', { sku: p.sku, warehouseId: A.warehouseId, locationCode: 'A-01', quantity: STOCK }));
    const t1 = await ok(ctx.api.post('/api/v1/transfers', { fromWarehouseId: A.warehouseId, toWarehouseId: B.warehouseId, lines: [{ sku: p.sku, quantity: 6 }] }));
    const t2 = await ok(ctx.api.post('/api/v1/transfers', { fromWarehouseId: A.warehouseId, toWarehouseId: B.warehouseId, lines: [{ sku: p.sku, quantity: 6 }] }));

    // Release both and place an order for 5, all at once.
    const [r1, r2, order] = await Promise.all([
      ctx.api.post(`/api/v1/transfers/${t1.id}/release`, {}),
      ctx.api.post(`/api/v1/transfers/${t2.id}/release`, {}),
      placeOrder(ctx.api, A, [{ sku: p.sku, quantity: 5 }]),
    ]);
    for (const r of [r1, r2]) {
      expect([200, 409]).toContain(r.status);
      if (r.status === 409) expect(r.body.currentState).toBe('insufficient_stock');
    }
    const released = [r1, r2].filter((r) => r.status === 200).map((r) => r.body);
    const orderHolds = order.status === 'confirmed' ? 5 : 0;
    expect(['confirmed', 'backordered']).toContain(order.status);
    // 6 + 6 > 10 and 6 + 5 > 10: exactly one of the three wins.
    expect(released.length * 6 + orderHolds).toBeLessThanOrEqual(STOCK);
    expect(released.length + (orderHolds ? 1 : 0)).toBe(1);
    expect(await getBalance(ctx.db, p.id, A.warehouseId)).toMatchObject({ onHand: STOCK, reserved: released.length * 6 + orderHolds });

    // Now ship what was released while another order tries for what is left (+1).
    const left = STOCK - released.length * 6 - orderHolds;
    const [shipped, second] = await Promise.all([
      Promise.all(released.map((t) => ctx.api.post(`/api/v1/transfers/${t.id}/ship`, {}))),
      placeOrder(ctx.api, A, [{ sku: p.sku, quantity: left + 1 }]),
    ]);
    for (const s of shipped) expect(s.status).toBe(200);
    expect(second.status).toBe('backordered');
    const balance = await getBalance(ctx.db, p.id, A.warehouseId);
    expect(balance).toMatchObject({ onHand: STOCK - released.length * 6, reserved: orderHolds });
    expect(balance.available).toBe(left);
    const transit = await ok(ctx.api.get(`/api/v1/stock/in-transit?sku=${p.sku}`), 200);
    expect(transit.items.reduce((n: number, i: any) => n + i.quantity, 0)).toBe(released.length * 6);
    expect(isHealthy(await runDoctor(ctx.db))).toBe(true);
  });

  it.each([1, 2, 3])('round %i: a shipment racing receipts, an adjustment and orders in the same bin keeps the books straight', async () => {
    const p = await createProduct(ctx.api);
    await ok(ctx.api.post('/api/v1/stock/receipts', { sku: p.sku, warehouseId: A.warehouseId, locationCode: 'A-01', quantity: 10 }));
    const t = await ok(ctx.api.post('/api/v1/transfers', { fromWarehouseId: A.warehouseId, toWarehouseId: B.warehouseId, lines: [{ sku: p.sku, quantity: 5 }] }));
    await ok(ctx.api.post(`/api/v1/transfers/${t.id}/release`, {}), 200);
    const [ship, receipt, adjustment, o1, o2] = await Promise.all([
      ctx.api.post(`/api/v1/transfers/${t.id}/ship`, {}),
      ctx.api.post('/api/v1/stock/receipts', { sku: p.sku, warehouseId: A.warehouseId, locationCode: 'A-01', quantity: 3 }),
      ctx.api.post('/api/v1/stock/adjustments', { sku: p.sku, warehouseId: A.warehouseId, locationCode: 'A-01', delta: -4, reason: 'lost' }),
      placeOrder(ctx.api, A, [{ sku: p.sku, quantity: 2 }]),
      placeOrder(ctx.api, A, [{ sku: p.sku, quantity: 2 }]),
    ]);
    expect(ship.status).toBe(200);
    expect(receipt.status).toBe(201);
    expect([201, 409]).toContain(adjustment.status);
    // An order backordered at first may have been confirmed since by the receipt: ask again.
    const now = await Promise.all([o1, o2].map((o) => ok(ctx.api.get(`/api/v1/orders/${o.id}`), 200)));
    const held = now.filter((o) => o.status === 'confirmed').length * 2;
    const lost = adjustment.status === 201 ? 4 : 0;
    const balance = await getBalance(ctx.db, p.id, A.warehouseId);
    expect(balance).toMatchObject({ onHand: 10 + 3 - 5 - lost, reserved: held });
    expect(balance.available).toBeGreaterThanOrEqual(0);
    expect(isHealthy(await runDoctor(ctx.db))).toBe(true);
  });

  it('two shipments of one transfer: the second is a 409 naming shipped, the stock leaves once', async () => {
    const p = await createProduct(ctx.api);
    await ok(ctx.api.post('/api/v1/stock/receipts', { sku: p.sku, warehouseId: A.warehouseId, locationCode: 'A-01', quantity: 8 }));
    const t = await ok(ctx.api.post('/api/v1/transfers', { fromWarehouseId: A.warehouseId, toWarehouseId: B.warehouseId, lines: [{ sku: p.sku, quantity: 8 }] }));
    await ok(ctx.api.post(`/api/v1/transfers/${t.id}/release`, {}), 200);
    const results = await Promise.all([1, 2].map(() => ctx.api.post(`/api/v1/transfers/${t.id}/ship`, {})));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.body.currentState).toBe('shipped');
    expect(await getBalance(ctx.db, p.id, A.warehouseId)).toMatchObject({ onHand: 0, reserved: 0 });
    const { rows } = await ctx.db.query<{ total: number }>(`SELECT sum(quantity)::bigint AS total FROM stock_ledger WHERE reference = $1`, [t.number]);
    expect(rows[0]!.total).toBe(-8);
    expect(isHealthy(await runDoctor(ctx.db))).toBe(true);
  });
});
