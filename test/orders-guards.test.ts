/** The order API's guards: illegal transitions, bad input, idempotency, permissions. */
import { describe, expect, it } from 'vitest';
import { useTestContext } from './support/context.js';
import { balance, createProduct, createWorld, fulfil, ok, placeOrder, receive } from './orders.fixtures.js';

const ctx = await useTestContext();
const api = ctx.api;

describe('guards and input', () => {
  it('answers every illegal transition with a 409 naming the current state', async () => {
    const world = await createWorld(api);
    const p = await createProduct(api);
    await receive(api, world, { sku: p.sku, quantity: 1 });
    const order = await placeOrder(api, world, [{ sku: p.sku, quantity: 1 }]);
    const url = (a: string) => `/api/v1/orders/${order.id}/${a}`;
    const attempts: Array<[string, unknown, string]> = [
      ['pack', { scans: [{ code: p.sku, quantity: 1 }] }, 'cannot pack an order that is confirmed'],
      ['ship', { trackingNumber: 'X1' }, 'cannot ship an order that is confirmed'],
      ['deliver', undefined, 'cannot deliver an order that is confirmed'],
      ['resume', undefined, 'cannot resume an order that is confirmed'],
      ['confirm', undefined, 'cannot confirm an order that is confirmed'],
      ['picks', { locationCode: 'A-01', code: p.sku, quantity: 1 }, 'cannot record a pick for an order that is confirmed'],
    ];
    for (const [action, body, detail] of attempts) {
      const res = await api.post(url(action), body);
      expect(res.status, action).toBe(409);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toMatchObject({ currentState: 'confirmed', detail });
    }
    await fulfil(api, order.id, `G-${order.id}`);
    for (const [action, body] of [['cancel', { reason: 'x' }], ['intercept', { reason: 'x' }], ['pick-list', undefined], ['ship', { trackingNumber: 'X2' }]] as const) {
      const res = await api.post(url(action), body);
      expect(res.status, action).toBe(409);
      expect(res.body.currentState).toBe('shipped');
    }
    expect((await api.post(url('deliver'))).body.status).toBe('delivered');
    const late = await api.post(url('deliver'));
    expect(late.status).toBe(409);
    expect(late.body.currentState).toBe('delivered');
    expect((await api.post('/api/v1/orders/999999/cancel', { reason: 'x' })).status).toBe(404);
    expect((await api.get('/api/v1/orders/999999')).status).toBe(404);
  });

  it('refuses bad input with a 4xx problem naming the field, and writes nothing', async () => {
    const world = await createWorld(api);
    const noAddress = await createWorld(api, { defaultAddress: false });
    const p = await createProduct(api);
    const inactive = await createProduct(api, { active: false });
    const count = async () => (await ctx.db.query<{ n: number }>(`SELECT (SELECT count(*) FROM orders) + (SELECT count(*) FROM events) AS n`)).rows[0]!.n;
    const before = await count();
    const base = { customerId: world.customerId, warehouseId: world.warehouseId, lines: [{ sku: p.sku, quantity: 1 }] };
    const cases: Array<[unknown, number, string]> = [
      [{ ...base, lines: [] }, 400, 'body.lines'],
      [{ ...base, lines: [{ sku: p.sku, quantity: 0 }] }, 400, 'body.lines.0.quantity'],
      [{ ...base, lines: [{ sku: p.sku, quantity: 1_000_001 }] }, 400, 'body.lines.0.quantity'],
      [{ ...base, lines: [{ sku: p.sku, quantity: 1.5 }] }, 400, 'body.lines.0.quantity'],
      [{ ...base, lines: [{ sku: 'bad sku', quantity: 1 }] }, 400, 'body.lines.0.sku'],
      [{ ...base, lines: [{ sku: p.sku, quantity: 1, unitPrice: -1 }] }, 400, 'body.lines.0.unitPrice'],
      [{ ...base, lines: [{ sku: p.sku, quantity: 1, unitPrice: 1.234 }] }, 400, 'body.lines.0.unitPrice'],
      [{ ...base, customerId: -1 }, 400, 'body.customerId'],
      [{ ...base, channel: 'carrier-pigeon' }, 400, 'body.channel'],
      [{ ...base, currency: 'yuan' }, 400, 'body.currency'],
      [{ ...base, note: 'x'.repeat(2001) }, 400, 'body.note'],
      [{ ...base, surprise: true }, 400, 'body'],
      [{ ...base, shipTo: { recipientName: 'A', line1: 'B' }, addressId: 1 }, 400, 'body.addressId'],
      [{ ...base, shipTo: { recipientName: '', line1: 'B' } }, 400, 'body.shipTo.recipientName'],
      [{ ...base, shipTo: { recipientName: 'A', line1: 'B', country: 'China' } }, 400, 'body.shipTo.country'],
      [{ ...base, lines: [{ sku: 'NO-SUCH-SKU', quantity: 1 }] }, 422, 'lines.0.sku'],
      [{ ...base, lines: [{ sku: p.sku, quantity: 1 }, { sku: inactive.sku, quantity: 1 }] }, 422, 'lines.1.sku'],
      [{ ...base, lines: [{ sku: p.sku, quantity: 1 }, { sku: p.sku, quantity: 2 }] }, 422, 'lines.1.sku'],
      [{ ...base, customerId: 99_999_999 }, 422, 'customerId'],
      [{ ...base, customerId: noAddress.customerId }, 422, 'shipTo'],
      [{ ...base, addressId: 99_999_999 }, 422, 'addressId'],
      [{ ...base, warehouseId: 99_999_999 }, 422, 'warehouseId'],
    ];
    for (const [body, status, field] of cases) {
      const res = await api.post('/api/v1/orders', body);
      expect([res.status, res.body.field], JSON.stringify(body).slice(0, 120)).toEqual([status, field]);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect(await count()).toBe(before);

    const order = await placeOrder(api, world, [{ sku: p.sku, quantity: 1 }]);
    const badPick = await api.post(`/api/v1/orders/${order.id}/picks`, { locationCode: 'A 01', code: p.sku, quantity: 1 });
    expect([badPick.status, badPick.body.field]).toEqual([400, 'body.locationCode']);
    const badPack = await api.post(`/api/v1/orders/${order.id}/pack`, { scans: [] });
    expect([badPack.status, badPack.body.field]).toEqual([400, 'body.scans']);
    const badId = await api.get('/api/v1/orders/abc');
    expect([badId.status, badId.body.field]).toEqual([400, 'params.id']);
    const badFilter = await api.get('/api/v1/orders?status=lost');
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.field).toMatch(/^querystring\.status/);
  });

  it('creates one order for one Idempotency-Key, however often it is sent', async () => {
    const world = await createWorld(api);
    const p = await createProduct(api);
    await receive(api, world, { sku: p.sku, quantity: 5 });
    const body = { customerId: world.customerId, warehouseId: world.warehouseId, lines: [{ sku: p.sku, quantity: 2 }] };
    const headers = { 'idempotency-key': `order-${p.sku}` };
    const [a, b] = await Promise.all([api.post('/api/v1/orders', body, { headers }), api.post('/api/v1/orders', body, { headers })]);
    const c = await api.post('/api/v1/orders', body, { headers });
    expect([a.status, b.status, c.status]).toEqual([201, 201, 201]);
    expect(new Set([a.body.id, b.body.id, c.body.id]).size).toBe(1);
    expect(c.headers['idempotent-replayed']).toBe('true');
    const orders = await ctx.db.query('SELECT id FROM orders WHERE customer_id = $1', [world.customerId]);
    expect(orders.rowCount).toBe(1);
    expect(await balance(ctx, p.id, world.warehouseId)).toMatchObject({ reserved: 2 });
    const other = await api.post('/api/v1/orders', { ...body, lines: [{ sku: p.sku, quantity: 3 }] }, { headers });
    expect(other.status).toBe(422);
  });

  it('refuses a second order with the same channel reference', async () => {
    const world = await createWorld(api);
    const p = await createProduct(api);
    const first = await placeOrder(api, world, [{ sku: p.sku, quantity: 1 }], { channel: 'jd', externalRef: `JD-${p.sku}` });
    const dup = await api.post('/api/v1/orders', { customerId: world.customerId, channel: 'jd', externalRef: `JD-${p.sku}`, lines: [{ sku: p.sku, quantity: 1 }] });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ field: 'externalRef', number: first.number });
  });

  it('checks permissions: customer service places orders, the warehouse fulfils them', async () => {
    const world = await createWorld(api);
    const p = await createProduct(api);
    await receive(api, world, { sku: p.sku, quantity: 1 });
    const service = api.as(await ctx.keyFor('customer_service'));
    const operator = api.as(await ctx.keyFor('warehouse_operator'));
    const body = { customerId: world.customerId, lines: [{ sku: p.sku, quantity: 1 }] };
    const denied = await operator.post('/api/v1/orders', body);
    expect([denied.status, denied.body.permission]).toEqual([403, 'orders.write']);
    const order = await ok(service.post('/api/v1/orders', body));
    const noPick = await service.post(`/api/v1/orders/${order.id}/pick-list`);
    expect([noPick.status, noPick.body.permission]).toEqual([403, 'orders.fulfil']);
    expect((await operator.post(`/api/v1/orders/${order.id}/pick-list`)).status).toBe(200);
    expect((await operator.post(`/api/v1/orders/${order.id}/cancel`, { reason: 'x' })).status).toBe(403);
    expect((await operator.get(`/api/v1/orders/${order.id}`)).status).toBe(200);
    expect((await api.as(undefined).get(`/api/v1/orders/${order.id}`)).status).toBe(401);
  });
});

