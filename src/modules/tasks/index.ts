import { fileURLToPath } from 'node:url';
import type { Module } from '../../platform/http/app.js';
import { taskRoutes } from './routes.js';

export const tasksModule: Module = {
  name: 'tasks',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: taskRoutes,
};

// ---- the door: what code outside this module may use (nothing imports its other files) ----
export { createTask, getTask, getTeamChatTarget, getTeamRecipients, visibleTaskCondition } from './tasks.service.js';
export type { ChatFormat } from './tasks.service.js';
