/**
 * Refunds and compensations: money owed to the customer, for a payment system to pay.
 * pending → approved → paid, each step an event. A request's refunds together never exceed what
 * was paid for its goods (`capCents`, decided by the caller from the lines).
 */
import { assertSeparateDuty } from '../../platform/auth/duties.js';
import { z } from 'zod';
import { scopeCondition, type WarehouseScope } from '../../platform/auth/scope.js';
import type { Queryable, Tx } from '../../platform/db/client.js';
import { appendEvent } from '../../platform/events/log.js';
import { Conflict, Invalid, NotFound } from '../../platform/http/errors.js';
import { decodeCursor, pageOf } from '../../platform/http/pagination.js';
import { RETURN_EVENTS as E, type ReturnEventType } from './events.js';
import { bilingual, fromCents, toCents } from './policy.js';
import { REFUND_COLUMNS, type Refund, type ReturnRow } from './returns.service.js';

type RefundOfReturn = Refund & { rmaNumber: string | null; orderNumber: string; warehouseId: number };

async function refundEvent(tx: Tx, actor: string, type: ReturnEventType, f: RefundOfReturn) {
  await appendEvent(tx, actor, {
    type,
    entityType: 'refund',
    entityId: f.id,
    customerId: f.customerId,
    payload: {
      refundId: f.id,
      refundNumber: f.number,
      returnId: f.returnId,
      rmaNumber: f.rmaNumber,
      orderId: f.orderId,
      orderNumber: f.orderNumber,
      // Whose return: a caller limited to some warehouses sees the refunds of theirs.
      warehouseId: f.warehouseId,
      kind: f.kind,
      amount: f.amount,
      currency: f.currency,
      status: f.status,
      paymentReference: f.paymentReference,
    },
  });
}

export async function createRefund(tx: Tx, actor: string, r: ReturnRow, kind: Refund['kind'], amountCents: number, capCents: number, field: string): Promise<Refund> {
  if (amountCents <= 0) throw new Invalid(field, 'a refund is more than 0');
  const { rows: done } = await tx.query<{ total: number }>('SELECT coalesce(sum(amount), 0) AS total FROM refunds WHERE return_id = $1', [r.id]);
  const already = toCents(done[0]!.total);
  if (already + amountCents > capCents) {
    const left = fromCents(Math.max(0, capCents - already));
    throw new Invalid(field, bilingual({ en: `at most ${left} ${r.currency} can still be refunded for these goods (paid ${fromCents(capCents)})`, zh: `该商品最多还可退款 ${left} ${r.currency}（实付 ${fromCents(capCents)}）` }));
  }
  const { rows } = await tx.query<Refund>(
    `INSERT INTO refunds (return_id, kind, order_id, customer_id, amount, currency, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${REFUND_COLUMNS}`,
    [r.id, kind, r.orderId, r.customerId, (amountCents / 100).toFixed(2), r.currency, actor],
  );
  const refund = rows[0]!;
  await refundEvent(tx, actor, E.refundCreated, { ...refund, rmaNumber: r.rmaNumber, orderNumber: r.orderNumber, warehouseId: r.warehouseId });
  return refund;
}

async function lockRefund(tx: Tx, id: number): Promise<RefundOfReturn> {
  const { rows } = await tx.query<RefundOfReturn>(
    `SELECT ${REFUND_COLUMNS.split(/,\s*/).map((c) => `f.${c}`).join(', ')}, r.rma_number AS "rmaNumber", r.order_number AS "orderNumber", r.warehouse_id AS "warehouseId"
       FROM refunds f JOIN return_requests r ON r.id = f.return_id WHERE f.id = $1 FOR UPDATE OF f`,
    [id],
  );
  if (!rows[0]) throw new NotFound('refund', id);
  return rows[0];
}

export async function getRefund(q: Queryable, id: number): Promise<Refund> {
  const { rows } = await q.query<Refund>(`SELECT ${REFUND_COLUMNS} FROM refunds WHERE id = $1`, [id]);
  if (!rows[0]) throw new NotFound('refund', id);
  return rows[0];
}

const Cursor = z.object({ id: z.number().int() });

/** Refunds, newest first, keyset-paginated; with `warehouseIds` (the caller's scope) only those of requests there. */
export async function listRefunds(q: Queryable, f: { status?: Refund['status']; returnId?: number; warehouseIds?: WarehouseScope }, page: { limit: number; cursor?: string }) {
  const before = decodeCursor(page.cursor, Cursor);
  const params: unknown[] = [];
  const where: string[] = [];
  if (f.status) where.push(`status = $${params.push(f.status)}`);
  if (f.returnId) where.push(`return_id = $${params.push(f.returnId)}`);
  const scoped = scopeCondition(f.warehouseIds, 'warehouse_id', params);
  if (scoped) where.push(`return_id IN (SELECT id FROM return_requests WHERE ${scoped})`);
  if (before) where.push(`id < $${params.push(before.id)}`);
  const { rows } = await q.query<Refund>(
    `SELECT ${REFUND_COLUMNS} FROM refunds ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT $${params.push(page.limit + 1)}`,
    params,
  );
  return pageOf(rows, page.limit, (last) => ({ id: last.id }));
}

export async function approveRefund(tx: Tx, actor: string, id: number): Promise<Refund> {
  const f = await lockRefund(tx, id);
  if (f.status !== 'pending') throw new Conflict(`refund ${f.number} is ${f.status}; only a pending refund can be approved`, { currentState: f.status });
  await assertSeparateDuty(tx, 'returns.refund_payment', actor, [{ actor: f.createdBy, act: `setting refund ${f.number}` }], { currentState: f.status });
  await tx.query(`UPDATE refunds SET status = 'approved', approved_by = $2, approved_at = now() WHERE id = $1`, [id, actor]);
  const after = { ...f, ...(await getRefund(tx, id)) };
  await refundEvent(tx, actor, E.refundApproved, after);
  return getRefund(tx, id);
}

/** The payment system (or finance) confirms the money went out. */
export async function payRefund(tx: Tx, actor: string, id: number, paymentReference: string | undefined): Promise<Refund> {
  const f = await lockRefund(tx, id);
  if (f.status !== 'approved') throw new Conflict(`refund ${f.number} is ${f.status}; only an approved refund can be paid`, { currentState: f.status });
  await assertSeparateDuty(tx, 'returns.refund_payment', actor, [{ actor: f.approvedBy, act: `approving refund ${f.number}` }], { currentState: f.status });
  await tx.query(`UPDATE refunds SET status = 'paid', paid_at = now(), payment_reference = $2 WHERE id = $1`, [id, paymentReference ?? null]);
  const after = { ...f, ...(await getRefund(tx, id)) };
  await refundEvent(tx, actor, E.refundPaid, after);
  return getRefund(tx, id);
}
