/**
 * Transfer orders between warehouses: draft → released (the source's stock reserved, so it cannot
 * be sold twice) → shipped (out of the source's ledger, into stock_in_transit) → received at the
 * destination, in one or more scans (into its ledger; overages found, shortages written off) →
 * closed; or cancelled before shipping. Each command is one transaction with its event.
 */
import type { WarehouseScope } from '../../platform/auth/scope.js';
import type { Queryable, Tx } from '../../platform/db/client.js';
import { appendEvent } from '../../platform/events/log.js';
import { Conflict, Invalid, NotFound } from '../../platform/http/errors.js';
import { releaseReservation, reserve } from './reservations.js';
import { applyMovement, getBalance, stockBecameAvailable } from './stock.service.js';
import { acceptProposals } from './transfer-proposals.js';
import { TRANSFER_EVENTS as E, TRANSFER_REF_TYPE, type TransferStatus } from './transfers.schema.js';
import { getWarehouse, type Location } from './warehouses.service.js';

export type TransferSummary = {
  id: number;
  number: string;
  fromWarehouseId: number;
  toWarehouseId: number;
  status: TransferStatus;
  closedReason: 'received' | 'written_off' | null;
  writeOffReason: string | null;
  cancelReason: string | null;
  reference: string | null;
  note: string | null;
  createdBy: string;
  createdAt: string;
  releasedAt: string | null;
  shippedAt: string | null;
  closedAt: string | null;
  cancelledAt: string | null;
};
export type TransferLine = {
  id: number;
  lineNo: number;
  productId: number;
  lot: string;
  quantity: number;
  shipped: number;
  received: number;
  writtenOff: number;
  inTransit: number;
  reservationId: number | null;
};
export type Discrepancy = {
  id: number;
  lineId: number;
  productId: number;
  lot: string;
  kind: 'shortage' | 'overage';
  quantity: number;
  reason: string | null;
  recordedBy: string;
  recordedAt: string;
};
export type Transfer = TransferSummary & { lines: TransferLine[]; discrepancies: Discrepancy[] };

const TRANSFER = `t.id, t.number, t.from_warehouse_id AS "fromWarehouseId", t.to_warehouse_id AS "toWarehouseId", t.status,
  t.closed_reason AS "closedReason", t.write_off_reason AS "writeOffReason", t.cancel_reason AS "cancelReason", t.reference, t.note,
  t.created_by AS "createdBy", t.created_at AS "createdAt", t.released_at AS "releasedAt", t.shipped_at AS "shippedAt",
  t.closed_at AS "closedAt", t.cancelled_at AS "cancelledAt"`;
const LINE = `l.id, l.line_no AS "lineNo", l.product_id AS "productId", l.lot, l.quantity, l.shipped, l.received,
  l.written_off AS "writtenOff", (l.shipped - l.received - l.written_off) AS "inTransit", l.reservation_id AS "reservationId"`;

// ---- reading ------------------------------------------------------------------------------

async function lockTransfer(tx: Tx, id: number): Promise<TransferSummary> {
  const t = (await tx.query<TransferSummary>(`SELECT ${TRANSFER} FROM transfer_orders t WHERE t.id = $1 FOR UPDATE`, [id])).rows[0];
  if (!t) throw new NotFound('transfer', id);
  return t;
}

/** An action the transfer's state does not allow: a 409 naming that state. */
function guard(t: TransferSummary, allowed: readonly TransferStatus[], action: string) {
  if (!allowed.includes(t.status)) {
    throw new Conflict(`transfer ${t.number} is ${t.status}; only a ${allowed.join(' or ')} transfer can be ${action}`, { currentState: t.status });
  }
}

async function linesOf(q: Queryable, transferId: number): Promise<TransferLine[]> {
  return (await q.query<TransferLine>(`SELECT ${LINE} FROM transfer_lines l WHERE l.transfer_id = $1 ORDER BY l.line_no`, [transferId])).rows;
}

export async function getTransfer(q: Queryable, id: number): Promise<Transfer> {
  const t = (await q.query<TransferSummary>(`SELECT ${TRANSFER} FROM transfer_orders t WHERE t.id = $1`, [id])).rows[0];
  if (!t) throw new NotFound('transfer', id);
  const discrepancies = (
    await q.query<Discrepancy>(
      `SELECT id, transfer_line_id AS "lineId", product_id AS "productId", lot, kind, quantity, reason, recorded_by AS "recordedBy", recorded_at AS "recordedAt"
         FROM transfer_discrepancies WHERE transfer_id = $1 ORDER BY id`,
      [id],
    )
  ).rows;
  return { ...t, lines: await linesOf(q, id), discrepancies };
}

