/**
 * Cross-module flows that react to another module's news: stock becoming available (backorders)
 * and carriers' tracking (orders). `registerFlows` is called once by buildApp, before any route.
 */
import type { Config } from '../config.js';
import { onStockAvailable, setBackorderDemand } from '../modules/inventory/index.js';
import type { ShipCalendar } from '../modules/orders/index.js';
import { onShipmentStatusChanged } from '../modules/shipping/index.js';
import { backorderDemand } from './backorder-demand.js';
import { backorderBatchListener, backorderListener } from './backorders.js';
import { trackingListener } from './tracking.js';

/** The ship calendar of the app that registered last (one per process in practice). */
let calendar: ShipCalendar = { cutoff: '15:00', workingDays: [1, 2, 3, 4, 5], timeZone: 'Asia/Shanghai' };
const onStock = backorderListener(() => calendar);
const onStockMany = backorderBatchListener(() => calendar);

export function shipCalendar(config: Pick<Config, 'shipCutoff' | 'workingDays' | 'timeZone'>): ShipCalendar {
  return { cutoff: config.shipCutoff, workingDays: config.workingDays, timeZone: config.timeZone };
}

export function registerFlows(config: Pick<Config, 'shipCutoff' | 'workingDays' | 'timeZone'>): void {
  calendar = shipCalendar(config);
  // The listener registries ignore a function already registered, so a second app adds nothing.
  onStockAvailable(onStock, onStockMany);
  onShipmentStatusChanged(trackingListener);
  setBackorderDemand(backorderDemand);
}
