/**
 * Blind cycle counts of warehouse stock: reading them, and the helpers the commands share. The
 * commands live one per file: count-stock.ts (open, submit), approve-count.ts (approve, reject).
 *
 * Blind: what the books expect is never part of what a counter is shown. Once submitted, the
 * variance report (expected, counted, difference) is for someone with inventory.write who did not
 * submit it; once decided, for anyone with inventory.write.
 */
import { assertSeparateDuty } from '../../platform/auth/duties.js';
import { scopeCondition, type WarehouseScope } from '../../platform/auth/scope.js';
import type { Queryable, Tx } from '../../platform/db/client.js';
import { appendEvent } from '../../platform/events/log.js';
import { Conflict, NotFound } from '../../platform/http/errors.js';
import { getProductRefs } from '../catalog/index.js';
import type { CountStatus, INVENTORY_EVENTS } from './events.js';

type CountEvent = (typeof INVENTORY_EVENTS)['countOpened' | 'countSubmitted' | 'countApproved' | 'countRejected'];

export type CountSummary = {
  id: number;
  number: string;
  warehouseId: number;
  status: CountStatus;
  note: string | null;
  round: number;
  locations: Array<{ id: number; code: string }>;
  openedBy: string;
  openedAt: string;
  submittedBy: string | null;
  submittedAt: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
};

export type CountLine = { locationId: number; locationCode: string; productId: number; sku: string | null; lot: string; counted: number; expected: number };
export type VarianceLine = Omit<CountLine, 'counted' | 'expected'> & { expected: number; counted: number; difference: number };
export type Variance = {
  lines: VarianceLine[];
  totals: { expected: number; counted: number; difference: number; linesWithDifference: number };
};
export type Count = CountSummary & {
  /** What the counter recorded (no expected quantities). */
  counted: Array<{ locationId: number; locationCode: string; productId: number; sku: string | null; lot: string; quantity: number }>;
  /** The variance report, or null for whom it is hidden (and before submission). */
  variance: Variance | null;
};

type Row = Omit<CountSummary, 'locations'>;
const COLUMNS = `c.id, c.number, c.warehouse_id AS "warehouseId", c.status, c.note, c.round, c.opened_by AS "openedBy", c.opened_at AS "openedAt",
  c.submitted_by AS "submittedBy", c.submitted_at AS "submittedAt", c.decided_by AS "decidedBy", c.decided_at AS "decidedAt",
  c.decision_reason AS "decisionReason"`;

async function withLocations(q: Queryable, rows: Row[]): Promise<CountSummary[]> {
  if (rows.length === 0) return [];
  const { rows: locs } = await q.query<{ countId: number; id: number; code: string }>(
    `SELECT s.count_id AS "countId", l.id, l.code FROM stock_count_locations s JOIN locations l ON l.id = s.location_id
      WHERE s.count_id = ANY($1::bigint[]) ORDER BY l.pick_sequence, l.code`,
    [rows.map((r) => r.id)],
  );
  return rows.map((r) => ({ ...r, locations: locs.filter((l) => l.countId === r.id).map(({ id, code }) => ({ id, code })) }));
}

/** The count, locked until the transaction ends: commands on one count run one after the other. */
export async function lockCount(tx: Tx, id: number): Promise<CountSummary> {
  const row = (await tx.query<Row>(`SELECT ${COLUMNS} FROM stock_counts c WHERE c.id = $1 FOR UPDATE`, [id])).rows[0];
  if (!row) throw new NotFound('stock count', id);
  return (await withLocations(tx, [row]))[0]!;
}

/** A 409 naming the count's state unless it is in `status`. */
export function assertStatus(count: CountSummary, status: CountStatus, verb: string): void {
  if (count.status !== status) {
    throw new Conflict(`cannot ${verb} count ${count.number}: it is ${count.status}, only a ${status} count can be`, { currentState: count.status });
  }
}

/** The four-eyes rule: whoever submitted a count does not decide on it. */
export async function assertAnotherPerson(q: Queryable, count: CountSummary, actor: string, verb: 'approve' | 'reject'): Promise<void> {
  await assertSeparateDuty(q, 'inventory.count_approval', actor, [{ actor: count.submittedBy, act: `submitting count ${count.number} (another person must ${verb} it)` }], {
    currentState: count.status,
    submittedBy: count.submittedBy,
  });
}

