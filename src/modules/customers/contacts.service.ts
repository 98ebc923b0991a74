/** A customer's contacts (the people to talk to at a company customer, or a person's alternates). */
import type { Queryable, Tx } from '../../platform/db/client.js';
import { Conflict, NotFound } from '../../platform/http/errors.js';
import { ContactPatchInput, MAX_CONTACTS, NewContactInput, type Contact, type ContactPatch, type NewContact } from './customers.schema.js';
import { CUSTOMER_EVENTS as E } from './events.js';
import { changes, check, lockCustomer, recordEvent, setList } from './shared.js';

const COLUMNS = `id, customer_id AS "customerId", name, role, phone, email, created_at AS "createdAt", updated_at AS "updatedAt"`;
const COLUMN_OF = { name: 'name', role: 'role', phone: 'phone', email: 'email' } as const;

export async function listContacts(q: Queryable, customerId: number): Promise<Contact[]> {
  return (await q.query<Contact>(`SELECT ${COLUMNS} FROM customer_contacts WHERE customer_id = $1 ORDER BY id`, [customerId])).rows;
}

export async function addContact(tx: Tx, actor: string, customerId: number, input: NewContact): Promise<Contact> {
  const c = check(NewContactInput, input);
  await lockCustomer(tx, customerId);
  const { rows: n } = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM customer_contacts WHERE customer_id = $1', [customerId]);
  if (n[0]!.n >= MAX_CONTACTS) throw new Conflict(`customer ${customerId} already has ${MAX_CONTACTS} contacts`, { currentState: 'full' });
  const { rows } = await tx.query<Contact>(
    `INSERT INTO customer_contacts (customer_id, name, role, phone, email) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
    [customerId, c.name, c.role ?? null, c.phone ?? null, c.email ?? null],
  );
  const contact = rows[0]!;
  await recordEvent(tx, actor, customerId, E.contactAdded, { contactId: contact.id, name: contact.name });
  return contact;
}

/** Changes a contact; no change, no event. */
export async function updateContact(tx: Tx, actor: string, customerId: number, contactId: number, patch: ContactPatch): Promise<Contact> {
  const p = check(ContactPatchInput, patch);
  await lockCustomer(tx, customerId);
  const current = await getContact(tx, customerId, contactId);
  const { changed, sets, values } = changes(current, p, COLUMN_OF);
  if (changed.length === 0) return current;
  const { rows } = await tx.query<Contact>(`UPDATE customer_contacts SET ${setList(sets)} WHERE id = $1 RETURNING ${COLUMNS}`, [contactId, ...values]);
  await recordEvent(tx, actor, customerId, E.contactUpdated, { contactId, changed });
  return rows[0]!;
}

export async function removeContact(tx: Tx, actor: string, customerId: number, contactId: number): Promise<void> {
  await lockCustomer(tx, customerId);
  const { rowCount } = await tx.query('DELETE FROM customer_contacts WHERE id = $1 AND customer_id = $2', [contactId, customerId]);
  if (rowCount === 0) throw new NotFound(`customer ${customerId} contact`, contactId);
  await recordEvent(tx, actor, customerId, E.contactRemoved, { contactId });
}

async function getContact(q: Queryable, customerId: number, contactId: number): Promise<Contact> {
  const { rows } = await q.query<Contact>(`SELECT ${COLUMNS} FROM customer_contacts WHERE id = $1 AND customer_id = $2`, [contactId, customerId]);
  if (!rows[0]) throw new NotFound(`customer ${customerId} contact`, contactId);
  return rows[0];
}
