/**
 * Picking: the pick list (every line's reservation allocated to bins, FEFO, in walking order)
 * and the picks scanned against it. The walk ends when no allocation is open: if a pick of this
 * round came up short the order becomes an exception (the picker is not stopped mid-walk),
 * otherwise, once nothing is left unallocated, it is picked. Units a short pick did not find
 * are put on `pending_inspection` in their bin, out of available-to-promise, until a count.
 */
import type { Tx } from '../../platform/db/client.js';
import { Conflict, Invalid } from '../../platform/http/errors.js';
import { findProductByCode } from '../catalog/index.js';
import { allocate, type Allocation, changeStockStatus, findLocationByCode, listAllocations, pickAllocation } from '../inventory/index.js';
import { ORDER_EVENTS as E } from './events.js';
import { heldByLine, holdsOf } from './holds.js';
import { assertCan, transition } from './order-state.js';
import type { PickList, ShortPickReason } from './orders.schema.js';
import { getOrderRow, linesOf, lockOrder, recordOrderEvent, setStatus, type LineRow, type OrderRow } from './orders.service.js';
import { assertNotOnHold } from './order-hold.js';

type Walk = { list: PickList; allocations: Array<Allocation & { line: LineRow }> };

async function walkOf(tx: Tx, order: OrderRow): Promise<Walk> {
  const lines = await linesOf(tx, order.id);
  const holds = await holdsOf(tx, lines.map((l) => l.id));
  const lineOf = new Map(holds.map((h) => [h.reservationId, lines.find((l) => l.id === h.lineId)!]));
  const allocations = (await listAllocations(tx, holds.map((h) => h.reservationId)))
    .filter((a) => a.status !== 'released')
    .map((a) => ({ ...a, line: lineOf.get(a.reservationId)! }));
  const held = await heldByLine(tx, lines.map((l) => l.id));
  const unallocated = lines
    .map((line) => {
      const inBins = allocations
        .filter((a) => a.line.id === line.id)
        .reduce((n, a) => n + (a.status === 'open' ? a.quantity : a.picked - a.shipped), 0);
      return { lineId: line.id, sku: line.sku, quantity: (held.get(line.id) ?? 0) - inBins };
    })
    .filter((u) => u.quantity > 0);
  const items = allocations.map((a) => ({
    allocationId: a.id,
    lineId: a.line.id,
    productId: a.line.productId,
    sku: a.line.sku,
    name: a.line.name,
    locationCode: a.locationCode,
    pickSequence: a.pickSequence,
    lot: a.lot,
    expiresOn: a.expiresOn,
    quantity: a.quantity,
    picked: a.picked,
    status: a.status === 'open' ? ('open' as const) : ('picked' as const),
  }));
  return {
    list: { orderId: order.id, number: order.number, status: order.status, warehouseId: order.warehouseId, round: order.pickRound, items, unallocated },
    allocations,
  };
}

/** The pick list as it stands (read-only). */
export async function readPickList(tx: Tx, orderId: number): Promise<PickList> {
  return (await walkOf(tx, await getOrderRow(tx, orderId))).list;
}

/**
 * Confirmed → picking: allocates every line's reservation to bins and returns the pick list.
 * Again while picking, it allocates what could not be allocated before (stock put away since).
 */
export async function startPicking(tx: Tx, actor: string, orderId: number): Promise<PickList> {
  const order = await lockOrder(tx, orderId);
  const from = order.status;
  const to = transition(from, { type: 'startPicking' });
  assertNotOnHold(order, 'pick');
  const lines = await linesOf(tx, order.id);
  for (const h of await holdsOf(tx, lines.map((l) => l.id))) await allocate(tx, h.reservationId);
  if (from === 'confirmed') {
    await setStatus(tx, order, to, { pick_round: order.pickRound + 1 });
    order.pickRound += 1;
  }
  const { list } = await walkOf(tx, order);
  if (from === 'confirmed') {
    await recordOrderEvent(tx, actor, order, E.pickingStarted, {
      round: order.pickRound,
      items: list.items.length,
      unallocated: list.unallocated.map(({ sku, quantity }) => ({ sku, quantity })),
    });
  }
  return list;
}

export type PickScan = { locationCode: string; code: string; quantity: number; lot?: string };

/**
 * Records what the picker took from one location for one product: `quantity` units against the
 * open allocations there (in pick-list order). Fewer than allocated is a short pick.
 * `declaredShort` (POST …/picks/short) insists the quantity be short of the allocation, and may say why.
 */
