/**
 * Customers: commands that change them (each writing its event, with the customer's id, in the
 * caller's transaction), the queries behind the customer screen, and the look-ups other modules
 * use (`getCustomerRef`, `getCustomerAddress`).
 */
import { z } from 'zod';
import type { Queryable, Tx } from '../../platform/db/client.js';
import { listEvents, type EventFilter, type StoredEvent } from '../../platform/events/log.js';
import { Conflict, Invalid, NotFound } from '../../platform/http/errors.js';
import { decodeCursor, pageOf } from '../../platform/http/pagination.js';
import { addAddress, listAddresses } from './addresses.service.js';
import { addContact, listContacts } from './contacts.service.js';
import {
  CustomerPatchInput,
  MAX_TAGS,
  NewCustomerInput,
  normaliseTag,
  Tags,
  type Customer,
  type CustomerPatch,
  type CustomerSummary,
  type NewCustomer,
  type Note,
} from './customers.schema.js';
import { CUSTOMER_EVENTS as E, type Locale } from './events.js';
import { assertCustomerExists, changes, check, lockCustomer, recordEvent, setList } from './shared.js';

export type { Address, Contact, Customer, CustomerSummary, NewCustomer, CustomerPatch, Note } from './customers.schema.js';
export { addAddress, getCustomerAddress, getDefaultAddresses, removeAddress, updateAddress } from './addresses.service.js';
export { addContact, removeContact, updateContact } from './contacts.service.js';

export type CustomerRef = { id: number; code: string; name: string; phone: string | null; email: string | null; locale: Locale; tags: string[] };
export type CustomerFilter = { q?: string; tag?: string };
type Page = { limit: number; cursor?: string };

const REF_COLUMNS = `c.id, c.code, c.name, c.phone, c.email, c.locale, c.tags`;
const COLUMNS = `${REF_COLUMNS}, c.chat_id AS "chatId", c.type, c.created_at AS "createdAt", c.updated_at AS "updatedAt"`;
const COLUMN_OF = { name: 'name', type: 'type', phone: 'phone', email: 'email', locale: 'locale', chatId: 'chat_id' } as const;
const IdCursor = z.object({ id: z.number().int().positive() });

/** A LIKE pattern that matches `text` literally (with ESCAPE '\'). */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// ---- look-ups for other modules ------------------------------------------------------------

export async function getCustomerRef(q: Queryable, id: number): Promise<CustomerRef | undefined> {
  return (await q.query<CustomerRef>(`SELECT ${REF_COLUMNS} FROM customers c WHERE c.id = $1`, [id])).rows[0];
}

/**
 * Customers by the keys people put in files: codes (exact), and phones (exact, as stored) — a
 * phone may name several customers, and the caller decides what that means.
 */
export async function findCustomersByKeys(q: Queryable, keys: { codes: readonly string[]; phones: readonly string[] }): Promise<{ byCode: Map<string, CustomerRef>; byPhone: Map<string, CustomerRef[]> }> {
  const { rows } = await q.query<CustomerRef>(
    `SELECT ${REF_COLUMNS} FROM customers c WHERE c.code = ANY($1::text[]) OR c.phone = ANY($2::text[]) ORDER BY c.id`,
    [[...new Set(keys.codes)], [...new Set(keys.phones)]],
  );
  const byCode = new Map(rows.map((c) => [c.code, c]));
  const byPhone = new Map<string, CustomerRef[]>();
  for (const c of rows) if (c.phone) byPhone.set(c.phone, [...(byPhone.get(c.phone) ?? []), c]);
  return { byCode, byPhone };
}

/** Where the customer's chat notices go: their chat id, null when they have none; undefined for an unknown customer. */
export async function getCustomerChatId(q: Queryable, id: number): Promise<string | null | undefined> {
  return (await q.query<{ chatId: string | null }>(`SELECT chat_id AS "chatId" FROM customers WHERE id = $1`, [id])).rows[0]?.chatId;
}

// ---- queries -------------------------------------------------------------------------------

