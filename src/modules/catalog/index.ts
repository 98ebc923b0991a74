import { fileURLToPath } from 'node:url';
import type { Module } from '../../platform/http/app.js';
import { catalogRoutes } from './routes.js';

export const catalogModule: Module = {
  name: 'catalog',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: catalogRoutes,
};

// ---- the door: what code outside this module may use (nothing imports its other files) ----
export { findProductByCode, getProduct, getProductRefs, listProducts, resolveSkus } from './catalog.service.js';
export type { ProductRef } from './catalog.service.js';
export { productImport } from './import.js';
