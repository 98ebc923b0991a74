/**
 * Least privilege and four eyes: custom roles built from the permission list (nobody builds one
 * stronger than themselves), warehouse scopes granted only within the granter's own, keys of a
 * stronger person not revocable, and separation of duties per step: one person — whatever
 * credential they use — does not act twice in a return's approvals, an item's inspection levels,
 * a refund's approval and payment, or a count's submission and approval, unless the company
 * relaxes that step.
 */
import { describe, expect, it } from 'vitest';
import { createProduct, createWorld, receive } from '../orders.fixtures.js';
import { FULL_CHECKLIST, ok, shippedOrder } from '../returns.fixtures.js';
import { useTestContext, type Api } from '../support/context.js';
import { sessionAs } from '../support/session.js';

const ctx = await useTestContext();
const { api } = ctx;

/** A key made by `person` (with their session): the same pair of hands, another credential. */
async function keyOf(person: Api, role: string): Promise<Api> {
  const made = await person.post('/api/v1/api-keys', { name: 'my own key', role });
  expect(made.status).toBe(201);
  return api.as(made.body.key);
}

describe('custom roles', () => {
  it('an admin builds a role from the permission list; its holders get exactly those permissions', async () => {
    const roles = await ok(api.get('/api/v1/roles'), 200);
    expect(roles.permissions).toContain('returns.inspect');
    expect(roles.items.find((r: any) => r.name === 'admin')).toMatchObject({ builtin: true });

    const created = await ok(
      api.post('/api/v1/roles', { name: 'qc_inspector', titleEn: 'QC inspector', titleZh: '质检员', permissions: ['returns.read', 'returns.inspect', 'catalog.read'] }),
      201,
    );
    expect(created).toMatchObject({ name: 'qc_inspector', builtin: false, users: 0, apiKeys: 0, permissions: ['catalog.read', 'returns.inspect', 'returns.read'] });
    const inspector = await sessionAs(ctx, 'qc_inspector');
    const me = await ok(inspector.get('/api/v1/auth/me'), 200);
    expect(me).toMatchObject({ role: 'qc_inspector', permissions: ['catalog.read', 'returns.inspect', 'returns.read'], warehouseIds: null });
    expect((await inspector.get('/api/v1/returns')).status).toBe(200);
    expect((await inspector.get('/api/v1/orders')).status).toBe(403);

    // Widened: the holder's next request has the new permission (the session was ended, so they sign in again).
    const widened = await ok(api.patch('/api/v1/roles/qc_inspector', { permissions: ['returns.read', 'returns.inspect', 'catalog.read', 'orders.read'], titleZh: '退货质检员' }), 200);
    expect(widened).toMatchObject({ titleZh: '退货质检员', users: 1 });
    expect((await inspector.get('/api/v1/orders')).status).toBe(200);

    // In use: not deletable; built-in roles are neither changeable nor deletable.
    expect((await api.delete('/api/v1/roles/qc_inspector')).body).toMatchObject({ status: 409, currentState: 'in_use' });
    expect((await api.patch('/api/v1/roles/manager', { permissions: [] })).body).toMatchObject({ status: 409, currentState: 'builtin' });
    expect((await api.delete('/api/v1/roles/admin')).status).toBe(409);
    await ok(api.patch(`/api/v1/users/${inspector.id}`, { role: 'warehouse_operator' }), 200);
    expect((await api.delete('/api/v1/roles/qc_inspector')).status).toBe(204);
    expect((await api.get('/api/v1/roles')).body.items.map((r: any) => r.name)).not.toContain('qc_inspector');

    const events = (await ctx.db.query<{ type: string }>(`SELECT type FROM events WHERE entity_type = 'role' AND entity_id = 'qc_inspector' ORDER BY id`)).rows;
    expect(events.map((e) => e.type)).toEqual(['role.created', 'role.updated', 'role.deleted']);
  });

  it('refuses unknown permissions, bad names, unknown fields and duplicates with a 4xx naming the field', async () => {
    const bad = await api.post('/api/v1/roles', { name: 'x_role', titleEn: 'X', titleZh: 'X', permissions: ['orders.read', 'everything.admin'] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.errors)).toContain('permissions');
    expect((await api.post('/api/v1/roles', { name: 'Bad Name', titleEn: 'X', titleZh: 'X', permissions: [] })).status).toBe(400);
    expect((await api.post('/api/v1/roles', { name: 'x_role', titleEn: 'X', titleZh: 'X', permissions: [], builtin: true })).status).toBe(400);
    await ok(api.post('/api/v1/roles', { name: 'dup_role', titleEn: 'X', titleZh: 'X', permissions: [] }), 201);
    expect((await api.post('/api/v1/roles', { name: 'dup_role', titleEn: 'X', titleZh: 'X', permissions: [] })).status).toBe(409);
    expect((await api.patch('/api/v1/roles/no_such_role', { titleEn: 'Y' })).status).toBe(404);
  });

  it('nobody builds or changes a role stronger than themselves', async () => {
    await ok(api.post('/api/v1/roles', { name: 'people_lead', titleEn: 'People', titleZh: '人事', permissions: ['users.manage', 'api_keys.manage', 'orders.read'] }), 201);
    const lead = await sessionAs(ctx, 'people_lead');
    const stronger = await lead.post('/api/v1/roles', { name: 'sneaky', titleEn: 'S', titleZh: 'S', permissions: ['orders.read', 'refunds.manage'] });
    expect(stronger.status).toBe(403);
    expect(stronger.body.missingPermissions).toEqual(['refunds.manage']);
    await ok(lead.post('/api/v1/roles', { name: 'order_viewer', titleEn: 'Viewer', titleZh: '查看', permissions: ['orders.read'] }), 201);
    expect((await lead.patch('/api/v1/roles/order_viewer', { permissions: ['orders.read', 'orders.write'] })).status).toBe(403);
    // Nor strip a role that holds more than they do.
    await ok(api.post('/api/v1/roles', { name: 'money', titleEn: 'Money', titleZh: '财务', permissions: ['refunds.manage', 'orders.read'] }), 201);
    expect((await lead.patch('/api/v1/roles/money', { permissions: ['orders.read'] })).status).toBe(403);
    expect((await lead.delete('/api/v1/roles/money')).status).toBe(403);
    expect((await api.get('/api/v1/roles')).body.items.find((r: any) => r.name === 'money').permissions).toEqual(['orders.read', 'refunds.manage']);
  });
});

