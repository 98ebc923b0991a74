/**
 * The customer portal's request for a return, exchange, repair or compensation on their own order:
 * the return flow, from a customer proving the order is theirs with its number and its phone or
 * e-mail, under the portal's guess limits. Following a request is the returns module's own route.
 */
import { fromDataUrl, saveAttachment } from '../../modules/attachments/index.js';
import { shipCalendarOf } from '../../modules/orders/index.js';
import { bilingual, getReturn, portalOrder, PortalReturnDto, PortalReturnInput, portalView, returnsPortalGuess } from '../../modules/returns/index.js';
import type { App, AppContext } from '../../platform/http/app.js';
import { Invalid } from '../../platform/http/errors.js';
import { idempotent } from '../../platform/http/idempotency.js';
import { retryAfterOn } from '../../platform/http/rate-limit.js';
import { requestReturnFlow } from './replacement.js';

const portalTags = ['portal'];

export function portalReturnRoutes(app: App, ctx: AppContext) {
  const { db, config } = ctx;
  const calendar = shipCalendarOf(config);
  const limit = returnsPortalGuess(ctx);
  app.post(
    '/api/v1/portal/returns',
    {
      config: { public: true },
      schema: {
        tags: portalTags,
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
}
