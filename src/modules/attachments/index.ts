import { fileURLToPath } from 'node:url';
import type { Module } from '../../platform/http/app.js';
import { attachmentRoutes } from './routes.js';

export const attachmentsModule: Module = {
  name: 'attachments',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: attachmentRoutes,
};
