/** The after-sales API's input and output shapes: validation, the OpenAPI document and the DTO types. */
import { z } from 'zod';
import { DISCREPANCY_KINDS, DISPOSITIONS, GRADES, REFUND_KINDS, REFUND_STATUSES, RESOLUTIONS, RETURN_STATUSES, RETURN_TYPES } from './events.js';
import { Id, NO_CONTROL, Phone } from '../../platform/http/schemas.js';
export { Id };

export const tags = ['returns'];
export const IdParams = z.object({ id: Id });
const Quantity = z.number().int().min(1).max(1_000_000);
export const Text = (max: number) => z.string().trim().min(1).max(max).regex(NO_CONTROL, 'no control characters');
const Sku = z.string().trim().regex(/^[A-Za-z0-9._-]{1,64}$/, 'SKU is 1 to 64 letters, digits, "-", "_" or "."');
const Code = z.string().trim().regex(/^[\x21-\x7e]{1,64}$/, 'a scanned code is 1 to 64 printable ASCII characters without spaces');
const hasCents = (v: number) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6;
export const Amount = z.number().positive().max(10_000_000_000).refine(hasCents, 'at most 2 decimal places');
const PhotoIds = z.array(Id).max(20).describe('Attachment ids (POST /api/v1/attachments)');
export const ReasonCode = z.string().trim().regex(/^[a-z][a-z0-9_]{0,39}$/, 'a reason code is lower-case letters, digits and "_", starting with a letter');
export const Category = z.string().trim().min(1).max(100).regex(NO_CONTROL, 'no control characters');

export const ReturnTypeSchema = z.enum(RETURN_TYPES);
export const ReturnStatusSchema = z.enum(RETURN_STATUSES);
export const GradeSchema = z.enum(GRADES);
export const DispositionSchema = z.enum(DISPOSITIONS);

const RequestFields = {
  type: ReturnTypeSchema,
  reasonCode: ReasonCode,
  description: Text(2000).optional(),
  photoIds: PhotoIds.optional(),
  lines: z.array(z.object({ sku: Sku, quantity: Quantity }).strict()).min(1).max(200),
  replacementLines: z
    .array(z.object({ sku: Sku, quantity: Quantity }).strict())
    .min(1)
    .max(200)
    .optional()
    .describe('Exchange: what the customer gets instead (default: the same SKUs and quantities)'),
  requestedAmount: Amount.optional().describe('Compensation: the amount asked for, at most what was paid for the lines'),
};

export const NewReturnInput = z
  .object({
    orderId: Id,
    ...RequestFields,
    advanceExchange: z.boolean().default(false).describe('Exchange: ship the replacement at approval, before the return arrives'),
  })
  .strict();

const Email = z.string().trim().max(254).email();
const OrderNumber = z.string().trim().regex(/^[\x21-\x7e]{1,64}$/, 'an order number such as SO-000123 (or the shop\'s own order number)');

/** How a customer proves the order is theirs: its number and the phone or e-mail on it. */
export const PortalAuth = z.object({ orderNumber: OrderNumber, phone: Phone.optional(), email: Email.optional() });
const { photoIds: _staffPhotos, ...PortalRequestFields } = RequestFields;
/** Photos come inline as data URLs (a customer cannot upload attachments on their own); the whole body stays within the 1 MiB limit. */
export const MAX_PORTAL_PHOTOS = 5;
export const PortalReturnInput = PortalAuth.extend({
  ...PortalRequestFields,
  photos: z
    .array(z.string().max(1_000_000).startsWith('data:', 'a photo is a data URL: data:image/jpeg;base64,…'))
    .max(MAX_PORTAL_PHOTOS)
    .optional()
    .describe('Photos as data URLs (image/jpeg, image/png or image/webp); the request body is at most 1 MiB'),
}).strict();
export const PortalQuery = PortalAuth.strict();
export const PortalParams = z.object({ rmaOrId: z.string().trim().regex(/^(RMA-?[0-9]{1,12}|[0-9]{1,15})$/i, 'an RMA number such as RMA-000012, or a request id') });

