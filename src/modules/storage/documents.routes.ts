/**
 * Documents and the file import: item labels, the voucher slip, the custody receipt (PDFs rendered
 * by ./documents), and the all-or-nothing batch check-in from a CSV or XLSX file (parsed by ./import).
 */
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { assertInScope, inScope } from '../../platform/auth/scope.js';
import type { App, AppContext } from '../../platform/http/app.js';
import { principal } from '../../platform/http/app.js';
import { Conflict, Invalid, NotFound } from '../../platform/http/errors.js';
import { idempotent } from '../../platform/http/idempotency.js';
import { readAttachment } from '../attachments/index.js';
import { getCustomerRef } from '../customers/index.js';
import { renderCustodyReceipt } from './documents/custody.js';
import { renderLabels } from './documents/labels.js';
import { renderVoucherSlip } from './documents/voucher.js';
import { importCheckIns, ImportedDto, XLSX_TYPE } from './import-checkins.js';
import { getItemWithHistory } from './queries.js';
import { getDeposit, getItem, opensDeposit, warehouseRef, type Item } from './shared.js';
import { Id, ItemCode, VoucherCode } from './storage.schema.js';

const tags = ['storage documents'];
const Pdf = z.any().describe('application/pdf');
const Locale = z.enum(['zh-CN', 'en']);

/** What a label says: the item's code, its description, and who and which deposit it belongs to. */
export function labelOf(item: Item, customerName: string) {
  return { code: item.code, title: item.description, subtitle: `${item.depositNumber} · ${customerName} · ${item.sizeClass}` };
}

