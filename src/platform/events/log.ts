/**
 * The event log: `appendEvent` writes one event in the caller's transaction (so the change and
 * its event commit together); readers list it for people or follow it in commit order.
 */
import type { Queryable, Tx } from '../db/client.js';
import { sourceOf } from '../http/request-context.js';

export const EVENTS_CHANNEL = 'wareloop_events';

export type Actor = string; // 'user:12', 'api_key:3', 'system', 'carrier:manual'

export type NewEvent = {
  type: string; // `<entity>.<verb>` in the past tense: order.packed
  entityType: string;
  entityId: string | number;
  customerId?: number | null;
  payload?: Record<string, unknown>;
};

export type StoredEvent = {
  id: number;
  type: string;
  entityType: string;
  entityId: string;
  customerId: number | null;
  actor: string;
  payload: Record<string, unknown>;
  occurredAt: string;
};

/**
 * Where a follower stands in the log: the last (transaction, id) it has seen. A follower that
 * asked for new events only also carries the snapshot taken when it started (`skipSeenIn`):
 * events of transactions already committed then are skipped, however late their ids sort.
 */
export type Position = { txId: string; id: number; skipSeenIn?: string };
export const START: Position = { txId: '0', id: 0 };

const notified = new WeakSet<Tx>();

export async function appendEvent(tx: Tx, actor: Actor, ev: NewEvent): Promise<StoredEvent> {
  // The audit trail's "from which credential and address", taken from the request in hand.
  const { credential, address } = sourceOf(actor);
  const { rows } = await tx.query<StoredEvent>(
    `INSERT INTO events (type, entity_type, entity_id, customer_id, actor, payload, credential, address)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     RETURNING id, type, entity_type AS "entityType", entity_id AS "entityId", customer_id AS "customerId",
               actor, payload, occurred_at AS "occurredAt"`,
    [ev.type, ev.entityType, String(ev.entityId), ev.customerId ?? null, actor, ev.payload ?? {}, credential, address],
  );
  if (!notified.has(tx)) {
    // NOTIFY is delivered at commit and dropped on rollback: followers wake only for real events.
    notified.add(tx);
    await tx.query(`SELECT pg_notify('${EVENTS_CHANNEL}', '')`);
  }
  return rows[0]!;
}

const COLUMNS = `id, type, entity_type AS "entityType", entity_id AS "entityId", customer_id AS "customerId",
  actor, payload, occurred_at AS "occurredAt"`;

export type EventFilter = {
  types?: string[]; // exact types or prefixes ending in `.*`
  entityType?: string;
  entityId?: string;
  customerId?: number;
  since?: string;
  until?: string;
  /**
   * What a reader limited to some warehouses may see: an event whose payload names a warehouse
   * (`warehouseId`, `fromWarehouseId`, `toWarehouseId` or `warehouse.id`) when one of them is in
   * `warehouseIds`; an event naming none unless its entity type is one of `boundEntityTypes`
   * (things that live in a warehouse, whose events must say which).
   */
  warehouseScope?: { warehouseIds: readonly number[]; boundEntityTypes: readonly string[] };
};

function where(f: EventFilter, params: unknown[]): string[] {
  const clauses: string[] = [];
  if (f.types?.length) {
    const parts = f.types.map((t) => {
      if (t === '*') return 'true';
      if (t.endsWith('.*')) {
        // `order_line.*`: the prefix is literal, so LIKE's own wildcards in it are escaped.
        params.push(t.slice(0, -1).replace(/[\\%_]/g, (c) => `\\${c}`) + '%');
        return `type LIKE $${params.length}`;
      }
      params.push(t);
      return `type = $${params.length}`;
    });
    clauses.push(`(${parts.join(' OR ')})`);
  }
  if (f.entityType) {
    params.push(f.entityType);
    clauses.push(`entity_type = $${params.length}`);
  }
  if (f.entityId) {
    params.push(f.entityId);
    clauses.push(`entity_id = $${params.length}`);
  }
  if (f.customerId !== undefined) {
    params.push(f.customerId);
    clauses.push(`customer_id = $${params.length}`);
  }
  if (f.since) {
    params.push(f.since);
    clauses.push(`occurred_at >= $${params.length}`);
  }
  if (f.until) {
    params.push(f.until);
    clauses.push(`occurred_at < $${params.length}`);
  }
  if (f.warehouseScope) {
    const ids = `$${params.push(f.warehouseScope.warehouseIds.map(String))}::text[]`;
    const bound = `$${params.push([...f.warehouseScope.boundEntityTypes])}::text[]`;
    clauses.push(`CASE WHEN ${namesWarehouse('payload')} THEN ${namesWarehouseIn('payload', ids)} ELSE entity_type <> ALL(${bound}) END`);
  }
  return clauses;
}

