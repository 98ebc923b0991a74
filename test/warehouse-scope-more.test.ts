/**
 * Warehouse scope over what concerns a warehouse thing without being one: tasks, the notice log
 * and attachments follow the thing they are about (an order, a return, a deposit, a location, a
 * warehouse); webhooks and rules span every warehouse and need a caller with every warehouse;
 * warehouse and location events name their warehouse. A caller limited to warehouses A and S
 * sees and works A's and S's; B's and T's are absent from lists and a 404 exactly like an
 * unknown id; an unscoped admin still sees everything.
 */
import { describe, expect, it } from 'vitest';
import { notifyTeam, sendNotification } from '../src/modules/notifications/notifications.service.js';
import { ok } from './orders.fixtures.js';
import { createReturnsWorld, shippedOrder, type ShippedOrder } from './returns.fixtures.js';
import { checkIn, PNG_BASE64, storageWorld } from './storage.fixtures.js';
import { useTestContext, type Api } from './support/context.js';
import { countRows, expectHidden, scopedCallers } from './warehouse-scope.fixtures.js';

const ctx = await useTestContext();
const { api } = ctx;
const PNG = Buffer.from(PNG_BASE64, 'base64');
const NO_SUCH = 999_999_999;

// ---- two returns worlds (A is the callers', B is not) and two storage worlds (S theirs, T not) --
const A = await createReturnsWorld(api);
const B = await createReturnsWorld(api);
const soldA = await shippedOrder(api, [{ price: 40, quantity: 5 }], A);
const soldB = await shippedOrder(api, [{ price: 40, quantity: 5 }], B);
const S = await storageWorld(api);
const T = await storageWorld(api);
const depositS = await checkIn(api, S);
const depositT = await checkIn(api, T);

async function upload(as: { headers: Record<string, string> } | null, filename = 'photo.png'): Promise<number> {
  const headers = as?.headers ?? { authorization: `Bearer ${ctx.adminKey}` };
  const res = await ctx.app.inject({ method: 'POST', url: `/api/v1/attachments?filename=${filename}`, headers: { ...headers, 'content-type': 'image/png' }, body: PNG });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as number;
}
const askReturn = (who: Api, sold: ShippedOrder, photoIds: number[] = []) =>
  who.post('/api/v1/returns', { orderId: sold.order.id, type: 'return', reasonCode: 'changed_mind', lines: [{ sku: sold.products[0]!.sku, quantity: 1 }], photoIds });

// ---- attachments: one on each side's return, one on nothing yet -------------------------------
const photoA = await upload(null, 'a.png');
const photoB = await upload(null, 'b.png');
const returnA = await ok(askReturn(api, soldA, [photoA]));
const returnB = await ok(askReturn(api, soldB, [photoB]));

// ---- tasks about each kind of thing ------------------------------------------------------------
const task = (title: string, entity?: [string, string | number]) =>
  ok(api.post('/api/v1/tasks', { title, team: 'warehouse', ...(entity ? { entityType: entity[0], entityId: String(entity[1]) } : {}) }));
const tasksA = {
  order: await task('Order A', ['order', soldA.order.id]),
  return: await task('Return A', ['return', returnA.id]),
  deposit: await task('Deposit S', ['storage_deposit', depositS.id]),
  warehouse: await task('Warehouse A', ['warehouse', A.warehouseId]),
  location: await task('Location A', ['location', A.locations['A-01']!]),
};
const tasksB = {
  order: await task('Order B', ['order', soldB.order.id]),
  return: await task('Return B', ['return', returnB.id]),
  deposit: await task('Deposit T', ['storage_deposit', depositT.id]),
  warehouse: await task('Warehouse B', ['warehouse', B.warehouseId]),
  location: await task('Location B', ['location', B.locations['A-01']!]),
  unknownOrder: await task('An order nobody knows', ['order', NO_SUCH]),
};
const tasksAnywhere = {
  customer: await task("B's customer (customers are shared)", ['customer', B.customerId]),
  nothing: await task('Restock the coffee'),
};
await ok(api.post(`/api/v1/tasks/${tasksB.order.id}/comments`, { body: 'B only' }));

