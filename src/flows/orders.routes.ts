/**
 * The HTTP face of placing an order: a flow across catalog, customers, inventory and orders
 * (`place-order.ts`), so its route lives here, not in the orders module.
 */
import { NewOrderInput, OrderDto, orderTags, shipCalendarOf } from '../modules/orders/index.js';
import type { App, AppContext } from '../platform/http/app.js';
import { principal } from '../platform/http/app.js';
import { idempotent } from '../platform/http/idempotency.js';
import { placeOrder } from './place-order.js';

export function placeOrderRoutes(app: App, { db, config }: AppContext) {
  const calendar = shipCalendarOf(config);
  app.post(
    '/api/v1/orders',
    {
      config: { permission: 'orders.write' },
      schema: {
        tags: orderTags,
        summary:
          'Place an order: confirmed (stock reserved, ship date promised) when every line is in stock in the chosen warehouse, ' +
          'else backordered until stock arrives. One line per SKU. Accepts Idempotency-Key.',
        body: NewOrderInput,
        response: { 201: OrderDto },
      },
    },
    async (req, reply) => idempotent(db, req, reply, 201, (tx) => placeOrder(tx, principal(req).actor, req.body, calendar, principal(req).warehouseIds)),
  );
}
