/** Changing where an order goes, until it is packed (the label is printed then). */
import type { Tx } from '../../platform/db/client.js';
import { Invalid } from '../../platform/http/errors.js';
import { getCustomerAddress } from '../customers/index.js';
import { ORDER_EVENTS as E } from './events.js';
import { transition } from './order-state.js';
import type { AddressChange, ShipTo } from './orders.schema.js';
import { lockOrder, recordOrderEvent } from './orders.service.js';

export async function changeAddress(tx: Tx, actor: string, orderId: number, change: AddressChange): Promise<void> {
  const order = await lockOrder(tx, orderId);
  transition(order.status, { type: 'changeAddress' });
  const { addressId, ...fields } = change;
  let next: ShipTo;
  if (addressId !== undefined) {
    const a = await getCustomerAddress(tx, order.customerId, addressId);
    if (!a) throw new Invalid('addressId', `customer ${order.customerId} has no address ${addressId}`);
    next = shipToOf(a);
  } else {
    next = { ...order.shipTo, ...fields } as ShipTo;
  }
  const changed = (Object.keys(next) as Array<keyof ShipTo>).filter((k) => (next[k] ?? null) !== (order.shipTo[k] ?? null));
  if (changed.length === 0) return;
  await tx.query('UPDATE orders SET ship_to = $2, updated_at = now() WHERE id = $1', [order.id, JSON.stringify(next)]);
  await recordOrderEvent(tx, actor, order, E.addressChanged, { changed, from: order.shipTo, to: next });
}

/** An order's ship-to from a customer's address (the same fields). */
export function shipToOf(a: ShipTo): ShipTo {
  return {
    recipientName: a.recipientName,
    phone: a.phone,
    country: a.country,
    province: a.province,
    city: a.city,
    district: a.district,
    line1: a.line1,
    line2: a.line2,
    postalCode: a.postalCode,
  };
}
