/**
 * Resolving a request, by type: a return gets its refund (at most what was paid for the units
 * received), an exchange its replacement order (unless it shipped in advance), a repair ships the
 * repaired item back (it leaves the stock), a compensation gets its amount without goods moving.
 */
import type { Tx } from '../../platform/db/client.js';
import { Invalid } from '../../platform/http/errors.js';
import { applyMovement } from '../../modules/inventory/index.js';
import { createRefund, expectStatus, linesPayload, lockReturn, recordReturnEvent, refurbishedUnits, RETURN_EVENTS as E, returnLines, type ReturnRow, setReturnStatus, toCents } from '../../modules/returns/index.js';
import type { ShipCalendar } from '../../modules/orders/index.js';
import { placeReplacement } from './replacement.js';

export type ResolveInput = { amount?: number; carrier?: string; trackingNumber?: string; note?: string };

export async function resolveReturn(tx: Tx, actor: string, id: number, input: ResolveInput, calendar: ShipCalendar): Promise<ReturnRow> {
  const r = await lockReturn(tx, id);
  expectStatus(r, r.type === 'compensation' ? ['approved'] : ['disposed'], 'resolution');
  if (input.amount !== undefined && r.type !== 'return' && r.type !== 'compensation') throw new Invalid('amount', `a ${r.type} is not resolved with money`);
  if ((input.carrier || input.trackingNumber) && r.type !== 'repair') throw new Invalid('trackingNumber', 'only a repair ships goods back');
  const lines = await returnLines(tx, r.id);
  const payload: Record<string, unknown> = { lines: linesPayload(lines), note: input.note ?? null };
  let resolution: 'refund' | 'replacement' | 'repaired' | 'compensation';
  const extra: Record<string, unknown> = {};

  if (r.type === 'return' || r.type === 'compensation') {
    // Never above what was paid: for a return, the units that came back; for a compensation, the lines concerned.
    const cap = lines.reduce((n, l) => n + toCents(l.unitPrice) * (r.type === 'return' ? l.receivedQuantity : l.quantity), 0);
    const amount = input.amount !== undefined ? toCents(input.amount) : r.type === 'return' ? cap : toCents(r.requestedAmount!);
    const refund = await createRefund(tx, actor, r, r.type === 'return' ? 'refund' : 'compensation', amount, cap, 'amount');
    resolution = r.type === 'return' ? 'refund' : 'compensation';
    Object.assign(payload, { refundId: refund.id, refundNumber: refund.number, amount: refund.amount, currency: refund.currency });
  } else if (r.type === 'exchange') {
    if (r.replacementOrderId === null) await placeReplacement(tx, actor, r, calendar);
    resolution = 'replacement';
    payload.replacementOrderId = r.replacementOrderId;
  } else {
    if (!input.carrier) throw new Invalid('carrier', 'a repaired item ships back with a carrier');
    if (!input.trackingNumber) throw new Invalid('trackingNumber', 'a repaired item ships back with a tracking number');
    for (const d of await refurbishedUnits(tx, r.id)) {
      await applyMovement(tx, actor, {
        productId: d.productId,
        locationId: d.locationId,
        ownerId: r.stockOwnerId,
        status: 'pending_repair',
        delta: -d.quantity,
        movement: 'ship',
        reason: 'repaired',
        reference: r.rmaNumber,
      });
    }
    resolution = 'repaired';
    extra.return_carrier = input.carrier;
    extra.return_tracking = input.trackingNumber;
    Object.assign(payload, { carrier: input.carrier, trackingNumber: input.trackingNumber });
  }
  await setReturnStatus(tx, r, 'resolved', { resolution, resolved_at: new Date().toISOString(), ...extra });
  await recordReturnEvent(tx, actor, r, E.resolved, { resolution, ...payload });
  return r;
}
