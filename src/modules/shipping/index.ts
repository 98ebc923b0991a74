import { fileURLToPath } from 'node:url';
import type { Module } from '../../platform/http/app.js';
import { shippingRoutes } from './routes.js';

export const shippingModule: Module = {
  name: 'shipping',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: shippingRoutes,
};
