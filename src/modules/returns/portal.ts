/**
 * The customer's side: they prove an order is theirs by its number and the phone or e-mail on it
 * (the customer's own or the order's recipient's). An unknown order and a wrong contact answer the
 * same 404, so the portal cannot be used to find out which order numbers exist.
 */
import type { Queryable } from '../../platform/db/client.js';
import { DomainError, Invalid } from '../../platform/http/errors.js';
import { getCustomerRef } from '../customers/index.js';
import { listOrders } from '../orders/index.js';
import { STATUS_LABELS, bilingual } from './policy.js';
import { getReturn, type ReturnRequest } from './returns.service.js';
import { listReasons } from './settings.service.js';

export type PortalAuth = { orderNumber: string; phone?: string; email?: string };

/** Digits only, without China's country code, so '+86 138 0000 0000' matches '13800000000'. */
export function normalisePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits;
}

/** A 404 in both languages; the same whether the thing is missing or the contact does not match. */
function notFound(entity: 'order' | 'return', id: string): DomainError {
  const what = entity === 'order' ? { en: 'order', zh: '订单' } : { en: 'return request', zh: '售后申请' };
  return new DomainError(
    404,
    'not-found',
    'Not found',
    bilingual({ en: `no ${what.en} ${id} with this phone number or e-mail address`, zh: `未找到与该手机号或邮箱匹配的${what.zh} ${id}` }),
    { entity, id },
  );
}

export async function portalOrder(q: Queryable, auth: PortalAuth): Promise<{ id: number; number: string; customerId: number }> {
  if (!auth.phone && !auth.email) throw new Invalid('phone', bilingual({ en: 'give the phone number or the e-mail address used for the order', zh: '请填写下单时使用的手机号或邮箱' }));
  const missing = notFound('order', auth.orderNumber.toUpperCase());
  const { items } = await listOrders(q, { q: auth.orderNumber }, { limit: 1 });
  const order = items[0];
  if (!order) throw missing;
  const customer = await getCustomerRef(q, order.customerId);
  const phones = [customer?.phone, order.shipTo.phone].filter((p): p is string => !!p).map(normalisePhone);
  const matches =
    (auth.phone !== undefined && phones.includes(normalisePhone(auth.phone))) ||
    (auth.email !== undefined && !!customer?.email && customer.email.toLowerCase() === auth.email.toLowerCase());
  if (!matches) throw missing;
  return { id: order.id, number: order.number, customerId: order.customerId };
}

/** The request as the customer sees it: status in both languages, instructions, refunds. */
export async function portalView(q: Queryable, r: ReturnRequest) {
  const reasons = await listReasons(q);
  const reason = reasons.find((x) => x.code === r.reasonCode);
  return {
    id: r.id,
    rmaNumber: r.rmaNumber,
    type: r.type,
    status: r.status,
    statusLabel: STATUS_LABELS[r.status] ?? { en: r.status, zh: r.status },
    orderNumber: r.orderNumber,
    reason: { en: reason?.labelEn ?? r.reasonCode, zh: reason?.labelZh ?? r.reasonCode },
    instructions: r.instructions,
    rejectReason: r.rejectReason,
    lines: r.lines.map((l) => ({ sku: l.sku, name: l.name, quantity: l.quantity, receivedQuantity: l.receivedQuantity })),
    refunds: r.refunds.map((f) => ({ number: f.number, amount: f.amount, currency: f.currency, status: f.status })),
    replacementOrderId: r.replacementOrderId,
    returnTracking: r.returnTracking,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** The customer's request named by RMA number or id, on the order they proved is theirs. */
export async function portalReturn(q: Queryable, auth: PortalAuth, rmaOrId: string) {
  const order = await portalOrder(q, auth);
  const text = rmaOrId.trim().toUpperCase();
  const { rows } = await q.query<{ id: number }>(
    text.startsWith('RMA')
      ? 'SELECT id FROM return_requests WHERE rma_number = $1 AND order_id = $2'
      : 'SELECT id FROM return_requests WHERE id = $1::bigint AND order_id = $2',
    [text.startsWith('RMA') ? `RMA-${text.replace(/\D/g, '').padStart(6, '0')}` : text, order.id],
  );
  if (!rows[0]) throw notFound('return', text);
  return portalView(q, await getReturn(q, rows[0].id));
}
