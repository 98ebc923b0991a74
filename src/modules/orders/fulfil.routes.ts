/** The warehouse's side of an order: pick list, picks, pack verification, ship, deliver. */
import type { App, AppContext } from '../../platform/http/app.js';
import { principal } from '../../platform/http/app.js';
import { idempotent } from '../../platform/http/idempotency.js';
import { deliverOrder } from './delivery.js';
import { packOrder } from './pack.js';
import { readPickList, recordPick, startPicking } from './pick.js';
import { OrderDto, OrderParams, PackInput, PickInput, PickListDto, PickResultDto, ShipInput, ShortPickInput, tags } from './orders.schema.js';
import { assertOrderVisible, getOrder } from './orders.service.js';
import { shipOrder } from './ship.js';

export function fulfilmentRoutes(app: App, { db }: AppContext) {
  app.post(
    '/api/v1/orders/:id/pick-list',
    {
      config: { permission: 'orders.fulfil' },
      schema: {
        tags,
        summary:
          'Confirmed → picking: allocate the reserved stock to bins (earliest expiry first) and return the pick list in walking order. ' +
          'Again while picking, allocates what was unallocated.',
        params: OrderParams,
        response: { 200: PickListDto },
      },
    },
    async (req, reply) =>
      idempotent(db, req, reply, 200, async (tx) => {
        await assertOrderVisible(tx, principal(req), req.params.id);
        return startPicking(tx, principal(req).actor, req.params.id);
      }),
  );

  app.get(
    '/api/v1/orders/:id/pick-list',
    { config: { permission: 'orders.read' }, schema: { tags, summary: 'The pick list as it stands', params: OrderParams, response: { 200: PickListDto } } },
    async (req) =>
      db.transaction(async (tx) => {
        await assertOrderVisible(tx, principal(req), req.params.id);
        return readPickList(tx, req.params.id);
      }),
  );

  app.post(
    '/api/v1/orders/:id/picks',
    {
      config: { permission: 'orders.fulfil' },
      schema: {
        tags,
        summary:
          'Record a pick: the location scanned, the product scanned (barcode or SKU) and how many. Fewer than the pick list asks is a short pick. ' +
          'When nothing is left to pick the order is picked, or an exception if a pick was short.',
        params: OrderParams,
        body: PickInput,
        response: { 200: PickResultDto },
      },
    },
    async (req, reply) =>
      idempotent(db, req, reply, 200, async (tx) => {
        await assertOrderVisible(tx, principal(req), req.params.id);
        return recordPick(tx, principal(req).actor, req.params.id, req.body);
      }),
  );

  app.post(
    '/api/v1/orders/:id/picks/short',
    {
      config: { permission: 'orders.fulfil' },
      schema: {
        tags,
        summary: 'Declare a short pick: only `found` units (maybe 0) were at the location, and why (`reason`)',
        params: OrderParams,
        body: ShortPickInput,
        response: { 200: PickResultDto },
      },
    },
    async (req, reply) =>
      idempotent(db, req, reply, 200, async (tx) => {
        await assertOrderVisible(tx, principal(req), req.params.id);
        const { found, reason, ...scan } = req.body;
        return recordPick(tx, principal(req).actor, req.params.id, { ...scan, quantity: found }, true, reason);
      }),
  );

  app.post(
    '/api/v1/orders/:id/pack',
    {
      config: { permission: 'orders.fulfil' },
      schema: {
        tags,
        summary: 'Picked → packed: the scanned items must be exactly what was picked; otherwise 409 listing the differences, and nothing changes',
        params: OrderParams,
        body: PackInput,
        response: { 200: OrderDto },
      },
    },
    async (req, reply) =>
      idempotent(db, req, reply, 200, async (tx) => {
        await assertOrderVisible(tx, principal(req), req.params.id);
        await packOrder(tx, principal(req).actor, req.params.id, req.body);
        return getOrder(tx, req.params.id);
      }),
  );

  app.post(
    '/api/v1/orders/:id/ship',
    {
      config: { permission: 'orders.fulfil' },
      schema: {
        tags,
        summary: 'Packed → shipped: book the parcel with the carrier (manual: give the tracking number); the stock leaves the warehouse',
        params: OrderParams,
        body: ShipInput,
        response: { 200: OrderDto },
      },
    },
    async (req, reply) =>
      idempotent(db, req, reply, 200, async (tx) => {
        await assertOrderVisible(tx, principal(req), req.params.id);
        await shipOrder(tx, principal(req).actor, req.params.id, req.body);
        return getOrder(tx, req.params.id);
      }),
  );

  app.post(
    '/api/v1/orders/:id/deliver',
    {
      config: { permission: 'orders.fulfil' },
      schema: { tags, summary: 'Shipped → delivered, recorded by hand (carriers report it through tracking events)', params: OrderParams, response: { 200: OrderDto } },
    },
    async (req, reply) =>
      idempotent(db, req, reply, 200, async (tx) => {
        await assertOrderVisible(tx, principal(req), req.params.id);
        await deliverOrder(tx, principal(req).actor, req.params.id);
        return getOrder(tx, req.params.id);
      }),
  );
}
