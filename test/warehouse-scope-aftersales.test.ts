/**
 * Warehouse scope over after-sales and storage: returns, refunds, return analytics, deposits,
 * items, storage counts, vouchers, storage locations, reports and documents. A caller limited to
 * warehouses A (returns) and S (storage) sees and works their things; another warehouse's are
 * absent from lists, a 404 by id or code, a 403 naming the field when a request names that
 * warehouse, and a refused request writes nothing. An unscoped admin still sees both sides.
 */
import { describe, expect, it } from 'vitest';
import { ok } from './orders.fixtures.js';
import { createReturnsWorld, shippedOrder, type ShippedOrder } from './returns.fixtures.js';
import { checkIn, SIGNATURE, storageWorld } from './storage.fixtures.js';
import { useTestContext } from './support/context.js';
import { countRows, expectHidden, expectOutsideScope, scopedCallers } from './warehouse-scope.fixtures.js';

const ctx = await useTestContext();
const { api } = ctx;

// ---- after-sales: a return and a compensation (with its refund) in each of A and B ------------
const A = await createReturnsWorld(api);
const B = await createReturnsWorld(api);
const soldA = await shippedOrder(api, [{ price: 40, quantity: 5 }], A);
const soldB = await shippedOrder(api, [{ price: 40, quantity: 5 }], B);
const ask = (sold: ShippedOrder, extra: Record<string, unknown> = {}) =>
  ok(api.post('/api/v1/returns', { orderId: sold.order.id, type: 'return', reasonCode: 'changed_mind', lines: [{ sku: sold.products[0]!.sku, quantity: 1 }], ...extra }));
const returnA = await ask(soldA);
const returnB = await ask(soldB);
const refundOf = async (sold: ShippedOrder) => {
  const r = await ask(sold, { type: 'compensation', reasonCode: 'late_delivery', requestedAmount: 10 });
  return (await ok(api.post(`/api/v1/returns/${r.id}/resolve`, {}), 200)).refunds[0];
};
const refundA = await refundOf(soldA);
const refundB = await refundOf(soldB);

// ---- storage: a deposit and a count in each of S and T ---------------------------------------
const S = await storageWorld(api);
const T = await storageWorld(api);
const depositS = await checkIn(api, S);
const depositT = await checkIn(api, T);
const storageCountT = await ok(api.post('/api/v1/storage/counts', { warehouseId: T.warehouseId, locationCode: 'S-ANY', scannedCodes: [] }));

const callers = await scopedCallers(ctx, [A.warehouseId, S.warehouseId]);
const ids = (page: { items: Array<{ id: number }> }) => page.items.map((i) => i.id);

