/** The customer portal's view of a deposit: no staff names, no locations, no voucher. */
import { z } from 'zod';
import { CUSTODY_ACTIONS, DEPOSIT_STATUSES, ITEM_STATUSES } from './events.js';
import { FeeDto, Phone, SizeClass, VoucherCode } from './storage.schema.js';

export const PortalLookupInput = z.object({ phone: Phone, voucherCode: VoucherCode }).strict();

const Label = z.object({ 'zh-CN': z.string(), en: z.string() });
export const PortalDepositDto = z.object({
  depositNumber: z.string(),
  status: z.enum(DEPOSIT_STATUSES),
  customerName: z.string(),
  warehouse: z.object({ code: z.string(), name: z.string() }),
  checkedInAt: z.string(),
  expectedPickupAt: z.string().nullable(),
  feeDue: z.number(),
  items: z.array(
    z.object({
      code: z.string(),
      description: z.string(),
      category: z.string(),
      sizeClass: SizeClass,
      status: z.enum(ITEM_STATUSES),
      checkedInAt: z.string(),
      checkedOutAt: z.string().nullable(),
      expectedPickupAt: z.string().nullable(),
      fee: FeeDto,
      history: z.array(z.object({ at: z.string(), action: z.enum(CUSTODY_ACTIONS), label: Label, receivedBy: z.string().nullable() })),
    }),
  ),
});