export const ReasonInput = z.object({ reason: Text(1000) }).strict();
export const ReceiptInput = z
  .object({
    scans: z.array(z.object({ code: Code, quantity: Quantity.default(1) }).strict()).min(1).max(500).describe('Each scanned SKU or barcode, with a count'),
    locationCode: z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/).optional().describe('A returns location; default the first one of the warehouse'),
    damaged: z
      .array(z.object({ code: Code, quantity: Quantity.default(1), note: Text(500).optional() }).strict())
      .max(200)
      .optional()
      .describe('Announced units that arrived damaged (also counted in scans): each becomes a damaged discrepancy'),
    photoIds: PhotoIds.optional().describe('Photos of the parcel as it arrived'),
    note: Text(1000).optional(),
  })
  .strict();

const Grades = z.object(Object.fromEntries(GRADES.map((g) => [g, z.number().int().min(0).max(1_000_000).optional()])) as Record<(typeof GRADES)[number], z.ZodOptional<z.ZodNumber>>).strict();

export const InspectionInput = z
  .object({
    lines: z
      .array(
        z
          .object({
            returnLineId: Id,
            grades: Grades.describe('How many received units got each grade; they add up to the received quantity'),
            checklist: z.array(z.object({ item: Text(100), passed: z.boolean(), note: Text(500).optional() }).strict()).max(50),
            photoIds: PhotoIds.optional(),
            note: Text(2000).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(200),
  })
  .strict();

export const DisposeInputSchema = z
  .object({
    lines: z
      .array(z.object({ returnLineId: Id, grade: GradeSchema, disposition: DispositionSchema }).strict())
      .max(800)
      .optional()
      .describe("Overrides of the settings' grade → disposition mapping"),
  })
  .strict();

export const ResolveInputSchema = z
  .object({
    amount: Amount.optional().describe('Return: the refund (default what was paid for the units received); compensation: the amount (default the one asked for)'),
    carrier: z.string().trim().regex(/^[a-z][a-z0-9_-]{0,31}$/).optional().describe('Repair: the carrier taking the item back'),
    trackingNumber: z.string().trim().regex(/^[A-Za-z0-9-]{1,64}$/).optional(),
    note: Text(1000).optional(),
  })
  .strict();

export const PayInput = z.object({ paymentReference: Text(100).optional() }).strict();

const Bilingual = z.object({ en: z.string(), zh: z.string() });
const Instructions = Bilingual.extend({ address: z.string(), rmaNumber: z.string() });
const GradesDto = z.record(z.string(), z.number());

export const ReturnLineDto = z.object({
  id: z.number(),
  orderLineId: z.number(),
  productId: z.number(),
  sku: z.string(),
  name: z.string(),
  category: z.string().nullable(),
  quantity: z.number(),
  unitPrice: z.number(),
  receivedQuantity: z.number(),
  grades: GradesDto.nullable(),
});

export const RefundDto = z.object({
  id: z.number(),
  number: z.string(),
  returnId: z.number(),
  kind: z.enum(REFUND_KINDS),
  orderId: z.number(),
  customerId: z.number(),
  amount: z.number(),
  currency: z.string(),
  status: z.enum(REFUND_STATUSES),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  paidAt: z.string().nullable(),
  paymentReference: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});

export const ReturnSummaryDto = z.object({
  id: z.number(),
  rmaNumber: z.string().nullable(),
  type: ReturnTypeSchema,
  advanceExchange: z.boolean(),
  status: ReturnStatusSchema,
  orderId: z.number(),
  orderNumber: z.string(),
  customerId: z.number(),
  warehouseId: z.number(),
  currency: z.string(),
  reasonCode: z.string(),
  description: z.string().nullable(),
  photoIds: z.array(z.number()),
  receiptPhotoIds: z.array(z.number()).describe('Photos of the parcel taken when it was received'),
  source: z.enum(['staff', 'portal']),
  value: z.number(),
  withinWindow: z.boolean(),
  approvalsRequired: z.number(),
  firstApprovedBy: z.string().nullable(),
  firstApprovedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  rejectedBy: z.string().nullable(),
  rejectedAt: z.string().nullable(),
  rejectReason: z.string().nullable(),
  instructions: Instructions.nullable(),
  replacementLines: z.array(z.object({ sku: z.string(), quantity: z.number() })).nullable(),
  replacementOrderId: z.number().nullable(),
  receiptLocationId: z.number().nullable(),
  stockOwnerId: z.number(),
  requestedAmount: z.number().nullable(),
  returnCarrier: z.string().nullable(),
  returnTracking: z.string().nullable(),
  resolution: z.enum(RESOLUTIONS).nullable(),
  receivedAt: z.string().nullable(),
  inspectedAt: z.string().nullable(),
  disposedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const ReturnDto = ReturnSummaryDto.extend({
  lines: z.array(ReturnLineDto),
  discrepancies: z.array(
    z.object({ id: z.number(), kind: z.enum(DISCREPANCY_KINDS), returnLineId: z.number().nullable(), productId: z.number().nullable(), code: z.string(), quantity: z.number(), note: z.string().nullable(), createdAt: z.string() }),
  ),
  inspections: z.array(
    z.object({
      id: z.number(),
      returnLineId: z.number(),
      level: z.number(),
      levelName: z.string(),
      grades: GradesDto,
      checklist: z.array(z.object({ item: z.string(), passed: z.boolean(), note: z.string().optional() })),
      photoIds: z.array(z.number()),
      note: z.string().nullable(),
      inspector: z.string(),
      inspectedAt: z.string(),
    }),
  ),
  dispositions: z.array(
    z.object({ id: z.number(), returnLineId: z.number(), grade: GradeSchema, disposition: DispositionSchema, quantity: z.number(), locationId: z.number().nullable(), decidedBy: z.string(), decidedAt: z.string() }),
  ),
  refunds: z.array(RefundDto),
});

/** What the customer sees of their request. */
export const PortalReturnDto = z.object({
  id: z.number(),
  rmaNumber: z.string().nullable(),
  type: ReturnTypeSchema,
  status: ReturnStatusSchema,
  statusLabel: Bilingual,
  orderNumber: z.string(),
  reason: Bilingual,
  instructions: Instructions.nullable(),
  rejectReason: z.string().nullable(),
  lines: z.array(z.object({ sku: z.string(), name: z.string(), quantity: z.number(), receivedQuantity: z.number() })),
  refunds: z.array(z.object({ number: z.string(), amount: z.number(), currency: z.string(), status: z.enum(REFUND_STATUSES) })),
  replacementOrderId: z.number().nullable(),
  returnTracking: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const ReasonDto = z.object({ code: z.string(), labelEn: z.string(), labelZh: z.string(), active: z.boolean(), sortOrder: z.number() });
export const NewReasonInput = z.object({ code: ReasonCode, labelEn: Text(200), labelZh: Text(200), active: z.boolean().default(true), sortOrder: z.number().int().min(0).max(10_000).default(100) }).strict();
export const ReasonPatchInput = NewReasonInput.omit({ code: true }).partial().strict();

export const PolicyDto = z.object({ category: z.string(), returnable: z.boolean(), returnWindowDays: z.number(), repairWindowDays: z.number() });
export const PolicyInput = z
  .object({ returnable: z.boolean(), returnWindowDays: z.number().int().min(0).max(3650), repairWindowDays: z.number().int().min(0).max(3650) })
  .strict();
export const ChecklistDto = z.object({ category: z.string(), items: z.array(z.string()) });
export const ChecklistInput = z.object({ items: z.array(Text(100)).max(50) }).strict();

const LevelSchema = z.object({ name: z.string().trim().regex(/^[a-z][a-z0-9_]{0,39}$/), minUnitValue: z.number().min(0).max(10_000_000) }).strict();
export const SettingsDto = z.object({
  autoApproveMaxValue: z.number(),
  secondApprovalMinValue: z.number(),
  promiseDays: z.number(),
  inspectionLevels: z.array(z.object({ name: z.string(), minUnitValue: z.number() })),
  gradeDispositions: z.object({ A: DispositionSchema, B: DispositionSchema, C: DispositionSchema, scrap: DispositionSchema }),
});
export const SettingsPatchInput = z
  .object({
    autoApproveMaxValue: z.number().min(0).max(10_000_000).refine(hasCents, 'at most 2 decimal places'),
    secondApprovalMinValue: z.number().min(0).max(10_000_000).refine(hasCents, 'at most 2 decimal places'),
    promiseDays: z.number().int().min(1).max(365),
    inspectionLevels: z
      .array(LevelSchema)
      .min(1)
      .max(5)
      // Runs even when the length check failed: an empty list is that check's to refuse.
      .refine((ls) => ls[0] === undefined || ls[0].minUnitValue === 0, 'the first level applies to every line (minUnitValue 0)')
      .refine((ls) => new Set(ls.map((l) => l.name)).size === ls.length, 'level names are unique'),
    gradeDispositions: z.object({ A: DispositionSchema, B: DispositionSchema, C: DispositionSchema, scrap: DispositionSchema }).partial().strict(),
  })
  .partial()
  .strict();
