import { fileURLToPath } from 'node:url';
import type { Module } from '../../platform/http/app.js';

export const tasksModule: Module = {
  name: 'tasks',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
};