/** The customer with their contacts, addresses and tags. */
export async function getCustomer(q: Queryable, id: number): Promise<Customer> {
  const { rows } = await q.query<CustomerSummary>(`SELECT ${COLUMNS} FROM customers c WHERE c.id = $1`, [id]);
  if (!rows[0]) throw new NotFound('customer', id);
  return { ...rows[0], contacts: await listContacts(q, id), addresses: await listAddresses(q, id) };
}

/**
 * Customers, newest first, keyset-paginated. `q` matches part of the name, e-mail or phone (the
 * phone also by its digits alone), or the start of the code, in any case; `tag` is exact.
 */
export async function listCustomers(q: Queryable, f: CustomerFilter, page: Page) {
  const before = decodeCursor(page.cursor, IdCursor);
  const params: unknown[] = [];
  const param = (v: unknown) => `$${params.push(v)}`;
  const where: string[] = [];
  if (f.q) {
    const contains = param(`%${likeLiteral(f.q)}%`);
    const or = [`c.name ILIKE ${contains} ESCAPE '\\'`, `c.email ILIKE ${contains} ESCAPE '\\'`, `c.phone LIKE ${contains} ESCAPE '\\'`];
    or.push(`c.code ILIKE ${param(`${likeLiteral(f.q)}%`)} ESCAPE '\\'`);
    const digits = f.q.replace(/\D/g, '');
    if (/^[+0-9 ()-]+$/.test(f.q) && digits.length >= 3) or.push(`regexp_replace(c.phone, '[^0-9]', '', 'g') LIKE ${param(`%${digits}%`)}`);
    where.push(`(${or.join(' OR ')})`);
  }
  if (f.tag !== undefined) where.push(`c.tags @> ARRAY[${param(normaliseTag(f.tag))}]::text[]`);
  if (before) where.push(`c.id < ${param(before.id)}`);
  const { rows } = await q.query<CustomerSummary>(
    `SELECT ${COLUMNS} FROM customers c ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY c.id DESC LIMIT ${param(page.limit + 1)}`,
    params,
  );
  return pageOf(rows, page.limit, (last) => ({ id: last.id }));
}

/** Every event about the customer, newest first; the cursor holds the last event id seen. */
/** `warehouseScope`: for a reader limited to some warehouses, the events of other warehouses' orders, returns and deposits are left out. */
export async function customerTimeline(q: Queryable, customerId: number, page: Page, warehouseScope?: EventFilter['warehouseScope']) {
  await assertCustomerExists(q, customerId);
  const before = decodeCursor(page.cursor, IdCursor);
  const rows: StoredEvent[] = await listEvents(q, { customerId, warehouseScope }, { before: before?.id, limit: page.limit + 1 });
  return pageOf(rows, page.limit, (last) => ({ id: last.id }));
}

export async function listNotes(q: Queryable, customerId: number, page: Page) {
  await assertCustomerExists(q, customerId);
  const before = decodeCursor(page.cursor, IdCursor);
  const { rows } = await q.query<Note>(
    `SELECT id, customer_id AS "customerId", body, author, created_at AS "createdAt" FROM customer_notes
     WHERE customer_id = $1 AND ($2::bigint IS NULL OR id < $2) ORDER BY id DESC LIMIT $3`,
    [customerId, before?.id ?? null, page.limit + 1],
  );
  return pageOf(rows, page.limit, (last) => ({ id: last.id }));
}

// ---- commands ------------------------------------------------------------------------------

/**
 * Creates a customer, with their first tags, contacts and addresses. Without a code one is
 * generated (C000123); a code already in use is a 409 naming it.
 */
export async function createCustomer(tx: Tx, actor: string, input: NewCustomer): Promise<Customer> {
  const c = check(NewCustomerInput, input);
  const { id, code } = await insertCustomer(tx, c);
  await recordEvent(tx, actor, id, E.customerCreated, { code, name: c.name, type: c.type });
  if (c.tags?.length) await addCustomerTags(tx, actor, id, c.tags);
  for (const contact of c.contacts ?? []) await addContact(tx, actor, id, contact);
  for (const address of c.addresses ?? []) await addAddress(tx, actor, id, address);
  return getCustomer(tx, id);
}

