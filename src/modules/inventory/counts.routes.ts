/**
 * Blind cycle counts over HTTP (`/api/v1/stock/counts`). Counting and deciding need
 * inventory.write; reading needs inventory.read and shows the variance report only to someone
 * with inventory.write who did not submit the count (counts.service.ts says when).
 */
import { z } from 'zod';
import { can, type Principal } from '../../platform/auth/auth.service.js';
import { assertInScope, assertVisible, inScope } from '../../platform/auth/scope.js';
import type { Queryable, Tx } from '../../platform/db/client.js';
import type { App, AppContext } from '../../platform/http/app.js';
import { principal } from '../../platform/http/app.js';
import { Invalid, NotFound } from '../../platform/http/errors.js';
import { idempotent } from '../../platform/http/idempotency.js';
import { decodeCursor, page, PageQuery, pageOf } from '../../platform/http/pagination.js';
import { approveCount, rejectCount } from './approve-count.js';
import { openCount, submitCount } from './count-stock.js';
import { getCount, listCounts, lockCount } from './counts.service.js';
import { COUNT_STATUSES } from './events.js';
import { BodyId, Code, Lot } from './stock.routes.js';
import { EntityId, MultiLineText } from './warehouses.routes.js';
import { findLocationByCode, getLocation, getWarehouse, type Location } from './warehouses.service.js';

const tags = ['inventory'];
const MAX_LOCATIONS = 100;
const Params = z.object({ id: EntityId });
const Reason = MultiLineText(1000).pipe(z.string().min(1));

const NewCount = z
  .object({
    warehouseId: BodyId,
    locationCodes: z.array(Code).min(1).max(MAX_LOCATIONS).optional().describe('The locations to count, as scanned'),
    locationIds: z.array(BodyId).min(1).max(MAX_LOCATIONS).optional(),
    note: MultiLineText(1000).optional(),
  })
  .strict()
  .refine((b) => b.locationCodes || b.locationIds, { path: ['locationCodes'], message: 'give locationCodes or locationIds' });

const Submission = z
  .object({
    lines: z
      .array(
        z
          .object({
            locationCode: Code.optional().describe('Where it was counted; may be left out when the count covers one location'),
            code: Code.describe('The scanned barcode or the SKU'),
            lot: Lot.optional(),
            quantity: z.number().int().min(0).max(1_000_000).describe('Units found; the same product and lot scanned again in a location adds up'),
          })
          .strict(),
      )
      .max(5000)
      .describe('What was found; a product the books hold there but not listed counts as 0'),
  })
  .strict();

const Approval = z.object({ reason: Reason.optional() }).strict();
const Rejection = z
  .object({
    reason: Reason,
    recount: z.boolean().default(false).describe('true: back to open for a blind recount; false: close the count, nothing posted'),
  })
  .strict();

const CountsQuery = PageQuery.extend({ status: z.enum(COUNT_STATUSES).optional(), warehouseId: EntityId.optional() });

const CountSummaryDto = z.object({
  id: z.number(),
  number: z.string(),
  warehouseId: z.number(),
  status: z.enum(COUNT_STATUSES),
  note: z.string().nullable(),
  round: z.number().describe('How many times it was submitted'),
  locations: z.array(z.object({ id: z.number(), code: z.string() })),
  openedBy: z.string(),
  openedAt: z.string(),
  submittedBy: z.string().nullable(),
  submittedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
});
const Place = { locationId: z.number(), locationCode: z.string(), productId: z.number(), sku: z.string().nullable(), lot: z.string() };
const CountDto = CountSummaryDto.extend({
  counted: z.array(z.object({ ...Place, quantity: z.number() })).describe('What the counter recorded'),
  variance: z
    .object({
      lines: z.array(z.object({ ...Place, expected: z.number(), counted: z.number(), difference: z.number().describe('counted − expected') })),
      totals: z.object({ expected: z.number(), counted: z.number(), difference: z.number(), linesWithDifference: z.number() }),
    })
    .nullable()
    .describe('Expected (the stock at submission), counted and difference per location, SKU and lot; null while open and for the counter'),
});

/** The locations a new count names; unknown ones are a 422 naming the entry. */
async function locationsOf(q: Queryable, warehouseId: number, b: z.output<typeof NewCount>): Promise<Location[]> {
  await getWarehouse(q, warehouseId).catch(() => {
    throw new Invalid('warehouseId', `warehouse ${warehouseId} does not exist`);
  });
  const found = new Map<number, Location>();
  for (const [i, code] of (b.locationCodes ?? []).entries()) {
    const loc = await findLocationByCode(q, warehouseId, code);
    if (!loc) throw new Invalid(`locationCodes.${i}`, `warehouse ${warehouseId} has no location ${code}`);
    found.set(loc.id, loc);
  }
  for (const [i, id] of (b.locationIds ?? []).entries()) {
    const loc = await getLocation(q, id).catch(() => undefined);
    if (!loc || loc.warehouseId !== warehouseId) throw new Invalid(`locationIds.${i}`, `warehouse ${warehouseId} has no location ${id}`);
    found.set(loc.id, loc);
  }
  return [...found.values()];
}

