/**
 * The demo seed on a fresh database: the world it builds through the API (warehouses, products,
 * customers, stock, orders in every status), invariants intact, and the demo users signing in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { isHealthy, runDoctor } from '../src/modules/inventory/doctor.js';
import { SESSION_COOKIE } from '../src/platform/auth/routes.js';
import type { Db } from '../src/platform/db/client.js';
import type { App } from '../src/platform/http/app.js';
import { Conflict } from '../src/platform/http/errors.js';
import { seedDemo } from '../src/seed/demo.js';
import { buildApp } from '../src/server.js';
import { freshDatabase } from './support/context.js';

const STATUSES = ['confirmed', 'backordered', 'picking', 'picked', 'packed', 'shipped', 'delivered', 'cancelled', 'exception'] as const;

let db: Db;
let drop: () => Promise<void>;
let app: App;
let logins: Array<{ email: string; password: string; role: string }>;
let session: string;

/** A GET as the demo admin, signed in with the session cookie. */
async function get<T = any>(url: string): Promise<T> {
  const res = await app.inject({ method: 'GET', url, cookies: { [SESSION_COOKIE]: session } });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json() as T;
}

async function signIn(email: string, password: string) {
  return app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
}

async function count(sql: string): Promise<number> {
  return (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`)).rows[0]!.n;
}

beforeAll(async () => {
  ({ db, drop } = await freshDatabase());
  ({ logins } = await seedDemo(db));
  app = await buildApp({ db, config: { ...loadConfig({}), logLevel: 'silent' }, logger: false });
  const admin = logins.find((l) => l.role === 'admin')!;
  const res = await signIn(admin.email, admin.password);
  expect(res.statusCode).toBe(200);
  session = res.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
}, 120_000);

afterAll(async () => {
  await app?.close();
  await drop?.();
});

describe('the demo seed', () => {
  it('builds 2 warehouses with bin locations, 50 products with barcodes and 30 customers', async () => {
    const warehouses = await get('/api/v1/warehouses');
    expect(warehouses.items.map((w: any) => w.code)).toEqual(['SH1', 'GZ1']);
    for (const w of warehouses.items) {
      const bins = await get(`/api/v1/warehouses/${w.id}/locations?level=bin&type=storage&limit=200`);
      expect(bins.items.length).toBeGreaterThanOrEqual(40);
      // Stock bins A-… and B-…; SH1 also has the left-luggage shelves LL-….
      expect(bins.items.every((b: any) => (/^[AB]-\d\d-\d\d-\d\d$/.test(b.code) || /^LL-\d\d$/.test(b.code)) && b.capacity > 0)).toBe(true);
      const types = new Set((await get(`/api/v1/warehouses/${w.id}/locations?limit=200`)).items.map((l: any) => l.type));
      expect([...types].sort()).toEqual(['picking', 'quarantine', 'receiving', 'returns', 'shipping', 'storage']);
    }

    expect(await count('products')).toBe(50);
    const products = (await get('/api/v1/products?limit=100')).items;
    expect(products[0]).toMatchObject({ sku: 'WL-0001', name: 'Perfumery 香水 #1', category: 'Perfumery', customFields: { origin: 'BR' } });
    for (const p of products) {
      const ean = p.barcodes.find((b: string) => /^\d{13}$/.test(b));
      expect(ean, p.sku).toBeDefined();
      const sum = [...ean.slice(0, 12)].reduce((n: number, d: string, i: number) => n + Number(d) * (i % 2 ? 3 : 1), 0);
      expect(Number(ean[12]), `${p.sku} ${ean}`).toBe((10 - (sum % 10)) % 10);
      expect(p.unitPrice).toBeGreaterThan(0);
    }
    expect(products.filter((p: any) => p.barcodes.length === 2).length).toBeGreaterThan(0);

    // 30 customers, and a walk-in who left a bag at the left-luggage counter with just a phone number.
    expect(await count('customers')).toBe(31);
    expect(await count(`customers WHERE locale = 'en'`)).toBeGreaterThan(0);
    expect(await count('customer_addresses WHERE is_default')).toBe(30);
    expect((await get('/api/v1/customers?tag=vip')).items.length).toBeGreaterThan(1);
  });

  it('has orders in every status but pending, each through the API', async () => {
    let total = 0;
    for (const status of STATUSES) {
      const { items } = await get(`/api/v1/orders?status=${status}&limit=100`);
      expect(items.length, status).toBeGreaterThanOrEqual(2);
      total += items.length;
    }
    expect(total).toBe(await count('orders'));
    expect(total).toBeGreaterThanOrEqual(35);
    const channels = new Set((await get('/api/v1/orders?limit=100')).items.map((o: any) => o.channel));
    expect([...channels].sort()).toEqual(['jd', 'phone', 'tmall', 'web', 'wechat']);

    const exceptions = (await get('/api/v1/orders?status=exception&limit=100')).items.map((o: any) => o.exceptionReason);
    expect(exceptions.some((r: string) => r.startsWith('short pick'))).toBe(true);
    expect(exceptions.some((r: string) => r.startsWith('intercepted'))).toBe(true);

    // Delivered by the carrier: its tracking events say in transit, then delivered.
    const delivered = (await get('/api/v1/orders?status=delivered&limit=100')).items;
    const tracked = await Promise.all(delivered.map((o: any) => get(`/api/v1/orders/${o.id}`)));
    const byCarrier = tracked.filter((o) => o.shipment.trackingEvents.length > 0);
    expect(byCarrier.length).toBeGreaterThanOrEqual(2);
    for (const o of byCarrier) {
      expect(o.shipment).toMatchObject({ carrier: 'manual', status: 'delivered' });
      expect(o.shipment.trackingEvents.map((e: any) => e.status)).toEqual(['in_transit', 'out_for_delivery', 'delivered']);
    }
  });

  it('has stock with lots and expiry dates, quarantine, safety stock below its level, and an SKU never stocked', async () => {
    const lots = (await get('/api/v1/stock/levels?sku=WL-0001&limit=100')).items.filter((l: any) => l.expiresOn && l.locationCode !== 'SHIP');
    expect(new Set(lots.map((l: any) => l.expiresOn)).size).toBe(2);

    const low = (await get('/api/v1/stock/low')).items;
    expect(low.length).toBeGreaterThanOrEqual(2);
    expect(await count(`events WHERE type = 'stock.low'`)).toBeGreaterThanOrEqual(2);

    const [quarantined] = (await get('/api/v1/stock/availability?sku=WL-0049')).items;
    expect(quarantined.total).toMatchObject({ onHand: 12, quarantined: 12, available: 0 });
    const [never] = (await get('/api/v1/stock/availability?sku=WL-0050')).items;
    expect(never.total.onHand).toBe(0);

    // Only parcels on their way out wait at the shipping docks: units of stopped orders went back to the shelf.
    for (const w of (await get('/api/v1/warehouses')).items) {
      const dock = await get(`/api/v1/warehouses/${w.id}/locations/by-code/SHIP`);
      const waiting = (await get(`/api/v1/stock/levels?locationId=${dock.id}&limit=200`)).items;
      expect(waiting.filter((l: any) => l.reserved !== l.onHand)).toEqual([]);
    }
  });

  it('has return requests on delivered orders and items in left-luggage storage', async () => {
    const returns = (await get('/api/v1/returns?limit=50')).items;
    expect(returns.map((r: any) => r.type).sort()).toEqual(['exchange', 'return']);
    expect(returns.every((r: any) => ['approved', 'requested'].includes(r.status))).toBe(true);
    const deposits = (await get('/api/v1/storage/deposits?limit=50')).items;
    expect(deposits).toHaveLength(3);
    const items = deposits.flatMap((d: any) => d.items);
    expect(items.map((i: any) => i.status).sort()).toEqual(['checked_out', 'stored', 'stored', 'stored']);
    expect(items.filter((i: any) => i.status === 'stored').every((i: any) => /^LL-\d\d$/.test(i.location?.code))).toBe(true);
  });

  it('leaves the stock invariants intact', async () => {
    const report = await runDoctor(db);
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(isHealthy(report)).toBe(true);
  });

  it('lets every demo user sign in, and leaves no API key usable', async () => {
    expect(logins.map((l) => l.role).sort()).toEqual(['admin', 'customer_service', 'manager', 'warehouse_operator']);
    for (const l of logins) {
      const res = await signIn(l.email, l.password);
      expect(res.statusCode, l.email).toBe(200);
      expect(res.json().user).toMatchObject({ email: l.email, role: l.role });
    }
    expect(await count('api_keys WHERE revoked_at IS NULL')).toBe(0);
  });

  it('refuses to seed a database that already has users', async () => {
    await expect(seedDemo(db)).rejects.toBeInstanceOf(Conflict);
  });
});
