/** The types every module's routes are written against. */
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../../config.js';
import type { Principal } from '../auth/auth.service.js';
import type { Permission } from '../auth/permissions.js';
import type { Db } from '../db/client.js';

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

export type AppContext = { db: Db; config: Config };

/** A business module: its migrations folder and its routes. */
export type Module = {
  name: string;
  migrations?: string;
  routes?: (app: App, ctx: AppContext) => void;
};

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission a caller needs; every route names one or says it is public. */
    permission?: Permission;
    /** Any signed-in caller, whatever its permissions (who-am-I). */
    authenticated?: boolean;
    public?: boolean;
  }
  interface FastifyRequest {
    principal?: Principal;
  }
}

/** The authenticated caller of a route that requires a permission (set by the auth hook). */
export function principal(req: { principal?: Principal }): Principal {
  if (!req.principal) throw new Error('route reached without authentication');
  return req.principal;
}
