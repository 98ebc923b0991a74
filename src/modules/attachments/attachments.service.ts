/**
 * Stores uploaded files (photos, signatures, PDFs) and hands them to other modules by id. A
 * module that takes attachments onto a record links them to it (`linkAttachments`), so a reader
 * limited to some warehouses sees an attachment on another warehouse's record as an unknown one.
 */
import { createHash } from 'node:crypto';
import type { Queryable, Tx } from '../../platform/db/client.js';
import { appendEvent, entityScopeCondition, type EventFilter } from '../../platform/events/log.js';
import { Invalid, NotFound } from '../../platform/http/errors.js';

export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export type Attachment = {
  id: number;
  contentType: AttachmentType;
  size: number;
  sha256: string;
  filename: string | null;
  createdBy: string;
  createdAt: string;
};

export const ATTACHMENT_EVENTS = { uploaded: 'attachment.uploaded' } as const;

const COLUMNS = `id, content_type AS "contentType", size, sha256, filename, created_by AS "createdBy", created_at AS "createdAt"`;

/** The first bytes every file of the type starts with: a file is what it says it is, or refused. */
function looksLike(type: AttachmentType, b: Buffer): boolean {
  switch (type) {
    case 'image/jpeg':
      return b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
    case 'image/png':
      return b.length > 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    case 'image/webp':
      return b.length > 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP';
    case 'application/pdf':
      return b.length > 5 && b.toString('latin1', 0, 5) === '%PDF-';
  }
}

export function isAttachmentType(t: string): t is AttachmentType {
  return (ATTACHMENT_TYPES as readonly string[]).includes(t);
}

/** Decodes a `data:image/png;base64,…` URL (what a signature pad on a screen produces). */
export function fromDataUrl(url: string, field: string): { contentType: AttachmentType; bytes: Buffer } {
  const m = /^data:([a-z]+\/[a-z0-9.+-]+);base64,([A-Za-z0-9+/]+={0,2})$/.exec(url);
  if (!m) throw new Invalid(field, `${field} is a data URL: data:image/png;base64,…`);
  const type = m[1]!;
  if (!isAttachmentType(type)) throw new Invalid(field, `${field} is one of ${ATTACHMENT_TYPES.join(', ')}`);
  return { contentType: type, bytes: Buffer.from(m[2]!, 'base64') };
}

export async function saveAttachment(
  tx: Tx,
  actor: string,
  file: { contentType: string; bytes: Buffer | Uint8Array; filename?: string | null },
  field = 'file',
): Promise<Attachment> {
  const bytes = Buffer.from(file.bytes);
  if (!isAttachmentType(file.contentType)) throw new Invalid(field, `the file's type is one of ${ATTACHMENT_TYPES.join(', ')}`);
  if (bytes.length === 0) throw new Invalid(field, 'the file is empty');
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw new Invalid(field, `the file is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MiB`);
  if (!looksLike(file.contentType, bytes)) throw new Invalid(field, `the file's content is not ${file.contentType}`);
  const filename = file.filename?.trim() || null;
  if (filename !== null && (filename.length > 255 || /[\u0000-\u001f/\\]/.test(filename))) {
    throw new Invalid('filename', 'filename is up to 255 characters, without control characters or slashes');
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const { rows } = await tx.query<Attachment>(
    `INSERT INTO attachments (content_type, filename, size, sha256, bytes, created_by)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
    [file.contentType, filename, bytes.length, sha256, bytes, actor],
  );
  const a = rows[0]!;
  await appendEvent(tx, actor, {
    type: ATTACHMENT_EVENTS.uploaded,
    entityType: 'attachment',
    entityId: a.id,
    payload: { contentType: a.contentType, size: a.size, sha256, filename },
  });
  return a;
}

/** A reader limited to some warehouses (`eventScope` of the caller); undefined: every warehouse. */
export type AttachmentScope = EventFilter['warehouseScope'];

/**
 * The condition that the attachment (`attachments.id`) is visible in `scope`: it is on nothing
 * yet, or on at least one record the reader may see (the event log's rule: a return of their
 * warehouses, a customer …). Undefined for every warehouse.
 */
function scopeCondition(scope: AttachmentScope, params: unknown[]): string | undefined {
  const visible = entityScopeCondition(scope, 'l.entity_type', 'l.entity_id', params);
  return (
    visible &&
    `(NOT EXISTS (SELECT 1 FROM attachment_links l WHERE l.attachment_id = attachments.id)
      OR EXISTS (SELECT 1 FROM attachment_links l WHERE l.attachment_id = attachments.id AND ${visible}))`
  );
}

/**
 * Records that these attachments are on a record (`entityType` and `entityId` as its events name
 * it: `return`, 12), in the caller's transaction; linking one twice changes nothing.
 */
export async function linkAttachments(tx: Tx, ids: readonly number[], entityType: string, entityId: string | number): Promise<void> {
  if (ids.length === 0) return;
  await tx.query(
    `INSERT INTO attachment_links (attachment_id, entity_type, entity_id)
     SELECT DISTINCT id, $2, $3 FROM unnest($1::bigint[]) AS id ON CONFLICT DO NOTHING`,
    [ids, entityType, String(entityId)],
  );
}

/**
 * The attachments with these ids, in the order asked; an unknown id is the caller's bad input.
 * With a `scope`, one on another warehouse's record is answered as an unknown one, so a reader
 * cannot take it onto a record of theirs and read it there.
 */
export async function getAttachments(q: Queryable, ids: readonly number[], field: string, scope?: AttachmentScope): Promise<Attachment[]> {
  if (ids.length === 0) return [];
  const params: unknown[] = [ids];
  const scoped = scopeCondition(scope, params);
  const { rows } = await q.query<Attachment>(`SELECT ${COLUMNS} FROM attachments WHERE id = ANY($1::bigint[]) ${scoped ? `AND ${scoped}` : ''}`, params);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id, i) => {
    const a = byId.get(id);
    if (!a) throw new Invalid(`${field}.${i}`, `attachment ${id} does not exist`);
    return a;
  });
}

/** One attachment; with a `scope`, one on another warehouse's record is answered as an unknown one. */
export async function getAttachment(q: Queryable, id: number, scope?: AttachmentScope): Promise<Attachment> {
  const params: unknown[] = [id];
  const scoped = scopeCondition(scope, params);
  const { rows } = await q.query<Attachment>(`SELECT ${COLUMNS} FROM attachments WHERE id = $1 ${scoped ? `AND ${scoped}` : ''}`, params);
  if (!rows[0]) throw new NotFound('attachment', id);
  return rows[0];
}

/** One attachment with its bytes; `scope` as for `getAttachment`. */
export async function readAttachment(q: Queryable, id: number, scope?: AttachmentScope): Promise<Attachment & { bytes: Buffer }> {
  const params: unknown[] = [id];
  const scoped = scopeCondition(scope, params);
  const { rows } = await q.query<Attachment & { bytes: Uint8Array }>(`SELECT ${COLUMNS}, bytes FROM attachments WHERE id = $1 ${scoped ? `AND ${scoped}` : ''}`, params);
  const row = rows[0];
  if (!row) throw new NotFound('attachment', id);
  return { ...row, bytes: Buffer.from(row.bytes) };
}