/** Transfers, newest first; with `warehouseIds` (the caller's scope) only those leaving or reaching one of them. */
export async function listTransfers(
  q: Queryable,
  f: { status?: TransferStatus; fromWarehouseId?: number; toWarehouseId?: number; warehouseIds?: WarehouseScope; beforeId?: number; limit: number },
): Promise<TransferSummary[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  if (f.status) where.push(`t.status = $${params.push(f.status)}`);
  if (f.fromWarehouseId) where.push(`t.from_warehouse_id = $${params.push(f.fromWarehouseId)}`);
  if (f.toWarehouseId) where.push(`t.to_warehouse_id = $${params.push(f.toWarehouseId)}`);
  if (f.warehouseIds) where.push(`(t.from_warehouse_id = ANY($${params.push([...f.warehouseIds])}::bigint[]) OR t.to_warehouse_id = ANY($${params.length}::bigint[]))`);
  if (f.beforeId) where.push(`t.id < $${params.push(f.beforeId)}`);
  return (
    await q.query<TransferSummary>(
      `SELECT ${TRANSFER} FROM transfer_orders t ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY t.id DESC LIMIT $${params.push(f.limit)}`,
      params,
    )
  ).rows;
}

/** A transfer's two warehouses (undefined: no such transfer), to see whether a caller may act on it. */
export async function transferWarehouses(q: Queryable, id: number): Promise<{ fromWarehouseId: number; toWarehouseId: number } | undefined> {
  return (
    await q.query<{ fromWarehouseId: number; toWarehouseId: number }>(
      'SELECT from_warehouse_id AS "fromWarehouseId", to_warehouse_id AS "toWarehouseId" FROM transfer_orders WHERE id = $1',
      [id],
    )
  ).rows[0];
}

export type InTransit = { transferId: number; number: string; productId: number; fromWarehouseId: number; toWarehouseId: number; lot: string; quantity: number };

/** Units on their way, per transfer and lot (a stock view: they are in neither warehouse's levels). */
export async function listInTransit(q: Queryable, f: { productIds?: readonly number[]; warehouseId?: number; warehouseIds?: WarehouseScope }): Promise<InTransit[]> {
  const params: unknown[] = [];
  const where = ['s.quantity > 0'];
  if (f.productIds) where.push(`s.product_id = ANY($${params.push(f.productIds)}::bigint[])`);
  if (f.warehouseId) where.push(`(s.from_warehouse_id = $${params.push(f.warehouseId)} OR s.to_warehouse_id = $${params.length})`);
  if (f.warehouseIds) where.push(`(s.from_warehouse_id = ANY($${params.push([...f.warehouseIds])}::bigint[]) OR s.to_warehouse_id = ANY($${params.length}::bigint[]))`);
  return (
    await q.query<InTransit>(
      `SELECT s.transfer_id AS "transferId", t.number, s.product_id AS "productId", s.from_warehouse_id AS "fromWarehouseId",
              s.to_warehouse_id AS "toWarehouseId", s.lot, s.quantity
         FROM stock_in_transit s JOIN transfer_orders t ON t.id = s.transfer_id
        WHERE ${where.join(' AND ')} ORDER BY s.product_id, s.to_warehouse_id, s.transfer_id, s.lot LIMIT 5000`,
      params,
    )
  ).rows;
}

// ---- draft --------------------------------------------------------------------------------

export type NewTransfer = {
  fromWarehouseId: number;
  toWarehouseId: number;
  lines: Array<{ productId: number; lot?: string; quantity: number }>;
  reference?: string | null;
  note?: string | null;
};

