/**
 * The `webhooks` consumer of the event log: each event becomes one pending delivery per active
 * subscription that wants its type, in the transaction that advances the consumer's cursor.
 * Deliveries are unique by (subscription, event), so handling a batch twice changes nothing.
 */
import type { Tx } from '../../../platform/db/client.js';
import { typeMatches, type LoggedEvent } from '../../../platform/events/dispatcher.js';

export const WEBHOOKS_CONSUMER = 'webhooks';

type Subscription = { id: number; eventTypes: string[] };

/** The (subscription, event) pairs whose type the subscription wants. */
export function matchDeliveries(subscriptions: Subscription[], events: LoggedEvent[]): Array<{ subscriptionId: number; event: LoggedEvent }> {
  const out: Array<{ subscriptionId: number; event: LoggedEvent }> = [];
  for (const event of events) {
    for (const s of subscriptions) if (typeMatches(s.eventTypes, event.type)) out.push({ subscriptionId: s.id, event });
  }
  return out;
}

/** Returns how many deliveries it created. */
export async function fanOut(tx: Tx, events: LoggedEvent[]): Promise<number> {
  const { rows: subscriptions } = await tx.query<Subscription>(`SELECT id, event_types AS "eventTypes" FROM webhook_subscriptions WHERE active`);
  const pairs = matchDeliveries(subscriptions, events);
  if (!pairs.length) return 0;
  // An event its subscription's creation snapshot already saw committed is history: not sent.
  const { rowCount } = await tx.query(
    `INSERT INTO webhook_deliveries (subscription_id, event_id, event_type, next_attempt_at)
     SELECT x.s, x.e, x.t, now()
     FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) AS x(s, e, t, tx)
     JOIN webhook_subscriptions w ON w.id = x.s
     WHERE NOT pg_visible_in_snapshot(x.tx::xid8, w.starts_after)
     ORDER BY x.e, x.s
     ON CONFLICT (subscription_id, event_id) DO NOTHING`,
    [pairs.map((p) => p.subscriptionId), pairs.map((p) => p.event.id), pairs.map((p) => p.event.type), pairs.map((p) => p.event.position.txId)],
  );
  return rowCount;
}
