/**
 * Imports: 100,000 rows per kind (products from the Olist catalogue in /work/shared/data, repeated
 * with derived SKUs to reach the count; customers, opening stock and open orders synthesized), each
 * as a CSV through the HTTP route, committed at once. Prints rows/s, the total, the final apply's
 * transaction (the only time the embedded database's one connection is held for the import), and
 * how long a small request sent every 25 ms (readiness + a stock read, as the counter and the
 * handheld send) waited meanwhile, and a write (a customer note, in its transaction, every 100 ms).
 * Baseline, on a fresh database in the same run: the minimal SQL
 * for the same business work — the same rows INSERTed straight into the same tables (entities,
 * their barcodes / addresses / ledger / lines and reservations, and their events), one transaction,
 * from already-parsed values, no checks.
 *
 *   npm run bench -- imports            BENCH_IMPORT_ROWS=100000 (default)
 */
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { gunzipSync } from 'node:zlib';
import { loadConfig } from '../src/config.js';
import { buildApp } from '../src/server.js';
import { prepareDatabase } from '../src/prepare.js';
import type { Db } from '../src/platform/db/client.js';
import { whenSettled } from '../src/platform/imports/engine.js';
import type { ImportJob } from '../src/platform/imports/jobs.js';
import { createApiKey } from '../src/platform/auth/auth.service.js';
import { isHealthy, runDoctor } from '../src/modules/inventory/doctor.js';
import { percentile, type Engine } from './engines.js';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const LOCATIONS = 500;
const OLIST = new URL('../../shared/data/olist/olist_products_dataset.csv.gz', import.meta.url);

type Files = Record<'products' | 'customers' | 'opening-stock' | 'orders', string[][]>;

/** The four files' rows (header first), derived deterministically. */
function files(): Files {
  const olist = gunzipSync(readFileSync(OLIST)).toString('utf8').trim().split('\n').slice(1).map((l) => l.split(','));
  const products: string[][] = [['sku', 'name', 'category', 'unit_price', 'weight_g', 'length_mm', 'width_mm', 'height_mm', 'barcodes']];
  for (let i = 0; i < ROWS; i++) {
    const [id, category, , , , weight, length, height, width] = olist[i % olist.length]!;
    const sku = `OL-${id!.replace(/"/g, '').slice(0, 10)}-${Math.floor(i / olist.length)}`;
    const mm = (cm: string | undefined) => (cm ? String(Number(cm) * 10) : '');
    products.push([sku, `${category || 'item'} ${i}`, category ?? '', ((i % 9000) / 10 + 1).toFixed(2), weight ?? '', mm(length), mm(width), mm(height), `69${String(i).padStart(11, '0')}`]);
  }
  const skus = products.slice(1).map((p) => p[0]!);
  const customers: string[][] = [['code', 'name', 'phone', 'tags', 'province', 'city', 'address']];
  for (let i = 0; i < ROWS; i++) customers.push([`CB${String(i).padStart(7, '0')}`, `客户 ${i}`, `139${String(i).padStart(8, '0')}`, i % 7 === 0 ? 'vip' : '', '上海市', '上海市', `世纪大道 ${i} 号`]);
  const stock: string[][] = [['warehouse', 'location', 'sku', 'lot', 'quantity']];
  for (let i = 0; i < ROWS; i++) stock.push(['BENCH', `B-${i % LOCATIONS}`, skus[i]!, `L${i % 3}`, String(20 + (i % 50))]);
  const orders: string[][] = [['external_number', 'channel', 'customer_code', 'sku', 'quantity']];
  for (let i = 0; i < ROWS; i++) orders.push([`T${Math.floor(i / 2)}`, 'tmall', `CB${String(Math.floor(i / 2) % ROWS).padStart(7, '0')}`, skus[(i * 7919) % ROWS]!, '1']);
  return { products, customers, 'opening-stock': stock, orders };
}

const toCsv = (rows: string[][]) => Buffer.from(rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n') + '\n');

async function prepare(db: Db) {
  await prepareDatabase(db);
  await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: number }>(`INSERT INTO warehouses (code, name) VALUES ('BENCH', 'Bench DC') RETURNING id`);
    await tx.query(
      `INSERT INTO locations (warehouse_id, code, level, type, pick_sequence) SELECT $1, 'B-' || g, 'bin', 'storage', g FROM generate_series(0, $2 - 1) g`,
      [rows[0]!.id, LOCATIONS],
    );
    // The walk-in: a customer the counter writes a note for while the imports run.
    await tx.query(`INSERT INTO customers (code, name) VALUES ('WALK-IN', 'Walk-in')`);
  });
}

