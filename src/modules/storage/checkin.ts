/**
 * Check-in: find or create the customer (a walk-in by phone), create the deposit with its voucher
 * (kept hashed, and sealed for the customer's notice: vouchers.ts) and its items with their codes,
 * snapshot each item's tariff, start each custody history, and emit `storage_deposit.checked_in`
 * with everything the voucher message needs. The answer is the only place the voucher is shown.
 */
import type { Tx } from '../../platform/db/client.js';
import { Invalid, NotFound } from '../../platform/http/errors.js';
import { getAttachments, linkAttachments, type AttachmentScope } from '../attachments/index.js';
import { createCustomer, getCustomerRef, listCustomers, type CustomerRef } from '../customers/index.js';
import { getWarehouse } from '../inventory/index.js';
import { STORAGE_EVENTS as E, type DepositCheckedInPayload } from './events.js';
import type { Tariff } from './fees.js';
import { addCustody, check, itemRef, newItemCode, newVoucherCode, readDeposits, recordEvent, type Deposit } from './shared.js';
import { CheckInInput, type CheckIn } from './storage.schema.js';
import { sealVoucher, voucherHash, voucherKeys } from './vouchers.js';

const digits = (phone: string) => phone.replace(/\D/g, '');

/** The customer with exactly this phone number (by its digits), or a new one. */
export async function findOrCreateByPhone(tx: Tx, actor: string, phone: string, name: string | undefined, locale?: 'zh-CN' | 'en'): Promise<CustomerRef> {
  // Two counters checking in the same new walk-in at once must not create two customers.
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`storage.walk-in:${digits(phone)}`]);
  const found = await listCustomers(tx, { q: phone }, { limit: 200 });
  const match = found.items.filter((c) => c.phone !== null && digits(c.phone) === digits(phone)).sort((a, b) => a.id - b.id)[0];
  if (match) return (await getCustomerRef(tx, match.id))!;
  const created = await createCustomer(tx, actor, { name: name ?? phone, phone, ...(locale ? { locale } : {}) });
  return (await getCustomerRef(tx, created.id))!;
}

async function tariffFor(tx: Tx, sizeClass: string, category: string): Promise<Tariff | null> {
  const { rows } = await tx.query<Tariff>(
    `SELECT unit, rate, grace_minutes AS "graceMinutes", minimum_charge AS "minimumCharge", cap, currency FROM storage_tariffs
     WHERE (size_class = $1 OR size_class IS NULL) AND (category = $2 OR category IS NULL)
     ORDER BY (size_class IS NOT NULL) DESC, (category IS NOT NULL) DESC LIMIT 1`,
    [sizeClass, category],
  );
  return rows[0] ?? null;
}

/**
 * `scope`: the warehouses the caller reads (`eventScope`); a photo on another warehouse's record is
 * answered as an unknown one, so it cannot be taken onto this deposit and read there.
 */
export async function checkIn(tx: Tx, actor: string, input: CheckIn, fieldPrefix = '', scope?: AttachmentScope): Promise<Deposit & { voucherCode: string }> {
  const c = check(CheckInInput, input, fieldPrefix);
  const warehouse = await getWarehouse(tx, c.warehouseId).catch((err: unknown) => {
    throw err instanceof NotFound ? new Invalid(`${fieldPrefix}warehouseId`, `there is no warehouse ${c.warehouseId}`) : err;
  });
  if (!warehouse.active) throw new Invalid(`${fieldPrefix}warehouseId`, `warehouse ${warehouse.code} is not active`);
  let customer: CustomerRef;
  if (c.customerId !== undefined) {
    const ref = await getCustomerRef(tx, c.customerId);
    if (!ref) throw new Invalid(`${fieldPrefix}customerId`, `there is no customer ${c.customerId}`);
    customer = ref;
  } else if (c.customerPhone !== undefined) {
    customer = await findOrCreateByPhone(tx, actor, c.customerPhone, c.customerName, c.locale);
  } else {
    throw new Invalid(`${fieldPrefix}customerPhone`, 'give customerId, or customerPhone for a walk-in');
  }
  for (const [i, item] of c.items.entries()) {
    if (item.photoIds?.length) await getAttachments(tx, item.photoIds, `${fieldPrefix}items.${i}.photoIds`, scope);
  }

  const { rows: seq } = await tx.query<{ n: number }>(`SELECT nextval('storage_deposit_number_seq') AS n`);
  const depositNumber = `SD${String(seq[0]!.n).padStart(6, '0')}`;
  const voucherCode = newVoucherCode();
  const keys = await voucherKeys(tx);
  const locale = c.locale ?? customer.locale;
  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO storage_deposits (deposit_number, voucher_hash, voucher_last2, voucher_sealed, customer_id, warehouse_id, expected_pickup_at, locale, checked_in_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      depositNumber,
      voucherHash(keys.current, voucherCode),
      voucherCode.slice(-2),
      sealVoucher(keys, depositNumber, voucherCode),
      customer.id,
      warehouse.id,
      c.expectedPickupAt ?? null,
      locale,
      actor,
    ],
  );
  const depositId = rows[0]!.id;

  for (const item of c.items) {
    const tariff = await tariffFor(tx, item.sizeClass, item.category);
    // 40 random bits: a clash is rare; on one, draw again rather than fail the check-in.
    let itemId: number | undefined;
    let itemCode = '';
    for (let attempt = 0; itemId === undefined && attempt < 5; attempt++) {
      itemCode = newItemCode();
      const inserted = await tx.query<{ id: number }>(
        `INSERT INTO storage_items (code, deposit_id, customer_id, warehouse_id, category, size_class, description, declared_value,
           photo_ids, custom_fields, expected_pickup_at, tariff)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::bigint[], $10, $11, $12) ON CONFLICT (code) DO NOTHING RETURNING id`,
        [
          itemCode,
          depositId,
          customer.id,
          warehouse.id,
          item.category,
          item.sizeClass,
          item.description,
          item.declaredValue ?? null,
          item.photoIds ?? [],
          JSON.stringify(item.customFields ?? {}),
          item.expectedPickupAt ?? c.expectedPickupAt ?? null,
          tariff ? JSON.stringify(tariff) : null,
        ],
      );
      itemId = inserted.rows[0]?.id;
    }
    if (itemId === undefined) throw new Error('no free item code after 5 draws');
    await addCustody(tx, actor, { itemId, action: 'checked_in', warehouseId: warehouse.id, photoIds: item.photoIds ?? [] });
    await linkAttachments(tx, item.photoIds ?? [], 'storage_item', itemCode);
  }

  const [deposit] = await readDeposits(tx, 'id = $1', [depositId]);
  const payload: DepositCheckedInPayload = {
    depositNumber,
    customerName: customer.name,
    items: deposit!.items.map(itemRef),
    expectedPickupAt: c.expectedPickupAt ?? null,
    warehouse: { id: warehouse.id, code: warehouse.code, name: warehouse.name },
  };
  await recordEvent(tx, actor, E.depositCheckedIn, { type: 'storage_deposit', id: depositId, customerId: customer.id, warehouseId: warehouse.id }, payload);
  return { ...deposit!, voucherCode };
}
