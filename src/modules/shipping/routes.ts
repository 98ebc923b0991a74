/** Carriers, shipments and the endpoint carriers push tracking events to. */
import { z } from 'zod';
import { inScope } from '../../platform/auth/scope.js';
import type { App, AppContext } from '../../platform/http/app.js';
import { principal } from '../../platform/http/app.js';
import { NotFound } from '../../platform/http/errors.js';
import { page, PageQuery } from '../../platform/http/pagination.js';
import { listCarriers } from './carriers.js';
import {
  CarrierCode,
  CarrierDto,
  ShipmentDto,
  ShipmentStatusSchema,
  ShipmentWithTrackingDto,
  TrackingNumber,
  TrackingPushInput,
} from './shipping.schema.js';
import * as shipping from './shipping.service.js';
import { Id } from '../../platform/http/schemas.js';

const tags = ['shipping'];

export function shippingRoutes(app: App, { db }: AppContext) {
  app.get(
    '/api/v1/carriers',
    {
      config: { permission: 'shipping.read' },
      schema: { tags, summary: 'The carriers this installation can ship with', response: { 200: z.object({ items: z.array(CarrierDto) }) } },
    },
    async () => ({ items: listCarriers().map((c) => ({ code: c.code, name: c.name, trackingNumberEntered: c.trackingNumberEntered })) }),
  );

  app.get(
    '/api/v1/shipments',
    {
      config: { permission: 'shipping.read' },
      schema: {
        tags,
        summary: 'Shipments, newest first',
        querystring: PageQuery.extend({
          status: ShipmentStatusSchema.optional(),
          carrier: CarrierCode.optional(),
          orderId: Id.optional(),
          trackingNumber: TrackingNumber.optional(),
        }),
        response: { 200: page(ShipmentDto) },
      },
    },
    async (req) => {
      const { limit, cursor, ...filter } = req.query;
      return shipping.listShipments(db, { ...filter, warehouseIds: principal(req).warehouseIds }, { limit, cursor });
    },
  );

  app.get(
    '/api/v1/shipments/:id',
    {
      config: { permission: 'shipping.read' },
      schema: { tags, summary: 'A shipment with its tracking events, oldest first', params: z.object({ id: Id }), response: { 200: ShipmentWithTrackingDto } },
    },
    async (req) => {
      const p = principal(req);
      const shipment = await shipping.getShipment(db, req.params.id);
      if (p.warehouseIds !== null && (shipment.warehouseId === null || !inScope(p, shipment.warehouseId))) throw new NotFound('shipment', req.params.id);
      return shipment;
    },
  );

  app.post(
    '/api/v1/carriers/:code/tracking-events',
    {
      config: { permission: 'shipping.write' },
      schema: {
        tags,
        summary:
          'A carrier reports a tracking event for one of its parcels. 201 when recorded; 200 with duplicate: true when the same event ' +
          'was already recorded (pushes may be retried freely); 404 for an unknown tracking number.',
        params: z.object({ code: CarrierCode }),
        body: TrackingPushInput,
        response: {
          200: z.object({ duplicate: z.boolean(), shipment: ShipmentWithTrackingDto }),
          201: z.object({ duplicate: z.boolean(), shipment: ShipmentWithTrackingDto }),
        },
      },
    },
    async (req, reply) => {
      const p = principal(req);
      const result = await db.transaction((tx) => shipping.recordTrackingEvent(tx, p.actor, req.params.code, req.body, p.warehouseIds));
      reply.code(result.duplicate ? 200 : 201);
      return result;
    },
  );
}
