/**
 * Stock: receive, move, adjust and change status, each a change of stock_levels and a ledger row
 * in the caller's transaction. Decreases are single conditional UPDATEs
 * (`… WHERE on_hand - reserved >= qty`), so two concurrent commands can never both take the last
 * unit; the CHECK constraints are the last line of defence.
 */
import type { Queryable, Tx } from '../../platform/db/client.js';
import { scopeCondition, type WarehouseScope } from '../../platform/auth/scope.js';
import { appendEvent } from '../../platform/events/log.js';
import { Conflict, Invalid } from '../../platform/http/errors.js';
import { INVENTORY_EVENTS as E, type AdjustmentReason, type LocationType, type StockStatus } from './events.js';
import { getLocation, type Location } from './warehouses.service.js';

export type StockKey = { productId: number; locationId: number; lot?: string; ownerId?: number; status?: StockStatus };
type Movement = 'receipt' | 'move' | 'adjustment' | 'pick' | 'ship' | 'status_change' | 'return' | 'transfer';

export type StockLevel = {
  id: number;
  productId: number;
  warehouseId: number;
  locationId: number;
  locationCode: string;
  lot: string;
  expiresOn: string | null;
  ownerId: number;
  status: StockStatus;
  onHand: number;
  reserved: number;
  available: number;
  receivedAt: string;
};

export type Balance = { productId: number; warehouseId: number; onHand: number; reserved: number; quarantined: number; available: number; safetyStock: number | null };

/** Called inside the transaction after stock becomes available (backorders wait for this). */
export type StockListener = (tx: Tx, actor: string, at: { productId: number; warehouseId: number }) => Promise<void>;
/** The same news for many products at once (an import): one call instead of one per product and warehouse. */
export type StockBatchListener = (tx: Tx, actor: string, at: ReadonlyArray<{ productId: number; warehouseId: number }>) => Promise<void>;
const listeners: StockListener[] = [];
const batchOf = new Map<StockListener, StockBatchListener>();
export function onStockAvailable(fn: StockListener, many?: StockBatchListener) {
  if (!listeners.includes(fn)) listeners.push(fn);
  if (many) batchOf.set(fn, many);
}
export async function stockBecameAvailable(tx: Tx, actor: string, productId: number, warehouseId: number) {
  for (const fn of listeners) await fn(tx, actor, { productId, warehouseId });
}
export async function stockBecameAvailableMany(tx: Tx, actor: string, at: ReadonlyArray<{ productId: number; warehouseId: number }>) {
  if (at.length === 0) return;
  for (const fn of listeners) {
    const many = batchOf.get(fn);
    if (many) await many(tx, actor, at);
    else for (const a of at) await fn(tx, actor, a);
  }
}

/**
 * Changes on-hand stock of one key by `delta` and writes the ledger row. A decrease never takes
 * reserved units (allocated to a pick list) unless `fromReserved` says these units are the
 * reserved ones being consumed (pick, ship).
 */
