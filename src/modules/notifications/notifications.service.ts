/**
 * Sending a notification: `sendNotification` renders the customer's template and queues one
 * delivery in the caller's transaction (so a notice exists exactly when the change that caused it
 * commits); the sender (sender.ts) delivers it after commit. Opt-outs and deliveries live here too.
 */
import { z } from 'zod';
import type { Queryable, Tx } from '../../platform/db/client.js';
import { appendEvent } from '../../platform/events/log.js';
import { Invalid, NotFound } from '../../platform/http/errors.js';
import { decodeCursor, pageOf } from '../../platform/http/pagination.js';
import { getCustomerRef, type CustomerRef } from '../customers/customers.service.js';
import { DELIVERY_COLUMNS, recordDeliveryEvent } from './deliveries.js';
import { CHANNELS, NOTIFICATION_EVENTS as E, type Channel, type DeliveryStatus } from './events.js';
import { Variables, type Delivery } from './notifications.schema.js';
import { render } from './render.js';
import { findTemplate } from './templates.service.js';

export { startNotificationSender, type NotificationSender, type SenderOptions } from './sender.js';
export { findTemplate, previewTemplate } from './templates.service.js';

export type NotificationRequest = {
  customerId: number;
  templateKey: string;
  channel: Channel;
  variables?: Record<string, unknown>;
  /** What the notice is about (an order, a return …): kept on the delivery and its events. */
  entityType?: string;
  entityId?: string | number;
};

function recipientOf(customer: CustomerRef, channel: Channel): string | null {
  if (channel === 'email') return customer.email;
  if (channel === 'sms') return customer.phone;
  return null;
}

async function isOptedOut(q: Queryable, customerId: number, channel: Channel): Promise<boolean> {
  return (await q.query('SELECT 1 FROM notification_opt_outs WHERE customer_id = $1 AND channel = $2', [customerId, channel])).rowCount > 0;
}

/**
 * Queues a notice to a customer from the template `templateKey` on `channel`, in their locale.
 * An opted-out customer, or one with no e-mail address or phone for the channel, gets a delivery
 * recorded as skipped (and a `notification.skipped` event) so the timeline says why nothing came.
 */
export async function sendNotification(tx: Tx, actor: string, req: NotificationRequest): Promise<Delivery> {
  if (!CHANNELS.includes(req.channel)) throw new Invalid('channel', `channel is one of ${CHANNELS.join(', ')}`);
  if (req.entityType !== undefined && (req.entityType.length < 1 || req.entityType.length > 64)) throw new Invalid('entityType', 'entityType is 1 to 64 characters');
  if (req.entityId !== undefined && (String(req.entityId).length < 1 || String(req.entityId).length > 64)) throw new Invalid('entityId', 'entityId is 1 to 64 characters');
  const parsedVars = Variables.safeParse(req.variables ?? {});
  if (!parsedVars.success) throw new Invalid('variables', parsedVars.error.issues[0]!.message);
  const customer = await getCustomerRef(tx, req.customerId);
  if (!customer) throw new NotFound('customer', req.customerId);
  const template = await findTemplate(tx, req.templateKey, req.channel, customer.locale);
  if (!template) throw new NotFound('notification template', `${req.templateKey} (${req.channel})`);

  const variables = { customer: { name: customer.name, code: customer.code }, ...parsedVars.data };
  const rendered = await render(template, variables);
  const recipient = recipientOf(customer, req.channel);
  const status: DeliveryStatus = (await isOptedOut(tx, customer.id, req.channel))
    ? 'skipped_opt_out'
    : req.channel !== 'in_app' && !recipient
      ? 'skipped_no_recipient'
      : 'queued';

  const { rows } = await tx.query<Delivery>(
    `INSERT INTO notification_deliveries
       (customer_id, template_id, template_key, template_version, channel, locale, recipient, subject, body, status, entity_type, entity_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING ${DELIVERY_COLUMNS}`,
    [
      customer.id,
      template.id,
      template.key,
      template.version,
      template.channel,
      template.locale,
      recipient,
      rendered.subject,
      rendered.body,
      status,
      req.entityType ?? null,
      req.entityId === undefined ? null : String(req.entityId),
    ],
  );
  const d = rows[0]!;
  const ref = { deliveryId: d.id, templateKey: d.templateKey, channel: d.channel, entityType: d.entityType, entityId: d.entityId };
  if (status === 'queued') {
    await recordDeliveryEvent(tx, actor, d, E.queued, { ...ref, locale: d.locale, subject: d.subject });
  } else {
    await recordDeliveryEvent(tx, actor, d, E.skipped, { ...ref, reason: status === 'skipped_opt_out' ? 'opt_out' : 'no_recipient' });
  }
  return d;
}

