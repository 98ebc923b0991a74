/** The storage API's inputs and outputs (Zod): one vocabulary for routes, services and tests. */
import { z } from 'zod';
import { CUSTODY_ACTIONS, DEPOSIT_STATUSES, ITEM_STATUSES, OVERDUE_REASONS, SIZE_CLASSES } from './events.js';
import { Id, Phone } from '../../platform/http/schemas.js';
export { Id, Phone };

export const Category = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(40)
  .regex(/^[^\u0000-\u001f\u007f]+$/, 'category has no control characters')
  .describe('luggage, consignment, 行李, …; compared in lower case');
export const SizeClass = z.enum(SIZE_CLASSES);
// Scanned codes are checked by looking them up: a code that is not ours is unknown, whatever its shape.
export const ItemCode = z.string().trim().toUpperCase().min(1).max(32).describe('the scanned item label, e.g. ST-7KQ2M9XD');
export const VoucherCode = z.string().trim().toUpperCase().min(1).max(32).describe("the customer's voucher code, 10 letters and digits");
export const LocationCode = z.string().trim().min(1).max(64);
export const Money = z.number().int().min(0).max(100_000_000_000).describe('minor units (fen / cents)');
const When = z.iso.datetime({ offset: true });
const CustomFields = z
  .record(z.string().trim().min(1).max(50), z.string().max(500))
  .refine((r) => Object.keys(r).length <= 30, 'at most 30 custom fields');

export const NewItemInput = z
  .object({
    category: Category,
    sizeClass: SizeClass,
    description: z.string().trim().min(1).max(500),
    declaredValue: Money.optional(),
    photoIds: z.array(Id).max(20).optional().describe('attachment ids (POST /api/v1/attachments)'),
    customFields: CustomFields.optional(),
    expectedPickupAt: When.optional().describe("defaults to the deposit's"),
  })
  .strict();

export const CheckInInput = z
  .object({
    warehouseId: Id,
    customerId: Id.optional(),
    customerPhone: Phone.optional().describe('a walk-in: found by phone, created when absent'),
    customerName: z.string().trim().min(1).max(200).optional(),
    locale: z.enum(['zh-CN', 'en']).optional().describe("the voucher's language; the customer's locale when absent"),
    expectedPickupAt: When.optional(),
    items: z.array(NewItemInput).min(1).max(50),
  })
  .strict();
export type CheckIn = z.output<typeof CheckInInput>;
export type NewItem = z.output<typeof NewItemInput>;

export const ScanLocationInput = z.object({ locationCode: LocationCode.describe('the scanned location label') }).strict();
export const CorrectionInput = z
  .object({ locationCode: LocationCode.describe('where the item really is'), reason: z.string().trim().min(3).max(500) })
  .strict();
export const CountInput = z
  .object({ warehouseId: Id, locationCode: LocationCode, scannedCodes: z.array(ItemCode).max(1000) })
  .strict();

/** The customer's on-screen signature: a PNG data URL, or an attachment uploaded before; exactly one. */
export const SignatureInput = z
  .object({
    dataUrl: z.string().max(700_000).optional().describe('data:image/png;base64,…'),
    attachmentId: Id.optional().describe('an image uploaded with POST /api/v1/attachments'),
  })
  .strict();
export const CheckOutInput = z
  .object({
    voucherCode: VoucherCode.describe("the scanned customer's voucher"),
    itemCodes: z.array(ItemCode).min(1).max(50).describe('the scanned item labels'),
    receivedBy: z.string().trim().min(1).max(200).describe('who collects (the customer or their agent)'),
    signature: SignatureInput,
  })
  .strict();
export type CheckOut = z.output<typeof CheckOutInput>;

export const TariffInput = z
  .object({
    sizeClass: SizeClass.nullable().default(null).describe('null = any size class'),
    category: Category.nullable().default(null).describe('null = any category'),
    unit: z.enum(['day', 'hour']),
    rate: z.number().int().min(0).max(100_000_000),
    graceMinutes: z.number().int().min(0).max(525_600).default(0),
    minimumCharge: z.number().int().min(0).max(100_000_000).default(0),
    cap: z.number().int().min(0).max(1_000_000_000).nullable().default(null),
    currency: z.string().regex(/^[A-Z]{3}$/).default('CNY'),
  })
  .strict();
export const TariffPatchInput = TariffInput.omit({ sizeClass: true, category: true }).partial().strict();

export const LocationSettingsInput = z
  .object({
    acceptedSizeClasses: z.array(SizeClass).max(SIZE_CLASSES.length).default([]),
    acceptedCategories: z.array(Category).max(50).default([]),
    itemCapacity: z.number().int().min(0).max(1_000_000).nullable().default(null),
  })
  .strict();
export const SettingsInput = z.object({ maxStorageDays: z.number().int().min(1).max(3650).nullable() }).strict();

// ---- outputs ------------------------------------------------------------------------------

