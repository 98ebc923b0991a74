/**
 * The rules engine end to end: rules as data through the API, event rules with JSON Logic over
 * the current entities, every action kind, the run log, timers (durable, on time, once across
 * workers, stopped by `unless`), date triggers, dry runs and versions.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runAutomationOnce, startAutomation } from '../src/modules/automation/worker.js';
import { createProduct, createWorld, fulfil, ok, placeOrder, receive, type Product, type World } from './orders.fixtures.js';
import { testClock } from './support/clock.js';
import { useTestContext } from './support/context.js';

const ctx = await useTestContext();
// The engine's clock: real time, except where a timer test stops it and moves it by hand.
const clock = testClock();
const engine = { timeZone: 'Asia/Shanghai', now: clock.now };
// A test that stops the clock does so before its start events, so no timer is due until it says so.
afterEach(() => clock.resume());
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/**
 * Runs the engine until it has handled every event committed so far. (On a shared PostgreSQL
 * server another database's open transaction holds back what the log lets readers see.)
 */
async function run(): Promise<void> {
  for (let i = 0; i < 250; i++) {
    await runAutomationOnce(ctx.db, engine);
    const { rows } = await ctx.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM events e, consumer_cursors c WHERE c.name = 'automation' AND (e.tx_id, e.id) > (c.tx_id, c.event_id)`,
    );
    if (rows[0]!.n === 0) return;
    await sleep(20);
  }
  throw new Error('the rules engine did not catch up with the event log');
}

let world: World;
let product: Product;

beforeAll(async () => {
  // The built-in rules have their own tests below; here they would only add noise.
  const builtins = await ctx.api.get('/api/v1/rules?limit=200');
  for (const r of builtins.body.items) await ok(ctx.api.patch(`/api/v1/rules/${r.id}`, { enabled: false }), 200);
  world = await createWorld(ctx.api);
  product = await createProduct(ctx.api, { unitPrice: 600 });
  await receive(ctx.api, world, { sku: product.sku, quantity: 500 });
  await run(); // handle the set-up's events now, so each test sees only its own
});

const runsOf = async (ruleId: number) => (await ctx.api.get(`/api/v1/rules/${ruleId}/runs?limit=200`)).body.items as any[];
const timersOf = async (ruleId: number, status: string) => (await ctx.api.get(`/api/v1/rule-timers?ruleId=${ruleId}&status=${status}&limit=200`)).body.items as any[];

/** Waits (up to 2 min on a loaded machine) for what the workers do; no timing is asserted. */
async function until(what: string, done: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    if (await done()) return;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('rules as data', () => {
  it('creates, versions, restores and deletes a rule; refuses bad conditions, triggers and templates naming the field', async () => {
    const created = await ctx.api.post('/api/v1/rules', {
      name: 'VIP big order',
      trigger: { type: 'event', events: ['order.confirmed'] },
      condition: { '>': [{ var: 'order.total' }, 1000] },
      actions: [{ type: 'add_customer_tag', tag: 'big-spender' }],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ version: 1, enabled: true, builtin: false });
    const id = created.body.id;

    const changed = await ctx.api.patch(`/api/v1/rules/${id}`, { name: 'VIP very big order', condition: { '>': [{ var: 'order.total' }, 5000] } }, { headers: { 'if-match': '1' } });
    expect(changed.status).toBe(200);
    expect(changed.body.version).toBe(2);
    const stale = await ctx.api.patch(`/api/v1/rules/${id}`, { enabled: false }, { headers: { 'if-match': '1' } });
    expect(stale.status).toBe(409);
    expect(stale.body.currentState).toBe('version 2');

    const versions = await ctx.api.get(`/api/v1/rules/${id}/versions`);
    expect(versions.body.items.map((v: any) => [v.version, v.name])).toEqual([
      [2, 'VIP very big order'],
      [1, 'VIP big order'],
    ]);
    const restored = await ctx.api.post(`/api/v1/rules/${id}/versions/1/restore`, {});
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ version: 3, name: 'VIP big order', condition: { '>': [{ var: 'order.total' }, 1000] } });

    const bad = async (body: unknown, field: string) => {
      const res = await ctx.api.post('/api/v1/rules', body);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.errors.map((e: any) => e.field)).toContain(field);
    };
    const base = { name: 'x', trigger: { type: 'event', events: ['order.confirmed'] }, actions: [{ type: 'add_customer_tag', tag: 'a' }] };
    await bad({ ...base, condition: { nope: [1] } }, 'body.condition');
    await bad({ ...base, trigger: { type: 'timer', start: ['order.confirmed'], after: {} } }, 'body.trigger.after');
    await bad({ ...base, trigger: { type: 'event', events: ['ORDER'] } }, 'body.trigger.events.0');
    await bad({ ...base, actions: [{ type: 'create_task', title: '{{ order.number', team: 'customer_service' }] }, 'body.actions.0.title');
    await bad({ ...base, actions: [{ type: 'emit_event', event: 'order.shipped' }] }, 'body.actions.0.event');
    await bad({ ...base, actions: [{ type: 'launch_rocket' }] }, 'body.actions.0.type');

    const builtin = (await ctx.api.get('/api/v1/rules?limit=200')).body.items.find((r: any) => r.builtin);
    const refused = await ctx.api.delete(`/api/v1/rules/${builtin.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.currentState).toBe('builtin');
    expect((await ctx.api.delete(`/api/v1/rules/${id}`)).status).toBe(204);
    expect((await ctx.api.get(`/api/v1/rules/${id}`)).status).toBe(404);
    const operator = await ctx.keyFor('warehouse_operator');
    expect((await ctx.api.as(operator).post('/api/v1/rules', base)).status).toBe(403);
    expect((await ctx.api.as(operator).get('/api/v1/rules')).status).toBe(200);
  });
});

