/** What the customers module's services share: input checks, the customer lock, typed events. */
import type { z } from 'zod';
import type { Queryable, Tx } from '../../platform/db/client.js';
import { appendEvent } from '../../platform/events/log.js';
import { Invalid, NotFound } from '../../platform/http/errors.js';
import type { CustomerEvent, CustomerEventPayloads } from './events.js';

/** Inputs from other modules (the seed, imports, flows) get the same checks as the API's. */
export function check<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  throw new Invalid(issue.path.join('.') || 'body', issue.message);
}

/**
 * Locks the customer row until the transaction ends: changes to one customer's tags, contacts
 * and addresses then apply one after the other (one default address, no lost tag).
 */
export async function lockCustomer(tx: Tx, customerId: number): Promise<void> {
  const { rowCount } = await tx.query('SELECT 1 FROM customers WHERE id = $1 FOR UPDATE', [customerId]);
  if (rowCount === 0) throw new NotFound('customer', customerId);
}

export async function assertCustomerExists(q: Queryable, customerId: number): Promise<void> {
  const { rowCount } = await q.query('SELECT 1 FROM customers WHERE id = $1', [customerId]);
  if (rowCount === 0) throw new NotFound('customer', customerId);
}

export async function recordEvent<T extends CustomerEvent>(tx: Tx, actor: string, customerId: number, type: T, payload: CustomerEventPayloads[T]) {
  await appendEvent(tx, actor, { type, entityType: 'customer', entityId: customerId, customerId, payload });
}

/**
 * The fields of `patch` whose value differs from `current`, with their new values, in the order of
 * `columns` (field → column): the SET list of an UPDATE and the `changed` of its event.
 */
export function changes<F extends string>(
  current: NoInfer<Record<F, unknown>>,
  patch: NoInfer<Partial<Record<F, unknown>>>,
  columns: Record<F, string>,
): { changed: F[]; sets: string[]; values: unknown[] } {
  const changed: F[] = [];
  const sets: string[] = [];
  const values: unknown[] = [];
  for (const field of Object.keys(columns) as F[]) {
    const next = patch[field];
    if (next === undefined || next === current[field]) continue;
    changed.push(field);
    values.push(next);
    sets.push(columns[field]);
  }
  return { changed, sets, values };
}

/** `UPDATE … SET a = $2, b = $3` for `changes()`, the row id being $1. */
export function setList(sets: string[]): string {
  return [...sets.map((col, i) => `${col} = $${i + 2}`), 'updated_at = now()'].join(', ');
}
