/** The shipping API's shapes, for validation and the OpenAPI document. */
import { z } from 'zod';
import { SHIPMENT_STATUSES } from './events.js';
import { NO_CONTROL } from '../../platform/http/schemas.js';


export const ShipmentStatusSchema = z.enum(SHIPMENT_STATUSES);
export const TrackingNumber = z.string().trim().regex(/^[\x21-\x7e]{1,64}$/, 'tracking number is 1 to 64 printable ASCII characters without spaces');
export const CarrierCode = z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'carrier code is lower-case letters, digits, "-" or "_"');

export const TrackingEventDto = z.object({
  id: z.number(),
  status: ShipmentStatusSchema,
  description: z.string(),
  location: z.string(),
  occurredAt: z.string(),
  receivedAt: z.string(),
});

export const ShipmentDto = z.object({
  id: z.number(),
  orderId: z.number(),
  orderNumber: z.string(),
  customerId: z.number().nullable(),
  carrier: z.string(),
  trackingNumber: z.string(),
  trackingUrl: z.string().nullable(),
  labelUrl: z.string().nullable(),
  status: ShipmentStatusSchema,
  weightG: z.number().nullable(),
  shippedAt: z.string(),
  deliveredAt: z.string().nullable(),
  statusAt: z.string(),
  createdAt: z.string(),
});

export const ShipmentWithTrackingDto = ShipmentDto.extend({ trackingEvents: z.array(TrackingEventDto) });

export const CarrierDto = z.object({ code: z.string(), name: z.string(), trackingNumberEntered: z.boolean() });

export const TrackingPushInput = z
  .object({
    trackingNumber: TrackingNumber,
    status: ShipmentStatusSchema,
    occurredAt: z.iso.datetime({ offset: true }).describe('When it happened, by the carrier (ISO 8601 with offset)'),
    description: z.string().trim().max(500).regex(NO_CONTROL, 'no control characters').optional(),
    location: z.string().trim().max(200).regex(NO_CONTROL, 'no control characters').optional(),
  })
  .strict();
