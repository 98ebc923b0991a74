import { fileURLToPath } from 'node:url';
import type { Module } from '../../platform/http/app.js';
import { storageRoutes } from './routes.js';

export const storageModule: Module = {
  name: 'storage',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: storageRoutes,
};
