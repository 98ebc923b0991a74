/** Transfers' vocabulary (statuses, events) and the API's input and output shapes. */
import { z } from 'zod';
import { PageQuery } from '../../platform/http/pagination.js';
import { EntityId, MultiLineText, SingleLineText } from './warehouses.routes.js';

export const TRANSFER_STATUSES = ['draft', 'released', 'shipped', 'partially_received', 'closed', 'cancelled'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];
/** Transfers whose stock is still on its way (or about to be): they count as inbound / outbound. */
export const OPEN_TRANSFER_STATUSES: TransferStatus[] = ['draft', 'released', 'shipped', 'partially_received'];
export const DISCREPANCY_KINDS = ['shortage', 'overage'] as const;

/** Events transfers write (entityType `transfer`, or `transfer_proposal` for `transfer.proposed`). */
export const TRANSFER_EVENTS = {
  proposed: 'transfer.proposed',
  proposalDismissed: 'transfer_proposal.dismissed',
  created: 'transfer.created',
  released: 'transfer.released',
  shipped: 'transfer.shipped',
  received: 'transfer.received',
  closed: 'transfer.closed',
  cancelled: 'transfer.cancelled',
} as const;

/** The reservation reference type that holds a transfer line's stock at the source. */
export const TRANSFER_REF_TYPE = 'transfer_line';

export const tags = ['inventory'];

// ---- inputs --------------------------------------------------------------------------------

const BodyId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const Code = z
  .string()
  .trim()
  .regex(/^[\x21-\x7e]{1,64}$/, 'a code is 1 to 64 printable characters without spaces');
const Sku = Code.describe('A SKU or one of its barcodes (what a scanner reads)');
const Quantity = z.number().int().min(1).max(1_000_000);
const Lot = SingleLineText(64).describe('Lot or batch; empty = any lot');
const Reason = MultiLineText(1000).pipe(z.string().min(1, 'give a reason'));

export const TransferParams = z.object({ id: EntityId });

export const NewTransferInput = z
  .object({
    fromProposal: z
      .object({ sku: Sku, fromWarehouseId: BodyId, toWarehouseId: BodyId })
      .strict()
      .optional()
      .describe('Accept the proposal computed now for this product and pair of warehouses (quantity as proposed); instead of lines'),
    fromWarehouseId: BodyId.optional().describe('With lines: the warehouse the stock leaves'),
    toWarehouseId: BodyId.optional().describe('With lines: the warehouse that receives it'),
    lines: z
      .array(z.object({ sku: Sku, quantity: Quantity, lot: Lot.optional() }).strict())
      .min(1)
      .max(200)
      .optional(),
    reference: SingleLineText(200).pipe(z.string().min(1)).optional(),
    note: MultiLineText(1000).optional(),
  })
  .strict();

export const ShipInput = z
  .object({
    lines: z
      .array(z.object({ lineId: BodyId, quantity: z.number().int().min(0).max(1_000_000) }).strict())
      .max(200)
      .optional()
      .describe('Ship less than asked on some lines (0 = none); the rest of their reservation is released. Unlisted lines ship in full'),
  })
  .strict();

export const ReceiptInput = z
  .object({
    locationId: BodyId.optional().describe("The destination's location the units are scanned into; default its first receiving location"),
    locationCode: Code.optional().describe('Or the scanned code of that location'),
    lines: z
      .array(
        z
          .object({
            lineId: BodyId.optional().describe('The transfer line; or name it by sku (and lot)'),
            sku: Sku.optional(),
            lot: Lot.optional().describe('The lot scanned; default: what is in transit, earliest expiry first'),
            quantity: Quantity,
          })
          .strict(),
      )
      .min(1)
      .max(200),
  })
  .strict();

export const ReasonInput = z.object({ reason: Reason }).strict();

export const TransferListQuery = PageQuery.extend({
  status: z.enum(TRANSFER_STATUSES).optional(),
  fromWarehouseId: EntityId.optional(),
  toWarehouseId: EntityId.optional(),
});
export const ProposalQuery = PageQuery.extend({
  warehouseId: EntityId.optional().describe('The warehouse that is short; default every warehouse'),
  sku: Sku.optional(),
});
export const InTransitQuery = z.object({
  sku: Sku.optional(),
  warehouseId: EntityId.optional().describe('Stock on its way to or from this warehouse'),
});

// ---- outputs -------------------------------------------------------------------------------

export const TransferLineDto = z.object({
  id: z.number(),
  lineNo: z.number(),
  productId: z.number(),
  sku: z.string().nullable(),
  lot: z.string(),
  quantity: z.number(),
  shipped: z.number(),
  received: z.number(),
  writtenOff: z.number(),
  inTransit: z.number().describe('shipped − received − written off'),
});

export const DiscrepancyDto = z.object({
  id: z.number(),
  lineId: z.number(),
  productId: z.number(),
  sku: z.string().nullable(),
  lot: z.string(),
  kind: z.enum(DISCREPANCY_KINDS),
  quantity: z.number(),
  reason: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});

export const TransferSummaryDto = z.object({
  id: z.number(),
  number: z.string(),
  fromWarehouseId: z.number(),
  toWarehouseId: z.number(),
  status: z.enum(TRANSFER_STATUSES),
  closedReason: z.enum(['received', 'written_off']).nullable(),
  writeOffReason: z.string().nullable(),
  cancelReason: z.string().nullable(),
  reference: z.string().nullable(),
  note: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  releasedAt: z.string().nullable(),
  shippedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
});

export const TransferDto = TransferSummaryDto.extend({
  lines: z.array(TransferLineDto),
  discrepancies: z.array(DiscrepancyDto),
});

export const ProposalDto = z.object({
  productId: z.number(),
  sku: z.string().nullable(),
  fromWarehouseId: z.number(),
  toWarehouseId: z.number(),
  quantity: z.number().describe('min(need, surplus)'),
  need: z.number().describe('safety stock + backordered − available − inbound, at the destination'),
  surplus: z.number().describe('available − safety stock − backordered − draft transfers out, at the source'),
  reason: z.enum(['backorders', 'below_safety_stock']),
  available: z.number().describe("The destination's available-to-promise"),
  safetyStock: z.number(),
  backordered: z.number(),
  inbound: z.number().describe('Already on open transfers to the destination'),
  proposalId: z.number().nullable().describe('The open proposal recorded with transfer.proposed, if any'),
});

export const RecordedProposalDto = z.object({
  id: z.number(),
  productId: z.number(),
  sku: z.string().nullable(),
  fromWarehouseId: z.number(),
  toWarehouseId: z.number(),
  quantity: z.number(),
  status: z.enum(['open', 'accepted', 'dismissed']),
  transferId: z.number().nullable().describe('The transfer that accepted it'),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});

export const InTransitDto = z.object({
  items: z.array(
    z.object({
      productId: z.number(),
      sku: z.string().nullable(),
      fromWarehouseId: z.number(),
      toWarehouseId: z.number(),
      quantity: z.number(),
      transfers: z.array(z.object({ id: z.number(), number: z.string(), lot: z.string(), quantity: z.number() })),
    }),
  ),
});
