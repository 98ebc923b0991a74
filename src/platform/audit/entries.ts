/**
 * Who did what: the event log as the audit screen reads it, each event with the person or key
 * behind its actor, the credential and address it came from, and the block that seals it.
 */
import { getUsers, listApiKeys } from '../auth/auth.service.js';
import type { Queryable } from '../db/client.js';

export type AuditEntry = {
  id: number;
  type: string;
  entityType: string;
  entityId: string;
  customerId: number | null;
  actor: string;
  /** The user's or the API key's name; null for the machine's own actors. */
  actorName: string | null;
  actorEmail: string | null;
  credential: string | null;
  address: string | null;
  payload: Record<string, unknown>;
  occurredAt: string;
  sealed: boolean;
  blockId: number | null;
};

export type AuditEntryFilter = { entityType?: string; entityId?: string; actor?: string; from?: string; to?: string };

type Row = Omit<AuditEntry, 'actorName' | 'actorEmail' | 'sealed'>;

/** Newest first, keyset-paginated by event id (`before`). */
export async function listAuditEntries(q: Queryable, f: AuditEntryFilter, page: { before?: number; limit: number }): Promise<AuditEntry[]> {
  const params: unknown[] = [];
  const clauses: string[] = [];
  const add = (sql: (p: string) => string, value: unknown) => clauses.push(sql(`$${params.push(value)}`));
  if (f.entityType) add((p) => `e.entity_type = ${p}`, f.entityType);
  if (f.entityId) add((p) => `e.entity_id = ${p}`, f.entityId);
  if (f.actor) add((p) => `e.actor = ${p}`, f.actor);
  if (f.from) add((p) => `e.occurred_at >= ${p}`, f.from);
  if (f.to) add((p) => `e.occurred_at < ${p}`, f.to);
  if (page.before !== undefined) add((p) => `e.id < ${p}`, page.before);
  const limit = `$${params.push(page.limit)}`;
  // Blocks cover the log's commit order end to end: the first block ending at or after an
  // event's position is the one that holds it, if any does.
  const { rows } = await q.query<Row>(
    `SELECT e.id, e.type, e.entity_type AS "entityType", e.entity_id AS "entityId", e.customer_id AS "customerId",
            e.actor, e.credential, e.address, e.payload, e.occurred_at AS "occurredAt", b.id AS "blockId"
       FROM events e
       LEFT JOIN LATERAL (
         SELECT id, event_ids FROM audit_blocks
          WHERE (last_tx_id, last_event_id) >= (e.tx_id, e.id)
          ORDER BY last_tx_id, last_event_id LIMIT 1
       ) b ON e.id = ANY(b.event_ids)
      ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''}
      ORDER BY e.id DESC LIMIT ${limit}`,
    params,
  );
  const names = await actorNames(q, rows.map((r) => r.actor));
  return rows.map((r) => {
    const who = names.get(r.actor);
    return { ...r, actorName: who?.name ?? null, actorEmail: who?.email ?? null, sealed: r.blockId !== null };
  });
}

/** `user:3` → the user's name and e-mail, `api_key:7` → the key's name. */
async function actorNames(q: Queryable, actors: string[]): Promise<Map<string, { name: string; email: string | null }>> {
  const ids = (kind: string) => [...new Set(actors.map((a) => new RegExp(`^${kind}:(\\d+)$`).exec(a)?.[1]).filter((id) => id !== undefined).map(Number))];
  const userIds = ids('user');
  const keyIds = new Set(ids('api_key'));
  const names = new Map<string, { name: string; email: string | null }>();
  for (const u of await getUsers(q, userIds)) names.set(`user:${u.id}`, { name: u.name, email: u.email });
  if (keyIds.size) for (const k of await listApiKeys(q)) if (keyIds.has(k.id)) names.set(`api_key:${k.id}`, { name: k.name, email: null });
  return names;
}