describe('warehouse scopes on grants, and keys of stronger people', () => {
  it('a user limited to one warehouse grants only within it; a new key or user inherits the scope', async () => {
    const a = await createWorld(api);
    const b = await createWorld(api);
    const lead = await sessionAs(ctx, 'admin', { warehouseIds: [a.warehouseId] });
    expect((await lead.get('/api/v1/auth/me')).body.warehouseIds).toEqual([a.warehouseId]);

    const wide = await lead.post('/api/v1/users', { email: `w-${Date.now()}@example.com`, name: 'W', password: 'password-1', role: 'warehouse_operator', warehouseIds: [a.warehouseId, b.warehouseId] });
    expect(wide.status).toBe(403);
    expect(wide.body.field).toBe('warehouseIds');
    const all = await lead.post('/api/v1/api-keys', { name: 'k', role: 'warehouse_operator', warehouseIds: null });
    expect(all.status).toBe(403);
    expect(all.body.field).toBe('warehouseIds');

    const inherited = await ok(lead.post('/api/v1/api-keys', { name: 'scanner', role: 'warehouse_operator' }), 201);
    expect(inherited.warehouseIds).toEqual([a.warehouseId]);
    expect((await api.as(inherited.key).get('/api/v1/auth/me')).body.warehouseIds).toEqual([a.warehouseId]);
    const unknown = await api.post('/api/v1/api-keys', { name: 'k', role: 'warehouse_operator', warehouseIds: [99_999_999] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.field).toBe('warehouseIds');

    // A user of both warehouses is beyond the lead: not changeable, nor narrowed.
    const both = await ok(api.post('/api/v1/users', { email: `both-${Date.now()}@example.com`, name: 'Both', password: 'password-1', role: 'warehouse_operator', warehouseIds: [a.warehouseId, b.warehouseId] }), 201);
    expect((await lead.patch(`/api/v1/users/${both.id}`, { warehouseIds: [a.warehouseId] })).status).toBe(403);
    expect((await api.patch(`/api/v1/users/${both.id}`, { warehouseIds: [b.warehouseId] })).body.warehouseIds).toEqual([b.warehouseId]);
  });

  it('a key of a stronger role cannot be revoked by a weaker manager of keys', async () => {
    await ok(api.post('/api/v1/roles', { name: 'key_keeper', titleEn: 'Keys', titleZh: '密钥', permissions: ['api_keys.manage', 'orders.read'] }), 201);
    const keeper = await sessionAs(ctx, 'key_keeper');
    const adminKey = await ok(api.post('/api/v1/api-keys', { name: 'integration', role: 'admin' }), 201);
    const refused = await keeper.delete(`/api/v1/api-keys/${adminKey.id}`);
    expect(refused.status).toBe(403);
    expect(refused.body.missingPermissions).toContain('users.manage');
    expect((await api.as(adminKey.key).get('/api/v1/auth/me')).status).toBe(200);
    const own = await ok(keeper.post('/api/v1/api-keys', { name: 'reader', role: 'key_keeper' }), 201);
    expect((await keeper.delete(`/api/v1/api-keys/${own.id}`)).body.revokedAt).toEqual(expect.any(String));
  });
});

describe('separation of duties', () => {
  it('lists each step, enforced by default; only users.manage changes them', async () => {
    const rules = await ok(api.get('/api/v1/duty-rules'), 200);
    expect(rules.items.map((r: any) => [r.step, r.enforced])).toEqual([
      ['returns.approval', true],
      ['returns.inspection', true],
      ['returns.refund_payment', true],
      ['storage.voucher_replacement', true],
      ['inventory.count_approval', true],
    ]);
    expect(rules.items[0].zh).toMatch(/审批/);
    const operator = api.as(await ctx.keyFor('warehouse_operator'));
    expect((await operator.put('/api/v1/duty-rules/returns.approval', { enforced: false })).status).toBe(403);
    expect((await api.put('/api/v1/duty-rules/no.such_step', { enforced: false })).status).toBe(400);
  });

  it('the first approver of a two-level return cannot give the second with a key of theirs', async () => {
    const { order, products } = await shippedOrder(api, [{ price: 2500, quantity: 1 }]);
    const r = await ok(api.post('/api/v1/returns', { orderId: order.id, type: 'repair', reasonCode: 'defective', lines: [{ sku: products[0]!.sku, quantity: 1 }] }), 201);
    expect(r.approvalsRequired).toBe(2);
    const boss = await sessionAs(ctx, 'admin');
    const bossKey = await keyOf(boss, 'admin');
    await ok(boss.post(`/api/v1/returns/${r.id}/approve`), 200);
    const twice = await bossKey.post(`/api/v1/returns/${r.id}/approve`);
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ type: 'https://wareloop.dev/problems/separation-of-duties', step: 'returns.approval', currentState: 'awaiting_second_approval' });
    expect((await api.get(`/api/v1/returns/${r.id}`)).body.status).toBe('awaiting_second_approval');
    expect((await ok(api.post(`/api/v1/returns/${r.id}/approve`), 200)).status).toBe('approved');
  });

  it('one operator cannot do two inspection levels of a ¥1,500 phone; another can; relaxed, one may', async () => {
    const { order, products } = await shippedOrder(api, [{ price: 1500, quantity: 1 }]);
    const r = await ok(api.post('/api/v1/returns', { orderId: order.id, type: 'return', reasonCode: 'defective', lines: [{ sku: products[0]!.sku, quantity: 1 }] }), 201);
    if (r.status !== 'approved') await ok(api.post(`/api/v1/returns/${r.id}/approve`), 200);
    await ok(api.post(`/api/v1/returns/${r.id}/receive`, { scans: [{ code: products[0]!.sku }] }), 200);
    // A shift lead (who may make keys) inspects with their session, then with a scanner key they made.
    const operator = await sessionAs(ctx, 'manager');
    const operatorKey = await keyOf(operator, 'warehouse_operator');
    const line = { returnLineId: r.lines[0].id, grades: { A: 1 }, checklist: FULL_CHECKLIST };
    await ok(operator.post(`/api/v1/returns/${r.id}/inspect`, { lines: [line] }), 200);
    const again = await operatorKey.post(`/api/v1/returns/${r.id}/inspect`, { lines: [line] });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ step: 'returns.inspection', field: 'lines.0.returnLineId', level: 'final_approval' });
    const colleague = await sessionAs(ctx, 'warehouse_operator');
    expect((await ok(colleague.post(`/api/v1/returns/${r.id}/inspect`, { lines: [line] }), 200)).status).toBe('inspected');

    // A one-person shop relaxes the step: then one operator does both levels, and the change is an event.
    await ok(api.put('/api/v1/duty-rules/returns.inspection', { enforced: false }), 200);
    try {
      const next = await shippedOrder(api, [{ price: 1500, quantity: 1 }]);
      const r2 = await ok(api.post('/api/v1/returns', { orderId: next.order.id, type: 'return', reasonCode: 'defective', lines: [{ sku: next.products[0]!.sku, quantity: 1 }] }), 201);
      if (r2.status !== 'approved') await ok(api.post(`/api/v1/returns/${r2.id}/approve`), 200);
      await ok(api.post(`/api/v1/returns/${r2.id}/receive`, { scans: [{ code: next.products[0]!.sku }] }), 200);
      const line2 = { ...line, returnLineId: r2.lines[0].id };
      await ok(operator.post(`/api/v1/returns/${r2.id}/inspect`, { lines: [line2] }), 200);
      expect((await ok(operatorKey.post(`/api/v1/returns/${r2.id}/inspect`, { lines: [line2] }), 200)).status).toBe('inspected');
      const changed = await ctx.db.query<{ payload: any }>(`SELECT payload FROM events WHERE type = 'duty_rule.changed' AND entity_id = 'returns.inspection'`);
      expect(changed.rows.map((e) => e.payload)).toEqual([{ enforced: false, before: true }]);
    } finally {
      await ok(api.put('/api/v1/duty-rules/returns.inspection', { enforced: true }), 200);
    }
  });

  it('a refund is approved by another person than who set it, and paid by another than its approver', async () => {
    const { order, products } = await shippedOrder(api, [{ price: 40, quantity: 1 }]);
    const r = await ok(api.post('/api/v1/returns', { orderId: order.id, type: 'return', reasonCode: 'defective', lines: [{ sku: products[0]!.sku, quantity: 1 }] }), 201);
    if (r.status !== 'approved') await ok(api.post(`/api/v1/returns/${r.id}/approve`), 200);
    await ok(api.post(`/api/v1/returns/${r.id}/receive`, { scans: [{ code: products[0]!.sku }] }), 200);
    await ok(api.post(`/api/v1/returns/${r.id}/inspect`, { lines: [{ returnLineId: r.lines[0].id, grades: { A: 1 }, checklist: FULL_CHECKLIST }] }), 200);
    await ok(api.post(`/api/v1/returns/${r.id}/dispose`, {}), 200);
    const resolved = await ok(api.post(`/api/v1/returns/${r.id}/resolve`, {}), 200);
    const [refund] = resolved.refunds;
    expect((await api.post(`/api/v1/refunds/${refund.id}/approve`)).body).toMatchObject({ status: 409, step: 'returns.refund_payment' });
    const finance = await sessionAs(ctx, 'manager');
    await ok(finance.post(`/api/v1/refunds/${refund.id}/approve`), 200);
    const financeKey = await keyOf(finance, 'manager');
    expect((await financeKey.post(`/api/v1/refunds/${refund.id}/pay`, { paymentReference: 'P-1' })).body).toMatchObject({ status: 409, step: 'returns.refund_payment' });
    expect((await ok(api.post(`/api/v1/refunds/${refund.id}/pay`, { paymentReference: 'P-1' }), 200)).status).toBe('paid');
  });

  it('a count submitter cannot approve it with a key of theirs', async () => {
    const world = await createWorld(api);
    const tea = await createProduct(api);
    await receive(api, world, { sku: tea.sku, quantity: 5, locationCode: 'A-01' });
    const counter = await sessionAs(ctx, 'manager');
    const count = await ok(counter.post('/api/v1/stock/counts', { warehouseId: world.warehouseId, locationCodes: ['A-01'] }), 201);
    await ok(counter.post(`/api/v1/stock/counts/${count.id}/submit`, { lines: [{ code: tea.sku, quantity: 4 }] }), 200);
    const own = await (await keyOf(counter, 'manager')).post(`/api/v1/stock/counts/${count.id}/approve`, {});
    expect(own.body).toMatchObject({ status: 409, step: 'inventory.count_approval', currentState: 'submitted' });
    await ok(api.post(`/api/v1/stock/counts/${count.id}/approve`, {}), 200);
  });
});
