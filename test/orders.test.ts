/** Orders through the API: the whole journey, backorders, and finding orders. */
import { describe, expect, it } from 'vitest';
import { isHealthy, runDoctor } from '../src/modules/inventory/doctor.js';
import { promisedShipDate } from '../src/modules/orders/promised-date.js';
import { useTestContext } from './support/context.js';
import { balance, createProduct, createWorld, ok, orderEvents, placeOrder, receive } from './orders.fixtures.js';

const ctx = await useTestContext();
const api = ctx.api;
const calendar = { cutoff: ctx.config.shipCutoff, workingDays: ctx.config.workingDays, timeZone: ctx.config.timeZone };

async function expectHealthy() {
  const report = await runDoctor(ctx.db);
  expect(report.checks.filter((c) => !c.ok)).toEqual([]);
  expect(isHealthy(report)).toBe(true);
}

describe('an order from placement to delivery', () => {
  it('reserves, picks FEFO in walking order, verifies the pack, ships, and follows the carrier to delivery', async () => {
    const world = await createWorld(api);
    const p1 = await createProduct(api, { unitPrice: 19.9 });
    const p2 = await createProduct(api, { unitPrice: 5 });
    // p1: the later lot sits first in the walk; FEFO must still take the earlier lot first.
    await receive(api, world, { sku: p1.sku, quantity: 5, locationCode: 'A-01', lot: 'L2', expiresOn: '2027-06-01' });
    await receive(api, world, { sku: p1.sku, quantity: 3, locationCode: 'A-02', lot: 'L1', expiresOn: '2027-01-01' });
    await receive(api, world, { sku: p2.sku, quantity: 10, locationCode: 'B-01' });

    const created = await api.post('/api/v1/orders', {
      customerId: world.customerId,
      channel: 'tmall',
      externalRef: 'TM-1001',
      lines: [
        { sku: p1.sku, quantity: 4 },
        { sku: p2.sku, quantity: 2, unitPrice: 4.5 },
      ],
    });
    expect(created.status).toBe(201);
    const order = created.body;
    expect(order.number).toMatch(/^SO-\d{6}$/);
    expect(order.status).toBe('confirmed');
    expect(order.warehouseId).toBe(world.warehouseId);
    expect(order.total).toBe(88.6);
    expect(order.shipTo).toMatchObject({ recipientName: 'Li Wei', city: '上海市', line1: '世纪大道 100 号', country: 'CN' });
    expect(order.promisedShipDate).toBe(promisedShipDate(new Date(order.confirmedAt), calendar));
    expect(order.lines.map((l: any) => [l.sku, l.quantity, l.reserved, l.unitPrice])).toEqual([
      [p1.sku, 4, 4, 19.9],
      [p2.sku, 2, 2, 4.5],
    ]);
    expect(await balance(ctx, p1.id, world.warehouseId)).toMatchObject({ onHand: 8, reserved: 4, available: 4 });

    const pickList = await api.post(`/api/v1/orders/${order.id}/pick-list`);
    expect(pickList.status).toBe(200);
    expect(pickList.body.status).toBe('picking');
    expect(pickList.body.unallocated).toEqual([]);
    expect(pickList.body.items.map((i: any) => [i.locationCode, i.sku, i.lot, i.expiresOn, i.quantity])).toEqual([
      ['B-01', p2.sku, '', null, 2],
      ['A-01', p1.sku, 'L2', '2027-06-01', 1],
      ['A-02', p1.sku, 'L1', '2027-01-01', 3],
    ]);
    expect((await api.get(`/api/v1/orders/${order.id}/pick-list`)).body).toEqual(pickList.body);

    // Scanned by barcode, as a handheld does.
    const first = await api.post(`/api/v1/orders/${order.id}/picks`, { locationCode: 'B-01', code: p2.barcode, quantity: 2 });
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('picking');
    expect(first.body.recorded).toEqual({ sku: p2.sku, locationCode: 'B-01', quantity: 2, expected: 2, short: 0 });
    await ok(api.post(`/api/v1/orders/${order.id}/picks`, { locationCode: 'A-01', code: p1.barcode, quantity: 1 }), 200);
    const last = await api.post(`/api/v1/orders/${order.id}/picks`, { locationCode: 'A-02', code: p1.sku, quantity: 3 });
    expect(last.body.status).toBe('picked');
    expect(last.body.items.every((i: any) => i.status === 'picked')).toBe(true);

    const packed = await api.post(`/api/v1/orders/${order.id}/pack`, {
      scans: [
        { code: p1.barcode, quantity: 3 },
        { code: p2.sku, quantity: 2 },
        { code: p1.sku, quantity: 1 },
      ],
      parcel: { weightG: 1850, lengthMm: 300, widthMm: 200, heightMm: 120 },
    });
    expect(packed.status).toBe(200);
    expect(packed.body.status).toBe('packed');
    expect(packed.body.parcel).toEqual({ weightG: 1850, lengthMm: 300, widthMm: 200, heightMm: 120 });

    const shipped = await api.post(`/api/v1/orders/${order.id}/ship`, { carrier: 'manual', trackingNumber: 'SF1234567890' });
    expect(shipped.status).toBe(200);
    expect(shipped.body.status).toBe('shipped');
    expect(shipped.body.shipment).toMatchObject({ carrier: 'manual', trackingNumber: 'SF1234567890', status: 'label_created', weightG: 1850, orderNumber: order.number });
    expect(shipped.body.lines.map((l: any) => [l.picked, l.packed, l.shipped, l.reserved])).toEqual([
      [4, 4, 4, 0],
      [2, 2, 2, 0],
    ]);
    expect(await balance(ctx, p1.id, world.warehouseId)).toMatchObject({ onHand: 4, reserved: 0, available: 4 });
    expect(await balance(ctx, p2.id, world.warehouseId)).toMatchObject({ onHand: 8, reserved: 0, available: 8 });
    const ledger = await ctx.db.query<{ movement: string; quantity: number }>(
      `SELECT movement, quantity FROM stock_ledger WHERE reference = $1 AND movement = 'ship' ORDER BY id`,
      [order.number],
    );
    expect(ledger.rows.reduce((n, r) => n + r.quantity, 0)).toBe(-6);

    const push = (status: string, occurredAt: string, location = '') =>
      api.post('/api/v1/carriers/manual/tracking-events', { trackingNumber: 'SF1234567890', status, occurredAt, location, description: status });
    expect((await push('in_transit', '2026-11-24T10:00:00+08:00', 'Shanghai hub')).status).toBe(201);
    expect((await api.get(`/api/v1/orders/${order.id}`)).body.status).toBe('shipped');
    expect((await push('delivered', '2026-11-25T15:30:00+08:00', 'Pudong')).status).toBe(201);

    const delivered = await api.get(`/api/v1/orders/${order.id}`);
    expect(delivered.body.status).toBe('delivered');
    expect(delivered.body.deliveredAt).toBe('2026-11-25T07:30:00.000Z');
    expect(delivered.body.shipment.status).toBe('delivered');
    expect(delivered.body.shipment.trackingEvents.map((e: any) => e.status)).toEqual(['in_transit', 'delivered']);

    const events = await orderEvents(api, order.id);
    expect(events.map((e) => e.type)).toEqual([
      'order.created',
      'order.confirmed',
      'order.picking_started',
      'order.item_picked',
      'order.item_picked',
      'order.item_picked',
      'order.picked',
      'order.packed',
      'order.shipped',
      'order.in_transit',
      'order.delivered',
    ]);
    expect(events.every((e) => e.customerId === world.customerId && e.payload.number === order.number)).toBe(true);
    expect(events.find((e) => e.type === 'order.shipped')!.payload).toMatchObject({ carrier: 'manual', trackingNumber: 'SF1234567890' });
    expect(events[0]!.actor).toMatch(/^api_key:/);

    // The same story on the customer's timeline, with the shipment's own events in between.
    const timeline = await api.get(`/api/v1/customers/${world.customerId}/timeline?limit=200`);
    expect(timeline.status).toBe(200);
    const onTimeline = [...timeline.body.items].reverse().filter((e: any) => e.entityType === 'order' && e.entityId === String(order.id));
    expect(onTimeline.map((e: any) => e.type)).toEqual(events.map((e) => e.type));
    const shipmentEvents = timeline.body.items.filter((e: any) => e.entityType === 'shipment').map((e: any) => e.type);
    expect(shipmentEvents.sort()).toEqual(['shipment.created', 'shipment.status_changed', 'shipment.status_changed']);

    await expectHealthy();
  });
});


