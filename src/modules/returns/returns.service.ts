/**
 * Return requests: reading them (one with its lines, discrepancies, inspections, dispositions and
 * refunds; lists; finding one by a scanned RMA or order number) and the helpers every command
 * shares — lock, change status, write the event. Commands that move stock or place orders live
 * in src/flows/returns/; the others one per file here (request.ts, approve.ts, inspect.ts).
 */
import { z } from 'zod';
import type { Principal } from '../../platform/auth/auth.service.js';
import { assertVisible, scopeCondition, type WarehouseScope } from '../../platform/auth/scope.js';
import type { Queryable, Tx } from '../../platform/db/client.js';
import { appendEvent, listEvents } from '../../platform/events/log.js';
import { Conflict, NotFound } from '../../platform/http/errors.js';
import { decodeCursor, pageOf } from '../../platform/http/pagination.js';
import type { DISCREPANCY_KINDS, Disposition, Grade, RefundStatus, Resolution, ReturnEventType, ReturnStatus, ReturnType } from './events.js';
import type { Bilingual } from './policy.js';

export type ReturnLine = {
  id: number;
  orderLineId: number;
  productId: number;
  sku: string;
  name: string;
  category: string | null;
  quantity: number;
  unitPrice: number;
  receivedQuantity: number;
  grades: Partial<Record<Grade, number>> | null;
};

export type ReturnRow = {
  id: number;
  rmaNumber: string | null;
  type: ReturnType;
  advanceExchange: boolean;
  status: ReturnStatus;
  orderId: number;
  orderNumber: string;
  customerId: number;
  warehouseId: number;
  currency: string;
  reasonCode: string;
  description: string | null;
  photoIds: number[];
  receiptPhotoIds: number[];
  source: 'staff' | 'portal';
  value: number;
  withinWindow: boolean;
  approvalsRequired: number;
  firstApprovedBy: string | null;
  firstApprovedAt: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  rejectedBy: string | null;
  rejectedAt: string | null;
  rejectReason: string | null;
  instructions: (Bilingual & { address: string; rmaNumber: string }) | null;
  replacementLines: Array<{ sku: string; quantity: number }> | null;
  replacementOrderId: number | null;
  receiptLocationId: number | null;
  stockOwnerId: number;
  requestedAmount: number | null;
  returnCarrier: string | null;
  returnTracking: string | null;
  resolution: Resolution | null;
  receivedAt: string | null;
  inspectedAt: string | null;
  disposedAt: string | null;
  resolvedAt: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
};

export type Discrepancy = { id: number; kind: (typeof DISCREPANCY_KINDS)[number]; returnLineId: number | null; productId: number | null; code: string; quantity: number; note: string | null; createdAt: string };
export type Inspection = {
  id: number;
  returnLineId: number;
  level: number;
  levelName: string;
  grades: Partial<Record<Grade, number>>;
  checklist: Array<{ item: string; passed: boolean; note?: string }>;
  photoIds: number[];
  note: string | null;
  inspector: string;
  inspectedAt: string;
};
export type DispositionRow = { id: number; returnLineId: number; grade: Grade; disposition: Disposition; quantity: number; locationId: number | null; decidedBy: string; decidedAt: string };
export type Refund = {
  id: number;
  number: string;
  returnId: number;
  kind: 'refund' | 'compensation';
  orderId: number;
  customerId: number;
  amount: number;
  currency: string;
  status: RefundStatus;
  approvedBy: string | null;
  approvedAt: string | null;
  paidAt: string | null;
  paymentReference: string | null;
  createdBy: string;
  createdAt: string;
};
export type ReturnRequest = ReturnRow & { lines: ReturnLine[]; discrepancies: Discrepancy[]; inspections: Inspection[]; dispositions: DispositionRow[]; refunds: Refund[] };

