/** Integration: the event log's consumers (the events API and its live SSE stream, webhooks). */
import { fileURLToPath } from 'node:url';
import type { Module } from '../../platform/http/app.js';
import { eventRoutes } from './events.routes.js';
import { webhookRoutes } from './webhooks/webhooks.routes.js';

export const integrationModule: Module = {
  name: 'integration',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: (app, ctx) => {
    eventRoutes(app, ctx);
    webhookRoutes(app, ctx);
  },
};
