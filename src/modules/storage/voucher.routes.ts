/** The lost-voucher procedure at the counter: replace a deposit's voucher after an ID check; list past replacements. */
import { z } from 'zod';
import { inScope } from '../../platform/auth/scope.js';
import type { App, AppContext } from '../../platform/http/app.js';
import { principal } from '../../platform/http/app.js';
import { NotFound } from '../../platform/http/errors.js';
import { idempotent } from '../../platform/http/idempotency.js';
import { getDeposit } from './shared.js';
import { ID_TYPES, listVoucherReplacements, replaceVoucher, VoucherReplacementInput } from './voucher-replacement.js';

const tags = ['storage'];
const Params = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
const Replacement = z.object({
  id: z.number(),
  holderName: z.string(),
  idType: z.enum(ID_TYPES),
  idLast4: z.string(),
  note: z.string().nullable(),
  replacedBy: z.string(),
  replacedAt: z.string(),
});

export function voucherRoutes(app: App, { db }: AppContext) {
  /** A deposit outside the caller's warehouses is answered as a missing one. */
  const visibleDeposit = async (q: Parameters<typeof getDeposit>[0], req: { params: { id: number }; principal?: unknown }) => {
    const deposit = await getDeposit(q, req.params.id);
    if (!inScope(principal(req as never), deposit.warehouse.id)) throw new NotFound('storage deposit', req.params.id);
    return deposit;
  };

  app.post(
    '/api/v1/storage/deposits/:id/voucher-replacements',
    {
      config: { permission: 'storage.write' },
      schema: {
        tags,
        summary: 'Replace a lost voucher after an ID check; the new voucher is shown only in this answer (print its slip from it: POST …/voucher.pdf)',
        description:
          "The customer's phone must be the deposit customer's, and staff record the document shown (type and last four characters) " +
          'and confirm it names the customer. The old voucher stops working at once. The items are then handed over by another ' +
          'person than the one who replaced the voucher (separation of duties, step storage.voucher_replacement).',
        params: Params,
        body: VoucherReplacementInput,
        response: { 201: z.object({ depositId: z.number(), depositNumber: z.string(), voucherCode: z.string(), replacedAt: z.string(), replacedBy: z.string() }) },
      },
    },
    async (req, reply) =>
      idempotent(db, req, reply, 201, async (tx) => {
        await visibleDeposit(tx, req);
        return replaceVoucher(tx, principal(req).actor, req.params.id, req.body);
      }),
  );

  app.get(
    '/api/v1/storage/deposits/:id/voucher-replacements',
    {
      config: { permission: 'storage.read' },
      schema: { tags, summary: "A deposit's voucher replacements and the ID checks recorded", params: Params, response: { 200: z.object({ items: z.array(Replacement) }) } },
    },
    async (req) => {
      await visibleDeposit(db, req);
      return { items: (await listVoucherReplacements(db, req.params.id)) as Array<z.infer<typeof Replacement>> };
    },
  );
}
