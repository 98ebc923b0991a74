/**
 * Asking for a return, exchange, repair or compensation on an order's shipped lines. The order is
 * locked first, so two requests for the last returnable unit run one after the other and the
 * second sees the first's lines. Quantities count every open request; the category policy decides
 * the window; the settings decide how many approvals it needs (0 = approved at once).
 */
import type { Tx } from '../../platform/db/client.js';
import { Conflict, Invalid, NotFound } from '../../platform/http/errors.js';
import { getAttachments, linkAttachments, type AttachmentScope } from '../attachments/index.js';
import { getProductRefs, resolveSkus } from '../catalog/index.js';
import { linesOf, lockOrder, type OrderRow } from '../orders/index.js';
import { grantApproval } from './approve.js';
import { RETURN_EVENTS as E, type ReturnType } from './events.js';
import { approvalsRequired, bilingual, eligibility, fromCents, policyFor, toCents } from './policy.js';
import { linesPayload, lockReturn, recordReturnEvent, returnLines, type ReturnRow } from './returns.service.js';
import { getReason, getSettings, listPolicies } from './settings.service.js';

export type NewReturn = {
  orderId: number;
  type: ReturnType;
  reasonCode: string;
  description?: string;
  photoIds?: number[];
  lines: Array<{ sku: string; quantity: number }>;
  advanceExchange?: boolean;
  replacementLines?: Array<{ sku: string; quantity: number }>;
  requestedAmount?: number;
};

export type Source = 'staff' | 'portal';

/** Units of each order line already asked for (or, once received, returned) by requests that still hold them. */
async function alreadyRequested(tx: Tx, orderId: number): Promise<Map<number, number>> {
  const { rows } = await tx.query<{ orderLineId: number; quantity: number }>(
    // Once goods arrived, what came back counts: units announced but never sent may be asked for again.
    `SELECT l.order_line_id AS "orderLineId",
            sum(CASE WHEN r.type <> 'compensation' AND r.received_at IS NOT NULL THEN l.received_quantity ELSE l.quantity END)::bigint AS quantity
       FROM return_lines l JOIN return_requests r ON r.id = l.return_id
      WHERE r.order_id = $1 AND r.status NOT IN ('rejected', 'cancelled')
        -- A repaired item went back to the customer: it may be asked about again.
        AND NOT (r.type = 'repair' AND r.status = 'resolved')
      GROUP BY l.order_line_id`,
    [orderId],
  );
  return new Map(rows.map((r) => [r.orderLineId, r.quantity]));
}

async function lockShippedOrder(tx: Tx, orderId: number, source: Source): Promise<OrderRow> {
  const order = await lockOrder(tx, orderId).catch((err: unknown) => {
    if (err instanceof NotFound && source === 'staff') throw new Invalid('orderId', `order ${orderId} does not exist`);
    throw err;
  });
  if (!order.shippedAt || !['shipped', 'delivered'].includes(order.status)) {
    throw new Conflict(
      bilingual({ en: `order ${order.number} is ${order.status}; only shipped goods can be returned`, zh: `订单 ${order.number} 尚未发货（${order.status}），仅已发货商品可申请售后` }),
      { currentState: order.status },
    );
  }
  return order;
}

