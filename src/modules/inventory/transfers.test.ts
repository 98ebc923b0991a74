import { beforeAll, describe, expect, it } from 'vitest';
import { useTestContext } from '../../../test/support/context.js';
import { createProduct, createWorld, ok, placeOrder, type Product, type World } from '../../../test/orders.fixtures.js';
import { isHealthy, runDoctor } from './doctor.js';
import { getBalance } from './stock.service.js';
import { proposeTransfers, type StockPosition } from './transfer-proposals.js';

const ctx = await useTestContext();

let A: World; // the main warehouse, plenty of stock
let B: World; // a small one that runs short
let C: World; // a third, with some stock

beforeAll(async () => {
  A = await createWorld(ctx.api);
  B = await createWorld(ctx.api);
  C = await createWorld(ctx.api);
});

async function stockIn(w: World, sku: string, quantity: number, extra: Record<string, unknown> = {}) {
  return ok(ctx.api.post('/api/v1/stock/receipts', { sku, warehouseId: w.warehouseId, locationCode: 'A-01', quantity, ...extra }));
}
async function safety(w: World, sku: string, quantity: number) {
  return ok(ctx.api.put('/api/v1/stock/safety-stock', { sku, warehouseId: w.warehouseId, quantity }), 200);
}
async function draft(from: World, to: World, lines: Array<{ sku: string; quantity: number; lot?: string }>) {
  return ok(ctx.api.post('/api/v1/transfers', { fromWarehouseId: from.warehouseId, toWarehouseId: to.warehouseId, lines }));
}
const act = (id: number, action: string, body: unknown = {}) => ctx.api.post(`/api/v1/transfers/${id}/${action}`, body);
async function transferEvents(id: number) {
  const { rows } = await ctx.db.query<{ type: string; payload: any }>(`SELECT type, payload FROM events WHERE entity_type = 'transfer' AND entity_id = $1 ORDER BY id`, [String(id)]);
  return rows;
}
async function ledger(productId: number, warehouseId: number, reference: string) {
  const { rows } = await ctx.db.query<{ quantity: number; movement: string; locationId: number; lot: string }>(
    `SELECT quantity, movement, location_id AS "locationId", lot FROM stock_ledger WHERE product_id = $1 AND warehouse_id = $2 AND reference = $3 ORDER BY id`,
    [productId, warehouseId, reference],
  );
  return rows;
}
async function healthy() {
  const report = await runDoctor(ctx.db);
  expect(report.checks.filter((c) => !c.ok)).toEqual([]);
  expect(report.checks.map((c) => c.name)).toContain('stock in transit equals what transfers shipped and did not receive');
  return isHealthy(report);
}

describe('proposal math', () => {
  const pos = (warehouseId: number, p: Partial<StockPosition>): StockPosition => ({
    productId: 1,
    warehouseId,
    available: 0,
    safetyStock: 0,
    backordered: 0,
    inbound: 0,
    outboundDraft: 0,
    ...p,
  });

  it('takes from the largest surplus above its own safety stock, quantity = min(need, surplus)', () => {
    const out = proposeTransfers([pos(1, { available: 100, safetyStock: 10 }), pos(2, { available: 5, safetyStock: 20 }), pos(3, { available: 30, safetyStock: 10 })]);
    expect(out).toEqual([{ productId: 1, fromWarehouseId: 1, toWarehouseId: 2, quantity: 15, need: 15, surplus: 90, reason: 'below_safety_stock' }]);
    const small = proposeTransfers([pos(1, { available: 14, safetyStock: 10 }), pos(2, { available: 0, safetyStock: 20 })]);
    expect(small).toEqual([expect.objectContaining({ quantity: 4, need: 20, surplus: 4 })]);
  });

  it('counts backorders as need at the destination and as spoken for at the source', () => {
    const out = proposeTransfers([pos(1, { available: 50, safetyStock: 5, backordered: 40 }), pos(2, { available: 0, backordered: 7 }), pos(3, { available: 9 })]);
    // Warehouse 1 is itself short? 5 + 40 − 50 = −5: no. Its surplus is 5, warehouse 3's is 9.
    expect(out).toEqual([{ productId: 1, fromWarehouseId: 3, toWarehouseId: 2, quantity: 7, need: 7, surplus: 9, reason: 'backorders' }]);
  });

  it('subtracts what is already on its way, and draft transfers out of the source', () => {
    expect(proposeTransfers([pos(1, { available: 100 }), pos(2, { safetyStock: 20, inbound: 20 })])).toEqual([]);
    expect(proposeTransfers([pos(1, { available: 100, outboundDraft: 95 }), pos(2, { safetyStock: 20, inbound: 5 })])).toEqual([
      expect.objectContaining({ fromWarehouseId: 1, quantity: 5, need: 15, surplus: 5 }),
    ]);
  });

  it('breaks a tie on the lower warehouse id, skips inactive warehouses, proposes nothing without surplus', () => {
    const equal = [pos(3, { available: 10 }), pos(2, { available: 10 }), pos(1, { safetyStock: 5 })];
    expect(proposeTransfers(equal)[0]).toMatchObject({ fromWarehouseId: 2, toWarehouseId: 1 });
    expect(proposeTransfers(equal, { activeWarehouses: new Set([1, 3]) })[0]).toMatchObject({ fromWarehouseId: 3 });
    expect(proposeTransfers([pos(1, { available: 10, safetyStock: 10 }), pos(2, { safetyStock: 5 })])).toEqual([]);
    expect(proposeTransfers(equal, { toWarehouseId: 2 })).toEqual([]);
  });
});

