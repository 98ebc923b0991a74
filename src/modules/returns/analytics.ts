/**
 * What after-sales teaches: return rates (units returned or exchanged ÷ units shipped) by period,
 * SKU, category or supplier; the top reasons and grades; the average time of each stage; and the
 * share of requests resolved within the promised number of days. Periods are in the business's
 * time zone. Shipped units come from the orders module; categories and suppliers (the product's
 * custom field `supplier`) from the catalog.
 */
import { scopeCondition, type WarehouseScope } from '../../platform/auth/scope.js';
import type { Queryable } from '../../platform/db/client.js';
import { getProduct, getProductRefs } from '../catalog/index.js';
import { shippedUnits } from '../orders/index.js';
import { getSettings } from './settings.service.js';

export type RateDimension = 'period' | 'sku' | 'category' | 'supplier';
export type Grain = 'day' | 'week' | 'month';
export type Range = { from: string; to: string };
export type RateRow = { key: string; shippedUnits: number; returnedUnits: number; rate: number | null };

/** Products beyond this many in one report are grouped as they are, without a supplier look-up each. */
const MAX_SUPPLIER_LOOKUPS = 2000;
const NONE = '(none)';

/** `scope`: the caller's warehouses; both sides of the rate (shipped and returned) count only those. */
export async function returnRates(q: Queryable, range: Range, by: RateDimension, grain: Grain, timeZone: string, scope: WarehouseScope = null): Promise<RateRow[]> {
  const shipped = await shippedUnits(q, { ...range, grain, timeZone, warehouseIds: scope });
  const params: unknown[] = [range.from, range.to, grain, timeZone];
  const scoped = scopeCondition(scope, 'r.warehouse_id', params);
  const { rows: returned } = await q.query<{ productId: number; sku: string; period: string; quantity: number }>(
    `SELECT l.product_id AS "productId", l.sku, to_char(date_trunc($3, r.created_at AT TIME ZONE $4), 'YYYY-MM-DD') AS period,
            sum(l.quantity)::bigint AS quantity
       FROM return_lines l JOIN return_requests r ON r.id = l.return_id
      WHERE r.created_at >= $1 AND r.created_at < $2 AND r.type IN ('return', 'exchange') AND r.status NOT IN ('rejected', 'cancelled')
        ${scoped ? `AND ${scoped}` : ''}
      GROUP BY l.product_id, l.sku, period`,
    params,
  );
  const productIds = [...new Set([...shipped, ...returned].map((r) => r.productId))];
  let keyOf: (r: { productId: number; sku: string; period: string }) => string;
  if (by === 'period') keyOf = (r) => r.period;
  else if (by === 'sku') keyOf = (r) => r.sku;
  else if (by === 'category') {
    const refs = await getProductRefs(q, productIds);
    keyOf = (r) => refs.get(r.productId)?.category ?? NONE;
  } else {
    const suppliers = new Map<number, string>();
    for (const id of productIds.slice(0, MAX_SUPPLIER_LOOKUPS)) {
      const supplier = (await getProduct(q, id)).customFields['supplier'];
      suppliers.set(id, supplier === undefined ? NONE : String(supplier));
    }
    keyOf = (r) => suppliers.get(r.productId) ?? NONE;
  }
  const rows = new Map<string, RateRow>();
  const row = (key: string) => rows.get(key) ?? rows.set(key, { key, shippedUnits: 0, returnedUnits: 0, rate: null }).get(key)!;
  for (const s of shipped) row(keyOf(s)).shippedUnits += s.quantity;
  for (const r of returned) row(keyOf(r)).returnedUnits += r.quantity;
  for (const r of rows.values()) r.rate = r.shippedUnits > 0 ? Math.round((r.returnedUnits / r.shippedUnits) * 10_000) / 10_000 : null;
  return [...rows.values()].sort((a, b) => (by === 'period' ? a.key.localeCompare(b.key) : b.returnedUnits - a.returnedUnits || a.key.localeCompare(b.key)));
}

export type Summary = {
  requests: number;
  byType: Array<{ type: string; requests: number }>;
  topReasons: Array<{ code: string; labelEn: string; labelZh: string; requests: number; units: number }>;
  grades: Array<{ grade: string; units: number }>;
  dispositions: Array<{ disposition: string; units: number }>;
  /** Average hours of each stage, over the requests that completed it. */
  stageHours: { approval: number | null; receipt: number | null; inspection: number | null; resolution: number | null; total: number | null };
  promise: { promiseDays: number; resolved: number; resolvedWithinPromise: number; share: number | null; openOverdue: number };
};

