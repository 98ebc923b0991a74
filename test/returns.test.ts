/**
 * After-sales end to end, one walk per type (return, exchange, advance exchange, repair,
 * compensation) through request → approval → receipt → inspection → disposition → resolution,
 * checking the request, the stock levels and ledger (through inventory reads) and the events.
 */
import { describe, expect, it } from 'vitest';
import { isHealthy, runDoctor } from '../src/modules/inventory/doctor.js';
import { getBalance } from '../src/modules/inventory/stock.service.js';
import { runAutomationOnce } from '../src/modules/automation/worker.js';
import { useTestContext } from './support/context.js';
import { fulfil, receive } from './orders.fixtures.js';
import { createReturnsWorld, FULL_CHECKLIST, ledgerOf, ok, product, returnEvents, shippedOrder, stockOf } from './returns.fixtures.js';

const ctx = await useTestContext();
const api = ctx.api;
// Separation of duties: a refund is approved by another person than who set it (api) and paid by
// another than its approver; a second inspection level is done by another inspector.
const finance = api.as(await ctx.keyFor('manager'));
const secondInspector = api.as(await ctx.keyFor('warehouse_operator'));

describe('a return', () => {
  it('is approved at once under the threshold, received with discrepancies, graded, restocked and refunded', async () => {
    const { world, order, products } = await shippedOrder(api, [{ price: 40, quantity: 3 }]);
    const [p] = products;
    const before = await getBalance(ctx.db, p!.id, world.warehouseId);
    expect(before).toMatchObject({ onHand: 5, reserved: 0, available: 5 });

    const created = await api.post('/api/v1/returns', { orderId: order.id, type: 'return', reasonCode: 'changed_mind', description: 'too big', lines: [{ sku: p!.sku, quantity: 2 }] });
    expect(created.status).toBe(201);
    const r = created.body;
    // 2 × 40 = 80 ≤ 200 and within 7 days: approved by the rules, with an RMA and instructions.
    expect(r).toMatchObject({ status: 'approved', type: 'return', value: 80, withinWindow: true, approvalsRequired: 0, approvedBy: 'system', orderNumber: order.number });
    expect(r.rmaNumber).toMatch(/^RMA-\d{6}$/);
    expect(r.instructions.en).toContain(r.rmaNumber);
    expect(r.instructions.zh).toContain(r.rmaNumber);
    expect(r.instructions.address).toContain(world.warehouseCode);

    // Inspection before anything arrived is refused, naming the state.
    const early = await api.post(`/api/v1/returns/${r.id}/inspect`, { lines: [{ returnLineId: r.lines[0].id, grades: { A: 2 }, checklist: FULL_CHECKLIST }] });
    expect(early.status).toBe(409);
    expect(early.body.currentState).toBe('approved');

    // The operator scans the RMA, then the parcel: 1 of the 2 units, plus something never sold.
    const operator = api.as(await ctx.keyFor('warehouse_operator'));
    const found = await operator.get(`/api/v1/returns/lookup?code=${r.rmaNumber}`);
    expect(found.status).toBe(200);
    expect(found.body.id).toBe(r.id);
    const stray = await ok(api.post('/api/v1/products', { sku: `STRAY-${r.id}`, name: 'Stray', unitPrice: 1 }));
    const received = await operator.post(`/api/v1/returns/${r.id}/receive`, { scans: [{ code: p!.barcode, quantity: 1 }, { code: stray.sku, quantity: 1 }, { code: 'NOSUCHCODE' }] });
    expect(received.status).toBe(200);
    expect(received.body.status).toBe('received');
    expect(received.body.lines[0].receivedQuantity).toBe(1);
    expect(received.body.discrepancies.map((d: any) => [d.kind, d.code, d.quantity]).sort()).toEqual(
      [
        ['missing', p!.sku, 1],
        ['wrong_item', stray.sku, 1],
        ['wrong_item', 'NOSUCHCODE', 1],
      ].sort(),
    );
    expect(await stockOf(ctx, p!.id, world.warehouseId)).toEqual({ 'A-01/available/0': 5, 'RET/pending_inspection/0': 1 });
    // The stray item is held as the customer's, in quarantine; not company stock.
    expect(await stockOf(ctx, stray.id, world.warehouseId)).toEqual({ [`RET/quarantine/${world.customerId}`]: 1 });
    expect(await getBalance(ctx.db, p!.id, world.warehouseId)).toMatchObject({ onHand: 6, quarantined: 1, available: 5 });
    // The unit that never came may be asked for again: 3 shipped, 1 returned.
    const more = await api.post('/api/v1/returns', { orderId: order.id, type: 'return', reasonCode: 'changed_mind', lines: [{ sku: p!.sku, quantity: 3 }] });
    expect(more.status).toBe(422);
    expect(more.body.detail).toContain('2 not yet returned or requested');

    const badGrades = await api.post(`/api/v1/returns/${r.id}/inspect`, { lines: [{ returnLineId: r.lines[0].id, grades: { A: 2 }, checklist: FULL_CHECKLIST }] });
    expect(badGrades.status).toBe(422);
    expect(badGrades.body.field).toBe('lines.0.grades');
    const badChecklist = await api.post(`/api/v1/returns/${r.id}/inspect`, { lines: [{ returnLineId: r.lines[0].id, grades: { A: 1 }, checklist: FULL_CHECKLIST.slice(1) }] });
    expect(badChecklist.status).toBe(422);
    expect(badChecklist.body.field).toBe('lines.0.checklist');

    const inspected = await operator.post(`/api/v1/returns/${r.id}/inspect`, { lines: [{ returnLineId: r.lines[0].id, grades: { A: 1 }, checklist: FULL_CHECKLIST, note: 'as new' }] });
    expect(inspected.status).toBe(200);
    expect(inspected.body.status).toBe('inspected');
    expect(inspected.body.lines[0].grades).toEqual({ A: 1 });
    expect(inspected.body.inspections).toHaveLength(1);
    expect(inspected.body.inspections[0]).toMatchObject({ level: 1, levelName: 'initial_check', grades: { A: 1 } });

    // A refund above what was paid for the received unit is refused, before any disposition.
    const disposed = await operator.post(`/api/v1/returns/${r.id}/dispose`, {});
    expect(disposed.status).toBe(200);
    expect(disposed.body.status).toBe('disposed');
    expect(disposed.body.dispositions).toEqual([expect.objectContaining({ grade: 'A', disposition: 'restock', quantity: 1, locationId: world.locations['A-01'] })]);
    expect(await stockOf(ctx, p!.id, world.warehouseId)).toEqual({ 'A-01/available/0': 6 });
    expect(await getBalance(ctx.db, p!.id, world.warehouseId)).toMatchObject({ onHand: 6, quarantined: 0, available: 6 });
    const ledger = await ledgerOf(ctx, r.rmaNumber);
    expect(ledger.filter((e) => e.productId === p!.id).map((e) => [e.movement, e.status, e.quantity, e.reason])).toEqual([
      ['return', 'pending_inspection', 1, 'return_received'],
      ['return', 'available', 1, 'restock'],
      ['return', 'pending_inspection', -1, 'restock'],
    ]);

    const twice = await operator.post(`/api/v1/returns/${r.id}/dispose`, {});
    expect(twice.status).toBe(409);
    expect(twice.body.currentState).toBe('disposed');

    const tooMuch = await api.post(`/api/v1/returns/${r.id}/resolve`, { amount: 40.01 });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.field).toBe('amount');
    const resolved = await api.post(`/api/v1/returns/${r.id}/resolve`, {});
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', resolution: 'refund' });
    const [refund] = resolved.body.refunds;
    expect(refund).toMatchObject({ kind: 'refund', amount: 40, currency: 'CNY', status: 'pending' });

    const paidEarly = await api.post(`/api/v1/refunds/${refund.id}/pay`, {});
    expect(paidEarly.status).toBe(409);
    expect(paidEarly.body.currentState).toBe('pending');
    const cs = api.as(await ctx.keyFor('customer_service'));
    expect((await cs.post(`/api/v1/refunds/${refund.id}/approve`)).status).toBe(403);
    expect((await finance.post(`/api/v1/refunds/${refund.id}/approve`)).body.status).toBe('approved');
    const paid = await api.post(`/api/v1/refunds/${refund.id}/pay`, { paymentReference: 'ALIPAY-123' });
    expect(paid.body).toMatchObject({ status: 'paid', paymentReference: 'ALIPAY-123' });
    const listed = await ok(api.get(`/api/v1/refunds?returnId=${r.id}`), 200);
    expect(listed.items).toEqual([expect.objectContaining({ id: refund.id, status: 'paid', amount: 40 })]);
    const payTwice = await api.post(`/api/v1/refunds/${refund.id}/pay`, {});
    expect(payTwice.status).toBe(409);
    expect(payTwice.body.currentState).toBe('paid');

    const events = await returnEvents(api, r.id);
    expect(events.map((e) => e.type)).toEqual(['return.requested', 'return.approved', 'return.received', 'return.inspected', 'return.disposed', 'return.resolved']);
    expect(events.every((e) => e.customerId === world.customerId && e.payload.rmaNumber !== undefined && e.payload.orderNumber === order.number)).toBe(true);
    expect(events[1]!.payload).toMatchObject({ rmaNumber: r.rmaNumber, automatic: true, instructions: { en: expect.any(String), zh: expect.any(String) } });
    expect(events[5]!.payload).toMatchObject({ resolution: 'refund', amount: 40, refundNumber: refund.number });
    const money = await ctx.db.query<{ type: string; customerId: number; amount: number }>(
      `SELECT type, customer_id AS "customerId", (payload->>'amount')::numeric AS amount FROM events WHERE entity_type = 'refund' AND entity_id = $1 ORDER BY id`,
      [String(refund.id)],
    );
    expect(money.rows).toEqual(['refund.created', 'refund.approved', 'refund.paid'].map((type) => ({ type, customerId: world.customerId, amount: 40 })));

    // The built-in rules told the customer each step, in their language (zh-CN), by e-mail and in the app.
    await runAutomationOnce(ctx.db, { timeZone: 'Asia/Shanghai' });
    const notices = (await ok(api.get(`/api/v1/notifications?customerId=${world.customerId}&limit=200`), 200)).items.filter(
      (d: any) => (d.entityType === 'return' && d.entityId === String(r.id)) || (d.entityType === 'refund' && d.entityId === String(refund.id)),
    );
    const steps = [...new Set(notices.map((d: any) => d.templateKey))].sort();
    expect(steps).toEqual(['refund.paid', 'return.approved', 'return.inspected', 'return.received', 'return.requested', 'return.resolved']);
    const resolvedMail = notices.find((d: any) => d.templateKey === 'return.resolved' && d.channel === 'email');
    expect(resolvedMail.body).toContain(refund.number);
    expect(resolvedMail.body).toContain('退款 40');
  });
});

