/** Orders that do not go to plan: short picks, wrong scans, cancel, intercept, address changes. */
import { describe, expect, it } from 'vitest';
import { isHealthy, runDoctor } from '../src/modules/inventory/doctor.js';
import { useTestContext } from './support/context.js';
import { balance, createProduct, createWorld, fulfil, ok, orderEvents, pickAll, placeOrder, receive } from './orders.fixtures.js';

const ctx = await useTestContext();
const api = ctx.api;

async function expectHealthy() {
  const report = await runDoctor(ctx.db);
  expect(report.checks.filter((c) => !c.ok)).toEqual([]);
  expect(isHealthy(report)).toBe(true);
}

describe('exceptions', () => {
  it('a short pick makes the order an exception once the walk ends; resume reserves what it lacks', async () => {
    const world = await createWorld(api);
    const p = await createProduct(api);
    const q = await createProduct(api);
    await receive(api, world, { sku: p.sku, quantity: 3, locationCode: 'A-01' });
    await receive(api, world, { sku: q.sku, quantity: 1, locationCode: 'A-02' });
    const order = await placeOrder(api, world, [
      { sku: p.sku, quantity: 3 },
      { sku: q.sku, quantity: 1 },
    ]);
    await ok(api.post(`/api/v1/orders/${order.id}/pick-list`), 200);

    const short = await api.post(`/api/v1/orders/${order.id}/picks`, { locationCode: 'A-01', code: p.sku, quantity: 1 });
    expect(short.status).toBe(200);
    expect(short.body.recorded.short).toBe(2);
    expect(short.body.status).toBe('picking'); // the picker finishes the walk
    const done = await api.post(`/api/v1/orders/${order.id}/picks`, { locationCode: 'A-02', code: q.barcode, quantity: 1 });
    expect(done.body.status).toBe('exception');

    const after = (await api.get(`/api/v1/orders/${order.id}`)).body;
    expect(after.status).toBe('exception');
    expect(after.exceptionReason).toBe(`short pick: ${p.sku} at A-01 found 1 of 3`);
    expect(after.lines.map((l: any) => [l.picked, l.reserved])).toEqual([
      [1, 1],
      [1, 1],
    ]);
    const events = (await orderEvents(api, order.id)).map((e) => e.type);
    expect(events.slice(-2)).toEqual(['order.item_picked', 'order.exception']);
    await expectHealthy();

    // The 2 units the picker did not find are held for a count, out of available-to-promise.
    expect(await balance(ctx, p.id, world.warehouseId)).toMatchObject({ onHand: 3, quarantined: 2, reserved: 1, available: 0 });
    const held = await ctx.db.query<{ status: string; onHand: number }>(
      `SELECT status, on_hand AS "onHand" FROM stock_levels WHERE product_id = $1 AND location_id = $2 AND on_hand > 0 ORDER BY status`,
      [p.id, world.locations['A-01']],
    );
    expect(held.rows).toEqual([{ status: 'pending_inspection', onHand: 2 }]);

    // Resume: nothing free → backordered; stock found elsewhere → confirmed by itself.
    const resumed = await api.post(`/api/v1/orders/${order.id}/resume`);
    expect(resumed.status).toBe(200);
    expect(resumed.body.status).toBe('backordered');
    expect(resumed.body.exceptionReason).toBeNull();
    await receive(api, world, { sku: p.sku, quantity: 2, locationCode: 'B-01' });
    const confirmed = (await api.get(`/api/v1/orders/${order.id}`)).body;
    expect(confirmed.status).toBe('confirmed');
    expect(confirmed.lines[0].reserved).toBe(3);

    const again = await ok(api.post(`/api/v1/orders/${order.id}/pick-list`), 200);
    expect(again.round).toBe(2);
    expect(again.items.filter((i: any) => i.status === 'open').map((i: any) => [i.locationCode, i.quantity])).toEqual([['B-01', 2]]);
    const picked = await pickAll(api, order.id);
    expect(picked.status).toBe('picked');
    await ok(api.post(`/api/v1/orders/${order.id}/pack`, { scans: [{ code: p.sku, quantity: 3 }, { code: q.sku, quantity: 1 }] }), 200);
    const shipped = await ok(api.post(`/api/v1/orders/${order.id}/ship`, { trackingNumber: `T${order.id}` }), 200);
    expect(shipped.lines.map((l: any) => l.shipped)).toEqual([3, 1]);
    // Only the 2 units awaiting a count remain.
    expect(await balance(ctx, p.id, world.warehouseId)).toMatchObject({ onHand: 2, quarantined: 2, reserved: 0, available: 0 });
    await expectHealthy();
  });

  it('declares a short pick of nothing found, and refuses a declared short that is not short', async () => {
    const world = await createWorld(api);
    const p = await createProduct(api);
    await receive(api, world, { sku: p.sku, quantity: 2 });
    const order = await placeOrder(api, world, [{ sku: p.sku, quantity: 2 }]);
    await ok(api.post(`/api/v1/orders/${order.id}/pick-list`), 200);
    const notShort = await api.post(`/api/v1/orders/${order.id}/picks/short`, { locationCode: 'A-01', code: p.sku, found: 2 });
    expect(notShort.status).toBe(422);
    expect(notShort.body.field).toBe('found');
    const res = await api.post(`/api/v1/orders/${order.id}/picks/short`, { locationCode: 'A-01', code: p.barcode, found: 0 });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('exception');
    expect((await api.get(`/api/v1/orders/${order.id}`)).body.exceptionReason).toBe(`short pick: ${p.sku} at A-01 found 0 of 2`);
    expect(await balance(ctx, p.id, world.warehouseId)).toMatchObject({ onHand: 2, reserved: 0, quarantined: 2, available: 0 });
    await expectHealthy();
  });

  it('refuses a pick at the wrong location or of the wrong product, and changes nothing', async () => {
    const world = await createWorld(api);
    const p = await createProduct(api);
    const other = await createProduct(api);
    await receive(api, world, { sku: p.sku, quantity: 2, locationCode: 'A-02' });
    const order = await placeOrder(api, world, [{ sku: p.sku, quantity: 2 }]);
    await ok(api.post(`/api/v1/orders/${order.id}/pick-list`), 200);
    const before = (await orderEvents(api, order.id)).length;

    const wrongBin = await api.post(`/api/v1/orders/${order.id}/picks`, { locationCode: 'A-01', code: p.sku, quantity: 2 });
    expect(wrongBin.status).toBe(409);
    expect(wrongBin.body.detail).toBe(`nothing of ${p.sku} to pick at A-01; pick it at A-02 (2)`);
    expect(wrongBin.body.field).toBe('locationCode');
    const wrongProduct = await api.post(`/api/v1/orders/${order.id}/picks`, { locationCode: 'A-02', code: other.barcode, quantity: 1 });
    expect(wrongProduct.status).toBe(422);
    expect(wrongProduct.body.field).toBe('code');
    const unknownCode = await api.post(`/api/v1/orders/${order.id}/picks`, { locationCode: 'A-02', code: 'NOPE-123', quantity: 1 });
    expect(unknownCode.status).toBe(422);
    const unknownBin = await api.post(`/api/v1/orders/${order.id}/picks`, { locationCode: 'Z-99', code: p.sku, quantity: 1 });
    expect(unknownBin.status).toBe(422);
    expect(unknownBin.body.field).toBe('locationCode');
    const tooMany = await api.post(`/api/v1/orders/${order.id}/picks`, { locationCode: 'A-02', code: p.sku, quantity: 3 });
    expect(tooMany.status).toBe(409);
    expect(tooMany.body.detail).toBe(`only 2 of ${p.sku} to pick at A-02; 3 picked`);

    expect((await orderEvents(api, order.id)).length).toBe(before);
    const list = (await api.get(`/api/v1/orders/${order.id}/pick-list`)).body;
    expect(list.items.map((i: any) => [i.status, i.picked])).toEqual([['open', 0]]);
  });

  it('refuses a pack whose scans differ from the picks, listing the differences, and changes nothing', async () => {
    const world = await createWorld(api);
    const p = await createProduct(api);
    const q = await createProduct(api);
    const stranger = await createProduct(api);
    await receive(api, world, { sku: p.sku, quantity: 2 });
    await receive(api, world, { sku: q.sku, quantity: 1 });
    const order = await placeOrder(api, world, [
      { sku: p.sku, quantity: 2 },
      { sku: q.sku, quantity: 1 },
    ]);
    await ok(api.post(`/api/v1/orders/${order.id}/pick-list`), 200);
    await pickAll(api, order.id);
    const before = (await orderEvents(api, order.id)).length;

    const wrong = await api.post(`/api/v1/orders/${order.id}/pack`, {
      scans: [
        { code: p.barcode, quantity: 3 },
        { code: stranger.sku, quantity: 1 },
        { code: 'UNKNOWN-1', quantity: 1 },
      ],
    });
    expect(wrong.status).toBe(409);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(wrong.body.currentState).toBe('picked');
    expect(wrong.body.differences).toEqual([
      { sku: p.sku, code: null, expected: 2, scanned: 3 },
      { sku: q.sku, code: null, expected: 1, scanned: 0 },
      { sku: stranger.sku, code: stranger.sku, expected: 0, scanned: 1 },
      { sku: null, code: 'UNKNOWN-1', expected: 0, scanned: 1 },
    ]);
    const after = (await api.get(`/api/v1/orders/${order.id}`)).body;
    expect(after.status).toBe('picked');
    expect(after.lines.map((l: any) => l.packed)).toEqual([0, 0]);
    expect((await orderEvents(api, order.id)).length).toBe(before);

    const right = await api.post(`/api/v1/orders/${order.id}/pack`, { scans: [{ code: p.sku, quantity: 1 }, { code: q.barcode, quantity: 1 }, { code: p.barcode, quantity: 1 }] });
    expect(right.status).toBe(200);
    expect(right.body.status).toBe('packed');
  });
});