export async function createTransfer(tx: Tx, actor: string, input: NewTransfer): Promise<Transfer> {
  if (input.fromWarehouseId === input.toWarehouseId) throw new Invalid('toWarehouseId', 'a transfer goes to another warehouse; a move stays within one');
  for (const [field, id] of [['fromWarehouseId', input.fromWarehouseId], ['toWarehouseId', input.toWarehouseId]] as const) {
    const w = await getWarehouse(tx, id).catch((err: unknown) => {
      throw err instanceof NotFound ? new Invalid(field, err.message) : err;
    });
    if (!w.active) throw new Conflict(`warehouse ${w.code} is not active`, { currentState: 'inactive', field });
  }
  const seen = new Set<string>();
  input.lines.forEach((l, i) => {
    const key = `${l.productId}|${l.lot ?? ''}`;
    if (seen.has(key)) throw new Invalid(`lines.${i}.sku`, 'this product (and lot) is already on another line');
    seen.add(key);
  });
  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO transfer_orders (from_warehouse_id, to_warehouse_id, reference, note, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [input.fromWarehouseId, input.toWarehouseId, input.reference ?? null, input.note ?? null, actor],
  );
  const id = rows[0]!.id;
  for (const [i, l] of input.lines.entries()) {
    await tx.query(`INSERT INTO transfer_lines (transfer_id, line_no, product_id, lot, quantity) VALUES ($1, $2, $3, $4, $5)`, [id, i + 1, l.productId, l.lot ?? '', l.quantity]);
  }
  const proposalIds = await acceptProposals(tx, id, input.fromWarehouseId, input.toWarehouseId, input.lines.map((l) => l.productId));
  const t = await getTransfer(tx, id);
  await transferEvent(tx, actor, E.created, t, { lines: t.lines.map(({ id: lineId, productId, lot, quantity }) => ({ lineId, productId, lot, quantity })), proposalIds });
  return t;
}

async function transferEvent(tx: Tx, actor: string, type: string, t: TransferSummary, payload: Record<string, unknown> = {}) {
  await appendEvent(tx, actor, {
    type,
    entityType: 'transfer',
    entityId: t.id,
    payload: { transferId: t.id, number: t.number, fromWarehouseId: t.fromWarehouseId, toWarehouseId: t.toWarehouseId, ...payload },
  });
}

/** The new status, the time it was reached (the database's clock, as created_at) and its reason columns. */
async function setStatus(
  tx: Tx,
  id: number,
  status: TransferStatus,
  stamp?: 'released_at' | 'shipped_at' | 'closed_at' | 'cancelled_at',
  extra: { closed_reason?: string; write_off_reason?: string; cancel_reason?: string } = {},
) {
  const cols = Object.keys(extra);
  await tx.query(
    `UPDATE transfer_orders SET status = $2, updated_at = now()${stamp ? `, ${stamp} = now()` : ''}${cols.map((c, i) => `, ${c} = $${i + 3}`).join('')} WHERE id = $1`,
    [id, status, ...Object.values(extra)],
  );
}

// ---- release: hold the source's stock ------------------------------------------------------

/** Free, unexpired units of a lot in the source (the warehouse-level reservation does not look at lots). */
async function freeOfLot(q: Queryable, productId: number, warehouseId: number, lot: string): Promise<number> {
  const { rows } = await q.query<{ free: number }>(
    `SELECT coalesce(sum(on_hand - reserved), 0)::bigint AS free FROM stock_levels
      WHERE product_id = $1 AND warehouse_id = $2 AND lot = $3 AND owner_id = 0 AND status = 'available'
        AND (expires_on IS NULL OR expires_on >= current_date)`,
    [productId, warehouseId, lot],
  );
  return rows[0]!.free;
}

export async function releaseTransfer(tx: Tx, actor: string, id: number): Promise<Transfer> {
  const t = await lockTransfer(tx, id);
  guard(t, ['draft'], 'released');
  const lines = await linesOf(tx, id);
  // Product order, as orders reserve, so two commands never wait on each other's balances crosswise.
  for (const line of [...lines].sort((a, b) => a.productId - b.productId || a.id - b.id)) {
    const field = `lines.${line.lineNo - 1}.quantity`;
    if (line.lot !== '') {
      const free = await freeOfLot(tx, line.productId, t.fromWarehouseId, line.lot);
      if (free < line.quantity) {
        throw new Conflict(`warehouse ${t.fromWarehouseId} has ${free} unit(s) of product ${line.productId} lot ${line.lot} free; ${line.quantity} to transfer`, {
          currentState: 'insufficient_stock',
          available: free,
          field,
        });
      }
    }
    const r = await reserve(tx, actor, { productId: line.productId, warehouseId: t.fromWarehouseId, quantity: line.quantity, refType: TRANSFER_REF_TYPE, refId: String(line.id) });
    if (!r) {
      const available = Math.max(0, (await getBalance(tx, line.productId, t.fromWarehouseId)).available);
      throw new Conflict(`warehouse ${t.fromWarehouseId} has ${available} unit(s) of product ${line.productId} available; ${line.quantity} to transfer`, {
        currentState: 'insufficient_stock',
        available,
        field,
      });
    }
    await tx.query('UPDATE transfer_lines SET reservation_id = $2 WHERE id = $1', [line.id, r.id]);
  }
  await setStatus(tx, id, 'released', 'released_at');
  await transferEvent(tx, actor, E.released, t, { lines: lines.map((l) => ({ lineId: l.id, productId: l.productId, lot: l.lot, quantity: l.quantity })) });
  return getTransfer(tx, id);
}