// ---- notices: about each side's order, about each side's task, and about no warehouse thing ----
const notices = await ctx.db.transaction(async (tx) => {
  const about = (customerId: number, entity?: [string, number]) =>
    sendNotification(tx, 'user:test', {
      customerId,
      templateKey: 'order.confirmed',
      channel: 'in_app',
      variables: { order: { number: 'SO-TEST', promisedShipDate: '2030-01-05', lines: [] } },
      ...(entity ? { entityType: entity[0], entityId: entity[1] } : {}),
    });
  const aboutTask = async (t: { id: number }) =>
    (await notifyTeam(tx, 'rule:1', { team: 'warehouse', templateKey: 'task.assigned', channel: 'chat', variables: { task: t }, entityType: 'task', entityId: t.id }))[0]!;
  return {
    orderA: await about(A.customerId, ['order', soldA.order.id]),
    orderB: await about(B.customerId, ['order', soldB.order.id]),
    customerB: await about(B.customerId),
    taskA: await aboutTask(tasksA.order),
    taskB: await aboutTask(tasksB.order),
  };
});

// ---- a webhook and a rule, made by an admin ----------------------------------------------------
const webhook = await ok(api.post('/api/v1/webhooks', { url: 'https://hooks.example.com/wareloop', eventTypes: ['order.*'] }));
const rule = await ok(
  api.post('/api/v1/rules', { name: 'Tag confirmed', trigger: { type: 'event', events: ['order.confirmed'] }, actions: [{ type: 'add_customer_tag', tag: 'confirmed' }] }),
);

const callers = await scopedCallers(ctx, [A.warehouseId, S.warehouseId]);
const ids = (page: { items: Array<{ id: number }> }) => page.items.map((i) => i.id);
const idsOf = (o: Record<string, { id: number }>) => Object.values(o).map((t) => t.id);
/** The answer for a thing of B: 404 with the very type, title and entity an unknown id gets. */
async function expectAsUnknown(hidden: Promise<{ status: number; body: any }>, unknown: Promise<{ status: number; body: any }>, entity: string) {
  const [h, u] = await Promise.all([hidden, unknown]);
  expectHidden(h, entity);
  expectHidden(u, entity);
  expect({ ...h.body, id: undefined, detail: undefined, instance: undefined }).toEqual({ ...u.body, id: undefined, detail: undefined, instance: undefined });
}

