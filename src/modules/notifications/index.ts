import { fileURLToPath } from 'node:url';
import type { Module } from '../../platform/http/app.js';
import { notificationRoutes } from './routes.js';

export const notificationsModule: Module = {
  name: 'notifications',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: notificationRoutes,
};
