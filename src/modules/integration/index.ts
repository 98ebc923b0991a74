/** Integration: the event log's consumers (the events API and its live SSE stream, webhooks) and imports from spreadsheets. */
import { fileURLToPath } from 'node:url';
import type { Module } from '../../platform/http/app.js';
import { importRoutes } from '../../platform/imports/routes.js';
import { eventRoutes } from './events.routes.js';
import { IMPORT_KINDS } from './imports.js';
import { webhookRoutes } from './webhooks/webhooks.routes.js';

export const integrationModule: Module = {
  name: 'integration',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: (app, ctx) => {
    eventRoutes(app, ctx);
    webhookRoutes(app, ctx);
    importRoutes(app, ctx, IMPORT_KINDS);
  },
};

// ---- the door: what code outside this module may use (nothing imports its other files) ----
export { enqueueWebhookDelivery } from './webhooks/enqueue.js';
export { startWebhooks } from './webhooks/worker.js';
export type { WebhookWorker } from './webhooks/worker.js';
