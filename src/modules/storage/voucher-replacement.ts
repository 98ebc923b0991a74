/**
 * A lost voucher: the customer comes to the counter without it. Staff check an identity document
 * against the deposit's customer (their phone must match too), record which document it was, and
 * hand out a new voucher; the old one stops working at once. Because whoever replaces a voucher
 * could otherwise walk out with the goods, the hand-over that follows is done by another person
 * (the `storage.voucher_replacement` duty step).
 */
import { z } from 'zod';
import type { Queryable, Tx } from '../../platform/db/client.js';
import { Conflict, Invalid } from '../../platform/http/errors.js';
import { getCustomerRef } from '../customers/index.js';
import { STORAGE_EVENTS as E } from './events.js';
import { getDeposit, newVoucherCode, recordEvent } from './shared.js';
import { sealVoucher, voucherHash, voucherKeys } from './vouchers.js';

export const ID_TYPES = ['resident_id', 'passport', 'driving_licence', 'hk_macau_permit', 'taiwan_permit', 'other'] as const;

export const VoucherReplacementInput = z
  .object({
    phone: z.string().trim().min(5).max(30).describe("The customer's phone, as they give it: must be the deposit customer's"),
    holderName: z.string().trim().min(1).max(100).describe('The name on the document shown'),
    idType: z.enum(ID_TYPES),
    idLast4: z
      .string()
      .length(4)
      .regex(/^[0-9A-Za-z]{4}$/, 'the last four characters of the document number')
      .describe('The last four characters of the document number (never the whole number)'),
    idMatchesCustomer: z.literal(true, { message: 'confirm that the document names the deposit customer' }).describe('Staff confirm the document names the customer'),
    note: z.string().trim().max(500).optional(),
  })
  .strict();
export type VoucherReplacement = z.infer<typeof VoucherReplacementInput>;

const digits = (phone: string) => phone.replace(/\D/g, '');

export async function replaceVoucher(tx: Tx, actor: string, depositId: number, input: VoucherReplacement) {
  const deposit = await getDeposit(tx, depositId);
  await tx.query('SELECT 1 FROM storage_deposits WHERE id = $1 FOR UPDATE', [depositId]);
  if (deposit.status !== 'open') throw new Conflict(`deposit ${deposit.depositNumber} is ${deposit.status}: nothing is left to hand over`, { currentState: deposit.status });
  const customer = await getCustomerRef(tx, deposit.customer.id);
  if (!customer?.phone || digits(customer.phone) !== digits(input.phone)) {
    throw new Invalid('phone', `this phone is not the phone of deposit ${deposit.depositNumber}'s customer`);
  }
  const idLast4 = input.idLast4.toUpperCase();
  const voucherCode = newVoucherCode();
  const keys = await voucherKeys(tx);
  // The old voucher's hash and sealed copy are overwritten: it opens nothing from now on.
  await tx.query('UPDATE storage_deposits SET voucher_hash = $2, voucher_last2 = $3, voucher_sealed = $4 WHERE id = $1', [
    depositId,
    voucherHash(keys.current, voucherCode),
    voucherCode.slice(-2),
    sealVoucher(keys, deposit.depositNumber, voucherCode),
  ]);
  const { rows } = await tx.query<{ id: number; replacedAt: string }>(
    `INSERT INTO storage_voucher_replacements (deposit_id, holder_name, id_type, id_last4, note, replaced_by)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, replaced_at AS "replacedAt"`,
    [depositId, input.holderName, input.idType, idLast4, input.note ?? null, actor],
  );
  const replacement = rows[0]!;
  // The new voucher is in the answer only (and on the slip printed from it): never in the log.
  await recordEvent(tx, actor, E.voucherReplaced, { type: 'storage_deposit', id: depositId, customerId: deposit.customer.id, warehouseId: deposit.warehouse.id }, {
    depositNumber: deposit.depositNumber,
    idType: input.idType,
    idLast4,
    holderName: input.holderName,
    replacementId: replacement.id,
  });
  return { depositId, depositNumber: deposit.depositNumber, voucherCode, replacedAt: replacement.replacedAt, replacedBy: actor };
}

/** Who replaced the deposit's voucher, if anyone did: they may not also hand its items over. */
export async function voucherReplacers(q: Queryable, depositId: number): Promise<string[]> {
  const { rows } = await q.query<{ replacedBy: string }>('SELECT replaced_by AS "replacedBy" FROM storage_voucher_replacements WHERE deposit_id = $1', [depositId]);
  return rows.map((r) => r.replacedBy);
}

export async function listVoucherReplacements(q: Queryable, depositId: number) {
  const { rows } = await q.query<{ id: number; holderName: string; idType: string; idLast4: string; note: string | null; replacedBy: string; replacedAt: string }>(
    `SELECT id, holder_name AS "holderName", id_type AS "idType", id_last4 AS "idLast4", note, replaced_by AS "replacedBy", replaced_at AS "replacedAt"
       FROM storage_voucher_replacements WHERE deposit_id = $1 ORDER BY id`,
    [depositId],
  );
  return rows;
}
