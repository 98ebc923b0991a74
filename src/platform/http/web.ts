/**
 * Serves the built web app (dist/web, from `npm run build` or `npm start`) from the same process
 * as the API: hashed assets with a long cache, and each surface's page for its paths — the
 * handheld under /floor, the portal under /portal, the console for every other page. API paths
 * never fall through to a page: an unknown /api route stays a problem+json 404.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from './app.js';

const SURFACES = [
  { prefix: '/floor', page: 'floor/index.html' },
  { prefix: '/portal', page: 'portal/index.html' },
];

/** Whether a request is a person's browser asking for a page (not the API, docs or a file). */
function wantsPage(req: FastifyRequest): boolean {
  const path = req.url.split('?')[0]!;
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (/^\/(api|docs|health|openapi\.json|assets)(\/|$)/.test(path)) return false;
  return String(req.headers.accept ?? '').includes('text/html');
}

export async function serveWeb(app: App, root: string): Promise<{ pageFor(req: FastifyRequest, reply: FastifyReply): boolean }> {
  if (!existsSync(join(root, 'index.html'))) return { pageFor: () => false };
  await app.register(fastifyStatic, { root, serve: false });
  app.get('/assets/*', { config: { public: true }, schema: { hide: true } }, (req, reply) =>
    reply.sendFile(`assets/${(req.params as { '*': string })['*']}`, { maxAge: '365d', immutable: true }),
  );
  for (const file of ['favicon.svg', 'favicon.ico']) {
    if (existsSync(join(root, file))) app.get(`/${file}`, { config: { public: true }, schema: { hide: true } }, (_req, reply) => reply.sendFile(file));
  }
  const page = (reply: FastifyReply, file: string) => reply.header('cache-control', 'no-cache').sendFile(file, { maxAge: 0 });
  // The surfaces this build has, read once (a surface not built yet falls back to the console).
  const built = SURFACES.filter((s) => existsSync(join(root, s.page)));
  return {
    /** Answers a page request that matched no route with its surface's page; false when it is not one. */
    pageFor(req, reply) {
      if (!wantsPage(req)) return false;
      const path = req.url.split('?')[0]!;
      const surface = built.find((s) => path === s.prefix || path.startsWith(`${s.prefix}/`));
      void page(reply, surface?.page ?? 'index.html');
      return true;
    },
  };
}
