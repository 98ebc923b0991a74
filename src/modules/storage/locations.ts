/**
 * Storage's view of inventory locations: its own settings per location (accepted size classes and
 * categories, item capacity) and the occupancy, always counted from the items stored there.
 */
import type { z } from 'zod';
import type { Queryable, Tx } from '../../platform/db/client.js';
import { Invalid } from '../../platform/http/errors.js';
import { getLocation, listLocations, type Location } from '../inventory/index.js';
import type { PutAwayCandidate } from './putaway.js';
import type { LocationSettingsDto, LocationSettingsInput } from './storage.schema.js';

export type LocationSettings = z.infer<typeof LocationSettingsDto>;
type SettingsRow = { locationId: number; acceptedSizeClasses: string[]; acceptedCategories: string[]; itemCapacity: number | null };
const SETTINGS = `location_id AS "locationId", accepted_size_classes AS "acceptedSizeClasses", accepted_categories AS "acceptedCategories",
  item_capacity AS "itemCapacity"`;

async function settingsOf(q: Queryable, ids: number[]): Promise<Map<number, SettingsRow>> {
  const { rows } = await q.query<SettingsRow>(`SELECT ${SETTINGS} FROM storage_location_settings WHERE location_id = ANY($1::bigint[])`, [ids]);
  return new Map(rows.map((r) => [r.locationId, r]));
}

/** Items stored per location and the categories among them. */
async function occupancyOf(q: Queryable, ids: number[]): Promise<Map<number, { occupancy: number; categories: string[] }>> {
  const { rows } = await q.query<{ locationId: number; occupancy: number; categories: string[] }>(
    `SELECT location_id AS "locationId", count(*)::int AS occupancy, array_agg(DISTINCT category) AS categories
     FROM storage_items WHERE status = 'stored' AND location_id = ANY($1::bigint[]) GROUP BY location_id`,
    [ids],
  );
  return new Map(rows.map((r) => [r.locationId, r]));
}

function candidate(loc: Location, s: SettingsRow | undefined, occ: { occupancy: number; categories: string[] } | undefined): PutAwayCandidate {
  return {
    locationId: loc.id,
    code: loc.code,
    type: loc.type,
    active: loc.active,
    pickSequence: loc.pickSequence,
    acceptedSizeClasses: s?.acceptedSizeClasses ?? [],
    acceptedCategories: s?.acceptedCategories ?? [],
    capacity: s?.itemCapacity ?? loc.capacity,
    occupancy: occ?.occupancy ?? 0,
    categories: occ?.categories ?? [],
  };
}

export async function candidatesIn(q: Queryable, warehouseId: number, type?: 'storage'): Promise<PutAwayCandidate[]> {
  const locs = await listLocations(q, warehouseId, type ? { type } : {});
  const ids = locs.map((l) => l.id);
  const settings = await settingsOf(q, ids);
  const occ = await occupancyOf(q, ids);
  return locs.map((l) => candidate(l, settings.get(l.id), occ.get(l.id)));
}

/**
 * One location as a put-away candidate, locked for the rest of the transaction: two put-aways
 * into the same location count its occupancy one after the other, so capacity holds.
 */
export async function lockCandidate(tx: Tx, loc: Location): Promise<PutAwayCandidate> {
  await tx.query(`INSERT INTO storage_location_settings (location_id, warehouse_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [loc.id, loc.warehouseId]);
  await tx.query(`SELECT 1 FROM storage_location_settings WHERE location_id = $1 FOR UPDATE`, [loc.id]);
  const settings = await settingsOf(tx, [loc.id]);
  const occ = await occupancyOf(tx, [loc.id]);
  return candidate(loc, settings.get(loc.id), occ.get(loc.id));
}

export function toSettings(c: PutAwayCandidate, loc: Location, itemCapacity: number | null): LocationSettings {
  return {
    locationId: loc.id,
    warehouseId: loc.warehouseId,
    code: loc.code,
    type: loc.type,
    acceptedSizeClasses: c.acceptedSizeClasses as LocationSettings['acceptedSizeClasses'],
    acceptedCategories: c.acceptedCategories,
    itemCapacity,
    capacity: c.capacity,
    occupancy: c.occupancy,
  };
}

export async function getLocationSettings(q: Queryable, locationId: number): Promise<LocationSettings> {
  const loc = await getLocation(q, locationId);
  const settings = await settingsOf(q, [loc.id]);
  const occ = await occupancyOf(q, [loc.id]);
  const s = settings.get(loc.id);
  return toSettings(candidate(loc, s, occ.get(loc.id)), loc, s?.itemCapacity ?? null);
}

export async function listLocationSettings(q: Queryable, warehouseId: number): Promise<LocationSettings[]> {
  const locs = await listLocations(q, warehouseId);
  const ids = locs.map((l) => l.id);
  const settings = await settingsOf(q, ids);
  const occ = await occupancyOf(q, ids);
  return locs.map((l) => toSettings(candidate(l, settings.get(l.id), occ.get(l.id)), l, settings.get(l.id)?.itemCapacity ?? null));
}

/** Sets storage's settings of a location; a capacity below what it holds now is refused. */
export async function setLocationSettings(tx: Tx, locationId: number, input: z.output<typeof LocationSettingsInput>): Promise<LocationSettings> {
  const loc = await getLocation(tx, locationId);
  const current = await lockCandidate(tx, loc);
  if (input.itemCapacity !== null && input.itemCapacity < current.occupancy) {
    throw new Invalid('itemCapacity', `location ${loc.code} holds ${current.occupancy} items now; the capacity cannot be lower`);
  }
  await tx.query(
    `UPDATE storage_location_settings SET accepted_size_classes = $2, accepted_categories = $3, item_capacity = $4, updated_at = now()
     WHERE location_id = $1`,
    [locationId, input.acceptedSizeClasses, input.acceptedCategories, input.itemCapacity],
  );
  return getLocationSettings(tx, locationId);
}