describe.each(callers)('$name limited to warehouses A and S', ({ name, api: scoped, headers }) => {
  it("lists and reads A's returns; B's request is a 404 by id, by RMA and in every command, and changes nothing", async () => {
    const list = ids(await ok(scoped.get('/api/v1/returns?limit=200'), 200));
    expect(list).toContain(returnA.id);
    expect(list).not.toContain(returnB.id);
    expect(ids(await ok(scoped.get(`/api/v1/returns?q=${returnB.rmaNumber}`), 200))).toEqual([]);
    expect((await ok(scoped.get(`/api/v1/returns/lookup?code=${returnA.rmaNumber}`), 200)).id).toBe(returnA.id);
    expectHidden(await scoped.get(`/api/v1/returns/lookup?code=${returnB.rmaNumber}`), 'return');
    expectHidden(await scoped.get(`/api/v1/returns/lookup?code=${soldB.order.number}`), 'approved return for order');
    expectHidden(await scoped.get(`/api/v1/returns/${returnB.id}`), 'return');
    expectHidden(await scoped.get(`/api/v1/returns/${returnB.id}/events`), 'return');

    const before = [await countRows(ctx, 'events'), await countRows(ctx, 'stock_ledger')];
    expectHidden(await scoped.post(`/api/v1/returns/${returnB.id}/receive`, { scans: [{ code: soldB.products[0]!.sku }] }), 'return');
    expectHidden(await scoped.post(`/api/v1/returns/${returnB.id}/cancel`, { reason: 'not mine' }), 'return');
    expectHidden(await scoped.post(`/api/v1/returns/${returnB.id}/reject`, { reason: 'not mine' }), 'return');
    expectHidden(await scoped.post(`/api/v1/returns/${returnB.id}/approve`), 'return');
    expect([await countRows(ctx, 'events'), await countRows(ctx, 'stock_ledger')]).toEqual(before);
    expect((await ok(api.get(`/api/v1/returns/${returnB.id}`), 200)).status).toBe(returnB.status);

    expect((await ok(scoped.get(`/api/v1/returns/${returnA.id}`), 200)).warehouseId).toBe(A.warehouseId);
    expect((await ok(scoped.get(`/api/v1/returns/${returnA.id}/events`), 200)).items.length).toBeGreaterThan(0);
  });

  it("asks for returns on A's orders; an order of B is answered as an unknown order", async () => {
    const before = await countRows(ctx, 'return_requests');
    const refused = await scoped.post('/api/v1/returns', { orderId: soldB.order.id, type: 'return', reasonCode: 'changed_mind', lines: [{ sku: soldB.products[0]!.sku, quantity: 1 }] });
    const unknown = await scoped.post('/api/v1/returns', { orderId: 999_999_999, type: 'return', reasonCode: 'changed_mind', lines: [{ sku: soldB.products[0]!.sku, quantity: 1 }] });
    expect([refused.status, refused.body.field]).toEqual([422, 'orderId']);
    expect(refused.body.detail).toBe(`order ${soldB.order.id} does not exist`);
    expect([unknown.status, unknown.body.field]).toEqual([422, 'orderId']);
    expect(await countRows(ctx, 'return_requests')).toBe(before);
    const mine = await ok(scoped.post('/api/v1/returns', { orderId: soldA.order.id, type: 'return', reasonCode: 'changed_mind', lines: [{ sku: soldA.products[0]!.sku, quantity: 1 }] }));
    expect(mine.warehouseId).toBe(A.warehouseId);
  });

  it("lists, reads and approves A's refunds; B's refund is a 404 and stays pending", async () => {
    const list = ids(await ok(scoped.get('/api/v1/refunds?limit=200'), 200));
    expect(list).toContain(refundA.id);
    expect(list).not.toContain(refundB.id);
    expectHidden(await scoped.get(`/api/v1/refunds/${refundB.id}`), 'refund');
    expectHidden(await scoped.post(`/api/v1/refunds/${refundB.id}/approve`), 'refund');
    expectHidden(await scoped.post(`/api/v1/refunds/${refundB.id}/pay`, { paymentReference: 'NOT-MINE' }), 'refund');
    expect((await ok(api.get(`/api/v1/refunds/${refundB.id}`), 200)).status).toBe('pending');
    expect((await ok(scoped.get(`/api/v1/refunds/${refundA.id}`), 200)).id).toBe(refundA.id);
    // The key approves A's refund, the session (another person) pays it.
    const step = name === 'api key' ? scoped.post(`/api/v1/refunds/${refundA.id}/approve`) : scoped.post(`/api/v1/refunds/${refundA.id}/pay`, { paymentReference: 'SCOPE-1' });
    expect((await ok(step, 200)).status).toBe(name === 'api key' ? 'approved' : 'paid');
  });

  it("counts A's requests and shipments only in the return analytics", async () => {
    const { rows } = await ctx.db.query<{ warehouseId: number; n: number }>('SELECT warehouse_id AS "warehouseId", count(*)::int AS n FROM return_requests GROUP BY 1');
    const inA = rows.find((r) => r.warehouseId === A.warehouseId)!.n;
    const everywhere = rows.reduce((n, r) => n + r.n, 0);
    expect(everywhere).toBeGreaterThan(inA);
    expect((await ok(scoped.get('/api/v1/returns/analytics/summary'), 200)).requests).toBe(inA);
    expect((await ok(api.get('/api/v1/returns/analytics/summary'), 200)).requests).toBe(everywhere);
    // 5 units shipped from each warehouse; only A's count for A.
    const shipped = (page: { items: Array<{ shippedUnits: number }> }) => page.items.reduce((n, r) => n + r.shippedUnits, 0);
    expect(shipped(await ok(scoped.get('/api/v1/returns/analytics/return-rate?by=sku'), 200))).toBe(5);
    expect(shipped(await ok(api.get('/api/v1/returns/analytics/return-rate?by=sku'), 200))).toBe(10);
  });

  it("finds and reads S's deposits and items; T's are 404 by id, by code and in every document", async () => {
    const list = ids(await ok(scoped.get('/api/v1/storage/deposits?limit=200'), 200));
    expect(list).toContain(depositS.id);
    expect(list).not.toContain(depositT.id);
    expect(ids(await ok(scoped.get(`/api/v1/storage/deposits?q=${depositT.depositNumber}`), 200))).toEqual([]);
    expectOutsideScope(await scoped.get(`/api/v1/storage/deposits?warehouseId=${T.warehouseId}`), 'querystring.warehouseId');
    const itemT = depositT.items[0].code;
    expectHidden(await scoped.get(`/api/v1/storage/deposits/${depositT.id}`), 'storage deposit');
    expectHidden(await scoped.get(`/api/v1/storage/deposits/${depositT.id}/labels.pdf`), 'storage deposit');
    expectHidden(await scoped.get(`/api/v1/storage/deposits/${depositT.id}/voucher.pdf`), 'storage deposit');
    expectHidden(await scoped.get(`/api/v1/storage/items/${itemT}`), 'storage item');
    expectHidden(await scoped.get(`/api/v1/storage/items/${itemT}/label.pdf`), 'storage item');
    expectHidden(await scoped.get(`/api/v1/storage/items/${itemT}/custody.pdf`), 'storage item');
    expectHidden(await scoped.get(`/api/v1/storage/items/${itemT}/put-away-recommendations`), 'storage item');
    expectHidden(await scoped.get(`/api/v1/storage/counts/${storageCountT.id}`), 'storage count');
    const lookup = await scoped.post('/api/v1/storage/vouchers/lookup', { voucherCode: depositT.voucherCode });
    expect([lookup.status, lookup.body.entity]).toEqual([404, 'storage voucher']);

    expect((await ok(scoped.get(`/api/v1/storage/deposits/${depositS.id}`), 200)).id).toBe(depositS.id);
    expect((await ok(scoped.get(`/api/v1/storage/items/${depositS.items[0].code}`), 200)).warehouseId).toBe(S.warehouseId);
    expect((await scoped.get(`/api/v1/storage/items/${depositS.items[0].code}/custody.pdf`)).status).toBe(200);
  });

  it("checks in, puts away and counts in S; T's items, vouchers and locations are refused and nothing moves", async () => {
    const itemT = depositT.items[0].code;
    const before = [await countRows(ctx, 'storage_deposits'), await countRows(ctx, 'storage_custody'), await countRows(ctx, 'storage_counts'), await countRows(ctx, 'events')];
    expectHidden(await scoped.post(`/api/v1/storage/items/${itemT}/put-away`, { locationCode: 'S-ANY' }), 'storage item');
    expectHidden(await scoped.post(`/api/v1/storage/items/${itemT}/move`, { locationCode: 'S-ANY' }), 'storage item');
    expectHidden(await scoped.post(`/api/v1/storage/items/${itemT}/corrections`, { locationCode: 'S-ANY', reason: 'found it there' }), 'storage item');
    const checkOut = await scoped.post('/api/v1/storage/check-outs', { voucherCode: depositT.voucherCode, itemCodes: [itemT], receivedBy: 'Someone', signature: SIGNATURE });
    expect([checkOut.status, checkOut.body.field]).toEqual([422, 'voucherCode']);
    expectOutsideScope(await scoped.post('/api/v1/storage/check-ins', { warehouseId: T.warehouseId, customerPhone: '+86 139 0000 0001', items: [{ category: 'luggage', sizeClass: 'M', description: 'Bag' }] }), 'warehouseId');
    expectOutsideScope(await scoped.post('/api/v1/storage/counts', { warehouseId: T.warehouseId, locationCode: 'S-ANY', scannedCodes: [] }), 'warehouseId');
    expectOutsideScope(await scoped.get(`/api/v1/storage/locations?warehouseId=${T.warehouseId}`), 'querystring.warehouseId');
    expectOutsideScope(await scoped.get(`/api/v1/storage/locations/${T.locations['S-ANY']}`), 'params.id');
    expectOutsideScope(await scoped.put(`/api/v1/storage/locations/${T.locations['S-ANY']}`, { acceptedSizeClasses: [], acceptedCategories: [], itemCapacity: 1 }), 'params.id');
    const upload = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/storage/check-ins/import?warehouseId=${T.warehouseId}`,
      headers: { ...headers, 'content-type': 'text/csv' },
      payload: 'phone,name,category,sizeClass,description\n+86 139 0000 0002,Li,luggage,M,Bag\n',
    });
    expectOutsideScope({ status: upload.statusCode, body: JSON.parse(upload.body) }, 'querystring.warehouseId');
    expect([await countRows(ctx, 'storage_deposits'), await countRows(ctx, 'storage_custody'), await countRows(ctx, 'storage_counts'), await countRows(ctx, 'events')]).toEqual(before);
    expect((await ok(api.get(`/api/v1/storage/items/${itemT}`), 200)).status).toBe('checked_in');
    expect((await ok(api.get(`/api/v1/storage/locations/${T.locations['S-ANY']}`), 200)).itemCapacity).toBeNull();

    const mine = await checkIn(scoped, S);
    const stored = await ok(scoped.post(`/api/v1/storage/items/${mine.items[0].code}/put-away`, { locationCode: 'S-ANY' }), 200);
    expect(stored.status).toBe('stored');
    expect((await ok(scoped.post('/api/v1/storage/counts', { warehouseId: S.warehouseId, locationCode: 'S-SMALL', scannedCodes: [] }))).warehouseId).toBe(S.warehouseId);
    expect((await ok(scoped.get(`/api/v1/storage/locations?warehouseId=${S.warehouseId}`), 200)).items.length).toBeGreaterThan(0);
  });

  it("reports on S's storage only", async () => {
    const { rows } = await ctx.db.query<{ warehouseId: number; n: number }>(
      `SELECT warehouse_id AS "warehouseId", count(*)::int AS n FROM storage_items WHERE status <> 'checked_out' GROUP BY 1`,
    );
    const inS = rows.find((r) => r.warehouseId === S.warehouseId)!.n;
    const items = await ok(scoped.get('/api/v1/storage/reports/items-in-storage'), 200);
    expect(items).toMatchObject({ total: inS, byWarehouse: [{ warehouseId: S.warehouseId, count: inS }] });
    expect((await ok(api.get('/api/v1/storage/reports/items-in-storage'), 200)).total).toBe(rows.reduce((n, r) => n + r.n, 0));
    expectOutsideScope(await scoped.get(`/api/v1/storage/reports/items-in-storage?warehouseId=${T.warehouseId}`), 'querystring.warehouseId');
    expect((await ok(scoped.get('/api/v1/storage/reports/occupancy'), 200)).warehouses.map((w: any) => w.warehouseId)).toEqual([A.warehouseId, S.warehouseId]);
    const today = new Date().toISOString().slice(0, 10);
    const flow = await ok(scoped.get(`/api/v1/storage/reports/flow?from=${today}&to=${today}`), 200);
    const { rows: checkedIn } = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM storage_items WHERE warehouse_id = $1', [S.warehouseId]);
    expect(flow.days.reduce((n: number, d: any) => n + d.checkedIn, 0)).toBe(checkedIn[0]!.n);
    const dwell = await ok(scoped.get('/api/v1/storage/reports/dwell-time'), 200);
    expect(dwell.buckets.reduce((n: number, b: any) => n + b.inStorage, 0)).toBe(inS);
    expectOutsideScope(await scoped.get(`/api/v1/storage/reports/fee-revenue?from=${today}&to=${today}&warehouseId=${T.warehouseId}`), 'querystring.warehouseId');
    expectOutsideScope(await scoped.get(`/api/v1/storage/reports/overdue?warehouseId=${T.warehouseId}`), 'querystring.warehouseId');
  });
});

describe('an unscoped admin', () => {
  it('still sees both sides', async () => {
    expect(ids(await ok(api.get('/api/v1/returns?limit=200'), 200))).toEqual(expect.arrayContaining([returnA.id, returnB.id]));
    expect(ids(await ok(api.get('/api/v1/refunds?limit=200'), 200))).toEqual(expect.arrayContaining([refundA.id, refundB.id]));
    expect(ids(await ok(api.get('/api/v1/storage/deposits?limit=200'), 200))).toEqual(expect.arrayContaining([depositS.id, depositT.id]));
    expect((await ok(api.get(`/api/v1/storage/counts/${storageCountT.id}`), 200)).warehouseId).toBe(T.warehouseId);
    expect((await ok(api.get(`/api/v1/returns/lookup?code=${returnB.rmaNumber}`), 200)).id).toBe(returnB.id);
  });
});
