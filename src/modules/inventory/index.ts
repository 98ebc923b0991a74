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
