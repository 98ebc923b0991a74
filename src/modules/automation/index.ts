import { fileURLToPath } from 'node:url';
import type { Module } from '../../platform/http/app.js';
import { automationRoutes } from './routes.js';

export const automationModule: Module = {
  name: 'automation',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: automationRoutes,
};

// ---- the door: what code outside this module may use (nothing imports its other files) ----
export { ensureBuiltinRules } from './builtin-rules.js';
export { startAutomation } from './worker.js';
export type { Automation } from './worker.js';
