/** The storage module's vocabularies (statuses, size classes, custody actions) and the events it writes. */
export const STORAGE_EVENTS = {
  depositCheckedIn: 'storage_deposit.checked_in',
  depositClosed: 'storage_deposit.closed',
  voucherReplaced: 'storage_deposit.voucher_replaced',
  itemPutAway: 'storage_item.put_away',
  itemMoved: 'storage_item.moved',
  itemCounted: 'storage_item.counted',
  itemCorrected: 'storage_item.corrected',
  itemCheckedOut: 'storage_item.checked_out',
  itemOverdue: 'storage_item.overdue',
  countRecorded: 'storage_count.recorded',
} as const;
export type StorageEvent = (typeof STORAGE_EVENTS)[keyof typeof STORAGE_EVENTS];

/** checked_in → stored → (moved …) → checked_out */
export const ITEM_STATUSES = ['checked_in', 'stored', 'checked_out'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** A deposit is open until all its items are out. */
export const DEPOSIT_STATUSES = ['open', 'closed'] as const;
export type DepositStatus = (typeof DEPOSIT_STATUSES)[number];

/** Garment-style size classes, the same in the API, the file import and the labels. */
export const SIZE_CLASSES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

export const CUSTODY_ACTIONS = ['checked_in', 'put_away', 'moved', 'counted', 'corrected', 'checked_out'] as const;
export type CustodyAction = (typeof CUSTODY_ACTIONS)[number];

export const OVERDUE_REASONS = ['pickup_date_passed', 'max_period_exceeded'] as const;
export type OverdueReason = (typeof OVERDUE_REASONS)[number];

export type WarehouseRef = { id: number; code: string; name: string };
export type ItemRef = { code: string; description: string; category: string; sizeClass: SizeClass };

/**
 * `storage_deposit.checked_in`: what the voucher message needs, but the voucher itself: the
 * rules engine reads it from the deposit when it sends the notice, so it never enters the log.
 */
export type DepositCheckedInPayload = {
  depositNumber: string;
  customerName: string;
  items: ItemRef[];
  expectedPickupAt: string | null;
  warehouse: WarehouseRef;
};
/** `storage_item.put_away` / `storage_item.moved` / `storage_item.corrected` */
export type ItemLocatedPayload = ItemRef & {
  depositNumber: string;
  location: string;
  fromLocation: string | null;
  reason?: string;
};
/** `storage_item.checked_out` */
export type ItemCheckedOutPayload = ItemRef & { depositNumber: string; receivedBy: string; fee: number; currency: string; handoverId: number };
/** `storage_deposit.closed` */
export type DepositClosedPayload = { depositNumber: string; feeTotal: number; currency: string };
/** `storage_item.overdue` */
export type ItemOverduePayload = ItemRef & {
  depositNumber: string;
  reason: OverdueReason;
  expectedPickupAt: string | null;
  checkedInAt: string;
  warehouse: WarehouseRef;
};
/** `storage_count.recorded` */
export type CountRecordedPayload = { location: string; expected: number; found: number; missing: string[]; unexpected: string[]; misplaced: string[] };
