/**
 * Reservations: what an order line holds of a warehouse's stock, from promise to shipment.
 * reserve (warehouse level) → allocate to bins, FEFO then FIFO (the pick list) → pick (to the
 * shipping location, still reserved) → ship (leaves the ledger); release at any point before.
 * Every step is a conditional UPDATE guarded by the tables' CHECK constraints.
 */
import type { Queryable, Tx } from '../../platform/db/client.js';
import { appendEvent } from '../../platform/events/log.js';
import { Conflict, NotFound } from '../../platform/http/errors.js';
import { INVENTORY_EVENTS as E } from './events.js';
import { applyMovement, checkLow, stockBecameAvailable } from './stock.service.js';
import { defaultLocation, getLocation } from './warehouses.service.js';

export type Reservation = { id: number; productId: number; warehouseId: number; quantity: number; refType: string; refId: string };
export type Allocation = {
  id: number;
  reservationId: number;
  stockLevelId: number;
  locationId: number;
  locationCode: string;
  pickSequence: number;
  lot: string;
  expiresOn: string | null;
  quantity: number;
  picked: number;
  shipped: number;
  status: 'open' | 'picked' | 'released';
};

const RESERVATION = `id, product_id AS "productId", warehouse_id AS "warehouseId", quantity, ref_type AS "refType", ref_id AS "refId"`;

/** Holds `quantity` of a warehouse's available stock for a reference, or returns undefined if there is not enough. */
export async function reserve(
  tx: Tx,
  actor: string,
  r: { productId: number; warehouseId: number; quantity: number; refType: string; refId: string },
): Promise<Reservation | undefined> {
  // The reservation row first: a duplicate reference is refused before the balance changes, so a
  // caller that catches the Conflict and carries on leaves no stray hold behind.
  const { rows } = await tx.query<Reservation>(
    `INSERT INTO reservations (product_id, warehouse_id, quantity, ref_type, ref_id) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (ref_type, ref_id) DO NOTHING RETURNING ${RESERVATION}`,
    [r.productId, r.warehouseId, r.quantity, r.refType, r.refId],
  );
  const reservation = rows[0];
  if (!reservation) throw new Conflict(`${r.refType} ${r.refId} already holds a reservation`, { currentState: 'reserved' });
  const held = await tx.query(
    `UPDATE stock_balances SET reserved = reserved + $3
      WHERE product_id = $1 AND warehouse_id = $2 AND on_hand - reserved - quarantined >= $3`,
    [r.productId, r.warehouseId, r.quantity],
  );
  if (held.rowCount === 0) {
    await tx.query('DELETE FROM reservations WHERE id = $1', [reservation.id]);
    return undefined;
  }
  await appendEvent(tx, actor, {
    type: E.stockReserved,
    entityType: 'product',
    entityId: r.productId,
    payload: { productId: r.productId, warehouseId: r.warehouseId, reservationId: reservation.id, quantity: r.quantity, refType: r.refType, refId: r.refId },
  });
  await checkLow(tx, actor, r.productId, r.warehouseId, r.quantity);
  return reservation;
}

async function reservationEvent(tx: Tx, actor: string, type: string, r: Reservation, payload: Record<string, unknown>) {
  await appendEvent(tx, actor, {
    type,
    entityType: 'product',
    entityId: r.productId,
    payload: { productId: r.productId, warehouseId: r.warehouseId, reservationId: r.id, refType: r.refType, refId: r.refId, ...payload },
  });
}

/** What each reference still holds, in one read without locks (order views, totals). */
export async function heldQuantities(q: Queryable, refType: string, refIds: readonly string[]): Promise<Map<string, number>> {
  if (refIds.length === 0) return new Map();
  const { rows } = await q.query<{ refId: string; quantity: number }>(
    `SELECT ref_id AS "refId", quantity FROM reservations WHERE ref_type = $1 AND ref_id = ANY($2::text[])`,
    [refType, refIds],
  );
  return new Map(rows.map((r) => [r.refId, r.quantity]));
}

async function lockReservation(tx: Tx, id: number): Promise<Reservation> {
  const r = (await tx.query<Reservation>(`SELECT ${RESERVATION} FROM reservations WHERE id = $1 FOR UPDATE`, [id])).rows[0];
  if (!r) throw new NotFound('reservation', id);
  return r;
}

/** Takes `quantity` off a reservation and the warehouse balance (released or consumed). */
async function reduce(tx: Tx, r: Reservation, quantity: number) {
  if (quantity <= 0) return;
  await tx.query('UPDATE reservations SET quantity = quantity - $2 WHERE id = $1', [r.id, quantity]);
  await tx.query('UPDATE stock_balances SET reserved = reserved - $3 WHERE product_id = $1 AND warehouse_id = $2', [r.productId, r.warehouseId, quantity]);
}

