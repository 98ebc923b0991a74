/** Holding an order and ranking it in the pick queue. */
import { beforeAll, describe, expect, it } from 'vitest';
import { createProduct, createWorld, fulfil, ok, orderEvents, pickAll, placeOrder, receive, type Product, type World } from './orders.fixtures.js';
import { useTestContext } from './support/context.js';

const ctx = await useTestContext();
let world: World;
let product: Product;

beforeAll(async () => {
  world = await createWorld(ctx.api);
  product = await createProduct(ctx.api);
  await receive(ctx.api, world, { sku: product.sku, quantity: 100 });
});

describe('order hold', () => {
  it('stops picking, packing and shipping until released, keeping status and stock, with events', async () => {
    const order = await placeOrder(ctx.api, world, [{ sku: product.sku, quantity: 2 }]);
    const held = await ctx.api.post(`/api/v1/orders/${order.id}/hold`, { reason: 'payment under review' });
    expect(held.status).toBe(200);
    expect(held.body).toMatchObject({ status: 'confirmed', onHold: true, holdReason: 'payment under review' });
    expect(held.body.lines[0].reserved).toBe(2);
    const pick = await ctx.api.post(`/api/v1/orders/${order.id}/pick-list`, {});
    expect(pick.status).toBe(409);
    expect(pick.body.currentState).toBe('on_hold');
    expect(pick.headers['content-type']).toContain('application/problem+json');
    // Holding twice changes nothing and writes nothing.
    await ok(ctx.api.post(`/api/v1/orders/${order.id}/hold`, { reason: 'again' }), 200);
    expect((await ctx.api.get(`/api/v1/orders/${order.id}`)).body.holdReason).toBe('payment under review');

    await ok(ctx.api.post(`/api/v1/orders/${order.id}/release-hold`, {}), 200);
    await ok(ctx.api.post(`/api/v1/orders/${order.id}/pick-list`, {}), 200);
    await pickAll(ctx.api, order.id);
    // Held after picking: packing waits too.
    await ok(ctx.api.post(`/api/v1/orders/${order.id}/hold`, { reason: 'address check' }), 200);
    const pack = await ctx.api.post(`/api/v1/orders/${order.id}/pack`, { scans: [{ code: product.sku, quantity: 2 }] });
    expect(pack.status).toBe(409);
    expect(pack.body.currentState).toBe('on_hold');
    await ok(ctx.api.post(`/api/v1/orders/${order.id}/release-hold`, {}), 200);
    await ok(ctx.api.post(`/api/v1/orders/${order.id}/pack`, { scans: [{ code: product.sku, quantity: 2 }] }), 200);
    await ok(ctx.api.post(`/api/v1/orders/${order.id}/ship`, { carrier: 'manual', trackingNumber: `HOLD${order.id}X` }), 200);

    const shipped = await ctx.api.post(`/api/v1/orders/${order.id}/hold`, { reason: 'too late' });
    expect(shipped.status).toBe(409);
    expect(shipped.body.currentState).toBe('shipped');
    const types = (await orderEvents(ctx.api, order.id)).map((e) => e.type).filter((t) => t.startsWith('order.h'));
    expect(types).toEqual(['order.held', 'order.hold_released', 'order.held', 'order.hold_released']);
  });

  it('refuses a hold without a reason and a priority out of range, naming the field', async () => {
    const order = await placeOrder(ctx.api, world, [{ sku: product.sku, quantity: 1 }]);
    const noReason = await ctx.api.post(`/api/v1/orders/${order.id}/hold`, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.field).toBe('body.reason');
    const tooHigh = await ctx.api.post(`/api/v1/orders/${order.id}/priority`, { priority: 10 });
    expect(tooHigh.status).toBe(400);
    expect(tooHigh.body.field).toBe('body.priority');
    expect((await ctx.api.post(`/api/v1/orders/999999/hold`, { reason: 'x' })).status).toBe(404);
  });
});

describe('pick queue', () => {
  it('lists confirmed orders by priority, then promised date, then age; held ones wait; pages once through', async () => {
    const other = await createWorld(ctx.api);
    const p = await createProduct(ctx.api);
    await receive(ctx.api, other, { sku: p.sku, quantity: 100 });
    const orders = [];
    for (let i = 0; i < 5; i++) orders.push(await placeOrder(ctx.api, other, [{ sku: p.sku, quantity: 1 }]));
    await ok(ctx.api.post(`/api/v1/orders/${orders[3]!.id}/priority`, { priority: 9 }), 200);
    await ok(ctx.api.post(`/api/v1/orders/${orders[1]!.id}/priority`, { priority: 5 }), 200);
    await ok(ctx.api.post(`/api/v1/orders/${orders[2]!.id}/hold`, { reason: 'check' }), 200);
    await fulfil(ctx.api, orders[4]!.id, `QUEUE${orders[4]!.id}`);

    const seen: number[] = [];
    let url = `/api/v1/pick-queue?warehouseId=${other.warehouseId}&limit=1`;
    for (let i = 0; i < 10; i++) {
      const res = await ctx.api.get(url);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((o: any) => o.id));
      if (!res.body.nextCursor) break;
      url = `/api/v1/pick-queue?warehouseId=${other.warehouseId}&limit=1&cursor=${res.body.nextCursor}`;
    }
    expect(seen).toEqual([orders[3]!.id, orders[1]!.id, orders[0]!.id]);
    const held = await ctx.api.get(`/api/v1/orders?onHold=true&warehouseId=${other.warehouseId}`);
    expect(held.body.items.map((o: any) => o.id)).toEqual([orders[2]!.id]);
    const events = (await orderEvents(ctx.api, orders[3]!.id)).filter((e) => e.type === 'order.priority_changed');
    expect(events.map((e) => e.payload)).toEqual([expect.objectContaining({ from: 0, to: 9 })]);
  });
});
