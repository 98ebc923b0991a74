/**
 * Cross-module flows that react to another module's news: stock becoming available (backorders)
 * and carriers' tracking (orders), and the routes of the commands that span modules
 * (`flowRoutes`). `registerFlows` is called once by buildApp, before any route.
 */
import type { Config } from '../config.js';
import { onStockAvailable, setBackorderDemand } from '../modules/inventory/index.js';
import { shipCalendarOf, type ShipCalendar } from '../modules/orders/index.js';
import { onShipmentStatusChanged } from '../modules/shipping/index.js';
import { backorderDemand } from './backorder-demand.js';
import { backorderBatchListener, backorderListener } from './backorders.js';
import { trackingListener } from './tracking.js';
import { placeOrderRoutes } from './orders.routes.js';
import { portalReturnRoutes } from './returns/portal.routes.js';
import { returnFlowRoutes } from './returns/routes.js';
import type { App, AppContext } from '../platform/http/app.js';

/** The ship calendar of the app that registered last (one per process in practice). */
let calendar: ShipCalendar = { cutoff: '15:00', workingDays: [1, 2, 3, 4, 5], timeZone: 'Asia/Shanghai' };
const onStock = backorderListener(() => calendar);
const onStockMany = backorderBatchListener(() => calendar);

export function registerFlows(config: Pick<Config, 'shipCutoff' | 'workingDays' | 'timeZone'>): void {
  calendar = shipCalendarOf(config);
  // The listener registries ignore a function already registered, so a second app adds nothing.
  onStockAvailable(onStock, onStockMany);
  onShipmentStatusChanged(trackingListener);
  setBackorderDemand(backorderDemand);
}

/** The routes of the commands that span modules: placing an order, the return flows, the portal's request. */
export function flowRoutes(app: App, ctx: AppContext): void {
  placeOrderRoutes(app, ctx);
  returnFlowRoutes(app, ctx);
  portalReturnRoutes(app, ctx);
}