export const RETURN_COLUMNS = `r.id, r.rma_number AS "rmaNumber", r.type, r.advance_exchange AS "advanceExchange", r.status, r.order_id AS "orderId",
  r.order_number AS "orderNumber", r.customer_id AS "customerId", r.warehouse_id AS "warehouseId", r.currency, r.reason_code AS "reasonCode",
  r.description, to_jsonb(r.photo_ids) AS "photoIds", to_jsonb(r.receipt_photo_ids) AS "receiptPhotoIds", r.source, r.value, r.within_window AS "withinWindow", r.approvals_required AS "approvalsRequired",
  r.first_approved_by AS "firstApprovedBy", r.first_approved_at AS "firstApprovedAt", r.approved_by AS "approvedBy", r.approved_at AS "approvedAt",
  r.rejected_by AS "rejectedBy", r.rejected_at AS "rejectedAt", r.reject_reason AS "rejectReason", r.instructions,
  r.replacement_lines AS "replacementLines", r.replacement_order_id AS "replacementOrderId", r.receipt_location_id AS "receiptLocationId",
  r.stock_owner_id AS "stockOwnerId", r.requested_amount AS "requestedAmount", r.return_carrier AS "returnCarrier", r.return_tracking AS "returnTracking",
  r.resolution, r.received_at AS "receivedAt", r.inspected_at AS "inspectedAt", r.disposed_at AS "disposedAt", r.resolved_at AS "resolvedAt",
  r.created_by AS "createdBy", r.created_at AS "createdAt", r.updated_at AS "updatedAt"`;
const LINE_COLUMNS = `id, order_line_id AS "orderLineId", product_id AS "productId", sku, name, category, quantity, unit_price AS "unitPrice",
  received_quantity AS "receivedQuantity", grades`;
export const REFUND_COLUMNS = `id, number, return_id AS "returnId", kind, order_id AS "orderId", customer_id AS "customerId", amount, currency, status,
  approved_by AS "approvedBy", approved_at AS "approvedAt", paid_at AS "paidAt", payment_reference AS "paymentReference", created_by AS "createdBy", created_at AS "createdAt"`;

/** The request, locked until the transaction ends: commands on one request run one after the other. */
export async function lockReturn(tx: Tx, id: number): Promise<ReturnRow> {
  const row = (await tx.query<ReturnRow>(`SELECT ${RETURN_COLUMNS} FROM return_requests r WHERE r.id = $1 FOR UPDATE`, [id])).rows[0];
  if (!row) throw new NotFound('return', id);
  return row;
}

/** A request in a warehouse outside the caller's is a 404 to them, as if it did not exist. */
export async function assertReturnVisible(q: Queryable, p: Pick<Principal, 'warehouseIds'>, id: number): Promise<void> {
  await assertVisible(
    p,
    async () => (await q.query<{ warehouseId: number }>('SELECT warehouse_id AS "warehouseId" FROM return_requests WHERE id = $1', [id])).rows[0]?.warehouseId,
    () => new NotFound('return', id),
  );
}

/** A refund belongs to its request's warehouse: outside the caller's, a 404 as for an unknown refund. */
export async function assertRefundVisible(q: Queryable, p: Pick<Principal, 'warehouseIds'>, id: number): Promise<void> {
  await assertVisible(
    p,
    async () =>
      (await q.query<{ warehouseId: number }>('SELECT r.warehouse_id AS "warehouseId" FROM refunds f JOIN return_requests r ON r.id = f.return_id WHERE f.id = $1', [id]))
        .rows[0]?.warehouseId,
    () => new NotFound('refund', id),
  );
}

export async function getReturnRow(q: Queryable, id: number): Promise<ReturnRow> {
  const row = (await q.query<ReturnRow>(`SELECT ${RETURN_COLUMNS} FROM return_requests r WHERE r.id = $1`, [id])).rows[0];
  if (!row) throw new NotFound('return', id);
  return row;
}

