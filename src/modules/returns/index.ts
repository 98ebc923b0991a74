import { fileURLToPath } from 'node:url';
import type { Module } from '../../platform/http/app.js';
import { returnRoutes } from './routes.js';

export const returnsModule: Module = {
  name: 'returns',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: returnRoutes,
};
