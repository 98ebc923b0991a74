/**
 * What backordered orders are waiting for, per product and warehouse: each line's quantity less
 * what it shipped and what it still holds. Orders own the data; inventory's transfer proposals
 * ask for it through `setBackorderDemand`, so neither module reads the other's tables.
 */
import type { BackorderDemand } from '../modules/inventory/index.js';
import { heldByLine } from '../modules/orders/index.js';

export const backorderDemand: BackorderDemand = async (q, f) => {
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
  const demand = new Map<string, { productId: number; warehouseId: number; quantity: number }>();
  for (const r of rows) {
    const lack = r.open - (held.get(r.id) ?? 0);
    if (lack <= 0) continue;
    const key = `${r.productId}:${r.warehouseId}`;
    const d = demand.get(key) ?? { productId: r.productId, warehouseId: r.warehouseId, quantity: 0 };
    d.quantity += lack;
    demand.set(key, d);
  }
  return [...demand.values()];
};
