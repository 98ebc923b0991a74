/**
 * Packing with verification: the packer scans every item into the parcel, and the scanned
 * multiset must equal what was picked, exactly. Any difference (a wrong item, one too many or too
 * few) is a 409 listing the differences, and nothing changes.
 */
import type { Tx } from '../../platform/db/client.js';
import { Conflict } from '../../platform/http/errors.js';
import { findProductByCode } from '../catalog/index.js';
import { ORDER_EVENTS as E } from './events.js';
import { assertCan, transition } from './order-state.js';
import type { ParcelIn } from './orders.schema.js';
import { linesOf, lockOrder, recordOrderEvent, setStatus } from './orders.service.js';
import { assertNotOnHold } from './order-hold.js';

export type PackScan = { code: string; quantity: number };
export type PackDifference = { sku: string | null; code: string | null; expected: number; scanned: number };

export async function packOrder(tx: Tx, actor: string, orderId: number, input: { scans: PackScan[]; parcel?: ParcelIn }) {
  const order = await lockOrder(tx, orderId);
  assertCan(order.status, 'pack');
  assertNotOnHold(order, 'pack');
  const lines = await linesOf(tx, order.id);

  const scannedByProduct = new Map<number, number>();
  const unknown = new Map<string, number>();
  const productOfCode = new Map<string, Awaited<ReturnType<typeof findProductByCode>>>();
  for (const s of input.scans) {
    if (!productOfCode.has(s.code)) productOfCode.set(s.code, await findProductByCode(tx, s.code));
    const product = productOfCode.get(s.code);
    if (product) scannedByProduct.set(product.id, (scannedByProduct.get(product.id) ?? 0) + s.quantity);
    else unknown.set(s.code, (unknown.get(s.code) ?? 0) + s.quantity);
  }

  const differences: PackDifference[] = [];
  for (const line of lines) {
    const expected = line.picked - line.packed;
    const scanned = scannedByProduct.get(line.productId) ?? 0;
    if (scanned !== expected) differences.push({ sku: line.sku, code: null, expected, scanned });
    scannedByProduct.delete(line.productId);
  }
  for (const [productId, scanned] of scannedByProduct) {
    const code = [...productOfCode].find(([, p]) => p?.id === productId);
    differences.push({ sku: code?.[1]?.sku ?? null, code: code?.[0] ?? null, expected: 0, scanned });
  }
  for (const [code, scanned] of unknown) differences.push({ sku: null, code, expected: 0, scanned });
  if (differences.length > 0) {
    const words = differences.map((d) => `${d.sku ?? d.code}: picked ${d.expected}, scanned ${d.scanned}`);
    throw new Conflict(`the parcel does not match what was picked for ${order.number} (${words.join('; ')})`, {
      currentState: order.status,
      differences,
    });
  }

  const to = transition(order.status, { type: 'pack' });
  await tx.query('UPDATE order_lines SET packed_quantity = picked_quantity WHERE order_id = $1', [order.id]);
  const parcel = input.parcel && Object.keys(input.parcel).length > 0 ? input.parcel : null;
  await setStatus(tx, order, to, { packed_at: new Date().toISOString(), parcel: parcel && JSON.stringify(parcel) });
  await recordOrderEvent(tx, actor, order, E.packed, {
    parcel,
    lines: lines.map((l) => ({ sku: l.sku, quantity: l.picked - l.packed })),
  });
}