describe('backorders', () => {
  it('backorders what is not in stock, holds nothing, and confirms by itself when stock arrives', async () => {
    const world = await createWorld(api);
    const p = await createProduct(api);
    await receive(api, world, { sku: p.sku, quantity: 2 });

    const big = await placeOrder(api, world, [{ sku: p.sku, quantity: 5 }]);
    expect(big.status).toBe('backordered');
    expect(big.promisedShipDate).toBeNull();
    expect(big.lines[0].reserved).toBe(0);
    expect(await balance(ctx, p.id, world.warehouseId)).toMatchObject({ onHand: 2, reserved: 0, available: 2 });
    const small = await placeOrder(api, world, [{ sku: p.sku, quantity: 3 }]);
    expect(small.status).toBe('backordered');
    const backordered = (await orderEvents(api, big.id)).find((e) => e.type === 'order.backordered')!;
    expect(backordered.payload.missing).toEqual([{ sku: p.sku, needed: 5, available: 2 }]);

    // 2 + 2 = 4: not enough for the oldest (5), enough for the next (3), all or nothing each.
    await receive(api, world, { sku: p.sku, quantity: 2 });
    expect((await api.get(`/api/v1/orders/${big.id}`)).body.status).toBe('backordered');
    const smallNow = (await api.get(`/api/v1/orders/${small.id}`)).body;
    expect(smallNow.status).toBe('confirmed');
    expect(smallNow.promisedShipDate).toBe(promisedShipDate(new Date(smallNow.confirmedAt), calendar));
    expect(smallNow.lines[0].reserved).toBe(3);

    await receive(api, world, { sku: p.sku, quantity: 4, locationCode: 'A-02' });
    const bigNow = (await api.get(`/api/v1/orders/${big.id}`)).body;
    expect(bigNow.status).toBe('confirmed');
    const confirmed = (await orderEvents(api, big.id)).filter((e) => e.type === 'order.confirmed');
    expect(confirmed.map((e) => e.payload.trigger)).toEqual(['stock_available']);
    expect(await balance(ctx, p.id, world.warehouseId)).toMatchObject({ onHand: 8, reserved: 8, available: 0 });
    await expectHealthy();
  });

  it('a manual confirm of a backordered order says what is missing', async () => {
    const world = await createWorld(api);
    const p = await createProduct(api);
    const order = await placeOrder(api, world, [{ sku: p.sku, quantity: 1 }]);
    expect(order.status).toBe('backordered');
    const res = await api.post(`/api/v1/orders/${order.id}/confirm`);
    expect(res.status).toBe(409);
    expect(res.body.currentState).toBe('backordered');
    expect(res.body.missing).toEqual([{ sku: p.sku, needed: 1, available: 0 }]);
  });

  it('chooses the first warehouse that has every line, when none is asked for', async () => {
    const empty = await createWorld(api);
    const stocked = await createWorld(api);
    const p = await createProduct(api);
    await receive(api, stocked, { sku: p.sku, quantity: 1 });
    const order = await ok(api.post('/api/v1/orders', { customerId: empty.customerId, lines: [{ sku: p.sku, quantity: 1 }] }));
    expect(order.warehouseId).toBe(stocked.warehouseId);
    expect(order.status).toBe('confirmed');
    expect(order.channel).toBe('api');
  });
});


