/**
 * A world for after-sales tests, built through the API on top of the order fixtures: the
 * warehouse also has a returns location (RET) and a quarantine location (QUAR, where items wait
 * for repair), and `shippedOrder` sells products to the customer and ships them.
 */
import { expect } from 'vitest';
import { listLedger, listStockLevels } from '../src/modules/inventory/stock.service.js';
import { createWorld, fulfil, ok, receive, type World } from './orders.fixtures.js';
import type { Api, TestContext } from './support/context.js';

let seq = 0;

export type Sold = { id: number; sku: string; barcode: string; unitPrice: number };
export type ShippedOrder = { world: World; order: any; products: Sold[] };

export async function createReturnsWorld(api: Api): Promise<World> {
  const world = await createWorld(api);
  for (const [code, type] of [
    ['RET', 'returns'],
    ['QUAR', 'quarantine'],
  ] as const) {
    const loc = await ok(api.post(`/api/v1/warehouses/${world.warehouseId}/locations`, { code, level: 'bin', type }));
    world.locations[code] = loc.id;
  }
  return world;
}

export async function product(api: Api, unitPrice: number, category?: string): Promise<Sold> {
  const sku = `RT-${process.pid % 1000}-${++seq}`;
  const barcode = `77${String(Date.now()).slice(-8)}${String(seq).padStart(3, '0')}`;
  const p = await ok(api.post('/api/v1/products', { sku, name: `Returnable ${sku}`, unitPrice, barcodes: [barcode], ...(category ? { category } : {}) }));
  return { id: p.id, sku, barcode, unitPrice };
}

/** An order of these products (quantity each) placed, picked, packed and shipped. */
export async function shippedOrder(api: Api, lines: Array<{ price: number; quantity: number; category?: string }>, world?: World): Promise<ShippedOrder> {
  const w = world ?? (await createReturnsWorld(api));
  const products: Sold[] = [];
  for (const l of lines) {
    const p = await product(api, l.price, l.category);
    await receive(api, w, { sku: p.sku, quantity: l.quantity + 5, locationCode: 'A-01' });
    products.push(p);
  }
  const order = await ok(api.post('/api/v1/orders', { customerId: w.customerId, channel: 'web', warehouseId: w.warehouseId, lines: products.map((p, i) => ({ sku: p.sku, quantity: lines[i]!.quantity })) }));
  expect(order.status).toBe('confirmed');
  await fulfil(api, order.id, `TRK${Date.now()}${++seq}`);
  return { world: w, order: await ok(api.get(`/api/v1/orders/${order.id}`), 200), products };
}

/** Stock of a product in a warehouse by (location code, status, owner, lot) → on hand. */
export async function stockOf(ctx: TestContext, productId: number, warehouseId: number): Promise<Record<string, number>> {
  const levels = await listStockLevels(ctx.db, { productIds: [productId], warehouseId, limit: 100 });
  return Object.fromEntries(levels.map((l) => [`${l.locationCode}/${l.status}/${l.ownerId}${l.lot ? `/${l.lot}` : ''}`, l.onHand]));
}

export async function ledgerOf(ctx: TestContext, reference: string) {
  return (await listLedger(ctx.db, { reference, limit: 100 })).reverse();
}

export async function returnEvents(api: Api, id: number): Promise<Array<{ type: string; customerId: number | null; payload: any; actor: string }>> {
  const res = await api.get(`/api/v1/returns/${id}/events?limit=200`);
  expect(res.status).toBe(200);
  return [...res.body.items].reverse();
}

/** Every checklist item of the default checklist, passed. */
export const FULL_CHECKLIST = ['packaging', 'accessories', 'appearance', 'function'].map((item) => ({ item, passed: true }));

export { ok };
