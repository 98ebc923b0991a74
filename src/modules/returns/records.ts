/**
 * What the return flows (src/flows/returns/) record on a return as they move its goods: each
 * received quantity, each discrepancy found at receipt, each disposition decided, the replacement
 * order. Writes to the module's own tables, in the caller's transaction; the flows never touch
 * them directly.
 */
import type { Queryable, Tx } from '../../platform/db/client.js';
import type { ReturnRow } from './returns.service.js';
import type { Disposition } from './events.js';

export type DiscrepancyKind = 'missing' | 'extra' | 'wrong_item' | 'damaged';
export type Discrepancy = { kind: DiscrepancyKind; returnLineId: number | null; productId: number | null; code: string; quantity: number; note?: string };
export type DispositionRecord = { returnLineId: number; grade: string; disposition: Disposition; quantity: number; locationId: number | null };

/** How many units of an announced line arrived. */
export async function recordReceivedQuantity(tx: Tx, returnLineId: number, quantity: number): Promise<void> {
  await tx.query('UPDATE return_lines SET received_quantity = $2 WHERE id = $1', [returnLineId, quantity]);
}

/** A difference between what was announced and what arrived (the receipt's note when it has none of its own). */
export async function recordDiscrepancy(tx: Tx, actor: string, returnId: number, d: Discrepancy, fallbackNote: string | null): Promise<void> {
  await tx.query(
    `INSERT INTO return_discrepancies (return_id, kind, return_line_id, product_id, code, quantity, note, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [returnId, d.kind, d.returnLineId, d.productId, d.code, d.quantity, d.note ?? fallbackNote, actor],
  );
}

/** What became of some units of a grade: restocked (where), refurbished, scrapped … */
export async function recordDisposition(tx: Tx, actor: string, returnId: number, d: DispositionRecord): Promise<void> {
  await tx.query(
    `INSERT INTO return_dispositions (return_id, return_line_id, grade, disposition, quantity, location_id, decided_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [returnId, d.returnLineId, d.grade, d.disposition, d.quantity, d.locationId, actor],
  );
}

/** The units of a return sent to repair, with the product and where they wait. */
export async function refurbishedUnits(q: Queryable, returnId: number): Promise<Array<{ returnLineId: number; productId: number; locationId: number; quantity: number }>> {
  const { rows } = await q.query<{ returnLineId: number; productId: number; locationId: number; quantity: number }>(
    `SELECT d.return_line_id AS "returnLineId", l.product_id AS "productId", d.location_id AS "locationId", d.quantity
       FROM return_dispositions d JOIN return_lines l ON l.id = d.return_line_id
      WHERE d.return_id = $1 AND d.disposition = 'refurbish' ORDER BY d.id`,
    [returnId],
  );
  return rows;
}

/** The exchange's replacement order, once placed. */
export async function linkReplacement(tx: Tx, r: ReturnRow, orderId: number): Promise<void> {
  await tx.query('UPDATE return_requests SET replacement_order_id = $2, updated_at = now() WHERE id = $1', [r.id, orderId]);
  r.replacementOrderId = orderId;
}
