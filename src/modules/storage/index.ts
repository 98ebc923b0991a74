import { fileURLToPath } from 'node:url';
import type { Module } from '../../platform/http/app.js';
import { storageRoutes } from './routes.js';

export const storageModule: Module = {
  name: 'storage',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: storageRoutes,
};

// ---- the door: what code outside this module may use (nothing imports its other files) ----
export { startStorageAlerts } from './alerts.js';
export type { StorageAlerts } from './alerts.js';
export { getDeposit, getVoucherCode } from './shared.js';