// ---- ship: out of the source, into transit -------------------------------------------------

type Piece = { lot: string; expiresOn: string | null; receivedAt: string; quantity: number };

/**
 * Takes `quantity` free units of a line's product out of the source's bins: earliest expiry
 * first, then oldest, shelves before docks; never units allocated to a pick list. Each take is
 * applyMovement's conditional UPDATE, so a row emptied meanwhile is skipped and re-read.
 */
async function takeFromSource(tx: Tx, actor: string, t: TransferSummary, line: TransferLine, quantity: number): Promise<Piece[]> {
  const pieces: Piece[] = [];
  let need = quantity;
  for (let pass = 0; pass < 3 && need > 0; pass++) {
    const { rows } = await tx.query<{ locationId: number; lot: string; expiresOn: string | null; receivedAt: string; free: number }>(
      `SELECT s.location_id AS "locationId", s.lot, s.expires_on AS "expiresOn", s.received_at AS "receivedAt", s.on_hand - s.reserved AS free
         FROM stock_levels s JOIN locations l ON l.id = s.location_id
        WHERE s.product_id = $1 AND s.warehouse_id = $2 AND s.owner_id = 0 AND s.status = 'available' AND s.on_hand > s.reserved
          AND ($3 = '' OR s.lot = $3) AND (s.expires_on IS NULL OR s.expires_on >= current_date)
        ORDER BY s.expires_on ASC NULLS LAST, s.received_at, (l.type IN ('storage', 'picking')) DESC, l.pick_sequence, l.code
        LIMIT 50`,
      [line.productId, t.fromWarehouseId, line.lot],
    );
    if (rows.length === 0) break;
    for (const row of rows) {
      if (need <= 0) break;
      const take = Math.min(need, row.free);
      try {
        await applyMovement(tx, actor, { productId: line.productId, locationId: row.locationId, lot: row.lot, delta: -take, movement: 'transfer', reference: t.number });
      } catch (err) {
        if (err instanceof Conflict && err.extra.currentState === 'insufficient_stock') continue; // taken meanwhile
        throw err;
      }
      pieces.push({ lot: row.lot, expiresOn: row.expiresOn, receivedAt: row.receivedAt, quantity: take });
      need -= take;
    }
  }
  if (need > 0) {
    throw new Conflict(`warehouse ${t.fromWarehouseId} has only ${quantity - need} unit(s) of product ${line.productId} free to ship${line.lot ? ` in lot ${line.lot}` : ''}; ${quantity} to ship`, {
      currentState: 'insufficient_stock',
      available: quantity - need,
    });
  }
  return pieces;
}

