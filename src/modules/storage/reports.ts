/**
 * Storage reports: items in storage, occupancy, daily flow, dwell time, overdue items, fee revenue.
 * Each covers the warehouses of a scope (`warehouseIds`: the one asked for, or the caller's; null: all).
 */
import type { WarehouseScope } from '../../platform/auth/scope.js';
import type { Queryable } from '../../platform/db/client.js';
import { listWarehouses } from '../inventory/index.js';
import { listLocationSettings } from './locations.js';
import { getSettings } from './tariffs.js';

type Count = { key: string; count: number };

export async function itemsInStorage(q: Queryable, warehouseIds: WarehouseScope) {
  const by = async (column: string) =>
    (await q.query<Count>(
      `SELECT ${column}::text AS key, count(*)::int AS count FROM storage_items
       WHERE status <> 'checked_out' AND ($1::bigint[] IS NULL OR warehouse_id = ANY($1)) GROUP BY 1 ORDER BY 1`,
      [warehouseIds],
    )).rows;
  const byStatus = await by('status');
  return {
    total: byStatus.reduce((s, r) => s + r.count, 0),
    byWarehouse: (await by('warehouse_id')).map((r) => ({ warehouseId: Number(r.key), count: r.count })),
    byStatus: byStatus.map((r) => ({ status: r.key, count: r.count })),
    byCategory: (await by('category')).map((r) => ({ category: r.key, count: r.count })),
    bySizeClass: (await by('size_class')).map((r) => ({ sizeClass: r.key, count: r.count })),
  };
}