export async function recordPick(tx: Tx, actor: string, orderId: number, scan: PickScan, declaredShort = false, reason?: ShortPickReason) {
  const order = await lockOrder(tx, orderId);
  assertCan(order.status, 'recordPick');
  assertNotOnHold(order, 'pick');
  const field = declaredShort ? 'found' : 'quantity';
  const product = await findProductByCode(tx, scan.code);
  if (!product) throw new Invalid('code', `no product has the code ${scan.code}`);
  const location = await findLocationByCode(tx, order.warehouseId, scan.locationCode);
  if (!location) throw new Invalid('locationCode', `warehouse ${order.warehouseId} has no location ${scan.locationCode}`);
  const { allocations } = await walkOf(tx, order);
  const forProduct = allocations.filter((a) => a.line.productId === product.id);
  if (forProduct.length === 0) throw new Invalid('code', `${product.sku} is not on the pick list of ${order.number}`);
  const open = forProduct.filter((a) => a.status === 'open');
  const here = open.filter((a) => a.locationId === location.id && (scan.lot === undefined || a.lot === scan.lot));
  if (here.length === 0) {
    const elsewhere = open.map((a) => `${a.locationCode}${a.lot ? ` lot ${a.lot}` : ''} (${a.quantity})`);
    throw new Conflict(
      elsewhere.length
        ? `nothing of ${product.sku} to pick at ${location.code}${scan.lot ? ` lot ${scan.lot}` : ''}; pick it at ${elsewhere.join(', ')}`
        : `${product.sku} has already been picked for ${order.number}`,
      { currentState: order.status, field: elsewhere.length ? 'locationCode' : 'code', pickAt: open.map((a) => a.locationCode) },
    );
  }
  const expected = here.reduce((n, a) => n + a.quantity, 0);
  if (scan.quantity > expected) {
    throw new Conflict(`only ${expected} of ${product.sku} to pick at ${location.code}; ${scan.quantity} picked`, { currentState: order.status, field });
  }
  if (declaredShort && scan.quantity >= expected) {
    throw new Invalid('found', `found ${scan.quantity} is not short of the ${expected} to pick; record it as a pick`);
  }

  let left = scan.quantity;
  for (const a of here) {
    const take = Math.min(left, a.quantity);
    left -= take;
    const { short } = await pickAllocation(tx, actor, a.id, take, order.number);
    if (short > 0) {
      // The bin does not have what the books say: keep the missing units out of available-to-promise
      // until a count finds or writes them off, or the next pick list would send a picker back for them.
      await changeStockStatus(tx, actor, {
        productId: product.id,
        locationId: a.locationId,
        lot: a.lot,
        status: 'available',
        toStatus: 'pending_inspection',
        quantity: short,
        reason: `short pick ${order.number}: found ${take} of ${a.quantity}${reason ? ` (${reason})` : ''}`,
      });
    }
    await tx.query(
      `INSERT INTO order_picks (order_id, order_line_id, allocation_id, round, location_code, lot, expected, quantity, actor, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [order.id, a.line.id, a.id, order.pickRound, a.locationCode, a.lot, a.quantity, take, actor, take < a.quantity ? (reason ?? null) : null],
    );
  }
  await tx.query('UPDATE order_lines SET picked_quantity = picked_quantity + $2 WHERE id = $1', [here[0]!.line.id, scan.quantity]);
  const recorded = { sku: product.sku, locationCode: location.code, quantity: scan.quantity, expected, short: expected - scan.quantity };
  await recordOrderEvent(tx, actor, order, E.itemPicked, { ...recorded, round: order.pickRound, ...(reason ? { reason } : {}) });
  await finishWalk(tx, actor, order);
  return { ...(await walkOf(tx, order)).list, recorded };
}

/** After a pick: the walk is over when nothing is open; short → exception, complete → picked. */
async function finishWalk(tx: Tx, actor: string, order: OrderRow) {
  const { list } = await walkOf(tx, order);
  if (list.items.some((i) => i.status === 'open')) return;
  const { rows: shorts } = await tx.query<{ sku: string; locationCode: string; quantity: number; expected: number; reason: string | null }>(
    `SELECT l.sku, p.location_code AS "locationCode", p.quantity, p.expected, p.reason
       FROM order_picks p JOIN order_lines l ON l.id = p.order_line_id
      WHERE p.order_id = $1 AND p.round = $2 AND p.quantity < p.expected ORDER BY p.id`,
    [order.id, order.pickRound],
  );
  const short = shorts.length > 0;
  const next = transition(order.status, { type: 'recordPick', done: short || list.unallocated.length === 0, short });
  if (next === 'picked') {
    await setStatus(tx, order, next, { picked_at: new Date().toISOString() });
    await recordOrderEvent(tx, actor, order, E.picked, { round: order.pickRound });
  } else if (next === 'exception') {
    const parts = shorts.map((s) => `${s.sku} at ${s.locationCode} found ${s.quantity} of ${s.expected}${s.reason ? ` (${s.reason})` : ''}`);
    const unallocated = list.unallocated.map((u) => `${u.sku} ${u.quantity} not allocated`);
    const reason = `short pick: ${[...parts, ...unallocated].join('; ')}`;
    await setStatus(tx, order, next, { exception_reason: reason });
    await recordOrderEvent(tx, actor, order, E.exception, { reason, cause: 'short_pick', shortPicks: shorts });
  }
}
