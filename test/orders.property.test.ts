/**
 * Random sequences of receive / move / adjust / order / cancel / intercept / pick / ship /
 * deliver / resume through the HTTP API. A step may be refused (4xx), never a 5xx; after every
 * step the doctor is healthy (ledger == levels, reserved ≤ on hand, balances == stock,
 * reservations == what orders hold), and every order holds exactly what its status says.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { isHealthy, runDoctor } from '../src/modules/inventory/doctor.js';
import { useTestContext } from './support/context.js';
import { createProduct, createWorld, pickAll, type Product, type World } from './orders.fixtures.js';

const ctx = await useTestContext();
let world: World;
let products: Product[];

beforeAll(async () => {
  world = await createWorld(ctx.api);
  products = [await createProduct(ctx.api), await createProduct(ctx.api)];
});

const product = fc.integer({ min: 0, max: 1 });
const bin = fc.constantFrom('A-01', 'A-02', 'B-01');
const which = fc.nat({ max: 1000 });
const Op = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('receive' as const), product, at: bin, qty: fc.integer({ min: 1, max: 8 }) }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('move' as const), product, from: bin, to: bin, qty: fc.integer({ min: 1, max: 4 }) }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('adjust' as const), product, at: bin, delta: fc.integer({ min: -4, max: 3 }).filter((d) => d !== 0) }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('order' as const), a: fc.integer({ min: 0, max: 4 }), b: fc.integer({ min: 0, max: 3 }) }), weight: 4 },
  { arbitrary: fc.record({ op: fc.constant('cancel' as const), which }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('intercept' as const), which }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('resume' as const), which }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('pick' as const), which }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('ship' as const), which }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('deliver' as const), which }), weight: 1 },
);
type Step = typeof Op extends fc.Arbitrary<infer T> ? T : never;

// What each status means for the order's hold on stock.
const HOLDS_ALL = new Set(['confirmed', 'picking', 'picked', 'packed']);
const HOLDS_NONE = new Set(['backordered', 'cancelled', 'shipped', 'delivered']);

async function run(step: Step, orders: number[]) {
  const api = ctx.api;
  const pickOrder = (n: number) => (orders.length ? orders[n % orders.length]! : 0);
  const p = products['product' in step ? step.product : 0]!;
  switch (step.op) {
    case 'receive':
      return api.post('/api/v1/stock/receipts', { sku: p.sku, warehouseId: world.warehouseId, locationCode: step.at, quantity: step.qty });
    case 'move':
      return api.post('/api/v1/stock/moves', { sku: p.sku, warehouseId: world.warehouseId, fromLocationCode: step.from, toLocationCode: step.to, quantity: step.qty });
    case 'adjust':
      return api.post('/api/v1/stock/adjustments', { sku: p.sku, warehouseId: world.warehouseId, locationCode: step.at, delta: step.delta, reason: 'count' });
    case 'order': {
      const lines = [
        ...(step.a ? [{ sku: products[0]!.sku, quantity: step.a }] : []),
        ...(step.b ? [{ sku: products[1]!.sku, quantity: step.b }] : []),
      ];
      if (!lines.length) return { status: 204, body: null };
      const res = await api.post('/api/v1/orders', { customerId: world.customerId, warehouseId: world.warehouseId, lines });
      if (res.status === 201) orders.push(res.body.id);
      return res;
    }
    case 'cancel':
      return api.post(`/api/v1/orders/${pickOrder(step.which)}/cancel`, { reason: 'customer asked' });
    case 'intercept':
      return api.post(`/api/v1/orders/${pickOrder(step.which)}/intercept`, { reason: 'customer asked' });
    case 'resume':
      return api.post(`/api/v1/orders/${pickOrder(step.which)}/resume`, {});
    case 'pick': {
      const id = pickOrder(step.which);
      const res = await api.post(`/api/v1/orders/${id}/pick-list`, {});
      if (res.status !== 200) return res;
      try {
        return { status: 200, body: await pickAll(api, id) };
      } catch (err) {
        return { status: 409, body: String(err) };
      }
    }
    case 'ship': {
      const id = pickOrder(step.which);
      let order = (await api.get(`/api/v1/orders/${id}`)).body;
      if (order?.status === 'confirmed' || order?.status === 'picking') {
        // Walk it through the floor first: pick list, every pick, then pack and ship below.
        if (order.status === 'confirmed') await api.post(`/api/v1/orders/${id}/pick-list`, {});
        await pickAll(api, id).catch(() => undefined);
        order = (await api.get(`/api/v1/orders/${id}`)).body;
      }
      if (order?.status !== 'picked') return api.post(`/api/v1/orders/${id}/ship`, { trackingNumber: `T${id}` });
      const packed = await api.post(`/api/v1/orders/${id}/pack`, { scans: order.lines.filter((l: any) => l.picked > 0).map((l: any) => ({ code: l.sku, quantity: l.picked })) });
      if (packed.status !== 200) return packed;
      return api.post(`/api/v1/orders/${id}/ship`, { trackingNumber: `T${id}` });
    }
    case 'deliver':
      return api.post(`/api/v1/orders/${pickOrder(step.which)}/deliver`, {});
  }
  throw new Error(`unknown step ${JSON.stringify(step)}`);
}

async function checkInvariants(orders: number[]) {
  const report = await runDoctor(ctx.db);
  expect(report.checks.filter((c) => !c.ok), JSON.stringify(report)).toEqual([]);
  expect(isHealthy(report)).toBe(true);
  const { rows } = await ctx.db.query<{ status: string; held: number; ordered: number; shipped: number }>(
    `SELECT o.status, coalesce(sum(r.quantity), 0)::bigint AS held,
            (SELECT sum(quantity) FROM order_lines WHERE order_id = o.id)::bigint AS ordered,
            coalesce((SELECT sum(shipped_quantity) FROM order_lines WHERE order_id = o.id), 0)::bigint AS shipped
       FROM orders o
       LEFT JOIN order_lines l ON l.order_id = o.id
       LEFT JOIN order_line_reservations olr ON olr.order_line_id = l.id
       LEFT JOIN reservations r ON r.id = olr.reservation_id
      WHERE o.id = ANY($1::bigint[]) GROUP BY o.id, o.status`,
    [orders],
  );
  for (const o of rows) {
    if (HOLDS_NONE.has(o.status)) expect(o.held, `a ${o.status} order holds no stock`).toBe(0);
    if (HOLDS_ALL.has(o.status)) expect(o.held, `a ${o.status} order holds what it ordered`).toBe(o.ordered);
    if (o.status === 'shipped' || o.status === 'delivered') expect(o.shipped).toBeGreaterThan(0);
  }
}

describe('orders and stock under random operations', () => {
  it('keep every invariant after every step', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(Op, { minLength: 5, maxLength: 30 }), async (steps) => {
        const orders: number[] = [];
        for (const step of steps) {
          const res = await run(step, orders);
          expect(res.status, `${JSON.stringify(step)} → ${JSON.stringify(res.body)}`).toBeLessThan(500);
          await checkInvariants(orders);
        }
      }),
      {
        numRuns: 15,
        // One fixed tour first, so every kind of step below happens whatever the random draws are.
        examples: [
          [
            [
              { op: 'receive', product: 0, at: 'A-01', qty: 8 },
              { op: 'receive', product: 1, at: 'A-02', qty: 8 },
              { op: 'order', a: 2, b: 1 },
              { op: 'order', a: 4, b: 0 },
              { op: 'order', a: 4, b: 0 },
              { op: 'cancel', which: 1 },
              { op: 'intercept', which: 2 },
              { op: 'ship', which: 0 },
            ] as Step[],
          ],
        ],
      },
    );
    // The runs really went everywhere: each of these happened to some order at least once.
    const { rows } = await ctx.db.query<{ type: string }>(`SELECT DISTINCT type FROM events WHERE entity_type = 'order'`);
    const seen = new Set(rows.map((r) => r.type));
    for (const t of ['order.confirmed', 'order.backordered', 'order.cancelled', 'order.exception', 'order.shipped']) expect(seen, `no ${t}`).toContain(t);
  }, 600_000); // a hang guard, not a speed limit: minutes on a busy two-core machine
});
