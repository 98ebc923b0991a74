/**
 * Taking a blind count: open it for one or more locations of a warehouse, then submit what was
 * found there per product and lot. The expected quantities are read at submission, from the
 * company's stock in those locations (every status: quarantined or pending-inspection units are
 * on the shelf too); customers' own goods are counted by the storage module, not here. A
 * submission without any difference is approved at once; one with a difference waits for another
 * person (approve-count.ts).
 */
import type { Tx } from '../../platform/db/client.js';
import { Conflict, Invalid } from '../../platform/http/errors.js';
import { findProductByCode } from '../catalog/index.js';
import { postCount } from './approve-count.js';
import { assertStatus, countLines, lockCount, recordCountEvent, setCountStatus, type CountSummary } from './counts.service.js';
import { INVENTORY_EVENTS as E } from './events.js';
import { getWarehouse, type Location } from './warehouses.service.js';

/** Opens a count of `locations` (already checked to be in the warehouse); answers its id. */
export async function openCount(tx: Tx, actor: string, input: { warehouseId: number; locations: Location[]; note?: string | null }): Promise<number> {
  const warehouse = await getWarehouse(tx, input.warehouseId);
  if (!warehouse.active) throw new Conflict(`warehouse ${warehouse.code} is not active`, { currentState: 'inactive' });
  const ids = input.locations.map((l) => l.id);
  const { rows: busy } = await tx.query<{ code: string; number: string; status: string }>(
    `SELECT l.code, c.number, c.status FROM stock_count_locations s JOIN stock_counts c ON c.id = s.count_id JOIN locations l ON l.id = s.location_id
      WHERE s.active AND s.location_id = ANY($1::bigint[]) ORDER BY l.code`,
    [ids],
  );
  if (busy.length > 0) {
    const list = busy.map((b) => `${b.code} (${b.number}, ${b.status})`).join(', ');
    throw new Conflict(`already being counted: ${list}; finish that count first`, { currentState: 'counting', locations: busy.map((b) => b.code) });
  }
  const { rows } = await tx.query<{ id: number; number: string }>(
    'INSERT INTO stock_counts (warehouse_id, note, opened_by) VALUES ($1, $2, $3) RETURNING id, number',
    [input.warehouseId, input.note ?? null, actor],
  );
  const count = { ...rows[0]!, warehouseId: input.warehouseId };
  await tx.query('INSERT INTO stock_count_locations (count_id, location_id) SELECT $1, unnest($2::bigint[])', [count.id, ids]);
  await recordCountEvent(tx, actor, count, E.countOpened, { locations: input.locations.map((l) => l.code), note: input.note ?? null });
  return count.id;
}

/** A line as the handheld sends it: the location code (optional when the count has one location), the scanned code, lot, quantity. */
export type ScannedLine = { locationCode?: string; code: string; lot?: string; quantity: number };

type Counted = { locationId: number; productId: number; lot: string; counted: number };

/** Resolves every line to a location of the count and a product; a bad one is a 422 naming `lines.<i>.<field>`. */
async function resolveLines(tx: Tx, count: CountSummary, lines: ScannedLine[]): Promise<Counted[]> {
  const byCode = new Map(count.locations.map((l) => [l.code, l.id]));
  const only = count.locations.length === 1 ? count.locations[0] : undefined;
  const products = new Map<string, number>();
  const counted = new Map<string, Counted>();
  for (const [i, line] of lines.entries()) {
    let locationId = only?.id;
    if (line.locationCode !== undefined) {
      locationId = byCode.get(line.locationCode);
      if (locationId === undefined) {
        throw new Invalid(`lines.${i}.locationCode`, `${line.locationCode} is not in count ${count.number} (${count.locations.map((l) => l.code).join(', ')})`);
      }
    }
    if (locationId === undefined) throw new Invalid(`lines.${i}.locationCode`, `count ${count.number} covers several locations: say which one`);
    let productId = products.get(line.code);
    if (productId === undefined) {
      const product = await findProductByCode(tx, line.code);
      if (!product) throw new Invalid(`lines.${i}.code`, `no product has the SKU or barcode ${line.code}`);
      productId = product.id;
      products.set(line.code, productId);
    }
    const lot = line.lot ?? '';
    // The same product scanned twice in a location (two cartons) adds up.
    const key = `${locationId}|${productId}|${lot}`;
    const prior = counted.get(key);
    counted.set(key, { locationId, productId, lot, counted: (prior?.counted ?? 0) + line.quantity });
  }
  return [...counted.values()];
}

/**
 * Open → submitted: records what was counted beside what the books hold now. Without any
 * difference the count is approved at once (nothing to post; units pending inspection that were
 * found are released).
 */
export async function submitCount(tx: Tx, actor: string, id: number, lines: ScannedLine[]): Promise<void> {
  const count = await lockCount(tx, id);
  assertStatus(count, 'open', 'submit');
  const counted = await resolveLines(tx, count, lines);
  await tx.query('DELETE FROM stock_count_lines WHERE count_id = $1', [count.id]);
  // Counted and expected side by side: a key only counted expects 0, a key only on the books counted 0.
  await tx.query(
    `WITH counted AS (
       SELECT * FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::bigint[]) AS c(location_id, product_id, lot, counted)),
     expected AS (
       SELECT location_id, product_id, lot, sum(on_hand)::bigint AS expected FROM stock_levels
        WHERE location_id = ANY($6::bigint[]) AND owner_id = 0 GROUP BY 1, 2, 3 HAVING sum(on_hand) > 0)
     INSERT INTO stock_count_lines (count_id, location_id, product_id, lot, counted, expected)
     SELECT $1, location_id, product_id, lot, coalesce(c.counted, 0), coalesce(e.expected, 0)
       FROM counted c FULL JOIN expected e USING (location_id, product_id, lot)`,
    [
      count.id,
      counted.map((c) => c.locationId),
      counted.map((c) => c.productId),
      counted.map((c) => c.lot),
      counted.map((c) => c.counted),
      count.locations.map((l) => l.id),
    ],
  );
  const round = count.round + 1;
  await setCountStatus(tx, count, 'submitted', { submitted_by: actor, submitted_at: new Date().toISOString(), round });
  count.submittedBy = actor;
  count.round = round;
  // What was counted, never what was expected: the event log is readable by the counter too.
  await recordCountEvent(tx, actor, count, E.countSubmitted, {
    round,
    locations: count.locations.map((l) => l.code),
    lines: counted.filter((c) => c.counted > 0).length,
    units: counted.reduce((n, c) => n + c.counted, 0),
  });
  const stored = await countLines(tx, count.id);
  if (stored.every((l) => l.counted === l.expected)) await postCount(tx, actor, count, { automatic: true });
}
