/** After-sales: request, decide, receive, inspect, dispose, resolve; refunds; settings and the customer portal. */
import { z } from 'zod';
import { eventScope, inScope } from '../../platform/auth/scope.js';
import { EventDto } from '../../platform/events/dto.js';
import type { Permission } from '../../platform/auth/permissions.js';
import type { App, AppContext } from '../../platform/http/app.js';
import { principal } from '../../platform/http/app.js';
import { NotFound } from '../../platform/http/errors.js';
import { commandRoutes } from '../../platform/http/command-route.js';
import { idempotent } from '../../platform/http/idempotency.js';
import { page, PageQuery } from '../../platform/http/pagination.js';
import { analyticsRoutes } from './analytics.routes.js';
import { cancelReturn, rejectReturn } from './approve.js';
import { inspectReturn } from './inspect.js';
import { portalRoutes } from './portal.routes.js';
import { approveRefund, getRefund, listRefunds, payRefund } from './refunds.service.js';
import { Id, IdParams, InspectionInput, PayInput, ReasonInput, RefundDto, ReturnDto, ReturnStatusSchema, ReturnSummaryDto, ReturnTypeSchema, tags } from './returns.schema.js';
import { assertRefundVisible, assertReturnVisible, findReturnByCode, getReturn, listReturns, returnTimeline } from './returns.service.js';
import { settingsRoutes } from './settings.routes.js';
import { REFUND_STATUSES } from './events.js';

const StatusList = z
  .string()
  .max(300)
  .transform((s) => s.split(','))
  .pipe(z.array(ReturnStatusSchema))
  .describe('One status or several, comma-separated');


export function returnRoutes(app: App, ctx: AppContext) {
  const { db, config } = ctx;


  app.get(
    '/api/v1/returns',
    {
      config: { permission: 'returns.read' },
      schema: {
        tags,
        summary: 'Return requests, newest first; q is an RMA or order number',
        querystring: PageQuery.extend({
          status: StatusList.optional(),
          type: ReturnTypeSchema.optional(),
          customerId: Id.optional(),
          orderId: Id.optional(),
          q: z.string().trim().min(1).max(64).optional(),
        }),
        response: { 200: page(ReturnSummaryDto) },
      },
    },
    async (req) => {
      const { limit, cursor, ...filter } = req.query;
      return listReturns(db, { ...filter, warehouseIds: principal(req).warehouseIds }, { limit, cursor });
    },
  );

  app.get(
    '/api/v1/returns/lookup',
    {
      config: { permission: 'returns.read' },
      schema: {
        tags,
        summary: 'The request a scanned code names: an RMA number, or an order number with exactly one approved return waiting (receiving starts here)',
        querystring: z.object({ code: z.string().trim().regex(/^[\x21-\x7e]{1,64}$/) }),
        response: { 200: ReturnDto },
      },
    },
    async (req) => db.transaction(async (tx) => getReturn(tx, (await findReturnByCode(tx, req.query.code, principal(req).warehouseIds)).id)),
  );

  app.get(
    '/api/v1/returns/:id',
    { config: { permission: 'returns.read' }, schema: { tags, summary: 'A request with its lines, discrepancies, inspections, dispositions and refunds', params: IdParams, response: { 200: ReturnDto } } },
    async (req) => {
      const r = await getReturn(db, req.params.id);
      if (!inScope(principal(req), r.warehouseId)) throw new NotFound('return', req.params.id);
      return r;
    },
  );

  app.get(
    '/api/v1/returns/:id/events',
    { config: { permission: 'returns.read' }, schema: { tags, summary: "The request's timeline, newest first", params: IdParams, querystring: PageQuery, response: { 200: page(EventDto) } } },
    async (req) => {
      await assertReturnVisible(db, principal(req), req.params.id);
      return returnTimeline(db, req.params.id, req.query);
    },
  );

  const command = returnCommandRoute(app, ctx);

  command('reject', 'returns.approve', 'Reject a request that is not yet approved, with the reason the customer is told', ReasonInput, (tx, actor, id, b) => rejectReturn(tx, actor, id, b.reason));
  command('cancel', 'returns.write', 'Withdraw a request before its goods arrive; its quantities may be asked for again', ReasonInput, (tx, actor, id, b) => cancelReturn(tx, actor, id, b.reason));
  command(
    'inspect',
    'returns.inspect',
    "Record the next inspection level of received lines: grades (A, B, C, scrap) adding up to the received quantity, the category's checklist, photos and a note",
    InspectionInput,
    (tx, actor, id, b, caller) => inspectReturn(tx, actor, id, b, eventScope(caller)),
  );

  app.get(
    '/api/v1/refunds',
    {
      config: { permission: 'refunds.manage' },
      schema: {
        tags,
        summary: 'Refunds and compensations, newest first',
        querystring: PageQuery.extend({ status: z.enum(REFUND_STATUSES).optional(), returnId: Id.optional() }),
        response: { 200: page(RefundDto) },
      },
    },
    async (req) => {
      const { limit, cursor, ...filter } = req.query;
      return listRefunds(db, { ...filter, warehouseIds: principal(req).warehouseIds }, { limit, cursor });
    },
  );
  app.get(
    '/api/v1/refunds/:id',
    { config: { permission: 'refunds.manage' }, schema: { tags, summary: 'A refund', params: IdParams, response: { 200: RefundDto } } },
    async (req) => {
      await assertRefundVisible(db, principal(req), req.params.id);
      return getRefund(db, req.params.id);
    },
  );
  app.post(
    '/api/v1/refunds/:id/approve',
    { config: { permission: 'refunds.manage' }, schema: { tags, summary: 'pending → approved (refund.approved tells the payment system to pay)', params: IdParams, response: { 200: RefundDto } } },
    async (req, reply) =>
      idempotent(db, req, reply, 200, async (tx) => {
        await assertRefundVisible(tx, principal(req), req.params.id);
        return approveRefund(tx, principal(req).actor, req.params.id);
      }),
  );
  app.post(
    '/api/v1/refunds/:id/pay',
    { config: { permission: 'refunds.manage' }, schema: { tags, summary: 'approved → paid, with the payment reference', params: IdParams, body: PayInput, response: { 200: RefundDto } } },
    async (req, reply) =>
      idempotent(db, req, reply, 200, async (tx) => {
        await assertRefundVisible(tx, principal(req), req.params.id);
        return payRefund(tx, principal(req).actor, req.params.id, req.body.paymentReference);
      }),
  );

  settingsRoutes(app, ctx);
  portalRoutes(app, ctx);
  analyticsRoutes(app, ctx);
}

/**
 * The route of a command on one return (POST /api/v1/returns/{id}/<verb>), answered with the
 * return as it is afterwards: the caller must see the return, the work runs in one idempotent
 * transaction. The flows register theirs (approve, receive, dispose, resolve) with it too.
 */
export function returnCommandRoute(app: App, { db }: AppContext) {
  const returnCommand = commandRoutes(app, db, {
    base: '/api/v1/returns',
    tags,
    params: IdParams,
    response: ReturnDto,
    guard: (tx, caller, id) => assertReturnVisible(tx, caller, id),
    answer: (tx, id) => getReturn(tx, id),
  });
  return <B extends z.ZodType | undefined>(verb: string, permission: Permission, summary: string, body: B, run: Parameters<typeof returnCommand<B>>[2]) =>
    returnCommand(verb, { permission, summary, body }, run);
}
