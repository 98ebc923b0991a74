/**
 * A customer's addresses. At most one is the default (a partial unique index says so): a
 * customer's first address becomes it unless told otherwise, and making another one the default
 * takes the flag from the old one (which is then reported as updated too).
 */
import type { Queryable, Tx } from '../../platform/db/client.js';
import { Conflict, NotFound } from '../../platform/http/errors.js';
import { AddressPatchInput, MAX_ADDRESSES, NewAddressInput, type Address, type AddressPatch, type NewAddress } from './customers.schema.js';
import { CUSTOMER_EVENTS as E } from './events.js';
import { changes, check, lockCustomer, recordEvent, setList } from './shared.js';

const COLUMNS = `id, customer_id AS "customerId", label, recipient_name AS "recipientName", phone, country, province, city,
  district, line1, line2, postal_code AS "postalCode", is_default AS "isDefault", created_at AS "createdAt", updated_at AS "updatedAt"`;
const COLUMN_OF = {
  label: 'label',
  recipientName: 'recipient_name',
  phone: 'phone',
  country: 'country',
  province: 'province',
  city: 'city',
  district: 'district',
  line1: 'line1',
  line2: 'line2',
  postalCode: 'postal_code',
  isDefault: 'is_default',
} as const;

/** The default address of each of these customers that has one, by customer id (imports of orders). */
export async function getDefaultAddresses(q: Queryable, customerIds: readonly number[]): Promise<Map<number, Address>> {
  const { rows } = await q.query<Address>(`SELECT ${COLUMNS} FROM customer_addresses WHERE customer_id = ANY($1::bigint[]) AND is_default`, [[...new Set(customerIds)]]);
  return new Map(rows.map((a) => [a.customerId, a]));
}

export async function listAddresses(q: Queryable, customerId: number): Promise<Address[]> {
  return (await q.query<Address>(`SELECT ${COLUMNS} FROM customer_addresses WHERE customer_id = $1 ORDER BY id`, [customerId])).rows;
}

/** The customer's address `addressId`, or their default address when no id is given. */
export async function getCustomerAddress(q: Queryable, customerId: number, addressId?: number): Promise<Address | undefined> {
  const { rows } =
    addressId === undefined
      ? await q.query<Address>(`SELECT ${COLUMNS} FROM customer_addresses WHERE customer_id = $1 AND is_default`, [customerId])
      : await q.query<Address>(`SELECT ${COLUMNS} FROM customer_addresses WHERE customer_id = $1 AND id = $2`, [customerId, addressId]);
  return rows[0];
}

export async function addAddress(tx: Tx, actor: string, customerId: number, input: NewAddress): Promise<Address> {
  const a = check(NewAddressInput, input);
  await lockCustomer(tx, customerId);
  const { rows: n } = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM customer_addresses WHERE customer_id = $1', [customerId]);
  if (n[0]!.n >= MAX_ADDRESSES) throw new Conflict(`customer ${customerId} already has ${MAX_ADDRESSES} addresses`, { currentState: 'full' });
  const current = await getCustomerAddress(tx, customerId);
  const isDefault = a.isDefault ?? current === undefined;
  if (isDefault && current) await takeDefault(tx, actor, customerId, current.id);
  const { rows } = await tx.query<Address>(
    `INSERT INTO customer_addresses (customer_id, label, recipient_name, phone, country, province, city, district, line1, line2, postal_code, is_default)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING ${COLUMNS}`,
    [customerId, a.label ?? null, a.recipientName, a.phone ?? null, a.country, a.province ?? null, a.city ?? null, a.district ?? null,
      a.line1, a.line2 ?? null, a.postalCode ?? null, isDefault],
  );
  const address = rows[0]!;
  await recordEvent(tx, actor, customerId, E.addressAdded, { addressId: address.id, isDefault, country: address.country, city: address.city });
  return address;
}

/** Changes an address; `isDefault: true` moves the default here. No change, no event. */
export async function updateAddress(tx: Tx, actor: string, customerId: number, addressId: number, patch: AddressPatch): Promise<Address> {
  const p = check(AddressPatchInput, patch);
  await lockCustomer(tx, customerId);
  const current = await getCustomerAddress(tx, customerId, addressId);
  if (!current) throw new NotFound(`customer ${customerId} address`, addressId);
  const { changed, sets, values } = changes(current, p, COLUMN_OF);
  if (changed.length === 0) return current;
  if (p.isDefault && !current.isDefault) {
    const previous = await getCustomerAddress(tx, customerId);
    if (previous) await takeDefault(tx, actor, customerId, previous.id);
  }
  const { rows } = await tx.query<Address>(`UPDATE customer_addresses SET ${setList(sets)} WHERE id = $1 RETURNING ${COLUMNS}`, [addressId, ...values]);
  await recordEvent(tx, actor, customerId, E.addressUpdated, { addressId, changed });
  return rows[0]!;
}

/** Removes an address; removing the default leaves the customer without one until another is chosen. */
export async function removeAddress(tx: Tx, actor: string, customerId: number, addressId: number): Promise<void> {
  await lockCustomer(tx, customerId);
  const { rows } = await tx.query<{ isDefault: boolean }>(
    'DELETE FROM customer_addresses WHERE id = $1 AND customer_id = $2 RETURNING is_default AS "isDefault"',
    [addressId, customerId],
  );
  if (!rows[0]) throw new NotFound(`customer ${customerId} address`, addressId);
  await recordEvent(tx, actor, customerId, E.addressRemoved, { addressId, wasDefault: rows[0].isDefault });
}

async function takeDefault(tx: Tx, actor: string, customerId: number, fromAddressId: number) {
  await tx.query('UPDATE customer_addresses SET is_default = false, updated_at = now() WHERE id = $1', [fromAddressId]);
  await recordEvent(tx, actor, customerId, E.addressUpdated, { addressId: fromAddressId, changed: ['isDefault'] });
}
