/** The customer portal: look up a deposit with phone number and voucher code (public, rate-limited). */
import type { App, AppContext } from '../../platform/http/app.js';
import { lookupDeposit, TooManyRequests } from './portal.js';
import { PortalDepositDto, PortalLookupInput } from './portal.schema.js';

export function portalRoutes(app: App, { db, config }: AppContext) {
  app.post(
    '/api/v1/portal/storage/lookup',
    {
      config: { public: true },
      schema: {
        tags: ['portal'],
        summary:
          'A customer looks up their deposit by phone number and voucher code: items, status, history. The same 404 for an unknown phone ' +
          'and a wrong voucher; 429 with Retry-After past the limit per client and per client and phone (never per phone alone).',
        security: [],
        body: PortalLookupInput,
        response: { 200: PortalDepositDto },
      },
    },
    async (req, reply) => {
      try {
        return await lookupDeposit(db, { ip: req.ip, phone: req.body.phone, voucherCode: req.body.voucherCode }, config.now?.());
      } catch (err) {
        if (err instanceof TooManyRequests) reply.header('retry-after', String(err.retryAfterSeconds));
        throw err;
      }
    },
  );
}
