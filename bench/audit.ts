/**
 * The audit sealer's cost on the write path: order intake through the HTTP API with the sealer
 * running and without it, on one database in the same run, in alternating rounds (so neither
 * mode gets the warmer caches or the emptier tables). Before a round with the sealer, what the
 * previous round wrote is sealed first: the sealer is charged only for keeping up. Then how long
 * the remaining backlog takes to seal and the whole chain to verify.
 *
 * On a busy machine the rounds' throughput swings more than the sealer costs, so the sealer's own
 * share is also measured directly: the time its transactions took, against the rounds' time.
 *
 *   npm run bench -- audit        BENCH_AUDIT_ORDERS=500 (per round) BENCH_AUDIT_ROUNDS=3 (pairs) BENCH_CLIENTS=16
 */
import { Pool as HttpPool } from 'undici';
import { loadConfig } from '../src/config.js';
import { prepareDatabase } from '../src/prepare.js';
import { buildApp } from '../src/server.js';
import { createApiKey } from '../src/platform/auth/auth.service.js';
import { sealNow, startAuditSealer } from '../src/platform/audit/seal.js';
import { verifyAudit } from '../src/platform/audit/verify.js';
import type { Db } from '../src/platform/db/client.js';
import { percentile, type Engine } from './engines.js';
import { orderBody, setUpWorld } from './world.js';

const ORDERS = Number(process.env.BENCH_AUDIT_ORDERS ?? 500);
const ROUNDS = Number(process.env.BENCH_AUDIT_ROUNDS ?? 3);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 16);
const WARMUP = 100;

type Round = { ordersPerSec: number; p50: number; p99: number; seconds: number };

/** The same database, timing every transaction made through it (the sealer's). */
function timed(db: Db): { db: Db; busyMs: () => number } {
  let busy = 0;
  return {
    db: {
      ...db,
      async transaction(fn) {
        const t0 = performance.now();
        try {
          return await db.transaction(fn);
        } finally {
          busy += performance.now() - t0;
        }
      },
    },
    busyMs: () => busy,
  };
}

export async function benchAudit(engine: Engine): Promise<void> {
  const db = await engine.open();
  await prepareDatabase(db);
  const key = (await db.transaction((tx) => createApiKey(tx, 'system', null, { name: 'bench', role: 'admin' }))).key;
  const world = await setUpWorld(db, WARMUP + ORDERS * ROUNDS * 2);
  const app = await buildApp({ db, config: { ...loadConfig({}), logLevel: 'silent' }, logger: false });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const http = new HttpPool(base, { connections: CLIENTS, pipelining: 1 });
  let next = 0;
  const post = async () => {
    const i = next++;
    const res = await http.request({
      method: 'POST',
      path: '/api/v1/orders',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(orderBody(world, i)),
    });
    const text = await res.body.text();
    if (res.statusCode !== 201) throw new Error(`order ${i}: ${res.statusCode} ${text.slice(0, 200)}`);
  };
  const round = async (): Promise<Round> => {
    const latencies: number[] = [];
    const started = performance.now();
    let left = ORDERS;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (left-- > 0) {
          const t0 = performance.now();
          await post();
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    return { ordersPerSec: ORDERS / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), seconds };
  };

  try {
    for (let i = 0; i < WARMUP; i++) await post();
    const without: Round[] = [];
    const withSealer: Round[] = [];
    let blocksDuringRounds = 0;
    const sealing = timed(db);
    for (let r = 0; r < ROUNDS; r++) {
      without.push(await round());
      await sealNow(db);
      const blocksBefore = (await verifyAudit(db)).blocks;
      const sealer = startAuditSealer(sealing.db, { intervalMs: 1000 });
      withSealer.push(await round());
      await sealer.stop();
      blocksDuringRounds += (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_blocks')).rows[0]!.n - blocksBefore;
    }
    const backlog = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM events e, consumer_cursors c WHERE c.name = 'audit' AND (e.tx_id, e.id) > (c.tx_id, c.event_id)`)).rows[0]!.n;
    const t0 = performance.now();
    await sealNow(db);
    const sealMs = performance.now() - t0;
    const t1 = performance.now();
    const report = await verifyAudit(db);
    const verifyMs = performance.now() - t1;

    const mean = (rounds: Round[], f: (r: Round) => number) => rounds.reduce((s, r) => s + f(r), 0) / rounds.length;
    const f = (n: number) => n.toFixed(1);
    const line = (label: string, rounds: Round[]) =>
      `  ${label.padEnd(16)} ${f(mean(rounds, (r) => r.ordersPerSec)).padStart(8)} orders/s   p50 ${f(mean(rounds, (r) => r.p50))} ms   p99 ${f(mean(rounds, (r) => r.p99))} ms   (rounds: ${rounds.map((r) => f(r.ordersPerSec)).join(', ')})`;
    const ratio = mean(withSealer, (r) => r.ordersPerSec) / mean(without, (r) => r.ordersPerSec);
    console.log(`\nAudit sealer (${engine.name}): ${ROUNDS} × 2 rounds of ${ORDERS} orders, ${CLIENTS} concurrent clients, sealing every second`);
    console.log(line('without sealer', without));
    console.log(line('with sealer', withSealer));
    const roundsMs = withSealer.reduce((sum, r) => sum + r.seconds * 1000, 0);
    console.log(`  write-path cost  ${((1 - ratio) * 100).toFixed(1)}% slower with the sealer (aim < 5%); ${blocksDuringRounds} blocks sealed during the rounds`);
    console.log(`  sealer's share   its transactions took ${f(sealing.busyMs())} ms of the ${f(roundsMs)} ms those rounds ran (${((sealing.busyMs() / roundsMs) * 100).toFixed(2)}%)${
        db.kind === 'pglite' ? ': time the writes waited, PGlite running one transaction at a time' : ', beside the writes on connections of their own'
      }`);
    console.log(`  backlog          ${backlog} events unsealed when the last round ended, sealed in ${f(sealMs)} ms`);
    console.log(`  verify           ${report.eventsSealed} events in ${report.blocks} blocks in ${f(verifyMs)} ms: ${report.ok ? 'intact' : `FINDING ${report.finding?.kind}`}`);
  } finally {
    await http.close();
    await app.close();
    await db.close();
    await engine.cleanup();
  }
}