/** `scope`: the caller's (`eventScope`): a photo on another warehouse's record is answered as an unknown one. */
export async function requestReturn(tx: Tx, actor: string, input: NewReturn, source: Source, scope?: AttachmentScope, now = new Date()): Promise<ReturnRow> {
  const order = await lockShippedOrder(tx, input.orderId, source);
  const reason = await getReason(tx, input.reasonCode);
  if (!reason || !reason.active) throw new Invalid('reasonCode', bilingual({ en: `unknown reason code ${input.reasonCode}`, zh: `未知的售后原因 ${input.reasonCode}` }));
  if (input.advanceExchange && input.type !== 'exchange') throw new Invalid('advanceExchange', 'only an exchange can ship its replacement in advance');
  if (input.replacementLines && input.type !== 'exchange') throw new Invalid('replacementLines', 'only an exchange has replacement lines');
  if (input.requestedAmount !== undefined && input.type !== 'compensation') throw new Invalid('requestedAmount', 'only a compensation asks for an amount');

  const orderLines = await linesOf(tx, order.id);
  const taken = await alreadyRequested(tx, order.id);
  const products = await getProductRefs(tx, orderLines.map((l) => l.productId));
  const policies = await listPolicies(tx);
  const since = order.deliveredAt ?? order.shippedAt!;
  const seen = new Set<number>();
  let withinWindow = true;
  const lines = input.lines.map((l, i) => {
    const line = orderLines.find((o) => o.sku.toUpperCase() === l.sku.toUpperCase());
    if (!line) throw new Invalid(`lines.${i}.sku`, bilingual({ en: `${l.sku} is not on order ${order.number}`, zh: `订单 ${order.number} 中没有商品 ${l.sku}` }));
    if (seen.has(line.id)) throw new Invalid(`lines.${i}.sku`, `${l.sku} is listed twice; ask once with the total quantity`);
    seen.add(line.id);
    const left = line.shipped - (taken.get(line.id) ?? 0);
    if (l.quantity > left) {
      throw new Invalid(
        `lines.${i}.quantity`,
        bilingual({
          en: `${line.sku}: ${line.shipped} shipped, ${left} not yet returned or requested; ${l.quantity} asked`,
          zh: `${line.sku}：已发货 ${line.shipped} 件，可申请 ${left} 件，本次申请 ${l.quantity} 件`,
        }),
      );
    }
    const category = products.get(line.productId)?.category ?? null;
    const ok = eligibility(input.type, policyFor(policies, category), since, now, line.sku, source === 'staff');
    if (!ok.ok) throw new Invalid(`lines.${i}.sku`, bilingual(ok.reason));
    withinWindow &&= ok.withinWindow;
    return { line, quantity: l.quantity, category };
  });

  const paidCents = lines.reduce((n, l) => n + toCents(l.line.unitPrice) * l.quantity, 0);
  if (input.type === 'compensation') {
    if (input.requestedAmount === undefined) throw new Invalid('requestedAmount', bilingual({ en: 'a compensation needs the amount asked for', zh: '补偿申请需填写金额' }));
    if (toCents(input.requestedAmount) > paidCents) {
      throw new Invalid('requestedAmount', bilingual({ en: `at most ${fromCents(paidCents)} was paid for these lines`, zh: `所选商品实付金额为 ${fromCents(paidCents)}，补偿不能超过该金额` }));
    }
  }
  if (input.replacementLines) {
    const found = await resolveSkus(tx, input.replacementLines.map((l) => l.sku));
    input.replacementLines.forEach((l, i) => {
      const p = found.get(l.sku);
      if (!p || !p.active) throw new Invalid(`replacementLines.${i}.sku`, `unknown or inactive SKU ${l.sku}`);
    });
  }
  if (input.photoIds?.length) await getAttachments(tx, input.photoIds, 'photoIds', scope);

  const value = input.type === 'compensation' ? toCents(input.requestedAmount!) : paidCents;
  const settings = await getSettings(tx);
  const approvals = approvalsRequired(fromCents(value), withinWindow, settings);
  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO return_requests (type, advance_exchange, order_id, order_number, customer_id, warehouse_id, currency, reason_code, description,
       photo_ids, source, value, within_window, approvals_required, replacement_lines, requested_amount, stock_owner_id, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::bigint[], $11, $12, $13, $14, $15, $16, $17, $18) RETURNING id`,
    [
      input.type,
      input.advanceExchange ?? false,
      order.id,
      order.number,
      order.customerId,
      order.warehouseId,
      order.currency,
      reason.code,
      input.description ?? null,
      input.photoIds ?? [],
      source,
      (value / 100).toFixed(2),
      withinWindow,
      approvals,
      input.replacementLines ? JSON.stringify(input.replacementLines) : null,
      input.requestedAmount?.toFixed(2) ?? null,
      // A repair is the customer's item: it is held as theirs, never counted as company stock.
      input.type === 'repair' ? order.customerId : 0,
      actor,
    ],
  );
  const id = rows[0]!.id;
  await linkAttachments(tx, input.photoIds ?? [], 'return', id);
  await tx.query(
    `INSERT INTO return_lines (return_id, order_line_id, product_id, sku, name, category, quantity, unit_price)
     SELECT $1, ol, p, s, n, c, q, u FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::int[], $8::numeric[]) AS t(ol, p, s, n, c, q, u)`,
    [
      id,
      lines.map((l) => l.line.id),
      lines.map((l) => l.line.productId),
      lines.map((l) => l.line.sku),
      lines.map((l) => l.line.name),
      lines.map((l) => l.category),
      lines.map((l) => l.quantity),
      lines.map((l) => l.line.unitPrice.toFixed(2)),
    ],
  );
  const r = await lockReturn(tx, id);
  await recordReturnEvent(tx, actor, r, E.requested, {
    source,
    reasonCode: reason.code,
    reason: { en: reason.labelEn, zh: reason.labelZh },
    value: r.value,
    currency: r.currency,
    withinWindow,
    approvalsRequired: approvals,
    advanceExchange: r.advanceExchange,
    requestedAmount: r.requestedAmount,
    lines: linesPayload(await returnLines(tx, id)),
  });
  if (approvals === 0) await grantApproval(tx, actor, r, true);
  return r;
}
