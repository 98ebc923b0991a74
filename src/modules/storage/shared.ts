/** What the storage services share: reading items and deposits as DTOs, codes, locks, typed events. */
import { randomInt } from 'node:crypto';
import type { z } from 'zod';
import type { Principal } from '../../platform/auth/auth.service.js';
import { assertVisible } from '../../platform/auth/scope.js';
import type { Queryable, Tx } from '../../platform/db/client.js';
import { appendEvent } from '../../platform/events/log.js';
import { Conflict, Invalid, NotFound } from '../../platform/http/errors.js';
import { getCustomerRef } from '../customers/index.js';
import { findLocationByCode, getLocation, getWarehouse, type Location } from '../inventory/index.js';
import type { ItemRef, ItemStatus, SizeClass, StorageEvent, WarehouseRef } from './events.js';
import { computeFee, type Tariff } from './fees.js';
import type { DepositDto, ItemDto } from './storage.schema.js';
import { maskedVoucher, openVoucher, voucherHashes, voucherKeys } from './vouchers.js';

export type Item = z.infer<typeof ItemDto>;
export type Deposit = z.infer<typeof DepositDto>;

/** Inputs from other callers (the file import) get the same checks as the API's. */
export function check<S extends z.ZodType>(schema: S, input: unknown, prefix = ''): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  throw new Invalid(prefix + (issue.path.join('.') || 'body'), issue.message);
}

// Crockford's base32 without the letters that read like digits: codes survive being read aloud.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
function randomCode(length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}
/** A short, scannable item label: ST- and 40 random bits. */
export const newItemCode = () => `ST-${randomCode(8)}`;
/** The customer's secret: 50 random bits, 10 characters from an unambiguous alphabet (kept hashed: vouchers.ts). */
export const newVoucherCode = () => randomCode(10);

export type ItemRow = Omit<Item, 'location' | 'fee'> & { locationId: number | null; tariff: Tariff | null; feeCharged: number | null };

export const ITEM_COLUMNS = `i.id, i.code, i.deposit_id AS "depositId", d.deposit_number AS "depositNumber", i.customer_id AS "customerId",
  i.warehouse_id AS "warehouseId", i.category, i.size_class AS "sizeClass", i.description, i.declared_value AS "declaredValue",
  to_jsonb(i.photo_ids) AS "photoIds", i.custom_fields AS "customFields", i.expected_pickup_at AS "expectedPickupAt", i.status,
  i.location_id AS "locationId", i.tariff, i.checked_in_at AS "checkedInAt", i.checked_out_at AS "checkedOutAt", i.fee_charged AS "feeCharged"`;
export const ITEM_FROM = `storage_items i JOIN storage_deposits d ON d.id = i.deposit_id`;

/** Location codes by id, read once per id through the inventory module. */
export async function locationCodes(q: Queryable, ids: Iterable<number | null>): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (const id of new Set(ids)) {
    if (id === null || out.has(id)) continue;
    out.set(id, (await getLocation(q, id)).code);
  }
  return out;
}

export function toItem(row: ItemRow, codes: Map<number, string>, now = new Date()): Item {
  const { locationId, tariff, feeCharged, ...rest } = row;
  const fee =
    row.status === 'checked_out'
      ? { amount: feeCharged ?? 0, currency: tariff?.currency ?? 'CNY', settled: true }
      : { ...pick(computeFee(tariff, row.checkedInAt, now)), settled: false };
  return { ...rest, location: locationId === null ? null : { id: locationId, code: codes.get(locationId) ?? String(locationId) }, fee };
}
const pick = (f: { amount: number; currency: string }) => ({ amount: f.amount, currency: f.currency });

