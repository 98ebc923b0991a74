/**
 * The sealer: a consumer of the event log (cursor `audit`) that cuts what has committed since
 * its last block into the next block. It reads in commit order like every consumer, so an event
 * committed late with a lower id is sealed, never skipped; the block and the cursor move commit
 * together, and the cursor lock lets one process seal at a time.
 */
import type { Db, Tx } from '../db/client.js';
import { ensureCursor, runBatch, type LoggedEvent } from '../events/dispatcher.js';
import { blockHash, eventDigest, GENESIS_HASH, readSealedEvents } from './digest.js';

export const AUDIT_CONSUMER = 'audit';

/** Events per block at most; a backlog becomes several blocks. */
const BLOCK_SIZE = 1000;

async function sealBlock(tx: Tx, batch: LoggedEvent[]): Promise<void> {
  // The consumer's read carries the public event fields only; the sealed ones are read again here.
  const events = await readSealedEvents(
    tx,
    batch.map((e) => e.id),
  );
  if (events.length !== batch.length || events.some((e, i) => e.id !== batch[i]!.id)) {
    throw new Error('audit sealer: the events read back differ from the batch in hand');
  }
  const { rows } = await tx.query<{ id: number; hash: string }>('SELECT id, hash FROM audit_blocks ORDER BY id DESC LIMIT 1');
  const first = events[0]!;
  const last = events[events.length - 1]!;
  const block = {
    id: (rows[0]?.id ?? 0) + 1,
    prevHash: rows[0]?.hash ?? GENESIS_HASH,
    firstTxId: first.txId,
    firstEventId: first.id,
    lastTxId: last.txId,
    lastEventId: last.id,
    eventIds: events.map((e) => e.id),
    eventDigests: Buffer.concat(events.map(eventDigest)),
  };
  await tx.query(
    `INSERT INTO audit_blocks (id, first_tx_id, first_event_id, last_tx_id, last_event_id, event_ids, event_digests, prev_hash, hash)
     VALUES ($1, $2::xid8, $3, $4::xid8, $5, $6::bigint[], $7, $8, $9)`,
    [block.id, block.firstTxId, block.firstEventId, block.lastTxId, block.lastEventId, block.eventIds, block.eventDigests, block.prevHash, blockHash(block)],
  );
}

/**
 * Seals every event committed so far into blocks; answers how many events it sealed. Nothing
 * when another process is sealing right now (it holds the cursor): that one will.
 */
export async function sealNow(db: Db, opts: { blockSize?: number } = {}): Promise<number> {
  const batchSize = opts.blockSize ?? BLOCK_SIZE;
  await ensureCursor(db, AUDIT_CONSUMER);
  let sealed = 0;
  for (;;) {
    const read = await runBatch(db, { name: AUDIT_CONSUMER, batchSize, handle: sealBlock });
    if (!read) return sealed;
    sealed += read;
    if (read < batchSize) return sealed;
  }
}

export type AuditSealer = {
  /** Seals what has committed now, without waiting for the next round. For tests and tools. */
  sealNow(): Promise<number>;
  /** Stops sealing; resolves once the block in hand has committed or rolled back. */
  stop(): Promise<void>;
};

/**
 * Seals on a timer, not on every commit: a busy write path then pays one short transaction per
 * interval, however many orders it took, and an event is sealed within about `intervalMs`.
 */
export function startAuditSealer(db: Db, opts: { intervalMs?: number; log?: { warn(obj: object, msg: string): void } } = {}): AuditSealer {
  let stopped = false;
  let running: Promise<number> | undefined;
  const round = (): Promise<number> => {
    if (running) return running;
    running = sealNow(db)
      .catch((err: unknown) => {
        // The batch rolled back and the cursor did not move: the next round seals it.
        opts.log?.warn({ err }, 'audit sealer: sealing failed; retrying at the next round');
        return 0;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const timer = setInterval(() => {
    if (!stopped) void round();
  }, opts.intervalMs ?? 1000);
  timer.unref();
  return {
    async sealNow() {
      // A round already running may have read before the caller's last commit: run one more.
      await running;
      return round();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
