/** The audit trail over HTTP: verify the sealed chain, and list who did what. */
import { z } from 'zod';
import type { App, AppContext } from '../http/app.js';
import { decodeCursor, page, PageQuery, pageOf } from '../http/pagination.js';
import { listAuditEntries } from './entries.js';
import { FINDING_KINDS, verifyAudit } from './verify.js';

const tags = ['audit'];

// PostgreSQL text cannot hold NUL: refuse it here rather than fail in the database.
const Text = (max: number) => z.string().min(1).max(max).regex(/^[^\0]*$/, 'must not contain a NUL character');

const AuditReport = z.object({
  ok: z.boolean(),
  blocks: z.number().int(),
  eventsSealed: z.number().int(),
  eventsUnsealed: z.number().int(),
  head: z.object({ blockId: z.number().int(), hash: z.string(), lastEventId: z.number().int() }).nullable(),
  finding: z
    .object({
      kind: z.enum(FINDING_KINDS),
      blockId: z.number().int(),
      eventId: z.number().int().nullable(),
      detail: z.string(),
    })
    .nullable(),
});

const AuditEntry = z.object({
  id: z.number(),
  type: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  customerId: z.number().nullable(),
  actor: z.string(),
  actorName: z.string().nullable().describe("The user's or API key's name behind the actor"),
  actorEmail: z.string().nullable(),
  credential: z.string().nullable().describe('`session:<id>` or `api_key:<id>`; null for background work and the CLI'),
  address: z.string().nullable().describe("The client's address"),
  payload: z.record(z.string(), z.unknown()),
  occurredAt: z.string(),
  sealed: z.boolean(),
  blockId: z.number().nullable().describe('The audit block that seals this event'),
});

const EntriesQuery = PageQuery.extend({
  entityType: Text(100).optional(),
  entityId: Text(200).optional(),
  actor: Text(200).optional().describe('Exactly as events name it: `user:3`, `api_key:7`, `system`'),
  from: z.iso.datetime({ offset: true }).optional().describe('Events at or after this time'),
  to: z.iso.datetime({ offset: true }).optional().describe('Events before this time'),
});

const EventId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export function auditRoutes(app: App, { db }: AppContext) {
  app.get(
    '/api/v1/audit/verify',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags,
        summary: 'Verify the sealed audit trail: the first altered, removed or reordered record, if any',
        description:
          'Recomputes every block from the events table. `ok` is false when a problem was found; `finding` names it ' +
          '(the event and the block). Reads the whole log: it takes a while on a large one.',
        response: { 200: AuditReport },
      },
    },
    async () => verifyAudit(db),
  );

  app.get(
    '/api/v1/audit/entries',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags,
        summary: 'Who did what: events with the person or key behind them, credential, address and seal, newest first',
        querystring: EntriesQuery,
        response: { 200: page(AuditEntry) },
      },
    },
    async (req) => {
      const { limit, cursor, entityType, entityId, actor, from, to } = req.query;
      const before = decodeCursor(cursor, EventId);
      const rows = await listAuditEntries(db, { entityType, entityId, actor, from, to }, { before, limit: limit + 1 });
      return pageOf(rows, limit, (last) => last.id);
    },
  );
}