describe('event rules', () => {
  it('acts on the current customer and order when the JSON Logic condition holds, and logs every run', async () => {
    const webhook = await ok(ctx.api.post('/api/v1/webhooks', { url: 'https://93.184.215.14/unused', eventTypes: ['rule.nothing'] }));
    const rule = await ok(
      ctx.api.post('/api/v1/rules', {
        name: 'VIP orders over 1000 go first',
        trigger: { type: 'event', events: ['order.confirmed'] },
        condition: { and: [{ in: ['vip', { var: 'customer.tags' }] }, { '>': [{ var: 'order.total' }, 1000] }] },
        actions: [
          { type: 'set_order_priority', priority: 9 },
          { type: 'create_task', title: 'Call {{ customer.name }} about {{ order.number }}', team: 'customer_service', dueIn: { hours: 2 }, priority: 'high' },
          { type: 'add_customer_tag', tag: 'big-spender' },
          { type: 'emit_event', event: 'custom.vip_order', payload: { number: '{{ order.number }}' } },
          { type: 'call_webhook', webhookId: webhook.id },
          { type: 'notify_customer', template: 'no.such.template', channels: ['email'] },
        ],
      }),
    );
    // Not a VIP yet: the condition does not hold.
    const first = await placeOrder(ctx.api, world, [{ sku: product.sku, quantity: 2 }]);
    await run();
    await ok(ctx.api.post(`/api/v1/customers/${world.customerId}/tags`, { tags: ['vip'] }), 200);
    const small = await placeOrder(ctx.api, world, [{ sku: product.sku, quantity: 1 }]);
    const big = await placeOrder(ctx.api, world, [{ sku: product.sku, quantity: 3 }]);
    await run();
    await run(); // a second pass changes nothing: once per event

    const runs = await runsOf(rule.id);
    const byOrder = (orderId: number) => runs.filter((r) => r.entityType === 'order' && r.entityId === String(orderId));
    expect(byOrder(first.id).map((r) => r.outcome)).toEqual(['not_matched']);
    expect(byOrder(small.id).map((r) => r.outcome)).toEqual(['not_matched']);
    const [bigRun] = byOrder(big.id);
    expect(byOrder(big.id)).toHaveLength(1);
    // One action failed (no such template); it is undone alone and named, the others stand.
    expect(bigRun.outcome).toBe('failed');
    expect(bigRun.actions.map((a: any) => [a.type, a.status])).toEqual([
      ['set_order_priority', 'done'],
      ['create_task', 'done'],
      ['add_customer_tag', 'done'],
      ['emit_event', 'done'],
      ['call_webhook', 'done'],
      ['notify_customer', 'failed'],
    ]);
    expect(bigRun.error).toContain('notify_customer');

    expect((await ctx.api.get(`/api/v1/orders/${big.id}`)).body.priority).toBe(9);
    expect((await ctx.api.get(`/api/v1/orders/${small.id}`)).body.priority).toBe(0);
    const task = await ctx.api.get(`/api/v1/tasks/${bigRun.actions[1].result.taskId}`);
    expect(task.body).toMatchObject({ title: `Call Li Wei about ${big.number}`, team: 'customer_service', priority: 'high', entityType: 'order', entityId: String(big.id) });
    expect((await ctx.api.get(`/api/v1/customers/${world.customerId}`)).body.tags).toEqual(expect.arrayContaining(['vip', 'big-spender']));
    const custom = await ctx.api.get(`/api/v1/events?type=custom.vip_order`);
    expect(custom.body.items).toHaveLength(1);
    expect(custom.body.items[0]).toMatchObject({ actor: `rule:${rule.id}`, entityId: String(big.id), payload: { number: big.number, ruleId: rule.id } });
    const deliveries = await ctx.api.get(`/api/v1/webhooks/${webhook.id}/deliveries`);
    expect(deliveries.body.items.map((d: any) => d.eventType)).toEqual(['order.confirmed']);
    // The rule's own event (priority changed) did not run it again.
    expect(runs.filter((r) => r.entityId === String(big.id))).toHaveLength(1);
  });

  it('holds an order: the warehouse cannot pick it until the hold is released', async () => {
    const rule = await ok(
      ctx.api.post('/api/v1/rules', {
        name: 'Hold orders with a note mentioning fraud',
        trigger: { type: 'event', events: ['order.confirmed'] },
        condition: { in: ['fraud', { var: 'order.note' }] },
        actions: [{ type: 'hold_order', reason: 'Check payment of {{ order.number }}' }],
      }),
    );
    const order = await placeOrder(ctx.api, world, [{ sku: product.sku, quantity: 1 }], { note: 'possible fraud' });
    await run();
    const held = (await ctx.api.get(`/api/v1/orders/${order.id}`)).body;
    expect(held).toMatchObject({ status: 'confirmed', onHold: true, holdReason: `Check payment of ${order.number}` });
    const refused = await ctx.api.post(`/api/v1/orders/${order.id}/pick-list`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.currentState).toBe('on_hold');
    await ok(ctx.api.post(`/api/v1/orders/${order.id}/release-hold`, {}), 200);
    await fulfil(ctx.api, order.id, `HOLD${order.id}TRK`);
    expect((await runsOf(rule.id)).map((r) => r.outcome)).toEqual(['succeeded']);
  });
});