/** The same business work in its minimal SQL: the rows straight into the tables, with their events. */
async function baseline(db: Db, f: Files): Promise<Record<string, number>> {
  const seconds: Record<string, number> = {};
  const run = async (kind: string, sql: string, rows: string[][]) => {
    const started = performance.now();
    await db.transaction((tx) => tx.query(sql, [JSON.stringify(rows.slice(1))]));
    seconds[kind] = (performance.now() - started) / 1000;
  };
  await run(
    'products',
    `WITH x AS (SELECT v->>0 sku, v->>1 name, v->>2 cat, (v->>3)::numeric price, nullif(v->>4, '')::int w, nullif(v->>5, '')::int l, nullif(v->>6, '')::int wd, nullif(v->>7, '')::int h, v->>8 b FROM jsonb_array_elements($1::jsonb) v),
       p AS (INSERT INTO products (sku, name, category, unit_price, weight_g, length_mm, width_mm, height_mm) SELECT sku, name, nullif(cat, ''), price, w, l, wd, h FROM x RETURNING id, sku, name),
       b AS (INSERT INTO product_barcodes (barcode, product_id) SELECT x.b, p.id FROM p JOIN x USING (sku))
     INSERT INTO events (type, entity_type, entity_id, actor, payload) SELECT 'product.created', 'product', p.id::text, 'bench', jsonb_build_object('sku', sku, 'name', name) FROM p`,
    f.products,
  );
  await run(
    'customers',
    `WITH x AS (SELECT v->>0 code, v->>1 name, v->>2 phone, v->>3 tag, v->>4 prov, v->>5 city, v->>6 line1 FROM jsonb_array_elements($1::jsonb) v),
       c AS (INSERT INTO customers (code, name, phone, tags) SELECT code, name, phone, CASE WHEN tag = '' THEN '{}' ELSE ARRAY[tag] END FROM x RETURNING id, code, name),
       a AS (INSERT INTO customer_addresses (customer_id, recipient_name, country, province, city, line1, is_default) SELECT c.id, x.name, 'CN', prov, city, line1, true FROM c JOIN x USING (code))
     INSERT INTO events (type, entity_type, entity_id, customer_id, actor, payload) SELECT 'customer.created', 'customer', id::text, id, 'bench', jsonb_build_object('code', code) FROM c`,
    f.customers,
  );
  await run(
    'opening-stock',
    `WITH x AS (SELECT p.id product_id, l.warehouse_id, l.id location_id, v->>3 lot, (v->>4)::bigint q
                  FROM jsonb_array_elements($1::jsonb) v JOIN products p ON p.sku = v->>2 JOIN locations l ON l.code = v->>1),
       s AS (INSERT INTO stock_levels (product_id, warehouse_id, location_id, lot, on_hand) SELECT product_id, warehouse_id, location_id, lot, q FROM x),
       g AS (INSERT INTO stock_ledger (product_id, warehouse_id, location_id, lot, owner_id, status, quantity, movement, reason, actor)
             SELECT product_id, warehouse_id, location_id, lot, 0, 'available', q, 'receipt', 'opening_balance', 'bench' FROM x)
     INSERT INTO events (type, entity_type, entity_id, actor, payload) SELECT 'stock.received', 'product', product_id::text, 'bench', jsonb_build_object('quantity', q) FROM x`,
    f['opening-stock'],
  );
  await run(
    'orders',
    `WITH x AS (SELECT v->>0 ref, c.id customer_id, p.id product_id, p.sku, p.name, p.unit_price, n
                  FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(v, n) JOIN customers c ON c.code = v->>2 JOIN products p ON p.sku = v->>3),
       w AS (SELECT id FROM warehouses LIMIT 1),
       o AS (INSERT INTO orders (customer_id, channel, external_ref, warehouse_id, ship_to, status, promised_ship_date, confirmed_at)
             SELECT DISTINCT ON (ref) customer_id, 'tmall', ref, (SELECT id FROM w), '{}'::jsonb, 'confirmed', current_date, now() FROM x ORDER BY ref RETURNING id, external_ref),
       l AS (INSERT INTO order_lines (order_id, line_no, product_id, sku, name, quantity, unit_price)
             SELECT o.id, row_number() OVER (PARTITION BY o.id ORDER BY x.n), x.product_id, x.sku, x.name, 1, x.unit_price FROM x JOIN o ON o.external_ref = x.ref RETURNING id, product_id),
       r AS (INSERT INTO reservations (product_id, warehouse_id, quantity, ref_type, ref_id) SELECT product_id, (SELECT id FROM w), 1, 'order_line', id::text FROM l RETURNING id),
       b AS (UPDATE stock_balances s SET reserved = s.reserved + t.q FROM (SELECT product_id, count(*) q FROM l GROUP BY 1) t WHERE s.product_id = t.product_id)
     INSERT INTO events (type, entity_type, entity_id, actor, payload) SELECT 'order.created', 'order', id::text, 'bench', '{}'::jsonb FROM o
     UNION ALL SELECT 'stock.reserved', 'product', id::text, 'bench', '{}'::jsonb FROM r`,
    f.orders,
  );
  return seconds;
}

