import { describe, expect, it } from 'vitest';
import { useTestContext } from './support/context.js';
import { createProduct, createWorld, fulfil, ok, orderEvents, pickAll, placeOrder, receive } from './orders.fixtures.js';

const ctx = await useTestContext();
const api = ctx.api;

/** A packed order, ready to ship. */
async function packedOrder() {
  const world = await createWorld(api);
  const p = await createProduct(api);
  await receive(api, world, { sku: p.sku, quantity: 5 });
  const order = await placeOrder(api, world, [{ sku: p.sku, quantity: 1 }]);
  await ok(api.post(`/api/v1/orders/${order.id}/pick-list`), 200);
  await pickAll(api, order.id);
  await ok(api.post(`/api/v1/orders/${order.id}/pack`, { scans: [{ code: p.sku, quantity: 1 }], parcel: { weightG: 640 } }), 200);
  return { world, p, order };
}

const push = (trackingNumber: string, status: string, occurredAt: string, extra: Record<string, string> = {}) =>
  api.post('/api/v1/carriers/manual/tracking-events', { trackingNumber, status, occurredAt, ...extra });

describe('carriers and shipments', () => {
  it('lists the built-in manual carrier', async () => {
    const res = await api.get('/api/v1/carriers');
    expect(res.status).toBe(200);
    expect(res.body.items).toContainEqual({ code: 'manual', name: expect.any(String), trackingNumberEntered: true });
  });

  it('ships with the manual carrier only with a tracking number, from a known carrier, never one used twice', async () => {
    const { order } = await packedOrder();
    const none = await api.post(`/api/v1/orders/${order.id}/ship`, {});
    expect([none.status, none.body.field]).toEqual([422, 'trackingNumber']);
    const unknown = await api.post(`/api/v1/orders/${order.id}/ship`, { carrier: 'pigeon', trackingNumber: 'P1' });
    expect([unknown.status, unknown.body.field]).toEqual([422, 'carrier']);
    const badNumber = await api.post(`/api/v1/orders/${order.id}/ship`, { trackingNumber: 'has space' });
    expect([badNumber.status, badNumber.body.field]).toEqual([400, 'body.trackingNumber']);
    expect((await api.get(`/api/v1/orders/${order.id}`)).body).toMatchObject({ status: 'packed', shipment: null });

    const shipped = await ok(api.post(`/api/v1/orders/${order.id}/ship`, { trackingNumber: `YT${order.id}000` }), 200);
    expect(shipped.shipment).toMatchObject({ carrier: 'manual', trackingNumber: `YT${order.id}000`, status: 'label_created', weightG: 640, trackingEvents: [] });

    const other = await packedOrder();
    const dup = await api.post(`/api/v1/orders/${other.order.id}/ship`, { trackingNumber: `YT${order.id}000` });
    expect([dup.status, dup.body.field]).toEqual([409, 'trackingNumber']);
    expect(dup.body.detail).toContain(order.number);
    expect((await api.get(`/api/v1/orders/${other.order.id}`)).body.status).toBe('packed');

    const byOrder = await api.get(`/api/v1/shipments?orderId=${order.id}`);
    expect(byOrder.body.items.map((s: any) => s.id)).toEqual([shipped.shipment.id]);
    const byNumber = await api.get(`/api/v1/shipments?trackingNumber=YT${order.id}000&carrier=manual&status=label_created`);
    expect(byNumber.body.items).toHaveLength(1);
    const one = await api.get(`/api/v1/shipments/${shipped.shipment.id}`);
    expect(one.status).toBe(200);
    expect(one.body.orderNumber).toBe(order.number);
    expect((await api.get('/api/v1/shipments/99999999')).status).toBe(404);
  });
});