/** SQL: whether an event's payload names a warehouse (`warehouseId`, `fromWarehouseId`, `toWarehouseId` or `warehouse.id`). */
function namesWarehouse(payload: string): string {
  return `(${payload} ?| ARRAY['warehouseId', 'fromWarehouseId', 'toWarehouseId'] OR jsonb_typeof(${payload}->'warehouse') = 'object')`;
}

/** SQL: whether an event's payload names one of the warehouses `ids` (a text[] parameter). */
function namesWarehouseIn(payload: string, ids: string): string {
  return `coalesce(${payload}->>'warehouseId' = ANY(${ids}) OR ${payload}->>'fromWarehouseId' = ANY(${ids}) OR ${payload}->>'toWarehouseId' = ANY(${ids})
    OR ${payload}->'warehouse'->>'id' = ANY(${ids}), false)`;
}

/**
 * SQL for another module's query: whether the entity a row is about (`typeColumn`, `idColumn`:
 * a task's entity, a notice's, an attachment's) is visible to a reader limited to some
 * warehouses. Nothing (a null type) and things that live in no warehouse (a customer, a product)
 * are; a warehouse is when it is one of theirs; a thing that lives in a warehouse (an order, a
 * return, a deposit, a location) is when one of its events names one of theirs, which is where
 * the log's own filter shows its events, so an unknown id and another warehouse's look alike.
 * Undefined for every warehouse, so an unscoped query stays exactly as it was.
 */
export function entityScopeCondition(scope: EventFilter['warehouseScope'], typeColumn: string, idColumn: string, params: unknown[]): string | undefined {
  if (!scope) return undefined;
  const ids = `$${params.push(scope.warehouseIds.map(String))}::text[]`;
  const bound = `$${params.push([...scope.boundEntityTypes])}::text[]`;
  return `(${typeColumn} IS NULL OR ${typeColumn} <> ALL(${bound})
    OR (${typeColumn} = 'warehouse' AND ${idColumn} = ANY(${ids}))
    OR EXISTS (SELECT 1 FROM events e WHERE e.entity_type = ${typeColumn} AND e.entity_id = ${idColumn} AND ${namesWarehouseIn('e.payload', ids)}))`;
}

/** Events for people (API lists, timelines): newest first, keyset-paginated by id. */
export async function listEvents(
  q: Queryable,
  f: EventFilter,
  page: { before?: number; limit: number },
): Promise<StoredEvent[]> {
  const params: unknown[] = [];
  const clauses = where(f, params);
  if (page.before !== undefined) {
    params.push(page.before);
    clauses.push(`id < $${params.length}`);
  }
  params.push(page.limit);
  const sql = `SELECT ${COLUMNS} FROM events ${clauses.length ? 'WHERE ' + clauses.join(' AND ') : ''}
    ORDER BY id DESC LIMIT $${params.length}`;
  return (await q.query<StoredEvent>(sql, params)).rows;
}

/**
 * The warehouse a thing lies in, as the log knows it: a warehouse is its own; anything else, the
 * warehouse its latest event names (an order's, a return's, a deposit's). Undefined for things that
 * lie in none (a customer, a product, a team). A task or a notice about the thing names it too, so
 * the log shows their events to the same readers.
 */
