/**
 * Shipping a packed order: the carrier books the parcel (a shipment in the shipping module), and
 * every unit picked for the order leaves the stock ledger.
 */
import type { Tx } from '../../platform/db/client.js';
import { shipReservation } from '../inventory/index.js';
import { createShipment } from '../shipping/index.js';
import { ORDER_EVENTS as E } from './events.js';
import { holdsOf } from './holds.js';
import { transition } from './order-state.js';
import { linesOf, lockOrder, recordOrderEvent, setStatus } from './orders.service.js';
import { assertNotOnHold } from './order-hold.js';

export type ShipRequest = { carrier: string; trackingNumber?: string; service?: string; weightG?: number };

export async function shipOrder(tx: Tx, actor: string, orderId: number, input: ShipRequest) {
  const order = await lockOrder(tx, orderId);
  const to = transition(order.status, { type: 'ship' });
  assertNotOnHold(order, 'ship');
  const shipment = await createShipment(tx, actor, {
    orderId: order.id,
    orderNumber: order.number,
    customerId: order.customerId,
    warehouseId: order.warehouseId,
    carrier: input.carrier,
    trackingNumber: input.trackingNumber,
    service: input.service,
    weightG: input.weightG ?? order.parcel?.weightG ?? null,
    shipTo: order.shipTo,
  });
  const lines = await linesOf(tx, order.id);
  const shipped = new Map<number, number>();
  for (const h of await holdsOf(tx, lines.map((l) => l.id))) {
    shipped.set(h.lineId, (shipped.get(h.lineId) ?? 0) + (await shipReservation(tx, actor, h.reservationId, order.number)));
  }
  for (const line of lines) {
    const units = shipped.get(line.id) ?? 0;
    // Packing verified these units; a different count means the stock records moved under the order.
    if (units !== line.packed - line.shipped) {
      throw new Error(`order ${order.number} line ${line.lineNo}: ${units} unit(s) left the warehouse, ${line.packed - line.shipped} were packed`);
    }
  }
  await tx.query('UPDATE order_lines SET shipped_quantity = packed_quantity WHERE order_id = $1', [order.id]);
  await setStatus(tx, order, to, { shipped_at: new Date().toISOString() });
  await recordOrderEvent(tx, actor, order, E.shipped, {
    shipmentId: shipment.id,
    carrier: shipment.carrier,
    trackingNumber: shipment.trackingNumber,
    trackingUrl: shipment.trackingUrl,
  });
}
