/**
 * Confirming an order: hold every line's stock, then promise a ship date. Used when an order is
 * placed, when stock arrives for a backorder, on resume after an exception, and on a manual retry.
 */
import type { Tx } from '../../platform/db/client.js';
import { Conflict } from '../../platform/http/errors.js';
import { ORDER_EVENTS as E, type ConfirmTrigger } from './events.js';
import { reserveWhatLacks, type Missing } from './holds.js';
import { assertCan, transition } from './order-state.js';
import { linesOf, lockOrder, recordOrderEvent, setStatus, type OrderRow } from './orders.service.js';
import { promisedShipDate, type ShipCalendar } from './promised-date.js';

/** Holds what every line lacks; on success the order is confirmed with its promised ship date. Status checks are the caller's. */
export async function tryConfirm(
  tx: Tx,
  actor: string,
  order: OrderRow,
  calendar: ShipCalendar,
  trigger: ConfirmTrigger,
): Promise<{ reserved: boolean; missing: Missing[] }> {
  const lines = await linesOf(tx, order.id);
  const result = await reserveWhatLacks(tx, actor, order.warehouseId, lines);
  if (result.reserved) {
    const now = new Date();
    const promised = promisedShipDate(now, calendar);
    await setStatus(tx, order, 'confirmed', { confirmed_at: now.toISOString(), promised_ship_date: promised, exception_reason: null });
    order.promisedShipDate = promised;
    await recordOrderEvent(tx, actor, order, E.confirmed, { warehouseId: order.warehouseId, promisedShipDate: promised, trigger });
  }
  return result;
}

async function backorder(tx: Tx, actor: string, order: OrderRow, missing: Missing[]) {
  await setStatus(tx, order, 'backordered', { promised_ship_date: null, exception_reason: null });
  await recordOrderEvent(tx, actor, order, E.backordered, { warehouseId: order.warehouseId, missing });
}

/** A new (pending) order: confirmed if the stock is there, else backordered until it arrives. */
export async function confirmOrBackorder(tx: Tx, actor: string, order: OrderRow, calendar: ShipCalendar, trigger: ConfirmTrigger) {
  assertCan(order.status, 'confirm');
  const result = await tryConfirm(tx, actor, order, calendar, trigger);
  if (!result.reserved) {
    transition(order.status, { type: 'backorder' });
    await backorder(tx, actor, order, result.missing);
  }
}

/**
 * `POST /orders/:id/confirm`: tries the reservation again. A pending order ends confirmed or
 * backordered; a backordered one is confirmed or the call is a 409 saying what is missing.
 */
export async function retryConfirm(tx: Tx, actor: string, orderId: number, calendar: ShipCalendar): Promise<void> {
  const order = await lockOrder(tx, orderId);
  assertCan(order.status, 'confirm');
  if (order.status === 'pending') return confirmOrBackorder(tx, actor, order, calendar, 'retried');
  const result = await tryConfirm(tx, actor, order, calendar, 'retried');
  if (!result.reserved) {
    const what = result.missing.map((m) => `${m.sku} needs ${m.needed}, ${m.available} available`).join('; ');
    throw new Conflict(`not enough stock to confirm ${order.number}${what ? `: ${what}` : ''}`, { currentState: order.status, missing: result.missing });
  }
}

/** Exception → holds what each line still lacks → confirmed, or backordered until stock arrives. */
export async function resumeOrder(tx: Tx, actor: string, orderId: number, calendar: ShipCalendar): Promise<void> {
  const order = await lockOrder(tx, orderId);
  assertCan(order.status, 'resume');
  await recordOrderEvent(tx, actor, order, E.resumed, { previousReason: order.exceptionReason });
  const result = await tryConfirm(tx, actor, order, calendar, 'resumed');
  if (!result.reserved) {
    transition('exception', { type: 'resume', reserved: false });
    await backorder(tx, actor, order, result.missing);
  }
}