/** Items stored per location and warehouse, against capacity (null = unlimited). */
export async function occupancy(q: Queryable, warehouseIds: WarehouseScope) {
  const warehouses = await listWarehouses(q, warehouseIds);
  const out = [];
  for (const w of warehouses) {
    const locations = (await listLocationSettings(q, w.id))
      .filter((l) => l.type === 'storage' || l.occupancy > 0)
      .map((l) => ({ locationId: l.locationId, code: l.code, items: l.occupancy, capacity: l.capacity }));
    const { rows } = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM storage_items WHERE warehouse_id = $1 AND status = 'checked_in'`, [w.id]);
    out.push({
      warehouseId: w.id,
      code: w.code,
      name: w.name,
      stored: locations.reduce((s, l) => s + l.items, 0),
      awaitingPutAway: rows[0]!.n,
      capacity: locations.some((l) => l.capacity === null) ? null : locations.reduce((s, l) => s + (l.capacity ?? 0), 0),
      locations,
    });
  }
  return { warehouses: out };
}

/** Items checked in and out per day (in the warehouse's time zone), every day of the range. */
export async function dailyFlow(q: Queryable, f: { from: string; to: string; warehouseIds: WarehouseScope; timeZone: string }) {
  const { rows } = await q.query<{ day: string; checkedIn: number; checkedOut: number }>(
    `SELECT d::date::text AS day,
       (SELECT count(*)::int FROM storage_items i WHERE (i.checked_in_at AT TIME ZONE $3)::date = d::date AND ($4::bigint[] IS NULL OR i.warehouse_id = ANY($4))) AS "checkedIn",
       (SELECT count(*)::int FROM storage_items i WHERE (i.checked_out_at AT TIME ZONE $3)::date = d::date AND ($4::bigint[] IS NULL OR i.warehouse_id = ANY($4))) AS "checkedOut"
     FROM generate_series($1::date, $2::date, interval '1 day') AS d ORDER BY d`,
    [f.from, f.to, f.timeZone, f.warehouseIds],
  );
  return { days: rows };
}

export const DWELL_BUCKETS = [
  { bucket: 'under_1d', maxDays: 1 },
  { bucket: '1_3d', maxDays: 3 },
  { bucket: '3_7d', maxDays: 7 },
  { bucket: '7_30d', maxDays: 30 },
  { bucket: '30_90d', maxDays: 90 },
  { bucket: 'over_90d', maxDays: null },
] as const;

/** How long items stay: checked-out items by their whole stay, stored items by their stay so far. */
export async function dwellTime(q: Queryable, f: { warehouseIds: WarehouseScope; now?: Date }) {
  const now = (f.now ?? new Date()).toISOString();
  const { rows } = await q.query<{ days: number; out: boolean }>(
    `SELECT extract(epoch FROM coalesce(checked_out_at, $1::timestamptz) - checked_in_at)::float8 / 86400 AS days, checked_out_at IS NOT NULL AS out
     FROM storage_items WHERE ($2::bigint[] IS NULL OR warehouse_id = ANY($2))`,
    [now, f.warehouseIds],
  );
  const buckets = DWELL_BUCKETS.map((b) => ({ bucket: b.bucket, checkedOut: 0, inStorage: 0 }));
  for (const r of rows) {
    const i = DWELL_BUCKETS.findIndex((b) => b.maxDays === null || r.days < b.maxDays);
    if (r.out) buckets[i]!.checkedOut++;
    else buckets[i]!.inStorage++;
  }
  const outDays = rows.filter((r) => r.out).map((r) => r.days).sort((a, b) => a - b);
  const median = outDays.length ? outDays[Math.floor((outDays.length - 1) / 2)]! : null;
  return { buckets, medianDaysCheckedOut: median === null ? null : Math.round(median * 100) / 100 };
}

/** Items in storage past their expected pick-up or past the maximum storage period, now. */
export async function overdueItems(q: Queryable, f: { warehouseIds: WarehouseScope; now?: Date }) {
  const { maxStorageDays } = await getSettings(q);
  const { rows } = await q.query<{ code: string; depositNumber: string; customerId: number; description: string; checkedInAt: string; expectedPickupAt: string | null; pickup: boolean; period: boolean }>(
    `SELECT i.code, d.deposit_number AS "depositNumber", i.customer_id AS "customerId", i.description, i.checked_in_at AS "checkedInAt",
       i.expected_pickup_at AS "expectedPickupAt",
       coalesce(i.expected_pickup_at < $1::timestamptz, false) AS pickup,
       coalesce(i.checked_in_at + make_interval(days => $2::int) < $1::timestamptz, false) AS period
     FROM storage_items i JOIN storage_deposits d ON d.id = i.deposit_id
     WHERE i.status <> 'checked_out' AND ($3::bigint[] IS NULL OR i.warehouse_id = ANY($3))
       AND (i.expected_pickup_at < $1::timestamptz OR ($2::int IS NOT NULL AND i.checked_in_at + make_interval(days => $2::int) < $1::timestamptz))
     ORDER BY i.checked_in_at, i.id`,
    [(f.now ?? new Date()).toISOString(), maxStorageDays, f.warehouseIds],
  );
  return {
    items: rows.map(({ pickup, period, ...r }) => ({
      ...r,
      reasons: [...(pickup ? (['pickup_date_passed'] as const) : []), ...(period ? (['max_period_exceeded'] as const) : [])],
    })),
  };
}

/** Fees settled at hand-overs per day, in minor units. */
export async function feeRevenue(q: Queryable, f: { from: string; to: string; warehouseIds: WarehouseScope; timeZone: string }) {
  const { rows } = await q.query<{ day: string; currency: string; amount: number; handovers: number }>(
    `SELECT (h.handed_over_at AT TIME ZONE $3)::date::text AS day, h.currency, sum(h.fee_total)::bigint AS amount, count(*)::int AS handovers
     FROM storage_handovers h JOIN storage_deposits d ON d.id = h.deposit_id
     WHERE (h.handed_over_at AT TIME ZONE $3)::date BETWEEN $1::date AND $2::date AND ($4::bigint[] IS NULL OR d.warehouse_id = ANY($4))
     GROUP BY 1, 2 ORDER BY 1, 2`,
    [f.from, f.to, f.timeZone, f.warehouseIds],
  );
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.currency, (totals.get(r.currency) ?? 0) + r.amount);
  return { days: rows, totals: [...totals].map(([currency, amount]) => ({ currency, amount })) };
}
