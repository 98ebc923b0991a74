import { fileURLToPath } from 'node:url';
import type { Module } from '../../platform/http/app.js';
import { attachmentRoutes } from './routes.js';

export const attachmentsModule: Module = {
  name: 'attachments',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: attachmentRoutes,
};

// ---- the door: what code outside this module may use (nothing imports its other files) ----
export { fromDataUrl, getAttachments, linkAttachments, readAttachment, saveAttachment } from './attachments.service.js';
export type { AttachmentScope } from './attachments.service.js';