export async function applyMovement(
  tx: Tx,
  actor: string,
  m: StockKey & {
    delta: number;
    movement: Movement;
    expiresOn?: string | null;
    /** When the units first arrived (a move or status change keeps their age for FIFO); default now. */
    receivedAt?: string | null;
    reason?: string | null;
    reference?: string | null;
    fromReserved?: boolean;
    location?: Location;
  },
): Promise<{ stockLevelId: number; onHand: number }> {
  const loc = m.location ?? (await getLocation(tx, m.locationId));
  const lot = m.lot ?? '';
  const ownerId = m.ownerId ?? 0;
  const status = m.status ?? 'available';
  let row: { id: number; onHand: number } | undefined;
  if (m.delta > 0) {
    // The location row is locked so that two receipts cannot both fit into the last free space,
    // and a deactivation (which locks it too) cannot slip in between the check and the insert.
    const checkCapacity = loc.capacity !== null;
    const fresh = (
      await tx.query<{ active: boolean; capacity: number | null }>(
        `SELECT active, capacity FROM locations WHERE id = $1 ${checkCapacity ? 'FOR UPDATE' : 'FOR SHARE'}`,
        [loc.id],
      )
    ).rows[0]!;
    if (!fresh.active) throw new Conflict(`location ${loc.code} is not active`, { currentState: 'inactive' });
    if (checkCapacity && fresh.capacity !== null) {
      // Capacity counts every unit in the location; a move within it is not an increase.
      const { rows } = await tx.query<{ used: number }>('SELECT coalesce(sum(on_hand), 0)::bigint AS used FROM stock_levels WHERE location_id = $1', [loc.id]);
      if (rows[0]!.used + m.delta > fresh.capacity) {
        throw new Conflict(`location ${loc.code} holds ${rows[0]!.used} of ${fresh.capacity}; ${m.delta} more do not fit`, { currentState: 'full', field: 'locationId' });
      }
    }
    // Units merged into a row keep the earliest expiry and the oldest arrival, so FEFO / FIFO
    // never pick newer stock ahead of older stock that shares its row.
    row = (
      await tx.query<{ id: number; onHand: number }>(
        `INSERT INTO stock_levels (product_id, warehouse_id, location_id, lot, expires_on, owner_id, status, on_hand, received_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, coalesce($9::timestamptz, now()))
         ON CONFLICT (product_id, location_id, lot, owner_id, status) DO UPDATE
           SET on_hand = stock_levels.on_hand + EXCLUDED.on_hand,
               expires_on = least(stock_levels.expires_on, EXCLUDED.expires_on),
               received_at = least(stock_levels.received_at, EXCLUDED.received_at),
               updated_at = now()
         RETURNING id, on_hand AS "onHand"`,
        [m.productId, loc.warehouseId, loc.id, lot, m.expiresOn ?? null, ownerId, status, m.delta, m.receivedAt ?? null],
      )
    ).rows[0];
  } else {
    const take = -m.delta;
    try {
      row = (
        await tx.query<{ id: number; onHand: number }>(
          `UPDATE stock_levels
              SET on_hand = on_hand - $6, reserved = reserved - CASE WHEN $7::boolean THEN $6 ELSE 0 END, updated_at = now()
            WHERE product_id = $1 AND location_id = $2 AND lot = $3 AND owner_id = $4 AND status = $5
              AND CASE WHEN $7::boolean THEN reserved >= $6 ELSE on_hand - reserved >= $6 END
            RETURNING id, on_hand AS "onHand"`,
          [m.productId, loc.id, lot, ownerId, status, take, m.fromReserved ?? false],
        )
      ).rows[0];
    } catch (err) {
      // The bin has the units, but the warehouse has promised them to orders.
      if ((err as { constraint?: string }).constraint === 'stock_balances_not_oversold') {
        throw new Conflict(`these ${take} unit(s) of product ${m.productId} are promised to orders in warehouse ${loc.warehouseId}; release or pick those first`, {
          currentState: 'reserved',
        });
      }
      throw err;
    }
    if (!row) {
      const have = (
        await tx.query<{ free: number }>(
          `SELECT coalesce(sum(on_hand - reserved), 0)::bigint AS free FROM stock_levels
            WHERE product_id = $1 AND location_id = $2 AND lot = $3 AND owner_id = $4 AND status = $5`,
          [m.productId, loc.id, lot, ownerId, status],
        )
      ).rows[0]!.free;
      throw new Conflict(`location ${loc.code} has ${have} free unit(s) of product ${m.productId}${lot ? ` lot ${lot}` : ''} (${status}); ${take} requested`, {
        currentState: 'insufficient_stock',
        available: have,
      });
    }
  }
  await tx.query(
    `INSERT INTO stock_ledger (product_id, warehouse_id, location_id, lot, owner_id, status, quantity, movement, reason, reference, actor)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [m.productId, loc.warehouseId, loc.id, lot, ownerId, status, m.delta, m.movement, m.reason ?? null, m.reference ?? null, actor],
  );
  return { stockLevelId: row!.id, onHand: row!.onHand };
}

/** The expiry and arrival time of the units a move or status change takes, which they keep. */
async function sourceRow(q: Queryable, k: StockKey): Promise<{ expiresOn?: string | null; receivedAt?: string | null }> {
  const { rows } = await q.query<{ expiresOn: string | null; receivedAt: string }>(
    `SELECT expires_on AS "expiresOn", received_at AS "receivedAt" FROM stock_levels
      WHERE product_id = $1 AND location_id = $2 AND lot = $3 AND owner_id = $4 AND status = $5`,
    [k.productId, k.locationId, k.lot ?? '', k.ownerId ?? 0, k.status ?? 'available'],
  );
  return rows[0] ?? {};
}

export type Receipt = {
  productId: number;
  locationId: number;
  quantity: number;
  lot?: string;
  expiresOn?: string | null;
  ownerId?: number;
  status?: StockStatus;
  reference?: string | null;
};

export async function receiveStock(tx: Tx, actor: string, r: Receipt) {
  const loc = await getLocation(tx, r.locationId);
  const status = r.status ?? (loc.type === 'quarantine' ? 'quarantine' : 'available');
  const res = await applyMovement(tx, actor, { ...r, status, delta: r.quantity, movement: 'receipt', location: loc });
  await appendEvent(tx, actor, {
    type: E.stockReceived,
    entityType: 'product',
    entityId: r.productId,
    customerId: r.ownerId || null,
    payload: { productId: r.productId, warehouseId: loc.warehouseId, locationId: loc.id, locationCode: loc.code, quantity: r.quantity, lot: r.lot ?? '', expiresOn: r.expiresOn ?? null, ownerId: r.ownerId ?? 0, status, reference: r.reference ?? null },
  });
  if (status === 'available' && !r.ownerId) await stockBecameAvailable(tx, actor, r.productId, loc.warehouseId);
  return res;
}

export async function moveStock(
  tx: Tx,
  actor: string,
  m: StockKey & { toLocationId: number; quantity: number; reference?: string | null },
) {
  const from = await getLocation(tx, m.locationId);
  const to = await getLocation(tx, m.toLocationId);
  if (from.warehouseId !== to.warehouseId) throw new Invalid('toLocationId', 'a move stays within one warehouse; use a transfer between warehouses');
  if (from.id === to.id) throw new Invalid('toLocationId', 'the stock is already in that location');
  const source = await sourceRow(tx, { ...m, locationId: from.id });
  // In before out, so the warehouse total never dips below what it has promised.
  await applyMovement(tx, actor, { ...m, ...source, locationId: to.id, delta: m.quantity, movement: 'move', location: to });
  await applyMovement(tx, actor, { ...m, delta: -m.quantity, movement: 'move', location: from });
  await appendEvent(tx, actor, {
    type: E.stockMoved,
    entityType: 'product',
    entityId: m.productId,
    customerId: m.ownerId || null,
    payload: { productId: m.productId, warehouseId: from.warehouseId, fromLocationId: from.id, fromLocationCode: from.code, toLocationId: to.id, toLocationCode: to.code, quantity: m.quantity, lot: m.lot ?? '', status: m.status ?? 'available' },
  });
}

/** A counted or found difference: `delta` is signed, the reason is required. */
export async function adjustStock(
  tx: Tx,
  actor: string,
  a: StockKey & { delta: number; reason: AdjustmentReason; note?: string | null; expiresOn?: string | null; reference?: string | null },
) {
  if (a.delta === 0) throw new Invalid('delta', 'an adjustment changes the quantity by at least one unit');
  const loc = await getLocation(tx, a.locationId);
  const res = await applyMovement(tx, actor, { ...a, movement: 'adjustment', reason: a.note ? `${a.reason}: ${a.note}` : a.reason, location: loc });
  await appendEvent(tx, actor, {
    type: E.stockAdjusted,
    entityType: 'product',
    entityId: a.productId,
    customerId: a.ownerId || null,
    payload: {
      productId: a.productId,
      warehouseId: loc.warehouseId,
      locationId: loc.id,
      locationCode: loc.code,
      delta: a.delta,
      reason: a.reason,
      note: a.note ?? null,
      lot: a.lot ?? '',
      status: a.status ?? 'available',
      onHand: res.onHand,
      reference: a.reference ?? null,
    },
  });
  // Only the company's available stock counts towards available-to-promise.
  const promisable = (a.status ?? 'available') === 'available' && !a.ownerId;
  if (a.delta > 0 && promisable) await stockBecameAvailable(tx, actor, a.productId, loc.warehouseId);
  if (a.delta < 0 && promisable) await checkLow(tx, actor, a.productId, loc.warehouseId, -a.delta);
  return res;
}

/** Quarantine, release or mark damaged: the same units change status in place. */
export async function changeStockStatus(tx: Tx, actor: string, c: StockKey & { toStatus: StockStatus; quantity: number; reason?: string | null }) {
  const from = c.status ?? 'available';
  if (from === c.toStatus) throw new Invalid('toStatus', `the stock is already ${from}`);
  const loc = await getLocation(tx, c.locationId);
  const source = await sourceRow(tx, { ...c, locationId: loc.id, status: from });
  // The units do not leave the location, so capacity is not checked; in before out, as in a move.
  await applyMovement(tx, actor, { ...c, ...source, status: c.toStatus, delta: c.quantity, movement: 'status_change', reason: c.reason, location: { ...loc, capacity: null } });
  await applyMovement(tx, actor, { ...c, status: from, delta: -c.quantity, movement: 'status_change', reason: c.reason, location: loc });
  await appendEvent(tx, actor, {
    type: E.stockStatusChanged,
    entityType: 'product',
    entityId: c.productId,
    customerId: c.ownerId || null,
    payload: { productId: c.productId, warehouseId: loc.warehouseId, locationId: loc.id, quantity: c.quantity, from, to: c.toStatus, reason: c.reason ?? null },
  });
  if (c.toStatus === 'available' && !c.ownerId) await stockBecameAvailable(tx, actor, c.productId, loc.warehouseId);
  if (from === 'available' && !c.ownerId) await checkLow(tx, actor, c.productId, loc.warehouseId, c.quantity);
}

const BALANCE = `b.product_id AS "productId", b.warehouse_id AS "warehouseId", b.on_hand AS "onHand", b.reserved, b.quarantined,
  (b.on_hand - b.reserved - b.quarantined) AS available, s.quantity AS "safetyStock"`;

export async function getBalance(q: Queryable, productId: number, warehouseId: number): Promise<Balance> {
  const row = (
    await q.query<Balance>(
      `SELECT ${BALANCE} FROM stock_balances b LEFT JOIN safety_stock s USING (product_id, warehouse_id)
       WHERE b.product_id = $1 AND b.warehouse_id = $2`,
      [productId, warehouseId],
    )
  ).rows[0];
  return row ?? { productId, warehouseId, onHand: 0, reserved: 0, quarantined: 0, available: 0, safetyStock: null };
}

/**
 * The balances of these products in a warehouse, locked until the transaction ends (in product
 * order, so two callers cannot deadlock on them). A caller that finds too little and records a
 * backorder keeps the lock to its commit, so a receipt or release running at the same time either
 * commits first (and is seen here) or waits, and its stock-available listeners then see the
 * backorder. A product never stocked there gets its zero balance row, so there is a row to lock.
 */
export async function lockBalances(tx: Tx, productIds: readonly number[], warehouseId: number): Promise<Balance[]> {
  const ids = [...new Set(productIds)].sort((a, b) => a - b);
  if (ids.length === 0) return [];
  await tx.query(
    `INSERT INTO stock_balances (product_id, warehouse_id) SELECT unnest($1::bigint[]), $2 ON CONFLICT (product_id, warehouse_id) DO NOTHING`,
    [ids, warehouseId],
  );
  return (
    await tx.query<Balance>(
      `SELECT ${BALANCE} FROM stock_balances b LEFT JOIN safety_stock s USING (product_id, warehouse_id)
        WHERE b.product_id = ANY($1::bigint[]) AND b.warehouse_id = $2 ORDER BY b.product_id FOR UPDATE OF b`,
      [ids, warehouseId],
    )
  ).rows;
}

/** Available-to-promise per product and warehouse (the company's stock); `warehouseIds` is the caller's scope. */
export async function listBalances(q: Queryable, f: { productIds?: number[]; warehouseId?: number; warehouseIds?: WarehouseScope; belowSafety?: boolean }) {
  const params: unknown[] = [];
  const where: string[] = [];
  if (f.productIds) where.push(`b.product_id = ANY($${params.push(f.productIds)}::bigint[])`);
  if (f.warehouseId) where.push(`b.warehouse_id = $${params.push(f.warehouseId)}`);
  const scoped = scopeCondition(f.warehouseIds, 'b.warehouse_id', params);
  if (scoped) where.push(scoped);
  if (f.belowSafety) where.push('s.quantity IS NOT NULL AND b.on_hand - b.reserved - b.quarantined < s.quantity');
  return (
    await q.query<Balance>(
      `SELECT ${BALANCE} FROM stock_balances b LEFT JOIN safety_stock s USING (product_id, warehouse_id)
       ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY b.product_id, b.warehouse_id LIMIT 5000`,
      params,
    )
  ).rows;
}

export async function setSafetyStock(tx: Tx, actor: string, productId: number, warehouseId: number, quantity: number) {
  const before = await getBalance(tx, productId, warehouseId);
  // Already below the old level: the alert went out then; a new level does not repeat it.
  const wasLow = before.safetyStock !== null && before.available < before.safetyStock;
  await tx.query(
    `INSERT INTO safety_stock (product_id, warehouse_id, quantity) VALUES ($1, $2, $3)
     ON CONFLICT (product_id, warehouse_id) DO UPDATE SET quantity = EXCLUDED.quantity`,
    [productId, warehouseId, quantity],
  );
  await appendEvent(tx, actor, { type: E.safetyStockSet, entityType: 'product', entityId: productId, payload: { productId, warehouseId, quantity } });
  await checkLow(tx, actor, productId, warehouseId, 0, !wasLow);
  return getBalance(tx, productId, warehouseId);
}

/**
 * Writes `stock.low` when available stock has just fallen below the safety level: it was at or
 * above it before this change took `decrease` units (or the level itself was just set).
 */
export async function checkLow(tx: Tx, actor: string, productId: number, warehouseId: number, decrease: number, levelChanged = false) {
  const b = await getBalance(tx, productId, warehouseId);
  if (b.safetyStock === null || b.available >= b.safetyStock) return;
  if (!levelChanged && b.available + decrease < b.safetyStock) return; // was already low
  await appendEvent(tx, actor, {
    type: E.stockLow,
    entityType: 'product',
    entityId: productId,
    payload: { productId, warehouseId, available: b.available, safetyStock: b.safetyStock, onHand: b.onHand, reserved: b.reserved },
  });
  for (const fn of lowListeners) await fn(tx, actor, { productId, warehouseId });
}

const LEVEL = `s.id, s.product_id AS "productId", s.warehouse_id AS "warehouseId", s.location_id AS "locationId", l.code AS "locationCode",
  s.lot, s.expires_on AS "expiresOn", s.owner_id AS "ownerId", s.status, s.on_hand AS "onHand", s.reserved,
  CASE WHEN s.owner_id = 0 AND s.status = 'available' THEN s.on_hand - s.reserved ELSE 0 END AS available, s.received_at AS "receivedAt"`;

export async function listStockLevels(
  q: Queryable,
  f: {
    productIds?: number[];
    warehouseId?: number;
    warehouseIds?: WarehouseScope;
    locationId?: number;
    locationType?: LocationType;
    ownerId?: number;
    status?: StockStatus;
    afterId?: number;
    limit: number;
  },
): Promise<StockLevel[]> {
  const params: unknown[] = [];
  const where = ['s.on_hand > 0'];
  if (f.productIds) where.push(`s.product_id = ANY($${params.push(f.productIds)}::bigint[])`);
  if (f.warehouseId) where.push(`s.warehouse_id = $${params.push(f.warehouseId)}`);
  const scoped = scopeCondition(f.warehouseIds, 's.warehouse_id', params);
  if (scoped) where.push(scoped);
  if (f.locationId) where.push(`s.location_id = $${params.push(f.locationId)}`);
  if (f.locationType) where.push(`l.type = $${params.push(f.locationType)}`);
  if (f.ownerId !== undefined) where.push(`s.owner_id = $${params.push(f.ownerId)}`);
  if (f.status) where.push(`s.status = $${params.push(f.status)}`);
  if (f.afterId) where.push(`s.id > $${params.push(f.afterId)}`);
  return (
    await q.query<StockLevel>(
      `SELECT ${LEVEL} FROM stock_levels s JOIN locations l ON l.id = s.location_id WHERE ${where.join(' AND ')} ORDER BY s.id LIMIT $${params.push(f.limit)}`,
      params,
    )
  ).rows;
}

export type LedgerEntry = {
  id: number;
  productId: number;
  warehouseId: number;
  locationId: number;
  lot: string;
  ownerId: number;
  status: string;
  quantity: number;
  movement: Movement;
  reason: string | null;
  reference: string | null;
  actor: string;
  occurredAt: string;
};

export async function listLedger(
  q: Queryable,
  f: { productId?: number; warehouseId?: number; warehouseIds?: WarehouseScope; locationId?: number; reference?: string; beforeId?: number; limit: number },
): Promise<LedgerEntry[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  if (f.productId) where.push(`product_id = $${params.push(f.productId)}`);
  if (f.warehouseId) where.push(`warehouse_id = $${params.push(f.warehouseId)}`);
  const scoped = scopeCondition(f.warehouseIds, 'warehouse_id', params);
  if (scoped) where.push(scoped);
  if (f.locationId) where.push(`location_id = $${params.push(f.locationId)}`);
  if (f.reference) where.push(`reference = $${params.push(f.reference)}`);
  if (f.beforeId) where.push(`id < $${params.push(f.beforeId)}`);
  return (
    await q.query<LedgerEntry>(
      `SELECT id, product_id AS "productId", warehouse_id AS "warehouseId", location_id AS "locationId", lot, owner_id AS "ownerId", status,
              quantity, movement, reason, reference, actor, occurred_at AS "occurredAt"
         FROM stock_ledger ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id DESC LIMIT $${params.push(f.limit)}`,
      params,
    )
  ).rows;
}

// ---- stock.low listeners (transfers) ----------------------------------------------------------
/** Called inside the transaction right after `stock.low` is written (transfers propose a transfer then). */
export type StockLowListener = (tx: Tx, actor: string, at: { productId: number; warehouseId: number }) => Promise<void>;
const lowListeners: StockLowListener[] = [];
export function onStockLow(fn: StockLowListener) {
  if (!lowListeners.includes(fn)) lowListeners.push(fn);
}
