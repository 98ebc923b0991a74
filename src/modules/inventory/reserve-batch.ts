/**
 * Reservations for many lines at once (an import of open orders): the same rows, balance changes,
 * `stock.reserved` events and low-stock checks as `reserve`, written set-based. The caller locks
 * the balances first (`lockAvailability`) and decides from what they hold, so the conditional
 * UPDATE here can only fail if that rule was broken — and then nothing is written.
 */
import type { Queryable, Tx } from '../../platform/db/client.js';
import { Conflict } from '../../platform/http/errors.js';
import { appendEvents } from '../../platform/imports/bulk-events.js';
import { inBatches } from '../../platform/imports/kind.js';
import { INVENTORY_EVENTS as E } from './events.js';
import { checkLow } from './stock.service.js';

export type Pair = { productId: number; warehouseId: number };
export const pairKey = (p: Pair) => `${p.productId} ${p.warehouseId}`;

/** Available-to-promise of these products in every warehouse that has a balance for them (unlocked). */
export async function availableByWarehouse(q: Queryable, productIds: readonly number[]): Promise<Map<string, number>> {
  const { rows } = await q.query<Pair & { available: number }>(
    `SELECT product_id AS "productId", warehouse_id AS "warehouseId", greatest(on_hand - reserved - quarantined, 0) AS available
       FROM stock_balances WHERE product_id = ANY($1::bigint[])`,
    [[...new Set(productIds)]],
  );
  return new Map(rows.map((r) => [pairKey(r), r.available]));
}

/**
 * Locks these balances until the transaction ends (in product, warehouse order, so two callers
 * never wait on each other crosswise) and returns what each can still promise. A pair never
 * stocked gets its zero row, so there is a row to lock, as `lockBalances` does.
 */
export async function lockAvailability(tx: Tx, pairs: readonly Pair[]): Promise<Map<string, number>> {
  const unique = [...new Map(pairs.map((p) => [pairKey(p), p])).values()];
  const products = unique.map((p) => p.productId);
  const warehouses = unique.map((p) => p.warehouseId);
  await tx.query(
    `INSERT INTO stock_balances (product_id, warehouse_id) SELECT * FROM unnest($1::bigint[], $2::bigint[]) ON CONFLICT (product_id, warehouse_id) DO NOTHING`,
    [products, warehouses],
  );
  const { rows } = await tx.query<Pair & { available: number }>(
    `SELECT b.product_id AS "productId", b.warehouse_id AS "warehouseId", greatest(b.on_hand - b.reserved - b.quarantined, 0) AS available
       FROM stock_balances b JOIN unnest($1::bigint[], $2::bigint[]) AS p(product_id, warehouse_id) USING (product_id, warehouse_id)
      ORDER BY b.product_id, b.warehouse_id FOR UPDATE OF b`,
    [products, warehouses],
  );
  return new Map(rows.map((r) => [pairKey(r), r.available]));
}

/** Holds each item's quantity for its reference; returns the reservation id of each reference. */
export async function reserveBatch(
  tx: Tx,
  actor: string,
  items: ReadonlyArray<Pair & { quantity: number; refType: string; refId: string }>,
): Promise<Map<string, number>> {
  if (items.length === 0) return new Map();
  const rows: Array<{ id: number; refId: string }> = [];
  await inBatches(items, async (batch) => {
    const inserted = await tx.query<{ id: number; refId: string }>(
      `INSERT INTO reservations (product_id, warehouse_id, quantity, ref_type, ref_id)
       SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::text[], $5::text[]) RETURNING id, ref_id AS "refId"`,
      [batch.map((i) => i.productId), batch.map((i) => i.warehouseId), batch.map((i) => i.quantity), batch.map((i) => i.refType), batch.map((i) => i.refId)],
    );
    rows.push(...inserted.rows);
  });
  const idOf = new Map(rows.map((r) => [r.refId, r.id]));
  const totals = new Map<string, Pair & { quantity: number }>();
  for (const i of items) {
    const t = totals.get(pairKey(i)) ?? { productId: i.productId, warehouseId: i.warehouseId, quantity: 0 };
    t.quantity += i.quantity;
    totals.set(pairKey(i), t);
  }
  const sums = [...totals.values()];
  const held = await tx.query(
    `UPDATE stock_balances b SET reserved = b.reserved + t.q
       FROM unnest($1::bigint[], $2::bigint[], $3::bigint[]) AS t(p, w, q)
      WHERE b.product_id = t.p AND b.warehouse_id = t.w AND b.on_hand - b.reserved - b.quarantined >= t.q`,
    [sums.map((s) => s.productId), sums.map((s) => s.warehouseId), sums.map((s) => s.quantity)],
  );
  if (held.rowCount !== sums.length) throw new Conflict('the stock to reserve is no longer there; nothing was reserved', { currentState: 'insufficient_stock' });
  await appendEvents(
    tx,
    actor,
    items.map((i) => ({
      type: E.stockReserved,
      entityType: 'product',
      entityId: i.productId,
      payload: { productId: i.productId, warehouseId: i.warehouseId, reservationId: idOf.get(i.refId), quantity: i.quantity, refType: i.refType, refId: i.refId },
    })),
  );
  // Only the pairs with a safety level can fall below it.
  const { rows: guarded } = await tx.query<Pair>(
    `SELECT s.product_id AS "productId", s.warehouse_id AS "warehouseId" FROM safety_stock s
       JOIN unnest($1::bigint[], $2::bigint[]) AS p(product_id, warehouse_id) USING (product_id, warehouse_id) ORDER BY 1, 2`,
    [sums.map((s) => s.productId), sums.map((s) => s.warehouseId)],
  );
  for (const g of guarded) await checkLow(tx, actor, g.productId, g.warehouseId, totals.get(pairKey(g))!.quantity);
  return idOf;
}
