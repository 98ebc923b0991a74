/** Orders: place, find, read, and the customer-service commands (confirm, cancel, intercept, resume, address). */
import { EventDto } from '../../platform/events/dto.js';
import { z } from 'zod';
import { assertInScope, inScope } from '../../platform/auth/scope.js';
import { NotFound } from '../../platform/http/errors.js';
import type { App, AppContext } from '../../platform/http/app.js';
import { principal } from '../../platform/http/app.js';
import { commandRoutes } from '../../platform/http/command-route.js';
import { idempotent } from '../../platform/http/idempotency.js';
import { page, PageQuery } from '../../platform/http/pagination.js';
import { changeAddress } from './address.js';
import { resumeOrder, retryConfirm } from './confirm.js';
import { shipCalendarOf } from './promised-date.js';
import { fulfilmentRoutes } from './fulfil.routes.js';
import { cancelOrder, interceptOrder } from './interrupt.js';
import { AddressChangeInput, ChannelSchema, Id, NO_CONTROL, OrderDto, OrderParams, OrderStatusSchema, OrderSummaryDto, ReasonInput, tags } from './orders.schema.js';
import { assertOrderVisible, getOrder, listOrders, orderTimeline, pickQueue } from './orders.service.js';
import { holdOrder, releaseOrderHold, setOrderPriority } from './order-hold.js';

const PriorityInput = z.object({ priority: z.number().int().min(0).max(9) }).strict();


const StatusList = z
  .string()
  .max(200)
  .transform((s) => s.split(','))
  .pipe(z.array(OrderStatusSchema))
  .describe('One status or several, comma-separated');


export function orderRoutes(app: App, ctx: AppContext) {
  const { db, config } = ctx;
  const calendar = shipCalendarOf(config);


  app.get(
    '/api/v1/orders',
    {
      config: { permission: 'orders.read' },
      schema: {
        tags,
        summary: 'Orders, newest first; q is an order number (SO-000012 or 12) or a channel reference',
        querystring: PageQuery.extend({
          status: StatusList.optional(),
          customerId: Id.optional(),
          warehouseId: Id.optional(),
          channel: ChannelSchema.optional(),
          createdFrom: z.iso.datetime({ offset: true }).optional(),
          createdTo: z.iso.datetime({ offset: true }).optional().describe('Exclusive'),
          q: z.string().trim().min(1).max(64).regex(NO_CONTROL, 'no control characters').optional(),
          onHold: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
        }),
        response: { 200: page(OrderSummaryDto) },
      },
    },
    async (req) => {
      const { limit, cursor, ...filter } = req.query;
      const p = principal(req);
      if (filter.warehouseId !== undefined) assertInScope(p, filter.warehouseId, 'querystring.warehouseId');
      return listOrders(db, { ...filter, warehouseIds: p.warehouseIds }, { limit, cursor });
    },
  );

  app.get(
    '/api/v1/pick-queue',
    {
      config: { permission: 'orders.read' },
      schema: {
        tags,
        summary: "A warehouse's confirmed orders to pick next: highest priority first, then earliest promised ship date, then oldest; held orders wait",
        querystring: PageQuery.extend({ warehouseId: Id }),
        response: { 200: page(OrderSummaryDto) },
      },
    },
    async (req) => {
      assertInScope(principal(req), req.query.warehouseId, 'querystring.warehouseId');
      return pickQueue(db, req.query.warehouseId, req.query);
    },
  );

  app.get(
    '/api/v1/orders/:id',
    {
      config: { permission: 'orders.read' },
      schema: {
        tags,
        summary: 'An order with its lines (reserved, picked, packed, shipped), its promised ship date and its shipment with tracking',
        params: OrderParams,
        response: { 200: OrderDto },
      },
    },
    async (req) =>
      db.transaction(async (tx) => {
        const order = await getOrder(tx, req.params.id);
        if (!inScope(principal(req), order.warehouseId)) throw new NotFound('order', req.params.id);
        return order;
      }),
  );

  app.get(
    '/api/v1/orders/:id/events',
    {
      config: { permission: 'orders.read' },
      schema: { tags, summary: "The order's timeline, newest first", params: OrderParams, querystring: PageQuery, response: { 200: page(EventDto) } },
    },
    async (req) => {
      await assertOrderVisible(db, principal(req), req.params.id);
      return orderTimeline(db, req.params.id, req.query);
    },
  );

  /** A command on one order, answered with the order as it is afterwards. */
  const orderCommand = commandRoutes(app, db, {
    base: '/api/v1/orders',
    tags,
    params: OrderParams,
    response: OrderDto,
    guard: (tx, caller, id) => assertOrderVisible(tx, caller, id),
    answer: (tx, id) => getOrder(tx, id),
  });
  const command = <B extends z.ZodType | undefined>(verb: string, summary: string, body: B, run: Parameters<typeof orderCommand<B>>[2]) =>
    orderCommand(verb, { permission: 'orders.write', summary, body }, run);

  command('confirm', 'Retry the reservation: pending → confirmed or backordered; backordered → confirmed, or 409 saying what is missing', undefined, (tx, actor, id) =>
    retryConfirm(tx, actor, id, calendar),
  );
  command('cancel', 'Cancel an order that is not yet packed (or is an exception); every reserved unit is released', ReasonInput, (tx, actor, id, b) =>
    cancelOrder(tx, actor, id, b.reason),
  );
  command('intercept', 'Stop an order before it is packed: its stock is released and it becomes an exception until resumed or cancelled', ReasonInput, (tx, actor, id, b) =>
    interceptOrder(tx, actor, id, b.reason),
  );
  command('resume', 'Exception → reserve what each line still lacks → confirmed, or backordered until stock arrives', undefined, (tx, actor, id) =>
    resumeOrder(tx, actor, id, calendar),
  );

  command('hold', 'Hold the order where it is: it keeps its status and stock, but cannot be picked, packed or shipped until released', ReasonInput, (tx, actor, id, b) =>
    holdOrder(tx, actor, id, b.reason),
  );
  command('release-hold', 'Release a hold: the warehouse may work the order again', undefined, (tx, actor, id) => releaseOrderHold(tx, actor, id));
  command('priority', 'Rank the order in the pick queue: 0 normal … 9 first', PriorityInput, (tx, actor, id, b) =>
    setOrderPriority(tx, actor, id, b.priority),
  );

  app.patch(
    '/api/v1/orders/:id/address',
    {
      config: { permission: 'orders.write' },
      schema: {
        tags,
        summary: "Change the ship-to address until the order is packed: some fields, or addressId for one of the customer's addresses",
        params: OrderParams,
        body: AddressChangeInput,
        response: { 200: OrderDto },
      },
    },
    async (req) =>
      db.transaction(async (tx) => {
        await assertOrderVisible(tx, principal(req), req.params.id);
        await changeAddress(tx, principal(req).actor, req.params.id, req.body);
        return getOrder(tx, req.params.id);
      }),
  );

  fulfilmentRoutes(app, ctx);
}
