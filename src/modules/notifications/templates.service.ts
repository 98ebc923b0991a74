/**
 * Notification templates: one per (key, channel, locale), Liquid subject and body, versioned on
 * every change. `findTemplate` picks the one for a customer's locale, falling back to zh-CN, then en.
 */
import { z } from 'zod';
import type { Queryable, Tx } from '../../platform/db/client.js';
import { appendEvent } from '../../platform/events/log.js';
import { Conflict, Invalid, NotFound } from '../../platform/http/errors.js';
import { decodeCursor, pageOf } from '../../platform/http/pagination.js';
import { FALLBACK_LOCALES, NOTIFICATION_EVENTS as E, type Channel, type TemplateLocale } from './events.js';
import type { NewTemplate, Template, TemplatePatch } from './notifications.schema.js';
import { checkTemplate, render, type Rendered } from './render.js';

const COLUMNS = `id, key, channel, locale, subject, body, version, active, created_at AS "createdAt", updated_at AS "updatedAt"`;
const IdCursor = z.object({ id: z.number().int().positive() });

export type TemplateFilter = { key?: string; channel?: Channel; locale?: TemplateLocale; active?: boolean };

export async function listTemplates(q: Queryable, f: TemplateFilter, page: { limit: number; cursor?: string }) {
  const after = decodeCursor(page.cursor, IdCursor);
  const params: unknown[] = [];
  const param = (v: unknown) => `$${params.push(v)}`;
  const where: string[] = [];
  if (f.key !== undefined) where.push(`key = ${param(f.key)}`);
  if (f.channel !== undefined) where.push(`channel = ${param(f.channel)}`);
  if (f.locale !== undefined) where.push(`locale = ${param(f.locale)}`);
  if (f.active !== undefined) where.push(`active = ${param(f.active)}`);
  if (after) where.push(`id > ${param(after.id)}`);
  const { rows } = await q.query<Template>(
    `SELECT ${COLUMNS} FROM notification_templates ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT ${param(page.limit + 1)}`,
    params,
  );
  return pageOf(rows, page.limit, (last) => ({ id: last.id }));
}

export async function getTemplate(q: Queryable, id: number): Promise<Template> {
  const { rows } = await q.query<Template>(`SELECT ${COLUMNS} FROM notification_templates WHERE id = $1`, [id]);
  if (!rows[0]) throw new NotFound('notification template', id);
  return rows[0];
}

/** The active template for the key and channel in `locale`, else in zh-CN, else in en. */
export async function findTemplate(q: Queryable, key: string, channel: Channel, locale: TemplateLocale): Promise<Template | undefined> {
  const order = [locale, ...FALLBACK_LOCALES.filter((l) => l !== locale)];
  const { rows } = await q.query<Template>(
    `SELECT ${COLUMNS} FROM notification_templates WHERE key = $1 AND channel = $2 AND active AND locale = ANY($3::text[])
     ORDER BY array_position($3::text[], locale) LIMIT 1`,
    [key, channel, order],
  );
  return rows[0];
}

function assertSubject(channel: Channel, subject: string | null | undefined) {
  if (channel === 'email' && !subject) throw new Invalid('subject', 'an e-mail template needs a subject');
}

export async function createTemplate(tx: Tx, actor: string, t: NewTemplate): Promise<Template> {
  assertSubject(t.channel, t.subject);
  checkTemplate({ subject: t.subject ?? null, body: t.body });
  const { rows } = await tx.query<Template>(
    `INSERT INTO notification_templates (key, channel, locale, subject, body, active) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (key, channel, locale) DO NOTHING RETURNING ${COLUMNS}`,
    [t.key, t.channel, t.locale, t.subject ?? null, t.body, t.active],
  );
  const created = rows[0];
  if (!created) {
    throw new Conflict(`a ${t.channel} template ${t.key} in ${t.locale} already exists; change it instead`, { field: 'key', key: t.key });
  }
  await appendEvent(tx, actor, {
    type: E.templateCreated,
    entityType: 'notification_template',
    entityId: created.id,
    payload: { key: t.key, channel: t.channel, locale: t.locale },
  });
  return created;
}

/** Changes subject, body or active; any real change is a new version. */
export async function updateTemplate(tx: Tx, actor: string, id: number, patch: TemplatePatch): Promise<Template> {
  const { rows } = await tx.query<Template>(`SELECT ${COLUMNS} FROM notification_templates WHERE id = $1 FOR UPDATE`, [id]);
  const current = rows[0];
  if (!current) throw new NotFound('notification template', id);
  const changed = (['subject', 'body', 'active'] as const).filter((f) => patch[f] !== undefined && patch[f] !== current[f]);
  if (!changed.length) return current;
  const next = { subject: patch.subject !== undefined ? patch.subject : current.subject, body: patch.body ?? current.body, active: patch.active ?? current.active };
  assertSubject(current.channel, next.subject);
  checkTemplate(next);
  const { rows: updated } = await tx.query<Template>(
    `UPDATE notification_templates SET subject = $2, body = $3, active = $4, version = version + 1, updated_at = now()
     WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, next.subject, next.body, next.active],
  );
  const t = updated[0]!;
  await appendEvent(tx, actor, {
    type: E.templateUpdated,
    entityType: 'notification_template',
    entityId: id,
    payload: { key: t.key, channel: t.channel, locale: t.locale, version: t.version, changed },
  });
  return t;
}

export type PreviewRequest = {
  key: string;
  channel: Channel;
  locale: TemplateLocale;
  variables: Record<string, unknown>;
  subject?: string | null;
  body?: string;
};

/**
 * Renders the stored template for exactly this key, channel and locale, or the draft subject and
 * body given instead (to try a change before saving it). Bad Liquid is a 422 naming the field.
 */
export async function previewTemplate(q: Queryable, p: PreviewRequest): Promise<Rendered & { templateId: number | null; version: number | null }> {
  const { rows } = await q.query<Template>(`SELECT ${COLUMNS} FROM notification_templates WHERE key = $1 AND channel = $2 AND locale = $3`, [
    p.key,
    p.channel,
    p.locale,
  ]);
  const stored = rows[0];
  if (!stored && p.body === undefined) throw new NotFound('notification template', `${p.key} (${p.channel}, ${p.locale})`);
  const subject = p.subject !== undefined ? p.subject : (stored?.subject ?? null);
  const body = p.body ?? stored!.body;
  const drafted = p.subject !== undefined || p.body !== undefined;
  const rendered = await render({ subject, body }, p.variables);
  return { ...rendered, templateId: drafted ? null : stored!.id, version: drafted ? null : stored!.version };
}
