import { fileURLToPath } from 'node:url';
import type { Module } from '../../platform/http/app.js';
import { automationRoutes } from './routes.js';

export const automationModule: Module = {
  name: 'automation',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: automationRoutes,
};