export async function warehouseOfEntity(q: Queryable, entityType: string, entityId: string | number): Promise<number | undefined> {
  if (entityType === 'warehouse') return Number(entityId);
  const { rows } = await q.query<{ warehouseId: string }>(
    `SELECT coalesce(payload->>'warehouseId', payload->'warehouse'->>'id') AS "warehouseId" FROM events
      WHERE entity_type = $1 AND entity_id = $2 AND (payload ? 'warehouseId' OR jsonb_typeof(payload->'warehouse') = 'object')
      ORDER BY id DESC LIMIT 1`,
    [entityType, String(entityId)],
  );
  const id = Number(rows[0]?.warehouseId);
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/** One event by id. */
export async function getEvent(q: Queryable, id: number): Promise<StoredEvent | undefined> {
  return (await q.query<StoredEvent>(`SELECT ${COLUMNS} FROM events WHERE id = $1`, [id])).rows[0];
}

/** The id of the first event of one of these types about an entity after `afterId` (a stopped clock, say). */
export async function firstEventAbout(q: Queryable, entity: { type: string; id: string }, patterns: readonly string[], afterId: number): Promise<number | undefined> {
  if (!patterns.length) return undefined;
  const params: unknown[] = [];
  const clauses = where({ types: [...patterns], entityType: entity.type, entityId: entity.id }, params);
  params.push(afterId);
  const { rows } = await q.query<{ id: number }>(`SELECT id FROM events WHERE ${clauses.join(' AND ')} AND id > $${params.length} ORDER BY id LIMIT 1`, params);
  return rows[0]?.id;
}

/**
 * Events after `from` in commit order, only from transactions that have finished, so that a
 * follower that moves its position past what it read can never skip an event committed later.
 * "Finished" is judged against this database's running transactions (`events_read_bound()`, in
 * migrations/003), not the whole server's: another database's open transaction holds no one back.
 */
export async function readAfter(
  q: Queryable,
  from: Position,
  limit: number,
  f: EventFilter = {},
): Promise<Array<StoredEvent & { position: Position }>> {
  const params: unknown[] = [from.txId, from.id];
  const clauses = where(f, params);
  if (from.skipSeenIn) clauses.push(`NOT pg_visible_in_snapshot(tx_id, $${params.push(from.skipSeenIn)}::pg_snapshot)`);
  params.push(limit);
  const sql = `SELECT ${COLUMNS}, tx_id::text AS "txId" FROM events
    WHERE (tx_id, id) > ($1::xid8, $2::bigint)
      AND tx_id < (SELECT events_read_bound())
      ${clauses.length ? 'AND ' + clauses.join(' AND ') : ''}
    ORDER BY tx_id, id LIMIT $${params.length}`;
  const rows = (await q.query<StoredEvent & { txId: string }>(sql, params)).rows;
  const skip = from.skipSeenIn ? { skipSeenIn: from.skipSeenIn } : {};
  return rows.map(({ txId, ...ev }) => ({ ...ev, position: { txId, id: ev.id, ...skip } }));
}

/** The position of a known event, to resume after it (SSE Last-Event-ID). */
export async function positionOf(q: Queryable, eventId: number): Promise<Position | undefined> {
  const { rows } = await q.query<{ txId: string }>(`SELECT tx_id::text AS "txId" FROM events WHERE id = $1`, [eventId]);
  return rows[0] ? { txId: rows[0].txId, id: eventId } : undefined;
}

/**
 * The end of the log now. With `onlyNew`, a follower starting here sees exactly the events of
 * transactions not yet committed now (the snapshot says which); without it, a follower that has
 * caught up jumps here and may see, at least once, events of transactions still running.
 */
export async function headPosition(q: Queryable, opts: { onlyNew?: boolean } = {}): Promise<Position> {
  const { rows } = await q.query<{ txId: string; snapshot: string }>(
    `SELECT (events_read_bound()::text::bigint - 1)::text AS "txId", s::text AS snapshot FROM pg_current_snapshot() AS s`,
  );
  const head = { txId: rows[0]!.txId, id: Number.MAX_SAFE_INTEGER };
  return opts.onlyNew ? { ...head, skipSeenIn: rows[0]!.snapshot } : head;
}
