/** The customer portal: ask for a return on one's own order, and follow it. No API key: the order number and its phone or e-mail. */
import { requestReturnFlow } from '../../flows/returns/replacement.js';
import { shipCalendar } from '../../flows/index.js';
import type { App, AppContext } from '../../platform/http/app.js';
import { portalOrder, portalReturn, portalView } from './portal.js';
import { PortalParams, PortalQuery, PortalReturnDto, PortalReturnInput } from './returns.schema.js';
import { Invalid } from '../../platform/http/errors.js';
import { fromDataUrl, saveAttachment } from '../attachments/index.js';
import { bilingual } from './policy.js';
import { getReturn } from './returns.service.js';
import { idempotent } from '../../platform/http/idempotency.js';
import { countGuess, retryAfterOn } from '../../platform/http/rate-limit.js';

const tags = ['portal'];

/**
 * Guessing a phone or e-mail for an order number is slow: per client and per client and order, in
 * the database. Never per order alone: a stranger's guesses must not lock its customer out.
 */
export const RETURNS_PORTAL_LIMITS = { windowMs: 15 * 60_000, perIp: 30, perIpAndOrder: 10 };
export function portalRoutes(app: App, { db, config }: AppContext) {
  const calendar = shipCalendar(config);
  const limit = (ip: string, orderNumber: string) =>
    countGuess(
      db,
      { ip, clientKey: 'returns:ip', targetKey: `returns:order:${orderNumber.trim().toUpperCase()}` },
      { windowMs: RETURNS_PORTAL_LIMITS.windowMs, perClient: RETURNS_PORTAL_LIMITS.perIp, perClientAndTarget: RETURNS_PORTAL_LIMITS.perIpAndOrder },
      config.now?.(),
    );
  app.post(
    '/api/v1/portal/returns',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          'A customer asks for a return, exchange, repair or compensation on their order, proving it is theirs with the order number and its phone or e-mail ' +
          '(404 for an unknown order and a wrong contact alike). Messages are in English and Chinese.',
        body: PortalReturnInput,
        response: { 201: PortalReturnDto },
        security: [],
      },
    },
    // A retry with the same Idempotency-Key and the very same request gets the first answer.
    async (req, reply) => {
      await limit(req.ip, req.body.orderNumber).catch((err: unknown) => retryAfterOn(reply, err));
      return idempotent(db, req, reply, 201, async (tx) => {
        const { orderNumber, phone, email, photos, ...request } = req.body;
        const order = await portalOrder(tx, { orderNumber, phone, email });
        const actor = `customer:${order.customerId}`;
        const photoIds: number[] = [];
        for (const [i, url] of (photos ?? []).entries()) {
          const file = fromDataUrl(url, `photos.${i}`);
          if (!file.contentType.startsWith('image/')) throw new Invalid(`photos.${i}`, bilingual({ en: 'a photo is a JPEG, PNG or WebP image', zh: '照片须为 JPEG、PNG 或 WebP 图片' }));
          photoIds.push((await saveAttachment(tx, actor, file, `photos.${i}`)).id);
        }
        const r = await requestReturnFlow(tx, actor, { ...request, photoIds, orderId: order.id }, 'portal', calendar);
        return portalView(tx, await getReturn(tx, r.id));
      });
    },
  );
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
