/**
 * A small world for the order and shipping tests, built through the API: a warehouse with a
 * shipping dock and bins in walking order, products with barcodes, a customer with a default
 * address, and stock receipts.
 */
import { expect } from 'vitest';
import { getBalance } from '../src/modules/inventory/stock.service.js';
import type { Api, TestContext } from './support/context.js';

let seq = 0;
const unique = (prefix: string) => `${prefix}${process.pid % 1000}${++seq}`;

export type World = {
  warehouseId: number;
  warehouseCode: string;
  customerId: number;
  /** Bins by code: B-01 (picking, first in the walk), A-01, A-02 (storage), plus SHIP and RECV. */
  locations: Record<string, number>;
};

async function ok<T = any>(res: Promise<{ status: number; body: T }>, status = 201): Promise<T> {
  const r = await res;
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body;
}

export async function createWorld(api: Api, opts: { defaultAddress?: boolean } = {}): Promise<World> {
  const code = unique('WH');
  const warehouse = await ok(api.post('/api/v1/warehouses', { code, name: `Warehouse ${code}` }));
  const locations: Record<string, number> = {};
  const bins: Array<[string, string, number]> = [
    ['B-01', 'picking', 5],
    ['A-01', 'storage', 10],
    ['A-02', 'storage', 20],
    ['SHIP', 'shipping', 100],
    ['RECV', 'receiving', 200],
  ];
  for (const [c, type, pickSequence] of bins) {
    const loc = await ok(api.post(`/api/v1/warehouses/${warehouse.id}/locations`, { code: c, level: 'bin', type, pickSequence }));
    locations[c] = loc.id;
  }
  const customer = await ok(
    api.post('/api/v1/customers', {
      name: 'Li Wei',
      phone: '+86 138 0000 0000',
      email: 'li.wei@example.com',
      ...(opts.defaultAddress === false
        ? {}
        : { addresses: [{ recipientName: 'Li Wei', phone: '13800000000', country: 'CN', province: '上海市', city: '上海市', district: '浦东新区', line1: '世纪大道 100 号', postalCode: '200120' }] }),
    }),
  );
  return { warehouseId: warehouse.id, warehouseCode: code, customerId: customer.id, locations };
}

export type Product = { id: number; sku: string; barcode: string; name: string };

export async function createProduct(api: Api, opts: { unitPrice?: number; active?: boolean } = {}): Promise<Product> {
  const sku = unique('SKU-');
  const barcode = `69${String(Date.now()).slice(-8)}${String(++seq).padStart(3, '0')}`;
  const p = await ok(api.post('/api/v1/products', { sku, name: `Product ${sku}`, unitPrice: opts.unitPrice ?? 12.5, barcodes: [barcode], active: opts.active ?? true }));
  return { id: p.id, sku, barcode, name: p.name };
}

export async function receive(
  api: Api,
  world: World,
  r: { sku: string; quantity: number; locationCode?: string; lot?: string; expiresOn?: string },
) {
  return ok(api.post('/api/v1/stock/receipts', { sku: r.sku, warehouseId: world.warehouseId, locationCode: r.locationCode ?? 'A-01', quantity: r.quantity, lot: r.lot, expiresOn: r.expiresOn }));
}

export async function placeOrder(api: Api, world: World, lines: Array<{ sku: string; quantity: number }>, extra: Record<string, unknown> = {}) {
  return ok(api.post('/api/v1/orders', { customerId: world.customerId, channel: 'web', warehouseId: world.warehouseId, lines, ...extra }));
}

export async function balance(ctx: TestContext, productId: number, warehouseId: number) {
  return getBalance(ctx.db, productId, warehouseId);
}

export async function orderEvents(api: Api, orderId: number): Promise<Array<{ id: number; type: string; payload: any; customerId: number | null; actor: string }>> {
  const res = await api.get(`/api/v1/orders/${orderId}/events?limit=200`);
  expect(res.status).toBe(200);
  return [...res.body.items].reverse();
}

/** Every status of the order's pick list picked in full, in walking order. */
export async function pickAll(api: Api, orderId: number) {
  const list = await ok(api.get(`/api/v1/orders/${orderId}/pick-list`), 200);
  let last: any;
  for (const item of list.items.filter((i: any) => i.status === 'open')) {
    last = await ok(api.post(`/api/v1/orders/${orderId}/picks`, { locationCode: item.locationCode, code: item.sku, quantity: item.quantity, lot: item.lot }), 200);
  }
  return last;
}

/** Confirmed order → picked → packed → shipped with the manual carrier. */
export async function fulfil(api: Api, orderId: number, trackingNumber: string) {
  await ok(api.post(`/api/v1/orders/${orderId}/pick-list`), 200);
  await pickAll(api, orderId);
  const order = await ok(api.get(`/api/v1/orders/${orderId}`), 200);
  await ok(api.post(`/api/v1/orders/${orderId}/pack`, { scans: order.lines.map((l: any) => ({ code: l.sku, quantity: l.picked })) }), 200);
  return ok(api.post(`/api/v1/orders/${orderId}/ship`, { carrier: 'manual', trackingNumber }), 200);
}

export { ok };
