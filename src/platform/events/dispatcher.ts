/**
 * Durable consumers of the event log. A consumer keeps its position in `consumer_cursors` and
 * handles events in commit order, a batch at a time: the handler's writes and the new position
 * commit in one transaction, so an event is handled at least once and its effects are kept once
 * (a handler that writes by event id is idempotent). Several processes may start the same
 * consumer: the batch transaction locks the cursor row with SKIP LOCKED, so only one of them
 * runs a batch at a time and the others skip their turn.
 */
import type { Db, Tx } from '../db/client.js';
import { EVENTS_CHANNEL, readAfter, START, type EventFilter, type Position, type StoredEvent } from './log.js';

export type LoggedEvent = StoredEvent & { position: Position };

export type ConsumerOptions = {
  name: string;
  /** Handles one batch inside the transaction that advances the cursor past it. */
  handle(tx: Tx, events: LoggedEvent[]): Promise<void>;
  batchSize?: number;
  /** Another process may have written, and a NOTIFY is lost while a connection reconnects. */
  pollMs?: number;
  /** Only these events reach `handle`; the cursor still moves past the others. */
  filter?: EventFilter;
  log?: { warn(obj: object, msg: string): void };
  /** Where a consumer that has no cursor yet starts: the whole log by default (`headPosition` for only new events). */
  from?: Position;
};

export type Consumer = {
  /** Reads now instead of at the next NOTIFY or poll. */
  wake(): void;
  /** Stops reading; resolves once the batch in hand has committed or rolled back. */
  stop(): Promise<void>;
};

/** Creates the cursor at `from` unless it exists (a new consumer's starting point). */
export async function ensureCursor(q: Tx | Db, name: string, from: Position = START): Promise<void> {
  await q.query(`INSERT INTO consumer_cursors (name, tx_id, event_id) VALUES ($1, $2::xid8, $3) ON CONFLICT (name) DO NOTHING`, [
    name,
    from.txId,
    from.id,
  ]);
}

export async function cursorOf(q: Tx | Db, name: string): Promise<Position | undefined> {
  const { rows } = await q.query<{ txId: string; id: number }>(`SELECT tx_id::text AS "txId", event_id AS id FROM consumer_cursors WHERE name = $1`, [
    name,
  ]);
  return rows[0];
}

/**
 * One batch: lock the cursor (or skip if another process holds it), read after it, handle,
 * advance. Returns how many events it read, or undefined when another process had the cursor.
 */
export async function runBatch(db: Db, opts: Pick<ConsumerOptions, 'name' | 'handle' | 'filter'> & { batchSize: number }): Promise<number | undefined> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ txId: string; id: number }>(
      `SELECT tx_id::text AS "txId", event_id AS id FROM consumer_cursors WHERE name = $1 FOR UPDATE SKIP LOCKED`,
      [opts.name],
    );
    const from = rows[0];
    if (!from) return undefined;
    // Unfiltered, so the cursor moves past events the filter leaves out instead of rereading them.
    const batch = await readAfter(tx, from, opts.batchSize);
    const last = batch[batch.length - 1];
    if (!last) return 0;
    const wanted = opts.filter ? batch.filter((ev) => matchesFilter(opts.filter!, ev)) : batch;
    if (wanted.length) await opts.handle(tx, wanted);
    await tx.query(`UPDATE consumer_cursors SET tx_id = $2::xid8, event_id = $3, updated_at = now() WHERE name = $1`, [
      opts.name,
      last.position.txId,
      last.position.id,
    ]);
    return batch.length;
  });
}

/** `order.*` is the family (`order.created`, not `orders.created`), `*` every type. */
export function typeMatches(patterns: readonly string[], type: string): boolean {
  return patterns.some((p) => p === '*' || p === type || (p.endsWith('.*') && type.startsWith(p.slice(0, -1))));
}

function matchesFilter(f: EventFilter, ev: StoredEvent): boolean {
  if (f.types?.length && !typeMatches(f.types, ev.type)) return false;
  if (f.entityType && ev.entityType !== f.entityType) return false;
  if (f.entityId && ev.entityId !== f.entityId) return false;
  if (f.customerId !== undefined && ev.customerId !== f.customerId) return false;
  return true;
}

export async function startConsumer(db: Db, opts: ConsumerOptions): Promise<Consumer> {
  const batchSize = opts.batchSize ?? 200;
  await ensureCursor(db, opts.name, opts.from);

  let stopped = false;
  let again = false;
  let running: Promise<void> | undefined;

  const drain = async () => {
    do {
      again = false;
      for (;;) {
        if (stopped) return;
        const read = await runBatch(db, { name: opts.name, handle: opts.handle, filter: opts.filter, batchSize });
        // A full batch means more may be waiting; otherwise caught up, or another process has it.
        if (read !== batchSize) break;
      }
    } while (again && !stopped);
  };

  const pump = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = drain()
      .catch((err: unknown) => {
        // The batch rolled back; the cursor did not move, so the next wake-up retries it.
        opts.log?.warn({ err, consumer: opts.name }, 'event consumer: batch failed; retrying at the next poll');
      })
      .finally(() => {
        running = undefined;
      });
  };

  const unlisten = await db.listen(EVENTS_CHANNEL, pump).catch((err: unknown) => {
    opts.log?.warn({ err, consumer: opts.name }, 'event consumer: LISTEN failed; falling back to polling');
    return undefined;
  });
  const poll = setInterval(pump, opts.pollMs ?? 1000);
  poll.unref();
  pump();

  return {
    wake: pump,
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(poll);
      await unlisten?.().catch(() => undefined);
      await running;
    },
  };
}
