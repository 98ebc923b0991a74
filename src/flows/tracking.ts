/**
 * Tracking: a carrier's status change of a shipment (shipping module) becomes the order's news —
 * in transit, out for delivery, delivered, delivery failed — in the same transaction as the push.
 */
import type { ShipmentListener } from '../modules/shipping/index.js';
import { recordCarrierProgress } from '../modules/orders/index.js';

export const trackingListener: ShipmentListener = async (tx, actor, { shipment, to, event }) =>
  recordCarrierProgress(tx, actor, shipment.orderId, {
    status: to,
    occurredAt: event.occurredAt,
    carrier: shipment.carrier,
    trackingNumber: shipment.trackingNumber,
    shipmentId: shipment.id,
    description: event.description,
    location: event.location,
  });
