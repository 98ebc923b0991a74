/**
 * Check-out: the double scan (the customer's voucher and each item's label) must agree, the
 * customer's signature is stored with the hand-over, each item's fee is computed from its
 * check-in time and settled, and the deposit closes when its last item is out. Partial
 * pick-up is allowed. Two hand-overs of one item at once: the item row lock makes the second
 * wait and then find the item checked out, so exactly one succeeds.
 */
import { assertSeparateDuty } from '../../platform/auth/duties.js';
import { voucherReplacers } from './voucher-replacement.js';
import type { z } from 'zod';
import type { Tx } from '../../platform/db/client.js';
import { Conflict, Invalid } from '../../platform/http/errors.js';
import { getAttachments, linkAttachments, saveAttachment, type AttachmentScope } from '../attachments/index.js';
import { STORAGE_EVENTS as E, type DepositClosedPayload, type ItemCheckedOutPayload } from './events.js';
import { computeFee } from './fees.js';
import { addCustody, itemRef, lockItem, recordEvent } from './shared.js';
import type { CheckOut, HandoverDto } from './storage.schema.js';
import { voucherHashes } from './vouchers.js';

export type Handover = z.infer<typeof HandoverDto>;

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

async function storeSignature(tx: Tx, actor: string, signature: CheckOut['signature'], scope: AttachmentScope | undefined): Promise<number> {
  if ((signature.attachmentId === undefined) === (signature.dataUrl === undefined)) {
    throw new Invalid('signature', 'give the signature as dataUrl or as attachmentId, one of them');
  }
  if (signature.attachmentId !== undefined) {
    const [a] = await getAttachments(tx, [signature.attachmentId], 'signature.attachmentId', scope);
    if (!a || !a.contentType.startsWith('image/')) throw new Invalid('signature.attachmentId', 'the signature must be an image');
    return a.id;
  }
  const m = /^data:image\/png;base64,([A-Za-z0-9+/]+={0,2})$/.exec(signature.dataUrl ?? '');
  const bytes = m ? Buffer.from(m[1]!, 'base64') : undefined;
  if (!bytes || !bytes.subarray(0, 8).equals(PNG_MAGIC)) {
    throw new Invalid('signature.dataUrl', 'the signature must be a PNG image as a data URL (data:image/png;base64,…)');
  }
  return (await saveAttachment(tx, actor, { contentType: 'image/png', bytes, filename: 'signature.png' }, 'signature.dataUrl')).id;
}