describe('finding orders', () => {
  it('filters and pages the list, newest first', async () => {
    const world = await createWorld(api);
    const p = await createProduct(api);
    await receive(api, world, { sku: p.sku, quantity: 2 });
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await placeOrder(api, world, [{ sku: p.sku, quantity: 1 }], { channel: i % 2 ? 'wechat' : 'web' }));
    const all = await api.get(`/api/v1/orders?customerId=${world.customerId}&limit=2`);
    expect(all.status).toBe(200);
    expect(all.body.items.map((o: any) => o.id)).toEqual([made[4].id, made[3].id]);
    const next = await api.get(`/api/v1/orders?customerId=${world.customerId}&limit=2&cursor=${all.body.nextCursor}`);
    expect(next.body.items.map((o: any) => o.id)).toEqual([made[2].id, made[1].id]);
    const byStatus = await api.get(`/api/v1/orders?customerId=${world.customerId}&status=backordered`);
    expect(byStatus.body.items.map((o: any) => o.id)).toEqual([made[4].id, made[3].id, made[2].id]);
    const byStatuses = await api.get(`/api/v1/orders?warehouseId=${world.warehouseId}&status=confirmed,backordered&channel=wechat`);
    expect(byStatuses.body.items.map((o: any) => o.id)).toEqual([made[3].id, made[1].id]);
    const byNumber = await api.get(`/api/v1/orders?q=${made[2].number}`);
    expect(byNumber.body.items.map((o: any) => o.id)).toEqual([made[2].id]);
    const byDigits = await api.get(`/api/v1/orders?q=${Number(made[2].number.slice(3))}`);
    expect(byDigits.body.items.map((o: any) => o.id)).toEqual([made[2].id]);
    const future = await api.get(`/api/v1/orders?customerId=${world.customerId}&createdFrom=2999-01-01T00:00:00Z`);
    expect(future.body.items).toEqual([]);
    const past = await api.get(`/api/v1/orders?customerId=${world.customerId}&createdTo=2000-01-01T00:00:00Z`);
    expect(past.body.items).toEqual([]);
  });
});
