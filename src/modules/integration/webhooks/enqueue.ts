/** A delivery asked for by someone other than the fan-out (a rule's "call webhook" action). */
import type { Tx } from '../../../platform/db/client.js';
import { Invalid } from '../../../platform/http/errors.js';

/**
 * Queues `event` for the webhook `subscriptionId`, whatever event types it subscribes to; the
 * sender signs, retries and logs it like any other. Once per (webhook, event): asking twice, or
 * for an event the webhook receives anyway, queues nothing more. Returns the delivery id.
 */
export async function enqueueWebhookDelivery(tx: Tx, subscriptionId: number, event: { id: number; type: string }): Promise<{ deliveryId: number; queued: boolean }> {
  const sub = await tx.query<{ active: boolean }>('SELECT active FROM webhook_subscriptions WHERE id = $1', [subscriptionId]);
  if (!sub.rows[0]) throw new Invalid('webhookId', `webhook ${subscriptionId} does not exist`);
  if (!sub.rows[0].active) throw new Invalid('webhookId', `webhook ${subscriptionId} is disabled`);
  const inserted = await tx.query<{ id: number }>(
    `INSERT INTO webhook_deliveries (subscription_id, event_id, event_type, next_attempt_at)
     VALUES ($1, $2, $3, now()) ON CONFLICT (subscription_id, event_id) DO NOTHING RETURNING id`,
    [subscriptionId, event.id, event.type],
  );
  if (inserted.rows[0]) return { deliveryId: inserted.rows[0].id, queued: true };
  const existing = await tx.query<{ id: number }>('SELECT id FROM webhook_deliveries WHERE subscription_id = $1 AND event_id = $2', [subscriptionId, event.id]);
  return { deliveryId: existing.rows[0]!.id, queued: false };
}