export async function shipTransfer(tx: Tx, actor: string, id: number, partial: Array<{ lineId: number; quantity: number }> = []): Promise<Transfer> {
  const t = await lockTransfer(tx, id);
  guard(t, ['released'], 'shipped');
  const lines = await linesOf(tx, id);
  const toShip = new Map(lines.map((l) => [l.id, l.quantity]));
  partial.forEach((p, i) => {
    const line = lines.find((l) => l.id === p.lineId);
    if (!line) throw new Invalid(`lines.${i}.lineId`, `line ${p.lineId} is not on transfer ${t.number}`);
    if (p.quantity > line.quantity) throw new Invalid(`lines.${i}.quantity`, `line ${line.lineNo} is for ${line.quantity} unit(s); ${p.quantity} cannot ship`);
    toShip.set(line.id, p.quantity);
  });
  if ([...toShip.values()].every((q) => q === 0)) throw new Invalid('lines', 'a shipment carries at least one unit');
  const shipped: Array<{ lineId: number; productId: number; quantity: number; lots: Piece[] }> = [];
  for (const line of [...lines].sort((a, b) => a.productId - b.productId || a.id - b.id)) {
    const quantity = toShip.get(line.id)!;
    if (quantity > 0) {
      // The hold is consumed before the units leave, so on hand never drops below what is reserved.
      const held = await tx.query('UPDATE reservations SET quantity = quantity - $2 WHERE id = $1 AND quantity >= $2', [line.reservationId, quantity]);
      if (held.rowCount === 0) throw new Conflict(`line ${line.lineNo} of transfer ${t.number} no longer holds its stock`, { currentState: t.status });
      await tx.query('UPDATE stock_balances SET reserved = reserved - $3 WHERE product_id = $1 AND warehouse_id = $2', [line.productId, t.fromWarehouseId, quantity]);
      const pieces = await takeFromSource(tx, actor, t, line, quantity);
      for (const p of pieces) {
        await tx.query(
          `INSERT INTO stock_in_transit (transfer_id, transfer_line_id, product_id, from_warehouse_id, to_warehouse_id, lot, expires_on, received_at, quantity)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
           ON CONFLICT (transfer_line_id, lot) DO UPDATE
             SET quantity = stock_in_transit.quantity + EXCLUDED.quantity,
                 expires_on = least(stock_in_transit.expires_on, EXCLUDED.expires_on),
                 received_at = least(stock_in_transit.received_at, EXCLUDED.received_at)`,
          [t.id, line.id, line.productId, t.fromWarehouseId, t.toWarehouseId, p.lot, p.expiresOn, p.receivedAt, p.quantity],
        );
      }
      await tx.query('UPDATE transfer_lines SET shipped = $2 WHERE id = $1', [line.id, quantity]);
      shipped.push({ lineId: line.id, productId: line.productId, quantity, lots: pieces });
    }
    // What does not ship goes back to available-to-promise at the source.
    if (quantity < line.quantity && line.reservationId) await releaseReservation(tx, actor, line.reservationId);
  }
  await setStatus(tx, id, 'shipped', 'shipped_at');
  await transferEvent(tx, actor, E.shipped, t, {
    lines: shipped.map((s) => ({ lineId: s.lineId, productId: s.productId, quantity: s.quantity, lots: s.lots.map((p) => ({ lot: p.lot, quantity: p.quantity })) })),
  });
  return getTransfer(tx, id);
}

// ---- receive: out of transit, into the destination ----------------------------------------

export type ReceiptLine = { lineId: number; lot?: string; quantity: number };

export async function receiveTransfer(tx: Tx, actor: string, id: number, location: Location, scans: readonly ReceiptLine[]): Promise<Transfer> {
  const t = await lockTransfer(tx, id);
  guard(t, ['shipped', 'partially_received'], 'received');
  if (location.warehouseId !== t.toWarehouseId) throw new Invalid('locationId', `location ${location.code} is not in warehouse ${t.toWarehouseId}, where transfer ${t.number} goes`);
  const lines = await linesOf(tx, id);
  const status = location.type === 'quarantine' ? 'quarantine' : 'available';
  const received: Array<{ lineId: number; productId: number; lot: string | null; quantity: number; overage: number }> = [];
  for (const [i, scan] of scans.entries()) {
    const line = lines.find((l) => l.id === scan.lineId);
    if (!line) throw new Invalid(`lines.${i}.lineId`, `line ${scan.lineId} is not on transfer ${t.number}`);
    const transit = (
      await tx.query<{ id: number; lot: string; expiresOn: string | null; receivedAt: string; quantity: number }>(
        `SELECT id, lot, expires_on AS "expiresOn", received_at AS "receivedAt", quantity FROM stock_in_transit
          WHERE transfer_line_id = $1 AND quantity > 0 AND ($2::text IS NULL OR lot = $2)
          ORDER BY expires_on ASC NULLS LAST, received_at, id FOR UPDATE`,
        [line.id, scan.lot ?? null],
      )
    ).rows;
    let left = scan.quantity;
    let got = 0;
    for (const row of transit) {
      if (left <= 0) break;
      const take = Math.min(left, row.quantity);
      await tx.query('UPDATE stock_in_transit SET quantity = quantity - $2 WHERE id = $1', [row.id, take]);
      await applyMovement(tx, actor, {
        productId: line.productId,
        locationId: location.id,
        lot: row.lot,
        expiresOn: row.expiresOn,
        receivedAt: row.receivedAt,
        status,
        delta: take,
        movement: 'transfer',
        reference: t.number,
        location,
      });
      left -= take;
      got += take;
    }
    if (got > 0) await tx.query('UPDATE transfer_lines SET received = received + $2 WHERE id = $1', [line.id, got]);
    if (left > 0) {
      // More arrived than is on its way: the units are real, so they are booked in as found stock.
      const lot = scan.lot ?? transit[transit.length - 1]?.lot ?? line.lot;
      await applyMovement(tx, actor, {
        productId: line.productId,
        locationId: location.id,
        lot,
        status,
        delta: left,
        movement: 'adjustment',
        reason: `found: overage on transfer ${t.number}`,
        reference: t.number,
        location,
      });
      await tx.query(
        `INSERT INTO transfer_discrepancies (transfer_id, transfer_line_id, product_id, lot, kind, quantity, reason, recorded_by)
         VALUES ($1, $2, $3, $4, 'overage', $5, $6, $7)`,
        [t.id, line.id, line.productId, lot, left, `received ${scan.quantity}, ${got} in transit`, actor],
      );
    }
    received.push({ lineId: line.id, productId: line.productId, lot: scan.lot ?? null, quantity: scan.quantity, overage: left });
  }
  const remaining = (await linesOf(tx, id)).reduce((n, l) => n + l.inTransit, 0);
  if (remaining === 0) await setStatus(tx, id, 'closed', 'closed_at', { closed_reason: 'received' });
  else await setStatus(tx, id, 'partially_received');
  await transferEvent(tx, actor, E.received, t, { locationId: location.id, locationCode: location.code, lines: received, remaining });
  if (remaining === 0) await transferEvent(tx, actor, E.closed, t, { closedReason: 'received' });
  // Backordered orders at the destination may now be confirmed, in this same transaction.
  if (status === 'available') {
    for (const productId of [...new Set(received.map((r) => r.productId))].sort((a, b) => a - b)) {
      await stockBecameAvailable(tx, actor, productId, t.toWarehouseId);
    }
  }
  return getTransfer(tx, id);
}

