/**
 * A count of one location: the operator scans what is there; the books are compared, never
 * changed. Missing = stored here but not scanned; misplaced = scanned here but stored elsewhere;
 * unexpected = scanned but not in storage at all. Each item found where the books say gets a
 * `counted` entry in its custody history.
 */
import type { z } from 'zod';
import type { Queryable, Tx } from '../../platform/db/client.js';
import { NotFound } from '../../platform/http/errors.js';
import { getLocation } from '../inventory/index.js';
import { STORAGE_EVENTS as E, type CountRecordedPayload, type SizeClass } from './events.js';
import { addCustody, itemRef, locationCodes, recordEvent, scannedLocation } from './shared.js';
import type { CountDto } from './storage.schema.js';

export type Count = z.infer<typeof CountDto>;

type Scanned = { id: number; code: string; customerId: number; depositNumber: string; description: string; category: string; sizeClass: SizeClass; status: string; locationId: number | null; warehouseId: number };

export async function recordCount(tx: Tx, actor: string, input: { warehouseId: number; locationCode: string; scannedCodes: string[] }): Promise<Count> {
  const loc = await scannedLocation(tx, input.warehouseId, input.locationCode);
  const scanned = [...new Set(input.scannedCodes)];
  const cols = `i.id, i.code, i.customer_id AS "customerId", d.deposit_number AS "depositNumber", i.description, i.category,
    i.size_class AS "sizeClass", i.status, i.location_id AS "locationId", i.warehouse_id AS "warehouseId"`;
  const expected = (await tx.query<Scanned>(
    `SELECT ${cols} FROM storage_items i JOIN storage_deposits d ON d.id = i.deposit_id WHERE i.location_id = $1 AND i.status = 'stored' ORDER BY i.code FOR UPDATE OF i`,
    [loc.id],
  )).rows;
  const known = new Map(
    (await tx.query<Scanned>(`SELECT ${cols} FROM storage_items i JOIN storage_deposits d ON d.id = i.deposit_id WHERE i.code = ANY($1::text[])`, [scanned])).rows.map((r) => [r.code, r]),
  );
  const here = new Set(expected.map((i) => i.code));
  const found = expected.filter((i) => scanned.includes(i.code));
  const missing = expected.filter((i) => !scanned.includes(i.code)).map((i) => i.code);
  const misplacedItems = scanned.map((c) => known.get(c)).filter((i): i is Scanned => !!i && !here.has(i.code) && i.status !== 'checked_out' && i.warehouseId === input.warehouseId);
  const misplacedCodes = new Set(misplacedItems.map((i) => i.code));
  const unexpected = scanned.filter((c) => !here.has(c) && !misplacedCodes.has(c));
  const codes = await locationCodes(tx, misplacedItems.map((i) => i.locationId));
  const misplaced = misplacedItems.map((i) => ({ code: i.code, recordedLocation: i.locationId === null ? null : (codes.get(i.locationId) ?? null) }));

  const { rows } = await tx.query<{ id: number; countedAt: string }>(
    `INSERT INTO storage_counts (warehouse_id, location_id, expected, found, missing, unexpected, misplaced, counted_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id, counted_at AS "countedAt"`,
    [input.warehouseId, loc.id, expected.length, found.length + misplaced.length, missing, unexpected, JSON.stringify(misplaced), actor],
  );
  const countId = rows[0]!.id;
  for (const item of found) {
    await addCustody(tx, actor, { itemId: item.id, action: 'counted', warehouseId: item.warehouseId, locationId: loc.id, countId });
    await recordEvent(tx, actor, E.itemCounted, { type: 'storage_item', id: item.code, customerId: item.customerId, warehouseId: item.warehouseId }, {
      ...itemRef(item),
      depositNumber: item.depositNumber,
      location: loc.code,
      countId,
    });
  }
  const payload: CountRecordedPayload = { location: loc.code, expected: expected.length, found: found.length, missing, unexpected, misplaced: misplaced.map((m) => m.code) };
  await recordEvent(tx, actor, E.countRecorded, { type: 'storage_count', id: countId, customerId: null, warehouseId: input.warehouseId }, payload);
  return getCount(tx, countId);
}

export async function getCount(q: Queryable, id: number): Promise<Count> {
  const { rows } = await q.query<Omit<Count, 'location'> & { locationId: number }>(
    `SELECT id, warehouse_id AS "warehouseId", location_id AS "locationId", expected, found, missing, unexpected, misplaced,
       counted_by AS "countedBy", counted_at AS "countedAt" FROM storage_counts WHERE id = $1`,
    [id],
  );
  const r = rows[0];
  if (!r) throw new NotFound('storage count', id);
  const { locationId, ...rest } = r;
  return { ...rest, location: { id: locationId, code: (await getLocation(q, locationId)).code } };
}
