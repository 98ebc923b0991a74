/**
 * Stopping an order: cancel (for good) and intercept (hold it as an exception, to resume later).
 * Both give back every unit the order holds; units already picked wait, unreserved, at the
 * shipping location to be put away. The order's event is written before the release, whose
 * freed stock may confirm a backordered order in the same transaction.
 */
import type { Tx } from '../../platform/db/client.js';
import { ORDER_EVENTS as E } from './events.js';
import { releaseAll } from './holds.js';
import { transition } from './order-state.js';
import { linesOf, lockOrder, recordOrderEvent, setStatus } from './orders.service.js';

export async function cancelOrder(tx: Tx, actor: string, orderId: number, reason: string) {
  const order = await lockOrder(tx, orderId);
  const from = order.status;
  const to = transition(from, { type: 'cancel' });
  const lines = await linesOf(tx, order.id);
  await setStatus(tx, order, to, { cancel_reason: reason, cancelled_at: new Date().toISOString(), exception_reason: null });
  await recordOrderEvent(tx, actor, order, E.cancelled, { reason, from });
  await releaseAll(tx, actor, lines.map((l) => l.id));
}

export async function interceptOrder(tx: Tx, actor: string, orderId: number, reason: string) {
  const order = await lockOrder(tx, orderId);
  const from = order.status;
  const to = transition(from, { type: 'intercept' });
  const lines = await linesOf(tx, order.id);
  const exceptionReason = `intercepted: ${reason}`;
  await setStatus(tx, order, to, { exception_reason: exceptionReason, promised_ship_date: null });
  // Picking starts over on resume: what was picked is no longer the order's.
  await tx.query('UPDATE order_lines SET picked_quantity = 0, packed_quantity = 0 WHERE order_id = $1', [order.id]);
  await recordOrderEvent(tx, actor, order, E.intercepted, { reason, from });
  await recordOrderEvent(tx, actor, order, E.exception, { reason: exceptionReason, cause: 'intercepted' });
  await releaseAll(tx, actor, lines.map((l) => l.id));
}
