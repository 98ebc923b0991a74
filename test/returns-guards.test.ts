/**
 * After-sales guards and configuration: what may be returned (shipped, not yet asked for, within
 * the window, returnable category), rejection, the portal's proof of ownership, the last unit
 * asked for twice at once, and the reason codes, policies, checklists and settings APIs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { saveAttachment } from '../src/modules/attachments/attachments.service.js';
import { testClock } from './support/clock.js';
import { useTestContext } from './support/context.js';
import { createWorld, placeOrder } from './orders.fixtures.js';
import { FULL_CHECKLIST, ok, product, returnEvents, shippedOrder } from './returns.fixtures.js';
import { RETURNS_PORTAL_LIMITS } from '../src/modules/returns/portal.routes.js';

// The rate limits' clock: a limit test stops it, so its attempts all fall in one window however long they take.
const clock = testClock();
afterEach(() => clock.resume());
// Clients from many addresses, as a reverse proxy on this machine (trusted) reports them.
const ctx = await useTestContext({ now: clock.now, trustProxy: 'loopback' });
const api = ctx.api;
const saveAttachmentFor = async (bytes: Buffer) => (await ctx.db.transaction((tx) => saveAttachment(tx, 'system', { contentType: 'image/png', bytes }))).id;

describe('what may be returned', () => {
  it('refuses unshipped orders (409 naming the state) and more than was shipped and not yet asked for (422 naming the line)', async () => {
    const world = await createWorld(api);
    const p = await product(api, 10);
    await ok(api.post('/api/v1/stock/receipts', { sku: p.sku, warehouseId: world.warehouseId, locationCode: 'A-01', quantity: 5 }));
    const confirmed = await placeOrder(api, world, [{ sku: p.sku, quantity: 1 }]);
    const unshipped = await api.post('/api/v1/returns', { orderId: confirmed.id, type: 'return', reasonCode: 'changed_mind', lines: [{ sku: p.sku, quantity: 1 }] });
    expect(unshipped.status).toBe(409);
    expect(unshipped.body.currentState).toBe('confirmed');

    const { order, products } = await shippedOrder(api, [{ price: 10, quantity: 2 }, { price: 20, quantity: 1 }]);
    const [a, b] = products;
    const over = await api.post('/api/v1/returns', { orderId: order.id, type: 'return', reasonCode: 'changed_mind', lines: [{ sku: b!.sku, quantity: 1 }, { sku: a!.sku, quantity: 3 }] });
    expect(over.status).toBe(422);
    expect(over.body.field).toBe('lines.1.quantity');
    expect(over.body.detail).toContain('2 shipped');
    expect(over.body.detail).toContain('已发货');
    const notOnOrder = await api.post('/api/v1/returns', { orderId: order.id, type: 'return', reasonCode: 'changed_mind', lines: [{ sku: p.sku, quantity: 1 }] });
    expect(notOnOrder.status).toBe(422);
    expect(notOnOrder.body.field).toBe('lines.0.sku');
    const badReason = await api.post('/api/v1/returns', { orderId: order.id, type: 'return', reasonCode: 'no_such_reason', lines: [{ sku: a!.sku, quantity: 1 }] });
    expect(badReason.status).toBe(422);
    expect(badReason.body.field).toBe('reasonCode');
    const noOrder = await api.post('/api/v1/returns', { orderId: 99_999_999, type: 'return', reasonCode: 'changed_mind', lines: [{ sku: a!.sku, quantity: 1 }] });
    expect(noOrder.status).toBe(422);
    expect(noOrder.body.field).toBe('orderId');

    // An open request holds its units; a rejected one gives them back.
    const first = await ok(api.post('/api/v1/returns', { orderId: order.id, type: 'return', reasonCode: 'changed_mind', lines: [{ sku: a!.sku, quantity: 2 }] }));
    const second = await api.post('/api/v1/returns', { orderId: order.id, type: 'exchange', reasonCode: 'wrong_size', lines: [{ sku: a!.sku, quantity: 1 }] });
    expect(second.status).toBe(422);
    expect(second.body.detail).toContain('0 not yet returned');
    const reject = await api.post(`/api/v1/returns/${first.id}/reject`, { reason: 'too late' });
    expect(reject.status).toBe(409); // auto-approved already
    expect(reject.body.currentState).toBe('approved');
    await ok(api.post(`/api/v1/returns/${first.id}/cancel`, { reason: 'customer keeps it' }), 200);
    const again = await api.post('/api/v1/returns', { orderId: order.id, type: 'return', reasonCode: 'changed_mind', lines: [{ sku: a!.sku, quantity: 2 }] });
    expect(again.status).toBe(201);
  });

  it('rejects with a reason, and refuses to act on a rejected request', async () => {
    const { world, order, products } = await shippedOrder(api, [{ price: 500, quantity: 1 }]);
    const r = await ok(api.post('/api/v1/returns', { orderId: order.id, type: 'return', reasonCode: 'not_as_described', lines: [{ sku: products[0]!.sku, quantity: 1 }] }));
    expect(r.status).toBe('requested');
    const rejected = await ok(api.post(`/api/v1/returns/${r.id}/reject`, { reason: 'photos show use beyond trial' }), 200);
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: 'photos show use beyond trial', rmaNumber: null });
    const approve = await api.post(`/api/v1/returns/${r.id}/approve`);
    expect(approve.status).toBe(409);
    expect(approve.body.currentState).toBe('rejected');
    const events = await returnEvents(api, r.id);
    expect(events.map((e) => e.type)).toEqual(['return.requested', 'return.rejected']);
    expect(events[1]).toMatchObject({ customerId: world.customerId, payload: { reason: 'photos show use beyond trial', orderNumber: order.number } });
  });

  it('applies the window and non-returnable categories; staff may accept late requests, which then need approval', async () => {
    const category = `fresh-${Date.now()}`;
    const typo = await api.put(`/api/v1/returns/policies/${category}`, { returnable: false, returnWindowDays: 0, repairWindowDays: 30 });
    expect(typo.status).toBe(422); // no product has it yet
    expect(typo.body.field).toBe('category');
    const { order, products } = await shippedOrder(api, [{ price: 10, quantity: 1, category }, { price: 10, quantity: 1 }]);
    await ok(api.put(`/api/v1/returns/policies/${category}`, { returnable: false, returnWindowDays: 0, repairWindowDays: 30 }), 200);
    const [fresh, plain] = products;
    const refused = await api.post('/api/v1/returns', { orderId: order.id, type: 'return', reasonCode: 'changed_mind', lines: [{ sku: fresh!.sku, quantity: 1 }] });
    expect(refused.status).toBe(422);
    expect(refused.body.field).toBe('lines.0.sku');
    expect(refused.body.detail).toContain('cannot be returned');
    expect(refused.body.detail).toContain('不支持退换货');

    await ctx.db.query(`UPDATE orders SET shipped_at = now() - interval '20 days' WHERE id = $1`, [order.id]);
    const portal = await api.as(undefined).post('/api/v1/portal/returns', { orderNumber: order.number, phone: '13800000000', type: 'return', reasonCode: 'changed_mind', lines: [{ sku: plain!.sku, quantity: 1 }] });
    expect(portal.status).toBe(422);
    expect(portal.body.detail).toMatch(/7-day return period ended on \d{4}-\d{2}-\d{2}/);
    expect(portal.body.detail).toContain('天退换货期限');
    // Customer service accepts it as goodwill: under the auto threshold, but it needs a manual approval.
    const staff = await ok(api.post('/api/v1/returns', { orderId: order.id, type: 'return', reasonCode: 'changed_mind', lines: [{ sku: plain!.sku, quantity: 1 }] }));
    expect(staff).toMatchObject({ status: 'requested', withinWindow: false, approvalsRequired: 1 });
    // A repair of the non-returnable item is still within its 30 days.
    const repair = await api.post('/api/v1/returns', { orderId: order.id, type: 'repair', reasonCode: 'defective', lines: [{ sku: fresh!.sku, quantity: 1 }] });
    expect(repair.status).toBe(201);
  });
});

describe('inspection', () => {
  it('refuses a line that was not received, and inspects the return once the received lines are graded', async () => {
    const { order, products } = await shippedOrder(api, [{ price: 10, quantity: 1 }, { price: 20, quantity: 1 }]);
    const [a, b] = products;
    const r = await ok(api.post('/api/v1/returns', { orderId: order.id, type: 'return', reasonCode: 'changed_mind', lines: [{ sku: a!.sku, quantity: 1 }, { sku: b!.sku, quantity: 1 }] }));
    await ok(api.post(`/api/v1/returns/${r.id}/receive`, { scans: [{ code: a!.sku }] }), 200);
    const lineOf = (sku: string) => r.lines.find((l: any) => l.sku === sku).id;
    const missing = await api.post(`/api/v1/returns/${r.id}/inspect`, { lines: [{ returnLineId: lineOf(b!.sku), grades: { A: 1 }, checklist: FULL_CHECKLIST }] });
    expect(missing.status).toBe(409);
    expect(missing.body).toMatchObject({ currentState: 'not_received', field: 'lines.0.returnLineId' });
    const other = await api.post(`/api/v1/returns/${r.id}/inspect`, { lines: [{ returnLineId: 99_999_999, grades: { A: 1 }, checklist: FULL_CHECKLIST }] });
    expect(other.status).toBe(422);
    const done = await ok(api.post(`/api/v1/returns/${r.id}/inspect`, { lines: [{ returnLineId: lineOf(a!.sku), grades: { A: 1 }, checklist: FULL_CHECKLIST }] }), 200);
    expect(done.status).toBe('inspected');
    const resolved = await ok(api.post(`/api/v1/returns/${r.id}/dispose`, {}), 200);
    expect(resolved.dispositions).toHaveLength(1);
    // Only the unit that came back is refunded: 10, not 30.
    const refunded = await ok(api.post(`/api/v1/returns/${r.id}/resolve`, {}), 200);
    expect(refunded.refunds[0].amount).toBe(10);
  });
});

describe('the customer portal', () => {
  it('slows down the guesser, never the customer: past 10 tries from one address on an order, 429; the customer elsewhere still gets in', async () => {
    clock.set(Date.now());
    const { order, products } = await shippedOrder(api, [{ price: 30, quantity: 1 }]);
    const anon = api.as(undefined);
    const created = await anon.post(
      '/api/v1/portal/returns',
      { type: 'return', reasonCode: 'defective', lines: [{ sku: products[0]!.sku, quantity: 1 }], orderNumber: order.number, phone: '13800000000' },
      { headers: { 'x-forwarded-for': '198.51.100.200' } },
    );
    expect(created.status).toBe(201);
    const rma = created.body.rmaNumber;
    const stranger = { headers: { 'x-forwarded-for': '198.51.100.7' } };
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      statuses.push((await anon.get(`/api/v1/portal/returns/${rma}?orderNumber=${order.number}&phone=1390000${String(i).padStart(4, '0')}`, stranger)).status);
    }
    expect(statuses.slice(0, RETURNS_PORTAL_LIMITS.perIpAndOrder)).toEqual(Array(RETURNS_PORTAL_LIMITS.perIpAndOrder).fill(404));
    expect(statuses.slice(RETURNS_PORTAL_LIMITS.perIpAndOrder)).toEqual(Array(20 - RETURNS_PORTAL_LIMITS.perIpAndOrder).fill(429));
    const limited = await anon.get(`/api/v1/portal/returns/${rma}?orderNumber=${order.number}&phone=13800000000`, stranger);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['content-type']).toContain('application/problem+json');

    // The customer, from another address, in the same window: in.
    const customer = await anon.get(`/api/v1/portal/returns/${rma}?orderNumber=${order.number}&phone=13800000000`, { headers: { 'x-forwarded-for': '198.51.100.201' } });
    expect(customer.status).toBe(200);
    expect(customer.body.rmaNumber).toBe(rma);
  });

  it('needs the order number with its phone or e-mail, answers the same 404 otherwise, and shows the request bilingually', async () => {
    const { order, products } = await shippedOrder(api, [{ price: 30, quantity: 1 }]);
    const anon = api.as(undefined);
    const body = { type: 'return', reasonCode: 'defective', description: '屏幕有坏点', lines: [{ sku: products[0]!.sku, quantity: 1 }] };
    const wrongPhone = await anon.post('/api/v1/portal/returns', { ...body, orderNumber: order.number, phone: '13900000000' });
    const unknown = await anon.post('/api/v1/portal/returns', { ...body, orderNumber: 'SO-999999', phone: '13800000000' });
    expect(wrongPhone.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(Object.keys(wrongPhone.body).sort()).toEqual(Object.keys(unknown.body).sort());
    expect(wrongPhone.body.title).toBe(unknown.body.title);
    expect(wrongPhone.body.detail).toBe(`no order ${order.number} with this phone number or e-mail address / 未找到与该手机号或邮箱匹配的订单 ${order.number}`);
    const noContact = await anon.post('/api/v1/portal/returns', { ...body, orderNumber: order.number });
    expect(noContact.status).toBe(422);

    const first = { ...body, orderNumber: order.number.toLowerCase(), phone: '+86 138-0000-0000' };
    const created = await anon.post('/api/v1/portal/returns', first, { headers: { 'idempotency-key': 'portal-first-1' } });
    expect(created.status).toBe(201);
    // The same request retried with its Idempotency-Key gets the same answer; nothing is created twice.
    const replayed = await anon.post('/api/v1/portal/returns', first, { headers: { 'idempotency-key': 'portal-first-1' } });
    expect(replayed.status).toBe(201);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(replayed.body.id).toBe(created.body.id);
    expect(created.body).toMatchObject({
      status: 'approved',
      statusLabel: { en: expect.any(String), zh: expect.any(String) },
      reason: { en: 'Defective or not working', zh: '商品质量问题 / 无法使用' },
      lines: [{ sku: products[0]!.sku, quantity: 1, receivedQuantity: 0 }],
    });
    expect(created.body.instructions.zh).toContain(created.body.rmaNumber);
    // Another request (a new key, or none) cannot ask for the same unit twice.
    const retry = await anon.post('/api/v1/portal/returns', { ...body, orderNumber: order.number, phone: '13800000000' }, { headers: { 'idempotency-key': 'portal-retry-1' } });
    expect(retry.status).toBe(422);
    expect(retry.body.field).toBe('lines.0.quantity');
    const stored = await ok(api.get(`/api/v1/returns/${created.body.id}`), 200);
    expect(stored).toMatchObject({ source: 'portal', createdBy: expect.stringMatching(/^customer:\d+$/) });

    const followed = await anon.get(`/api/v1/portal/returns/${created.body.rmaNumber}?orderNumber=${order.number}&email=LI.WEI@example.com`);
    expect(followed.status).toBe(200);
    expect(followed.body).toMatchObject({ id: created.body.id, status: 'approved' });
    const byId = await anon.get(`/api/v1/portal/returns/${created.body.id}?orderNumber=${order.number}&phone=13800000000`);
    expect(byId.status).toBe(200);
    const wrongEmail = await anon.get(`/api/v1/portal/returns/${created.body.rmaNumber}?orderNumber=${order.number}&email=someone@example.com`);
    expect(wrongEmail.status).toBe(404);
    // Another order of the same customer does not reveal this request.
    const other = await shippedOrder(api, [{ price: 30, quantity: 1 }]);
    const elsewhere = await anon.get(`/api/v1/portal/returns/${created.body.rmaNumber}?orderNumber=${other.order.number}&phone=13800000000`);
    expect(elsewhere.status).toBe(404);
  });
});

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

describe('photos', () => {
  it('are attachment ids for staff (an unknown id is a 422 naming it) and data URLs on the portal, stored as attachments', async () => {
    const { order, products } = await shippedOrder(api, [{ price: 30, quantity: 2 }]);
    const sku = products[0]!.sku;
    const photo = await saveAttachmentFor(Buffer.from(PNG, 'base64'));
    const unknown = await api.post('/api/v1/returns', { orderId: order.id, type: 'return', reasonCode: 'defective', photoIds: [photo, 99_999_999], lines: [{ sku, quantity: 1 }] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.field).toBe('photoIds.1');
    const staff = await ok(api.post('/api/v1/returns', { orderId: order.id, type: 'return', reasonCode: 'defective', photoIds: [photo], lines: [{ sku, quantity: 1 }] }));
    expect(staff.photoIds).toEqual([photo]);

    const anon = api.as(undefined);
    const base = { orderNumber: order.number, phone: '13800000000', type: 'return', reasonCode: 'defective', lines: [{ sku, quantity: 1 }] };
    const notImage = await anon.post('/api/v1/portal/returns', { ...base, photos: ['data:application/pdf;base64,JVBERi0xLjQK'] });
    expect(notImage.status).toBe(422);
    expect(notImage.body.field).toBe('photos.0');
    const fake = await anon.post('/api/v1/portal/returns', { ...base, photos: ['data:image/png;base64,aGVsbG8='] });
    expect(fake.status).toBe(422);
    expect(fake.body.field).toBe('photos.0');
    const created = await anon.post('/api/v1/portal/returns', { ...base, photos: [`data:image/png;base64,${PNG}`] });
    expect(created.status).toBe(201);
    const stored = await ok(api.get(`/api/v1/returns/${created.body.id}`), 200);
    expect(stored.photoIds).toHaveLength(1);
    const content = await api.get(`/api/v1/attachments/${stored.photoIds[0]}`);
    expect(content.status).toBe(200);
    expect(content.body).toMatchObject({ contentType: 'image/png', createdBy: stored.createdBy });

    await ok(api.post(`/api/v1/returns/${staff.id}/receive`, { scans: [{ code: sku }] }), 200);
    const inspected = await ok(
      api.post(`/api/v1/returns/${staff.id}/inspect`, { lines: [{ returnLineId: staff.lines[0].id, grades: { B: 1 }, checklist: FULL_CHECKLIST, photoIds: [photo], note: 'scratch on the lid' }] }),
      200,
    );
    expect(inspected.inspections[0]).toMatchObject({ photoIds: [photo], note: 'scratch on the lid' });
  });
});

describe('the last returnable unit', () => {
  it('asked for twice at the same time is granted once', async () => {
    const { order, products } = await shippedOrder(api, [{ price: 25, quantity: 1 }]);
    const ask = () => api.post('/api/v1/returns', { orderId: order.id, type: 'return', reasonCode: 'changed_mind', lines: [{ sku: products[0]!.sku, quantity: 1 }] });
    const results = await Promise.all([ask(), ask(), ask()]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 422, 422]);
    const lines = await ctx.db.query<{ n: number }>(
      `SELECT sum(l.quantity)::int AS n FROM return_lines l JOIN return_requests r ON r.id = l.return_id WHERE r.order_id = $1`,
      [order.id],
    );
    expect(lines.rows[0]!.n).toBe(1);
  });
});

describe('configuration', () => {
  it('manages reason codes with both labels; one in use can be deactivated but not deleted', async () => {
    const list = await ok(api.get('/api/v1/returns/reasons'), 200);
    expect(list.items.map((r: any) => r.code)).toContain('changed_mind');
    expect(list.items.every((r: any) => r.labelEn && r.labelZh)).toBe(true);
    const code = `gift_${Date.now() % 100000}`;
    const created = await api.post('/api/v1/returns/reasons', { code, labelEn: 'Unwanted gift', labelZh: '不想要的礼物' });
    expect(created.status).toBe(201);
    expect((await api.post('/api/v1/returns/reasons', { code, labelEn: 'x', labelZh: 'x' })).status).toBe(409);
    expect((await api.post('/api/v1/returns/reasons', { code: 'Bad Code', labelEn: 'x', labelZh: 'x' })).status).toBe(400);
    const cs = api.as(await ctx.keyFor('customer_service'));
    expect((await cs.post('/api/v1/returns/reasons', { code: `${code}_2`, labelEn: 'x', labelZh: 'x' })).status).toBe(403);

    const { order, products } = await shippedOrder(api, [{ price: 10, quantity: 1 }]);
    await ok(api.post('/api/v1/returns', { orderId: order.id, type: 'return', reasonCode: code, lines: [{ sku: products[0]!.sku, quantity: 1 }] }));
    const del = await api.delete(`/api/v1/returns/reasons/${code}`);
    expect(del.status).toBe(409);
    expect(del.body.currentState).toBe('in_use');
    expect((await ok(api.patch(`/api/v1/returns/reasons/${code}`, { active: false, labelZh: '礼物' }), 200)).active).toBe(false);
    expect((await ok(api.get('/api/v1/returns/reasons?active=true'), 200)).items.map((r: any) => r.code)).not.toContain(code);
    const unused = `unused_${Date.now() % 100000}`;
    await ok(api.post('/api/v1/returns/reasons', { code: unused, labelEn: 'x', labelZh: 'x' }));
    expect((await api.delete(`/api/v1/returns/reasons/${unused}`)).status).toBe(204);
    expect((await api.get(`/api/v1/returns/reasons/${unused}`)).status).toBe(404);
  });

  it('changes thresholds, levels and mappings; a category gets its own checklist', async () => {
    const before = await ok(api.get('/api/v1/returns/settings'), 200);
    expect(before).toMatchObject({ autoApproveMaxValue: 200, secondApprovalMinValue: 2000, promiseDays: 14 });
    const bad = await api.patch('/api/v1/returns/settings', { secondApprovalMinValue: 100 });
    expect(bad.status).toBe(422);
    expect(bad.body.field).toBe('secondApprovalMinValue');
    const badLevels = await api.patch('/api/v1/returns/settings', { inspectionLevels: [{ name: 'x', minUnitValue: 5 }] });
    expect(badLevels.status).toBe(400);
    // No levels at all: the length check refuses it, and the first-level rule must not read a level that is not there.
    const noLevels = await api.patch('/api/v1/returns/settings', { inspectionLevels: [] });
    expect(noLevels.status).toBe(400);
    expect(noLevels.body.field).toBe('body.inspectionLevels');

    const category = `phones-${Date.now()}`;
    await ok(api.patch('/api/v1/returns/settings', { autoApproveMaxValue: 5, gradeDispositions: { A: 'return_to_vendor' } }), 200);
    try {
      const { world, order, products } = await shippedOrder(api, [{ price: 10, quantity: 1, category }]);
      await ok(api.put(`/api/v1/returns/checklists/${category}`, { items: ['imei_matches', 'screen'] }), 200);
      const p = products[0]!;
      const r = await ok(api.post('/api/v1/returns', { orderId: order.id, type: 'return', reasonCode: 'defective', lines: [{ sku: p.sku, quantity: 1 }] }));
      expect(r.status).toBe('requested'); // 10 > 5
      await ok(api.post(`/api/v1/returns/${r.id}/approve`), 200);
      await ok(api.post(`/api/v1/returns/${r.id}/receive`, { scans: [{ code: p.sku }] }), 200);
      const generic = await api.post(`/api/v1/returns/${r.id}/inspect`, { lines: [{ returnLineId: r.lines[0].id, grades: { A: 1 }, checklist: FULL_CHECKLIST }] });
      expect(generic.status).toBe(422);
      expect(generic.body.detail).toContain('imei_matches');
      await ok(api.post(`/api/v1/returns/${r.id}/inspect`, { lines: [{ returnLineId: r.lines[0].id, grades: { A: 1 }, checklist: [{ item: 'imei_matches', passed: true }, { item: 'screen', passed: true }] }] }), 200);
      const disposed = await ok(api.post(`/api/v1/returns/${r.id}/dispose`, {}), 200);
      expect(disposed.dispositions[0]).toMatchObject({ grade: 'A', disposition: 'return_to_vendor' });
      const levels = await ctx.db.query(`SELECT 1 FROM stock_levels WHERE product_id = $1 AND warehouse_id = $2 AND status <> 'available' AND on_hand > 0`, [p.id, world.warehouseId]);
      expect(levels.rowCount).toBe(0);
    } finally {
      await ok(api.patch('/api/v1/returns/settings', { autoApproveMaxValue: 200, gradeDispositions: { A: 'restock' } }), 200);
    }
  });

  it('documents every returns route in the OpenAPI document', async () => {
    const doc = await ok(api.get('/openapi.json'), 200);
    for (const path of ['/api/v1/returns', '/api/v1/returns/{id}/receive', '/api/v1/returns/{id}/inspect', '/api/v1/returns/{id}/dispose', '/api/v1/refunds/{id}/pay', '/api/v1/portal/returns', '/api/v1/returns/settings']) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });
});