describe('restocked returns', () => {
  it('confirm an order that was waiting for the stock', async () => {
    const world = await createReturnsWorld(api);
    const p = await product(api, 20);
    await receive(api, world, { sku: p.sku, quantity: 1 });
    const sold = await ok(api.post('/api/v1/orders', { customerId: world.customerId, channel: 'web', warehouseId: world.warehouseId, lines: [{ sku: p.sku, quantity: 1 }] }));
    await fulfil(api, sold.id, `TRK-RS-${sold.id}`);
    const waiting = await ok(api.post('/api/v1/orders', { customerId: world.customerId, channel: 'web', warehouseId: world.warehouseId, lines: [{ sku: p.sku, quantity: 1 }] }));
    expect(waiting.status).toBe('backordered');

    const r = await ok(api.post('/api/v1/returns', { orderId: sold.id, type: 'return', reasonCode: 'changed_mind', lines: [{ sku: p.sku, quantity: 1 }] }));
    await ok(api.post(`/api/v1/returns/${r.id}/receive`, { scans: [{ code: p.barcode }] }), 200);
    // Waiting for inspection is not available stock: the backorder still waits.
    expect((await ok(api.get(`/api/v1/orders/${waiting.id}`), 200)).status).toBe('backordered');
    await ok(api.post(`/api/v1/returns/${r.id}/inspect`, { lines: [{ returnLineId: r.lines[0].id, grades: { A: 1 }, checklist: FULL_CHECKLIST }] }), 200);
    const disposed = await ok(api.post(`/api/v1/returns/${r.id}/dispose`, {}), 200);
    // Nothing of the product is left in storage: the first storage bin of the warehouse takes it.
    expect(disposed.dispositions[0]).toMatchObject({ disposition: 'restock', locationId: world.locations['A-01'] });
    const confirmed = await ok(api.get(`/api/v1/orders/${waiting.id}`), 200);
    expect(confirmed.status).toBe('confirmed');
    expect(await getBalance(ctx.db, p.id, world.warehouseId)).toMatchObject({ onHand: 1, reserved: 1, available: 0 });
  });
});

