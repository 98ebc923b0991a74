/**
 * Events for many entities at once: an import writes one `*.created` per thing it creates, in the
 * same transaction, as one INSERT instead of 100,000 round trips. The columns are those
 * `appendEvent` writes, so followers, timelines and webhooks see no difference. The events travel
 * as one JSON parameter: on the embedded database a JSON text is read far faster than arrays.
 */
import type { Tx } from '../db/client.js';
import { EVENTS_CHANNEL, type NewEvent } from '../events/log.js';
import { sourceOf } from '../http/request-context.js';
import { inBatches } from './kind.js';

/** Writes the events in the order given, all by `actor`, a batch per statement. */
export async function appendEvents(tx: Tx, actor: string, events: readonly NewEvent[]): Promise<void> {
  if (events.length === 0) return;
  // The audit trail's credential and address, as appendEvent takes them (the upload's request).
  const { credential, address } = sourceOf(actor);
  await inBatches(events, (batch) => tx.query(
    `INSERT INTO events (type, entity_type, entity_id, customer_id, actor, payload, credential, address)
     SELECT e.v->>'type', e.v->>'entityType', e.v->>'entityId', (e.v->>'customerId')::bigint, $1, coalesce(e.v->'payload', '{}'::jsonb), $3, $4
       FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS e(v, n)
      ORDER BY e.n`,
    [actor, JSON.stringify(batch.map((e) => ({ ...e, entityId: String(e.entityId) }))), credential, address],
  ));
  await notifyFollowers(tx);
}

/** For events written by the caller's own INSERT … SELECT: followers wake at commit; a rolled-back import wakes no one. */
export async function notifyFollowers(tx: Tx): Promise<void> {
  await tx.query(`SELECT pg_notify('${EVENTS_CHANNEL}', '')`);
}
