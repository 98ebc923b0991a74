/** Builds the Fastify app: OpenAPI, authentication, problem+json errors, and every module's routes. */
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config.js';
import { flowRoutes, registerFlows } from './flows/index.js';
import { MODULES } from './modules/index.js';
import { principalFromApiKey, principalFromSession } from './platform/auth/auth.service.js';
import { sha256 } from './platform/auth/passwords.js';
import { auditRoutes } from './platform/audit/routes.js';
import { authRoutes, SESSION_COOKIE } from './platform/auth/routes.js';
import type { Db } from './platform/db/client.js';
import type { App } from './platform/http/app.js';
import { Forbidden, sendProblem, ServiceUnavailable, toProblem, Unauthorized } from './platform/http/errors.js';
import { boundJsonDepth } from './platform/http/json.js';
import { identifyRequest, trackRequestSources } from './platform/http/request-context.js';
import { refuseNul } from './platform/http/text.js';
import { serveWeb } from './platform/http/web.js';

export const VERSION = '0.1.0';

/**
 * Whether the server can serve yet. `serve` listens at once (so a process manager sees it alive)
 * and flips this once migrations and the demo seed are done; until then every route but the
 * liveness probe answers 503 with Retry-After.
 */
export type Readiness = { ready: boolean };

export async function buildApp(opts: { db: Db; config: Config; logger?: boolean | object; readiness?: Readiness; webRoot?: string }): Promise<App> {
  const { db, config } = opts;
  const readiness = opts.readiness ?? { ready: true };
  const app = Fastify({
    logger: opts.logger ?? { level: config.logLevel },
    // One line per request only when asked for (LOG_LEVEL=debug): at info the log says what
    // happened to the system, not every poll of a screen.
    logController: new LogController({ disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace' }),
    bodyLimit: 1024 * 1024,
    // Long path values reach the route's schema, which refuses them as problem+json.
    routerOptions: { maxParamLength: 4096 },
    return503OnClosing: true,
    // On close, idle keep-alive connections are cut at once; requests in flight still finish.
    forceCloseConnections: 'idle',
    // X-Forwarded-For only from the proxies configured (TRUST_PROXY): anyone else could forge it
    // and slip past the portal's per-address rate limits.
    trustProxy: config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();

  // The API speaks JSON only: any other body is a 415, not a string that fails validation.
  app.removeContentTypeParser('text/plain');
  // Nesting is bounded before anything walks a body recursively.
  boundJsonDepth(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(fastifyCookie);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Wareloop API',
        version: VERSION,
        description:
          'Warehouse operations, CRM, after-sales and customer item storage on one data model and one event stream. ' +
          'Errors are RFC 9457 problem+json. POSTs that create accept an Idempotency-Key header.',
      },
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'An API key from POST /api/v1/api-keys' },
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        },
      },
      security: [{ apiKey: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list', deepLinking: true } });

  // Fail closed: a route that names neither a permission nor `public` does not start.
  app.addHook('onRoute', (route) => {
    const c = route.config as { permission?: string; public?: boolean; authenticated?: boolean } | undefined;
    if (route.url.startsWith('/docs')) {
      route.config = { ...(route.config ?? {}), public: true } as typeof route.config;
      return;
    }
    if (!c?.permission && !c?.public && !c?.authenticated) {
      throw new Error(`route ${route.method} ${route.url} names no permission`);
    }
    // The docs say so too: a public route (the customer portal) asks for no credentials.
    if (c?.public && route.schema && !('security' in route.schema)) (route.schema as { security?: unknown[] }).security = [];
  });

  // First, so every later hook and handler runs in it: events then record the credential and address.
  trackRequestSources(app);
  app.addHook('onRequest', async (req, reply) => {
    if (!readiness.ready && req.routeOptions.url !== '/health/live') {
      reply.header('retry-after', '2');
      throw new ServiceUnavailable('Wareloop is starting (applying migrations, seeding the demo); try again in a moment');
    }
    const c = req.routeOptions.config;
    // Unknown routes fall through to the 404 handler; the docs UI's own routes are public.
    if (!req.routeOptions.url || c.public || req.routeOptions.url.startsWith('/docs')) return;
    const header = req.headers.authorization;
    const key = header?.startsWith('Bearer ') ? header.slice(7).trim() : (req.headers['x-api-key'] as string | undefined);
    const cookie = req.cookies[SESSION_COOKIE];
    const p = key ? await principalFromApiKey(db, key) : cookie ? await principalFromSession(db, cookie) : undefined;
    if (!p) throw new Unauthorized(key || cookie ? 'The API key or session is not valid (revoked or expired?)' : undefined);
    if (c.permission && !p.permissions.has(c.permission)) throw new Forbidden(c.permission);
    req.principal = p;
    // Which credential, never the secret: a session is named by the start of its token's hash.
    identifyRequest(p.actor, key ? `api_key:${p.id}` : `session:${sha256(cookie!).slice(0, 12)}`);
  });

  app.addHook('preValidation', async (req) => {
    refuseNul({ body: req.body, querystring: req.query, params: req.params });
  });

  app.setErrorHandler((err, req, reply) => {
    const problem = toProblem(err as Error, req);
    if (problem.status >= 500 && problem.status !== 503) req.log.error({ err }, 'unhandled error');
    return sendProblem(reply, problem);
  });
  const web = opts.webRoot ? await serveWeb(app, opts.webRoot) : { pageFor: () => false };
  app.setNotFoundHandler((req, reply) => {
    if (web.pageFor(req, reply)) return;
    return sendProblem(reply, { type: 'about:blank', title: 'Not found', status: 404, detail: `No route ${req.method} ${req.url.split('?')[0]}`, instance: req.url.split('?')[0] });
  });

  // Probes as process managers expect them: `live` says the process runs (restart it if not);
  // `ready` (and plain /health) says it can serve now (send it traffic), database included.
  const Healthy = z.object({ status: z.literal('ok'), database: z.string(), version: z.string() });
  const ready = async () => {
    await db.query('SELECT 1');
    return { status: 'ok' as const, database: db.kind, version: VERSION };
  };
  app.get('/health', { config: { public: true }, schema: { tags: ['health'], summary: 'Ready to serve: migrations and demo seed done, database reachable (same as /health/ready)', response: { 200: Healthy } } }, ready);
  app.get('/health/ready', { config: { public: true }, schema: { tags: ['health'], summary: 'Readiness: 200 once the server can serve, 503 while it starts', response: { 200: Healthy } } }, ready);
  app.get(
    '/health/live',
    { config: { public: true }, schema: { tags: ['health'], summary: 'Liveness: the process is up (answers while it starts, too)', response: { 200: z.object({ status: z.literal('ok'), ready: z.boolean(), version: z.string() }) } } },
    async () => ({ status: 'ok' as const, ready: readiness.ready, version: VERSION }),
  );
  app.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  const ctx = { db, config };
  registerFlows(config);
  authRoutes(app, ctx);
  auditRoutes(app, ctx);
  // Each module in its own encapsulated scope: a content-type parser or hook it adds (an upload
  // route taking raw bytes) stays its own; the auth and permission hooks above still apply.
  for (const m of MODULES) {
    const routes = m.routes;
    if (routes) await app.register(async (scope) => routes(scope.withTypeProvider<ZodTypeProvider>() as App, ctx));
  }
  // Then the commands that span modules, whose routes the flows own.
  await app.register(async (scope) => flowRoutes(scope.withTypeProvider<ZodTypeProvider>() as App, ctx));
  await app.ready();
  return app;
}