export async function listAllocations(tx: Tx, reservationIds: number[]): Promise<Allocation[]> {
  return (
    await tx.query<Allocation>(
      `SELECT a.id, a.reservation_id AS "reservationId", a.stock_level_id AS "stockLevelId", a.location_id AS "locationId",
              l.code AS "locationCode", l.pick_sequence AS "pickSequence", s.lot, s.expires_on AS "expiresOn",
              a.quantity, a.picked, a.shipped, a.status
         FROM allocations a JOIN locations l ON l.id = a.location_id JOIN stock_levels s ON s.id = a.stock_level_id
        WHERE a.reservation_id = ANY($1::bigint[]) ORDER BY l.pick_sequence, l.code, a.id`,
      [reservationIds],
    )
  ).rows;
}

/**
 * Allocates what the reservation does not yet have in bins: earliest expiry first (FEFO), then
 * oldest receipt (FIFO), then walking order. Returns the new allocations and what could not be
 * allocated (stock not yet put away into a storage or picking location).
 */
export async function allocate(tx: Tx, reservationId: number): Promise<{ allocations: Allocation[]; unallocated: number }> {
  const r = await lockReservation(tx, reservationId);
  const { rows: done } = await tx.query<{ held: number }>(
    `SELECT coalesce(sum(CASE WHEN status = 'open' THEN quantity WHEN status = 'picked' THEN picked - shipped ELSE 0 END), 0)::bigint AS held
       FROM allocations WHERE reservation_id = $1`,
    [r.id],
  );
  let need = r.quantity - done[0]!.held;
  const created: number[] = [];
  for (let pass = 0; pass < 3 && need > 0; pass++) {
    const { rows: candidates } = await tx.query<{ id: number; locationId: number; free: number }>(
      `SELECT s.id, s.location_id AS "locationId", s.on_hand - s.reserved AS free
         FROM stock_levels s JOIN locations l ON l.id = s.location_id
        WHERE s.product_id = $1 AND s.warehouse_id = $2 AND s.owner_id = 0 AND s.status = 'available'
          AND l.type IN ('picking', 'storage') AND l.active AND s.on_hand > s.reserved
          -- An expired lot is never sent to a customer; it waits for a count or a write-off.
          AND (s.expires_on IS NULL OR s.expires_on >= current_date)
        ORDER BY s.expires_on ASC NULLS LAST, s.received_at, l.pick_sequence, l.code
        LIMIT 50`,
      [r.productId, r.warehouseId],
    );
    if (candidates.length === 0) break;
    for (const c of candidates) {
      if (need <= 0) break;
      const take = Math.min(need, c.free);
      const ok = await tx.query(`UPDATE stock_levels SET reserved = reserved + $2 WHERE id = $1 AND on_hand - reserved >= $2`, [c.id, take]);
      if (ok.rowCount === 0) continue; // taken meanwhile; the next pass re-reads
      const { rows } = await tx.query<{ id: number }>(
        `INSERT INTO allocations (reservation_id, stock_level_id, location_id, quantity) VALUES ($1, $2, $3, $4) RETURNING id`,
        [r.id, c.id, c.locationId, take],
      );
      created.push(rows[0]!.id);
      need -= take;
    }
  }
  const all = await listAllocations(tx, [r.id]);
  const allocations = all.filter((a) => created.includes(a.id));
  if (allocations.length > 0) {
    await reservationEvent(tx, 'system', E.stockAllocated, r, {
      allocations: allocations.map((a) => ({ allocationId: a.id, locationId: a.locationId, locationCode: a.locationCode, lot: a.lot, quantity: a.quantity })),
      unallocated: need,
    });
  }
  return { allocations, unallocated: need };
}

/**
 * Records a pick of `quantity` units from an allocation: they move from the bin to the
 * warehouse's shipping location and stay reserved. Fewer than allocated is a short pick: the
 * rest is released from the bin and the reservation. Returns the shortfall.
 */
