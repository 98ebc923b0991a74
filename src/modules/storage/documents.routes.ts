/**
 * Documents and the file import: item labels, the voucher slip, the custody receipt (PDFs rendered
 * by ./documents), and the all-or-nothing batch check-in from a CSV or XLSX file (parsed by ./import).
 */
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { assertInScope, inScope } from '../../platform/auth/scope.js';
import type { App, AppContext } from '../../platform/http/app.js';
import { principal } from '../../platform/http/app.js';
import { DomainError, NotFound } from '../../platform/http/errors.js';
import { idempotent } from '../../platform/http/idempotency.js';
import { readAttachment } from '../attachments/attachments.service.js';
import { getCustomerRef } from '../customers/customers.service.js';
import { renderCustodyReceipt } from './documents/custody.js';
import { renderLabels } from './documents/labels.js';
import { renderVoucherSlip } from './documents/voucher.js';
import { importCheckIns, ImportedDto, XLSX_TYPE } from './import-checkins.js';
import { getItemWithHistory } from './queries.js';
import { getDeposit, getItem, readDeposits, warehouseRef, type Item } from './shared.js';
import { Id, ItemCode } from './storage.schema.js';

const tags = ['storage documents'];
const Pdf = z.any().describe('application/pdf');
const Locale = z.enum(['zh-CN', 'en']);

/** What a label says: the item's code, its description, and who and which deposit it belongs to. */
export function labelOf(item: Item, customerName: string) {
  return { code: item.code, title: item.description, subtitle: `${item.depositNumber} · ${customerName} · ${item.sizeClass}` };
}

/** How long after a check-in its voucher slip may be printed (a printer jam, a second copy at the counter). */
export const VOUCHER_SLIP_MINUTES = 30;

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

  app.get(
    '/api/v1/storage/deposits/:id/voucher.pdf',
    {
      // The slip carries the voucher code, the customer's secret, shown once: only who checked the
      // deposit in prints it, at the counter, right after the check-in.
      config: { permission: 'storage.write' },
      schema: {
        tags,
        summary: "The customer's voucher slip (with the voucher code) in the deposit's language or the one asked",
        description: `Only for whoever checked the deposit in, within ${VOUCHER_SLIP_MINUTES} minutes of the check-in (403 otherwise): the voucher is the customer's secret, shown once.`,
        params: z.object({ id: Id }),
        querystring: z.object({ locale: Locale.optional() }),
        response: { 200: Pdf },
      },
    },
    async (req, reply) => {
      const [deposit] = await readDeposits(db, 'id = $1', [req.params.id]);
      if (!deposit || !inScope(principal(req), deposit.warehouse.id)) throw new NotFound('storage deposit', req.params.id);
      const now = config.now?.() ?? new Date();
      const late = now.getTime() - new Date(deposit.checkedInAt).getTime() > VOUCHER_SLIP_MINUTES * 60_000;
      if (deposit.checkedInBy !== principal(req).actor || late) {
        throw new DomainError(403, 'forbidden', 'Permission denied', `The voucher slip is printed once, by whoever checked the deposit in, within ${VOUCHER_SLIP_MINUTES} minutes`);
      }
      const pdf = await renderVoucherSlip({
        voucherCode: deposit.voucherCode,
        depositNumber: deposit.depositNumber,
        customerName: deposit.customer.name,
        phone: deposit.customer.phone,
        warehouse: deposit.warehouse.name,
        checkedInAt: deposit.checkedInAt,
        expectedPickupAt: deposit.expectedPickupAt,
        items: deposit.items.map((i) => ({ code: i.code, description: i.description, category: i.category, sizeClass: i.sizeClass })),
        locale: req.query.locale ?? deposit.locale,
      });
      return reply.type('application/pdf').send(Buffer.from(pdf));
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
