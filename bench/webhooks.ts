/**
 * `npm run bench -- webhooks`: how long from an event's commit to its webhook arriving at a local
 * receiver. Wareloop's webhook worker (`startWebhooks`, as `wareloop serve` runs it) on a fresh
 * database; orders placed at a steady rate, each in its own transaction (the place-order flow:
 * the order and its events commit together); a receiver in its own process that verifies every
 * signature. Latency = arrival at the receiver − the moment the order's commit returned, for
 * every event of every order (subscribed to `*`). The baseline, measured in the same run: a bare
 * signed POST of an event's body to the same receiver (the floor no webhook can beat).
 *
 *   BENCH_WEBHOOK_EVENTS=10000 BENCH_WEBHOOK_RATE=50 npm run bench -- webhooks
 *   (BENCH_WEBHOOK_BASELINE: bare POSTs, 1000; BENCH_WEBHOOK_CONCURRENCY: the worker's, 32;
 *   BENCH_ENGINE=pglite|postgres: one engine only)
 */
import { fork, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { loadConfig } from '../src/config.js';
import { prepareDatabase } from '../src/prepare.js';
import type { Db, Tx } from '../src/platform/db/client.js';
import { placeOrder } from '../src/flows/place-order.js';
import { shipCalendarOf } from '../src/modules/orders/index.js';
import { destinationPolicy } from '../src/platform/http/destination.js';
import { signedHeaders, webhookBody } from '../src/modules/integration/webhooks/send.js';
import { createWebhook } from '../src/modules/integration/webhooks/webhooks.service.js';
import { startWebhooks } from '../src/modules/integration/webhooks/worker.js';
import type { ReceiverReport } from './webhook-receiver.js';
import { percentile, type Engine } from './engines.js';
import { orderBody, setUpWorld, type World } from './world.js';

const EVENTS = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 10_000);
/** Events committed per second (orders per second × events per order). */
const RATE = Number(process.env.BENCH_WEBHOOK_RATE ?? 50);
const BASELINE_POSTS = Number(process.env.BENCH_WEBHOOK_BASELINE ?? 1000);
const WARMUP_ORDERS = 50;
/** Orders in flight at most: if the database falls behind the rate, the rate drops (and is reported). */
const MAX_IN_FLIGHT = 16;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ms = (ns: bigint) => Number(ns) / 1e6;

type Receiver = { url: string; child: ChildProcess; send(m: object): void; report(): Promise<ReceiverReport>; close(): void };

async function startReceiver(): Promise<Receiver> {
  const child = fork(new URL('./webhook-receiver.ts', import.meta.url), { stdio: 'inherit' });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve(m.port));
    child.once('exit', (code) => reject(new Error(`the receiver exited (${code})`)));
  });
  return {
    url: `http://127.0.0.1:${port}/wareloop`,
    child,
    send: (m) => child.send(m),
    report: () =>
      new Promise((resolve) => {
        child.once('message', (m: { report: ReceiverReport }) => resolve(m.report));
        child.send({ report: true });
      }),
    close: () => child.kill(),
  };
}

/** Places order `i` in its own transaction; returns the ids of the events it committed. */
async function placeOne(db: Db, world: World, i: number, calendar: ReturnType<typeof shipCalendarOf>): Promise<number[]> {
  let ids: number[] = [];
  await db.transaction(async (tx) => {
    ids = []; // a retried transaction starts over
    const spy: Tx = {
      ...tx,
      async query<T>(text: string, params?: readonly unknown[]) {
        const r = await tx.query<T>(text, params);
        if (text.trimStart().startsWith('INSERT INTO events')) ids.push((r.rows[0] as { id: number }).id);
        return r;
      },
    };
    await placeOrder(spy, 'system', orderBody(world, i), calendar);
  });
  return ids;
}

type Stats = { n: number; p50: number; p90: number; p99: number; max: number };
function stats(values: number[]): Stats {
  const s = [...values].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p90: percentile(s, 90), p99: percentile(s, 99), max: s[s.length - 1] ?? 0 };
}

