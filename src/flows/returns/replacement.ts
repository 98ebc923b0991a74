/**
 * Exchanges: the replacement order, placed and reserved by the orders flow at no charge, shipped
 * to the original order's address. An advance exchange places it at approval (before the return
 * arrives); a plain one at resolution.
 */
import type { Tx } from '../../platform/db/client.js';
import type { AttachmentScope } from '../../modules/attachments/index.js';
import { approveReturn, linkReplacement, type NewReturn, recordReturnEvent, requestReturn, RETURN_EVENTS as E, returnLines, type ReturnRow, type Source } from '../../modules/returns/index.js';
import type { Order, OrderChannel, ShipCalendar } from '../../modules/orders/index.js';
import { getOrderRow } from '../../modules/orders/index.js';
import { placeOrder } from '../place-order.js';

export async function placeReplacement(tx: Tx, actor: string, r: ReturnRow, calendar: ShipCalendar): Promise<Order> {
  const original = await getOrderRow(tx, r.orderId);
  const lines = r.replacementLines ?? (await returnLines(tx, r.id)).map((l) => ({ sku: l.sku, quantity: l.quantity }));
  const order = await placeOrder(
    tx,
    actor,
    {
      customerId: r.customerId,
      channel: original.channel as OrderChannel,
      warehouseId: r.warehouseId,
      shipTo: { ...original.shipTo },
      currency: r.currency,
      note: `Exchange for ${r.rmaNumber} (order ${r.orderNumber}) / 换货单，售后单号 ${r.rmaNumber}`,
      lines: lines.map((l) => ({ sku: l.sku, quantity: l.quantity, unitPrice: 0 })),
    },
    calendar,
  );
  await linkReplacement(tx, r, order.id);
  await recordReturnEvent(tx, actor, r, E.replacementOrdered, {
    advanceExchange: r.advanceExchange,
    replacementOrderId: order.id,
    replacementOrderNumber: order.number,
    replacementOrderStatus: order.status,
    lines: lines,
  });
  return order;
}

/** A request, approved at once if the rules say so, and an advance exchange's replacement with it. */
export async function requestReturnFlow(tx: Tx, actor: string, input: NewReturn, source: Source, calendar: ShipCalendar, scope?: AttachmentScope): Promise<ReturnRow> {
  const r = await requestReturn(tx, actor, input, source, scope);
  if (r.status === 'approved' && r.advanceExchange) await placeReplacement(tx, actor, r, calendar);
  return r;
}

export async function approveReturnFlow(tx: Tx, actor: string, id: number, calendar: ShipCalendar): Promise<ReturnRow> {
  const { request, approved } = await approveReturn(tx, actor, id);
  if (approved && request.advanceExchange) await placeReplacement(tx, actor, request, calendar);
  return request;
}
