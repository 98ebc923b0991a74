/**
 * Where an item is: put-away (checked_in → stored) at a scanned location, moves between
 * locations (scanned too), and corrections of the books with a reason after a count.
 */
import type { Queryable, Tx } from '../../platform/db/client.js';
import { Invalid } from '../../platform/http/errors.js';
import { STORAGE_EVENTS as E, type ItemLocatedPayload } from './events.js';
import { candidatesIn, lockCandidate } from './locations.js';
import { recommendLocations, refusal, type Recommendation } from './putaway.js';
import { addCustody, assertStatus, getItem, itemRef, lockItem, locationCodes, recordEvent, scannedLocation, type Item, type ItemRow } from './shared.js';

export async function recommendPutAway(q: Queryable, code: string, limit = 5): Promise<Recommendation[]> {
  const item = await getItem(q, code);
  const candidates = (await candidatesIn(q, item.warehouseId, 'storage')).filter((c) => c.locationId !== item.location?.id);
  return recommendLocations(candidates, item, limit);
}

/** Places the item at the scanned location, if that location takes it; returns the location id. */
async function place(tx: Tx, item: ItemRow, locationCode: string, field: string): Promise<{ id: number; code: string }> {
  const loc = await scannedLocation(tx, item.warehouseId, locationCode, field);
  if (loc.id === item.locationId) throw new Invalid(field, `item ${item.code} is already at ${loc.code}`);
  const why = refusal(await lockCandidate(tx, loc), item);
  if (why) throw new Invalid(field, why);
  await tx.query(`UPDATE storage_items SET status = 'stored', location_id = $2 WHERE id = $1`, [item.id, loc.id]);
  return { id: loc.id, code: loc.code };
}

async function located(tx: Tx, actor: string, item: ItemRow, action: 'put_away' | 'moved' | 'corrected', to: { id: number; code: string }, reason?: string): Promise<Item> {
  await addCustody(tx, actor, { itemId: item.id, action, warehouseId: item.warehouseId, locationId: to.id, fromLocationId: item.locationId, reason });
  const from = item.locationId === null ? null : ((await locationCodes(tx, [item.locationId])).get(item.locationId) ?? null);
  const payload: ItemLocatedPayload = { ...itemRef(item), depositNumber: item.depositNumber, location: to.code, fromLocation: from, ...(reason ? { reason } : {}) };
  const type = action === 'put_away' ? E.itemPutAway : action === 'moved' ? E.itemMoved : E.itemCorrected;
  await recordEvent(tx, actor, type, { type: 'storage_item', id: item.code, customerId: item.customerId, warehouseId: item.warehouseId }, payload);
  return getItem(tx, item.code);
}

export async function putAway(tx: Tx, actor: string, code: string, locationCode: string): Promise<Item> {
  const item = await lockItem(tx, code);
  assertStatus(item, ['checked_in'], 'put away (move a stored item instead)');
  const to = await place(tx, item, locationCode, 'locationCode');
  return located(tx, actor, item, 'put_away', to);
}

export async function moveItem(tx: Tx, actor: string, code: string, locationCode: string): Promise<Item> {
  const item = await lockItem(tx, code);
  assertStatus(item, ['stored'], 'moved (put it away first)');
  const to = await place(tx, item, locationCode, 'locationCode');
  return located(tx, actor, item, 'moved', to);
}

/**
 * Sets where the books say an item is, after a count found it elsewhere. Explicit, with a
 * reason, in the custody history and the event log. The location's acceptance rules are not
 * applied: the item is physically there already.
 */
export async function correctItem(tx: Tx, actor: string, code: string, locationCode: string, reason: string): Promise<Item> {
  const item = await lockItem(tx, code);
  assertStatus(item, ['checked_in', 'stored'], 'corrected');
  const loc = await scannedLocation(tx, item.warehouseId, locationCode);
  if (loc.id === item.locationId) throw new Invalid('locationCode', `the books already put item ${item.code} at ${loc.code}`);
  await lockCandidate(tx, loc);
  await tx.query(`UPDATE storage_items SET status = 'stored', location_id = $2 WHERE id = $1`, [item.id, loc.id]);
  return located(tx, actor, item, 'corrected', { id: loc.id, code: loc.code }, reason);
}
