import { fileURLToPath } from 'node:url';
import type { Module } from '../../platform/http/app.js';
import { catalogRoutes } from './routes.js';

export const catalogModule: Module = {
  name: 'catalog',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: catalogRoutes,
};
