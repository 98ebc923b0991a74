/**
 * The after-sales vocabularies: request types and statuses, grades, dispositions, refund statuses
 * and the events the module writes. Every event concerns a customer and carries their id, so it
 * lands on the customer timeline; payloads carry what a customer message needs.
 */
export const RETURN_TYPES = ['return', 'exchange', 'repair', 'compensation'] as const;
export type ReturnType = (typeof RETURN_TYPES)[number];

/**
 * requested → (awaiting_second_approval →) approved → received → inspected → disposed → resolved;
 * requested | awaiting_second_approval → rejected; requested | approved → cancelled;
 * a compensation goes approved → resolved (no goods move).
 */
export const RETURN_STATUSES = ['requested', 'awaiting_second_approval', 'approved', 'rejected', 'received', 'inspected', 'disposed', 'resolved', 'cancelled'] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];
/** Statuses whose lines no longer count against what may still be returned. */
export const CLOSED_WITHOUT_GOODS: ReturnStatus[] = ['rejected', 'cancelled'];

/** A resalable as new, B resalable as open-box, C needs repair, scrap. */
export const GRADES = ['A', 'B', 'C', 'scrap'] as const;
export type Grade = (typeof GRADES)[number];

export const DISPOSITIONS = ['restock', 'restock_open_box', 'refurbish', 'return_to_vendor', 'scrap'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

export const RESOLUTIONS = ['refund', 'replacement', 'repaired', 'compensation'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export const REFUND_STATUSES = ['pending', 'approved', 'paid'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];
export const REFUND_KINDS = ['refund', 'compensation'] as const;

export const DISCREPANCY_KINDS = ['wrong_item', 'missing', 'extra', 'damaged'] as const;

export const RETURN_EVENTS = {
  requested: 'return.requested',
  firstApproved: 'return.first_approved',
  approved: 'return.approved',
  rejected: 'return.rejected',
  cancelled: 'return.cancelled',
  replacementOrdered: 'return.replacement_ordered',
  received: 'return.received',
  inspected: 'return.inspected',
  disposed: 'return.disposed',
  resolved: 'return.resolved',
  refundCreated: 'refund.created',
  refundApproved: 'refund.approved',
  refundPaid: 'refund.paid',
  reasonSaved: 'return_reason.saved',
  policySaved: 'return_policy.saved',
  checklistSaved: 'return_checklist.saved',
  settingsChanged: 'return_settings.changed',
} as const;
export type ReturnEventType = (typeof RETURN_EVENTS)[keyof typeof RETURN_EVENTS];