export async function returnLines(q: Queryable, returnId: number): Promise<ReturnLine[]> {
  return (await q.query<ReturnLine>(`SELECT ${LINE_COLUMNS} FROM return_lines WHERE return_id = $1 ORDER BY id`, [returnId])).rows;
}

export async function refundsOf(q: Queryable, returnId: number): Promise<Refund[]> {
  return (await q.query<Refund>(`SELECT ${REFUND_COLUMNS} FROM refunds WHERE return_id = $1 ORDER BY id`, [returnId])).rows;
}

export async function getReturn(q: Queryable, id: number): Promise<ReturnRequest> {
  const row = await getReturnRow(q, id);
  const lines = await returnLines(q, id);
  const { rows: discrepancies } = await q.query<Discrepancy>(
    `SELECT id, kind, return_line_id AS "returnLineId", product_id AS "productId", code, quantity, note, created_at AS "createdAt"
       FROM return_discrepancies WHERE return_id = $1 ORDER BY id`,
    [id],
  );
  const { rows: inspections } = await q.query<Inspection>(
    `SELECT id, return_line_id AS "returnLineId", level, level_name AS "levelName", grades, checklist, to_jsonb(photo_ids) AS "photoIds",
            note, inspector, inspected_at AS "inspectedAt"
       FROM return_inspections WHERE return_id = $1 ORDER BY return_line_id, level`,
    [id],
  );
  const { rows: dispositions } = await q.query<DispositionRow>(
    `SELECT id, return_line_id AS "returnLineId", grade, disposition, quantity, location_id AS "locationId", decided_by AS "decidedBy", decided_at AS "decidedAt"
       FROM return_dispositions WHERE return_id = $1 ORDER BY id`,
    [id],
  );
  const refunds = await refundsOf(q, id);
  return { ...row, lines, discrepancies, inspections, dispositions, refunds };
}

/**
 * The request a scanned code names: an RMA number, or an order number with one open request.
 * Requests outside `scope` (the caller's warehouses) are not found.
 */
export async function findReturnByCode(q: Queryable, code: string, scope: WarehouseScope = null): Promise<ReturnRow> {
  const text = code.trim().toUpperCase();
  if (text.startsWith('RMA')) {
    const number = `RMA-${text.replace(/\D/g, '').padStart(6, '0')}`;
    const params: unknown[] = [number];
    const scoped = scopeCondition(scope, 'r.warehouse_id', params);
    const row = (await q.query<ReturnRow>(`SELECT ${RETURN_COLUMNS} FROM return_requests r WHERE r.rma_number = $1 ${scoped ? `AND ${scoped}` : ''}`, params)).rows[0];
    if (!row) throw new NotFound('return', text);
    return row;
  }
  const number = /^(SO-?)?\d{1,12}$/.test(text) ? `SO-${text.replace(/\D/g, '').padStart(6, '0')}` : text;
  const params: unknown[] = [number];
  const scoped = scopeCondition(scope, 'r.warehouse_id', params);
  const { rows } = await q.query<ReturnRow>(
    `SELECT ${RETURN_COLUMNS} FROM return_requests r
      WHERE r.order_number = $1 AND r.status = 'approved' AND r.type <> 'compensation' ${scoped ? `AND ${scoped}` : ''} ORDER BY r.id`,
    params,
  );
  if (rows.length === 0) throw new NotFound('approved return for order', number);
  if (rows.length > 1) {
    throw new Conflict(`order ${number} has ${rows.length} approved returns waiting (${rows.map((r) => r.rmaNumber).join(', ')}); scan the RMA number`, {
      currentState: 'ambiguous',
      rmaNumbers: rows.map((r) => r.rmaNumber),
    });
  }
  return rows[0]!;
}

export type ReturnFilter = { status?: ReturnStatus[]; type?: ReturnType; customerId?: number; orderId?: number; q?: string; warehouseIds?: WarehouseScope };
const Cursor = z.object({ id: z.number().int() });

