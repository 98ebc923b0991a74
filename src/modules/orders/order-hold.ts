/**
 * Holding an order and ranking it. A hold is not a status: an order on hold keeps its status
 * and its stock, and the warehouse cannot pick, pack or ship it until the hold is released.
 * Customer service (or a rule) holds an order while it checks a payment or an address.
 */
import type { Tx } from '../../platform/db/client.js';
import { Conflict } from '../../platform/http/errors.js';
import { ORDER_EVENTS as E } from './events.js';
import { lockOrder, recordOrderEvent, type OrderRow } from './orders.service.js';

const FINISHED = ['shipped', 'in_transit', 'out_for_delivery', 'delivered', 'cancelled'];

export async function holdOrder(tx: Tx, actor: string, orderId: number, reason: string): Promise<{ changed: boolean }> {
  const order = await lockOrder(tx, orderId);
  if (FINISHED.includes(order.status)) throw new Conflict(`order ${order.number} is ${order.status}: nothing left to hold`, { currentState: order.status });
  if (order.onHold) return { changed: false };
  await tx.query('UPDATE orders SET on_hold = true, hold_reason = $2, updated_at = now() WHERE id = $1', [order.id, reason]);
  await recordOrderEvent(tx, actor, order, E.held, { reason, status: order.status });
  return { changed: true };
}

export async function releaseOrderHold(tx: Tx, actor: string, orderId: number): Promise<{ changed: boolean }> {
  const order = await lockOrder(tx, orderId);
  if (!order.onHold) return { changed: false };
  await tx.query('UPDATE orders SET on_hold = false, hold_reason = NULL, updated_at = now() WHERE id = $1', [order.id]);
  await recordOrderEvent(tx, actor, order, E.holdReleased, { reason: order.holdReason, status: order.status });
  return { changed: true };
}

export async function setOrderPriority(tx: Tx, actor: string, orderId: number, priority: number): Promise<{ changed: boolean }> {
  const order = await lockOrder(tx, orderId);
  if (FINISHED.includes(order.status)) throw new Conflict(`order ${order.number} is ${order.status}: its priority no longer matters`, { currentState: order.status });
  if (order.priority === priority) return { changed: false };
  await tx.query('UPDATE orders SET priority = $2, updated_at = now() WHERE id = $1', [order.id, priority]);
  await recordOrderEvent(tx, actor, order, E.priorityChanged, { from: order.priority, to: priority });
  return { changed: true };
}

/** The warehouse's commands call this first: a held order goes nowhere. */
export function assertNotOnHold(order: OrderRow, verb: string): void {
  if (order.onHold) throw new Conflict(`order ${order.number} is on hold (${order.holdReason}): release the hold to ${verb} it`, { currentState: 'on_hold' });
}
