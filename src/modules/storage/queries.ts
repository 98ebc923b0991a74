/** Reads: find deposits (by phone, name, voucher, deposit number or item code) and an item's custody history. */
import { z } from 'zod';
import { scopeCondition, type WarehouseScope } from '../../platform/auth/scope.js';
import type { Queryable } from '../../platform/db/client.js';
import { decodeCursor, pageOf } from '../../platform/http/pagination.js';
import { listCustomers } from '../customers/index.js';
import { getItem, locationCodes, readDeposits, type Deposit } from './shared.js';
import { voucherHashes } from './vouchers.js';
import type { CustodyEntryDto, ItemWithHistoryDto } from './storage.schema.js';

export type CustodyEntry = z.infer<typeof CustodyEntryDto>;
export type ItemWithHistory = z.infer<typeof ItemWithHistoryDto>;
const IdCursor = z.object({ id: z.number().int().positive() });

/**
 * Deposits, newest first. `q` is what the operator typed or scanned: a voucher code, a deposit
 * number, an item code (exact), or part of the customer's phone number or name.
 */
export async function findDeposits(
  q: Queryable,
  f: { q?: string; status?: 'open' | 'closed'; customerId?: number; warehouseId?: number; warehouseIds?: WarehouseScope },
  page: { limit: number; cursor?: string },
) {
  const before = decodeCursor(page.cursor, IdCursor);
  const params: unknown[] = [];
  const param = (v: unknown) => `$${params.push(v)}`;
  const where: string[] = [];
  if (f.q) {
    const term = f.q.trim();
    const upper = term.toUpperCase();
    const customers = (await listCustomers(q, { q: term }, { limit: 200 })).items.map((c) => c.id);
    // A voucher is found by its hash: the term is hashed as a voucher would be (in capitals).
    where.push(`(voucher_hash = ANY(${param(await voucherHashes(q, term))}::text[]) OR deposit_number = ${param(upper)}
      OR id IN (SELECT deposit_id FROM storage_items WHERE code = ${param(upper)})
      OR customer_id = ANY(${param(customers)}::bigint[]))`);
  }
  if (f.status) where.push(`status = ${param(f.status)}`);
  if (f.customerId) where.push(`customer_id = ${param(f.customerId)}`);
  if (f.warehouseId) where.push(`warehouse_id = ${param(f.warehouseId)}`);
  const scoped = scopeCondition(f.warehouseIds, 'warehouse_id', params);
  if (scoped) where.push(scoped);
  if (before) where.push(`id < ${param(before.id)}`);
  const sql = `${where.length ? where.join(' AND ') : 'true'} ORDER BY id DESC LIMIT ${param(page.limit + 1)}`;
  const rows: Deposit[] = await readDeposits(q, sql, params);
  return pageOf(rows, page.limit, (last) => ({ id: last.id }));
}

export async function custodyHistory(q: Queryable, itemId: number): Promise<CustodyEntry[]> {
  const { rows } = await q.query<Omit<CustodyEntry, 'location' | 'fromLocation' | 'handover'> & {
    locationId: number | null;
    fromLocationId: number | null;
    handoverId: number | null;
    receivedBy: string | null;
    signatureAttachmentId: number | null;
  }>(
    `SELECT c.id, c.action, c.actor, c.at, c.warehouse_id AS "warehouseId", c.location_id AS "locationId", c.from_location_id AS "fromLocationId", to_jsonb(c.photo_ids) AS "photoIds",
       c.reason, c.count_id AS "countId", c.handover_id AS "handoverId", h.received_by AS "receivedBy", h.signature_attachment_id AS "signatureAttachmentId"
     FROM storage_custody c LEFT JOIN storage_handovers h ON h.id = c.handover_id
     WHERE c.item_id = $1 ORDER BY c.at, c.id`,
    [itemId],
  );
  const codes = await locationCodes(q, rows.flatMap((r) => [r.locationId, r.fromLocationId]));
  const code = (id: number | null) => (id === null ? null : (codes.get(id) ?? null));
  return rows.map(({ locationId, fromLocationId, handoverId, receivedBy, signatureAttachmentId, ...r }) => ({
    ...r,
    location: code(locationId),
    fromLocation: code(fromLocationId),
    handover: handoverId === null ? null : { id: handoverId, receivedBy: receivedBy!, signatureAttachmentId: signatureAttachmentId! },
  }));
}

export async function getItemWithHistory(q: Queryable, code: string): Promise<ItemWithHistory> {
  const item = await getItem(q, code);
  return { ...item, history: await custodyHistory(q, item.id) };
}
