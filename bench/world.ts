/** The benchmark's world: one warehouse, products with plenty of stock, customers with addresses. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from '../src/platform/db/client.js';
import { createProduct } from '../src/modules/catalog/catalog.service.js';
import { createCustomer } from '../src/modules/customers/customers.service.js';
import { receiveStock } from '../src/modules/inventory/stock.service.js';
import { createLocation, createWarehouse } from '../src/modules/inventory/warehouses.service.js';
import type { NewOrder } from '../src/modules/orders/orders.schema.js';

export type World = { skus: string[]; customerIds: number[]; warehouseId: number };

type Sample = { category: string; weightG: number; lengthMm: number; widthMm: number; heightMm: number };
const SAMPLE: Sample[] = JSON.parse(readFileSync(fileURLToPath(new URL('../src/seed/olist-sample.json', import.meta.url)), 'utf8'));

const PRODUCTS = 20;
const CUSTOMERS = 50;

export async function setUpWorld(db: Db, orders: number): Promise<World> {
  return db.transaction(async (tx) => {
    const w = await createWarehouse(tx, 'system', { code: 'BENCH', name: 'Bench DC' });
    await createLocation(tx, 'system', w.id, { code: 'SHIP', level: 'zone', type: 'shipping' });
    const bin = await createLocation(tx, 'system', w.id, { code: 'A-01', level: 'bin', type: 'storage' });
    const skus: string[] = [];
    for (let i = 0; i < PRODUCTS; i++) {
      const s = SAMPLE[i % SAMPLE.length]!;
      const sku = `BENCH-${String(i + 1).padStart(3, '0')}`;
      const p = await createProduct(tx, 'system', {
        sku,
        name: `${s.category} ${i + 1}`,
        category: s.category,
        unitPrice: 10 + i,
        weightG: s.weightG,
        lengthMm: s.lengthMm,
        widthMm: s.widthMm,
        heightMm: s.heightMm,
      } as Parameters<typeof createProduct>[2]);
      // Every order takes up to 3 units of 2 SKUs: enough stock that none backorders.
      await receiveStock(tx, 'system', { productId: p.id, locationId: bin.id, quantity: orders * 3 });
      skus.push(sku);
    }
    const customerIds: number[] = [];
    for (let i = 0; i < CUSTOMERS; i++) {
      const c = await createCustomer(tx, 'system', {
        name: `Bench customer ${i + 1}`,
        phone: `1380000${String(i).padStart(4, '0')}`,
        addresses: [{ recipientName: `Customer ${i + 1}`, phone: '13800000000', country: 'CN', province: '上海市', city: '上海市', district: '浦东新区', line1: `世纪大道 ${i + 1} 号` }],
      } as Parameters<typeof createCustomer>[2]);
      customerIds.push(c.id);
    }
    return { skus, customerIds, warehouseId: w.id };
  });
}

/** Order i: two SKUs, one to three units each, for one of the customers. */
export function orderBody(world: World, i: number): NewOrder {
  const a = world.skus[i % world.skus.length]!;
  const b = world.skus[(i * 7 + 3) % world.skus.length]!;
  const lines = [{ sku: a, quantity: 1 + (i % 3) }];
  if (b !== a) lines.push({ sku: b, quantity: 1 });
  return { customerId: world.customerIds[i % world.customerIds.length]!, channel: 'web', currency: 'CNY', lines } as NewOrder;
}
