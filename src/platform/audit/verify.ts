/**
 * Verifies the audit trail against the events table: walks the blocks in order, checks each
 * link and hash, and compares each block's stretch of the log, event by event, with what it
 * sealed. Reports the first problem found, and the counts.
 */
import type { Queryable } from '../db/client.js';
import {
  BLOCK_COLUMNS,
  blockHash,
  digestAt,
  eventDigest,
  GENESIS_HASH,
  SEALED_COLUMNS,
  toBlock,
  type Block,
  type SealedEvent,
} from './digest.js';
import { AUDIT_CONSUMER } from './seal.js';

export const FINDING_KINDS = ['altered_event', 'removed_event', 'inserted_event', 'reordered_event', 'altered_block', 'broken_chain', 'removed_block'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export type AuditFinding = { kind: FindingKind; blockId: number; eventId: number | null; detail: string };

export type AuditReport = {
  ok: boolean;
  blocks: number;
  eventsSealed: number;
  eventsUnsealed: number;
  /** The last block: its hash vouches for the whole chain (note it elsewhere to anchor it). */
  head: { blockId: number; hash: string; lastEventId: number } | null;
  finding: AuditFinding | null;
};

const BLOCKS_PER_READ = 50;

type Position = { txId: string; id: number };
const START: Position = { txId: '0', id: 0 };

const after = (a: Position, b: Position) => BigInt(a.txId) > BigInt(b.txId) || (a.txId === b.txId && a.id > b.id);

/** The events after `from` up to and including `to`, in commit order: one block's stretch of the log. */
async function stretch(q: Queryable, from: Position, to: Position): Promise<SealedEvent[]> {
  return (
    await q.query<SealedEvent>(
      `SELECT ${SEALED_COLUMNS} FROM events
        WHERE (tx_id, id) > ($1::xid8, $2::bigint) AND (tx_id, id) <= ($3::xid8, $4::bigint)
        ORDER BY tx_id, id`,
      [from.txId, from.id, to.txId, to.id],
    )
  ).rows;
}

/** Which of the block's other sealed events this row now carries, if any (two records swapped). */
function sealedAsAnother(b: Block, row: SealedEvent, at: number): number | undefined {
  return b.eventIds.find((id, j) => j !== at && eventDigest({ ...row, id }).equals(digestAt(b, j)));
}

/** The first difference between what block `b` sealed and its stretch of the log now. */
async function compareStretch(q: Queryable, b: Block, rows: SealedEvent[]): Promise<AuditFinding | undefined> {
  const sealed = new Set(b.eventIds);
  const present = new Set(rows.map((r) => r.id));
  for (let k = 0; k < Math.max(rows.length, b.eventIds.length); k++) {
    const row = rows[k];
    const expected = b.eventIds[k];
    if (row && row.id === expected) {
      if (eventDigest(row).equals(digestAt(b, k))) continue;
      const other = sealedAsAnother(b, row, k);
      if (other !== undefined) {
        return { kind: 'reordered_event', blockId: b.id, eventId: row.id, detail: `event ${row.id} now holds what block ${b.id} sealed as event ${other}: the two records were swapped` };
      }
      return { kind: 'altered_event', blockId: b.id, eventId: row.id, detail: `event ${row.id} differs from what block ${b.id} sealed: a field was changed` };
    }
    if (expected !== undefined && !present.has(expected)) {
      const still = (await q.query('SELECT 1 FROM events WHERE id = $1', [expected])).rowCount > 0;
      return still
        ? { kind: 'reordered_event', blockId: b.id, eventId: expected, detail: `event ${expected}, sealed in block ${b.id}, has moved elsewhere in the commit order` }
        : { kind: 'removed_event', blockId: b.id, eventId: expected, detail: `event ${expected}, sealed in block ${b.id}, is no longer in the events table` };
    }
    if (row && !sealed.has(row.id)) {
      const { rows: home } = await q.query<{ id: number }>('SELECT id FROM audit_blocks WHERE $1::bigint = ANY(event_ids) ORDER BY id LIMIT 1', [row.id]);
      return home[0]
        ? { kind: 'reordered_event', blockId: b.id, eventId: row.id, detail: `event ${row.id}, sealed in block ${home[0].id}, now sits among block ${b.id}'s events` }
        : { kind: 'inserted_event', blockId: b.id, eventId: row.id, detail: `event ${row.id} sits among block ${b.id}'s events but no block sealed it: it was inserted afterwards` };
    }
    return { kind: 'reordered_event', blockId: b.id, eventId: row?.id ?? expected ?? null, detail: `block ${b.id}'s events are no longer in the order it sealed them (event ${row?.id} where event ${expected} was)` };
  }
  return undefined;
}

/** One block's own checks, then its events. */
async function checkBlock(q: Queryable, b: Block, expectedId: number, prevHash: string, from: Position): Promise<AuditFinding | undefined> {
  if (b.id !== expectedId) {
    const missing = b.id - 1 > expectedId ? `blocks ${expectedId}–${b.id - 1} are` : `block ${expectedId} is`;
    return { kind: 'removed_block', blockId: expectedId, eventId: null, detail: `${missing} missing from the chain` };
  }
  if (b.prevHash !== prevHash) {
    return { kind: 'broken_chain', blockId: b.id, eventId: null, detail: `block ${b.id} does not link to block ${b.id - 1}: its previous hash is not that block's hash` };
  }
  if (blockHash(b) !== b.hash) {
    return { kind: 'altered_block', blockId: b.id, eventId: null, detail: `block ${b.id} was changed after sealing: its contents no longer match its hash` };
  }
  return compareStretch(q, b, await stretch(q, from, { txId: b.lastTxId, id: b.lastEventId }));
}

export async function verifyAudit(q: Queryable): Promise<AuditReport> {
  const { rows: totals } = await q.query<{ blocks: number; events: number }>(
    'SELECT count(*)::int AS blocks, coalesce(sum(cardinality(event_ids)), 0)::int AS events FROM audit_blocks',
  );
  const { rows: last } = await q.query<{ blockId: number; hash: string; lastEventId: number; lastTxId: string }>(
    'SELECT id AS "blockId", hash, last_event_id AS "lastEventId", last_tx_id::text AS "lastTxId" FROM audit_blocks ORDER BY id DESC LIMIT 1',
  );
  const end: Position = last[0] ? { txId: last[0].lastTxId, id: last[0].lastEventId } : START;

  let finding: AuditFinding | undefined;
  let prevHash = GENESIS_HASH;
  let from = START;
  let expectedId = 1;
  for (let lastId = 0; !finding; ) {
    const { rows } = await q.query<Parameters<typeof toBlock>[0]>(`SELECT ${BLOCK_COLUMNS} FROM audit_blocks WHERE id > $1 ORDER BY id LIMIT $2`, [lastId, BLOCKS_PER_READ]);
    for (const row of rows) {
      const b = toBlock(row);
      finding = await checkBlock(q, b, expectedId, prevHash, from);
      if (finding) break;
      prevHash = b.hash;
      from = { txId: b.lastTxId, id: b.lastEventId };
      expectedId = b.id + 1;
    }
    if (rows.length < BLOCKS_PER_READ) break;
    lastId = rows[rows.length - 1]!.id;
  }
  if (!finding) finding = await checkTail(q, end, expectedId);

  const { rows: unsealed } = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM events WHERE (tx_id, id) > ($1::xid8, $2::bigint)', [end.txId, end.id]);
  return {
    ok: !finding,
    blocks: totals[0]!.blocks,
    eventsSealed: totals[0]!.events,
    eventsUnsealed: unsealed[0]!.n,
    head: last[0] ? { blockId: last[0].blockId, hash: last[0].hash, lastEventId: last[0].lastEventId } : null,
    finding: finding ?? null,
  };
}

/**
 * The sealer's cursor and its last block move in one transaction: a cursor past the chain's end
 * means blocks were removed from the end of the chain.
 */
async function checkTail(q: Queryable, end: Position, nextBlockId: number): Promise<AuditFinding | undefined> {
  const { rows } = await q.query<Position>('SELECT tx_id::text AS "txId", event_id AS id FROM consumer_cursors WHERE name = $1', [AUDIT_CONSUMER]);
  const cursor = rows[0];
  if (!cursor || !after(cursor, end)) return undefined;
  const { rows: first } = await q.query<{ id: number | null }>(
    'SELECT min(id) AS id FROM events WHERE (tx_id, id) > ($1::xid8, $2::bigint) AND (tx_id, id) <= ($3::xid8, $4::bigint)',
    [end.txId, end.id, cursor.txId, cursor.id],
  );
  return {
    kind: 'removed_block',
    blockId: nextBlockId,
    eventId: first[0]?.id ?? null,
    detail: `the sealer sealed through event ${cursor.id} but the chain ends ${end.id ? `at event ${end.id}` : 'before any block'}: block ${nextBlockId} and any after it are missing`,
  };
}

/** The report as the CLI prints it. */
export function describeReport(r: AuditReport): string[] {
  const lines = [
    `Blocks: ${r.blocks}   events sealed: ${r.eventsSealed}   not yet sealed: ${r.eventsUnsealed}`,
    r.head ? `Chain head: block ${r.head.blockId} (through event ${r.head.lastEventId}), hash ${r.head.hash}` : 'Chain head: none (nothing sealed yet)',
  ];
  if (!r.finding) return [...lines, '✓ The audit trail is intact: every sealed event matches its block and every block its chain.'];
  const f = r.finding;
  return [...lines, `✗ ${f.kind.replace(/_/g, ' ')} (block ${f.blockId}${f.eventId !== null ? `, event ${f.eventId}` : ''}): ${f.detail}`];
}

/** `wareloop audit verify`: prints the report; the exit code is 1 on a finding. */
export async function auditVerifyCommand(q: Queryable, print: (line: string) => void = console.log): Promise<number> {
  const report = await verifyAudit(q);
  for (const line of describeReport(report)) print(line);
  return report.ok ? 0 : 1;
}
