/**
 * The backordered orders, as the flows that serve them ask: what they wait for (inventory's
 * transfer proposals), which of some product and warehouse pairs they wait on (an import of
 * opening stock), and the next ones waiting on one pair, locked (stock arrived). Reads of this
 * module's tables; the confirming is the flow's (src/flows/backorders.ts).
 */
import type { Queryable, Tx } from '../../platform/db/client.js';
import { heldByLine } from './holds.js';

export type Pair = { productId: number; warehouseId: number };

/** Per product and warehouse, how many units backordered orders still lack: each line's quantity less what it shipped and holds. */
export async function backorderedDemand(q: Queryable, f: { warehouseId?: number; productIds?: readonly number[] }): Promise<Array<Pair & { quantity: number }>> {
  const params: unknown[] = [];
  const where = [`o.status = 'backordered'`];
  if (f.warehouseId) where.push(`o.warehouse_id = $${params.push(f.warehouseId)}`);
  if (f.productIds) where.push(`l.product_id = ANY($${params.push(f.productIds)}::bigint[])`);
  const { rows } = await q.query<{ id: number; productId: number; warehouseId: number; open: number }>(
    `SELECT l.id, l.product_id AS "productId", o.warehouse_id AS "warehouseId", (l.quantity - l.shipped_quantity) AS open
       FROM orders o JOIN order_lines l ON l.order_id = o.id
      WHERE ${where.join(' AND ')} LIMIT 20000`,
    params,
  );
  const held = await heldByLine(q, rows.map((r) => r.id));
  const demand = new Map<string, Pair & { quantity: number }>();
  for (const r of rows) {
    const lack = r.open - (held.get(r.id) ?? 0);
    if (lack <= 0) continue;
    const key = `${r.productId}:${r.warehouseId}`;
    const d = demand.get(key) ?? { productId: r.productId, warehouseId: r.warehouseId, quantity: 0 };
    d.quantity += lack;
    demand.set(key, d);
  }
  return [...demand.values()];
}

/** Which of these product and warehouse pairs have a backordered order waiting, warehouse then product order. */
export async function pairsWithBackorders(q: Queryable, pairs: readonly Pair[]): Promise<Pair[]> {
  const { rows } = await q.query<Pair>(
    `SELECT DISTINCT l.product_id AS "productId", o.warehouse_id AS "warehouseId"
       FROM orders o JOIN order_lines l ON l.order_id = o.id
       JOIN unnest($1::bigint[], $2::bigint[]) AS a(product_id, warehouse_id) ON a.product_id = l.product_id AND a.warehouse_id = o.warehouse_id
      WHERE o.status = 'backordered'
      ORDER BY 2, 1`,
    [pairs.map((a) => a.productId), pairs.map((a) => a.warehouseId)],
  );
  return rows;
}

/**
 * The next backordered orders (after id `after`, oldest first) waiting on a product in a
 * warehouse, locked; those another transaction holds are skipped, not waited for.
 */
export async function nextBackordersWaitingOn(tx: Tx, pair: Pair, after: number, limit: number): Promise<number[]> {
  const { rows } = await tx.query<{ id: number }>(
    `SELECT o.id FROM orders o
      WHERE o.status = 'backordered' AND o.warehouse_id = $2 AND o.id > $3
        AND EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id AND l.product_id = $1)
      ORDER BY o.id LIMIT ${Number(limit)}
      FOR UPDATE OF o SKIP LOCKED`,
    [pair.productId, pair.warehouseId, after],
  );
  return rows.map((r) => r.id);
}
