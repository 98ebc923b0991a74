/**
 * After shipping: what the carrier reports (through the tracking flow) and a delivery recorded
 * by hand. A report that no longer fits the order (it was delivered by hand already, say) is
 * ignored: a carrier push must never fail because of the order.
 */
import type { Tx } from '../../platform/db/client.js';
import { ORDER_EVENTS as E } from './events.js';
import { canRun, transition } from './order-state.js';
import { lockOrder, recordOrderEvent, setStatus, type OrderRow } from './orders.service.js';

async function deliver(tx: Tx, actor: string, order: OrderRow, at: string, source: 'manual' | 'carrier', details: Record<string, unknown> = {}) {
  const to = transition(order.status, { type: 'deliver' });
  await setStatus(tx, order, to, { delivered_at: at });
  await recordOrderEvent(tx, actor, order, E.delivered, { deliveredAt: at, source, ...details });
}

/** `POST /orders/:id/deliver`: the customer has it (proof of delivery outside any carrier feed). */
export async function deliverOrder(tx: Tx, actor: string, orderId: number): Promise<void> {
  const order = await lockOrder(tx, orderId);
  await deliver(tx, actor, order, new Date().toISOString(), 'manual');
}

export type CarrierProgress = {
  status: 'label_created' | 'in_transit' | 'out_for_delivery' | 'delivered' | 'failed_delivery' | 'returned';
  occurredAt: string;
  carrier: string;
  trackingNumber: string;
  shipmentId: number;
  description: string;
  location: string;
};

/** A shipment of the order changed status at its carrier. */
export async function recordCarrierProgress(tx: Tx, actor: string, orderId: number, p: CarrierProgress): Promise<void> {
  const order = await lockOrder(tx, orderId);
  if (order.status !== 'shipped') return;
  const details = {
    shipmentId: p.shipmentId,
    carrier: p.carrier,
    trackingNumber: p.trackingNumber,
    occurredAt: p.occurredAt,
    description: p.description,
    location: p.location,
  };
  switch (p.status) {
    case 'in_transit':
      return recordOrderEvent(tx, actor, order, E.inTransit, details);
    case 'out_for_delivery':
      return recordOrderEvent(tx, actor, order, E.outForDelivery, details);
    case 'failed_delivery':
      await tx.query('UPDATE orders SET delivery_failed_at = $2, updated_at = now() WHERE id = $1', [order.id, p.occurredAt]);
      return recordOrderEvent(tx, actor, order, E.deliveryFailed, details);
    case 'delivered':
      if (canRun(order.status, 'deliver')) await deliver(tx, actor, order, p.occurredAt, 'carrier', details);
      return;
    default:
      // label_created says nothing new; a returned parcel is the returns module's business.
      return;
  }
}
