/** Events the shipping module writes, and its vocabularies. */
export const SHIPPING_EVENTS = {
  shipmentCreated: 'shipment.created',
  shipmentStatusChanged: 'shipment.status_changed',
} as const;

/** A parcel's life at the carrier, as carriers report it. */
export const SHIPMENT_STATUSES = ['label_created', 'in_transit', 'out_for_delivery', 'delivered', 'failed_delivery', 'returned'] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

/** `shipment.created`. Shipment events name the warehouse the parcel left from, so readers limited to some warehouses see theirs. */
export type ShipmentCreatedPayload = { orderId: number; orderNumber: string; warehouseId: number | null; carrier: string; trackingNumber: string; labelUrl: string | null };

/** `shipment.status_changed`: the carrier's event that changed it. */
export type ShipmentStatusChangedPayload = {
  orderId: number;
  orderNumber: string;
  warehouseId: number | null;
  carrier: string;
  trackingNumber: string;
  from: ShipmentStatus;
  to: ShipmentStatus;
  occurredAt: string;
  description: string;
  location: string;
};
