/**
 * Timer lag: how late a rule's timer acts after its due time. A rule "1 s after bench.started"
 * is armed by a steady stream of events; the automation worker fires each timer. For each
 * timer: due → fired (the row is taken) and due → acted (its run logged, after the action).
 * Baseline, in the same run on the same database: one trivial transaction's round trip, the
 * floor under anything the engine does. Aim: every timer within 1 s of its due time.
 */
import { prepareDatabase } from '../src/prepare.js';
import { startAutomation } from '../src/modules/automation/worker.js';
import { createRule } from '../src/modules/automation/rules.service.js';
import { RuleInput } from '../src/modules/automation/rules.schema.js';
import { appendEvent } from '../src/platform/events/log.js';
import { percentile, type Engine } from './engines.js';

const TIMERS = Number(process.env.BENCH_TIMERS ?? 1000);
const RATE = Number(process.env.BENCH_TIMER_RATE ?? 50); // start events per second

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const f = (n: number) => n.toFixed(1);
const line = (label: string, xs: number[]) => {
  xs.sort((a, b) => a - b);
  return `  ${label.padEnd(24)} p50 ${f(percentile(xs, 50)).padStart(7)} ms   p90 ${f(percentile(xs, 90)).padStart(7)} ms   p99 ${f(percentile(xs, 99)).padStart(7)} ms   max ${f(xs[xs.length - 1] ?? 0).padStart(7)} ms`;
};

export async function benchTimers(engine: Engine): Promise<void> {
  const db = await engine.open();
  await prepareDatabase(db);
  await db.query('UPDATE rules SET enabled = false'); // only the benchmark's rule
  const rule = await db.transaction((tx) =>
    createRule(
      tx,
      'system',
      RuleInput.parse({
        name: 'bench: 1 s after start',
        trigger: { type: 'timer', start: ['bench.started'], after: { seconds: 1 }, unless: ['bench.stopped'] },
        actions: [{ type: 'emit_event', event: 'custom.bench_fired', payload: { n: '{{ event.n }}' } }],
      }),
    ),
  );

  // Baseline: a trivial transaction, as often as the timers will need one.
  const baseline: number[] = [];
  for (let i = 0; i < 500; i++) {
    const t0 = performance.now();
    await db.transaction((tx) => tx.query('SELECT 1'));
    baseline.push(performance.now() - t0);
  }

  const worker = await startAutomation(db, { timeZone: 'Asia/Shanghai' });
  const started = performance.now();
  for (let i = 0; i < TIMERS; i++) {
    const at = started + (i * 1000) / RATE;
    const wait = at - performance.now();
    if (wait > 0) await sleep(wait);
    await db.transaction((tx) => appendEvent(tx, 'system', { type: 'bench.started', entityType: 'bench', entityId: i, payload: { n: i } }));
  }
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM rule_runs WHERE rule_id = $1`, [rule.id]);
    if (rows[0]!.n >= TIMERS || Date.now() > deadline) break;
    await sleep(200);
  }
  await worker.stop();

  const { rows } = await db.query<{ armed: number; fired: number; acted: number }>(
    `SELECT extract(epoch FROM t.created_at - (t.due_at - interval '1 second')) * 1000 AS armed,
            extract(epoch FROM t.fired_at - t.due_at) * 1000 AS fired, extract(epoch FROM r.ran_at - t.due_at) * 1000 AS acted
     FROM rule_timers t JOIN rule_runs r ON r.timer_id = t.id WHERE t.rule_id = $1`,
    [rule.id],
  );
  const early = rows.filter((r) => r.fired < 0).length;
  const late = rows.filter((r) => r.acted > 1000).length;
  await db.close();
  await engine.cleanup();

  console.log(`\n${engine.name}: ${TIMERS} timers (1 s after an event, ${RATE} events/s), automation worker polling every 500 ms`);
  console.log(line('event → timer armed', rows.map((r) => r.armed)));
  console.log(line('due → fired', rows.map((r) => r.fired)));
  console.log(line('due → acted (run logged)', rows.map((r) => r.acted)));
  console.log(line('baseline: one transaction', baseline));
  const p99 = percentile(rows.map((r) => r.acted).sort((a, b) => a - b), 99);
  const base = percentile([...baseline].sort((a, b) => a - b), 99);
  console.log(`  ratio                    p99 lag = ${(p99 / base).toFixed(1)} × a bare transaction's p99`);
  console.log(`  fired ${rows.length} of ${TIMERS}; early ${early}; later than 1 s ${late}   (aim: all within 1 s)`);
}