describe('cancel, intercept, address', () => {
  it('cancel releases the reservation and picked units; the freed stock confirms a backorder', async () => {
    const world = await createWorld(api);
    const p = await createProduct(api);
    await receive(api, world, { sku: p.sku, quantity: 3 });
    const first = await placeOrder(api, world, [{ sku: p.sku, quantity: 3 }]);
    const waiting = await placeOrder(api, world, [{ sku: p.sku, quantity: 2 }]);
    expect(waiting.status).toBe('backordered');
    await ok(api.post(`/api/v1/orders/${first.id}/pick-list`), 200);
    await ok(api.post(`/api/v1/orders/${first.id}/picks`, { locationCode: 'A-01', code: p.sku, quantity: 3 }), 200);

    const missingReason = await api.post(`/api/v1/orders/${first.id}/cancel`, {});
    expect(missingReason.status).toBe(400);
    expect(missingReason.body.field).toBe('body.reason');
    const cancelled = await api.post(`/api/v1/orders/${first.id}/cancel`, { reason: 'customer changed their mind' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: 'customer changed their mind' });
    expect(cancelled.body.lines[0].reserved).toBe(0);
    // The picked units wait at the dock, unreserved, and the waiting order took 2 of them.
    expect((await api.get(`/api/v1/orders/${waiting.id}`)).body.status).toBe('confirmed');
    expect(await balance(ctx, p.id, world.warehouseId)).toMatchObject({ onHand: 3, reserved: 2, available: 1 });
    const types = (await orderEvents(api, first.id)).map((e) => e.type);
    expect(types.at(-1)).toBe('order.cancelled');
    await expectHealthy();

    const again = await api.post(`/api/v1/orders/${first.id}/cancel`, { reason: 'twice' });
    expect(again.status).toBe(409);
    expect(again.body.currentState).toBe('cancelled');
  });

  it('intercept releases the stock and holds the order as an exception; resume reserves again', async () => {
    const world = await createWorld(api);
    const p = await createProduct(api);
    await receive(api, world, { sku: p.sku, quantity: 4 });
    const order = await placeOrder(api, world, [{ sku: p.sku, quantity: 4 }]);
    await ok(api.post(`/api/v1/orders/${order.id}/pick-list`), 200);
    const intercepted = await api.post(`/api/v1/orders/${order.id}/intercept`, { reason: 'suspected fraud' });
    expect(intercepted.status).toBe(200);
    expect(intercepted.body).toMatchObject({ status: 'exception', exceptionReason: 'intercepted: suspected fraud', promisedShipDate: null });
    expect(intercepted.body.lines[0].reserved).toBe(0);
    expect(await balance(ctx, p.id, world.warehouseId)).toMatchObject({ onHand: 4, reserved: 0, available: 4 });
    expect((await orderEvents(api, order.id)).slice(-2).map((e) => e.type)).toEqual(['order.intercepted', 'order.exception']);
    await expectHealthy();

    const resumed = await api.post(`/api/v1/orders/${order.id}/resume`);
    expect(resumed.body.status).toBe('confirmed');
    expect(resumed.body.lines[0].reserved).toBe(4);
    expect((await orderEvents(api, order.id)).slice(-2).map((e) => [e.type, e.payload.trigger])).toEqual([
      ['order.resumed', undefined],
      ['order.confirmed', 'resumed'],
    ]);
    const shipped = await fulfil(api, order.id, `INT-${order.id}`);
    expect(shipped.status).toBe('shipped');
    await expectHealthy();
  });

  it('changes the address until packed; after that it is a 409 naming packed', async () => {
    const world = await createWorld(api);
    const p = await createProduct(api);
    await receive(api, world, { sku: p.sku, quantity: 1 });
    const order = await placeOrder(api, world, [{ sku: p.sku, quantity: 1 }]);
    const changed = await api.patch(`/api/v1/orders/${order.id}/address`, { line1: '南京西路 1 号', phone: '13900000000' });
    expect(changed.status).toBe(200);
    expect(changed.body.shipTo).toMatchObject({ line1: '南京西路 1 号', phone: '13900000000', city: '上海市' });
    const event = (await orderEvents(api, order.id)).at(-1)!;
    expect(event.type).toBe('order.address_changed');
    expect(event.payload.changed.sort()).toEqual(['line1', 'phone']);
    expect(event.payload.from.line1).toBe('世纪大道 100 号');

    const empty = await api.patch(`/api/v1/orders/${order.id}/address`, {});
    expect(empty.status).toBe(400);
    const unknownAddress = await api.patch(`/api/v1/orders/${order.id}/address`, { addressId: 999999 });
    expect(unknownAddress.status).toBe(422);
    expect(unknownAddress.body.field).toBe('addressId');

    await ok(api.post(`/api/v1/orders/${order.id}/pick-list`), 200);
    await pickAll(api, order.id);
    await ok(api.post(`/api/v1/orders/${order.id}/pack`, { scans: [{ code: p.sku, quantity: 1 }] }), 200);
    const refused = await api.patch(`/api/v1/orders/${order.id}/address`, { line1: 'too late' });
    expect(refused.status).toBe(409);
    expect(refused.body.currentState).toBe('packed');
    expect(refused.body.detail).toBe('cannot change the address of an order that is packed');
    const intercept = await api.post(`/api/v1/orders/${order.id}/intercept`, { reason: 'too late' });
    expect(intercept.status).toBe(409);
    expect(intercept.body.currentState).toBe('packed');
  });
});

