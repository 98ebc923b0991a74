/** What the service and the sender share about deliveries: their columns and their events. */
import type { Tx } from '../../platform/db/client.js';
import { appendEvent } from '../../platform/events/log.js';
import type { NotificationEvent, NotificationEventPayloads } from './events.js';
import type { Delivery } from './notifications.schema.js';

export const DELIVERY_COLUMNS = `id, customer_id AS "customerId", user_id AS "userId", team, template_id AS "templateId", template_key AS "templateKey",
  template_version AS "templateVersion", channel, locale, recipient, subject, body, status, attempts,
  last_error AS "lastError", next_attempt_at AS "nextAttemptAt", entity_type AS "entityType", entity_id AS "entityId",
  created_at AS "createdAt", sent_at AS "sentAt", updated_at AS "updatedAt"`;

/** The reference every delivery event carries: template, channel, what it is about, and a staff recipient. */
export function deliveryRef(d: Delivery) {
  return {
    deliveryId: d.id,
    templateKey: d.templateKey,
    channel: d.channel,
    entityType: d.entityType,
    entityId: d.entityId,
    ...(d.userId !== null ? { userId: d.userId } : {}),
    ...(d.team !== null ? { team: d.team } : {}),
  };
}

/** Writes a delivery event, with the customer's id (if it is a customer's notice) so it lands on their timeline. */
export async function recordDeliveryEvent<T extends NotificationEvent>(
  tx: Tx,
  actor: string,
  d: Pick<Delivery, 'id' | 'customerId'>,
  type: T,
  payload: NotificationEventPayloads[T],
) {
  await appendEvent(tx, actor, { type, entityType: 'notification', entityId: d.id, customerId: d.customerId, payload });
}

