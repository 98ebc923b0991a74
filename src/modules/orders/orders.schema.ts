/** The orders API's input and output shapes: validation, the OpenAPI document and the DTO types. */
import { z } from 'zod';
import { ShipmentWithTrackingDto, TrackingNumber } from '../shipping/index.js';
import { ORDER_CHANNELS } from './events.js';
import { ORDER_STATUSES } from './order-state.js';
import { Id, NO_CONTROL, Phone } from '../../platform/http/schemas.js';
export { Id, NO_CONTROL };

export const tags = ['orders'];
export const OrderParams = z.object({ id: Id });
export const Quantity = z.number().int().min(1).max(1_000_000);
const Sku = z.string().trim().regex(/^[A-Za-z0-9._-]{1,64}$/, 'SKU is 1 to 64 letters, digits, "-", "_" or "."');
/** What a scanner reads: a SKU or a barcode. */
const Code = z.string().trim().regex(/^[\x21-\x7e]{1,64}$/, 'a scanned code is 1 to 64 printable ASCII characters without spaces');
const LocationCode = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'a location code is 1 to 64 letters, digits, "_", "." or "-"');
const hasCents = (v: number) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6;
const Price = z.number().min(0).max(10_000_000).refine(hasCents, 'at most 2 decimal places');
/** Free text without control characters (a NUL cannot even be stored); line breaks are fine. */
const Text = (max: number) => z.string().trim().min(1).max(max).regex(NO_CONTROL, 'no control characters');
const Lot = z.string().trim().max(64).regex(NO_CONTROL, 'no control characters');
const Country = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/, 'country is an ISO 3166-1 alpha-2 code such as CN or US')
  .transform((c) => c.toUpperCase());

export const OrderStatusSchema = z.enum(ORDER_STATUSES);
export const ChannelSchema = z.enum(ORDER_CHANNELS);

const ShipToFields = {
  recipientName: Text(200),
  phone: Phone.nullable().optional(),
  country: Country,
  province: Text(100).nullable().optional(),
  city: Text(100).nullable().optional(),
  district: Text(100).nullable().optional(),
  line1: Text(300),
  line2: Text(300).nullable().optional(),
  postalCode: Text(20).nullable().optional(),
};

/** Where the parcel goes: the same fields as a customer's address. */
export const ShipToInput = z.object({ ...ShipToFields, country: Country.default('CN') }).strict();
export type ShipToIn = z.output<typeof ShipToInput>;

export const ShipToDto = z.object({
  recipientName: z.string(),
  phone: z.string().nullable(),
  country: z.string(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  district: z.string().nullable(),
  line1: z.string(),
  line2: z.string().nullable(),
  postalCode: z.string().nullable(),
});
export type ShipTo = z.infer<typeof ShipToDto>;

export const NewOrderInput = z
  .object({
    customerId: Id,
    channel: ChannelSchema.default('api'),
    externalRef: Text(64).optional().describe("The channel's own order number; unique per channel"),
    warehouseId: Id.optional().describe('Ship from this warehouse; by default the first active one that has every line in stock'),
    shipTo: ShipToInput.optional().describe("By default the customer's default address"),
    addressId: Id.optional().describe("Ship to this one of the customer's addresses"),
    currency: z.string().regex(/^[A-Z]{3}$/, 'currency is an ISO 4217 code such as CNY').default('CNY'),
    note: Text(2000).optional(),
    lines: z
      .array(
        z
          .object({
            sku: Sku,
            quantity: Quantity,
            unitPrice: Price.optional().describe("The price agreed on the channel; by default the catalog's"),
          })
          .strict(),
      )
      .min(1)
      .max(200)
      .describe('One line per SKU'),
  })
  .strict()
  .refine((o) => !(o.shipTo && o.addressId), { path: ['addressId'], message: 'give shipTo or addressId, not both' });
export type NewOrder = z.output<typeof NewOrderInput>;

export const AddressChangeInput = z
  .object(ShipToFields)
  .partial()
  .extend({ addressId: Id.optional().describe("Replace the whole address with this one of the customer's addresses") })
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: 'give at least one address field or addressId' })
  .refine((p) => p.addressId === undefined || Object.keys(p).length === 1, { path: ['addressId'], message: 'addressId replaces the whole address; give no other field' });
export type AddressChange = z.output<typeof AddressChangeInput>;

export const ReasonInput = z.object({ reason: Text(1000) }).strict();

/** Why a pick came up short, as the picker declares it. */
export const SHORT_PICK_REASONS = ['not_found', 'damaged', 'expired', 'wrong_product', 'other'] as const;
export type ShortPickReason = (typeof SHORT_PICK_REASONS)[number];