const hours = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);

/** Requests created in the range, in the warehouses of `scope` (the caller's). */
export async function returnsSummary(q: Queryable, range: Range, scope: WarehouseScope = null): Promise<Summary> {
  const p: unknown[] = [range.from, range.to];
  // The scope is $3 when there is one; the promise query's own parameter comes after it.
  const scoped = scopeCondition(scope, 'r.warehouse_id', p);
  const inRange = `r.created_at >= $1 AND r.created_at < $2${scoped ? ` AND ${scoped}` : ''}`;
  const byType = (await q.query<{ type: string; requests: number }>(`SELECT r.type, count(*)::int AS requests FROM return_requests r WHERE ${inRange} GROUP BY r.type ORDER BY requests DESC, r.type`, p)).rows;
  const topReasons = (
    await q.query<Summary['topReasons'][number]>(
      `SELECT r.reason_code AS code, rr.label_en AS "labelEn", rr.label_zh AS "labelZh", count(*)::int AS requests,
              coalesce(sum((SELECT sum(l.quantity) FROM return_lines l WHERE l.return_id = r.id)), 0)::bigint AS units
         FROM return_requests r JOIN return_reasons rr ON rr.code = r.reason_code
        WHERE ${inRange} GROUP BY r.reason_code, rr.label_en, rr.label_zh ORDER BY requests DESC, units DESC, code LIMIT 10`,
      p,
    )
  ).rows;
  const grades = (
    await q.query<{ grade: string; units: number }>(
      `SELECT g.key AS grade, sum(g.value::int)::bigint AS units
         FROM return_requests r JOIN return_lines l ON l.return_id = r.id, jsonb_each_text(l.grades) g
        WHERE ${inRange} AND l.grades IS NOT NULL GROUP BY g.key ORDER BY units DESC, grade`,
      p,
    )
  ).rows;
  const dispositions = (
    await q.query<{ disposition: string; units: number }>(
      `SELECT d.disposition, sum(d.quantity)::bigint AS units FROM return_requests r JOIN return_dispositions d ON d.return_id = r.id
        WHERE ${inRange} GROUP BY d.disposition ORDER BY units DESC, d.disposition`,
      p,
    )
  ).rows;
  const avg = (a: string, b: string) => `avg(extract(epoch FROM (r.${b} - r.${a})) / 3600)::float8`;
  const stages = (
    await q.query<Record<keyof Summary['stageHours'], number | null>>(
      `SELECT ${avg('created_at', 'approved_at')} AS approval, ${avg('approved_at', 'received_at')} AS receipt,
              ${avg('received_at', 'inspected_at')} AS inspection,
              avg(extract(epoch FROM (r.resolved_at - coalesce(r.inspected_at, r.approved_at))) / 3600)::float8 AS resolution,
              ${avg('created_at', 'resolved_at')} AS total
         FROM return_requests r WHERE ${inRange}`,
      p,
    )
  ).rows[0]!;
  const settings = await getSettings(q);
  const promise = (
    await q.query<{ resolved: number; within: number; openOverdue: number }>(
      `SELECT count(*) FILTER (WHERE r.status = 'resolved')::int AS resolved,
              count(*) FILTER (WHERE r.status = 'resolved' AND r.resolved_at <= r.created_at + make_interval(days => $${p.length + 1}))::int AS within,
              count(*) FILTER (WHERE r.status NOT IN ('resolved', 'rejected', 'cancelled') AND now() > r.created_at + make_interval(days => $${p.length + 1}))::int AS "openOverdue"
         FROM return_requests r WHERE ${inRange}`,
      [...p, settings.promiseDays],
    )
  ).rows[0]!;
  return {
    requests: byType.reduce((n, t) => n + t.requests, 0),
    byType,
    topReasons,
    grades,
    dispositions,
    stageHours: { approval: hours(stages.approval), receipt: hours(stages.receipt), inspection: hours(stages.inspection), resolution: hours(stages.resolution), total: hours(stages.total) },
    promise: {
      promiseDays: settings.promiseDays,
      resolved: promise.resolved,
      resolvedWithinPromise: promise.within,
      share: promise.resolved > 0 ? Math.round((promise.within / promise.resolved) * 10_000) / 10_000 : null,
      openOverdue: promise.openOverdue,
    },
  };
}