/** The lines of the last submission, in location walking order, then SKU and lot. */
export async function countLines(q: Queryable, countId: number): Promise<CountLine[]> {
  const { rows } = await q.query<Omit<CountLine, 'sku'>>(
    `SELECT n.location_id AS "locationId", l.code AS "locationCode", n.product_id AS "productId", n.lot, n.counted, n.expected
       FROM stock_count_lines n JOIN locations l ON l.id = n.location_id
      WHERE n.count_id = $1 ORDER BY l.pick_sequence, l.code, n.product_id, n.lot`,
    [countId],
  );
  const refs = await getProductRefs(q, rows.map((r) => r.productId));
  const walk = new Map<number, number>();
  for (const r of rows) if (!walk.has(r.locationId)) walk.set(r.locationId, walk.size);
  return rows
    .map((r) => ({ ...r, sku: refs.get(r.productId)?.sku ?? null }))
    .sort((a, b) => walk.get(a.locationId)! - walk.get(b.locationId)! || (a.sku ?? '').localeCompare(b.sku ?? '') || a.lot.localeCompare(b.lot));
}

export function varianceOf(lines: CountLine[]): Variance {
  const report = lines.map(({ counted, expected, ...l }) => ({ ...l, expected, counted, difference: counted - expected }));
  const sum = (k: 'expected' | 'counted' | 'difference') => report.reduce((n, l) => n + l[k], 0);
  return {
    lines: report,
    totals: { expected: sum('expected'), counted: sum('counted'), difference: sum('difference'), linesWithDifference: report.filter((l) => l.difference !== 0).length },
  };
}

/**
 * The count as `viewer` may see it: the variance report only when `mayReview` says so, never
 * while the count is open (a recount starts blind again).
 */
export async function getCount(q: Queryable, id: number, viewer: { actor: string; canReview: boolean }): Promise<Count> {
  const row = (await q.query<Row>(`SELECT ${COLUMNS} FROM stock_counts c WHERE c.id = $1`, [id])).rows[0];
  if (!row) throw new NotFound('stock count', id);
  const count = (await withLocations(q, [row]))[0]!;
  const lines = count.status === 'open' ? [] : await countLines(q, id);
  const counted = lines
    .filter((l) => l.counted > 0)
    .map(({ locationId, locationCode, productId, sku, lot, counted: quantity }) => ({ locationId, locationCode, productId, sku, lot, quantity }));
  return { ...count, counted, variance: mayReview(count, viewer) ? varianceOf(lines) : null };
}

export function mayReview(count: CountSummary, viewer: { actor: string; canReview: boolean }): boolean {
  if (!viewer.canReview || count.status === 'open') return false;
  return count.status !== 'submitted' || count.submittedBy !== viewer.actor;
}

/** Counts, newest first. */
export async function listCounts(
  q: Queryable,
  f: { status?: CountStatus; warehouseId?: number; warehouseIds?: WarehouseScope; beforeId?: number; limit: number },
): Promise<CountSummary[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  if (f.status) where.push(`c.status = $${params.push(f.status)}`);
  if (f.warehouseId) where.push(`c.warehouse_id = $${params.push(f.warehouseId)}`);
  const scoped = scopeCondition(f.warehouseIds, 'c.warehouse_id', params);
  if (scoped) where.push(scoped);
  if (f.beforeId) where.push(`c.id < $${params.push(f.beforeId)}`);
  const { rows } = await q.query<Row>(
    `SELECT ${COLUMNS} FROM stock_counts c ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY c.id DESC LIMIT $${params.push(f.limit)}`,
    params,
  );
  return withLocations(q, rows);
}

/** Sets the count's status and decision fields; a closed count frees its locations for the next count. */
export async function setCountStatus(
  tx: Tx,
  count: CountSummary,
  status: CountStatus,
  fields: Partial<Record<'submitted_by' | 'submitted_at' | 'decided_by' | 'decided_at' | 'decision_reason' | 'round', unknown>> = {},
): Promise<void> {
  const names = Object.keys(fields);
  const sets = ['status = $2', 'updated_at = now()', ...names.map((n, i) => `${n} = $${i + 3}`)];
  await tx.query(`UPDATE stock_counts SET ${sets.join(', ')} WHERE id = $1`, [count.id, status, ...names.map((n) => fields[n as keyof typeof fields])]);
  if (status === 'approved' || status === 'rejected') await tx.query('UPDATE stock_count_locations SET active = false WHERE count_id = $1', [count.id]);
  count.status = status;
}

/** Writes a count event (entity `stock_count`), always with the count's number and warehouse. */
export async function recordCountEvent(tx: Tx, actor: string, count: Pick<CountSummary, 'id' | 'number' | 'warehouseId'>, type: CountEvent, payload: Record<string, unknown>) {
  await appendEvent(tx, actor, { type, entityType: 'stock_count', entityId: count.id, payload: { number: count.number, warehouseId: count.warehouseId, ...payload } });
}
