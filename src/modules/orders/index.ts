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