async function insertCustomer(tx: Tx, c: z.output<typeof NewCustomerInput>): Promise<{ id: number; code: string }> {
  const insert = (code: string) =>
    tx.query<{ id: number; code: string }>(
      `INSERT INTO customers (code, name, type, phone, email, locale, chat_id) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (code) DO NOTHING RETURNING id, code`,
      [code, c.name, c.type, c.phone ?? null, c.email ?? null, c.locale, c.chatId ?? null],
    );
  if (c.code !== undefined) {
    const { rows } = await insert(c.code);
    if (!rows[0]) throw new Conflict(`a customer with code ${c.code} already exists`, { field: 'code', code: c.code });
    return rows[0];
  }
  // A generated code can meet one given by hand earlier: take the next number.
  for (let attempt = 0; attempt < 100; attempt++) {
    const { rows: seq } = await tx.query<{ n: number }>(`SELECT nextval('customer_code_seq') AS n`);
    const { rows } = await insert(`C${String(seq[0]!.n).padStart(6, '0')}`);
    if (rows[0]) return rows[0];
  }
  throw new Conflict('no free customer code found; give one explicitly', { field: 'code' });
}

/** Changes a customer's own fields; `customer.updated` lists those that changed. No change, no event. */
export async function updateCustomer(tx: Tx, actor: string, id: number, patch: CustomerPatch): Promise<Customer> {
  const p = check(CustomerPatchInput, patch);
  await lockCustomer(tx, id);
  const { rows } = await tx.query<CustomerSummary>(`SELECT ${COLUMNS} FROM customers c WHERE c.id = $1`, [id]);
  const { changed, sets, values } = changes(rows[0]!, p, COLUMN_OF);
  if (changed.length) {
    await tx.query(`UPDATE customers SET ${setList(sets)} WHERE id = $1`, [id, ...values]);
    await recordEvent(tx, actor, id, E.customerUpdated, { changed });
  }
  return getCustomer(tx, id);
}

/** Adds tags (normalised; ones it already has are no change). Returns all the customer's tags. */
export async function addCustomerTags(tx: Tx, actor: string, customerId: number, tags: string[]): Promise<string[]> {
  const wanted = check(Tags, tags);
  await lockCustomer(tx, customerId);
  const current = (await getCustomerRef(tx, customerId))!.tags;
  const added = [...new Set(wanted)].filter((t) => !current.includes(t));
  if (added.length === 0) return current;
  const next = [...current, ...added].sort();
  if (next.length > MAX_TAGS) throw new Invalid('tags', `a customer has at most ${MAX_TAGS} tags`);
  await tx.query('UPDATE customers SET tags = $2::text[], updated_at = now() WHERE id = $1', [customerId, next]);
  await recordEvent(tx, actor, customerId, E.customerTagged, { tags: added.sort() });
  return next;
}

/** Removes a tag; one the customer does not have is a 404. Returns the remaining tags. */
export async function removeCustomerTag(tx: Tx, actor: string, customerId: number, tag: string): Promise<string[]> {
  const t = normaliseTag(tag);
  await lockCustomer(tx, customerId);
  const current = (await getCustomerRef(tx, customerId))!.tags;
  if (!current.includes(t)) throw new NotFound(`customer ${customerId} tag`, t);
  const next = current.filter((x) => x !== t);
  await tx.query('UPDATE customers SET tags = $2::text[], updated_at = now() WHERE id = $1', [customerId, next]);
  await recordEvent(tx, actor, customerId, E.customerUntagged, { tags: [t] });
  return next;
}

export async function addNote(tx: Tx, actor: string, customerId: number, body: string): Promise<Note> {
  const text = check(z.string().trim().min(1).max(5000), body);
  await assertCustomerExists(tx, customerId);
  const { rows } = await tx.query<Note>(
    `INSERT INTO customer_notes (customer_id, body, author) VALUES ($1, $2, $3)
     RETURNING id, customer_id AS "customerId", body, author, created_at AS "createdAt"`,
    [customerId, text, actor],
  );
  const note = rows[0]!;
  await recordEvent(tx, actor, customerId, E.noteAdded, { noteId: note.id, body: note.body });
  return note;
}
