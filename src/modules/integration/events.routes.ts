/** The event log over HTTP: a filtered, paginated list for people, and the live SSE stream. */
import { EventDto } from '../../platform/events/dto.js';
import { z } from 'zod';
import type { Principal } from '../../platform/auth/auth.service.js';
import { eventScope } from '../../platform/auth/scope.js';
import { headPosition, listEvents, positionOf, type EventFilter } from '../../platform/events/log.js';
import type { App, AppContext } from '../../platform/http/app.js';
import { principal } from '../../platform/http/app.js';
import { Invalid, NotFound } from '../../platform/http/errors.js';
import { decodeCursor, page, PageQuery, pageOf } from '../../platform/http/pagination.js';
import { eventStreams } from './sse.js';

// One type is `order.packed`, a family is `order.*`, everything is `*`.
const TYPE = String.raw`(\*|[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*(\.\*)?)`;
const Types = z
  .string()
  .max(1000)
  .regex(new RegExp(`^${TYPE}(,${TYPE})*$`), 'comma-separated event types, exact (order.packed) or a family (order.*)')
  .describe('Comma-separated event types: exact (`order.packed`) or a family (`order.*`)');
const EventId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const CustomerId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

const Event = EventDto;

// PostgreSQL text cannot hold NUL: refuse it here rather than fail in the database.
const Text = (max: number) => z.string().min(1).max(max).regex(/^[^\0]*$/, 'must not contain a NUL character');

const StreamFilter = z.object({
  type: Types.optional(),
  entityType: Text(100).optional(),
  entityId: Text(200).optional(),
  customerId: CustomerId.optional(),
});

const ListQuery = PageQuery.extend(StreamFilter.shape).extend({
  since: z.iso.datetime({ offset: true }).optional().describe('Events at or after this time'),
  until: z.iso.datetime({ offset: true }).optional().describe('Events before this time'),
});

const StreamQuery = StreamFilter.extend({
  lastEventId: EventId.optional().describe('Resume after this event (as the Last-Event-ID header does)'),
});

/** The query's filter, narrowed to the events of the caller's warehouses when they are limited to some. */
function filterOf(q: z.infer<typeof StreamFilter> & { since?: string; until?: string }, p: Principal): EventFilter {
  return {
    types: q.type?.split(','),
    entityType: q.entityType,
    entityId: q.entityId,
    customerId: q.customerId,
    since: q.since,
    until: q.until,
    warehouseScope: eventScope(p),
  };
}

export function eventRoutes(app: App, { db }: AppContext) {
  app.get(
    '/api/v1/events',
    {
      config: { permission: 'events.read' },
      schema: {
        tags: ['events'],
        summary: 'List events, newest first',
        querystring: ListQuery,
        response: { 200: page(Event) },
      },
    },
    async (req) => {
      const { limit, cursor } = req.query;
      const before = decodeCursor(cursor, EventId);
      const rows = await listEvents(db, filterOf(req.query, principal(req)), { before, limit: limit + 1 });
      return pageOf(rows, limit, (last) => last.id);
    },
  );

  const streams = eventStreams(db, app.log);
  // preClose, not onClose: Fastify waits for open responses before its onClose hooks run, and a
  // stream never ends by itself.
  app.addHook('preClose', () => streams.close());

  app.get(
    '/api/v1/events/stream',
    {
      config: { permission: 'events.read' },
      schema: {
        tags: ['events'],
        summary: 'Live stream of events (Server-Sent Events)',
        description:
          'Each event is sent as `id: <event id>`, `event: <type>`, `data: <the event as JSON>`, in commit order. ' +
          'Without `Last-Event-ID` (header) or `lastEventId` (query), only events from now on; with one, every event after it. ' +
          'A comment line is sent every 15 s to keep proxies from closing an idle stream.',
        querystring: StreamQuery,
        response: { 200: z.string().describe('text/event-stream') },
      },
    },
    async (req, reply) => {
      const lastEventId = parseLastEventId(req.headers['last-event-id']) ?? req.query.lastEventId;
      const from = lastEventId === undefined ? await headPosition(db, { onlyNew: true }) : await positionOf(db, lastEventId);
      if (!from) throw new NotFound('event', lastEventId!);
      reply.hijack();
      const opened = await streams.open(reply.raw, from, filterOf(req.query, principal(req)));
      if (!opened) {
        reply.raw.writeHead(503, { 'content-type': 'application/problem+json', 'retry-after': '2' });
        reply.raw.end(JSON.stringify({ type: 'about:blank', title: 'Service Unavailable', status: 503, detail: 'The server is shutting down' }));
      }
    },
  );

  app.get(
    '/api/v1/events/:id',
    {
      config: { permission: 'events.read' },
      schema: { tags: ['events'], summary: 'One event', params: z.object({ id: EventId }), response: { 200: Event } },
    },
    async (req) => {
      // The newest event below id + 1 is this one, if it exists.
      const [event] = await listEvents(db, { warehouseScope: eventScope(principal(req)) }, { before: req.params.id + 1, limit: 1 });
      if (event?.id !== req.params.id) throw new NotFound('event', req.params.id);
      return event;
    },
  );
}

function parseLastEventId(header: string | string[] | undefined): number | undefined {
  if (header === undefined || header === '') return undefined;
  const parsed = EventId.safeParse(Array.isArray(header) ? header[0] : header);
  if (!parsed.success) throw new Invalid('header.last-event-id', 'Last-Event-ID must be an event id (a positive integer)');
  return parsed.data;
}