export async function readItems(q: Queryable, where: string, params: unknown[], now = new Date()): Promise<Item[]> {
  const { rows } = await q.query<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM ${ITEM_FROM} WHERE ${where} ORDER BY i.id`, params);
  const codes = await locationCodes(q, rows.map((r) => r.locationId));
  return rows.map((r) => toItem(r, codes, now));
}

/** The item row by its code, locked until the transaction ends: one command at a time per item. */
export async function lockItem(tx: Tx, code: string, field = 'code'): Promise<ItemRow> {
  const { rows } = await tx.query<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM ${ITEM_FROM} WHERE i.code = $1 FOR UPDATE OF i`, [code]);
  if (!rows[0]) throw field === 'code' ? new NotFound('storage item', code) : new Invalid(field, `there is no storage item ${code}`);
  return rows[0];
}

export async function getItem(q: Queryable, code: string): Promise<Item> {
  const [item] = await readItems(q, 'i.code = $1', [code]);
  if (!item) throw new NotFound('storage item', code);
  return item;
}

type DepositRow = Omit<Deposit, 'customer' | 'warehouse' | 'items' | 'feeDue' | 'feeCharged' | 'voucherMasked'> & {
  customerId: number;
  warehouseId: number;
  voucherLast2: string;
};
const DEPOSIT_COLUMNS = `id, deposit_number AS "depositNumber", voucher_last2 AS "voucherLast2", status, customer_id AS "customerId",
  warehouse_id AS "warehouseId", expected_pickup_at AS "expectedPickupAt", locale, checked_in_by AS "checkedInBy",
  checked_in_at AS "checkedInAt", closed_at AS "closedAt"`;

/** Deposits as DTOs (the voucher masked: no read has it): one query for their items, each customer and warehouse read once. */
export async function readDeposits(q: Queryable, where: string, params: unknown[], now = new Date()): Promise<Deposit[]> {
  const { rows } = await q.query<DepositRow>(`SELECT ${DEPOSIT_COLUMNS} FROM storage_deposits WHERE ${where}`, params);
  if (rows.length === 0) return [];
  const items = await readItems(q, 'i.deposit_id = ANY($1::bigint[])', [rows.map((r) => r.id)], now);
  const customers = new Map<number, Awaited<ReturnType<typeof getCustomerRef>>>();
  const warehouses = new Map<number, WarehouseRef>();
  const out: Deposit[] = [];
  for (const r of rows) {
    const { customerId, warehouseId, voucherLast2, ...rest } = r;
    if (!customers.has(customerId)) customers.set(customerId, await getCustomerRef(q, customerId));
    if (!warehouses.has(warehouseId)) warehouses.set(warehouseId, await warehouseRef(q, warehouseId));
    const customer = customers.get(customerId);
    const own = items.filter((i) => i.depositId === r.id);
    out.push({
      ...rest,
      voucherMasked: maskedVoucher(voucherLast2),
      customer: { id: customerId, name: customer?.name ?? '', phone: customer?.phone ?? null },
      warehouse: warehouses.get(warehouseId)!,
      items: own,
      feeDue: own.filter((i) => !i.fee.settled).reduce((s, i) => s + i.fee.amount, 0),
      feeCharged: own.filter((i) => i.fee.settled).reduce((s, i) => s + i.fee.amount, 0),
    });
  }
  return out;
}

/** An item in a warehouse outside the caller's is a 404 to them, as if it did not exist. */
export async function assertItemVisible(q: Queryable, p: Pick<Principal, 'warehouseIds'>, code: string): Promise<void> {
  await assertVisible(
    p,
    async () => (await q.query<{ warehouseId: number }>('SELECT warehouse_id AS "warehouseId" FROM storage_items WHERE code = $1', [code])).rows[0]?.warehouseId,
    () => new NotFound('storage item', code),
  );
}

/** The warehouse of the deposit a voucher opens (undefined: no deposit has it). */
export async function voucherWarehouse(q: Queryable, voucherCode: string): Promise<number | undefined> {
  const { rows } = await q.query<{ warehouseId: number }>('SELECT warehouse_id AS "warehouseId" FROM storage_deposits WHERE voucher_hash = ANY($1::text[])', [
    await voucherHashes(q, voucherCode),
  ]);
  return rows[0]?.warehouseId;
}

