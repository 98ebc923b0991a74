/** What the service and the sender share about deliveries: their columns and their events. */
import type { Tx } from '../../platform/db/client.js';
import { appendEvent, entityScopeCondition, warehouseOfEntity, type EventFilter } from '../../platform/events/log.js';
import { visibleTaskCondition } from '../tasks/index.js';
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

/** Writes a delivery event, with the customer's id (if it is a customer's notice) so it lands on their timeline, and its thing's warehouse. */
export async function recordDeliveryEvent<T extends NotificationEvent>(
  tx: Tx,
  actor: string,
  d: Pick<Delivery, 'id' | 'customerId' | 'entityType' | 'entityId'>,
  type: T,
  payload: NotificationEventPayloads[T],
) {
  // A notice about a warehouse thing (or a task about one) names that warehouse, as the thing's own events do.
  const warehouseId = d.entityType && d.entityId ? await warehouseOfEntity(tx, d.entityType, d.entityId) : undefined;
  await appendEvent(tx, actor, { type, entityType: 'notification', entityId: d.id, customerId: d.customerId, payload: { ...payload, ...(warehouseId ? { warehouseId } : {}) } });
}

/**
 * The condition that a delivery is visible to a reader limited to some warehouses (`eventScope`
 * of the caller), for a query of `notification_deliveries`: a notice about a warehouse thing (an
 * order, a return, a deposit, a shipment …) when that thing is in one of their warehouses, as the
 * event log decides; a notice about a task when the task is visible to them; any other notice
 * (a customer's, a product's, about nothing). Undefined for every warehouse.
 */
export function deliveryScopeCondition(scope: EventFilter['warehouseScope'], params: unknown[]): string | undefined {
  const entity = entityScopeCondition(scope, 'notification_deliveries.entity_type', 'notification_deliveries.entity_id', params);
  const task = visibleTaskCondition(scope, 'notification_deliveries.entity_id', params);
  return entity && task && `(${entity} AND (notification_deliveries.entity_type IS DISTINCT FROM 'task' OR ${task}))`;
}