/** Bare signed POSTs of a real event body to the receiver, one at a time at the same pace. */
async function baseline(url: string, secret: string, body: string, intervalMs: number): Promise<Stats> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  const target = new URL(url);
  const latencies: number[] = [];
  for (let i = 0; i < BASELINE_POSTS; i++) {
    const t0 = process.hrtime.bigint();
    const headers = { 'content-type': 'application/json', ...signedHeaders(`baseline-${i}`, body, [secret], new Date()) };
    await new Promise<void>((resolve, reject) => {
      const req = http.request(target, { method: 'POST', agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`baseline POST: ${res.statusCode}`))));
      });
      req.on('error', reject);
      req.end(body);
    });
    const took = ms(process.hrtime.bigint() - t0);
    latencies.push(took);
    await sleep(Math.max(0, intervalMs - took));
  }
  agent.destroy();
  return stats(latencies);
}

export async function benchWebhooks(engine: Engine) {
  const db = await engine.open();
  const receiver = await startReceiver();
  try {
    await prepareDatabase(db);
    const world = await setUpWorld(db, EVENTS + WARMUP_ORDERS);
    const calendar = shipCalendarOf(loadConfig({}));
    const webhook = await db.transaction((tx) =>
      createWebhook(tx, 'system', { url: receiver.url, eventTypes: ['*'], description: 'benchmark receiver', active: true }),
    );
    receiver.send({ secret: webhook.secret });
    const worker = await startWebhooks(db, {
      // The receiver is on 127.0.0.1: let exactly that through, the policy otherwise on.
      destination: destinationPolicy({ webhookAllowPrivateNetworks: false, webhookAllowedHosts: ['127.0.0.1/32'] }),
      log: { warn: (obj, msg) => console.warn(msg, obj) },
      ...(process.env.BENCH_WEBHOOK_CONCURRENCY ? { concurrency: Number(process.env.BENCH_WEBHOOK_CONCURRENCY) } : {}),
    });

    // Warm-up (JIT, connections, caches) at the same pace; it also tells how many events an order commits.
    const probe = await placeOne(db, world, EVENTS, calendar);
    const intervalMs = (1000 * probe.length) / RATE;
    let warmEvents = probe.length;
    await placeAtRate(WARMUP_ORDERS - 1, intervalMs, (i) => placeOne(db, world, EVENTS + 1 + i, calendar).then((ids) => void (warmEvents += ids.length)));
    const perOrder = warmEvents / WARMUP_ORDERS;
    // Its own webhook.created is the subscription's too (its transaction had not committed when it started).
    const warmDelivered = warmEvents + 1;
    await waitDelivered(db, warmDelivered, 60_000);
    receiver.send({ reset: true });

    // On a shared PostgreSQL server another database's open transaction holds every consumer back
    // (commit order is server-wide): sample how often one older than 50 ms is open.
    const held = { samples: 0, held: 0 };
    const sampler =
      db.kind === 'postgres'
        ? setInterval(() => {
            db.query<{ n: number }>(
              `SELECT count(*)::int AS n FROM pg_stat_activity
               WHERE backend_xid IS NOT NULL AND datname IS DISTINCT FROM current_database() AND xact_start < now() - interval '50 milliseconds'`,
            ).then(({ rows }) => {
              held.samples++;
              if (rows[0]!.n > 0) held.held++;
            }, () => undefined);
          }, 100)
        : undefined;
    const orders = Math.ceil(EVENTS / perOrder);
    const committed = new Map<string, bigint>();
    const started = process.hrtime.bigint();
    await placeAtRate(orders, intervalMs, async (i) => {
      const ids = await placeOne(db, world, i, calendar);
      const at = process.hrtime.bigint(); // right after the commit returned
      for (const id of ids) committed.set(String(id), at);
    });
    const committedFor = ms(process.hrtime.bigint() - started) / 1000;
    clearInterval(sampler);
    const undelivered = await waitDelivered(db, warmDelivered + committed.size, 300_000);
    const report = await receiver.report();
    const arrivals = new Map(report.arrivals.map(([id, t]) => [id, BigInt(t)]));

    const latencies: number[] = [];
    let missing = 0;
    let last = started;
    for (const [id, at] of committed) {
      const got = arrivals.get(id);
      if (got === undefined) {
        missing++;
        continue;
      }
      latencies.push(ms(got - at));
      if (got > last) last = got;
    }
    const attempts = await db.query<{ n: number; errors: string[] }>(
      `SELECT count(*)::int AS n, (array_agg(DISTINCT coalesce(error, 'HTTP ' || status_code)))[1:3] AS errors FROM webhook_attempts WHERE NOT succeeded`,
    );
    await worker.stop();
    // Where the time goes, by the database's clock: the order's transaction starting → the fan-out
    // transaction starting (commit, NOTIFY, the consumer's turn) → the first attempt starting.
    const split = await db.query<{ fanOut: number; send: number }>(
      `SELECT extract(epoch FROM d.created_at - e.occurred_at) * 1000 AS "fanOut", extract(epoch FROM a.attempted_at - d.created_at) * 1000 AS send
       FROM webhook_deliveries d JOIN events e ON e.id = d.event_id JOIN webhook_attempts a ON a.delivery_id = d.id AND a.attempt = 1
       WHERE d.event_id = ANY($1::bigint[])`,
      [[...committed.keys()].map(Number)],
    );

    const { rows } = await db.query<{ id: number; type: string; entityType: string; entityId: string; customerId: number | null; actor: string; payload: Record<string, unknown>; occurredAt: string }>(
      `SELECT id, type, entity_type AS "entityType", entity_id AS "entityId", customer_id AS "customerId", actor, payload, occurred_at AS "occurredAt"
       FROM events WHERE type = 'order.confirmed' ORDER BY id DESC LIMIT 1`,
    );
    const bare = await baseline(receiver.url, webhook.secret, webhookBody(rows[0]!), intervalMs / perOrder);

    const w = stats(latencies);
    const seconds = ms(last - started) / 1000;
    const f = (n: number) => n.toFixed(1);
    const line = (s: Stats) => `p50 ${f(s.p50)} ms   p90 ${f(s.p90)} ms   p99 ${f(s.p99)} ms   max ${f(s.max)} ms`;
    console.log(
      `\n${engine.name}: ${committed.size} events of ${orders} orders (${f(perOrder)} events per order, each order one transaction), ` +
        `committed at ${f(committed.size / committedFor)} events/s (asked ${RATE}/s)`,
    );
    console.log(`  committed → received   ${line(w)}   ${f(w.n / seconds)} events/s delivered`);
    console.log(`  bare signed POST       ${line(bare)}   (${bare.n} requests to the same receiver)`);
    console.log(`  ratio                  p50 ×${f(w.p50 / bare.p50)}   p99 ×${f(w.p99 / bare.p99)} the bare POST; p99 ${w.p99 <= 50 ? 'within' : 'OVER'} the 50 ms aim`);
    const fan = stats(split.rows.map((r) => Number(r.fanOut)));
    const out = stats(split.rows.map((r) => Number(r.send)));
    console.log(`  of which: order tx start → fan-out tx start  p50 ${f(fan.p50)} ms  p99 ${f(fan.p99)} ms;  fan-out → first POST  p50 ${f(out.p50)} ms  p99 ${f(out.p99)} ms`);
    if (held.samples) {
      console.log(`  other databases        a transaction open for > 50 ms in ${((100 * held.held) / held.samples).toFixed(1)}% of ${held.samples} samples (holds every consumer back)`);
    }
    const problems = [
      missing && `${missing} events never arrived`,
      undelivered && `${undelivered} deliveries not delivered`,
      report.duplicates && `${report.duplicates} duplicate arrivals`,
      report.forged && `${report.forged} requests failed signature verification`,
      attempts.rows[0]!.n && `${attempts.rows[0]!.n} failed attempts (retried): ${attempts.rows[0]!.errors.join(' | ')}`,
    ].filter(Boolean);
    console.log(`  checks                 ${problems.length ? problems.join('; ') : 'every event arrived once, every signature verified, no failed attempt'}`);
  } finally {
    receiver.close();
    await db.close();
    await engine.cleanup();
  }
}

/** Starts `place(i)` for i < n every `intervalMs` (open loop: a slow commit does not slow the pace, up to MAX_IN_FLIGHT). */
async function placeAtRate(n: number, intervalMs: number, place: (i: number) => Promise<void>): Promise<void> {
  const inFlight = new Set<Promise<void>>();
  const started = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    const wait = ms(started + BigInt(Math.round(i * intervalMs * 1e6)) - process.hrtime.bigint());
    if (wait > 0) await sleep(wait);
    while (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
    const p: Promise<void> = place(i).finally(() => inFlight.delete(p));
    inFlight.add(p);
  }
  await Promise.all(inFlight);
}

/** Waits until `expected` deliveries are delivered; returns how many are missing when time runs out. */
async function waitDelivered(db: Db, expected: number, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM webhook_deliveries WHERE status = 'delivered'`);
    const missing = expected - rows[0]!.n;
    if (missing <= 0 || Date.now() > deadline) return Math.max(0, missing);
    await sleep(200);
  }
}