export function documentRoutes(app: App, { db, config }: AppContext) {
  app.get(
    '/api/v1/storage/deposits/:id/labels.pdf',
    {
      config: { permission: 'storage.read' },
      schema: {
        tags,
        summary: "The deposit's item labels (Code 128 and QR of each item code): 50x30 thermal labels or an A4 sheet",
        params: z.object({ id: Id }),
        querystring: z.object({ format: z.enum(['50x30', 'a4']).default('50x30') }),
        response: { 200: Pdf },
      },
    },
    async (req, reply) => {
      const deposit = await getDeposit(db, req.params.id);
      if (!inScope(principal(req), deposit.warehouse.id)) throw new NotFound('storage deposit', req.params.id);
      const pdf = await renderLabels(deposit.items.map((i) => labelOf(i, deposit.customer.name)), req.query.format);
      return reply.type('application/pdf').send(Buffer.from(pdf));
    },
  );

  app.get(
    '/api/v1/storage/items/:code/label.pdf',
    {
      config: { permission: 'storage.read' },
      schema: {
        tags,
        summary: "One item's label (to reprint)",
        params: z.object({ code: ItemCode }),
        querystring: z.object({ format: z.enum(['50x30', 'a4']).default('50x30') }),
        response: { 200: Pdf },
      },
    },
    async (req, reply) => {
      const item = await getItem(db, req.params.code);
      if (!inScope(principal(req), item.warehouseId)) throw new NotFound('storage item', req.params.code);
      const deposit = await getDeposit(db, item.depositId);
      const pdf = await renderLabels([labelOf(item, deposit.customer.name)], req.query.format);
      return reply.type('application/pdf').send(Buffer.from(pdf));
    },
  );

  // The slip carries the voucher, which is kept only hashed: it is printed from the voucher the
  // counter was just given (the answer of the check-in or of a voucher replacement), never read back.
  app.post(
    '/api/v1/storage/deposits/:id/voucher.pdf',
    {
      config: { permission: 'storage.write' },
      schema: {
        tags,
        summary: "The customer's voucher slip (the voucher as QR and Code 128), printed from the voucher the check-in or a voucher replacement just returned",
        description:
          'The voucher is kept only hashed, so the slip is printed from the one in the body, which must open this deposit (422 on `voucherCode` ' +
          'otherwise); in the deposit\'s language or the one asked. There is no reprint without it: a customer who lost the voucher gets a new ' +
          'one through the lost-voucher procedure, `POST /api/v1/storage/deposits/{id}/voucher-replacements` (an ID check).',
        params: z.object({ id: Id }),
        body: z.object({ voucherCode: VoucherCode, locale: Locale.optional() }).strict(),
        response: { 200: Pdf },
      },
    },
    async (req, reply) => {
      const deposit = await getDeposit(db, req.params.id);
      if (!inScope(principal(req), deposit.warehouse.id)) throw new NotFound('storage deposit', req.params.id);
      if (deposit.status !== 'open') throw new Conflict(`deposit ${deposit.depositNumber} is ${deposit.status}: its voucher opens nothing any more`, { currentState: deposit.status });
      if (!(await opensDeposit(db, deposit.id, req.body.voucherCode))) {
        throw new Invalid('voucherCode', `this is not the voucher of deposit ${deposit.depositNumber}`);
      }
      const pdf = await renderVoucherSlip({
        voucherCode: req.body.voucherCode,
        depositNumber: deposit.depositNumber,
        customerName: deposit.customer.name,
        phone: deposit.customer.phone,
        warehouse: deposit.warehouse.name,
        checkedInAt: deposit.checkedInAt,
        expectedPickupAt: deposit.expectedPickupAt,
        items: deposit.items.map((i) => ({ code: i.code, description: i.description, category: i.category, sizeClass: i.sizeClass })),
        locale: req.body.locale ?? deposit.locale,
      });
      return reply.type('application/pdf').send(Buffer.from(pdf));
    },
  );

  // Where the slip used to be reprinted (the handheld's print button, bookmarks): a reprint cannot
  // show a voucher that is kept only hashed, so it says what to do instead. Never a 2xx, so it is
  // left out of the API description.
  app.get(
    '/api/v1/storage/deposits/:id/voucher.pdf',
    { config: { permission: 'storage.write' }, schema: { hide: true, params: z.object({ id: Id }) } },
    async (req) => {
      const deposit = await getDeposit(db, req.params.id);
      if (!inScope(principal(req), deposit.warehouse.id)) throw new NotFound('storage deposit', req.params.id);
      throw new Conflict(
        `The voucher of deposit ${deposit.depositNumber} (${deposit.voucherMasked}) is shown only when it is made, and its slip printed then ` +
          `(POST with the voucher). A customer who lost it gets a new one through the lost-voucher procedure: ` +
          `POST /api/v1/storage/deposits/${deposit.id}/voucher-replacements, after an ID check.`,
        { voucher: deposit.voucherMasked, procedure: `/api/v1/storage/deposits/${deposit.id}/voucher-replacements` },
      );
    },
  );

  app.get(
    '/api/v1/storage/items/:code/custody.pdf',
    {
      config: { permission: 'storage.read' },
      schema: {
        tags,
        summary: "An item's custody receipt: its whole history, with the recipient's signature once checked out",
        params: z.object({ code: ItemCode }),
        querystring: z.object({ locale: Locale.optional() }),
        response: { 200: Pdf },
      },
    },
    async (req, reply) => {
      const item = await getItemWithHistory(db, req.params.code);
      if (!inScope(principal(req), item.warehouseId)) throw new NotFound('storage item', req.params.code);
      const deposit = await getDeposit(db, item.depositId);
      const customer = await getCustomerRef(db, item.customerId);
      const warehouse = await warehouseRef(db, item.warehouseId);
      const handover = [...item.history].reverse().find((h) => h.handover)?.handover;
      const signature = handover ? await readAttachment(db, handover.signatureAttachmentId) : undefined;
      const pdf = await renderCustodyReceipt({
        item: { code: item.code, description: item.description, category: item.category, sizeClass: item.sizeClass, declaredValue: item.declaredValue, status: item.status },
        customerName: customer?.name ?? '',
        depositNumber: item.depositNumber,
        history: item.history.map((h) => ({
          at: h.at,
          action: h.action,
          actor: h.actor,
          location: h.location ?? h.fromLocation ?? warehouse.code,
          detail:
            h.reason ??
            (h.handover ? `→ ${h.handover.receivedBy}` : h.fromLocation && h.location ? `${h.fromLocation} → ${h.location}` : h.countId ? `#${h.countId}` : null),
        })),
        signaturePng: signature?.contentType === 'image/png' ? signature.bytes : null,
        locale: req.query.locale ?? deposit.locale,
      });
      return reply.type('application/pdf').send(Buffer.from(pdf));
    },
  );

  // The import takes a raw CSV or XLSX body: its parsers exist inside this plugin only.
  app.register(async (scoped) => {
    const child = scoped.withTypeProvider<ZodTypeProvider>();
    child.addContentTypeParser(['text/csv', XLSX_TYPE], { parseAs: 'buffer', bodyLimit: 5 * 1024 * 1024 }, (_req, body, done) => done(null, body));
    child.post(
      '/api/v1/storage/check-ins/import',
      {
        config: { permission: 'storage.write' },
        schema: {
          tags,
          summary:
            'Batch check-in from a CSV (text/csv) or XLSX file sent as the raw body: one deposit per customer phone. Every row is checked first; ' +
            'any row error is a 422 listing them all and nothing is imported; otherwise one transaction creates every deposit.',
          consumes: ['text/csv', XLSX_TYPE],
          querystring: z.object({ warehouseId: Id, locale: Locale.optional() }),
          response: { 201: ImportedDto },
        },
      },
      async (req, reply) => {
        assertInScope(principal(req), req.query.warehouseId, 'querystring.warehouseId');
        const kind = String(req.headers['content-type'] ?? '').startsWith('text/csv') ? 'csv' : 'xlsx';
        const bytes = req.body as Buffer;
        return idempotent(db, req, reply, 201, (tx) => importCheckIns(tx, principal(req).actor, { bytes, kind, ...req.query, timeZone: config.timeZone }));
      },
    );
  });
}