/** Whether the voucher opens this deposit (a replaced one no longer does). */
export async function opensDeposit(q: Queryable, depositId: number, voucherCode: string): Promise<boolean> {
  const { rowCount } = await q.query('SELECT 1 FROM storage_deposits WHERE id = $1 AND voucher_hash = ANY($2::text[])', [depositId, await voucherHashes(q, voucherCode)]);
  return rowCount > 0;
}

export async function getDeposit(q: Queryable, id: number): Promise<Deposit> {
  const [d] = await readDeposits(q, 'id = $1', [id]);
  if (!d) throw new NotFound('storage deposit', id);
  return d;
}

/**
 * A deposit's voucher, for the one reader that must see it: the notice that gives the customer
 * their voucher (rendered by the rules engine for that notice only, so the voucher is never written
 * to the event log, a task or a rule's context, and the notice log shows it masked). Null once the
 * deposit is closed: its sealed copy is gone then.
 */
export async function getVoucherCode(q: Queryable, depositId: number): Promise<string | null> {
  const { rows } = await q.query<{ depositNumber: string; sealed: Uint8Array | null }>(
    `SELECT deposit_number AS "depositNumber", voucher_sealed AS sealed FROM storage_deposits WHERE id = $1`,
    [depositId],
  );
  if (!rows[0]) throw new NotFound('storage deposit', depositId);
  const { depositNumber, sealed } = rows[0];
  return sealed === null ? null : openVoucher(await voucherKeys(q), depositNumber, sealed);
}

export async function warehouseRef(q: Queryable, id: number): Promise<WarehouseRef> {
  const w = await getWarehouse(q, id);
  return { id: w.id, code: w.code, name: w.name };
}

/** A scanned location code in the item's warehouse; unknown is the client's mistake. */
export async function scannedLocation(q: Queryable, warehouseId: number, code: string, field = 'locationCode'): Promise<Location> {
  const loc = await findLocationByCode(q, warehouseId, code);
  if (!loc) throw new Invalid(field, `there is no location ${code} in warehouse ${warehouseId}`);
  return loc;
}

export const itemRef = (i: { code: string; description: string; category: string; sizeClass: SizeClass }): ItemRef => ({
  code: i.code,
  description: i.description,
  category: i.category,
  sizeClass: i.sizeClass,
});

/**
 * A storage event: every one names its warehouse (`warehouseId` in the payload), so a caller
 * limited to some warehouses sees their deposits', items' and counts' events, and the tasks,
 * notices and attachments about them, and no one else's.
 */
export async function recordEvent(
  tx: Tx,
  actor: string,
  type: StorageEvent,
  entity: { type: 'storage_deposit' | 'storage_item' | 'storage_count'; id: number | string; customerId: number | null; warehouseId: number },
  payload: object,
) {
  await appendEvent(tx, actor, {
    type,
    entityType: entity.type,
    entityId: entity.id,
    customerId: entity.customerId,
    payload: { ...(payload as Record<string, unknown>), warehouseId: entity.warehouseId },
  });
}

export async function addCustody(
  tx: Tx,
  actor: string,
  e: {
    itemId: number;
    action: 'checked_in' | 'put_away' | 'moved' | 'counted' | 'corrected' | 'checked_out';
    warehouseId: number;
    locationId?: number | null;
    fromLocationId?: number | null;
    photoIds?: number[];
    countId?: number;
    handoverId?: number;
    reason?: string;
  },
) {
  await tx.query(
    `INSERT INTO storage_custody (item_id, action, actor, warehouse_id, location_id, from_location_id, photo_ids, count_id, handover_id, reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7::bigint[], $8, $9, $10)`,
    [e.itemId, e.action, actor, e.warehouseId, e.locationId ?? null, e.fromLocationId ?? null, e.photoIds ?? [], e.countId ?? null, e.handoverId ?? null, e.reason ?? null],
  );
}

export function assertStatus(item: { code: string; status: ItemStatus }, allowed: ItemStatus[], doing: string) {
  if (!allowed.includes(item.status)) {
    throw new Conflict(`item ${item.code} is ${item.status}; it cannot be ${doing}`, { currentState: item.status });
  }
}