describe('proposals over HTTP and transfer.proposed', () => {
  let p: Product;
  beforeAll(async () => {
    p = await createProduct(ctx.api);
    await stockIn(A, p.sku, 100);
    await stockIn(C, p.sku, 30);
    await stockIn(B, p.sku, 5);
    await safety(A, p.sku, 10);
    await safety(C, p.sku, 10);
  });

  it('proposes from the warehouse with the largest surplus when B falls below safety stock, once', async () => {
    await safety(B, p.sku, 20); // B: 5 available < 20 → stock.low → transfer.proposed
    const res = await ctx.api.get(`/api/v1/transfer-proposals?warehouseId=${B.warehouseId}&sku=${p.sku}`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({ productId: p.id, sku: p.sku, fromWarehouseId: A.warehouseId, toWarehouseId: B.warehouseId, quantity: 15, need: 15, surplus: 90, reason: 'below_safety_stock', available: 5, safetyStock: 20, inbound: 0, proposalId: expect.any(Number) }),
    ]);
    const proposed = await ctx.db.query<{ payload: any }>(`SELECT payload FROM events WHERE type = 'transfer.proposed' AND payload->>'productId' = $1`, [String(p.id)]);
    expect(proposed.rows.map((r) => r.payload)).toEqual([expect.objectContaining({ proposalId: res.body.items[0].proposalId, fromWarehouseId: A.warehouseId, toWarehouseId: B.warehouseId, quantity: 15 })]);

    // Back above and below again: stock.low again, but the open proposal is not repeated.
    await stockIn(B, p.sku, 30);
    await ok(ctx.api.post('/api/v1/stock/adjustments', { sku: p.sku, warehouseId: B.warehouseId, locationCode: 'A-01', delta: -30, reason: 'lost' }));
    const lows = await ctx.db.query(`SELECT 1 FROM events WHERE type = 'stock.low' AND payload->>'productId' = $1 AND payload->>'warehouseId' = $2`, [String(p.id), String(B.warehouseId)]);
    expect(lows.rowCount).toBe(2);
    const again = await ctx.db.query(`SELECT 1 FROM events WHERE type = 'transfer.proposed' AND payload->>'productId' = $1`, [String(p.id)]);
    expect(again.rowCount).toBe(1);
    const open = await ctx.db.query(`SELECT 1 FROM transfer_proposals WHERE product_id = $1 AND status = 'open'`, [p.id]);
    expect(open.rowCount).toBe(1);
  });

  it('accepts a proposal as a draft transfer; what is inbound is no longer proposed', async () => {
    const t = await ok(ctx.api.post('/api/v1/transfers', { fromProposal: { sku: p.sku, fromWarehouseId: A.warehouseId, toWarehouseId: B.warehouseId } }));
    expect(t).toMatchObject({ number: expect.stringMatching(/^TR-\d{6}$/), status: 'draft', fromWarehouseId: A.warehouseId, toWarehouseId: B.warehouseId });
    expect(t.lines).toEqual([expect.objectContaining({ lineNo: 1, productId: p.id, sku: p.sku, quantity: 15, shipped: 0, received: 0, inTransit: 0 })]);
    const proposal = await ctx.db.query<{ status: string; transferId: number }>(`SELECT status, transfer_id AS "transferId" FROM transfer_proposals WHERE product_id = $1`, [p.id]);
    expect(proposal.rows).toEqual([{ status: 'accepted', transferId: t.id }]);
    expect((await ctx.api.get(`/api/v1/transfer-proposals?warehouseId=${B.warehouseId}&sku=${p.sku}`)).body.items).toEqual([]);
    const created = await transferEvents(t.id);
    expect(created.map((e) => e.type)).toEqual(['transfer.created']);
    expect(created[0]!.payload).toMatchObject({ proposalIds: [expect.any(Number)], lines: [{ productId: p.id, quantity: 15 }] });
    const recorded = await ok(ctx.api.get(`/api/v1/transfer-proposals/${created[0]!.payload.proposalIds[0]}`), 200);
    expect(recorded).toMatchObject({ status: 'accepted', transferId: t.id, sku: p.sku, quantity: 15, decidedAt: expect.any(String) });
    const again = await ctx.api.post(`/api/v1/transfer-proposals/${recorded.id}/dismiss`, { reason: 'not needed' });
    expect([again.status, again.body.currentState]).toEqual([409, 'accepted']);
    // Nothing proposed now for that pair: a 409 saying so.
    const none = await ctx.api.post('/api/v1/transfers', { fromProposal: { sku: p.sku, fromWarehouseId: C.warehouseId, toWarehouseId: A.warehouseId } });
    expect(none.status).toBe(409);
    expect(none.body).toMatchObject({ currentState: 'no_proposal', field: 'fromProposal' });
  });

  it('dismisses an open proposal, after which the next shortage proposes again', async () => {
    const q = await createProduct(ctx.api);
    await stockIn(A, q.sku, 40);
    await stockIn(C, q.sku, 8);
    await safety(C, q.sku, 10); // C: 8 < 10 → proposed from A
    const first = (await ok(ctx.api.get(`/api/v1/transfer-proposals?warehouseId=${C.warehouseId}&sku=${q.sku}`), 200)).items[0];
    expect(first).toMatchObject({ fromWarehouseId: A.warehouseId, quantity: 2, proposalId: expect.any(Number) });
    const dismissed = await ok(ctx.api.post(`/api/v1/transfer-proposals/${first.proposalId}/dismiss`, { reason: 'will be restocked by the supplier' }), 200);
    expect(dismissed).toMatchObject({ status: 'dismissed', transferId: null });
    const ev = await ctx.db.query<{ payload: any }>(`SELECT payload FROM events WHERE type = 'transfer_proposal.dismissed' AND entity_id = $1`, [String(first.proposalId)]);
    expect(ev.rows).toEqual([{ payload: expect.objectContaining({ reason: 'will be restocked by the supplier', productId: q.id }) }]);
    expect((await ctx.api.get(`/api/v1/transfer-proposals?warehouseId=${C.warehouseId}&sku=${q.sku}`)).body.items[0].proposalId).toBeNull();
    await stockIn(C, q.sku, 5);
    await ok(ctx.api.post('/api/v1/stock/adjustments', { sku: q.sku, warehouseId: C.warehouseId, locationCode: 'A-01', delta: -6, reason: 'damaged' }));
    const second = (await ok(ctx.api.get(`/api/v1/transfer-proposals?warehouseId=${C.warehouseId}&sku=${q.sku}`), 200)).items[0];
    expect(second.proposalId).toEqual(expect.any(Number));
    expect(second.proposalId).not.toBe(first.proposalId);
    expect((await ctx.api.post('/api/v1/transfer-proposals/999999/dismiss', { reason: 'x' })).status).toBe(404);
  });

  it('proposes for backordered orders, and receiving the transfer confirms them', async () => {
    const q = await createProduct(ctx.api);
    await stockIn(A, q.sku, 50);
    const order = await placeOrder(ctx.api, B, [{ sku: q.sku, quantity: 7 }]);
    expect(order.status).toBe('backordered');
    const res = await ctx.api.get(`/api/v1/transfer-proposals?warehouseId=${B.warehouseId}&sku=${q.sku}`);
    expect(res.body.items).toEqual([expect.objectContaining({ fromWarehouseId: A.warehouseId, quantity: 7, reason: 'backorders', backordered: 7 })]);
    const t = await ok(ctx.api.post('/api/v1/transfers', { fromProposal: { sku: q.sku, fromWarehouseId: A.warehouseId, toWarehouseId: B.warehouseId } }));
    await ok(act(t.id, 'release'), 200);
    await ok(act(t.id, 'ship'), 200);
    const done = await ok(act(t.id, 'receipts', { lines: [{ sku: q.sku, quantity: 7 }] }));
    expect(done.status).toBe('closed');
    expect((await ok(ctx.api.get(`/api/v1/orders/${order.id}`), 200)).status).toBe('confirmed');
    expect(await healthy()).toBe(true);
  });
});

