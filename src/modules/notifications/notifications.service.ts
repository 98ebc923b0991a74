/**
 * Sending a notification: `sendNotification` renders the customer's template and queues one
 * delivery in the caller's transaction (so a notice exists exactly when the change that caused it
 * commits); the sender (sender.ts) delivers it after commit. Opt-outs and deliveries live here too.
 */
import { z } from 'zod';
import type { Queryable, Tx } from '../../platform/db/client.js';
import { appendEvent, type EventFilter } from '../../platform/events/log.js';
import { Invalid, NotFound } from '../../platform/http/errors.js';
import { decodeCursor, pageOf } from '../../platform/http/pagination.js';
import { getUsers, type User } from '../../platform/auth/auth.service.js';
import { getCustomerChatId, getCustomerRef, type CustomerRef } from '../customers/index.js';
import { getTeamChatTarget, getTeamRecipients } from '../tasks/index.js';
import { DELIVERY_COLUMNS, deliveryRef, deliveryScopeCondition, recordDeliveryEvent } from './deliveries.js';
import { CHANNELS, NOTIFICATION_EVENTS as E, TEMPLATE_LOCALES, type Channel, type DeliveryStatus, type TemplateLocale } from './events.js';
import { Variables, type Delivery, type Template } from './notifications.schema.js';
import { render } from './render.js';
import { withSecretsAs } from '../../platform/auth/secrets.js';
import { findTemplate } from './templates.service.js';

export { startNotificationSender, type NotificationSender, type SenderConfig, type SenderOptions } from './sender.js';
export { findTemplate, previewTemplate } from './templates.service.js';

export type NotificationRequest = {
  customerId: number;
  templateKey: string;
  channel: Channel;
  /**
   * What the template renders with. A customer's secret among them (a voucher) is a `Secret`: the
   * message sent carries its value, once; the notice log (its subject, body and events) is the
   * template rendered again with its mask in its place.
   */
  variables?: Record<string, unknown>;
  /** What the notice is about (an order, a return …): kept on the delivery and its events. */
  entityType?: string;
  entityId?: string | number;
};

/** A notice to staff: a user (e-mail or in-app) or a team (each member, or the team's group chat). */
export type StaffNotice = {
  templateKey: string;
  /** `in_app` when not given. A user gets `email` or `in_app`; a team also `chat` (its group chat). */
  channel?: Channel;
  variables?: Record<string, unknown>;
  entityType?: string;
  entityId?: string | number;
  /** The language of a team's chat message (a group has no locale of its own); zh-CN when not given. */
  locale?: TemplateLocale;
};

type To = { customerId: number } | { userId: number } | { team: string };

function recipientOf(customer: CustomerRef, channel: 'email' | 'sms'): string | null {
  return channel === 'email' ? customer.email : customer.phone;
}

async function isOptedOut(q: Queryable, customerId: number, channel: Channel): Promise<boolean> {
  return (await q.query('SELECT 1 FROM notification_opt_outs WHERE customer_id = $1 AND channel = $2', [customerId, channel])).rowCount > 0;
}

/** Checks what every request shares; returns its variables. */
function checkRequest(req: { channel?: Channel; variables?: Record<string, unknown>; entityType?: string; entityId?: string | number }) {
  if (req.channel !== undefined && !CHANNELS.includes(req.channel)) throw new Invalid('channel', `channel is one of ${CHANNELS.join(', ')}`);
  if (req.entityType !== undefined && (req.entityType.length < 1 || req.entityType.length > 64)) throw new Invalid('entityType', 'entityType is 1 to 64 characters');
  if (req.entityId !== undefined && (String(req.entityId).length < 1 || String(req.entityId).length > 64)) throw new Invalid('entityId', 'entityId is 1 to 64 characters');
  const parsedVars = Variables.safeParse(req.variables ?? {});
  if (!parsedVars.success) throw new Invalid('variables', parsedVars.error.issues[0]!.message);
  return parsedVars.data;
}

async function templateFor(q: Queryable, key: string, channel: Channel, locale: TemplateLocale): Promise<Template> {
  const template = await findTemplate(q, key, channel, locale);
  if (!template) throw new NotFound('notification template', `${key} (${channel})`);
  return template;
}