describe('timers', () => {
  it('fires "N after A unless B" once, not early, and not for an entity that did B in time', async () => {
    clock.set(Date.now());
    const rule = await ok(
      ctx.api.post('/api/v1/rules', {
        name: 'Not picked within 2 s',
        trigger: { type: 'timer', start: ['order.confirmed'], after: { seconds: 2 }, unless: ['order.picked', 'order.cancelled'] },
        actions: [{ type: 'create_task', title: '{{ order.number }} not picked', team: 'warehouse' }],
      }),
    );
    const late = await placeOrder(ctx.api, world, [{ sku: product.sku, quantity: 1 }]);
    const cancelled = await placeOrder(ctx.api, world, [{ sku: product.sku, quantity: 1 }]);
    await run();
    const pending = await ctx.api.get(`/api/v1/rule-timers?ruleId=${rule.id}&status=pending`);
    expect(pending.body.items.map((t: any) => t.entityId).sort()).toEqual([String(late.id), String(cancelled.id)].sort());
    await ok(ctx.api.post(`/api/v1/orders/${cancelled.id}/cancel`, { reason: 'customer changed mind' }), 200);

    // Before the due time nothing fires; the cancellation stops its clock.
    await run();
    expect(await runsOf(rule.id)).toEqual([]);
    const stopped = await ctx.api.get(`/api/v1/rule-timers?ruleId=${rule.id}&status=cancelled`);
    expect(stopped.body.items.map((t: any) => t.entityId)).toEqual([String(cancelled.id)]);

    // Not a millisecond early.
    const due = new Date(pending.body.items.find((t: any) => t.entityId === String(late.id)).dueAt).getTime();
    clock.set(due - 1);
    await run();
    expect(await runsOf(rule.id)).toEqual([]);

    // Due: a worker started now (as after a restart) fires the durable timer.
    clock.set(due);
    const worker = await startAutomation(ctx.db, { ...engine, pollMs: 200 });
    try {
      await until('the timer fired', async () => (await runsOf(rule.id)).length > 0);
      const fired = (await ctx.api.get(`/api/v1/rule-timers?ruleId=${rule.id}&status=fired`)).body.items;
      expect(fired.map((t: any) => t.entityId)).toEqual([String(late.id)]);
      // Never early. How late is measured by `npm run bench` (timer lag), not asserted here.
      expect(new Date(fired[0].firedAt).getTime()).toBeGreaterThanOrEqual(due);
    } finally {
      await worker.stop();
    }
    const runs = await runsOf(rule.id);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ outcome: 'succeeded', entityId: String(late.id), timerId: expect.any(Number) });
  });

  it('fires each timer once when two workers share the database', async () => {
    const rule = await ok(
      ctx.api.post('/api/v1/rules', {
        name: 'Tag after 1 s',
        trigger: { type: 'timer', start: ['order.confirmed'], after: { seconds: 1 } },
        actions: [{ type: 'create_task', title: 'check {{ order.number }}', team: 'warehouse' }],
      }),
    );
    clock.set(Date.now());
    const orders = [];
    for (let i = 0; i < 6; i++) orders.push(await placeOrder(ctx.api, world, [{ sku: product.sku, quantity: 1 }]));
    const a = await startAutomation(ctx.db, { ...engine, pollMs: 100 });
    const b = await startAutomation(ctx.db, { ...engine, pollMs: 100 });
    try {
      await until('a timer for each order', async () => (await timersOf(rule.id, 'pending')).length === orders.length);
      expect(await runsOf(rule.id)).toEqual([]);
      // All due at once: both workers go for them.
      clock.set(Math.max(...(await timersOf(rule.id, 'pending')).map((t) => Date.parse(t.dueAt))));
      await until('every timer fired', async () => (await runsOf(rule.id)).length >= orders.length);
    } finally {
      // Stopped, both have finished what they were firing: the counts below are final.
      await Promise.all([a.stop(), b.stop()]);
    }
    const runs = await runsOf(rule.id);
    expect(runs.map((r) => r.entityId).sort()).toEqual(orders.map((o) => String(o.id)).sort());
    const tasks = await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM tasks WHERE source = $1`, [`rule:${rule.id}`]);
    expect(tasks.rows[0]!.n).toBe(orders.length);
  });

  it('fires a date trigger when the promised ship date has passed without shipping, and not once shipped', async () => {
    const rule = await ok(
      ctx.api.post('/api/v1/rules', {
        name: 'Promised date passed',
        trigger: { type: 'date', entityType: 'order', field: 'promisedShipDate', unless: ['order.shipped', 'order.cancelled'] },
        actions: [{ type: 'create_task', title: '{{ order.number }} missed {{ order.promisedShipDate }}', team: 'warehouse', priority: 'urgent' }],
      }),
    );
    const missed = await placeOrder(ctx.api, world, [{ sku: product.sku, quantity: 1 }]);
    const shipped = await placeOrder(ctx.api, world, [{ sku: product.sku, quantity: 1 }]);
    await fulfil(ctx.api, shipped.id, `DATE${shipped.id}TRK`);
    await run();
    const timers = (await ctx.api.get(`/api/v1/rule-timers?ruleId=${rule.id}`)).body.items;
    const missedTimer = timers.find((t: any) => t.entityId === String(missed.id));
    expect(missedTimer.status).toBe('pending');
    expect(timers.find((t: any) => t.entityId === String(shipped.id) && t.status === 'pending')).toBeUndefined();
    // The end of the promised day in Shanghai (UTC+8) is 16:00 UTC of that day.
    expect(missedTimer.dueAt).toBe(`${missed.promisedShipDate}T16:00:00.000Z`);

    // Time passes (the date moves into the past), and the next event for the order re-arms the timer.
    await ctx.db.query(`UPDATE orders SET promised_ship_date = current_date - 2 WHERE id = $1`, [missed.id]);
    await ok(ctx.api.post(`/api/v1/orders/${missed.id}/priority`, { priority: 1 }), 200);
    await run();
    const runs = await runsOf(rule.id);
    expect(runs.map((r) => [r.entityId, r.outcome])).toEqual([[String(missed.id), 'succeeded']]);
    // More events for the order do not fire it again for the same date.
    await ok(ctx.api.post(`/api/v1/orders/${missed.id}/priority`, { priority: 2 }), 200);
    await run();
    expect(await runsOf(rule.id)).toHaveLength(1);
  });
});

describe('dry run', () => {
  it('tests a draft rule against recent events without acting or logging', async () => {
    const before = await ctx.db.query<{ runs: number; tasks: number; events: number }>(
      `SELECT (SELECT count(*)::int FROM rule_runs) AS runs, (SELECT count(*)::int FROM tasks) AS tasks, (SELECT count(*)::int FROM events) AS events`,
    );
    const res = await ctx.api.post('/api/v1/rules/dry-run', {
      limit: 20,
      rule: {
        name: 'draft',
        trigger: { type: 'event', events: ['order.confirmed'] },
        condition: { '>=': [{ var: 'order.priority' }, 9] },
        actions: [
          { type: 'create_task', title: 'VIP {{ order.number }}', team: 'customer_service' },
          { type: 'add_customer_tag', tag: 'dry' },
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.tested).toBeGreaterThan(3);
    expect(res.body.matched).toBe(1);
    const hit = res.body.items.find((i: any) => i.matched);
    expect(hit.actions).toEqual([
      { type: 'create_task', status: 'would_run', detail: expect.stringContaining('VIP ') },
      { type: 'add_customer_tag', status: 'would_run', detail: expect.stringContaining('dry') },
    ]);
    const after = await ctx.db.query(`SELECT (SELECT count(*)::int FROM rule_runs) AS runs, (SELECT count(*)::int FROM tasks) AS tasks, (SELECT count(*)::int FROM events) AS events`);
    expect(after.rows[0]).toEqual(before.rows[0]);
    const timer = await ctx.api.post('/api/v1/rules/dry-run', {
      rule: { name: 't', trigger: { type: 'timer', start: ['order.confirmed'], after: { hours: 1 }, unless: ['order.shipped'] }, actions: [{ type: 'add_customer_tag', tag: 'x' }] },
    });
    expect(timer.status).toBe(200);
    expect(timer.body.items.some((i: any) => i.stoppedBy !== null && !i.matched)).toBe(true);
    expect(timer.body.items.some((i: any) => i.stoppedBy === null && i.matched)).toBe(true);
  });
});

describe('built-in rules', () => {
  afterAll(async () => {
    for (const r of (await ctx.api.get('/api/v1/rules?limit=200')).body.items.filter((x: any) => x.builtin)) {
      await ctx.api.patch(`/api/v1/rules/${r.id}`, { enabled: false });
    }
  });

  it('are seeded, editable, and tell the customer and the teams what happened', async () => {
    const all = (await ctx.api.get('/api/v1/rules?limit=200')).body.items.filter((r: any) => r.builtin);
    expect(all.map((r: any) => r.key)).toEqual(
      expect.arrayContaining([
        'builtin.order-confirmed-notice',
        'builtin.order-shipped-notice',
        'builtin.pick-sla',
        'builtin.short-pick',
        'builtin.stock-out',
        'builtin.stock-low',
        'builtin.delivery-failed',
        'builtin.promised-date-missed',
      ]),
    );
    for (const r of all) await ok(ctx.api.patch(`/api/v1/rules/${r.id}`, { enabled: true }), 200);
    await run(); // events from before they were enabled are history to them as well

    const scarce = await createProduct(ctx.api);
    await receive(ctx.api, world, { sku: scarce.sku, quantity: 3 });
    await ok(ctx.api.put(`/api/v1/stock/safety-stock`, { sku: scarce.sku, warehouseId: world.warehouseId, quantity: 2 }), 200);
    const confirmed = await placeOrder(ctx.api, world, [{ sku: scarce.sku, quantity: 2 }]);
    const backordered = await placeOrder(ctx.api, world, [{ sku: scarce.sku, quantity: 5 }]);
    await fulfil(ctx.api, confirmed.id, `BUILTIN${confirmed.id}`);
    await run();

    const notices = await ctx.api.get(`/api/v1/notifications?customerId=${world.customerId}&limit=200`);
    const keys = (orderId: number) => notices.body.items.filter((d: any) => d.entityId === String(orderId)).map((d: any) => `${d.templateKey}/${d.channel}`).sort();
    expect(keys(confirmed.id)).toEqual(['order.confirmed/email', 'order.confirmed/in_app', 'order.shipped/email', 'order.shipped/in_app']);
    expect(keys(backordered.id)).toEqual(['order.backordered/email', 'order.backordered/in_app']);
    const tasks = await ctx.api.get(`/api/v1/tasks?team=customer_service&limit=200`);
    expect(tasks.body.items.some((t: any) => t.entityId === String(backordered.id) && t.title.includes(backordered.number))).toBe(true);
    // Placing the first order took available stock below the safety level: purchasing is asked to reorder.
    const purchasing = await ctx.api.get(`/api/v1/tasks?team=purchasing&limit=200`);
    expect(purchasing.body.items.map((t: any) => t.title)).toEqual([expect.stringContaining(`Reorder ${scarce.sku}`)]);
    // The pick SLA is the built-in timer's delay: shorten it, and a late order gets a task and a notice.
    const sla = all.find((r: any) => r.key === 'builtin.pick-sla');
    await ok(ctx.api.patch(`/api/v1/rules/${sla.id}`, { trigger: { ...sla.trigger, after: { seconds: 1 } } }), 200);
    clock.set(Date.now());
    const slow = await placeOrder(ctx.api, world, [{ sku: product.sku, quantity: 1 }]);
    await run();
    expect(await runsOf(sla.id)).toEqual([]); // the second has not passed yet
    const [slaTimer] = await timersOf(sla.id, 'pending');
    expect(slaTimer.entityId).toBe(String(slow.id));
    clock.set(slaTimer.dueAt); // a second later
    await run();
    clock.resume();
    const slaRuns = (await ctx.api.get(`/api/v1/rules/${sla.id}/runs`)).body.items;
    expect(slaRuns.map((r: any) => [r.entityId, r.outcome])).toEqual([[String(slow.id), 'succeeded']]);
    const delayed = (await ctx.api.get(`/api/v1/notifications?customerId=${world.customerId}&limit=200`)).body.items.filter((d: any) => d.templateKey === 'order.delayed');
    expect(delayed.map((d: any) => d.entityId)).toEqual([String(slow.id), String(slow.id)]);
    expect(delayed.find((d: any) => d.channel === 'in_app').body).toContain(slow.number);

    // The runs say which rule did what for which event.
    const builtinIds = new Set(all.map((r: any) => r.id));
    const runs = (await ctx.api.get(`/api/v1/rule-runs?entityType=order&entityId=${confirmed.id}`)).body.items.filter((r: any) => builtinIds.has(r.ruleId));
    expect(runs.map((r: any) => r.outcome)).toEqual(['succeeded', 'succeeded']);
  });
});
