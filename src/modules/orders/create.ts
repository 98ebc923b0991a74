/**
 * Creating an order: the order and its lines, written pending, and `order.created` on its
 * timeline. The place-order flow (src/flows/place-order.ts) decides what goes in (the products,
 * the customer, the ship-to, the warehouse) and then confirms or backorders it; this module alone
 * writes its tables.
 */
import type { Tx } from '../../platform/db/client.js';
import { Conflict, Invalid } from '../../platform/http/errors.js';
import { ORDER_EVENTS as E, type OrderChannel } from './events.js';
import type { ShipTo } from './orders.schema.js';
import { lockOrder, recordOrderEvent, type OrderRow } from './orders.service.js';

/** Far below numeric(16, 2)'s limit, and exact in a double when summed in cents. */
const MAX_TOTAL = 1_000_000_000_000;

export type NewOrderRecord = {
  customerId: number;
  channel: OrderChannel;
  externalRef: string | null;
  warehouseId: number;
  shipTo: ShipTo;
  currency: string;
  note: string | null;
  lines: Array<{ productId: number; sku: string; name: string; quantity: number; unitPrice: number }>;
};

/** The order, locked, as created: pending, nothing reserved yet. A channel's order number already placed is a 409. */
export async function createOrder(tx: Tx, actor: string, o: NewOrderRecord): Promise<OrderRow> {
  if (o.externalRef) {
    const dup = (await tx.query<{ number: string }>('SELECT number FROM orders WHERE channel = $1 AND external_ref = $2', [o.channel, o.externalRef])).rows[0];
    if (dup) throw new Conflict(`${o.channel} order ${o.externalRef} is already ${dup.number}`, { field: 'externalRef', number: dup.number });
  }
  const totalCents = o.lines.reduce((n, l) => n + Math.round(l.unitPrice * 100) * l.quantity, 0);
  if (totalCents / 100 > MAX_TOTAL) throw new Invalid('lines', `the order total may not exceed ${MAX_TOTAL}`);

  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO orders (customer_id, channel, external_ref, warehouse_id, ship_to, currency, total, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [o.customerId, o.channel, o.externalRef, o.warehouseId, JSON.stringify(o.shipTo), o.currency, (totalCents / 100).toFixed(2), o.note],
  );
  const orderId = rows[0]!.id;
  await tx.query(
    `INSERT INTO order_lines (order_id, line_no, product_id, sku, name, quantity, unit_price)
     SELECT $1, n, p, s, nm, q, u FROM unnest($2::int[], $3::bigint[], $4::text[], $5::text[], $6::int[], $7::numeric[]) AS t(n, p, s, nm, q, u)`,
    [
      orderId,
      o.lines.map((_l, i) => i + 1),
      o.lines.map((l) => l.productId),
      o.lines.map((l) => l.sku),
      o.lines.map((l) => l.name),
      o.lines.map((l) => l.quantity),
      o.lines.map((l) => l.unitPrice.toFixed(2)),
    ],
  );
  const order = await lockOrder(tx, orderId);
  // Written before any reservation is tried, so the timeline reads created → confirmed | backordered.
  await recordOrderEvent(tx, actor, order, E.created, {
    channel: order.channel,
    externalRef: order.externalRef,
    warehouseId: o.warehouseId,
    currency: order.currency,
    total: order.total,
    lines: o.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, unitPrice: l.unitPrice })),
  });
  return order;
}
