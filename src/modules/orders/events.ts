/**
 * Events the orders module writes. Every one is about an order (entity `order`) and carries the
 * order's customer, so it lands on the customer's timeline. Payloads always include `number`.
 */
export const ORDER_EVENTS = {
  created: 'order.created',
  confirmed: 'order.confirmed',
  backordered: 'order.backordered',
  pickingStarted: 'order.picking_started',
  itemPicked: 'order.item_picked',
  picked: 'order.picked',
  packed: 'order.packed',
  shipped: 'order.shipped',
  inTransit: 'order.in_transit',
  outForDelivery: 'order.out_for_delivery',
  delivered: 'order.delivered',
  deliveryFailed: 'order.delivery_failed',
  cancelled: 'order.cancelled',
  intercepted: 'order.intercepted',
  exception: 'order.exception',
  resumed: 'order.resumed',
  addressChanged: 'order.address_changed',
  held: 'order.held',
  holdReleased: 'order.hold_released',
  priorityChanged: 'order.priority_changed',
} as const;

export type OrderEventType = (typeof ORDER_EVENTS)[keyof typeof ORDER_EVENTS];

/** Where an order comes from. Reports group by it; add a channel here when a new one opens. */
export const ORDER_CHANNELS = ['web', 'app', 'tmall', 'taobao', 'jd', 'pinduoduo', 'douyin', 'wechat', 'phone', 'store', 'api', 'marketplace', 'other'] as const;
export type OrderChannel = (typeof ORDER_CHANNELS)[number];

/** What caused a confirmation: the order's creation, stock arriving, a resume, or a retry. */
export type ConfirmTrigger = 'placed' | 'stock_available' | 'resumed' | 'retried';