describe.each(callers)('$name limited to warehouses A and S', ({ name, api: scoped, headers }) => {
  it("lists the tasks about A's and S's things and about no warehouse thing; B's, T's and an unknown order's are left out", async () => {
    const list = ids(await ok(scoped.get('/api/v1/tasks?limit=200'), 200));
    expect(list).toEqual(expect.arrayContaining([...idsOf(tasksA), ...idsOf(tasksAnywhere)]));
    for (const id of idsOf(tasksB)) expect(list).not.toContain(id);
    expect(ids(await ok(scoped.get(`/api/v1/tasks?entityType=order&entityId=${soldB.order.id}`), 200))).toEqual([]);
    expect(ids(await ok(scoped.get(`/api/v1/tasks?entityType=order&entityId=${soldA.order.id}`), 200))).toContain(tasksA.order.id);
  });

  it("answers B's task as an unknown one in every read and command, and changes nothing", async () => {
    const t = tasksB.order;
    const before = [await countRows(ctx, 'events'), await countRows(ctx, 'task_comments')];
    await expectAsUnknown(scoped.get(`/api/v1/tasks/${t.id}`), scoped.get(`/api/v1/tasks/${NO_SUCH}`), 'task');
    await expectAsUnknown(scoped.patch(`/api/v1/tasks/${t.id}`, { status: 'done' }), scoped.patch(`/api/v1/tasks/${NO_SUCH}`, { status: 'done' }), 'task');
    await expectAsUnknown(scoped.get(`/api/v1/tasks/${t.id}/comments`), scoped.get(`/api/v1/tasks/${NO_SUCH}/comments`), 'task');
    await expectAsUnknown(scoped.post(`/api/v1/tasks/${t.id}/comments`, { body: 'mine?' }), scoped.post(`/api/v1/tasks/${NO_SUCH}/comments`, { body: 'mine?' }), 'task');
    for (const other of [tasksB.return, tasksB.deposit, tasksB.warehouse, tasksB.location, tasksB.unknownOrder]) expectHidden(await scoped.get(`/api/v1/tasks/${other.id}`), 'task');
    expect([await countRows(ctx, 'events'), await countRows(ctx, 'task_comments')]).toEqual(before);
    expect((await ok(api.get(`/api/v1/tasks/${t.id}`), 200)).status).toBe('open');
  });

  it("reads, changes and comments on A's, S's and everyone's tasks", async () => {
    for (const t of [...Object.values(tasksA), ...Object.values(tasksAnywhere)]) expect((await ok(scoped.get(`/api/v1/tasks/${t.id}`), 200)).id).toBe(t.id);
    const moved = await ok(scoped.patch(`/api/v1/tasks/${tasksA.order.id}`, { priority: name === 'api key' ? 'high' : 'urgent' }), 200);
    expect(moved.priority).toBe(name === 'api key' ? 'high' : 'urgent');
    await ok(scoped.post(`/api/v1/tasks/${tasksA.deposit.id}/comments`, { body: `seen (${name})` }));
    expect((await ok(scoped.get(`/api/v1/tasks/${tasksA.deposit.id}/comments`), 200)).items.map((c: any) => c.body)).toContain(`seen (${name})`);
  });

  it("makes tasks only about what it may see: B's order is answered as an unknown order", async () => {
    const tasks = await countRows(ctx, 'tasks');
    const about = (entityType: string, entityId: number | string, extra: Record<string, unknown> = {}) =>
      scoped.post('/api/v1/tasks', { title: `About ${entityType} ${entityId}`, team: 'warehouse', entityType, entityId: String(entityId), ...extra });
    const refused = await about('order', soldB.order.id);
    const unknown = await about('order', NO_SUCH);
    expect([refused.status, refused.body.field, refused.body.detail]).toEqual([422, 'entityId', `order ${soldB.order.id} does not exist`]);
    expect([unknown.status, unknown.body.field, unknown.body.detail]).toEqual([422, 'entityId', `order ${NO_SUCH} does not exist`]);
    expect((await about('warehouse', B.warehouseId)).status).toBe(422);
    expect((await about('storage_deposit', depositT.id)).status).toBe(422);
    expect(await countRows(ctx, 'tasks')).toBe(tasks);

    expect((await ok(about('order', soldA.order.id))).entityId).toBe(String(soldA.order.id));
    expect((await ok(about('customer', B.customerId))).entityType).toBe('customer');

    // A dedupe key an open task of B holds shows nothing of that task; one of A's gives A's back.
    await ok(api.post('/api/v1/tasks', { title: 'Held by B', team: 'warehouse', entityType: 'order', entityId: String(soldB.order.id), dedupeKey: `b-${name}` }));
    const held = await about('order', soldA.order.id, { dedupeKey: `b-${name}` });
    expect([held.status, held.body.field]).toEqual([409, 'dedupeKey']);
    expect(JSON.stringify(held.body)).not.toContain('Held by B');
    const first = await ok(about('order', soldA.order.id, { dedupeKey: `a-${name}` }));
    expect((await ok(about('order', soldA.order.id, { dedupeKey: `a-${name}` }))).id).toBe(first.id);
  });

  it("shows notices about A's things, A's tasks and no warehouse thing; one about B's order or B's task is unknown", async () => {
    const list = ids(await ok(scoped.get('/api/v1/notifications?limit=200'), 200));
    expect(list).toEqual(expect.arrayContaining([notices.orderA.id, notices.customerB.id, notices.taskA.id]));
    expect(list).not.toContain(notices.orderB.id);
    expect(list).not.toContain(notices.taskB.id);
    expect(ids(await ok(scoped.get(`/api/v1/notifications?entityType=order&entityId=${soldB.order.id}`), 200))).toEqual([]);
    const ofCustomerB = ids(await ok(scoped.get(`/api/v1/notifications?customerId=${B.customerId}`), 200));
    expect(ofCustomerB).toContain(notices.customerB.id);
    expect(ofCustomerB).not.toContain(notices.orderB.id);
    await expectAsUnknown(scoped.get(`/api/v1/notifications/${notices.orderB.id}`), scoped.get(`/api/v1/notifications/${NO_SUCH}`), 'notification');
    expectHidden(await scoped.get(`/api/v1/notifications/${notices.taskB.id}`), 'notification');
    for (const d of [notices.orderA, notices.customerB, notices.taskA]) expect((await ok(scoped.get(`/api/v1/notifications/${d.id}`), 200)).id).toBe(d.id);
  });

  it("reads attachments on A's return and on nothing yet; one on B's return is unknown, content too", async () => {
    const inject = (url: string) => ctx.app.inject({ method: 'GET', url, headers });
    await expectAsUnknown(scoped.get(`/api/v1/attachments/${photoB}`), scoped.get(`/api/v1/attachments/${NO_SUCH}`), 'attachment');
    const content = await inject(`/api/v1/attachments/${photoB}/content`);
    expect([content.statusCode, content.json().entity]).toEqual([404, 'attachment']);
    expect((await ok(scoped.get(`/api/v1/attachments/${photoA}`), 200)).filename).toBe('a.png');
    expect((await inject(`/api/v1/attachments/${photoA}/content`)).rawPayload.equals(PNG)).toBe(true);

    // Its own upload is on nothing until a record takes it; taken onto B's return, it is B's.
    const loose = await upload({ headers });
    expect((await ok(scoped.get(`/api/v1/attachments/${loose}`), 200)).id).toBe(loose);
    await ok(askReturn(api, soldB, [loose]));
    expectHidden(await scoped.get(`/api/v1/attachments/${loose}`), 'attachment');
    expect((await ok(api.get(`/api/v1/attachments/${loose}`), 200)).id).toBe(loose);
  });

  it("takes no attachment of B's onto a return of A's: answered as an unknown attachment, nothing written", async () => {
    const before = [await countRows(ctx, 'return_requests'), await countRows(ctx, 'attachment_links')];
    const refused = await askReturn(scoped, soldA, [photoB]);
    const unknown = await askReturn(scoped, soldA, [NO_SUCH]);
    expect([refused.status, refused.body.field, refused.body.detail]).toEqual([422, 'photoIds.0', `attachment ${photoB} does not exist`]);
    expect([unknown.status, unknown.body.field, unknown.body.detail]).toEqual([422, 'photoIds.0', `attachment ${NO_SUCH} does not exist`]);
    const receipt = await scoped.post(`/api/v1/returns/${returnA.id}/receive`, { scans: [{ code: soldA.products[0]!.sku }], photoIds: [photoB] });
    expect([receipt.status, receipt.body.field]).toEqual([422, 'photoIds.0']);
    expect([await countRows(ctx, 'return_requests'), await countRows(ctx, 'attachment_links')]).toEqual(before);

    const mine = await upload({ headers });
    const asked = await ok(askReturn(scoped, soldA, [mine, photoA]));
    expect(asked.photoIds).toEqual([mine, photoA]);
    expect((await ok(scoped.get(`/api/v1/attachments/${mine}`), 200)).id).toBe(mine);
    const { rows } = await ctx.db.query('SELECT entity_type AS "entityType", entity_id AS "entityId" FROM attachment_links WHERE attachment_id = $1', [mine]);
    expect(rows).toEqual([{ entityType: 'return', entityId: String(asked.id) }]);
  });

  it('neither manages nor reads webhooks and rules, which span every warehouse (403 outside-scope), and writes nothing trying', async () => {
    const before = [await countRows(ctx, 'webhook_subscriptions'), await countRows(ctx, 'rules'), await countRows(ctx, 'events')];
    const refusals = [
      await scoped.get('/api/v1/webhooks'),
      await scoped.post('/api/v1/webhooks', { url: 'https://hooks.example.com/mine', eventTypes: ['*'] }),
      await scoped.get(`/api/v1/webhooks/${webhook.id}`),
      await scoped.patch(`/api/v1/webhooks/${webhook.id}`, { active: false }),
      await scoped.delete(`/api/v1/webhooks/${webhook.id}`),
      await scoped.post(`/api/v1/webhooks/${webhook.id}/rotate-secret`),
      await scoped.get(`/api/v1/webhooks/${webhook.id}/deliveries`),
      await scoped.post(`/api/v1/webhooks/deliveries/${NO_SUCH}/replay`),
      await scoped.get('/api/v1/rules'),
      await scoped.post('/api/v1/rules', { name: 'Mine', trigger: { type: 'event', events: ['order.confirmed'] }, actions: [{ type: 'add_customer_tag', tag: 'x' }] }),
      await scoped.get(`/api/v1/rules/${rule.id}`),
      await scoped.patch(`/api/v1/rules/${rule.id}`, { enabled: false }),
      await scoped.delete(`/api/v1/rules/${rule.id}`),
      await scoped.get(`/api/v1/rules/${rule.id}/versions`),
      await scoped.post(`/api/v1/rules/${rule.id}/versions/1/restore`),
      await scoped.post(`/api/v1/rules/${rule.id}/dry-run`, {}),
      await scoped.post('/api/v1/rules/dry-run', { rule: { name: 'Draft', trigger: { type: 'event', events: ['order.*'] }, actions: [{ type: 'add_customer_tag', tag: 'x' }] } }),
      await scoped.get(`/api/v1/rules/${rule.id}/runs`),
      await scoped.get('/api/v1/rule-runs'),
      await scoped.get('/api/v1/rule-timers'),
    ];
    for (const res of refusals) {
      expect(res.status, JSON.stringify(res.body)).toBe(403);
      expect(res.body.type).toBe('https://wareloop.dev/problems/outside-scope');
    }
    expect([await countRows(ctx, 'webhook_subscriptions'), await countRows(ctx, 'rules'), await countRows(ctx, 'events')]).toEqual(before);
    // The event log beside the webhooks is still theirs to read.
    expect((await scoped.get('/api/v1/events?limit=1')).status).toBe(200);
  });

  it("sees warehouse A's and its locations' events in the log, not B's", async () => {
    await ok(api.patch(`/api/v1/warehouses/${A.warehouseId}`, { address: `A, ${name}` }), 200);
    await ok(api.patch(`/api/v1/warehouses/${B.warehouseId}`, { address: `B, ${name}` }), 200);
    await ok(api.patch(`/api/v1/locations/${A.locations['A-02']}`, { pickSequence: 7 }), 200);
    await ok(api.patch(`/api/v1/locations/${B.locations['A-02']}`, { pickSequence: 7 }), 200);
    const seen = async (entityType: string) => (await ok(scoped.get(`/api/v1/events?entityType=${entityType}&limit=200`), 200)).items as any[];
    const warehouses = await seen('warehouse');
    expect(warehouses.map((e) => e.type)).toEqual(expect.arrayContaining(['warehouse.created', 'warehouse.updated']));
    expect(warehouses.map((e) => Number(e.entityId))).toContain(A.warehouseId);
    for (const e of warehouses) {
      expect([A.warehouseId, S.warehouseId]).toContain(Number(e.entityId));
      expect(e.payload.warehouseId).toBe(Number(e.entityId));
    }
    const locations = await seen('location');
    expect(locations.map((e) => [e.type, Number(e.entityId)])).toContainEqual(['location.updated', A.locations['A-02']]);
    for (const e of locations) expect([A.warehouseId, S.warehouseId]).toContain(e.payload.warehouseId);
  });

  it("sees the events of A's tasks and notices and of those about no warehouse; B's are left out of the log", async () => {
    const seen = async (entityType: string) => (await ok(scoped.get(`/api/v1/events?entityType=${entityType}&limit=200`), 200)).items as any[];
    const taskEvents = await seen('task');
    const taskIds = new Set(taskEvents.map((e) => Number(e.entityId)));
    for (const t of [...Object.values(tasksA), ...Object.values(tasksAnywhere)]) expect(taskIds, `task ${t.id}`).toContain(t.id);
    for (const t of [tasksB.order, tasksB.return, tasksB.deposit, tasksB.warehouse, tasksB.location]) expect(taskIds, `task ${t.id}`).not.toContain(t.id);
    // Even B's comment, which names nothing but the task.
    expect(taskEvents.filter((e) => e.type === 'task.commented').map((e) => Number(e.entityId))).not.toContain(tasksB.order.id);

    const noticeIds = new Set((await seen('notification')).map((e) => Number(e.entityId)));
    for (const n of [notices.orderA, notices.taskA, notices.customerB]) expect(noticeIds, `notice ${n.id}`).toContain(n.id);
    for (const n of [notices.orderB, notices.taskB]) expect(noticeIds, `notice ${n.id}`).not.toContain(n.id);
  });
});

