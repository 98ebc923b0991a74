import { fileURLToPath } from 'node:url';
import type { Module } from '../../platform/http/app.js';
import { notificationRoutes } from './routes.js';

export const notificationsModule: Module = {
  name: 'notifications',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: notificationRoutes,
};

// ---- the door: what code outside this module may use (nothing imports its other files) ----
export { notifyTeam, sendNotification } from './notifications.service.js';
export { startNotificationSender } from './sender.js';
export type { NotificationSender } from './sender.js';