describe('tracking events from carriers', () => {
  it('moves shipment and order along, ignores a repeated push and a late older one', async () => {
    const { world, order } = await packedOrder();
    const tn = `SF${order.id}777`;
    await ok(api.post(`/api/v1/orders/${order.id}/ship`, { trackingNumber: tn }), 200);

    const first = await push(tn, 'in_transit', '2026-11-24T09:00:00+08:00', { location: 'Shanghai hub', description: 'left the hub' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ duplicate: false, shipment: { status: 'in_transit' } });
    const again = await push(tn, 'in_transit', '2026-11-24T01:00:00Z', { location: 'Shanghai hub', description: 'left the hub' });
    expect(again.status).toBe(200);
    expect(again.body.duplicate).toBe(true);
    // Another hub, same status: recorded, but the order hears of "in transit" once.
    expect((await push(tn, 'in_transit', '2026-11-24T18:00:00+08:00', { location: 'Hangzhou hub' })).status).toBe(201);

    expect((await push(tn, 'failed_delivery', '2026-11-25T11:00:00+08:00', { description: 'nobody home' })).status).toBe(201);
    const failed = (await api.get(`/api/v1/orders/${order.id}`)).body;
    expect(failed.status).toBe('shipped');
    expect(failed.deliveryFailedAt).toBe('2026-11-25T03:00:00.000Z');

    expect((await push(tn, 'out_for_delivery', '2026-11-26T08:00:00+08:00')).status).toBe(201);
    expect((await push(tn, 'delivered', '2026-11-26T10:00:00+08:00')).status).toBe(201);
    // A late push of an older event is recorded in the history but does not move the parcel back.
    const late = await push(tn, 'in_transit', '2026-11-25T20:00:00+08:00', { location: 'Pudong depot' });
    expect(late.status).toBe(201);
    expect(late.body.shipment.status).toBe('delivered');

    const shipment = (await api.get(`/api/v1/shipments/${late.body.shipment.id}`)).body;
    expect(shipment.deliveredAt).toBe('2026-11-26T02:00:00.000Z');
    expect(shipment.trackingEvents.map((e: any) => [e.status, e.location])).toEqual([
      ['in_transit', 'Shanghai hub'],
      ['in_transit', 'Hangzhou hub'],
      ['failed_delivery', ''],
      ['in_transit', 'Pudong depot'],
      ['out_for_delivery', ''],
      ['delivered', ''],
    ]);
    const delivered = (await api.get(`/api/v1/orders/${order.id}`)).body;
    expect(delivered).toMatchObject({ status: 'delivered', deliveredAt: '2026-11-26T02:00:00.000Z' });

    const types = (await orderEvents(api, order.id)).map((e) => e.type);
    expect(types.slice(types.indexOf('order.shipped'))).toEqual([
      'order.shipped',
      'order.in_transit',
      'order.delivery_failed',
      'order.out_for_delivery',
      'order.delivered',
    ]);
    const shipmentEvents = await api.get(`/api/v1/events?entityType=shipment&entityId=${shipment.id}&limit=50`);
    expect(shipmentEvents.body.items.map((e: any) => [e.type, e.payload.to ?? null, e.customerId]).reverse()).toEqual([
      ['shipment.created', null, world.customerId],
      ['shipment.status_changed', 'in_transit', world.customerId],
      ['shipment.status_changed', 'failed_delivery', world.customerId],
      ['shipment.status_changed', 'out_for_delivery', world.customerId],
      ['shipment.status_changed', 'delivered', world.customerId],
    ]);
  });

  it('a carrier report after a delivery recorded by hand changes the shipment, not the order', async () => {
    const world = await createWorld(api);
    const p = await createProduct(api);
    await receive(api, world, { sku: p.sku, quantity: 1 });
    const order = await placeOrder(api, world, [{ sku: p.sku, quantity: 1 }]);
    await fulfil(api, order.id, `HAND${order.id}`);
    expect((await ok(api.post(`/api/v1/orders/${order.id}/deliver`), 200)).status).toBe('delivered');
    const before = (await orderEvents(api, order.id)).length;
    const res = await push(`HAND${order.id}`, 'delivered', '2026-11-26T10:00:00Z');
    expect(res.status).toBe(201);
    expect(res.body.shipment.status).toBe('delivered');
    expect((await orderEvents(api, order.id)).length).toBe(before);
  });

  it('refuses unknown parcels, unknown carriers, bad input and callers without the permission', async () => {
    const count = async () => (await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM tracking_events')).rows[0]!.n;
    const before = await count();
    const unknown = await push('NOPE0001', 'in_transit', '2026-11-24T09:00:00Z');
    expect(unknown.status).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect((await api.post('/api/v1/carriers/pigeon/tracking-events', { trackingNumber: 'X1', status: 'in_transit', occurredAt: '2026-11-24T09:00:00Z' })).status).toBe(404);
    const cases: Array<[unknown, string]> = [
      [{ trackingNumber: 'X1', status: 'lost_in_space', occurredAt: '2026-11-24T09:00:00Z' }, 'body.status'],
      [{ trackingNumber: 'X1', status: 'in_transit', occurredAt: '2026-11-24 09:00' }, 'body.occurredAt'],
      [{ trackingNumber: 'X1', status: 'in_transit' }, 'body.occurredAt'],
      [{ trackingNumber: '', status: 'in_transit', occurredAt: '2026-11-24T09:00:00Z' }, 'body.trackingNumber'],
      [{ trackingNumber: 'X1', status: 'in_transit', occurredAt: '2026-11-24T09:00:00Z', description: 'x'.repeat(501) }, 'body.description'],
      [{ trackingNumber: 'X1', status: 'in_transit', occurredAt: '2026-11-24T09:00:00Z', extra: 1 }, 'body'],
    ];
    for (const [body, field] of cases) {
      const res = await api.post('/api/v1/carriers/manual/tracking-events', body);
      expect([res.status, res.body.field], JSON.stringify(body)).toEqual([400, field]);
    }
    const bad = await api.post('/api/v1/carriers/Bad Code/tracking-events', { trackingNumber: 'X1', status: 'in_transit', occurredAt: '2026-11-24T09:00:00Z' });
    expect(bad.status).toBe(400);
    const service = api.as(await ctx.keyFor('customer_service'));
    const denied = await service.post('/api/v1/carriers/manual/tracking-events', { trackingNumber: 'X1', status: 'in_transit', occurredAt: '2026-11-24T09:00:00Z' });
    expect([denied.status, denied.body.permission]).toEqual([403, 'shipping.write']);
    expect((await service.get('/api/v1/shipments')).status).toBe(200);
    expect(await count()).toBe(before);
  });
});