describe('an unscoped admin', () => {
  it('still sees every task, notice, attachment, webhook and rule, and every warehouse event', async () => {
    const list = ids(await ok(api.get('/api/v1/tasks?limit=200'), 200));
    expect(list).toEqual(expect.arrayContaining([...idsOf(tasksA), ...idsOf(tasksB), ...idsOf(tasksAnywhere)]));
    for (const t of Object.values(tasksB)) expect((await ok(api.get(`/api/v1/tasks/${t.id}`), 200)).id).toBe(t.id);
    expect((await ok(api.get(`/api/v1/tasks/${tasksB.order.id}/comments`), 200)).items.map((c: any) => c.body)).toEqual(['B only']);
    expect(ids(await ok(api.get('/api/v1/notifications?limit=200'), 200))).toEqual(expect.arrayContaining(idsOf(notices)));
    expect((await ok(api.get(`/api/v1/notifications/${notices.taskB.id}`), 200)).entityType).toBe('task');
    expect((await ok(api.get(`/api/v1/attachments/${photoB}`), 200)).filename).toBe('b.png');
    expect(ids(await ok(api.get('/api/v1/webhooks'), 200))).toContain(webhook.id);
    expect(ids(await ok(api.get('/api/v1/rules?limit=200'), 200))).toContain(rule.id);
    const warehouses = (await ok(api.get('/api/v1/events?entityType=warehouse&limit=200'), 200)).items.map((e: any) => Number(e.entityId));
    expect(warehouses).toEqual(expect.arrayContaining([A.warehouseId, B.warehouseId]));
  });
});
