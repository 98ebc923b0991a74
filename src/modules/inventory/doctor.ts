/**
 * `wareloop doctor`: proves the stock invariants on the data as it is. Each check is one query
 * that returns the rows that break it, so a healthy database answers with nothing.
 */
import type { Queryable } from '../../platform/db/client.js';

export type DoctorReport = { checks: Array<{ name: string; ok: boolean; findings: string[] }> };

const CHECKS: Array<{ name: string; sql: string; describe: (r: Record<string, unknown>) => string }> = [
  {
    name: 'ledger sums equal stock levels',
    sql: `WITH l AS (
            SELECT product_id, location_id, lot, owner_id, status, sum(quantity)::bigint AS qty
              FROM stock_ledger GROUP BY 1, 2, 3, 4, 5)
          SELECT coalesce(s.product_id, l.product_id) AS product_id, coalesce(s.location_id, l.location_id) AS location_id,
                 coalesce(s.lot, l.lot) AS lot, coalesce(s.status, l.status) AS status,
                 coalesce(s.on_hand, 0) AS on_hand, coalesce(l.qty, 0) AS ledger
            FROM stock_levels s FULL JOIN l USING (product_id, location_id, lot, owner_id, status)
           WHERE coalesce(s.on_hand, 0) <> coalesce(l.qty, 0)`,
    describe: (r) => `product ${r.product_id} at location ${r.location_id} lot '${r.lot}' (${r.status}): on hand ${r.on_hand}, ledger says ${r.ledger}`,
  },
  {
    name: 'reserved never exceeds on hand',
    sql: `SELECT id, product_id, location_id, on_hand, reserved FROM stock_levels WHERE reserved > on_hand OR on_hand < 0 OR reserved < 0`,
    describe: (r) => `stock row ${r.id} (product ${r.product_id}, location ${r.location_id}): on hand ${r.on_hand}, reserved ${r.reserved}`,
  },
  {
    name: 'warehouse balances equal the sum of their stock',
    sql: `WITH s AS (
            SELECT product_id, warehouse_id, sum(on_hand)::bigint AS on_hand,
                   sum(CASE WHEN status = 'available' THEN 0 ELSE on_hand END)::bigint AS quarantined
              FROM stock_levels WHERE owner_id = 0 GROUP BY 1, 2)
          SELECT coalesce(b.product_id, s.product_id) AS product_id, coalesce(b.warehouse_id, s.warehouse_id) AS warehouse_id,
                 coalesce(b.on_hand, 0) AS balance, coalesce(s.on_hand, 0) AS stock,
                 coalesce(b.quarantined, 0) AS bq, coalesce(s.quarantined, 0) AS sq
            FROM stock_balances b FULL JOIN s USING (product_id, warehouse_id)
           WHERE coalesce(b.on_hand, 0) <> coalesce(s.on_hand, 0) OR coalesce(b.quarantined, 0) <> coalesce(s.quarantined, 0)`,
    describe: (r) => `product ${r.product_id} in warehouse ${r.warehouse_id}: balance ${r.balance}/${r.bq} quarantined, stock ${r.stock}/${r.sq}`,
  },
  {
    name: 'warehouse reservations equal what orders hold',
    sql: `WITH r AS (SELECT product_id, warehouse_id, sum(quantity)::bigint AS qty FROM reservations GROUP BY 1, 2)
          SELECT coalesce(b.product_id, r.product_id) AS product_id, coalesce(b.warehouse_id, r.warehouse_id) AS warehouse_id,
                 coalesce(b.reserved, 0) AS balance, coalesce(r.qty, 0) AS held
            FROM stock_balances b FULL JOIN r USING (product_id, warehouse_id)
           WHERE coalesce(b.reserved, 0) <> coalesce(r.qty, 0)`,
    describe: (r) => `product ${r.product_id} in warehouse ${r.warehouse_id}: balance reserves ${r.balance}, reservations hold ${r.held}`,
  },
  {
    name: 'bin reservations equal their pick allocations',
    sql: `WITH a AS (
            SELECT stock_level_id AS id, sum(quantity)::bigint AS qty FROM allocations WHERE status = 'open' GROUP BY 1
            UNION ALL
            SELECT picked_stock_level_id, sum(picked - shipped)::bigint FROM allocations
             WHERE status = 'picked' AND picked_stock_level_id IS NOT NULL GROUP BY 1),
          t AS (SELECT id, sum(qty)::bigint AS qty FROM a GROUP BY 1)
          SELECT s.id, s.product_id, s.reserved, coalesce(t.qty, 0) AS allocated
            FROM stock_levels s LEFT JOIN t ON t.id = s.id
           WHERE s.reserved <> coalesce(t.qty, 0)`,
    describe: (r) => `stock row ${r.id} (product ${r.product_id}): reserved ${r.reserved}, allocations hold ${r.allocated}`,
  },
  {
    name: 'no reservation holds more than its warehouse has',
    sql: `SELECT product_id, warehouse_id, on_hand, reserved, quarantined FROM stock_balances WHERE reserved + quarantined > on_hand`,
    describe: (r) => `product ${r.product_id} in warehouse ${r.warehouse_id}: on hand ${r.on_hand}, reserved ${r.reserved}, quarantined ${r.quarantined}`,
  },
  {
    name: 'stock in transit equals what transfers shipped and did not receive',
    sql: `WITH t AS (SELECT transfer_line_id AS id, sum(quantity)::bigint AS qty FROM stock_in_transit GROUP BY 1)
          SELECT l.id, l.transfer_id, l.product_id, l.shipped, l.received, l.written_off, coalesce(t.qty, 0) AS in_transit
            FROM transfer_lines l FULL JOIN t ON t.id = l.id
           WHERE coalesce(t.qty, 0) <> coalesce(l.shipped - l.received - l.written_off, 0)`,
    describe: (r) =>
      `transfer ${r.transfer_id} line ${r.id} (product ${r.product_id}): shipped ${r.shipped}, received ${r.received}, written off ${r.written_off}, in transit ${r.in_transit}`,
  },
  {
    name: 'approved counts posted exactly their differences',
    sql: `WITH v AS (
            SELECT c.number, n.location_id, n.product_id, n.lot, sum(n.counted - n.expected)::bigint AS difference
              FROM stock_counts c JOIN stock_count_lines n ON n.count_id = c.id WHERE c.status = 'approved' GROUP BY 1, 2, 3, 4),
          p AS (
            SELECT reference AS number, location_id, product_id, lot, sum(quantity)::bigint AS posted
              FROM stock_ledger WHERE movement = 'adjustment' AND reference LIKE 'CC-%' GROUP BY 1, 2, 3, 4)
          SELECT number, location_id, product_id, lot, coalesce(v.difference, 0) AS difference, coalesce(p.posted, 0) AS posted
            FROM v FULL JOIN p USING (number, location_id, product_id, lot)
           WHERE coalesce(v.difference, 0) <> coalesce(p.posted, 0)`,
    describe: (r) => `count ${r.number}: product ${r.product_id} at location ${r.location_id} lot '${r.lot}' differs by ${r.difference}, the ledger posted ${r.posted}`,
  },
];

export async function runDoctor(q: Queryable): Promise<DoctorReport> {
  const checks: DoctorReport['checks'] = [];
  for (const c of CHECKS) {
    const { rows } = await q.query<Record<string, unknown>>(c.sql);
    checks.push({ name: c.name, ok: rows.length === 0, findings: rows.slice(0, 50).map(c.describe) });
  }
  return { checks };
}

export function isHealthy(report: DoctorReport): boolean {
  return report.checks.every((c) => c.ok);
}