describe('an exchange', () => {
  it('needs one approval above the threshold, refurbishes grade C and places a reserved replacement order', async () => {
    const { world, order, products } = await shippedOrder(api, [{ price: 300, quantity: 1 }]);
    const [p] = products;
    const r = (await api.post('/api/v1/returns', { orderId: order.id, type: 'exchange', reasonCode: 'defective', lines: [{ sku: p!.sku, quantity: 1 }] })).body;
    expect(r).toMatchObject({ status: 'requested', approvalsRequired: 1, rmaNumber: null, instructions: null });
    const cs = api.as(await ctx.keyFor('customer_service'));
    expect((await cs.post(`/api/v1/returns/${r.id}/approve`)).status).toBe(403);
    const receiveEarly = await api.post(`/api/v1/returns/${r.id}/receive`, { scans: [{ code: p!.sku }] });
    expect(receiveEarly.status).toBe(409);
    expect(receiveEarly.body.currentState).toBe('requested');

    const approved = await api.post(`/api/v1/returns/${r.id}/approve`);
    expect(approved.body).toMatchObject({ status: 'approved', approvedBy: expect.stringMatching(/^api_key:/) });
    // The parcel shows only the order number: it finds the one approved return waiting for it.
    expect((await ok(api.get(`/api/v1/returns/lookup?code=${order.number}`), 200)).id).toBe(r.id);
    expect((await ok(api.get(`/api/v1/returns/lookup?code=${Number(order.number.slice(3))}`), 200)).id).toBe(r.id);
    const notReturns = await api.post(`/api/v1/returns/${r.id}/receive`, { scans: [{ code: p!.sku }], locationCode: 'A-01' });
    expect(notReturns.status).toBe(422);
    expect(notReturns.body.field).toBe('locationCode');
    await ok(api.post(`/api/v1/returns/${r.id}/receive`, { scans: [{ code: p!.sku }], locationCode: 'RET' }), 200);
    expect((await api.get(`/api/v1/returns/lookup?code=${order.number}`)).status).toBe(404);
    await ok(api.post(`/api/v1/returns/${r.id}/inspect`, { lines: [{ returnLineId: r.lines[0].id, grades: { C: 1 }, checklist: FULL_CHECKLIST }] }), 200);
    const disposed = await ok(api.post(`/api/v1/returns/${r.id}/dispose`, {}), 200);
    expect(disposed.dispositions).toEqual([expect.objectContaining({ grade: 'C', disposition: 'refurbish', locationId: world.locations['QUAR'] })]);
    expect(await stockOf(ctx, p!.id, world.warehouseId)).toEqual({ 'A-01/available/0': 5, 'QUAR/pending_repair/0': 1 });

    const before = await getBalance(ctx.db, p!.id, world.warehouseId);
    const resolved = await ok(api.post(`/api/v1/returns/${r.id}/resolve`, {}), 200);
    expect(resolved).toMatchObject({ status: 'resolved', resolution: 'replacement', refunds: [] });
    const replacement = await ok(api.get(`/api/v1/orders/${resolved.replacementOrderId}`), 200);
    expect(replacement).toMatchObject({ status: 'confirmed', customerId: world.customerId, total: 0 });
    expect(replacement.lines).toEqual([expect.objectContaining({ sku: p!.sku, quantity: 1, unitPrice: 0, reserved: 1 })]);
    expect(await getBalance(ctx.db, p!.id, world.warehouseId)).toMatchObject({ reserved: before.reserved + 1, available: before.available - 1 });
    const types = (await returnEvents(api, r.id)).map((e) => e.type);
    expect(types).toEqual(['return.requested', 'return.approved', 'return.received', 'return.inspected', 'return.disposed', 'return.replacement_ordered', 'return.resolved']);
  });

  it('in advance ships the replacement at approval, before the return arrives', async () => {
    const { world, order, products } = await shippedOrder(api, [{ price: 50, quantity: 2 }]);
    const [p] = products;
    const created = await api.post('/api/v1/returns', { orderId: order.id, type: 'exchange', advanceExchange: true, reasonCode: 'wrong_size', lines: [{ sku: p!.sku, quantity: 1 }] });
    expect(created.status).toBe(201);
    // Auto-approved (50 ≤ 200): the replacement is already placed and holds stock.
    expect(created.body).toMatchObject({ status: 'approved', advanceExchange: true });
    const replacementId = created.body.replacementOrderId;
    expect(replacementId).toEqual(expect.any(Number));
    expect((await ok(api.get(`/api/v1/orders/${replacementId}`), 200)).status).toBe('confirmed');
    expect(await getBalance(ctx.db, p!.id, world.warehouseId)).toMatchObject({ onHand: 5, reserved: 1, available: 4 });

    const cancel = await api.post(`/api/v1/returns/${created.body.id}/cancel`, { reason: 'changed my mind' });
    expect(cancel.status).toBe(409);
    expect(cancel.body.currentState).toBe('replacement_ordered');

    const id = created.body.id;
    await ok(api.post(`/api/v1/returns/${id}/receive`, { scans: [{ code: p!.barcode }] }), 200);
    await ok(api.post(`/api/v1/returns/${id}/inspect`, { lines: [{ returnLineId: created.body.lines[0].id, grades: { scrap: 1 }, checklist: FULL_CHECKLIST.map((c) => ({ ...c, passed: false })) }] }), 200);
    const disposed = await ok(api.post(`/api/v1/returns/${id}/dispose`, {}), 200);
    expect(disposed.dispositions).toEqual([expect.objectContaining({ grade: 'scrap', disposition: 'scrap', locationId: null })]);
    expect(await stockOf(ctx, p!.id, world.warehouseId)).toEqual({ 'A-01/available/0': 5 });
    expect((await ledgerOf(ctx, created.body.rmaNumber)).map((e) => [e.movement, e.quantity, e.reason])).toEqual([
      ['return', 1, 'return_received'],
      ['adjustment', -1, 'scrap'],
    ]);
    const resolved = await ok(api.post(`/api/v1/returns/${id}/resolve`, {}), 200);
    expect(resolved).toMatchObject({ status: 'resolved', resolution: 'replacement', replacementOrderId: replacementId });
    const orders = await ctx.db.query('SELECT id FROM orders WHERE customer_id = $1', [world.customerId]);
    expect(orders.rowCount).toBe(2); // the original and one replacement, not two
  });
});

