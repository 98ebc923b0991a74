/**
 * The durable consumer the webhooks are built on: its cursor moves only with its handler's
 * writes, one process at a time runs a consumer, and stop() lets the batch in hand finish. Plus
 * the retry schedule's jitter.
 */
import { describe, expect, it } from 'vitest';
import { cursorOf, runBatch, startConsumer, typeMatches, type LoggedEvent } from '../src/platform/events/dispatcher.js';
import { appendEvent, headPosition, positionOf, type StoredEvent } from '../src/platform/events/log.js';
import { DEFAULT_RETRY, retryDelay } from '../src/modules/integration/webhooks/send.js';
import { useTestContext } from './support/context.js';

const ctx = await useTestContext();

async function emit(type: string, count = 1): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  for (let i = 0; i < count; i++) {
    out.push(await ctx.db.transaction((tx) => appendEvent(tx, 'system', { type, entityType: 'probe', entityId: i + 1 })));
  }
  return out;
}

async function until(what: string, fn: () => boolean | Promise<boolean>, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await fn())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a durable consumer', () => {
  it('starts where it is told, and keeps its cursor only when the handler succeeds', async () => {
    await emit('old.thing');
    const from = await headPosition(ctx.db);
    const fresh = await emit('probe.first', 2);
    let fail = true;
    const seen: number[] = [];
    const handle = async (tx: Parameters<Parameters<typeof runBatch>[1]['handle']>[0], events: LoggedEvent[]) => {
      await tx.query(`SELECT 1`);
      seen.push(...events.map((e) => e.id));
      if (fail) throw new Error('handler broke');
    };
    const consumer = await startConsumer(ctx.db, { name: 'test-failing', from, pollMs: 20, handle });
    try {
      await until('a failed try', () => seen.length >= 2);
      // The batch rolled back: the cursor is where it started.
      expect(await cursorOf(ctx.db, 'test-failing')).toEqual(from);
      fail = false;
      await until('handled', async () => (await cursorOf(ctx.db, 'test-failing'))!.id === fresh[1]!.id);
      // Only events after `from`, at least once, in commit order, ending with the fresh ones. (On a
      // shared PostgreSQL server `from` may lie before old.thing: another database's open
      // transaction holds the server-wide xmin that headPosition starts from.)
      const unique = [...new Set(seen)];
      expect(unique.slice(-2)).toEqual(fresh.map((e) => e.id));
      for (const id of unique) {
        const at = (await positionOf(ctx.db, id))!;
        expect(BigInt(at.txId) > BigInt(from.txId) || (at.txId === from.txId && at.id > from.id), `event ${id} is after from`).toBe(true);
      }
    } finally {
      await consumer.stop();
    }
  });

  it('hands only the filtered events to the handler, and moves its cursor past the rest', async () => {
    const from = await headPosition(ctx.db);
    const got: string[] = [];
    const consumer = await startConsumer(ctx.db, {
      name: 'test-filtered',
      from,
      pollMs: 20,
      filter: { types: ['keep.*'] },
      handle: async (_tx, events) => {
        got.push(...events.map((e) => e.type));
      },
    });
    try {
      await emit('keep.this');
      await emit('drop.that');
      await emit('keeper.not');
      const [last] = await emit('keep.that');
      await until('the last', async () => (await cursorOf(ctx.db, 'test-filtered'))!.id === last!.id);
      expect(got).toEqual(['keep.this', 'keep.that']);
    } finally {
      await consumer.stop();
    }
  });

  it('runs in one process at a time: two consumers of one name handle each event once', async () => {
    const from = await headPosition(ctx.db);
    const seen: number[] = [];
    const slowly = async (_tx: unknown, events: LoggedEvent[]) => {
      await sleep(5);
      seen.push(...events.map((e) => e.id));
    };
    const a = await startConsumer(ctx.db, { name: 'test-pair', from, pollMs: 10, batchSize: 3, handle: slowly });
    const b = await startConsumer(ctx.db, { name: 'test-pair', from, pollMs: 10, batchSize: 3, handle: slowly });
    let events: StoredEvent[] = [];
    try {
      events = await emit('pair.probe', 25);
      await until('all', () => seen.length >= 25);
    } finally {
      // Stopped, both have finished the batch in hand: nothing more can be handled.
      await Promise.all([a.stop(), b.stop()]);
    }
    expect(seen).toEqual(events.map((e) => e.id));
  });

  it('skips its turn while another holds the cursor', async () => {
    // Start right after an event of our own: on a shared PostgreSQL server the log's head moves
    // with other databases' transactions, so headPosition would not say "exactly one after".
    const [before] = await emit('held.before');
    const from = (await positionOf(ctx.db, before!.id))!;
    await emit('held.probe');
    const handle = async () => undefined;
    const first = await runBatch(ctx.db, { name: 'test-held', handle, batchSize: 10 });
    expect(first).toBeUndefined(); // no cursor yet: nothing to run
    await ctx.db.query(`INSERT INTO consumer_cursors (name, tx_id, event_id) VALUES ('test-held', $1::xid8, $2)`, [from.txId, from.id]);
    if (ctx.db.kind === 'postgres') {
      // Another process (here: a transaction) holds the cursor: this one skips instead of waiting.
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let locked!: () => void;
      const isLocked = new Promise<void>((r) => (locked = r));
      const holder = ctx.db.transaction(async (tx) => {
        await tx.query(`SELECT 1 FROM consumer_cursors WHERE name = 'test-held' FOR UPDATE`);
        locked();
        await held;
      });
      await isLocked;
      expect(await runBatch(ctx.db, { name: 'test-held', handle, batchSize: 10 })).toBeUndefined();
      release();
      await holder;
    }
    // Readers see a transaction only once every older one on the server has finished: wait for it.
    let handled: number | undefined = 0;
    for (let i = 0; i < 100 && !handled; i++) {
      handled = await runBatch(ctx.db, { name: 'test-held', handle, batchSize: 10 });
      if (!handled) await new Promise((r) => setTimeout(r, 50));
    }
    expect(handled).toBe(1);
  });

  it('stop() waits for the batch in hand, which commits', async () => {
    const from = await headPosition(ctx.db);
    let started!: () => void;
    const inBatch = new Promise<void>((r) => (started = r));
    let finish!: () => void;
    const finished = new Promise<void>((r) => (finish = r));
    const consumer = await startConsumer(ctx.db, {
      name: 'test-stop',
      from,
      pollMs: 20,
      handle: async () => {
        started();
        await finished; // the batch ends when the test says so, not after some time
      },
    });
    const [event] = await emit('stop.probe');
    await inBatch;
    let stopped = false;
    const stopping = consumer.stop().then(() => (stopped = true));
    await sleep(50);
    expect(stopped).toBe(false); // still waiting for the batch in hand
    finish();
    await stopping;
    expect((await cursorOf(ctx.db, 'test-stop'))!.id).toBe(event!.id);
  });

  it('matches types exactly, by family, or all', () => {
    expect(typeMatches(['order.*'], 'order.created')).toBe(true);
    expect(typeMatches(['order.*'], 'orders.created')).toBe(false);
    expect(typeMatches(['order.*'], 'order')).toBe(false);
    expect(typeMatches(['stock.low'], 'stock.low')).toBe(true);
    expect(typeMatches(['stock.low'], 'stock.lower')).toBe(false);
    expect(typeMatches(['*'], 'anything.at_all')).toBe(true);
  });
});

describe('the retry schedule', () => {
  it('follows the base delays with full jitter, then every 2 h', () => {
    expect(DEFAULT_RETRY.delaysMs).toEqual([5_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000]);
    // `random` at its upper bound gives the base delay itself.
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((n) => retryDelay(DEFAULT_RETRY, n, () => 1))).toEqual([
      5_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000, 7_200_000, 7_200_000,
    ]);
    expect(retryDelay(DEFAULT_RETRY, 1, () => 0)).toBe(0);
    for (let i = 0; i < 200; i++) {
      const d = retryDelay(DEFAULT_RETRY, 3);
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThan(120_000);
    }
  });
});
