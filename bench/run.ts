/**
 * `npm run bench`: two scenarios, each on PGlite and (with DATABASE_URL) PostgreSQL.
 *
 * orders: order intake through the HTTP API (create, reserve, event) with concurrent
 * clients, against the ceiling of the same SQL statements issued straight through the driver
 * (the place-order flow called in-process: no HTTP, JSON, authentication or validation) on an
 * identical database, in the same run. PGlite always; PostgreSQL too when DATABASE_URL is set.
 * Prints orders/s, p50/p99 latency and the ratio to the ceiling.
 *
 * webhooks: committed event → received by a local receiver (`bench/webhooks.ts`).
 *
 * timers: a rule timer's due time → its action (`bench/timers.ts`).
 *
 * handheld: a scan on the handheld → its result on the page, against the bare API round trip, and
 * each surface's first load (`bench/handheld.ts`).
 *
 * imports: 100,000 rows per kind from CSV (products, customers, opening stock, open orders): rows/s,
 * the final apply, a concurrent small request's wait, against the same rows INSERTed straight
 * (`bench/imports.ts`).
 *
 * audit: order intake with the audit sealer running and without it (`bench/audit.ts`).
 *
 *   BENCH_ORDERS=2000 BENCH_CLIENTS=16 npm run bench -- orders
 *   BENCH_WEBHOOK_EVENTS=10000 BENCH_WEBHOOK_RATE=50 npm run bench -- webhooks
 */
import { cpus, totalmem } from 'node:os';
import { Pool as HttpPool } from 'undici';
import { loadConfig } from '../src/config.js';
import { buildApp } from '../src/server.js';
import { prepareDatabase } from '../src/prepare.js';
import { createApiKey } from '../src/platform/auth/auth.service.js';
import type { Db } from '../src/platform/db/client.js';
import { engines, percentile, type Engine } from './engines.js';
import { benchAudit } from './audit.js';
import { benchHandheld } from './handheld.js';
import { benchImports } from './imports.js';
import { benchTimers } from './timers.js';
import { benchWebhooks } from './webhooks.js';
import { setUpWorld, orderBody, type World } from './world.js';
import { placeOrder } from '../src/flows/place-order.js';
import { shipCalendarOf } from '../src/modules/orders/index.js';
import { isHealthy, runDoctor } from '../src/modules/inventory/doctor.js';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 2000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 16);
const WARMUP = Math.min(200, Math.floor(ORDERS / 10));

type Result = { ordersPerSec: number; p50: number; p99: number };

async function runConcurrently(n: number, clients: number, one: (i: number) => Promise<void>): Promise<Result> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < n) {
        const i = next++;
        const t0 = performance.now();
        await one(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { ordersPerSec: n / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

/** Prepares the database once: migrations, a warehouse with stock for every order, a customer. */
async function prepare(db: Db): Promise<{ world: World; key: string }> {
  await prepareDatabase(db);
  const key = (await db.transaction((tx) => createApiKey(tx, 'system', null, { name: 'bench', role: 'admin' }))).key;
  const world = await setUpWorld(db, ORDERS + WARMUP);
  return { world, key };
}

async function httpPhase(db: Db, key: string, world: World): Promise<Result> {
  const app = await buildApp({ db, config: { ...loadConfig({}), logLevel: 'silent' }, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const http = new HttpPool(`http://127.0.0.1:${port}`, { connections: CLIENTS, pipelining: 1 });
  const post = async (i: number) => {
    const res = await http.request({
      method: 'POST',
      path: '/api/v1/orders',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(orderBody(world, i)),
    });
    const text = await res.body.text();
    if (res.statusCode !== 201) throw new Error(`order ${i}: ${res.statusCode} ${text}`);
    if (!text.includes('"confirmed"')) throw new Error(`order ${i} was not confirmed: ${text.slice(0, 200)}`);
  };
  for (let i = 0; i < WARMUP; i++) await post(ORDERS + i);
  const result = await runConcurrently(ORDERS, CLIENTS, post);
  await http.close();
  await app.close();
  return result;
}

/** The ceiling: the place-order flow's SQL, in its transaction, straight through the driver. */
async function driverPhase(db: Db, world: World): Promise<Result> {
  const calendar = shipCalendarOf(loadConfig({}));
  const place = (i: number) => db.transaction((tx) => placeOrder(tx, 'api_key:1', orderBody(world, i), calendar)).then(() => undefined);
  for (let i = 0; i < WARMUP; i++) await place(ORDERS + i);
  return runConcurrently(ORDERS, CLIENTS, place);
}

async function benchEngine(engine: Engine) {
  // Two identical databases, so neither phase runs on the other's leftovers.
  const a = await engine.open();
  const { world, key } = await prepare(a);
  const http = await httpPhase(a, key, world);
  await a.close();
  const b = await engine.open();
  const prepared = await prepare(b);
  const ceiling = await driverPhase(b, prepared.world);
  const healthy = isHealthy(await runDoctor(b));
  await b.close();
  await engine.cleanup();
  const ratio = http.ordersPerSec / ceiling.ordersPerSec;
  const f = (n: number) => n.toFixed(1);
  console.log(`\n${engine.name}: ${ORDERS} orders of 2 lines, ${CLIENTS} concurrent clients`);
  console.log(`  HTTP API          ${f(http.ordersPerSec).padStart(8)} orders/s   p50 ${f(http.p50)} ms   p99 ${f(http.p99)} ms`);
  console.log(`  same SQL, driver  ${f(ceiling.ordersPerSec).padStart(8)} orders/s   p50 ${f(ceiling.p50)} ms   p99 ${f(ceiling.p99)} ms`);
  console.log(`  ratio             ${(ratio * 100).toFixed(0)}% of the ceiling${healthy ? '' : '   (doctor found problems!)'}`);
}

// `npm run bench -- orders` or `-- webhooks` runs one scenario; no argument runs both.
const SCENARIOS = ['orders', 'webhooks', 'timers', 'handheld', 'audit', 'imports'] as const;
const asked = process.argv.slice(2);
const unknown = asked.filter((a) => !(SCENARIOS as readonly string[]).includes(a));
if (unknown.length) {
  console.error(`Unknown scenario ${unknown.join(', ')}: one of ${SCENARIOS.join(', ')}`);
  process.exit(2);
}
const run = (s: (typeof SCENARIOS)[number]) => !asked.length || asked.includes(s);

console.log(`Wareloop benchmark — ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
if (run('orders')) for (const engine of engines(Math.max(CLIENTS, 10))) await benchEngine(engine);
if (run('webhooks')) for (const engine of engines(10)) await benchWebhooks(engine);
if (run('timers')) for (const engine of engines(10)) await benchTimers(engine);
if (run('handheld')) for (const engine of engines(10)) await benchHandheld(engine);
if (run('imports')) for (const engine of engines(10)) await benchImports(engine);
if (run('audit')) for (const engine of engines(Math.max(CLIENTS, 10))) await benchAudit(engine);