// ---- close with a write-off, or cancel -----------------------------------------------------

/** Writes off what is still in transit as shortages and closes the transfer. */
export async function closeTransfer(tx: Tx, actor: string, id: number, reason: string): Promise<Transfer> {
  const t = await lockTransfer(tx, id);
  guard(t, ['shipped', 'partially_received'], 'closed');
  const { rows: transit } = await tx.query<{ id: number; lineId: number; productId: number; lot: string; quantity: number }>(
    `SELECT id, transfer_line_id AS "lineId", product_id AS "productId", lot, quantity FROM stock_in_transit
      WHERE transfer_id = $1 AND quantity > 0 ORDER BY transfer_line_id, lot FOR UPDATE`,
    [id],
  );
  for (const row of transit) {
    await tx.query('UPDATE stock_in_transit SET quantity = 0 WHERE id = $1', [row.id]);
    await tx.query('UPDATE transfer_lines SET written_off = written_off + $2 WHERE id = $1', [row.lineId, row.quantity]);
    await tx.query(
      `INSERT INTO transfer_discrepancies (transfer_id, transfer_line_id, product_id, lot, kind, quantity, reason, recorded_by)
       VALUES ($1, $2, $3, $4, 'shortage', $5, $6, $7)`,
      [id, row.lineId, row.productId, row.lot, row.quantity, reason, actor],
    );
  }
  await setStatus(tx, id, 'closed', 'closed_at', { closed_reason: 'written_off', write_off_reason: reason });
  await transferEvent(tx, actor, E.closed, t, {
    closedReason: 'written_off',
    reason,
    writtenOff: transit.map((r) => ({ lineId: r.lineId, productId: r.productId, lot: r.lot, quantity: r.quantity })),
  });
  return getTransfer(tx, id);
}

/** Before shipping only: a released transfer gives its reserved stock back to the source. */
export async function cancelTransfer(tx: Tx, actor: string, id: number, reason: string): Promise<Transfer> {
  const t = await lockTransfer(tx, id);
  guard(t, ['draft', 'released'], 'cancelled');
  let released = 0;
  for (const line of await linesOf(tx, id)) {
    if (line.reservationId) released += await releaseReservation(tx, actor, line.reservationId);
  }
  await setStatus(tx, id, 'cancelled', 'cancelled_at', { cancel_reason: reason });
  await transferEvent(tx, actor, E.cancelled, t, { reason, previousStatus: t.status, released });
  return getTransfer(tx, id);
}