export const PickInput = z
  .object({
    locationCode: LocationCode,
    code: Code.describe('The scanned barcode or the SKU'),
    quantity: Quantity,
    lot: Lot.optional().describe('Only this lot, when the bin holds several'),
  })
  .strict();
export const ShortPickInput = z
  .object({
    locationCode: LocationCode,
    code: Code,
    found: z.number().int().min(0).max(1_000_000).describe('How many were there (less than the pick list asks for)'),
    lot: Lot.optional(),
    reason: z.enum(SHORT_PICK_REASONS).optional().describe('Why the units were not there; shown in the exception'),
  })
  .strict();

const Parcel = z
  .object({
    weightG: z.number().int().min(1).max(1_000_000).optional(),
    lengthMm: z.number().int().min(1).max(10_000).optional(),
    widthMm: z.number().int().min(1).max(10_000).optional(),
    heightMm: z.number().int().min(1).max(10_000).optional(),
  })
  .strict();
export type ParcelIn = z.output<typeof Parcel>;

export const PackInput = z
  .object({
    scans: z.array(z.object({ code: Code, quantity: Quantity }).strict()).min(1).max(500),
    parcel: Parcel.optional(),
  })
  .strict();

export const ShipInput = z
  .object({
    carrier: z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'carrier code is lower-case letters, digits, "-" or "_"').default('manual'),
    trackingNumber: TrackingNumber.optional().describe('Required for the manual carrier'),
    service: Text(64).optional(),
    weightG: z.number().int().min(1).max(1_000_000).optional().describe('Defaults to the weight recorded at packing'),
  })
  .strict();

export const OrderLineDto = z.object({
  id: z.number(),
  lineNo: z.number(),
  productId: z.number(),
  sku: z.string(),
  name: z.string(),
  quantity: z.number(),
  unitPrice: z.number(),
  reserved: z.number().describe('Units the line holds in the warehouse now (picked units included until shipped)'),
  picked: z.number(),
  packed: z.number(),
  shipped: z.number(),
});

export const OrderSummaryDto = z.object({
  id: z.number(),
  number: z.string(),
  customerId: z.number(),
  channel: z.string(),
  externalRef: z.string().nullable(),
  status: OrderStatusSchema,
  warehouseId: z.number(),
  shipTo: ShipToDto,
  promisedShipDate: z.string().nullable(),
  exceptionReason: z.string().nullable(),
  cancelReason: z.string().nullable(),
  currency: z.string(),
  total: z.number(),
  note: z.string().nullable(),
  parcel: Parcel.nullable(),
  deliveryFailedAt: z.string().nullable(),
  createdAt: z.string(),
  confirmedAt: z.string().nullable(),
  pickedAt: z.string().nullable(),
  packedAt: z.string().nullable(),
  shippedAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  updatedAt: z.string(),
  onHold: z.boolean().describe('A held order keeps its status and stock but cannot be picked, packed or shipped'),
  holdReason: z.string().nullable(),
  priority: z.number().int().min(0).max(9).describe('0 normal … 9 first in the pick queue'),
});
export type OrderSummary = z.infer<typeof OrderSummaryDto>;

export const OrderDto = OrderSummaryDto.extend({ lines: z.array(OrderLineDto), shipment: ShipmentWithTrackingDto.nullable() });
export type Order = z.infer<typeof OrderDto>;

export const PickItemDto = z.object({
  allocationId: z.number(),
  lineId: z.number(),
  productId: z.number(),
  sku: z.string(),
  name: z.string(),
  locationCode: z.string(),
  pickSequence: z.number(),
  lot: z.string(),
  expiresOn: z.string().nullable(),
  quantity: z.number(),
  picked: z.number(),
  status: z.enum(['open', 'picked']),
});
export const PickListDto = z.object({
  orderId: z.number(),
  number: z.string(),
  status: OrderStatusSchema,
  warehouseId: z.number(),
  round: z.number(),
  items: z.array(PickItemDto).describe('In walking order: pick sequence, then location code'),
  unallocated: z
    .array(z.object({ lineId: z.number(), sku: z.string(), quantity: z.number() }))
    .describe('Reserved units not yet in a storage or picking location: put them away, then POST the pick list again'),
});
export type PickList = z.infer<typeof PickListDto>;

export const PickResultDto = PickListDto.extend({
  recorded: z.object({ sku: z.string(), locationCode: z.string(), quantity: z.number(), expected: z.number(), short: z.number() }),
});
