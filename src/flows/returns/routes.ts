/**
 * The HTTP face of the return flows: asking for a return, approving it (an advance exchange places
 * its replacement order), receiving and disposing of its goods (stock moves), resolving it (a
 * refund, a replacement order, a repair shipped back). Each spans returns, orders and inventory,
 * so its route lives here beside its flow; the returns module keeps the routes that are its own.
 */
import { assertOrderVisible, shipCalendarOf } from '../../modules/orders/index.js';
import { DisposeInputSchema, getReturn, NewReturnInput, ReceiptInput, ResolveInputSchema, returnCommandRoute, ReturnDto, returnTags } from '../../modules/returns/index.js';
import { eventScope } from '../../platform/auth/scope.js';
import type { App, AppContext } from '../../platform/http/app.js';
import { principal } from '../../platform/http/app.js';
import { Invalid, NotFound } from '../../platform/http/errors.js';
import { idempotent } from '../../platform/http/idempotency.js';
import { disposeReturn } from './dispose.js';
import { receiveReturn } from './receive.js';
import { approveReturnFlow, requestReturnFlow } from './replacement.js';
import { resolveReturn } from './resolve.js';

export function returnFlowRoutes(app: App, ctx: AppContext) {
  const { db, config } = ctx;
  const calendar = shipCalendarOf(config);
  const command = returnCommandRoute(app, ctx);

  app.post(
    '/api/v1/returns',
    {
      config: { permission: 'returns.write' },
      schema: {
        tags: returnTags,
        summary:
          "Ask for a return, exchange, repair or compensation on an order's shipped lines (customer service). Approved at once when the rules allow " +
          '(value at most the auto-approval threshold, within the window); staff may accept requests outside the window, which then need approval. Accepts Idempotency-Key.',
        body: NewReturnInput,
        response: { 201: ReturnDto },
      },
    },
    async (req, reply) =>
      idempotent(db, req, reply, 201, async (tx) => {
        // An order in another warehouse is answered as an unknown one is.
        await assertOrderVisible(tx, principal(req), req.body.orderId).catch((err: unknown) => {
          throw err instanceof NotFound ? new Invalid('orderId', `order ${req.body.orderId} does not exist`) : err;
        });
        const r = await requestReturnFlow(tx, principal(req).actor, req.body, 'staff', calendar, eventScope(principal(req)));
        return getReturn(tx, r.id);
      }),
  );
  command(
    'approve',
    'returns.approve',
    'Approve: gives the RMA number and return instructions; above the second threshold the first approval waits for a second one by another user. An advance exchange places its replacement order now.',
    undefined,
    (tx, actor, id) => approveReturnFlow(tx, actor, id, calendar),
  );
  command(
    'receive',
    'returns.write',
    'Receive the parcel: the scanned items are compared with the announced lines (missing, extra and wrong items become discrepancies); announced units go to a returns location as pending_inspection',
    ReceiptInput,
    (tx, actor, id, b, caller) => receiveReturn(tx, actor, id, b, eventScope(caller)),
  );
  command(
    'dispose',
    'returns.inspect',
    'Decide what becomes of each grade (restock, restock_open_box, refurbish, return_to_vendor, scrap; default from the settings); stock and ledger change with the decision',
    DisposeInputSchema,
    (tx, actor, id, b) => disposeReturn(tx, actor, id, b),
  );
  command(
    'resolve',
    'returns.approve',
    'Resolve: a return creates its refund, an exchange its replacement order (reserved), a repair ships back (carrier, trackingNumber), a compensation creates its payment',
    ResolveInputSchema,
    (tx, actor, id, b) => resolveReturn(tx, actor, id, b, calendar),
  );
}
