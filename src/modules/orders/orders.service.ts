/**
 * Orders: reading them (one with its lines, holds and shipment; lists; the timeline) and the
 * helpers every command shares — lock the order, change its status, write its event. The
 * commands themselves live one per file (confirm.ts, pick.ts, pack.ts, ship.ts, interrupt.ts,
 * delivery.ts, address.ts); placing an order is the flow src/flows/place-order.ts.
 */
import { z } from 'zod';
import type { Principal } from '../../platform/auth/auth.service.js';
import { assertVisible, scopeCondition, type WarehouseScope } from '../../platform/auth/scope.js';
import type { Queryable, Tx } from '../../platform/db/client.js';
import { appendEvent, listEvents } from '../../platform/events/log.js';
import { NotFound } from '../../platform/http/errors.js';
import { decodeCursor, pageOf } from '../../platform/http/pagination.js';
import { shipmentOfOrder } from '../shipping/index.js';
import type { OrderEventType } from './events.js';
import { heldByLine } from './holds.js';
import type { OrderStatus } from './order-state.js';
import type { Order, OrderSummary } from './orders.schema.js';

export type OrderRow = OrderSummary & { pickRound: number };
export type LineRow = {
  id: number;
  lineNo: number;
  productId: number;
  sku: string;
  name: string;
  quantity: number;
  unitPrice: number;
  picked: number;
  packed: number;
  shipped: number;
};

const ORDER_COLUMNS = `o.id, o.number, o.customer_id AS "customerId", o.channel, o.external_ref AS "externalRef", o.status,
  o.warehouse_id AS "warehouseId", o.ship_to AS "shipTo", o.promised_ship_date AS "promisedShipDate",
  o.exception_reason AS "exceptionReason", o.cancel_reason AS "cancelReason", o.currency, o.total, o.note, o.parcel,
  o.delivery_failed_at AS "deliveryFailedAt", o.created_at AS "createdAt", o.confirmed_at AS "confirmedAt",
  o.picked_at AS "pickedAt", o.packed_at AS "packedAt", o.shipped_at AS "shippedAt", o.delivered_at AS "deliveredAt",
  o.cancelled_at AS "cancelledAt", o.updated_at AS "updatedAt", o.on_hold AS "onHold", o.hold_reason AS "holdReason",
  o.priority, o.pick_round AS "pickRound"`;
const LINE_COLUMNS = `id, line_no AS "lineNo", product_id AS "productId", sku, name, quantity, unit_price AS "unitPrice",
  picked_quantity AS picked, packed_quantity AS packed, shipped_quantity AS shipped`;

const summary = ({ pickRound: _round, ...o }: OrderRow): OrderSummary => o;

/** The order, locked until the transaction ends: commands on one order run one after the other. */
export async function lockOrder(tx: Tx, id: number): Promise<OrderRow> {
  const row = (await tx.query<OrderRow>(`SELECT ${ORDER_COLUMNS} FROM orders o WHERE o.id = $1 FOR UPDATE`, [id])).rows[0];
  if (!row) throw new NotFound('order', id);
  return row;
}

/** An order in a warehouse outside the caller's is a 404 to them, as if it did not exist. */
export async function assertOrderVisible(q: Queryable, p: Pick<Principal, 'warehouseIds'>, id: number): Promise<void> {
  await assertVisible(
    p,
    async () => (await q.query<{ warehouseId: number }>('SELECT warehouse_id AS "warehouseId" FROM orders WHERE id = $1', [id])).rows[0]?.warehouseId,
    () => new NotFound('order', id),
  );
}

export async function getOrderRow(q: Queryable, id: number): Promise<OrderRow> {
  const row = (await q.query<OrderRow>(`SELECT ${ORDER_COLUMNS} FROM orders o WHERE o.id = $1`, [id])).rows[0];
  if (!row) throw new NotFound('order', id);
  return row;
}

export async function linesOf(q: Queryable, orderId: number): Promise<LineRow[]> {
  return (await q.query<LineRow>(`SELECT ${LINE_COLUMNS} FROM order_lines WHERE order_id = $1 ORDER BY line_no`, [orderId])).rows;
}

/** Moves the order to `status`, with the timestamp and fields that go with it. */
export async function setStatus(
  tx: Tx,
  order: OrderRow,
  status: OrderStatus,
  fields: Partial<Record<'promised_ship_date' | 'exception_reason' | 'cancel_reason' | 'parcel' | 'pick_round' | `${string}_at`, unknown>> = {},
): Promise<void> {
  const names = Object.keys(fields);
  const sets = ['status = $2', 'updated_at = now()', ...names.map((n, i) => `${n} = $${i + 3}`)];
  await tx.query(`UPDATE orders SET ${sets.join(', ')} WHERE id = $1`, [order.id, status, ...names.map((n) => fields[n as keyof typeof fields])]);
  order.status = status;
}

/**
 * Writes an order event on the order's and its customer's timelines. Every one names the
 * warehouse, so a reader limited to some warehouses is shown exactly their orders' events.
 */
export async function recordOrderEvent(
  tx: Tx,
  actor: string,
  order: Pick<OrderRow, 'id' | 'number' | 'customerId' | 'warehouseId'>,
  type: OrderEventType,
  payload: Record<string, unknown> = {},
) {
  await appendEvent(tx, actor, { type, entityType: 'order', entityId: order.id, customerId: order.customerId, payload: { number: order.number, warehouseId: order.warehouseId, ...payload } });
}

/** The order with its lines (what each holds, picked, packed, shipped) and its shipment. */
export async function getOrder(tx: Tx, id: number): Promise<Order> {
  const row = await getOrderRow(tx, id);
  const lines = await linesOf(tx, id);
  const held = await heldByLine(tx, lines.map((l) => l.id));
  const shipment = await shipmentOfOrder(tx, id);
  return {
    ...summary(row),
    lines: lines.map((l) => ({ ...l, reserved: held.get(l.id) ?? 0 })),
    shipment: shipment ?? null,
  };
}