export async function pickAllocation(tx: Tx, actor: string, allocationId: number, quantity: number, reference: string): Promise<{ short: number }> {
  const a = (
    await tx.query<{ id: number; reservationId: number; stockLevelId: number; quantity: number; status: string }>(
      `SELECT id, reservation_id AS "reservationId", stock_level_id AS "stockLevelId", quantity, status FROM allocations WHERE id = $1 FOR UPDATE`,
      [allocationId],
    )
  ).rows[0];
  if (!a) throw new NotFound('allocation', allocationId);
  if (a.status !== 'open') throw new Conflict(`allocation ${allocationId} is already ${a.status}`, { currentState: a.status });
  if (quantity > a.quantity) throw new Conflict(`allocation ${allocationId} is for ${a.quantity} unit(s); ${quantity} picked`, { currentState: 'open' });
  const r = await lockReservation(tx, a.reservationId);
  const bin = (
    await tx.query<{ productId: number; locationId: number; lot: string; expiresOn: string | null }>(
      `SELECT product_id AS "productId", location_id AS "locationId", lot, expires_on AS "expiresOn" FROM stock_levels WHERE id = $1`,
      [a.stockLevelId],
    )
  ).rows[0]!;
  const short = a.quantity - quantity;
  let pickedRow: number | null = null;
  if (quantity > 0) {
    const shipping = await defaultLocation(tx, r.warehouseId, 'shipping');
    if (!shipping) throw new Conflict(`warehouse ${r.warehouseId} has no shipping location to pick to`, { currentState: 'no_shipping_location' });
    // In before out: the warehouse total must never dip below what it has promised.
    const to = await applyMovement(tx, actor, {
      productId: bin.productId,
      locationId: shipping.id,
      lot: bin.lot,
      expiresOn: bin.expiresOn,
      delta: quantity,
      movement: 'pick',
      reference,
      location: { ...shipping, capacity: null },
    });
    await tx.query('UPDATE stock_levels SET reserved = reserved + $2 WHERE id = $1', [to.stockLevelId, quantity]);
    await applyMovement(tx, actor, { productId: bin.productId, locationId: bin.locationId, lot: bin.lot, delta: -quantity, movement: 'pick', reference, fromReserved: true });
    pickedRow = to.stockLevelId;
  }
  if (short > 0) {
    await tx.query('UPDATE stock_levels SET reserved = reserved - $2 WHERE id = $1', [a.stockLevelId, short]);
    await reduce(tx, r, short);
  }
  await tx.query(`UPDATE allocations SET status = 'picked', picked = $2, picked_stock_level_id = $3 WHERE id = $1`, [a.id, quantity, pickedRow]);
  await reservationEvent(tx, actor, E.stockPicked, r, { allocationId: a.id, fromLocationId: bin.locationId, lot: bin.lot, quantity, short, reference });
  return { short };
}

/** Ships every picked, unshipped unit of a reservation: they leave the ledger. Returns how many. */
export async function shipReservation(tx: Tx, actor: string, reservationId: number, reference: string): Promise<number> {
  const r = await lockReservation(tx, reservationId);
  const { rows } = await tx.query<{ id: number; pickedStockLevelId: number; qty: number }>(
    `SELECT id, picked_stock_level_id AS "pickedStockLevelId", picked - shipped AS qty FROM allocations
      WHERE reservation_id = $1 AND status = 'picked' AND picked > shipped FOR UPDATE`,
    [r.id],
  );
  const total = rows.reduce((n, a) => n + a.qty, 0);
  // Release the balance first so that on_hand never drops below what is reserved.
  await reduce(tx, r, total);
  for (const a of rows) {
    const row = (
      await tx.query<{ productId: number; locationId: number; lot: string }>(
        `SELECT product_id AS "productId", location_id AS "locationId", lot FROM stock_levels WHERE id = $1`,
        [a.pickedStockLevelId],
      )
    ).rows[0]!;
    await applyMovement(tx, actor, { ...row, delta: -a.qty, movement: 'ship', reference, fromReserved: true, location: await getLocation(tx, row.locationId) });
    await tx.query('UPDATE allocations SET shipped = picked WHERE id = $1', [a.id]);
  }
  if (total > 0) await reservationEvent(tx, actor, E.stockShipped, r, { quantity: total, reference });
  return total;
}

/** Gives back everything a reservation still holds (cancel, intercept). Picked units stay where they are, unreserved. */
export async function releaseReservation(tx: Tx, actor: string, reservationId: number): Promise<number> {
  const r = await lockReservation(tx, reservationId);
  if (r.quantity === 0) return 0;
  const { rows } = await tx.query<{ id: number; stockLevelId: number; pickedStockLevelId: number | null; status: string; quantity: number; picked: number; shipped: number }>(
    `SELECT id, stock_level_id AS "stockLevelId", picked_stock_level_id AS "pickedStockLevelId", status, quantity, picked, shipped
       FROM allocations WHERE reservation_id = $1 AND status <> 'released' FOR UPDATE`,
    [r.id],
  );
  for (const a of rows) {
    if (a.status === 'open') {
      await tx.query('UPDATE stock_levels SET reserved = reserved - $2 WHERE id = $1', [a.stockLevelId, a.quantity]);
      await tx.query(`UPDATE allocations SET status = 'released' WHERE id = $1`, [a.id]);
    } else if (a.picked > a.shipped && a.pickedStockLevelId) {
      await tx.query('UPDATE stock_levels SET reserved = reserved - $2 WHERE id = $1', [a.pickedStockLevelId, a.picked - a.shipped]);
      await tx.query(`UPDATE allocations SET status = 'released' WHERE id = $1`, [a.id]);
    }
  }
  const released = r.quantity;
  await reduce(tx, r, released);
  await reservationEvent(tx, actor, E.stockReleased, r, { quantity: released });
  await stockBecameAvailable(tx, actor, r.productId, r.warehouseId);
  return released;
}
