/**
 * Disposing of inspected goods: each grade of each line goes where its disposition says, and the
 * stock and its ledger change in the same transaction as the decision. restock → available at the
 * best storage location (the one already holding most of the product); restock_open_box → the
 * same, as lot OPEN-BOX; refurbish → `pending_repair` in the repair location; return_to_vendor
 * and scrap → out of stock. A repair is the customer's item and can only be refurbished.
 */
import type { Tx } from '../../platform/db/client.js';
import { Conflict, Invalid } from '../../platform/http/errors.js';
import { applyMovement, defaultLocation, getLocation, listStockLevels, type Location, stockBecameAvailable } from '../../modules/inventory/index.js';
import { type Disposition, expectStatus, getSettings, type Grade, GRADES, lockReturn, recordDisposition, recordReturnEvent, RETURN_EVENTS as E, returnLines, type ReturnRow, setReturnStatus } from '../../modules/returns/index.js';

export type DisposeInput = { lines?: Array<{ returnLineId: number; grade: Grade; disposition: Disposition }> };
export const OPEN_BOX_LOT = 'OPEN-BOX';

/** Storage or picking locations for restocked units: those already holding the product (most first), then the first free storage bin. */
async function restockCandidates(tx: Tx, warehouseId: number, productId: number): Promise<Location[]> {
  const levels = await listStockLevels(tx, { productIds: [productId], warehouseId, status: 'available', ownerId: 0, limit: 200 });
  const byLocation = new Map<number, number>();
  for (const l of levels) byLocation.set(l.locationId, (byLocation.get(l.locationId) ?? 0) + l.onHand);
  const holding: Location[] = [];
  for (const id of [...byLocation.keys()].sort((a, b) => byLocation.get(b)! - byLocation.get(a)!)) {
    const loc = await getLocation(tx, id);
    if (loc.active && (loc.type === 'storage' || loc.type === 'picking')) holding.push(loc);
  }
  for (const type of ['storage', 'picking'] as const) {
    const loc = await defaultLocation(tx, warehouseId, type);
    if (loc && !holding.some((h) => h.id === loc.id)) holding.push(loc);
  }
  return holding;
}

/** The first candidate with room for `quantity` (capacity is checked again, under lock, by the movement). */
async function bestStorageLocation(tx: Tx, warehouseId: number, productId: number, quantity: number): Promise<Location> {
  const candidates = await restockCandidates(tx, warehouseId, productId);
  const fits = candidates.find((l) => l.capacity === null || l.occupancy + quantity <= l.capacity);
  if (!fits) throw new Conflict(`warehouse ${warehouseId} has no active storage location with room for ${quantity} unit(s) of product ${productId}`, { currentState: 'no_storage_location' });
  return fits;
}

/** Where units wait for repair: the warehouse's quarantine location, else the returns location they are in. */
async function repairLocation(tx: Tx, warehouseId: number, receipt: Location): Promise<Location> {
  return (await defaultLocation(tx, warehouseId, 'quarantine')) ?? receipt;
}

export async function disposeReturn(tx: Tx, actor: string, id: number, input: DisposeInput): Promise<ReturnRow> {
  const r = await lockReturn(tx, id);
  expectStatus(r, ['inspected'], 'disposition');
  const settings = await getSettings(tx);
  const lines = await returnLines(tx, r.id);
  const overrides = input.lines ?? [];
  overrides.forEach((o, i) => {
    const line = lines.find((l) => l.id === o.returnLineId);
    if (!line) throw new Invalid(`lines.${i}.returnLineId`, `line ${o.returnLineId} is not on return ${r.rmaNumber}`);
    if (!line.grades?.[o.grade]) throw new Invalid(`lines.${i}.grade`, `no unit of ${line.sku} was graded ${o.grade}`);
    if (r.type === 'repair' && o.disposition !== 'refurbish') {
      throw new Invalid(`lines.${i}.disposition`, `return ${r.rmaNumber} is a repair of the customer's own item; it can only be refurbished`);
    }
  });
  const receipt = await getLocation(tx, r.receiptLocationId!);
  const source = { locationId: receipt.id, status: 'pending_inspection' as const, ownerId: r.stockOwnerId, movement: 'return' as const, reference: r.rmaNumber };
  const done: Array<{ sku: string; grade: Grade; disposition: Disposition; quantity: number; locationCode: string | null }> = [];
  for (const line of lines) {
    for (const grade of GRADES) {
      const quantity = line.grades?.[grade] ?? 0;
      if (quantity === 0) continue;
      const chosen = overrides.find((o) => o.returnLineId === line.id && o.grade === grade)?.disposition;
      const disposition: Disposition = chosen ?? (r.type === 'repair' ? 'refurbish' : settings.gradeDispositions[grade]);
      const key = { ...source, productId: line.productId };
      let to: Location | null = null;
      if (disposition === 'restock' || disposition === 'restock_open_box') {
        to = await bestStorageLocation(tx, r.warehouseId, line.productId, quantity);
        const lot = disposition === 'restock_open_box' ? OPEN_BOX_LOT : '';
        await applyMovement(tx, actor, { ...key, locationId: to.id, location: to, status: 'available', ownerId: 0, lot, delta: quantity, reason: disposition });
      } else if (disposition === 'refurbish') {
        to = await repairLocation(tx, r.warehouseId, receipt);
        // In place when the repair location is the returns location: capacity does not change.
        await applyMovement(tx, actor, { ...key, locationId: to.id, location: to.id === receipt.id ? { ...to, capacity: null } : to, status: 'pending_repair', delta: quantity, reason: disposition });
      }
      await applyMovement(tx, actor, {
        ...key,
        location: receipt,
        delta: -quantity,
        ...(disposition === 'scrap' ? { movement: 'adjustment' as const } : {}),
        reason: disposition,
      });
      if (to && disposition !== 'refurbish') await stockBecameAvailable(tx, actor, line.productId, r.warehouseId);
      await recordDisposition(tx, actor, r.id, { returnLineId: line.id, grade, disposition, quantity, locationId: to?.id ?? null });
      done.push({ sku: line.sku, grade, disposition, quantity, locationCode: to?.code ?? null });
    }
  }
  await setReturnStatus(tx, r, 'disposed', { disposed_at: new Date().toISOString() });
  await recordReturnEvent(tx, actor, r, E.disposed, { lines: done });
  return r;
}