export type OrderFilter = {
  status?: OrderStatus[];
  customerId?: number;
  warehouseId?: number;
  channel?: string;
  /** The caller's scope: only orders of these warehouses. */
  warehouseIds?: WarehouseScope;
  createdFrom?: string;
  createdTo?: string;
  q?: string;
  onHold?: boolean;
};

const Cursor = z.object({ id: z.number().int() });

/** Orders, newest first, keyset-paginated. `q` is an order number (or its digits) or a channel reference. */
export async function listOrders(q: Queryable, f: OrderFilter, page: { limit: number; cursor?: string }) {
  const before = decodeCursor(page.cursor, Cursor);
  const params: unknown[] = [];
  const param = (v: unknown) => `$${params.push(v)}`;
  const where: string[] = [];
  if (f.status?.length) where.push(`o.status = ANY(${param(f.status)}::text[])`);
  if (f.customerId) where.push(`o.customer_id = ${param(f.customerId)}`);
  if (f.warehouseId) where.push(`o.warehouse_id = ${param(f.warehouseId)}`);
  const scoped = scopeCondition(f.warehouseIds, 'o.warehouse_id', params);
  if (scoped) where.push(scoped);
  if (f.channel) where.push(`o.channel = ${param(f.channel)}`);
  if (f.createdFrom) where.push(`o.created_at >= ${param(f.createdFrom)}`);
  if (f.createdTo) where.push(`o.created_at < ${param(f.createdTo)}`);
  if (f.onHold !== undefined) where.push(`o.on_hold = ${param(f.onHold)}`);
  if (f.q) {
    const text = f.q.trim().toUpperCase();
    const digits = /^(SO-?)?\d{1,12}$/.test(text) ? text.replace(/\D/g, '') : undefined;
    const number = digits ? `SO-${digits.padStart(6, '0')}` : text;
    where.push(`(o.number = ${param(number)} OR o.external_ref = ${param(f.q.trim())})`);
  }
  if (before) where.push(`o.id < ${param(before.id)}`);
  const { rows } = await q.query<OrderRow>(
    `SELECT ${ORDER_COLUMNS} FROM orders o ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY o.id DESC LIMIT ${param(page.limit + 1)}`,
    params,
  );
  return pageOf(rows.map(summary), page.limit, (last) => ({ id: last.id }));
}

const QueueCursor = z.object({ p: z.number().int(), d: z.string(), id: z.number().int() });

/**
 * What the warehouse picks next: confirmed orders not on hold, highest priority first, then the
 * earliest promised ship date, then the oldest. Keyset-paginated on that order.
 */
export async function pickQueue(q: Queryable, warehouseId: number, page: { limit: number; cursor?: string }) {
  const after = decodeCursor(page.cursor, QueueCursor);
  const params: unknown[] = [warehouseId];
  const key = `(-o.priority, coalesce(o.promised_ship_date, DATE '9999-12-31'), o.id)`;
  const cursor = after ? `AND ${key} > ($2::int, $3::date, $4::bigint)` : '';
  if (after) params.push(-after.p, after.d, after.id);
  params.push(page.limit + 1);
  const { rows } = await q.query<OrderRow>(
    `SELECT ${ORDER_COLUMNS} FROM orders o
     WHERE o.warehouse_id = $1 AND o.status = 'confirmed' AND NOT o.on_hold ${cursor}
     ORDER BY o.priority DESC, coalesce(o.promised_ship_date, DATE '9999-12-31'), o.id LIMIT $${params.length}`,
    params,
  );
  return pageOf(rows.map(summary), page.limit, (last) => ({ p: last.priority, d: last.promisedShipDate ?? '9999-12-31', id: last.id }));
}

/** The order's own events, newest first. */
export async function orderTimeline(q: Queryable, id: number, page: { limit: number; cursor?: string }) {
  const { rowCount } = await q.query('SELECT 1 FROM orders WHERE id = $1', [id]);
  if (rowCount === 0) throw new NotFound('order', id);
  const before = decodeCursor(page.cursor, Cursor);
  const rows = await listEvents(q, { entityType: 'order', entityId: String(id) }, { before: before?.id, limit: page.limit + 1 });
  return pageOf(rows, page.limit, (last) => ({ id: last.id }));
}

// ---- for other modules' reports (returns analytics) ----------------------------------------

export type ShippedUnits = { productId: number; sku: string; period: string; quantity: number };

/** Units shipped per product and period (day, week or month in `timeZone`) by orders shipped in [from, to), from the warehouses of a scope. */
export async function shippedUnits(
  q: Queryable,
  f: { from: string; to: string; grain: 'day' | 'week' | 'month'; timeZone: string; warehouseIds?: WarehouseScope },
): Promise<ShippedUnits[]> {
  const params: unknown[] = [f.from, f.to, f.grain, f.timeZone];
  const scoped = scopeCondition(f.warehouseIds, 'o.warehouse_id', params);
  return (
    await q.query<ShippedUnits>(
      `SELECT l.product_id AS "productId", l.sku, to_char(date_trunc($3, o.shipped_at AT TIME ZONE $4), 'YYYY-MM-DD') AS period,
              sum(l.shipped_quantity)::bigint AS quantity
         FROM orders o JOIN order_lines l ON l.order_id = o.id
        WHERE o.shipped_at >= $1 AND o.shipped_at < $2 AND l.shipped_quantity > 0 ${scoped ? `AND ${scoped}` : ''}
        GROUP BY l.product_id, l.sku, period`,
      params,
    )
  ).rows;
}