/** `scope`: the caller's (`eventScope`); a signature image on another warehouse's record is answered as an unknown one. */
export async function checkOut(tx: Tx, actor: string, input: CheckOut, opts: { at?: Date; scope?: AttachmentScope } = {}): Promise<Handover> {
  // The database's clock, like the check-in's: the fee is computed from the two recorded times.
  const now = opts.at ?? new Date((await tx.query<{ now: string }>('SELECT now() AS now')).rows[0]!.now);
  const { rows: deposits } = await tx.query<{ id: number; depositNumber: string; customerId: number; warehouseId: number; status: string }>(
    `SELECT id, deposit_number AS "depositNumber", customer_id AS "customerId", warehouse_id AS "warehouseId", status FROM storage_deposits WHERE voucher_hash = ANY($1::text[]) FOR UPDATE`,
    [await voucherHashes(tx, input.voucherCode)],
  );
  const deposit = deposits[0];
  if (!deposit) throw new Invalid('voucherCode', 'this voucher does not belong to any deposit');
  await assertSeparateDuty(
    tx,
    'storage.voucher_replacement',
    actor,
    (await voucherReplacers(tx, deposit.id)).map((by) => ({ actor: by, act: `replacing the voucher of deposit ${deposit.depositNumber}` })),
    { field: 'voucherCode' },
  );
  const codes = [...new Set(input.itemCodes)];
  if (codes.length !== input.itemCodes.length) throw new Invalid('itemCodes', 'an item was scanned twice');
  // Locked in code order: two hand-overs of overlapping items never deadlock.
  const items = [];
  for (const code of [...codes].sort()) {
    const item = await lockItem(tx, code, `itemCodes.${input.itemCodes.indexOf(code)}`);
    if (item.depositId !== deposit.id) {
      throw new Invalid(`itemCodes.${input.itemCodes.indexOf(code)}`, `item ${code} does not belong to the deposit of this voucher; hand-over refused`);
    }
    if (item.status === 'checked_out') {
      throw new Conflict(`item ${code} is already checked_out; it cannot be checked out again`, { currentState: 'checked_out', code });
    }
    items.push(item);
  }

  items.sort((a, b) => codes.indexOf(a.code) - codes.indexOf(b.code)); // back to scan order

  const signatureId = await storeSignature(tx, actor, input.signature, opts.scope);
  const fees = items.map((i) => ({ item: i, fee: computeFee(i.tariff, i.checkedInAt, now) }));
  const feeTotal = fees.reduce((s, f) => s + f.fee.amount, 0);
  const currency = fees[0]?.fee.currency ?? 'CNY';
  const { rows } = await tx.query<{ id: number; handedOverAt: string }>(
    `INSERT INTO storage_handovers (deposit_id, customer_id, received_by, signature_attachment_id, fee_total, currency, handed_over_by, handed_over_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id, handed_over_at AS "handedOverAt"`,
    [deposit.id, deposit.customerId, input.receivedBy, signatureId, feeTotal, currency, actor, now.toISOString()],
  );
  const handover = rows[0]!;
  await linkAttachments(tx, [signatureId], 'storage_deposit', deposit.id);

  for (const { item, fee } of fees) {
    // The status guard in the WHERE clause is the last word, whatever was read before.
    const updated = await tx.query(
      `UPDATE storage_items SET status = 'checked_out', checked_out_at = $2, fee_charged = $3, location_id = NULL WHERE id = $1 AND status <> 'checked_out'`,
      [item.id, now.toISOString(), fee.amount],
    );
    if (updated.rowCount !== 1) throw new Conflict(`item ${item.code} is already checked_out`, { currentState: 'checked_out', code: item.code });
    await addCustody(tx, actor, { itemId: item.id, action: 'checked_out', warehouseId: item.warehouseId, fromLocationId: item.locationId, handoverId: handover.id });
    const payload: ItemCheckedOutPayload = { ...itemRef(item), depositNumber: deposit.depositNumber, receivedBy: input.receivedBy, fee: fee.amount, currency: fee.currency, handoverId: handover.id };
    await recordEvent(tx, actor, E.itemCheckedOut, { type: 'storage_item', id: item.code, customerId: item.customerId, warehouseId: item.warehouseId }, payload);
  }

  const { rows: open } = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM storage_items WHERE deposit_id = $1 AND status <> 'checked_out'`, [deposit.id]);
  let depositStatus: 'open' | 'closed' = 'open';
  if (open[0]!.n === 0) {
    depositStatus = 'closed';
    // Nothing is left to collect: the voucher's sealed copy (kept for its notice) goes with the deposit.
    await tx.query(`UPDATE storage_deposits SET status = 'closed', closed_at = $2, voucher_sealed = NULL WHERE id = $1`, [deposit.id, now.toISOString()]);
    const { rows: total } = await tx.query<{ fee: number }>(`SELECT coalesce(sum(fee_charged), 0)::bigint AS fee FROM storage_items WHERE deposit_id = $1`, [deposit.id]);
    const payload: DepositClosedPayload = { depositNumber: deposit.depositNumber, feeTotal: total[0]!.fee, currency };
    await recordEvent(tx, actor, E.depositClosed, { type: 'storage_deposit', id: deposit.id, customerId: deposit.customerId, warehouseId: deposit.warehouseId }, payload);
  }
  return {
    id: handover.id,
    depositId: deposit.id,
    depositNumber: deposit.depositNumber,
    receivedBy: input.receivedBy,
    signatureAttachmentId: signatureId,
    items: fees.map((f) => ({ code: f.item.code, fee: f.fee.amount })),
    feeTotal,
    currency,
    depositStatus,
    handedOverBy: actor,
    handedOverAt: handover.handedOverAt,
  };
}