describe('a repair', () => {
  it('needs two approvals by different users, two inspection levels, and ships the customer’s item back', async () => {
    const { world, order, products } = await shippedOrder(api, [{ price: 2500, quantity: 1 }]);
    const [p] = products;
    const r = (await api.post('/api/v1/returns', { orderId: order.id, type: 'repair', reasonCode: 'defective', lines: [{ sku: p!.sku, quantity: 1 }] })).body;
    expect(r).toMatchObject({ status: 'requested', approvalsRequired: 2, stockOwnerId: world.customerId });

    const first = await api.post(`/api/v1/returns/${r.id}/approve`);
    expect(first.body).toMatchObject({ status: 'awaiting_second_approval', rmaNumber: null });
    const same = await api.post(`/api/v1/returns/${r.id}/approve`);
    expect(same.status).toBe(409);
    expect(same.body.currentState).toBe('awaiting_second_approval');
    const manager = api.as(await ctx.keyFor('manager'));
    const second = await manager.post(`/api/v1/returns/${r.id}/approve`);
    expect(second.body).toMatchObject({ status: 'approved', firstApprovedBy: first.body.firstApprovedBy });
    expect(second.body.approvedBy).not.toBe(first.body.firstApprovedBy);
    expect(second.body.instructions.en).toContain('repaired');

    const balanceBefore = await getBalance(ctx.db, p!.id, world.warehouseId);
    await ok(api.post(`/api/v1/returns/${r.id}/receive`, { scans: [{ code: p!.sku }] }), 200);
    // The customer's item: held under their ownership, not in the company's balance.
    expect(await stockOf(ctx, p!.id, world.warehouseId)).toEqual({ 'A-01/available/0': 5, [`RET/pending_inspection/${world.customerId}`]: 1 });
    expect(await getBalance(ctx.db, p!.id, world.warehouseId)).toEqual(balanceBefore);

    const line = { returnLineId: r.lines[0].id, grades: { C: 1 }, checklist: FULL_CHECKLIST };
    const level1 = await ok(api.post(`/api/v1/returns/${r.id}/inspect`, { lines: [line] }), 200);
    expect(level1.status).toBe('received'); // 2500 ≥ 1000: the final approval level is still due
    const level2 = await ok(secondInspector.post(`/api/v1/returns/${r.id}/inspect`, { lines: [{ ...line, note: 'screen broken' }] }), 200);
    expect(level2.status).toBe('inspected');
    expect(level2.inspections.map((i: any) => i.levelName)).toEqual(['initial_check', 'final_approval']);
    const level3 = await api.post(`/api/v1/returns/${r.id}/inspect`, { lines: [line] });
    expect(level3.status).toBe(409);
    expect(level3.body.currentState).toBe('inspected');

    const restock = await api.post(`/api/v1/returns/${r.id}/dispose`, { lines: [{ returnLineId: r.lines[0].id, grade: 'C', disposition: 'restock' }] });
    expect(restock.status).toBe(422);
    expect(restock.body.field).toBe('lines.0.disposition');
    await ok(api.post(`/api/v1/returns/${r.id}/dispose`, {}), 200);
    expect(await stockOf(ctx, p!.id, world.warehouseId)).toEqual({ 'A-01/available/0': 5, [`QUAR/pending_repair/${world.customerId}`]: 1 });

    const noTracking = await api.post(`/api/v1/returns/${r.id}/resolve`, { carrier: 'manual' });
    expect(noTracking.status).toBe(422);
    expect(noTracking.body.field).toBe('trackingNumber');
    const resolved = await ok(api.post(`/api/v1/returns/${r.id}/resolve`, { carrier: 'manual', trackingNumber: 'SF123456' }), 200);
    expect(resolved).toMatchObject({ status: 'resolved', resolution: 'repaired', returnCarrier: 'manual', returnTracking: 'SF123456' });
    expect(await stockOf(ctx, p!.id, world.warehouseId)).toEqual({ 'A-01/available/0': 5 });
    expect((await ledgerOf(ctx, r.rmaNumber ?? resolved.rmaNumber)).map((e) => [e.movement, e.status, e.ownerId, e.quantity])).toEqual([
      ['return', 'pending_inspection', world.customerId, 1],
      ['return', 'pending_repair', world.customerId, 1],
      ['return', 'pending_inspection', world.customerId, -1],
      ['ship', 'pending_repair', world.customerId, -1],
    ]);
    const events = await returnEvents(api, r.id);
    expect(events.map((e) => e.type)).toEqual([
      'return.requested',
      'return.first_approved',
      'return.approved',
      'return.received',
      'return.inspected',
      'return.inspected',
      'return.disposed',
      'return.resolved',
    ]);
    expect(events.at(-1)!.payload).toMatchObject({ resolution: 'repaired', carrier: 'manual', trackingNumber: 'SF123456', rmaNumber: resolved.rmaNumber });
    expect(events.at(-1)!.customerId).toBe(world.customerId);
  });
});

