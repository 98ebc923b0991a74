/**
 * Put-away for warehouse stock: where units waiting on the dock should go. `rankPutAway` is the
 * pure scoring; `putAwayCandidates` reads the warehouse's shelves for it. The operator then moves
 * the units with `POST /stock/moves`.
 *
 * A bin qualifies when it is an active storage or picking location with no locations under it,
 * is not where the units are now, and has room for all of them (no capacity = room). Best first:
 * 1. it already holds this SKU and lot (most units first: one place to pick from),
 * 2. it holds this SKU in another lot,
 * 3. it is empty: in the same rack or aisle as the SKU's fullest bin, then the nearest to it in
 *    walking order (without such a bin, the front of the walk first).
 * A bin holding other products only is never suggested.
 */
import type { Queryable } from '../../platform/db/client.js';
import type { LocationType, PutAwayReason } from './events.js';

export type PutAwayCandidate = {
  locationId: number;
  code: string;
  type: LocationType;
  parentId: number | null;
  pickSequence: number;
  /** Units it holds at most; null = not limited. */
  capacity: number | null;
  /** Units in it now, of anything and anyone. */
  occupancy: number;
  /** The company's units of this SKU and lot in it. */
  sameLot: number;
  /** The company's units of this SKU in other lots. */
  sameSku: number;
};

export type PutAwaySuggestion = {
  locationId: number;
  locationCode: string;
  type: LocationType;
  reason: PutAwayReason;
  /** Units of this SKU there now (any lot). */
  holds: number;
  /** Room left before these units; null = not limited. */
  free: number | null;
};

const free = (c: PutAwayCandidate) => (c.capacity === null ? null : Math.max(0, c.capacity - c.occupancy));

function reasonOf(c: PutAwayCandidate): PutAwayReason | null {
  if (c.sameLot > 0) return 'same_sku_lot';
  if (c.sameSku > 0) return 'same_sku';
  if (c.occupancy === 0) return 'empty_near';
  return null;
}

const TIER: Record<PutAwayReason, number> = { same_sku_lot: 0, same_sku: 1, empty_near: 2 };

/** The qualifying bins for `quantity` units, best first, at most `limit`. */
export function rankPutAway(candidates: PutAwayCandidate[], quantity: number, limit = 5): PutAwaySuggestion[] {
  // Where the SKU already lives (even a full bin): empty bins near it keep the SKU together.
  const anchor = [...candidates]
    .filter((c) => c.sameLot + c.sameSku > 0)
    .sort((a, b) => b.sameLot - a.sameLot || b.sameSku - a.sameSku || a.pickSequence - b.pickSequence || a.code.localeCompare(b.code))[0];
  const distance = (c: PutAwayCandidate) => (anchor ? Math.abs(c.pickSequence - anchor.pickSequence) : c.pickSequence);
  const sameRack = (c: PutAwayCandidate) => (anchor && anchor.parentId !== null && c.parentId === anchor.parentId ? 0 : 1);
  return candidates
    .map((c) => ({ c, reason: reasonOf(c), room: free(c) }))
    .filter((x): x is { c: PutAwayCandidate; reason: PutAwayReason; room: number | null } => x.reason !== null && (x.room === null || x.room >= quantity))
    .sort((x, y) => {
      const tier = TIER[x.reason] - TIER[y.reason];
      if (tier !== 0) return tier;
      if (x.reason !== 'empty_near') return y.c.sameLot - x.c.sameLot || y.c.sameSku - x.c.sameSku || x.c.pickSequence - y.c.pickSequence || x.c.code.localeCompare(y.c.code);
      return sameRack(x.c) - sameRack(y.c) || distance(x.c) - distance(y.c) || x.c.pickSequence - y.c.pickSequence || x.c.code.localeCompare(y.c.code);
    })
    .slice(0, limit)
    .map(({ c, reason, room }) => ({ locationId: c.locationId, locationCode: c.code, type: c.type, reason, holds: c.sameLot + c.sameSku, free: room }));
}

/** Every shelf of the warehouse that could take stock, with what it holds of this product and lot. */
export async function putAwayCandidates(q: Queryable, f: { warehouseId: number; productId: number; lot: string; excludeLocationId?: number }): Promise<PutAwayCandidate[]> {
  const { rows } = await q.query<PutAwayCandidate>(
    `SELECT l.id AS "locationId", l.code, l.type, l.parent_id AS "parentId", l.pick_sequence AS "pickSequence", l.capacity,
            coalesce(sum(s.on_hand), 0)::bigint AS occupancy,
            coalesce(sum(s.on_hand) FILTER (WHERE s.product_id = $2 AND s.lot = $3 AND s.owner_id = 0), 0)::bigint AS "sameLot",
            coalesce(sum(s.on_hand) FILTER (WHERE s.product_id = $2 AND s.lot <> $3 AND s.owner_id = 0), 0)::bigint AS "sameSku"
       FROM locations l LEFT JOIN stock_levels s ON s.location_id = l.id AND s.on_hand > 0
      WHERE l.warehouse_id = $1 AND l.active AND l.type IN ('storage', 'picking') AND l.id <> $4
        AND NOT EXISTS (SELECT 1 FROM locations c WHERE c.parent_id = l.id)
      GROUP BY l.id`,
    [f.warehouseId, f.productId, f.lot, f.excludeLocationId ?? 0],
  );
  return rows;
}
