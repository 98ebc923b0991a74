/**
 * Backorders: when stock becomes available for a product in a warehouse (a receipt, a found
 * adjustment, a release), confirm that warehouse's backordered orders that contain the product,
 * oldest first, each all or nothing. It runs inside the transaction that made the stock
 * available; orders another transaction holds are skipped (SKIP LOCKED), not waited for, and
 * are served by the next stock change.
 */
import type { Tx } from '../platform/db/client.js';
import { getBalance, type StockBatchListener, type StockListener } from '../modules/inventory/index.js';
import { lockOrder, nextBackordersWaitingOn, pairsWithBackorders, tryConfirm } from '../modules/orders/index.js';
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
    const rows = await pairsWithBackorders(tx, at);
    for (const r of rows) await confirmBackorders(tx, actor, r.productId, r.warehouseId, calendar());
  };
}

export async function confirmBackorders(tx: Tx, actor: string, productId: number, warehouseId: number, calendar: ShipCalendar): Promise<number> {
  let confirmed = 0;
  let after = 0;
  for (;;) {
    if ((await getBalance(tx, productId, warehouseId)).available <= 0) return confirmed;
    const ids = await nextBackordersWaitingOn(tx, { productId, warehouseId }, after, BATCH);
    for (const id of ids) {
      after = id;
      const order = await lockOrder(tx, id);
      if (order.status !== 'backordered') continue;
      if ((await tryConfirm(tx, actor, order, calendar, 'stock_available')).reserved) confirmed++;
      else if ((await getBalance(tx, productId, warehouseId)).available <= 0) return confirmed;
    }
    if (ids.length < BATCH) return confirmed;
  }
}
