import { fileURLToPath } from 'node:url';
import type { Module } from '../../platform/http/app.js';
import { taskRoutes } from './routes.js';

export const tasksModule: Module = {
  name: 'tasks',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: taskRoutes,
};