/** A count in a warehouse outside the caller's is a 404, as if it did not exist. */
async function assertCountVisible(tx: Tx, p: Principal, id: number) {
  await assertVisible(p, async () => (await lockCount(tx, id).catch(() => undefined))?.warehouseId, () => new NotFound('stock count', id));
}

const IdCursor = z.number().int().positive();

export function countRoutes(app: App, { db }: AppContext) {
  const viewer = (req: Parameters<typeof principal>[0]) => {
    const p = principal(req);
    return { actor: p.actor, canReview: can(p, 'inventory.write') };
  };

  app.post(
    '/api/v1/stock/counts',
    {
      config: { permission: 'inventory.write' },
      schema: {
        tags,
        summary: 'Open a blind count of one or more locations of a warehouse (a location is in at most one unfinished count)',
        body: NewCount,
        response: { 201: CountDto },
      },
    },
    async (req, reply) =>
      idempotent(db, req, reply, 201, async (tx) => {
        assertInScope(principal(req), req.body.warehouseId, 'warehouseId');
        const locations = await locationsOf(tx, req.body.warehouseId, req.body);
        const id = await openCount(tx, principal(req).actor, { warehouseId: req.body.warehouseId, locations, note: req.body.note });
        return getCount(tx, id, viewer(req));
      }),
  );

  app.get(
    '/api/v1/stock/counts',
    {
      config: { permission: 'inventory.read' },
      schema: { tags, summary: 'Counts, newest first (without lines)', querystring: CountsQuery, response: { 200: page(CountSummaryDto) } },
    },
    async (req) => {
      const { limit, cursor, ...f } = req.query;
      const p = principal(req);
      if (f.warehouseId !== undefined) assertInScope(p, f.warehouseId, 'querystring.warehouseId');
      const rows = await listCounts(db, { ...f, warehouseIds: p.warehouseIds, beforeId: decodeCursor(cursor, IdCursor), limit: limit + 1 });
      return pageOf(rows, limit, (last) => last.id);
    },
  );

  app.get(
    '/api/v1/stock/counts/:id',
    {
      config: { permission: 'inventory.read' },
      schema: {
        tags,
        summary: 'A count. The variance report is there once submitted, for someone with inventory.write other than the submitter; never for the counter',
        params: Params,
        response: { 200: CountDto },
      },
    },
    async (req) => {
      const count = await getCount(db, req.params.id, viewer(req));
      if (!inScope(principal(req), count.warehouseId)) throw new NotFound('stock count', req.params.id);
      return count;
    },
  );

  app.post(
    '/api/v1/stock/counts/:id/submit',
    {
      config: { permission: 'inventory.write' },
      schema: {
        tags,
        summary:
          'Open → submitted: what was found, per location, product and lot. The books at this moment are the expected quantities; ' +
          'without any difference the count is approved at once, otherwise it waits for another person',
        params: Params,
        body: Submission,
        response: { 200: CountDto },
      },
    },
    async (req, reply) =>
      idempotent(db, req, reply, 200, async (tx) => {
        await assertCountVisible(tx, principal(req), req.params.id);
        await submitCount(tx, principal(req).actor, req.params.id, req.body.lines);
        return getCount(tx, req.params.id, viewer(req));
      }),
  );

  app.post(
    '/api/v1/stock/counts/:id/approve',
    {
      config: { permission: 'inventory.write' },
      schema: {
        tags,
        summary:
          'Submitted → approved by someone other than the submitter: every difference is posted as a stock adjustment (reason count, the count number as reference). ' +
          'A shortfall that would take units allocated to pick lists is a 409',
        params: Params,
        body: Approval,
        response: { 200: CountDto },
      },
    },
    async (req, reply) =>
      idempotent(db, req, reply, 200, async (tx) => {
        await assertCountVisible(tx, principal(req), req.params.id);
        await approveCount(tx, principal(req).actor, req.params.id, req.body.reason);
        return getCount(tx, req.params.id, viewer(req));
      }),
  );

  app.post(
    '/api/v1/stock/counts/:id/reject',
    {
      config: { permission: 'inventory.write' },
      schema: {
        tags,
        summary: 'Submitted → open for a blind recount (recount: true) or → rejected (closed, nothing posted), by someone other than the submitter',
        params: Params,
        body: Rejection,
        response: { 200: CountDto },
      },
    },
    async (req, reply) =>
      idempotent(db, req, reply, 200, async (tx) => {
        await assertCountVisible(tx, principal(req), req.params.id);
        await rejectCount(tx, principal(req).actor, req.params.id, req.body);
        return getCount(tx, req.params.id, viewer(req));
      }),
  );
}