export async function benchImports(engine: Engine) {
  const f = files();
  const db = await engine.open();
  await prepare(db);
  const key = (await db.transaction((tx) => createApiKey(tx, 'system', null, { name: 'bench', role: 'admin' }))).key;
  const app = await buildApp({ db, config: { ...loadConfig({}), logLevel: 'silent' }, logger: false });
  const authorization = `Bearer ${key}`;
  console.log(`\nImports (${engine.name}): ${ROWS} rows per file, CSV, dry run off`);
  const walkIn = (await db.query<{ id: number }>(`SELECT id FROM customers WHERE code = 'WALK-IN'`)).rows[0]!.id;
  console.log('  kind            rows/s   total s   apply s   read wait p50 / p99 / max   write wait p50 / max   event-loop max');
  const ours: Record<string, number> = {};
  for (const kind of ['products', 'customers', 'opening-stock', 'orders'] as const) {
    const body = toCsv(f[kind]);
    const waits: number[] = [];
    const writes: number[] = [];
    let importing = true;
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    // A small request every 25 ms while the file is imported, as the counter and the handheld send them.
    const probe = (async () => {
      while (importing) {
        const t0 = performance.now();
        const [ready, levels] = await Promise.all([
          app.inject({ method: 'GET', url: '/health/ready' }),
          app.inject({ method: 'GET', url: '/api/v1/stock/levels?limit=5', headers: { authorization } }),
        ]);
        if (ready.statusCode !== 200 || levels.statusCode !== 200) throw new Error(`probe: ${ready.statusCode} ${levels.statusCode}`);
        waits.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 25));
      }
    })();
    // And a write in a transaction every 100 ms (a note at the counter): it waits for the apply's transaction on PGlite.
    const writer = (async () => {
      while (importing) {
        const t0 = performance.now();
        const note = await app.inject({ method: 'POST', url: `/api/v1/customers/${walkIn}/notes`, headers: { authorization, 'content-type': 'application/json' }, payload: { body: 'asked about the import' } });
        if (note.statusCode !== 201) throw new Error(`note: ${note.statusCode} ${note.body}`);
        writes.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const started = performance.now();
    const res = await app.inject({ method: 'POST', url: `/api/v1/imports/${kind}?dryRun=false`, headers: { authorization, 'content-type': 'text/csv' }, payload: body });
    if (res.statusCode !== 202) throw new Error(`${kind}: ${res.statusCode} ${res.body.slice(0, 500)}`);
    const id = (JSON.parse(res.body) as ImportJob).id;
    await whenSettled(id);
    const seconds = (performance.now() - started) / 1000;
    importing = false;
    await probe;
    await writer;
    loop.disable();
    const job = JSON.parse((await app.inject({ method: 'GET', url: `/api/v1/imports/${id}`, headers: { authorization } })).body) as ImportJob;
    if (job.status !== 'committed') throw new Error(`${kind}: ${job.status} ${JSON.stringify(job.errors.slice(0, 5))}`);
    ours[kind] = seconds;
    waits.sort((a, b) => a - b);
    writes.sort((a, b) => a - b);
    (ours as Record<string, number>)[`${kind}.apply`] = (job.applyMs ?? 0) / 1000;
    (ours as Record<string, number>)[`${kind}.waits`] = waits.length;
    console.log(
      `  ${kind.padEnd(14)} ${(ROWS / seconds).toFixed(0).padStart(7)} ${seconds.toFixed(1).padStart(9)} ${((job.applyMs ?? 0) / 1000).toFixed(1).padStart(9)}` +
        `   ${percentile(waits, 50).toFixed(0).padStart(6)} / ${percentile(waits, 99).toFixed(0)} / ${(waits[waits.length - 1] ?? 0).toFixed(0)} ms (${waits.length})` +
        `   ${percentile(writes, 50).toFixed(0).padStart(6)} / ${(writes[writes.length - 1] ?? 0).toFixed(0)} ms (${writes.length})   ${(loop.max / 1e6).toFixed(0)} ms`,
    );
  }
  const healthy = isHealthy(await runDoctor(db));
  await app.close();
  await db.close();

  const b = await engine.open();
  await prepare(b);
  const base = await baseline(b, f);
  await b.close();
  await engine.cleanup();
  for (const kind of ['products', 'customers', 'opening-stock', 'orders']) {
    console.log(`  ${kind.padEnd(14)} baseline ${base[kind]!.toFixed(1)} s (${(ROWS / base[kind]!).toFixed(0)} rows/s); the import takes ${(ours[kind]! / base[kind]!).toFixed(1)}× as long`);
  }
  console.log(`  doctor after the imports: ${healthy ? 'healthy' : 'PROBLEMS FOUND'}`);
}