// ---- deliveries ----------------------------------------------------------------------------

const IdCursor = z.object({ id: z.number().int().positive() });
export type DeliveryFilter = { customerId?: number; status?: DeliveryStatus; entityType?: string; entityId?: string };

/** Deliveries, newest first, keyset-paginated. */
export async function listDeliveries(q: Queryable, f: DeliveryFilter, page: { limit: number; cursor?: string }) {
  const before = decodeCursor(page.cursor, IdCursor);
  const params: unknown[] = [];
  const param = (v: unknown) => `$${params.push(v)}`;
  const where: string[] = [];
  if (f.customerId !== undefined) where.push(`customer_id = ${param(f.customerId)}`);
  if (f.status !== undefined) where.push(`status = ${param(f.status)}`);
  if (f.entityType !== undefined) where.push(`entity_type = ${param(f.entityType)}`);
  if (f.entityId !== undefined) where.push(`entity_id = ${param(f.entityId)}`);
  if (before) where.push(`id < ${param(before.id)}`);
  const { rows } = await q.query<Delivery>(
    `SELECT ${DELIVERY_COLUMNS} FROM notification_deliveries ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY id DESC LIMIT ${param(page.limit + 1)}`,
    params,
  );
  return pageOf(rows, page.limit, (last) => ({ id: last.id }));
}

export async function getDelivery(q: Queryable, id: number): Promise<Delivery> {
  const { rows } = await q.query<Delivery>(`SELECT ${DELIVERY_COLUMNS} FROM notification_deliveries WHERE id = $1`, [id]);
  if (!rows[0]) throw new NotFound('notification', id);
  return rows[0];
}

// ---- a customer's preferences --------------------------------------------------------------

export type Preferences = { customerId: number; optedOut: Channel[] };

export async function getPreferences(q: Queryable, customerId: number): Promise<Preferences> {
  if (!(await getCustomerRef(q, customerId))) throw new NotFound('customer', customerId);
  const { rows } = await q.query<{ channel: Channel }>('SELECT channel FROM notification_opt_outs WHERE customer_id = $1', [customerId]);
  const out = new Set(rows.map((r) => r.channel));
  return { customerId, optedOut: CHANNELS.filter((c) => out.has(c)) };
}

/** Replaces the channels the customer has opted out of; no change, no event. */
export async function setPreferences(tx: Tx, actor: string, customerId: number, optedOut: Channel[]): Promise<Preferences> {
  // Two replacements of one customer's list apply one after the other, never mixed.
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('notification_opt_outs:' || $1::text, 0))`, [customerId]);
  const current = await getPreferences(tx, customerId);
  const wanted = CHANNELS.filter((c) => optedOut.includes(c));
  if (wanted.join() === current.optedOut.join()) return current;
  await tx.query('DELETE FROM notification_opt_outs WHERE customer_id = $1 AND NOT (channel = ANY($2::text[]))', [customerId, wanted]);
  await tx.query(
    `INSERT INTO notification_opt_outs (customer_id, channel) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`,
    [customerId, wanted],
  );
  await appendEvent(tx, actor, { type: E.preferencesUpdated, entityType: 'customer', entityId: customerId, customerId, payload: { optedOut: wanted } });
  return { customerId, optedOut: wanted };
}
