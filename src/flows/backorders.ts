/**
 * Backorders: when stock becomes available for a product in a warehouse (a receipt, a found
 * adjustment, a release), confirm that warehouse's backordered orders that contain the product,
 * oldest first, each all or nothing. It runs inside the transaction that made the stock
 * available; orders another transaction holds are skipped (SKIP LOCKED), not waited for, and
 * are served by the next stock change.
 */
import type { Tx } from '../platform/db/client.js';
import { getBalance, type StockBatchListener, type StockListener } from '../modules/inventory/index.js';
import { lockOrder, tryConfirm } from '../modules/orders/index.js';
import type { ShipCalendar } from '../modules/orders/index.js';

const BATCH = 100;

export function backorderListener(calendar: () => ShipCalendar): StockListener {
  return async (tx, actor, { productId, warehouseId }) => {
    await confirmBackorders(tx, actor, productId, warehouseId, calendar());
  };
}

/**
 * The same for many products at once (an import of opening stock): one query finds the pairs
 * that have backordered orders at all, and only those are tried.
 */
export function backorderBatchListener(calendar: () => ShipCalendar): StockBatchListener {
  return async (tx, actor, at) => {
    const { rows } = await tx.query<{ productId: number; warehouseId: number }>(
      `SELECT DISTINCT l.product_id AS "productId", o.warehouse_id AS "warehouseId"
         FROM orders o JOIN order_lines l ON l.order_id = o.id
         JOIN unnest($1::bigint[], $2::bigint[]) AS a(product_id, warehouse_id) ON a.product_id = l.product_id AND a.warehouse_id = o.warehouse_id
        WHERE o.status = 'backordered'
        ORDER BY 2, 1`,
      [at.map((a) => a.productId), at.map((a) => a.warehouseId)],
    );
    for (const r of rows) await confirmBackorders(tx, actor, r.productId, r.warehouseId, calendar());
  };
}

export async function confirmBackorders(tx: Tx, actor: string, productId: number, warehouseId: number, calendar: ShipCalendar): Promise<number> {
  let confirmed = 0;
  let after = 0;
  for (;;) {
    if ((await getBalance(tx, productId, warehouseId)).available <= 0) return confirmed;
    const { rows } = await tx.query<{ id: number }>(
      `SELECT o.id FROM orders o
        WHERE o.status = 'backordered' AND o.warehouse_id = $2 AND o.id > $3
          AND EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id AND l.product_id = $1)
        ORDER BY o.id LIMIT ${BATCH}
        FOR UPDATE OF o SKIP LOCKED`,
      [productId, warehouseId, after],
    );
    for (const { id } of rows) {
      after = id;
      const order = await lockOrder(tx, id);
      if (order.status !== 'backordered') continue;
      if ((await tryConfirm(tx, actor, order, calendar, 'stock_available')).reserved) confirmed++;
      else if ((await getBalance(tx, productId, warehouseId)).available <= 0) return confirmed;
    }
    if (rows.length < BATCH) return confirmed;
  }
}
