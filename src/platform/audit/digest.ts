/**
 * What the audit trail hashes, as plain functions: an event's digest over every field it was
 * sealed with, and a block's hash over its contents and the previous block's hash. The sealer
 * and the verifier both use these; nothing else decides what "the same record" means.
 */
import { createHash } from 'node:crypto';
import type { Queryable } from '../db/client.js';

/** The `prev_hash` of the first block. */
export const GENESIS_HASH = '0'.repeat(64);

/** An event with every field the audit trail seals, as read by `SEALED_COLUMNS`. */
export type SealedEvent = {
  id: number;
  txId: string;
  type: string;
  entityType: string;
  entityId: string;
  customerId: number | null;
  actor: string;
  credential: string | null;
  address: string | null;
  payload: unknown;
  /** UTC to the microsecond, as stored: the drivers' own time parsing plays no part. */
  occurredAt: string;
};

export const SEALED_COLUMNS = `id, tx_id::text AS "txId", type, entity_type AS "entityType", entity_id AS "entityId",
  customer_id AS "customerId", actor, credential, address, payload,
  to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "occurredAt"`;

/** The events with these ids, in commit order. */
export async function readSealedEvents(q: Queryable, ids: readonly number[]): Promise<SealedEvent[]> {
  if (!ids.length) return [];
  return (await q.query<SealedEvent>(`SELECT ${SEALED_COLUMNS} FROM events WHERE id = ANY($1::bigint[]) ORDER BY tx_id, id`, [ids])).rows;
}

/**
 * JSON with object keys sorted by UTF-16 code unit and no whitespace (RFC 8785's canonical form
 * for values that came from JSON): one text per value, whatever key order the database returns.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

/**
 * SHA-256 of one event's sealed fields, in a fixed order (32 bytes). The transaction id is not
 * among them: it is the database's bookkeeping, renumbered (order kept) when a backup is restored
 * into a database whose counter is far behind; the order it gives is sealed by the block's
 * `eventIds`, and verify still reads the log in that order.
 */
export function eventDigest(ev: SealedEvent): Buffer {
  const fields = [ev.id, ev.type, ev.entityType, ev.entityId, ev.customerId, ev.actor, ev.credential, ev.address, ev.payload, ev.occurredAt];
  return createHash('sha256').update(canonicalJson(fields)).digest();
}

/** A block as stored; `hash` is `blockHash` of the rest. */
export type Block = {
  id: number;
  firstTxId: string;
  firstEventId: number;
  lastTxId: string;
  lastEventId: number;
  eventIds: number[];
  /** The events' digests, concatenated in the order of `eventIds`. */
  eventDigests: Buffer;
  prevHash: string;
  hash: string;
};

/**
 * The block's hash: SHA-256 over the previous block's hash and everything the block stores, each
 * event by its digest. Changing any event changes its digest, so this block's hash, so every
 * later block's `prev_hash` link.
 */
export function blockHash(b: Omit<Block, 'hash'>): string {
  const content = {
    id: b.id,
    prevHash: b.prevHash,
    // Not the bounds' transaction ids, for the reason eventDigest gives.
    firstEventId: b.firstEventId,
    lastEventId: b.lastEventId,
    eventIds: b.eventIds,
    eventDigests: b.eventDigests.toString('hex'),
  };
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/** The i-th event's digest within a block. */
export function digestAt(b: Pick<Block, 'eventDigests'>, i: number): Buffer {
  return b.eventDigests.subarray(32 * i, 32 * (i + 1));
}

export const BLOCK_COLUMNS = `id, first_tx_id::text AS "firstTxId", first_event_id AS "firstEventId", last_tx_id::text AS "lastTxId",
  last_event_id AS "lastEventId", event_ids AS "eventIds", event_digests AS "eventDigests", prev_hash AS "prevHash", hash`;

/** A block row as a driver returns it: bytea is a Buffer (node-postgres) or a Uint8Array (PGlite). */
export function toBlock(row: Omit<Block, 'eventDigests'> & { eventDigests: Uint8Array }): Block {
  const d = row.eventDigests;
  return { ...row, eventIds: row.eventIds.map(Number), eventDigests: Buffer.isBuffer(d) ? d : Buffer.from(d.buffer, d.byteOffset, d.byteLength) };
}
