import { fileURLToPath } from 'node:url';
import type { Module } from '../../platform/http/app.js';
import { addressRoutes } from './addresses.routes.js';
import { customerRoutes } from './routes.js';

export const customersModule: Module = {
  name: 'customers',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: (app, ctx) => {
    customerRoutes(app, ctx);
    addressRoutes(app, ctx);
  },
};

// ---- the door: what code outside this module may use (nothing imports its other files) ----
export { addCustomerTags, createCustomer, findCustomersByKeys, getCustomer, getCustomerAddress, getCustomerChatId, getCustomerRef, getDefaultAddresses, listCustomers, removeCustomerTag } from './customers.service.js';
export type { CustomerRef } from './customers.service.js';
export { customerImport } from './import.js';