export const LocationRefDto = z.object({ id: z.number(), code: z.string() });
export const FeeDto = z.object({
  amount: z.number().describe('minor units'),
  currency: z.string(),
  settled: z.boolean().describe('true once charged at check-out; otherwise the fee so far'),
});
export const ItemDto = z.object({
  id: z.number(),
  code: z.string(),
  depositId: z.number(),
  depositNumber: z.string(),
  customerId: z.number(),
  warehouseId: z.number(),
  category: z.string(),
  sizeClass: SizeClass,
  description: z.string(),
  declaredValue: z.number().nullable(),
  photoIds: z.array(z.number()),
  customFields: z.record(z.string(), z.string()),
  expectedPickupAt: z.string().nullable(),
  status: z.enum(ITEM_STATUSES),
  location: LocationRefDto.nullable(),
  checkedInAt: z.string(),
  checkedOutAt: z.string().nullable(),
  fee: FeeDto,
});
export const DepositDto = z.object({
  id: z.number(),
  depositNumber: z.string(),
  voucherMasked: z.string().describe("the customer's voucher as ••••AB (its last 2 characters): it is shown once, when made, and kept only hashed"),
  status: z.enum(DEPOSIT_STATUSES),
  customer: z.object({ id: z.number(), name: z.string(), phone: z.string().nullable() }),
  warehouse: z.object({ id: z.number(), code: z.string(), name: z.string() }),
  expectedPickupAt: z.string().nullable(),
  locale: z.enum(['zh-CN', 'en']),
  checkedInBy: z.string(),
  checkedInAt: z.string(),
  closedAt: z.string().nullable(),
  items: z.array(ItemDto),
  feeDue: z.number().describe('fees so far of the items still stored, minor units'),
  feeCharged: z.number().describe('fees settled at check-outs, minor units'),
});
/** At check-in only: the voucher code is a secret the customer holds, kept only hashed, never shown again. */
export const CheckedInDto = DepositDto.extend({ voucherCode: z.string() });

export const CustodyEntryDto = z.object({
  id: z.number(),
  action: z.enum(CUSTODY_ACTIONS),
  actor: z.string(),
  at: z.string(),
  warehouseId: z.number(),
  location: z.string().nullable(),
  fromLocation: z.string().nullable(),
  photoIds: z.array(z.number()),
  reason: z.string().nullable(),
  countId: z.number().nullable(),
  handover: z.object({ id: z.number(), receivedBy: z.string(), signatureAttachmentId: z.number() }).nullable(),
});
export const ItemWithHistoryDto = ItemDto.extend({ history: z.array(CustodyEntryDto) });

export const RecommendationDto = z.object({
  locationId: z.number(),
  code: z.string(),
  capacity: z.number().nullable(),
  occupancy: z.number(),
  free: z.number().nullable(),
  score: z.number(),
});
export const CountDto = z.object({
  id: z.number(),
  warehouseId: z.number(),
  location: LocationRefDto,
  expected: z.number(),
  found: z.number(),
  missing: z.array(z.string()),
  unexpected: z.array(z.string()),
  misplaced: z.array(z.object({ code: z.string(), recordedLocation: z.string().nullable() })),
  countedBy: z.string(),
  countedAt: z.string(),
});
export const HandoverDto = z.object({
  id: z.number(),
  depositId: z.number(),
  depositNumber: z.string(),
  receivedBy: z.string(),
  signatureAttachmentId: z.number(),
  items: z.array(z.object({ code: z.string(), fee: z.number() })),
  feeTotal: z.number(),
  currency: z.string(),
  depositStatus: z.enum(DEPOSIT_STATUSES),
  handedOverBy: z.string(),
  handedOverAt: z.string(),
});
export const TariffDto = z.object({
  id: z.number(),
  sizeClass: SizeClass.nullable(),
  category: z.string().nullable(),
  unit: z.enum(['day', 'hour']),
  rate: z.number(),
  graceMinutes: z.number(),
  minimumCharge: z.number(),
  cap: z.number().nullable(),
  currency: z.string(),
});
export const LocationSettingsDto = z.object({
  locationId: z.number(),
  warehouseId: z.number(),
  code: z.string(),
  type: z.string(),
  acceptedSizeClasses: z.array(SizeClass),
  acceptedCategories: z.array(z.string()),
  itemCapacity: z.number().nullable(),
  capacity: z.number().nullable().describe('items it holds at most: itemCapacity, else the location capacity; null = unlimited'),
  occupancy: z.number().describe('items stored there now'),
});
export const SettingsDto = z.object({ maxStorageDays: z.number().nullable() });
export const OverdueDto = z.object({
  code: z.string(),
  depositNumber: z.string(),
  customerId: z.number(),
  description: z.string(),
  checkedInAt: z.string(),
  expectedPickupAt: z.string().nullable(),
  reasons: z.array(z.enum(OVERDUE_REASONS)),
});
