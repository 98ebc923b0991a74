/** Every business module, in migration order. A new module is one line here. */
import { fileURLToPath } from 'node:url';
import type { MigrationSource } from '../platform/db/migrate.js';
import type { Module } from '../platform/http/app.js';
import { integrationModule } from './integration/index.js';
import { catalogModule } from './catalog/index.js';
import { inventoryModule } from './inventory/index.js';
import { customersModule } from './customers/index.js';
import { shippingModule } from './shipping/index.js';
import { ordersModule } from './orders/index.js';
import { notificationsModule } from './notifications/index.js';
import { attachmentsModule } from './attachments/index.js';
import { tasksModule } from './tasks/index.js';
import { automationModule } from './automation/index.js';
import { returnsModule } from './returns/index.js';
import { storageModule } from './storage/index.js';

export const MODULES: Module[] = [integrationModule, catalogModule, inventoryModule, customersModule, shippingModule, ordersModule, notificationsModule, attachmentsModule, tasksModule, automationModule, returnsModule, storageModule];

const here = (rel: string) => fileURLToPath(new URL(rel, import.meta.url));

export const MIGRATION_SOURCES: MigrationSource[] = [
  { module: 'events', dir: here('../platform/events/migrations') },
  { module: 'auth', dir: here('../platform/auth/migrations') },
  { module: 'http', dir: here('../platform/http/migrations') },
  { module: 'imports', dir: here('../platform/imports/migrations') },
  { module: 'audit', dir: here('../platform/audit/migrations') },
  ...MODULES.filter((m) => m.migrations).map((m) => ({ module: m.name, dir: m.migrations! })),
];