/** Renders the template and records the delivery (queued or skipped) with its event. */
async function recordDelivery(
  tx: Tx,
  actor: string,
  d: {
    to: To;
    template: Template;
    variables: Record<string, unknown>;
    recipient: string | null;
    status: DeliveryStatus;
    entityType?: string;
    entityId?: string | number;
  },
): Promise<Delivery> {
  // The log is the template rendered with each secret's mask in its place: whatever the template
  // does with the value, the log's text never had it. The text to send, rendered with the secrets
  // themselves, is kept apart (never read back by any API) only while it waits to be sent.
  let hasSecrets = false;
  const masked = withSecretsAs(d.variables, (secret) => {
    hasSecrets = true;
    return String(secret);
  });
  const logged = await render(d.template, masked as Record<string, unknown>);
  const rendered = hasSecrets ? await render(d.template, withSecretsAs(d.variables, (secret) => secret.reveal()) as Record<string, unknown>) : logged;
  const carriesSecret = logged.subject !== rendered.subject || logged.body !== rendered.body;
  const outgoing = carriesSecret && d.status === 'queued' ? rendered : { subject: null, body: null };
  const { rows } = await tx.query<Delivery>(
    `INSERT INTO notification_deliveries
       (customer_id, user_id, team, template_id, template_key, template_version, channel, locale, recipient, subject, body, status, entity_type, entity_id,
        outgoing_subject, outgoing_body)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING ${DELIVERY_COLUMNS}`,
    [
      'customerId' in d.to ? d.to.customerId : null,
      'userId' in d.to ? d.to.userId : null,
      'team' in d.to ? d.to.team : null,
      d.template.id,
      d.template.key,
      d.template.version,
      d.template.channel,
      d.template.locale,
      d.recipient,
      logged.subject,
      logged.body,
      d.status,
      d.entityType ?? null,
      d.entityId === undefined ? null : String(d.entityId),
      outgoing.subject,
      outgoing.body,
    ],
  );
  const delivery = rows[0]!;
  const ref = deliveryRef(delivery);
  if (d.status === 'queued') {
    await recordDeliveryEvent(tx, actor, delivery, E.queued, { ...ref, locale: delivery.locale, subject: delivery.subject });
  } else {
    await recordDeliveryEvent(tx, actor, delivery, E.skipped, { ...ref, reason: d.status === 'skipped_opt_out' ? 'opt_out' : 'no_recipient' });
  }
  return delivery;
}

/**
 * Queues a notice to a customer from the template `templateKey` on `channel`, in their locale.
 * An opted-out customer, or one with no e-mail address, phone or chat id for the channel, gets a
 * delivery recorded as skipped (and a `notification.skipped` event) so the timeline says why nothing came.
 */
export async function sendNotification(tx: Tx, actor: string, req: NotificationRequest): Promise<Delivery> {
  if (!CHANNELS.includes(req.channel)) throw new Invalid('channel', `channel is one of ${CHANNELS.join(', ')}`);
  const vars = checkRequest(req);
  const customer = await getCustomerRef(tx, req.customerId);
  if (!customer) throw new NotFound('customer', req.customerId);
  const template = await templateFor(tx, req.templateKey, req.channel, customer.locale);
  const recipient =
    req.channel === 'in_app' ? null : req.channel === 'chat' ? ((await getCustomerChatId(tx, customer.id)) ?? null) : recipientOf(customer, req.channel);
  const status: DeliveryStatus = (await isOptedOut(tx, customer.id, req.channel))
    ? 'skipped_opt_out'
    : req.channel !== 'in_app' && !recipient
      ? 'skipped_no_recipient'
      : 'queued';
  return recordDelivery(tx, actor, {
    to: { customerId: customer.id },
    template,
    variables: { customer: { name: customer.name, code: customer.code }, ...vars },
    recipient,
    status,
    entityType: req.entityType,
    entityId: req.entityId,
  });
}

const USER_CHANNELS: readonly Channel[] = ['email', 'in_app'];

function localeOf(user: User): TemplateLocale {
  return (TEMPLATE_LOCALES as readonly string[]).includes(user.locale) ? (user.locale as TemplateLocale) : 'zh-CN';
}

async function noticeToUser(
  tx: Tx,
  actor: string,
  user: User,
  channel: Channel,
  req: StaffNotice,
  vars: Record<string, unknown>,
  templates: Map<TemplateLocale, Template>,
): Promise<Delivery> {
  const locale = localeOf(user);
  let template = templates.get(locale);
  if (!template) templates.set(locale, (template = await templateFor(tx, req.templateKey, channel, locale)));
  return recordDelivery(tx, actor, {
    to: { userId: user.id },
    template,
    variables: { user: { id: user.id, name: user.name }, ...vars },
    recipient: channel === 'email' ? user.email : null,
    // A deactivated user gets nothing, and the log says so.
    status: user.active ? 'queued' : 'skipped_no_recipient',
    entityType: req.entityType,
    entityId: req.entityId,
  });
}

