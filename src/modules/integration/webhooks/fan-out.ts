/**
 * The `webhooks` consumer of the event log: each event becomes one pending delivery per active
 * subscription that wants its type, in the transaction that advances the consumer's cursor.
 * Deliveries are unique by (subscription, event), so handling a batch twice changes nothing.
 *
 * The fan-out may also claim (lease) some of the deliveries it creates, as `claimDue` would:
 * their messages are in hand (the events just read, the subscriptions just listed), so the
 * sender POSTs them the moment the transaction commits, with no further query.
 */
import type { Tx } from '../../../platform/db/client.js';
import { typeMatches, type LoggedEvent } from '../../../platform/events/dispatcher.js';
import { clockAt, nowSql, SECRETS_SQL, secretsOf, type Claimed, type Clock } from './send.js';

export const WEBHOOKS_CONSUMER = 'webhooks';

type Subscription = { id: number; eventTypes: string[]; url: string; secret: string; previousSecret: string | null };

/** The (subscription, event) pairs whose type the subscription wants. */
export function matchDeliveries<S extends { id: number; eventTypes: string[] }>(subscriptions: S[], events: LoggedEvent[]): Array<{ subscription: S; event: LoggedEvent }> {
  const out: Array<{ subscription: S; event: LoggedEvent }> = [];
  for (const event of events) {
    for (const s of subscriptions) if (typeMatches(s.eventTypes, event.type)) out.push({ subscription: s, event });
  }
  return out;
}

export type FanOutResult = { created: number; claimed: Claimed[] };

/** `claim`: how many of the new deliveries to lease to the caller, and for how long; `now`: the sender's clock. */
export async function fanOut(tx: Tx, events: LoggedEvent[], claim: { limit: number; leaseMs: number; now?: Clock } = { limit: 0, leaseMs: 0 }): Promise<FanOutResult> {
  const { rows: subscriptions } = await tx.query<Subscription>(
    `SELECT s.id, s.event_types AS "eventTypes", s.url, ${SECRETS_SQL} FROM webhook_subscriptions s WHERE s.active`,
  );
  const pairs = matchDeliveries(subscriptions, events);
  if (!pairs.length) return { created: 0, claimed: [] };
  // An event its subscription's creation snapshot already saw committed is history: not sent.
  // The first `limit` pairs are inserted claimed (attempt 1, leased), the rest due now.
  const { rows } = await tx.query<{ id: number; attempts: number; subscriptionId: number; eventId: number }>(
    `INSERT INTO webhook_deliveries (subscription_id, event_id, event_type, attempts, first_attempt_at, last_attempt_at, next_attempt_at)
     SELECT x.s, x.e, x.t, CASE WHEN x.n <= $5 THEN 1 ELSE 0 END, CASE WHEN x.n <= $5 THEN ${nowSql(7)} END, CASE WHEN x.n <= $5 THEN ${nowSql(7)} END,
            CASE WHEN x.n <= $5 THEN ${nowSql(7)} + $6 * interval '1 millisecond' ELSE ${nowSql(7)} END
     FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) WITH ORDINALITY AS x(s, e, t, tx, n)
     JOIN webhook_subscriptions w ON w.id = x.s
     WHERE NOT pg_visible_in_snapshot(x.tx::xid8, w.starts_after)
     ORDER BY x.e, x.s
     ON CONFLICT (subscription_id, event_id) DO NOTHING
     RETURNING id, attempts, subscription_id AS "subscriptionId", event_id AS "eventId"`,
    [pairs.map((p) => p.subscription.id), pairs.map((p) => p.event.id), pairs.map((p) => p.event.type), pairs.map((p) => p.event.position.txId), claim.limit, claim.leaseMs, clockAt(claim.now)],
  );
  const byKey = new Map(pairs.map((p) => [`${p.subscription.id}:${p.event.id}`, p]));
  const claimed: Claimed[] = [];
  for (const r of rows) {
    if (r.attempts !== 1) continue;
    const { subscription: s, event: e } = byKey.get(`${r.subscriptionId}:${r.eventId}`)!;
    claimed.push({
      id: r.id,
      attempt: 1,
      replays: 0,
      subscriptionId: s.id,
      url: s.url,
      secrets: secretsOf(s),
      event: { id: e.id, type: e.type, entityType: e.entityType, entityId: e.entityId, customerId: e.customerId, actor: e.actor, payload: e.payload, occurredAt: e.occurredAt },
    });
  }
  return { created: rows.length, claimed };
}
