import { fileURLToPath } from 'node:url';
import type { Module } from '../../platform/http/app.js';
import { countRoutes } from './counts.routes.js';
import { putAwayRoutes } from './put-away.routes.js';
import { stockRoutes } from './stock.routes.js';
import { transferRoutes } from './transfers.routes.js';
import { warehouseRoutes } from './warehouses.routes.js';

export const inventoryModule: Module = {
  name: 'inventory',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: (app, ctx) => {
    warehouseRoutes(app, ctx);
    stockRoutes(app, ctx);
    transferRoutes(app, ctx);
    countRoutes(app, ctx);
    putAwayRoutes(app, ctx);
  },
};

// ---- the door: what code outside this module may use (nothing imports its other files) ----
export { runDoctor } from './doctor.js';
export type { DoctorReport } from './doctor.js';
export { openingStockImport } from './import.js';
export { allocate, heldQuantities, listAllocations, pickAllocation, releaseReservation, reserve, shipReservation } from './reservations.js';
export type { Allocation } from './reservations.js';
export { availableByWarehouse, lockAvailability, pairKey, reserveBatch } from './reserve-batch.js';
export { applyMovement, changeStockStatus, getBalance, listBalances, listStockLevels, lockBalances, onStockAvailable, stockBecameAvailable } from './stock.service.js';
export type { StockBatchListener, StockListener } from './stock.service.js';
export { setBackorderDemand } from './transfer-proposals.js';
export type { BackorderDemand } from './transfer-proposals.js';
export { defaultLocation, findLocationByCode, getLocation, getWarehouse, listLocations, listWarehouses } from './warehouses.service.js';
export type { Location } from './warehouses.service.js';
