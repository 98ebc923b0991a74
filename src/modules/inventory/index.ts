import { fileURLToPath } from 'node:url';
import type { Module } from '../../platform/http/app.js';
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
  },
};
