import { fileURLToPath } from 'node:url';
import type { Module } from '../../platform/http/app.js';
import { documentRoutes } from './documents.routes.js';
import { orderRoutes } from './routes.js';

export const ordersModule: Module = {
  name: 'orders',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: (app, ctx) => {
    orderRoutes(app, ctx);
    documentRoutes(app, ctx);
  },
};

// ---- the door: what code outside this module may use (nothing imports its other files) ----
export { shipToOf } from './address.js';
export { confirmOrBackorder, tryConfirm } from './confirm.js';
export { recordCarrierProgress } from './delivery.js';
export { ORDER_EVENTS } from './events.js';
export type { OrderChannel } from './events.js';
export { orderImport } from './import.js';
export { holdOrder, setOrderPriority } from './order-hold.js';
export { NewOrderInput, OrderDto, tags as orderTags } from './orders.schema.js';
export type { NewOrder, Order, ShipTo } from './orders.schema.js';
export { assertOrderVisible, getOrder, getOrderRow, linesOf, listOrders, lockOrder, recordOrderEvent, shippedUnits } from './orders.service.js';
export type { OrderRow } from './orders.service.js';
export { shipCalendarOf } from './promised-date.js';
export type { ShipCalendar } from './promised-date.js';
export { createOrder } from './create.js';
export type { NewOrderRecord } from './create.js';
export { backorderedDemand, nextBackordersWaitingOn, pairsWithBackorders } from './backorders.js';