describe('a compensation', () => {
  it('pays an amount without goods moving, never above what was paid', async () => {
    const { world, order, products } = await shippedOrder(api, [{ price: 80, quantity: 2 }]);
    const [p] = products;
    const tooMuch = await api.post('/api/v1/returns', { orderId: order.id, type: 'compensation', reasonCode: 'late_delivery', requestedAmount: 160.01, lines: [{ sku: p!.sku, quantity: 2 }] });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.field).toBe('requestedAmount');
    const r = (await api.post('/api/v1/returns', { orderId: order.id, type: 'compensation', reasonCode: 'late_delivery', requestedAmount: 20, lines: [{ sku: p!.sku, quantity: 2 }] })).body;
    expect(r).toMatchObject({ status: 'approved', value: 20, instructions: null });
    const receive = await api.post(`/api/v1/returns/${r.id}/receive`, { scans: [{ code: p!.sku }] });
    expect(receive.status).toBe(409);
    const above = await api.post(`/api/v1/returns/${r.id}/resolve`, { amount: 161 });
    expect(above.status).toBe(422);
    const resolved = await ok(api.post(`/api/v1/returns/${r.id}/resolve`, {}), 200);
    expect(resolved).toMatchObject({ status: 'resolved', resolution: 'compensation', refunds: [expect.objectContaining({ kind: 'compensation', amount: 20, status: 'pending' })] });
    expect(await stockOf(ctx, p!.id, world.warehouseId)).toEqual({ 'A-01/available/0': 5 });
    expect(await ledgerOf(ctx, r.rmaNumber)).toEqual([]);
    const again = await api.post(`/api/v1/returns/${r.id}/resolve`, {});
    expect(again.status).toBe(409);
    expect(again.body.currentState).toBe('resolved');
    const refund = resolved.refunds[0];
    await ok(finance.post(`/api/v1/refunds/${refund.id}/approve`), 200);
    expect((await ok(api.post(`/api/v1/refunds/${refund.id}/pay`, { paymentReference: 'WXPAY-9' }), 200)).status).toBe('paid');
    const events = await returnEvents(api, r.id);
    expect(events.map((e) => e.type)).toEqual(['return.requested', 'return.approved', 'return.resolved']);
    expect(events[2]).toMatchObject({ customerId: world.customerId, payload: { resolution: 'compensation', amount: 20, currency: 'CNY', rmaNumber: r.rmaNumber, orderNumber: order.number } });
    const money = await ctx.db.query<{ type: string }>(`SELECT type FROM events WHERE entity_type = 'refund' AND entity_id = $1 ORDER BY id`, [String(refund.id)]);
    expect(money.rows.map((e) => e.type)).toEqual(['refund.created', 'refund.approved', 'refund.paid']);
  });
});

describe('the stock after every walk above', () => {
  it('still equals the ledger, and the customer timeline shows the after-sales events', async () => {
    const report = await runDoctor(ctx.db);
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(isHealthy(report)).toBe(true);
    const { rows } = await ctx.db.query<{ customerId: number }>(`SELECT customer_id AS "customerId" FROM return_requests ORDER BY id LIMIT 1`);
    const timeline = await ok(api.get(`/api/v1/customers/${rows[0]!.customerId}/timeline?limit=200`), 200);
    const types = new Set(timeline.items.map((e: any) => e.type));
    for (const t of ['return.requested', 'return.approved', 'return.received', 'return.inspected', 'return.disposed', 'return.resolved', 'refund.created', 'refund.paid']) expect(types, t).toContain(t);
  });
});
