/**
 * Demo data for a new installation, so that `npm start` shows a working warehouse. Seeds only an
 * empty database: the demo users and a temporary admin API key in one transaction (which also
 * claims the database), then the world — warehouses, products, customers, stock, orders in
 * every status, return requests and stored items — through the public HTTP API with that key, which is revoked at the end.
 * A call that fails stops the seed naming the route, status and problem; the users are already
 * committed by then, so the demo is tried again on a new, empty database.
 */
import { loadConfig, type Config } from '../config.js';
import { createApiKey, revokeApiKey } from '../platform/auth/auth.service.js';
import type { Db } from '../platform/db/client.js';
import { Conflict } from '../platform/http/errors.js';
import { buildApp } from '../server.js';
import { seedAfterSales, seedStorage } from './aftersales.js';
import { seedApi, type SeedApi } from './api.js';
import { seedCustomers } from './customers.js';
import { seedOrders } from './orders.js';
import { seedProducts } from './products.js';
import { seededRandom } from './random.js';
import { seedStock } from './stock.js';
import { hasUsers, seedDemoUsers, type DemoLogin } from './users.js';
import { seedWarehouses } from './warehouses.js';

const SEED_LOCK = 7_210_431_002; // any constant; Wareloop's demo-seed lock
const RANDOM_SEED = 20_240_601;

/** `config` sets the ship calendar the demo orders are promised by (the server's own, from `serve`). */
export async function seedDemo(db: Db, config: Config = loadConfig({})): Promise<{ logins: DemoLogin[] }> {
  const { logins, key } = await db.transaction(async (tx) => {
    // Several processes may start at once on one empty PostgreSQL: one seeds, the others see users.
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
    if (await hasUsers(tx)) throw new Conflict('The database already has users; demo data is only seeded into an empty database');
    const logins = await seedDemoUsers(tx);
    const key = await createApiKey(tx, 'system', null, { name: 'demo seed (revoked when the seed ends)', role: 'admin' });
    return { logins, key };
  });

  const app = await buildApp({ db, config: { ...config, logLevel: 'silent' }, logger: false });
  try {
    await seedWorld(seedApi(app, key.key));
  } finally {
    try {
      await db.transaction((tx) => revokeApiKey(tx, 'system', key.id));
    } finally {
      // Closes the app's HTTP side only (no hook of it closes the database, which is the caller's).
      await app.close();
    }
  }
  return { logins };
}

/**
 * What `serve` does with SEED_DEMO=true: seeds the demo unless the database already has users.
 * Any number of processes may call it at once on one empty database: one seeds (true), the
 * others find it claimed (false).
 */
export async function seedDemoIfEmpty(db: Db, config: Config): Promise<boolean> {
  if (await hasUsers(db)) return false;
  try {
    await seedDemo(db, config);
    return true;
  } catch (err) {
    if (err instanceof Conflict) return false; // another process seeded it first
    throw err;
  }
}

async function seedWorld(api: SeedApi): Promise<void> {
  const random = seededRandom(RANDOM_SEED);
  const warehouses = await seedWarehouses(api);
  const products = await seedProducts(api);
  const customers = await seedCustomers(api, random);
  const stock = await seedStock(api, warehouses, products, new Date());
  await seedOrders(api, random, { warehouses, products, customers, stock });
  await seedAfterSales(api, warehouses);
  await seedStorage(api, warehouses, customers);
}