function staffChannel(req: StaffNotice, allowed: readonly Channel[], hint: string): Channel {
  const channel = req.channel ?? 'in_app';
  if (!allowed.includes(channel)) throw new Invalid('channel', `${hint}: ${allowed.join(', ')}`);
  return channel;
}

/** Queues a notice to a staff user, by e-mail to their address or in-app, in their locale. */
export async function notifyUser(tx: Tx, actor: string, req: StaffNotice & { userId: number }): Promise<Delivery> {
  const vars = checkRequest(req);
  const channel = staffChannel(req, USER_CHANNELS, 'a user is notified by');
  const [user] = await getUsers(tx, [req.userId]);
  if (!user) throw new NotFound('user', req.userId);
  return noticeToUser(tx, actor, user, channel, req, vars, new Map());
}

/**
 * Queues a notice to a team: with `chat`, one message to the team's group chat (skipped when the
 * team has no chat robot); by e-mail or in-app, one delivery per active member, each in the
 * member's locale. Returns the deliveries (none for a team without active members).
 */
export async function notifyTeam(tx: Tx, actor: string, req: StaffNotice & { team: string }): Promise<Delivery[]> {
  const vars = checkRequest(req);
  const channel = staffChannel(req, [...USER_CHANNELS, 'chat'], 'a team is notified by');
  if (req.locale !== undefined && !TEMPLATE_LOCALES.includes(req.locale)) throw new Invalid('locale', `locale is one of ${TEMPLATE_LOCALES.join(', ')}`);
  const team = await getTeamRecipients(tx, req.team);
  if (channel === 'chat') {
    const locale = req.locale ?? 'zh-CN';
    const target = await getTeamChatTarget(tx, team.code);
    const delivery = await recordDelivery(tx, actor, {
      to: { team: team.code },
      template: await templateFor(tx, req.templateKey, 'chat', locale),
      variables: { team: { code: team.code, name: locale === 'en' ? team.nameEn : team.nameZh }, ...vars },
      recipient: null,
      status: target ? 'queued' : 'skipped_no_recipient',
      entityType: req.entityType,
      entityId: req.entityId,
    });
    return [delivery];
  }
  const templates = new Map<TemplateLocale, Template>();
  const out: Delivery[] = [];
  for (const user of team.members) {
    const teamVars = { team: { code: team.code, name: localeOf(user) === 'en' ? team.nameEn : team.nameZh }, ...vars };
    out.push(await noticeToUser(tx, actor, user, channel, req, teamVars, templates));
  }
  return out;
}

// ---- deliveries ----------------------------------------------------------------------------

const IdCursor = z.object({ id: z.number().int().positive() });
export type DeliveryFilter = { customerId?: number; userId?: number; team?: string; status?: DeliveryStatus; entityType?: string; entityId?: string };
/** A reader limited to some warehouses (`eventScope` of the caller; undefined: every warehouse): see `deliveryScopeCondition`. */
export type DeliveryScope = EventFilter['warehouseScope'];

/** Deliveries, newest first, keyset-paginated. */
export async function listDeliveries(q: Queryable, f: DeliveryFilter & { warehouseScope?: DeliveryScope }, page: { limit: number; cursor?: string }) {
  const before = decodeCursor(page.cursor, IdCursor);
  const params: unknown[] = [];
  const param = (v: unknown) => `$${params.push(v)}`;
  const where: string[] = [];
  const scoped = deliveryScopeCondition(f.warehouseScope, params);
  if (scoped) where.push(scoped);
  if (f.customerId !== undefined) where.push(`customer_id = ${param(f.customerId)}`);
  if (f.userId !== undefined) where.push(`user_id = ${param(f.userId)}`);
  if (f.team !== undefined) where.push(`team = ${param(f.team)}`);
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

/** One delivery; one outside the reader's warehouses (`scope`) is answered as an unknown one. */
export async function getDelivery(q: Queryable, id: number, scope?: DeliveryScope): Promise<Delivery> {
  const params: unknown[] = [id];
  const scoped = deliveryScopeCondition(scope, params);
  const { rows } = await q.query<Delivery>(`SELECT ${DELIVERY_COLUMNS} FROM notification_deliveries WHERE id = $1 ${scoped ? `AND ${scoped}` : ''}`, params);
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
