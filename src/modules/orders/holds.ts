/**
 * The stock an order's lines hold: inventory reservations (refType `order_line`), recorded per
 * line in order_line_reservations. Reserving is all or nothing for the order: the balances are
 * locked and checked first, then every line reserves inside a SAVEPOINT. Products are taken in
 * id order so two orders never wait on each other's balances in opposite orders.
 */
import type { Queryable, Tx } from '../../platform/db/client.js';
import { heldQuantities, lockBalances, releaseReservation, reserve } from '../inventory/index.js';

export const RESERVATION_REF_TYPE = 'order_line';

export type Hold = { lineId: number; productId: number; reservationId: number; refId: string };
export type Missing = { sku: string; needed: number; available: number };
type LineNeed = { id: number; productId: number; sku: string; quantity: number; shipped: number };

export async function holdsOf(q: Queryable, lineIds: readonly number[]): Promise<Hold[]> {
  if (lineIds.length === 0) return [];
  return (
    await q.query<Hold>(
      `SELECT r.order_line_id AS "lineId", l.product_id AS "productId", r.reservation_id AS "reservationId", r.ref_id AS "refId"
         FROM order_line_reservations r JOIN order_lines l ON l.id = r.order_line_id
        WHERE r.order_line_id = ANY($1::bigint[]) ORDER BY l.product_id, r.reservation_id`,
      [lineIds],
    )
  ).rows;
}

/** Units each line holds now (reserved, allocated or picked, not yet shipped). */
export async function heldByLine(q: Queryable, lineIds: readonly number[]): Promise<Map<number, number>> {
  const holds = await holdsOf(q, lineIds);
  const quantities = await heldQuantities(q, RESERVATION_REF_TYPE, holds.map((h) => h.refId));
  const held = new Map<number, number>();
  for (const h of holds) held.set(h.lineId, (held.get(h.lineId) ?? 0) + (quantities.get(h.refId) ?? 0));
  return held;
}

/**
 * Reserves, in the order's warehouse, what each line still lacks. Either every line gets all it
 * lacks (`reserved: true`) or nothing changes and `missing` says what is short.
 */
export async function reserveWhatLacks(
  tx: Tx,
  actor: string,
  warehouseId: number,
  lines: readonly LineNeed[],
): Promise<{ reserved: boolean; missing: Missing[] }> {
  const holds = await holdsOf(tx, lines.map((l) => l.id));
  const held = await heldByLine(tx, lines.map((l) => l.id));
  const needs = lines
    .map((line) => ({ line, lack: line.quantity - line.shipped - (held.get(line.id) ?? 0) }))
    .filter((n) => n.lack > 0)
    .sort((a, b) => a.line.productId - b.line.productId);
  if (needs.length === 0) return { reserved: true, missing: [] };

  // Lock first, outside the savepoint (a rollback to it would drop the locks): a backorder decided
  // here stays visible to any stock change that commits after it (see lockBalances).
  const balances = await lockBalances(tx, needs.map((n) => n.line.productId), warehouseId);
  const available = new Map(balances.map((b) => [b.productId, Math.max(0, b.available)]));
  const missing = needs
    .map(({ line, lack }) => ({ sku: line.sku, needed: lack, available: available.get(line.productId) ?? 0 }))
    .filter((m) => m.available < m.needed);
  if (missing.length > 0) return { reserved: false, missing };

  await tx.query('SAVEPOINT order_reserve');
  try {
    for (const { line, lack } of needs) {
      const previous = holds.filter((h) => h.lineId === line.id).length;
      const refId = previous === 0 ? String(line.id) : `${line.id}.${previous + 1}`;
      const r = await reserve(tx, actor, { productId: line.productId, warehouseId, quantity: lack, refType: RESERVATION_REF_TYPE, refId });
      if (!r) {
        // Not expected under the locks; all or nothing all the same.
        await tx.query('ROLLBACK TO SAVEPOINT order_reserve');
        await tx.query('RELEASE SAVEPOINT order_reserve');
        return { reserved: false, missing: [{ sku: line.sku, needed: lack, available: available.get(line.productId) ?? 0 }] };
      }
      await tx.query('INSERT INTO order_line_reservations (reservation_id, order_line_id, ref_id) VALUES ($1, $2, $3)', [r.id, line.id, refId]);
    }
    await tx.query('RELEASE SAVEPOINT order_reserve');
    return { reserved: true, missing: [] };
  } catch (err) {
    // Leave the transaction usable for the caller's own handling; the error still propagates.
    await tx.query('ROLLBACK TO SAVEPOINT order_reserve').catch(() => undefined);
    throw err;
  }
}

/** Gives back everything the lines hold (picked units stay where they are, unreserved). Returns the units released. */
export async function releaseAll(tx: Tx, actor: string, lineIds: readonly number[]): Promise<number> {
  let released = 0;
  for (const h of await holdsOf(tx, lineIds)) released += await releaseReservation(tx, actor, h.reservationId);
  return released;
}