describe('a transfer from release to receipt', () => {
  it('reserves at the source, ships into transit, receives at the destination, with ledger, balances and events', async () => {
    const p = await createProduct(ctx.api);
    await stockIn(A, p.sku, 40, { lot: 'L1', expiresOn: '2030-01-31' });
    await stockIn(A, p.sku, 40, { locationCode: 'A-02', lot: 'L2', expiresOn: '2031-01-31' });
    const t = await draft(A, C, [{ sku: p.sku, quantity: 50 }]);

    const released = await ok(act(t.id, 'release'), 200);
    expect(released.status).toBe('released');
    expect(await getBalance(ctx.db, p.id, A.warehouseId)).toMatchObject({ onHand: 80, reserved: 50, available: 30 });
    const held = await ctx.db.query(`SELECT quantity FROM reservations WHERE ref_type = 'transfer_line' AND ref_id = $1`, [String(t.lines[0].id)]);
    expect(held.rows).toEqual([{ quantity: 50 }]);

    const shipped = await ok(act(t.id, 'ship'), 200);
    expect(shipped).toMatchObject({ status: 'shipped', shippedAt: expect.any(String) });
    expect(shipped.lines[0]).toMatchObject({ shipped: 50, received: 0, inTransit: 50 });
    expect(await getBalance(ctx.db, p.id, A.warehouseId)).toMatchObject({ onHand: 30, reserved: 0, available: 30 });
    // Earliest expiry first: all of L1, then 10 of L2.
    expect(await ledger(p.id, A.warehouseId, t.number)).toEqual([
      { quantity: -40, movement: 'transfer', locationId: A.locations['A-01'], lot: 'L1' },
      { quantity: -10, movement: 'transfer', locationId: A.locations['A-02'], lot: 'L2' },
    ]);
    const transit = await ok(ctx.api.get(`/api/v1/stock/in-transit?sku=${p.sku}`), 200);
    expect(transit.items).toEqual([
      {
        productId: p.id,
        sku: p.sku,
        fromWarehouseId: A.warehouseId,
        toWarehouseId: C.warehouseId,
        quantity: 50,
        transfers: [
          { id: t.id, number: t.number, lot: 'L1', quantity: 40 },
          { id: t.id, number: t.number, lot: 'L2', quantity: 10 },
        ],
      },
    ]);
    expect(await healthy()).toBe(true);

    const received = await ok(act(t.id, 'receipts', { locationCode: 'RECV', lines: [{ lineId: t.lines[0].id, quantity: 50 }] }));
    expect(received).toMatchObject({ status: 'closed', closedReason: 'received', closedAt: expect.any(String), discrepancies: [] });
    expect(received.lines[0]).toMatchObject({ shipped: 50, received: 50, inTransit: 0 });
    expect(await getBalance(ctx.db, p.id, C.warehouseId)).toMatchObject({ onHand: 50, available: 50 });
    expect(await ledger(p.id, C.warehouseId, t.number)).toEqual([
      { quantity: 40, movement: 'transfer', locationId: C.locations.RECV, lot: 'L1' },
      { quantity: 10, movement: 'transfer', locationId: C.locations.RECV, lot: 'L2' },
    ]);
    const levels = await ok(ctx.api.get(`/api/v1/stock/levels?sku=${p.sku}&warehouseId=${C.warehouseId}`), 200);
    expect(levels.items.map((l: any) => [l.lot, l.expiresOn, l.onHand])).toEqual([
      ['L1', '2030-01-31', 40],
      ['L2', '2031-01-31', 10],
    ]);
    expect((await ok(ctx.api.get(`/api/v1/stock/in-transit?sku=${p.sku}`), 200)).items).toEqual([]);
    const events = await transferEvents(t.id);
    expect(events.map((e) => e.type)).toEqual(['transfer.created', 'transfer.released', 'transfer.shipped', 'transfer.received', 'transfer.closed']);
    expect(events[2]!.payload).toMatchObject({ number: t.number, lines: [{ productId: p.id, quantity: 50 }] });
    expect(events[3]!.payload).toMatchObject({ locationId: C.locations.RECV, remaining: 0, lines: [{ quantity: 50, overage: 0 }] });
    expect(await healthy()).toBe(true);

    // Closed: every further step is a 409 naming the state.
    for (const action of ['release', 'ship', 'receipts', 'cancel', 'close']) {
      const body = action === 'receipts' ? { lines: [{ lineId: t.lines[0].id, quantity: 1 }] } : action === 'cancel' || action === 'close' ? { reason: 'late' } : {};
      const res = await act(t.id, action, body);
      expect(res.status, action).toBe(409);
      expect(res.body.currentState).toBe('closed');
    }
    const list = await ok(ctx.api.get(`/api/v1/transfers?status=closed&fromWarehouseId=${A.warehouseId}`), 200);
    expect(list.items.map((x: any) => x.id)).toContain(t.id);
  });

  it('receives in parts: a short scan leaves the rest in transit, an extra unit is an overage', async () => {
    const p = await createProduct(ctx.api);
    await stockIn(A, p.sku, 20);
    const t = await draft(A, B, [{ sku: p.sku, quantity: 10 }]);
    await ok(act(t.id, 'release'), 200);
    await ok(act(t.id, 'ship'), 200);

    const part = await ok(act(t.id, 'receipts', { lines: [{ sku: p.sku, quantity: 4 }] }));
    expect(part.status).toBe('partially_received');
    expect(part.lines[0]).toMatchObject({ shipped: 10, received: 4, inTransit: 6 });
    expect(await getBalance(ctx.db, p.id, B.warehouseId)).toMatchObject({ onHand: 4 });

    const rest = await ok(act(t.id, 'receipts', { lines: [{ sku: p.sku, quantity: 7 }] }));
    expect(rest).toMatchObject({ status: 'closed', closedReason: 'received' });
    expect(rest.lines[0]).toMatchObject({ shipped: 10, received: 10, inTransit: 0 });
    expect(rest.discrepancies).toEqual([expect.objectContaining({ kind: 'overage', quantity: 1, productId: p.id, sku: p.sku, lineId: t.lines[0].id })]);
    expect(await getBalance(ctx.db, p.id, B.warehouseId)).toMatchObject({ onHand: 11 });
    expect((await ledger(p.id, B.warehouseId, t.number)).map((l) => [l.quantity, l.movement])).toEqual([
      [4, 'transfer'],
      [6, 'transfer'],
      [1, 'adjustment'],
    ]);
    expect(await healthy()).toBe(true);
  });

  it('writes off what never arrives as a shortage, with the reason, and closes', async () => {
    const p = await createProduct(ctx.api);
    await stockIn(A, p.sku, 20);
    const t = await draft(A, B, [{ sku: p.sku, quantity: 10 }]);
    await ok(act(t.id, 'release'), 200);
    await ok(act(t.id, 'ship'), 200);
    await ok(act(t.id, 'receipts', { lines: [{ lineId: t.lines[0].id, quantity: 4 }] }));
    const bad = await act(t.id, 'close', { reason: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('body.reason');
    const closed = await ok(act(t.id, 'close', { reason: 'pallet damaged in transit / 运输途中托盘损坏' }), 200);
    expect(closed).toMatchObject({ status: 'closed', closedReason: 'written_off', writeOffReason: 'pallet damaged in transit / 运输途中托盘损坏' });
    expect(closed.lines[0]).toMatchObject({ shipped: 10, received: 4, writtenOff: 6, inTransit: 0 });
    expect(closed.discrepancies).toEqual([expect.objectContaining({ kind: 'shortage', quantity: 6, reason: 'pallet damaged in transit / 运输途中托盘损坏' })]);
    const last = (await transferEvents(t.id)).at(-1)!;
    expect(last).toMatchObject({ type: 'transfer.closed', payload: { closedReason: 'written_off', writtenOff: [{ quantity: 6 }] } });
    expect(await getBalance(ctx.db, p.id, B.warehouseId)).toMatchObject({ onHand: 4 });
    expect(await getBalance(ctx.db, p.id, A.warehouseId)).toMatchObject({ onHand: 10 });
    expect(await healthy()).toBe(true);
  });

  it('ships less than asked on a line and gives the rest back to the source', async () => {
    const p = await createProduct(ctx.api);
    await stockIn(A, p.sku, 20);
    const t = await draft(A, B, [{ sku: p.sku, quantity: 10 }]);
    await ok(act(t.id, 'release'), 200);
    const tooMany = await act(t.id, 'ship', { lines: [{ lineId: t.lines[0].id, quantity: 11 }] });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.field).toBe('lines.0.quantity');
    const shipped = await ok(act(t.id, 'ship', { lines: [{ lineId: t.lines[0].id, quantity: 6 }] }), 200);
    expect(shipped.lines[0]).toMatchObject({ quantity: 10, shipped: 6, inTransit: 6 });
    expect(await getBalance(ctx.db, p.id, A.warehouseId)).toMatchObject({ onHand: 14, reserved: 0, available: 14 });
    expect(await healthy()).toBe(true);
  });
});

describe('cancel, guards and bad input', () => {
  it('cancelling a released transfer gives its reserved stock back; a shipped one cannot be cancelled', async () => {
    const p = await createProduct(ctx.api);
    await stockIn(A, p.sku, 20);
    const t = await draft(A, B, [{ sku: p.sku, quantity: 12 }]);
    await ok(act(t.id, 'release'), 200);
    expect(await getBalance(ctx.db, p.id, A.warehouseId)).toMatchObject({ reserved: 12, available: 8 });
    const cancelled = await ok(act(t.id, 'cancel', { reason: 'plan changed' }), 200);
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'plan changed', cancelledAt: expect.any(String) });
    expect(await getBalance(ctx.db, p.id, A.warehouseId)).toMatchObject({ onHand: 20, reserved: 0, available: 20 });
    expect((await transferEvents(t.id)).at(-1)).toMatchObject({ type: 'transfer.cancelled', payload: { previousStatus: 'released', released: 12 } });

    const u = await draft(A, B, [{ sku: p.sku, quantity: 2 }]);
    await ok(act(u.id, 'release'), 200);
    await ok(act(u.id, 'ship'), 200);
    const late = await act(u.id, 'cancel', { reason: 'too late' });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ currentState: 'shipped' });
    expect(late.body.detail).toContain('shipped');
    expect(await healthy()).toBe(true);
  });

  it('cannot release (or ship) more than the source has available', async () => {
    const p = await createProduct(ctx.api);
    await stockIn(A, p.sku, 10);
    const t = await draft(A, B, [{ sku: p.sku, quantity: 11 }]);
    const res = await act(t.id, 'release');
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ currentState: 'insufficient_stock', available: 10, field: 'lines.0.quantity' });
    expect((await ok(ctx.api.get(`/api/v1/transfers/${t.id}`), 200)).status).toBe('draft');
    expect(await getBalance(ctx.db, p.id, A.warehouseId)).toMatchObject({ reserved: 0 });
    const ship = await act(t.id, 'ship');
    expect(ship.status).toBe(409);
    expect(ship.body.currentState).toBe('draft');
    // A lot that is not there is refused even though the product is.
    const lot = await draft(A, B, [{ sku: p.sku, quantity: 1, lot: 'NOPE' }]);
    expect((await act(lot.id, 'release')).body).toMatchObject({ currentState: 'insufficient_stock', available: 0 });
  });

  it('names the wrong field of a bad request, and refuses writes without inventory.write', async () => {
    const p = await createProduct(ctx.api);
    const same = await ctx.api.post('/api/v1/transfers', { fromWarehouseId: A.warehouseId, toWarehouseId: A.warehouseId, lines: [{ sku: p.sku, quantity: 1 }] });
    expect([same.status, same.body.field]).toEqual([422, 'toWarehouseId']);
    const sku = await ctx.api.post('/api/v1/transfers', { fromWarehouseId: A.warehouseId, toWarehouseId: B.warehouseId, lines: [{ sku: 'NO-SUCH', quantity: 1 }] });
    expect([sku.status, sku.body.field]).toEqual([422, 'lines.0.sku']);
    const wh = await ctx.api.post('/api/v1/transfers', { fromWarehouseId: 999999, toWarehouseId: B.warehouseId, lines: [{ sku: p.sku, quantity: 1 }] });
    expect([wh.status, wh.body.field]).toEqual([422, 'fromWarehouseId']);
    const none = await ctx.api.post('/api/v1/transfers', { fromWarehouseId: A.warehouseId, toWarehouseId: B.warehouseId });
    expect([none.status, none.body.field]).toEqual([422, 'lines']);
    const zero = await ctx.api.post('/api/v1/transfers', { fromWarehouseId: A.warehouseId, toWarehouseId: B.warehouseId, lines: [{ sku: p.sku, quantity: 0 }] });
    expect([zero.status, zero.body.field]).toEqual([400, 'body.lines.0.quantity']);
    const dup = await ctx.api.post('/api/v1/transfers', { fromWarehouseId: A.warehouseId, toWarehouseId: B.warehouseId, lines: [{ sku: p.sku, quantity: 1 }, { sku: p.sku, quantity: 2 }] });
    expect([dup.status, dup.body.field]).toEqual([422, 'lines.1.sku']);
    expect((await ctx.api.get('/api/v1/transfers/999999')).status).toBe(404);
    const unknownWh = await ctx.api.get('/api/v1/transfer-proposals?warehouseId=999999');
    expect([unknownWh.status, unknownWh.body.field]).toEqual([422, 'querystring.warehouseId']);
    const unknownSku = await ctx.api.get('/api/v1/stock/in-transit?sku=NO-SUCH');
    expect([unknownSku.status, unknownSku.body.field]).toEqual([422, 'querystring.sku']);
    const both = await ctx.api.post('/api/v1/transfers', { fromProposal: { sku: p.sku, fromWarehouseId: A.warehouseId, toWarehouseId: B.warehouseId }, lines: [{ sku: p.sku, quantity: 1 }] });
    expect([both.status, both.body.field]).toEqual([422, 'lines']);

    await stockIn(A, p.sku, 5);
    const t = await draft(A, B, [{ sku: p.sku, quantity: 1 }]);
    await ok(act(t.id, 'release'), 200);
    await ok(act(t.id, 'ship'), 200);
    const wrongPlace = await act(t.id, 'receipts', { locationId: A.locations.RECV, lines: [{ lineId: t.lines[0].id, quantity: 1 }] });
    expect([wrongPlace.status, wrongPlace.body.field]).toEqual([422, 'locationId']);
    const wrongLine = await act(t.id, 'receipts', { lines: [{ lineId: 999999, quantity: 1 }] });
    expect([wrongLine.status, wrongLine.body.field]).toEqual([422, 'lines.0.lineId']);

    const service = ctx.api.as(await ctx.keyFor('customer_service'));
    expect((await service.get(`/api/v1/transfers/${t.id}`)).status).toBe(200);
    expect((await service.get(`/api/v1/transfer-proposals`)).status).toBe(200);
    expect((await service.get(`/api/v1/stock/in-transit`)).status).toBe(200);
    expect((await service.post(`/api/v1/transfers/${t.id}/close`, { reason: 'x' })).status).toBe(403);
    expect((await service.post('/api/v1/transfers', { fromWarehouseId: A.warehouseId, toWarehouseId: B.warehouseId, lines: [{ sku: p.sku, quantity: 1 }] })).status).toBe(403);
    const operator = ctx.api.as(await ctx.keyFor('warehouse_operator'));
    expect((await operator.post(`/api/v1/transfers/${t.id}/receipts`, { lines: [{ lineId: t.lines[0].id, quantity: 1 }] })).status).toBe(201);
  });

  it('creates once per Idempotency-Key, and pages the list newest first', async () => {
    const p = await createProduct(ctx.api);
    const body = { fromWarehouseId: B.warehouseId, toWarehouseId: C.warehouseId, lines: [{ sku: p.barcode, quantity: 3 }], reference: 'REPLENISH-7' };
    const headers = { 'idempotency-key': `transfer-${p.sku}` };
    const first = await ctx.api.post('/api/v1/transfers', body, { headers });
    const second = await ctx.api.post('/api/v1/transfers', body, { headers });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.id).toBe(first.body.id);
    expect(first.body.lines[0]).toMatchObject({ productId: p.id, sku: p.sku });
    const mine = await ctx.db.query('SELECT 1 FROM transfer_orders WHERE reference = $1', ['REPLENISH-7']);
    expect(mine.rowCount).toBe(1);
    const other = await ok(ctx.api.post('/api/v1/transfers', { ...body, reference: 'REPLENISH-8' }));
    const page1 = await ok(ctx.api.get(`/api/v1/transfers?fromWarehouseId=${B.warehouseId}&status=draft&limit=1`), 200);
    expect(page1.items.map((t: any) => t.id)).toEqual([other.id]);
    const page2 = await ok(ctx.api.get(`/api/v1/transfers?fromWarehouseId=${B.warehouseId}&status=draft&limit=1&cursor=${page1.nextCursor}`), 200);
    expect(page2.items.map((t: any) => t.id)).toEqual([first.body.id]);
    expect((await ctx.api.get('/api/v1/transfers?cursor=garbage')).status).toBe(400);
  });

  it('holds the quantities in the database: received ≤ shipped ≤ quantity, in transit ≥ 0', async () => {
    const p = await createProduct(ctx.api);
    await stockIn(A, p.sku, 3);
    const t = await draft(A, B, [{ sku: p.sku, quantity: 3 }]);
    await ok(act(t.id, 'release'), 200);
    await ok(act(t.id, 'ship'), 200);
    const line = t.lines[0].id;
    const refused = async (sql: string) => {
      const err = await ctx.db.transaction((tx) => tx.query(sql, [line])).then(() => undefined, (e: { code?: string; constraint?: string }) => e);
      expect(err, sql).toMatchObject({ code: '23514' });
      return err!.constraint;
    };
    expect(await refused('UPDATE transfer_lines SET received = shipped + 1 WHERE id = $1')).toBe('transfer_lines_quantities');
    expect(await refused('UPDATE transfer_lines SET shipped = quantity + 1 WHERE id = $1')).toBe('transfer_lines_quantities');
    expect(await refused('UPDATE transfer_lines SET written_off = shipped - received + 1 WHERE id = $1')).toBe('transfer_lines_quantities');
    expect(await refused('UPDATE stock_in_transit SET quantity = -1 WHERE transfer_line_id = $1')).toBe('stock_in_transit_quantity');
    // And the doctor notices in-transit that does not match the lines.
    await ctx.db.query('UPDATE stock_in_transit SET quantity = quantity - 1 WHERE transfer_line_id = $1', [line]);
    const report = await runDoctor(ctx.db);
    const check = report.checks.find((c) => c.name === 'stock in transit equals what transfers shipped and did not receive')!;
    expect(check.ok).toBe(false);
    expect(check.findings).toEqual([expect.stringContaining(`line ${line}`)]);
    await ctx.db.query('UPDATE stock_in_transit SET quantity = quantity + 1 WHERE transfer_line_id = $1', [line]);
    expect(await healthy()).toBe(true);
  });

  it('documents the routes in /openapi.json', async () => {
    const doc = await ok(ctx.api.get('/openapi.json'), 200);
    for (const path of ['/api/v1/transfer-proposals', '/api/v1/transfers', '/api/v1/transfers/{id}', '/api/v1/transfers/{id}/receipts', '/api/v1/stock/in-transit']) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.paths['/api/v1/transfers/{id}/ship'].post.responses['200']).toBeDefined();
  });
});
