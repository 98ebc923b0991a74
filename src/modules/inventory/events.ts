/** Events the inventory module writes. */
export const INVENTORY_EVENTS = {
  warehouseCreated: 'warehouse.created',
  warehouseUpdated: 'warehouse.updated',
  locationCreated: 'location.created',
  locationUpdated: 'location.updated',
  stockReceived: 'stock.received',
  stockMoved: 'stock.moved',
  stockAdjusted: 'stock.adjusted',
  stockStatusChanged: 'stock.status_changed',
  stockLow: 'stock.low',
  stockReserved: 'stock.reserved',
  stockAllocated: 'stock.allocated',
  stockPicked: 'stock.picked',
  stockShipped: 'stock.shipped',
  stockReleased: 'stock.released',
  safetyStockSet: 'stock.safety_stock_set',
  countOpened: 'count.opened',
  countSubmitted: 'count.submitted',
  countApproved: 'count.approved',
  countRejected: 'count.rejected',
} as const;

export const LOCATION_LEVELS = ['zone', 'aisle', 'rack', 'bin'] as const;
export const LOCATION_TYPES = ['storage', 'picking', 'receiving', 'shipping', 'quarantine', 'returns'] as const;
export const STOCK_STATUSES = ['available', 'quarantine', 'damaged', 'pending_inspection', 'pending_repair'] as const;
export const ADJUSTMENT_REASONS = ['count', 'damaged', 'lost', 'found', 'expired', 'correction', 'sample', 'other'] as const;

/** A blind cycle count: open → submitted → approved | rejected; a rejection with recount goes back to open. */
export const COUNT_STATUSES = ['open', 'submitted', 'approved', 'rejected'] as const;
/** Why a put-away suggestion was made, best first. */
export const PUT_AWAY_REASONS = ['same_sku_lot', 'same_sku', 'empty_near'] as const;

export type LocationLevel = (typeof LOCATION_LEVELS)[number];
export type LocationType = (typeof LOCATION_TYPES)[number];
export type StockStatus = (typeof STOCK_STATUSES)[number];
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number];
export type CountStatus = (typeof COUNT_STATUSES)[number];
export type PutAwayReason = (typeof PUT_AWAY_REASONS)[number];
