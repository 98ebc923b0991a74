/**
 * Receiving a return at the warehouse: the operator scans the RMA (or order) number, then the
 * items. What arrives is compared with what was announced: the announced units go to a returns
 * location as `pending_inspection`; missing units, extra units and wrong items are recorded as
 * discrepancies, and what physically arrived beyond the announcement is held in quarantine as the
 * customer's, never silently added to the company's stock. Announced units that arrived damaged are
 * received like the others (inspection grades them) and recorded as a damaged discrepancy; photos of
 * the parcel are kept with the request.
 */
import type { Tx } from '../../platform/db/client.js';
import { Conflict, Invalid } from '../../platform/http/errors.js';
import { getAttachments, linkAttachments, type AttachmentScope } from '../../modules/attachments/index.js';
import { findProductByCode } from '../../modules/catalog/index.js';
import { applyMovement, defaultLocation, findLocationByCode, type Location } from '../../modules/inventory/index.js';
import { type Discrepancy, expectStatus, linesPayload, lockReturn, recordDiscrepancy, recordReceivedQuantity, recordReturnEvent, RETURN_EVENTS as E, returnLines, type ReturnRow, setReturnStatus } from '../../modules/returns/index.js';

export type ReturnReceipt = {
  scans: Array<{ code: string; quantity: number }>;
  damaged?: Array<{ code: string; quantity: number; note?: string }>;
  photoIds?: number[];
  locationCode?: string;
  note?: string;
};
type Found = Discrepancy;

async function returnsLocation(tx: Tx, r: ReturnRow, code: string | undefined): Promise<Location> {
  if (code !== undefined) {
    const loc = await findLocationByCode(tx, r.warehouseId, code);
    if (!loc || !loc.active) throw new Invalid('locationCode', `warehouse ${r.warehouseId} has no active location ${code}`);
    if (loc.type !== 'returns') throw new Invalid('locationCode', `location ${code} is a ${loc.type} location; returns are received into a returns location`);
    return loc;
  }
  const loc = await defaultLocation(tx, r.warehouseId, 'returns');
  if (!loc) throw new Conflict(`warehouse ${r.warehouseId} has no active location of type returns to receive into`, { currentState: 'no_returns_location' });
  return loc;
}

/** `scope`: the caller's (`eventScope`): a photo on another warehouse's record is answered as an unknown one. */
export async function receiveReturn(tx: Tx, actor: string, id: number, input: ReturnReceipt, scope?: AttachmentScope): Promise<ReturnRow> {
  const r = await lockReturn(tx, id);
  expectStatus(r, ['approved'], 'receipt');
  if (r.type === 'compensation') throw new Conflict(`return ${r.rmaNumber} is a compensation; no goods come back`, { currentState: r.status });
  const loc = await returnsLocation(tx, r, input.locationCode);

  // What arrived, per product; codes that name no product are wrong items outright.
  const arrived = new Map<number, { code: string; quantity: number }>();
  const found: Found[] = [];
  for (const [i, s] of input.scans.entries()) {
    const product = await findProductByCode(tx, s.code);
    if (!product) {
      found.push({ kind: 'wrong_item', returnLineId: null, productId: null, code: s.code, quantity: s.quantity });
      continue;
    }
    const had = arrived.get(product.id);
    if (had && had.quantity + s.quantity > 1_000_000) throw new Invalid(`scans.${i}.quantity`, 'too many units');
    arrived.set(product.id, { code: product.sku, quantity: (had?.quantity ?? 0) + s.quantity });
  }
  const lines = await returnLines(tx, r.id);
  const received = lines.map((l) => Math.min(arrived.get(l.productId)?.quantity ?? 0, l.quantity));
  if (received.every((n) => n === 0)) throw new Invalid('scans', `none of the scanned items is announced on ${r.rmaNumber} (${lines.map((l) => l.sku).join(', ')})`);

  const owner = r.stockOwnerId;
  const held: Array<{ productId: number; quantity: number }> = [];
  for (const [i, l] of lines.entries()) {
    const n = received[i]!;
    const came = arrived.get(l.productId)?.quantity ?? 0;
    arrived.delete(l.productId);
    if (n > 0) {
      await applyMovement(tx, actor, { productId: l.productId, locationId: loc.id, location: loc, ownerId: owner, status: 'pending_inspection', delta: n, movement: 'return', reason: 'return_received', reference: r.rmaNumber });
      await recordReceivedQuantity(tx, l.id, n);
      l.receivedQuantity = n;
    }
    if (n < l.quantity) found.push({ kind: 'missing', returnLineId: l.id, productId: l.productId, code: l.sku, quantity: l.quantity - n });
    if (came > l.quantity) {
      found.push({ kind: 'extra', returnLineId: l.id, productId: l.productId, code: l.sku, quantity: came - l.quantity });
      held.push({ productId: l.productId, quantity: came - l.quantity });
    }
  }
  // Damaged units must be announced units that arrived; they were received above.
  for (const [i, d] of (input.damaged ?? []).entries()) {
    const product = await findProductByCode(tx, d.code);
    const line = product ? lines.find((l) => l.productId === product.id) : undefined;
    if (!line) throw new Invalid(`damaged.${i}.code`, `${d.code} is not announced on ${r.rmaNumber} (${lines.map((l) => l.sku).join(', ')})`);
    const already = found.filter((f) => f.kind === 'damaged' && f.returnLineId === line.id).reduce((n, f) => n + f.quantity, 0);
    if (already + d.quantity > line.receivedQuantity) {
      throw new Invalid(`damaged.${i}.quantity`, `${already + d.quantity} damaged unit(s) of ${line.sku}, but ${line.receivedQuantity} arrived`);
    }
    found.push({ kind: 'damaged', returnLineId: line.id, productId: line.productId, code: line.sku, quantity: d.quantity, ...(d.note ? { note: d.note } : {}) });
  }
  if (input.photoIds?.length) await getAttachments(tx, input.photoIds, 'photoIds', scope);
  for (const [productId, a] of arrived) {
    found.push({ kind: 'wrong_item', returnLineId: null, productId, code: a.code, quantity: a.quantity });
    held.push({ productId, quantity: a.quantity });
  }
  // Goods nobody announced are the customer's until someone decides: quarantined, owned by them.
  for (const h of held) {
    await applyMovement(tx, actor, { productId: h.productId, locationId: loc.id, location: loc, ownerId: r.customerId, status: 'quarantine', delta: h.quantity, movement: 'return', reason: 'return_discrepancy', reference: r.rmaNumber });
  }
  for (const f of found) await recordDiscrepancy(tx, actor, r.id, f, input.note ?? null);
  await setReturnStatus(tx, r, 'received', { received_at: new Date().toISOString(), receipt_location_id: loc.id, receipt_photo_ids: input.photoIds ?? [] });
  await linkAttachments(tx, input.photoIds ?? [], 'return', r.id);
  r.receiptLocationId = loc.id;
  await recordReturnEvent(tx, actor, r, E.received, {
    warehouseId: r.warehouseId,
    locationCode: loc.code,
    lines: linesPayload(lines),
    discrepancies: found.map(({ kind, code, quantity }) => ({ kind, code, quantity })),
  });
  return r;
}