/** Requests, newest first; q is an RMA or order number. */
export async function listReturns(q: Queryable, f: ReturnFilter, page: { limit: number; cursor?: string }) {
  const before = decodeCursor(page.cursor, Cursor);
  const params: unknown[] = [];
  const param = (v: unknown) => `$${params.push(v)}`;
  const where: string[] = [];
  if (f.status?.length) where.push(`r.status = ANY(${param(f.status)}::text[])`);
  if (f.type) where.push(`r.type = ${param(f.type)}`);
  if (f.customerId) where.push(`r.customer_id = ${param(f.customerId)}`);
  if (f.orderId) where.push(`r.order_id = ${param(f.orderId)}`);
  const scoped = scopeCondition(f.warehouseIds, 'r.warehouse_id', params);
  if (scoped) where.push(scoped);
  if (f.q) where.push(`(r.rma_number = ${param(f.q.trim().toUpperCase())} OR r.order_number = ${param(f.q.trim().toUpperCase())})`);
  if (before) where.push(`r.id < ${param(before.id)}`);
  const { rows } = await q.query<ReturnRow>(
    `SELECT ${RETURN_COLUMNS} FROM return_requests r ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY r.id DESC LIMIT ${param(page.limit + 1)}`,
    params,
  );
  return pageOf(rows, page.limit, (last) => ({ id: last.id }));
}

export async function returnTimeline(q: Queryable, id: number, page: { limit: number; cursor?: string }) {
  await getReturnRow(q, id);
  const before = decodeCursor(page.cursor, Cursor);
  const rows = await listEvents(q, { entityType: 'return', entityId: String(id) }, { before: before?.id, limit: page.limit + 1 });
  return pageOf(rows, page.limit, (last) => ({ id: last.id }));
}

/** A 409 unless the request is in one of `allowed`; names the current state. */
export function expectStatus(r: ReturnRow, allowed: readonly ReturnStatus[], action: string): void {
  if (!allowed.includes(r.status)) {
    throw new Conflict(`return ${r.rmaNumber ?? r.id} is ${r.status}; ${action} needs it to be ${allowed.join(' or ')}`, { currentState: r.status });
  }
}

/** Moves the request to `status`, with the columns that go with it. */
export async function setReturnStatus(tx: Tx, r: ReturnRow, status: ReturnStatus, fields: Record<string, unknown> = {}): Promise<void> {
  const names = Object.keys(fields);
  const sets = ['status = $2', 'updated_at = now()', ...names.map((n, i) => `${n} = $${i + 3}`)];
  await tx.query(`UPDATE return_requests SET ${sets.join(', ')} WHERE id = $1`, [r.id, status, ...names.map((n) => fields[n])]);
  r.status = status;
}

/**
 * Writes an event on the request's and its customer's timelines; the payload always names the RMA,
 * the order and the warehouse (so a reader limited to some warehouses is shown their requests' events).
 */
export async function recordReturnEvent(
  tx: Tx,
  actor: string,
  r: Pick<ReturnRow, 'id' | 'rmaNumber' | 'orderNumber' | 'orderId' | 'customerId' | 'warehouseId' | 'type' | 'status'>,
  type: ReturnEventType,
  payload: Record<string, unknown> = {},
) {
  await appendEvent(tx, actor, {
    type,
    entityType: 'return',
    entityId: r.id,
    customerId: r.customerId,
    payload: { returnId: r.id, rmaNumber: r.rmaNumber, orderNumber: r.orderNumber, orderId: r.orderId, warehouseId: r.warehouseId, type: r.type, status: r.status, ...payload },
  });
}

/** The lines as a customer message lists them. */
export const linesPayload = (lines: readonly ReturnLine[]) => lines.map((l) => ({ sku: l.sku, name: l.name, quantity: l.quantity, unitPrice: l.unitPrice, receivedQuantity: l.receivedQuantity }));
