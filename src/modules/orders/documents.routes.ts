/**
 * The warehouse's printed documents for an order (./documents): the pick list, the packing slip
 * and the shipping label. The label is a shipment's, but it needs the order's ship-to and the
 * warehouse's address, which only orders can put together (shipping does not know orders).
 */
import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import { inScope } from '../../platform/auth/scope.js';
import type { App, AppContext } from '../../platform/http/app.js';
import { principal } from '../../platform/http/app.js';
import { Conflict, NotFound } from '../../platform/http/errors.js';
import { getCustomerRef } from '../customers/index.js';
import { getWarehouse } from '../inventory/index.js';
import { carrierName, getShipment } from '../shipping/index.js';
import { renderPackingSlip } from './documents/packing-slip.js';
import { renderPickList } from './documents/pick-list.js';
import { renderShippingLabel } from './documents/shipping-label.js';
import type { OrderStatus } from './order-state.js';
import { Id, OrderParams } from './orders.schema.js';
import { getOrder, getOrderRow } from './orders.service.js';
import { readPickList } from './pick.js';

const tags = ['warehouse documents'];
const Pdf = z.any().describe('application/pdf');

/** Once picking has started the pick list exists (and can be reprinted, even after shipping). */
const HAS_PICK_LIST: OrderStatus[] = ['picking', 'picked', 'packed', 'shipped', 'delivered', 'exception'];

function sendPdf(reply: FastifyReply, bytes: Uint8Array, filename: string) {
  return reply.type('application/pdf').header('content-disposition', `inline; filename="${filename}"`).send(Buffer.from(bytes));
}

export function documentRoutes(app: App, { db }: AppContext) {
  app.get(
    '/api/v1/orders/:id/pick-list.pdf',
    {
      config: { permission: 'orders.read' },
      schema: {
        tags,
        summary:
          'The pick list to print (A4): bins in walking order with the bin and SKU as Code 128, the order number barcode, customer and note. ' +
          'Starts existing when picking starts (POST …/pick-list); before that a 409',
        params: OrderParams,
        response: { 200: Pdf },
      },
    },
    async (req, reply) => {
      const out = await db.transaction(async (tx) => {
        const order = await getOrderRow(tx, req.params.id);
        if (!inScope(principal(req), order.warehouseId)) throw new NotFound('order', req.params.id);
        if (!HAS_PICK_LIST.includes(order.status)) {
          throw new Conflict(`order ${order.number} is ${order.status}: its pick list is made when picking starts (POST /api/v1/orders/${order.id}/pick-list)`, {
            currentState: order.status,
          });
        }
        const list = await readPickList(tx, order.id);
        const customer = await getCustomerRef(tx, order.customerId);
        const warehouse = await getWarehouse(tx, order.warehouseId);
        const pdf = await renderPickList({
          orderNumber: order.number,
          customerName: customer?.name ?? `#${order.customerId}`,
          warehouse: `${warehouse.code} ${warehouse.name}`,
          round: list.round,
          note: order.note,
          items: list.items,
          unallocated: list.unallocated,
        });
        return { pdf, filename: `${order.number}-pick-list.pdf` };
      });
      return sendPdf(reply, out.pdf, out.filename);
    },
  );

  app.get(
    '/api/v1/orders/:id/packing-slip.pdf',
    {
      config: { permission: 'orders.read' },
      schema: {
        tags,
        summary: 'The packing slip to put in the parcel (A5): order number barcode, ship-to address, lines with quantities ordered and packed',
        params: OrderParams,
        response: { 200: Pdf },
      },
    },
    async (req, reply) => {
      const out = await db.transaction(async (tx) => {
        const order = await getOrder(tx, req.params.id);
        if (!inScope(principal(req), order.warehouseId)) throw new NotFound('order', req.params.id);
        if (order.status === 'cancelled') throw new Conflict(`order ${order.number} is cancelled: nothing is packed for it`, { currentState: order.status });
        const customer = await getCustomerRef(tx, order.customerId);
        const pdf = await renderPackingSlip({
          orderNumber: order.number,
          orderedAt: order.createdAt,
          channel: order.channel,
          externalRef: order.externalRef,
          customerName: customer?.name ?? `#${order.customerId}`,
          shipTo: order.shipTo,
          note: order.note,
          lines: order.lines,
        });
        return { pdf, filename: `${order.number}-packing-slip.pdf` };
      });
      return sendPdf(reply, out.pdf, out.filename);
    },
  );

  app.get(
    '/api/v1/shipments/:id/label.pdf',
    {
      config: { permission: 'shipping.read' },
      schema: {
        tags,
        summary: "A shipment's label (100 × 150 mm thermal): carrier, tracking number as Code 128, ship-to and ship-from addresses, order number",
        params: z.object({ id: Id }),
        response: { 200: Pdf },
      },
    },
    async (req, reply) => {
      const out = await db.transaction(async (tx) => {
        const shipment = await getShipment(tx, req.params.id);
        const order = await getOrderRow(tx, shipment.orderId);
        if (!inScope(principal(req), order.warehouseId)) throw new NotFound('shipment', req.params.id);
        const warehouse = await getWarehouse(tx, order.warehouseId);
        const pdf = await renderShippingLabel({
          carrier: carrierName(shipment.carrier),
          trackingNumber: shipment.trackingNumber,
          orderNumber: order.number,
          shipTo: order.shipTo,
          shipFrom: { name: warehouse.name, address: warehouse.address },
          weightG: shipment.weightG,
          shippedAt: shipment.shippedAt,
        });
        return { pdf, filename: `${shipment.trackingNumber}-label.pdf` };
      });
      return sendPdf(reply, out.pdf, out.filename);
    },
  );
}
