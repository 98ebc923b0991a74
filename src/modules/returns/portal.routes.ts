/**
 * The customer portal: follow a return on one's own order. No API key: the order number and its
 * phone or e-mail. Asking for one is a flow (src/flows/returns/portal.routes.ts), under the same
 * guess limits.
 */
import type { App, AppContext } from '../../platform/http/app.js';
import { portalReturn } from './portal.js';
import { PortalParams, PortalQuery, PortalReturnDto } from './returns.schema.js';
import { countGuess, retryAfterOn } from '../../platform/http/rate-limit.js';

const tags = ['portal'];

/**
 * Guessing a phone or e-mail for an order number is slow: per client and per client and order, in
 * the database. Never per order alone: a stranger's guesses must not lock its customer out.
 */
export const RETURNS_PORTAL_LIMITS = { windowMs: 15 * 60_000, perIp: 30, perIpAndOrder: 10 };
/** Counts one guess at an order's contact by this client (a 429 with Retry-After once over the limits). */
export function returnsPortalGuess({ db, config }: Pick<AppContext, 'db' | 'config'>) {
  return (ip: string, orderNumber: string) =>
    countGuess(
      db,
      { ip, clientKey: 'returns:ip', targetKey: `returns:order:${orderNumber.trim().toUpperCase()}` },
      { windowMs: RETURNS_PORTAL_LIMITS.windowMs, perClient: RETURNS_PORTAL_LIMITS.perIp, perClientAndTarget: RETURNS_PORTAL_LIMITS.perIpAndOrder },
      config.now?.(),
    );
}

export function portalRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;
  const limit = returnsPortalGuess(ctx);
  app.get(
    '/api/v1/portal/returns/:rmaOrId',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Follow a request by its RMA number or id, with the order number and its phone or e-mail',
        params: PortalParams,
        querystring: PortalQuery,
        response: { 200: PortalReturnDto },
        security: [],
      },
    },
    async (req, reply) => {
      await limit(req.ip, req.query.orderNumber).catch((err: unknown) => retryAfterOn(reply, err));
      return portalReturn(db, req.query, req.params.rmaOrId);
    },
  );
}
