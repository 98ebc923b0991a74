/**
 * One Vite build, three surfaces, each its own entry and bundle: the console (`/`), the handheld
 * (`/floor`) and, later, the customer portal (`/portal`). The handheld never loads the console's
 * tables and charts. `npm run web:dev` serves it with the API proxied to a running Wareloop.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react()],
  build: {
    outDir: here('../dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: { console: here('index.html'), floor: here('floor/index.html') },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000', '/health': 'http://localhost:3000' },
  },
});
