/**
 * Warehouse scope over warehouses, stock, transfers, counts, orders, shipments and the event log:
 * a caller limited to warehouse A (an API key, and a user's session) sees and works A's things,
 * and B's are as good as absent — lists leave them out, a document of B addressed by id is a 404
 * exactly like an unknown id, naming B (or a location in B) is a 403 naming that field, and a
 * refused request writes nothing. An unscoped admin still sees every warehouse.
 * (Returns, refunds and storage: warehouse-scope-aftersales.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { eventScope } from '../src/platform/auth/scope.js';
import { readAfter, START } from '../src/platform/events/log.js';
import { createProduct, createWorld, fulfil, ok, placeOrder, receive } from './orders.fixtures.js';
import { useTestContext } from './support/context.js';
import { countRows, expectHidden, expectOutsideScope, scopedCallers } from './warehouse-scope.fixtures.js';

const ctx = await useTestContext();
const { api } = ctx;

// Three warehouses: the callers work in A; B and C are someone else's (a transfer B → C touches neither side of theirs).
const A = await createWorld(api);
const B = await createWorld(api);
const C = await createWorld(api);
const product = await createProduct(api);
for (const w of [A, B, C]) await receive(api, w, { sku: product.sku, quantity: 50 });

const orderA = await placeOrder(api, A, [{ sku: product.sku, quantity: 2 }]);
const orderB = await placeOrder(api, B, [{ sku: product.sku, quantity: 2 }]);
const shippedA = await placeOrder(api, A, [{ sku: product.sku, quantity: 1 }]);
const shippedB = await placeOrder(api, B, [{ sku: product.sku, quantity: 1 }]);
await fulfil(api, shippedA.id, `SCOPE-A-${process.pid}`);
await fulfil(api, shippedB.id, `SCOPE-B-${process.pid}`);
const shipmentA = (await ok(api.get(`/api/v1/orders/${shippedA.id}`), 200)).shipment;
const shipmentB = (await ok(api.get(`/api/v1/orders/${shippedB.id}`), 200)).shipment;

const countA = await ok(api.post('/api/v1/stock/counts', { warehouseId: A.warehouseId, locationCodes: ['A-02'] }));
const countB = await ok(api.post('/api/v1/stock/counts', { warehouseId: B.warehouseId, locationCodes: ['A-02'] }));

const transfer = (from: number, to: number) => ok(api.post('/api/v1/transfers', { fromWarehouseId: from, toWarehouseId: to, lines: [{ sku: product.sku, quantity: 1 }] }));
const transferAB = await transfer(A.warehouseId, B.warehouseId);
const transferBC = await transfer(B.warehouseId, C.warehouseId);
for (const t of [transferAB, transferBC]) {
  await ok(api.post(`/api/v1/transfers/${t.id}/release`), 200);
  await ok(api.post(`/api/v1/transfers/${t.id}/ship`, {}), 200);
}

// A recorded proposal between B and C: C falls below its safety stock of a product only B has spare.
const spare = await createProduct(api);
await receive(api, B, { sku: spare.sku, quantity: 40 });
await receive(api, C, { sku: spare.sku, quantity: 5 });
await ok(api.put('/api/v1/stock/safety-stock', { sku: spare.sku, warehouseId: C.warehouseId, quantity: 20 }), 200);
const proposalBC = (await ctx.db.query<{ id: number }>('SELECT id FROM transfer_proposals WHERE product_id = $1', [spare.id])).rows[0]!;

const callers = await scopedCallers(ctx, [A.warehouseId]);
const ids = (page: { items: Array<{ id: number }> }) => page.items.map((i) => i.id);

describe.each(callers)('$name limited to warehouse A', ({ api: scoped }) => {
  it('lists warehouse A only; warehouse B and its locations are places outside the scope (403 naming the field)', async () => {
    expect(ids(await ok(scoped.get('/api/v1/warehouses?limit=200'), 200))).toEqual([A.warehouseId]);
    expect((await ok(scoped.get(`/api/v1/warehouses/${A.warehouseId}/locations?view=tree`), 200)).items.length).toBeGreaterThan(0);
    expect((await ok(scoped.get(`/api/v1/locations/${A.locations['A-01']}`), 200)).warehouseId).toBe(A.warehouseId);
    expectOutsideScope(await scoped.get(`/api/v1/warehouses/${B.warehouseId}`), 'params.id');
    expectOutsideScope(await scoped.get(`/api/v1/warehouses/${B.warehouseId}/locations`), 'params.id');
    expectOutsideScope(await scoped.get(`/api/v1/warehouses/${B.warehouseId}/locations?view=tree`), 'params.id');
    expectOutsideScope(await scoped.get(`/api/v1/warehouses/${B.warehouseId}/locations/by-code/A-01`), 'params.id');
    expectOutsideScope(await scoped.get(`/api/v1/locations/${B.locations['A-01']}`), 'params.id');
  });

  it('cannot create a warehouse or change warehouse B and its locations, and writes nothing trying', async () => {
    const before = [await countRows(ctx, 'warehouses'), await countRows(ctx, 'locations'), await countRows(ctx, 'events')];
    const created = await scoped.post('/api/v1/warehouses', { code: `NEW-${process.pid}`, name: 'Beyond my scope' });
    expect(created.status).toBe(403);
    expect(created.body.type).toBe('https://wareloop.dev/problems/outside-scope');
    expectOutsideScope(await scoped.patch(`/api/v1/warehouses/${B.warehouseId}`, { name: 'Renamed' }), 'params.id');
    expectOutsideScope(await scoped.post(`/api/v1/warehouses/${B.warehouseId}/locations`, { code: 'X-1', level: 'bin', type: 'storage' }), 'params.id');
    expectOutsideScope(await scoped.patch(`/api/v1/locations/${B.locations['A-02']}`, { pickSequence: 99 }), 'params.id');
    expect([await countRows(ctx, 'warehouses'), await countRows(ctx, 'locations'), await countRows(ctx, 'events')]).toEqual(before);
    expect((await ok(api.get(`/api/v1/warehouses/${B.warehouseId}`), 200)).name).toBe(`Warehouse ${B.warehouseCode}`);
    expect((await ok(api.get(`/api/v1/locations/${B.locations['A-02']}`), 200)).pickSequence).toBe(20);
  });

  it("shows A's stock levels, availability, ledger and low stock only; a filter naming B is refused", async () => {
    const levels = await ok(scoped.get(`/api/v1/stock/levels?sku=${product.sku}&limit=200`), 200);
    expect(levels.items.length).toBeGreaterThan(0);
    expect(new Set(levels.items.map((l: any) => l.warehouseId))).toEqual(new Set([A.warehouseId]));
    const ledger = await ok(scoped.get('/api/v1/stock/ledger?limit=200'), 200);
    expect(ledger.items.length).toBeGreaterThan(0);
    expect(new Set(ledger.items.map((l: any) => l.warehouseId))).toEqual(new Set([A.warehouseId]));
    const availability = await ok(scoped.get(`/api/v1/stock/availability?sku=${product.sku}`), 200);
    expect(availability.items[0].warehouses.map((w: any) => w.warehouseId)).toEqual([A.warehouseId]);
    expect(availability.items[0].total.onHand).toBe(availability.items[0].warehouses[0].onHand);
    const low = await ok(scoped.get('/api/v1/stock/low'), 200);
    expect(low.items.filter((b: any) => b.warehouseId !== A.warehouseId)).toEqual([]);

    expectOutsideScope(await scoped.get(`/api/v1/stock/levels?warehouseId=${B.warehouseId}`), 'querystring.warehouseId');
    expectOutsideScope(await scoped.get(`/api/v1/stock/levels?warehouseId=${B.warehouseId}&locationCode=A-01`), 'querystring.warehouseId');
    expectOutsideScope(await scoped.get(`/api/v1/stock/levels?locationId=${B.locations['A-01']}`), 'querystring.locationId');
    expectOutsideScope(await scoped.get(`/api/v1/stock/ledger?warehouseId=${B.warehouseId}`), 'querystring.warehouseId');
    expectOutsideScope(await scoped.get(`/api/v1/stock/ledger?locationId=${B.locations['A-01']}`), 'querystring.locationId');
    expectOutsideScope(await scoped.get(`/api/v1/stock/availability?sku=${product.sku}&warehouseId=${B.warehouseId}`), 'querystring.warehouseId');
    expectOutsideScope(await scoped.get(`/api/v1/stock/low?warehouseId=${B.warehouseId}`), 'querystring.warehouseId');
    expectOutsideScope(await scoped.get(`/api/v1/stock/put-away/suggestion?warehouseId=${B.warehouseId}&code=${product.sku}`), 'querystring.warehouseId');
    expect((await scoped.get(`/api/v1/stock/put-away/suggestion?warehouseId=${A.warehouseId}&code=${product.sku}`)).status).toBe(200);
    // The doctor's findings would name every warehouse's stock rows.
    expect((await scoped.get('/api/v1/stock/doctor')).status).toBe(403);
  });

  it('moves stock in A, and every stock command naming B or a location in B is refused without a trace', async () => {
    const sku = product.sku;
    const before = [await countRows(ctx, 'stock_ledger'), await countRows(ctx, 'safety_stock'), await countRows(ctx, 'events')];
    const inB = B.locations['A-01']!;
    expectOutsideScope(await scoped.post('/api/v1/stock/receipts', { sku, warehouseId: B.warehouseId, locationCode: 'A-01', quantity: 1 }), 'warehouseId');
    expectOutsideScope(await scoped.post('/api/v1/stock/receipts', { sku, locationId: inB, quantity: 1 }), 'locationId');
    expectOutsideScope(await scoped.post('/api/v1/stock/moves', { sku, warehouseId: B.warehouseId, fromLocationCode: 'A-01', toLocationCode: 'B-01', quantity: 1 }), 'warehouseId');
    expectOutsideScope(await scoped.post('/api/v1/stock/moves', { sku, fromLocationId: inB, toLocationId: B.locations['B-01'], quantity: 1 }), 'fromLocationId');
    expectOutsideScope(await scoped.post('/api/v1/stock/adjustments', { sku, locationId: inB, delta: -1, reason: 'lost' }), 'locationId');
    expectOutsideScope(await scoped.post('/api/v1/stock/status-changes', { sku, locationId: inB, quantity: 1, toStatus: 'quarantine' }), 'locationId');
    expectOutsideScope(await scoped.put('/api/v1/stock/safety-stock', { sku, warehouseId: B.warehouseId, quantity: 3 }), 'warehouseId');
    expect([await countRows(ctx, 'stock_ledger'), await countRows(ctx, 'safety_stock'), await countRows(ctx, 'events')]).toEqual(before);

    const received = await ok(scoped.post('/api/v1/stock/receipts', { sku, warehouseId: A.warehouseId, locationCode: 'B-01', quantity: 1 }));
    expect(received.warehouseId).toBe(A.warehouseId);
    await ok(scoped.post('/api/v1/stock/moves', { sku, fromLocationId: A.locations['B-01'], toLocationId: A.locations['A-01'], quantity: 1 }));
  });

  it('sees transfers from either side, drafts a request for B’s stock, and acts only on its own side', async () => {
    const list = ids(await ok(scoped.get('/api/v1/transfers?limit=200'), 200));
    expect(list).toContain(transferAB.id);
    expect(list).not.toContain(transferBC.id);
    expect((await ok(scoped.get(`/api/v1/transfers/${transferAB.id}`), 200)).status).toBe('shipped');
    expectHidden(await scoped.get(`/api/v1/transfers/${transferBC.id}`), 'transfer');
    expectHidden(await scoped.post(`/api/v1/transfers/${transferBC.id}/close`, { reason: 'not mine' }), 'transfer');
    // A → B is theirs to ship, not to receive: B receives it.
    const before = [await countRows(ctx, 'stock_ledger'), await countRows(ctx, 'transfer_orders')];
    expectOutsideScope(await scoped.post(`/api/v1/transfers/${transferAB.id}/receipts`, { lines: [{ sku: product.sku, quantity: 1 }] }), 'toWarehouseId');
    expectOutsideScope(await scoped.post('/api/v1/transfers', { fromWarehouseId: B.warehouseId, toWarehouseId: C.warehouseId, lines: [{ sku: product.sku, quantity: 1 }] }), 'fromWarehouseId');
    expect([await countRows(ctx, 'stock_ledger'), await countRows(ctx, 'transfer_orders')]).toEqual(before);
    expect((await ok(api.get(`/api/v1/transfers/${transferAB.id}`), 200)).status).toBe('shipped');

    const inTransit = await ok(scoped.get('/api/v1/stock/in-transit'), 200);
    expect(inTransit.items.flatMap((i: any) => i.transfers.map((t: any) => t.id))).toEqual([transferAB.id]);

    // A request for B's stock is a draft A may write; releasing it reserves B's stock, which is B's to do.
    const request = await ok(scoped.post('/api/v1/transfers', { fromWarehouseId: B.warehouseId, toWarehouseId: A.warehouseId, lines: [{ sku: product.sku, quantity: 1 }] }));
    expectOutsideScope(await scoped.post(`/api/v1/transfers/${request.id}/release`), 'fromWarehouseId');
    expect((await ok(api.get(`/api/v1/transfers/${request.id}`), 200)).status).toBe('draft');
    const own = await ok(scoped.post('/api/v1/transfers', { fromWarehouseId: A.warehouseId, toWarehouseId: C.warehouseId, lines: [{ sku: product.sku, quantity: 1 }] }));
    expect((await ok(scoped.post(`/api/v1/transfers/${own.id}/release`), 200)).status).toBe('released');
    expect((await ok(scoped.post(`/api/v1/transfers/${own.id}/cancel`, { reason: 'test' }), 200)).status).toBe('cancelled');

    expectHidden(await scoped.get(`/api/v1/transfer-proposals/${proposalBC.id}`), 'transfer proposal');
    expectHidden(await scoped.post(`/api/v1/transfer-proposals/${proposalBC.id}/dismiss`, { reason: 'not mine' }), 'transfer proposal');
    expect((await ok(api.get(`/api/v1/transfer-proposals/${proposalBC.id}`), 200)).status).toBe('open');
    const proposals = await ok(scoped.get('/api/v1/transfer-proposals?limit=200'), 200);
    for (const p of proposals.items) expect([p.fromWarehouseId, p.toWarehouseId]).toContain(A.warehouseId);
  });

  it("lists and works A's counts; B's count does not exist for it, and a count in B is refused", async () => {
    const list = ids(await ok(scoped.get('/api/v1/stock/counts?limit=200'), 200));
    expect(list).toContain(countA.id);
    expect(list).not.toContain(countB.id);
    expect((await ok(scoped.get(`/api/v1/stock/counts/${countA.id}`), 200)).warehouseId).toBe(A.warehouseId);
    expectHidden(await scoped.get(`/api/v1/stock/counts/${countB.id}`), 'stock count');
    expectHidden(await scoped.post(`/api/v1/stock/counts/${countB.id}/submit`, { lines: [] }), 'stock count');
    expectHidden(await scoped.post(`/api/v1/stock/counts/${countB.id}/reject`, { reason: 'not mine' }), 'stock count');
    expect((await ok(api.get(`/api/v1/stock/counts/${countB.id}`), 200)).status).toBe('open');
    const before = await countRows(ctx, 'stock_counts');
    expectOutsideScope(await scoped.post('/api/v1/stock/counts', { warehouseId: B.warehouseId, locationCodes: ['B-01'] }), 'warehouseId');
    expectOutsideScope(await scoped.get(`/api/v1/stock/counts?warehouseId=${B.warehouseId}`), 'querystring.warehouseId');
    expect(await countRows(ctx, 'stock_counts')).toBe(before);

    // An empty bin counted empty: approved at once, in A.
    const own = await ok(scoped.post('/api/v1/stock/counts', { warehouseId: A.warehouseId, locationCodes: ['SHIP'] }));
    expect((await ok(scoped.post(`/api/v1/stock/counts/${own.id}/submit`, { lines: [] }), 200)).status).toBe('approved');
  });

  it("lists, finds and works A's orders; B's orders are 404 everywhere, and an order naming B is refused", async () => {
    const list = ids(await ok(scoped.get('/api/v1/orders?limit=200'), 200));
    expect(list).toEqual(expect.arrayContaining([orderA.id, shippedA.id]));
    expect(list).not.toContain(orderB.id);
    expect(list).not.toContain(shippedB.id);
    // The console's search box asks the orders list by number.
    expect(ids(await ok(scoped.get(`/api/v1/orders?q=${orderB.number}`), 200))).toEqual([]);
    expect(ids(await ok(scoped.get(`/api/v1/orders?q=${orderA.number}`), 200))).toEqual([orderA.id]);
    expectOutsideScope(await scoped.get(`/api/v1/orders?warehouseId=${B.warehouseId}`), 'querystring.warehouseId');
    expectOutsideScope(await scoped.get(`/api/v1/pick-queue?warehouseId=${B.warehouseId}`), 'querystring.warehouseId');
    expect(ids(await ok(scoped.get(`/api/v1/pick-queue?warehouseId=${A.warehouseId}`), 200))).toContain(orderA.id);

    for (const path of ['', '/events', '/pick-list', '/pick-list.pdf', '/packing-slip.pdf']) {
      expectHidden(await scoped.get(`/api/v1/orders/${orderB.id}${path}`), 'order');
    }
    const before = await countRows(ctx, 'events');
    expectHidden(await scoped.post(`/api/v1/orders/${orderB.id}/cancel`, { reason: 'not mine' }), 'order');
    expectHidden(await scoped.post(`/api/v1/orders/${orderB.id}/hold`, { reason: 'not mine' }), 'order');
    expectHidden(await scoped.post(`/api/v1/orders/${orderB.id}/pick-list`), 'order');
    expectHidden(await scoped.patch(`/api/v1/orders/${orderB.id}/address`, { line1: 'Elsewhere 1' }), 'order');
    expectHidden(await scoped.post(`/api/v1/orders/${shippedB.id}/deliver`), 'order');
    expect(await countRows(ctx, 'events')).toBe(before);
    expect((await ok(api.get(`/api/v1/orders/${orderB.id}`), 200)).status).toBe('confirmed');

    const orders = await countRows(ctx, 'orders');
    expectOutsideScope(await scoped.post('/api/v1/orders', { customerId: B.customerId, channel: 'web', warehouseId: B.warehouseId, lines: [{ sku: product.sku, quantity: 1 }] }), 'warehouseId');
    expect(await countRows(ctx, 'orders')).toBe(orders);

    expect((await ok(scoped.get(`/api/v1/orders/${orderA.id}`), 200)).warehouseId).toBe(A.warehouseId);
    expect((await ok(scoped.post(`/api/v1/orders/${orderA.id}/hold`, { reason: 'checking' }), 200)).onHold).toBe(true);
    expect((await ok(scoped.post(`/api/v1/orders/${orderA.id}/release-hold`), 200)).onHold).toBe(false);
    expect((await scoped.get(`/api/v1/orders/${shippedA.id}/packing-slip.pdf`)).status).toBe(200);
  });

  it('places an order without a warehouse in one of its own, even when only B has the stock', async () => {
    const onlyInB = await createProduct(api);
    await receive(api, B, { sku: onlyInB.sku, quantity: 10 });
    const mine = await ok(scoped.post('/api/v1/orders', { customerId: A.customerId, channel: 'web', lines: [{ sku: onlyInB.sku, quantity: 1 }] }));
    expect(mine).toMatchObject({ warehouseId: A.warehouseId, status: 'backordered' });
    const anywhere = await ok(api.post('/api/v1/orders', { customerId: A.customerId, channel: 'web', lines: [{ sku: onlyInB.sku, quantity: 1 }] }));
    expect(anywhere).toMatchObject({ warehouseId: B.warehouseId, status: 'confirmed' });
  });

  it("lists and reads A's shipments; B's shipment and its tracking number are unknown to it", async () => {
    const list = ids(await ok(scoped.get('/api/v1/shipments?limit=200'), 200));
    expect(list).toContain(shipmentA.id);
    expect(list).not.toContain(shipmentB.id);
    expect((await scoped.get(`/api/v1/shipments/${shipmentA.id}`)).status).toBe(200);
    expect((await scoped.get(`/api/v1/shipments/${shipmentA.id}/label.pdf`)).status).toBe(200);
    expectHidden(await scoped.get(`/api/v1/shipments/${shipmentB.id}`), 'shipment');
    expectHidden(await scoped.get(`/api/v1/shipments/${shipmentB.id}/label.pdf`), 'shipment');
    const before = await countRows(ctx, 'tracking_events');
    const push = await scoped.post('/api/v1/carriers/manual/tracking-events', { trackingNumber: shipmentB.trackingNumber, status: 'in_transit', occurredAt: '2026-01-05T08:00:00Z' });
    expect(push.status).toBe(404);
    expect(await countRows(ctx, 'tracking_events')).toBe(before);
  });

  it("shows the events of A's things only: the list, one event, a customer's timeline and the stream's reader", async () => {
    const orderEvents = await ok(scoped.get('/api/v1/events?entityType=order&limit=200'), 200);
    expect(orderEvents.items.length).toBeGreaterThan(0);
    for (const e of orderEvents.items) expect(e.payload.warehouseId).toBe(A.warehouseId);
    expect(orderEvents.items.map((e: any) => Number(e.entityId))).toContain(orderA.id);

    const ofB = await ok(api.get(`/api/v1/events?entityType=order&entityId=${orderB.id}`), 200);
    expect(ofB.items.length).toBeGreaterThan(0);
    expect((await ok(scoped.get(`/api/v1/events?entityType=order&entityId=${orderB.id}`), 200)).items).toEqual([]);
    expect((await scoped.get(`/api/v1/events/${ofB.items[0].id}`)).status).toBe(404);
    expect((await scoped.get(`/api/v1/events/${orderEvents.items[0].id}`)).status).toBe(200);

    // B's customer is not B's alone (customers are shared), but B's orders in their timeline are.
    const timeline = await ok(scoped.get(`/api/v1/customers/${B.customerId}/timeline?limit=200`), 200);
    expect(timeline.items.map((e: any) => e.type)).toContain('customer.created');
    expect(timeline.items.filter((e: any) => e.entityType === 'order' || e.entityType === 'shipment')).toEqual([]);

    const me = await ok(scoped.get('/api/v1/auth/me'), 200);
    const streamed = await readAfter(ctx.db, START, 5000, { warehouseScope: eventScope(me) });
    const named = (e: any) => [e.payload.warehouseId, e.payload.fromWarehouseId, e.payload.toWarehouseId, e.payload.warehouse?.id].filter((w) => w !== undefined);
    expect(streamed.some((e) => e.entityType === 'shipment' && Number(e.entityId) === shipmentA.id)).toBe(true);
    for (const e of streamed) {
      if (named(e).length) expect(named(e)).toContain(A.warehouseId);
      else expect(['order', 'shipment', 'transfer', 'stock_count', 'warehouse', 'location']).not.toContain(e.entityType);
    }
  });
});

describe('an unscoped admin', () => {
  it('still sees every warehouse and what is in them', async () => {
    expect(ids(await ok(api.get('/api/v1/warehouses?limit=200'), 200))).toEqual(expect.arrayContaining([A.warehouseId, B.warehouseId, C.warehouseId]));
    const levels = await ok(api.get(`/api/v1/stock/levels?sku=${product.sku}&limit=200`), 200);
    expect(new Set(levels.items.map((l: any) => l.warehouseId))).toEqual(new Set([A.warehouseId, B.warehouseId, C.warehouseId]));
    expect(ids(await ok(api.get('/api/v1/orders?limit=200'), 200))).toEqual(expect.arrayContaining([orderA.id, orderB.id]));
    expect(ids(await ok(api.get('/api/v1/transfers?limit=200'), 200))).toEqual(expect.arrayContaining([transferAB.id, transferBC.id]));
    expect(ids(await ok(api.get('/api/v1/stock/counts?limit=200'), 200))).toEqual(expect.arrayContaining([countA.id, countB.id]));
    expect(ids(await ok(api.get('/api/v1/shipments?limit=200'), 200))).toEqual(expect.arrayContaining([shipmentA.id, shipmentB.id]));
    const timeline = await ok(api.get(`/api/v1/customers/${B.customerId}/timeline?limit=200`), 200);
    expect(timeline.items.some((e: any) => e.entityType === 'order' && Number(e.entityId) === orderB.id)).toBe(true);
    expect((await api.get('/api/v1/stock/doctor')).status).toBe(200);
  });
});
