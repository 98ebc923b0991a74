/**
 * Transfers over HTTP: what to transfer (proposals), the transfer order and its steps (release,
 * ship, receive, close, cancel) and the stock in transit. Products are named by SKU or barcode,
 * resolved in the command's transaction; an unknown one is a 422 naming the field.
 */
import { z } from 'zod';
import type { Principal } from '../../platform/auth/auth.service.js';
import { anyInScope, assertInScope, assertVisible } from '../../platform/auth/scope.js';
import type { Queryable, Tx } from '../../platform/db/client.js';
import type { App, AppContext } from '../../platform/http/app.js';
import { principal } from '../../platform/http/app.js';
import { Conflict, Invalid, NotFound } from '../../platform/http/errors.js';
import { commandRoutes } from '../../platform/http/command-route.js';
import { idempotent } from '../../platform/http/idempotency.js';
import { decodeCursor, page, pageOf } from '../../platform/http/pagination.js';
import { findProductByCode, getProductRefs, type ProductRef } from '../catalog/index.js';
import { computeProposals, dismissProposal, getProposal } from './transfer-proposals.js';
import {
  InTransitDto,
  InTransitQuery,
  NewTransferInput,
  ProposalDto,
  ProposalQuery,
  ReasonInput,
  ReceiptInput,
  RecordedProposalDto,
  ShipInput,
  tags,
  TransferDto,
  TransferListQuery,
  TransferParams,
  TransferSummaryDto,
} from './transfers.schema.js';
import * as transfers from './transfers.service.js';
import type { Transfer } from './transfers.service.js';
import { defaultLocation, findLocationByCode, getLocation, getWarehouse, type Location } from './warehouses.service.js';

async function productOf(q: Queryable, code: string, field: string): Promise<ProductRef> {
  const p = await findProductByCode(q, code);
  if (!p) throw new Invalid(field, `no product has the SKU or barcode ${code}`);
  return p;
}

async function withSkus<T extends { productId: number }>(q: Queryable, rows: T[]): Promise<Array<T & { sku: string | null }>> {
  const refs = await getProductRefs(q, rows.map((r) => r.productId));
  return rows.map((r) => ({ ...r, sku: refs.get(r.productId)?.sku ?? null }));
}

/** The transfer as the API shows it: lines and discrepancies with their SKUs. */
async function view(q: Queryable, t: Transfer) {
  const lines = (await withSkus(q, t.lines)).map(({ reservationId: _, ...l }) => l);
  return { ...t, lines, discrepancies: await withSkus(q, t.discrepancies) };
}

/** Where a receipt is scanned: the location given (by id or code), else the destination's receiving dock. */
async function receivingLocation(q: Queryable, warehouseId: number, b: { locationId?: number; locationCode?: string }): Promise<Location> {
  if (b.locationId !== undefined) {
    return getLocation(q, b.locationId).catch((err: unknown) => {
      throw err instanceof NotFound ? new Invalid('locationId', err.message) : err;
    });
  }
  if (b.locationCode !== undefined) {
    const loc = await findLocationByCode(q, warehouseId, b.locationCode);
    if (!loc) throw new Invalid('locationCode', `warehouse ${warehouseId} has no location ${b.locationCode}`);
    return loc;
  }
  const dock = await defaultLocation(q, warehouseId, 'receiving');
  if (!dock) throw new Invalid('locationId', `warehouse ${warehouseId} has no active receiving location; give locationId`);
  return dock;
}

/**
 * A transfer is seen from either of its warehouses; one in neither of the caller's is a 404. Each
 * step that moves stock needs the side it moves: the source releases, ships and cancels, the
 * destination receives and closes.
 */
async function assertTransferSide(q: Queryable, p: Principal, id: number, side: 'from' | 'to') {
  if (p.warehouseIds === null) return;
  const t = await transfers.transferWarehouses(q, id);
  if (!t || !anyInScope(p, [t.fromWarehouseId, t.toWarehouseId])) throw new NotFound('transfer', id);
  if (side === 'from') assertInScope(p, t.fromWarehouseId, 'fromWarehouseId');
  else assertInScope(p, t.toWarehouseId, 'toWarehouseId');
}

/** A draft is a request between two warehouses: the caller works in at least one of them. */
function assertDraftInScope(p: Principal, fromWarehouseId: number, toWarehouseId: number, field: string) {
  if (!anyInScope(p, [fromWarehouseId, toWarehouseId])) assertInScope(p, fromWarehouseId, field);
}

const IdCursor = z.number().int().positive();
const ProposalCursor = z.tuple([z.number().int(), z.number().int()]);

export function transferRoutes(app: App, { db }: AppContext) {
  app.get(
    '/api/v1/transfer-proposals',
    {
      config: { permission: 'inventory.read' },
      schema: {
        tags,
        summary: 'Transfers worth making now: where a warehouse is short (below safety stock, or backorders waiting), from the warehouse with the largest surplus',
        description: 'quantity = min(need, surplus). Computed on the data as it is; proposalId names the open proposal recorded with transfer.proposed, if any.',
        querystring: ProposalQuery,
        response: { 200: page(ProposalDto) },
      },
    },
    async (req) => {
      const { warehouseId, sku, limit, cursor } = req.query;
      const after = decodeCursor(cursor, ProposalCursor);
      if (warehouseId !== undefined) {
        await getWarehouse(db, warehouseId).catch((err: unknown) => {
          throw err instanceof NotFound ? new Invalid('querystring.warehouseId', err.message) : err;
        });
      }
      const productIds = sku === undefined ? undefined : [(await productOf(db, sku, 'querystring.sku')).id];
      const caller = principal(req);
      // Computed whole (not a page of a query), so narrowing to the caller's warehouses here keeps the pages right.
      const rows = (await computeProposals(db, { warehouseId, productIds })).filter(
        (p) =>
          anyInScope(caller, [p.fromWarehouseId, p.toWarehouseId]) &&
          (!after || p.productId > after[0] || (p.productId === after[0] && p.toWarehouseId > after[1])),
      );
      return pageOf(await withSkus(db, rows.slice(0, limit + 1)), limit, (last) => [last.productId, last.toWarehouseId]);
    },
  );

  app.get(
    '/api/v1/transfer-proposals/:id',
    {
      config: { permission: 'inventory.read' },
      schema: { tags, summary: 'A proposal recorded with transfer.proposed: open, accepted (by a transfer) or dismissed', params: TransferParams, response: { 200: RecordedProposalDto } },
    },
    async (req) => {
      const proposal = await getProposal(db, req.params.id);
      if (!anyInScope(principal(req), [proposal.fromWarehouseId, proposal.toWarehouseId])) throw new NotFound('transfer proposal', req.params.id);
      return (await withSkus(db, [proposal]))[0]!;
    },
  );

  app.post(
    '/api/v1/transfer-proposals/:id/dismiss',
    {
      config: { permission: 'inventory.write' },
      schema: {
        tags,
        summary: 'Dismiss an open proposal: the next shortage of this product and pair of warehouses may propose again',
        params: TransferParams,
        body: ReasonInput,
        response: { 200: RecordedProposalDto },
      },
    },
    async (req) =>
      db.transaction(async (tx) => {
        const p = principal(req);
        await assertVisible(
          p,
          async () => {
            const proposal = await getProposal(tx, req.params.id).catch(() => undefined);
            return proposal && [proposal.fromWarehouseId, proposal.toWarehouseId];
          },
          () => new NotFound('transfer proposal', req.params.id),
        );
        return (await withSkus(tx, [await dismissProposal(tx, p.actor, req.params.id, req.body.reason)]))[0]!;
      }),
  );

  app.post(
    '/api/v1/transfers',
    {
      config: { permission: 'inventory.write' },
      schema: {
        tags,
        summary: 'Draft a transfer order: explicit lines, or fromProposal to accept what is proposed now. Accepts Idempotency-Key',
        body: NewTransferInput,
        response: { 201: TransferDto },
      },
    },
    async (req, reply) =>
      idempotent(db, req, reply, 201, async (tx) => {
        const b = req.body;
        const base = { reference: b.reference, note: b.note };
        let input: transfers.NewTransfer;
        if (b.fromProposal) {
          if (b.lines) throw new Invalid('lines', 'give lines or fromProposal, not both');
          if (b.fromWarehouseId !== undefined || b.toWarehouseId !== undefined) {
            throw new Invalid(b.fromWarehouseId !== undefined ? 'fromWarehouseId' : 'toWarehouseId', 'fromProposal names the warehouses');
          }
          const p = b.fromProposal;
          assertDraftInScope(principal(req), p.fromWarehouseId, p.toWarehouseId, 'fromProposal.fromWarehouseId');
          const product = await productOf(tx, p.sku, 'fromProposal.sku');
          const proposal = (await computeProposals(tx, { warehouseId: p.toWarehouseId, productIds: [product.id] })).find((x) => x.fromWarehouseId === p.fromWarehouseId);
          if (!proposal) {
            throw new Conflict(`nothing to propose now for ${product.sku} from warehouse ${p.fromWarehouseId} to warehouse ${p.toWarehouseId}`, {
              currentState: 'no_proposal',
              field: 'fromProposal',
            });
          }
          input = { ...base, fromWarehouseId: p.fromWarehouseId, toWarehouseId: p.toWarehouseId, lines: [{ productId: product.id, quantity: proposal.quantity }] };
        } else {
          if (!b.lines) throw new Invalid('lines', 'give lines or fromProposal');
          if (b.fromWarehouseId === undefined) throw new Invalid('fromWarehouseId', 'the warehouse the stock leaves is required with lines');
          if (b.toWarehouseId === undefined) throw new Invalid('toWarehouseId', 'the warehouse that receives the stock is required with lines');
          assertDraftInScope(principal(req), b.fromWarehouseId, b.toWarehouseId, 'fromWarehouseId');
          const lines = [];
          for (const [i, l] of b.lines.entries()) lines.push({ productId: (await productOf(tx, l.sku, `lines.${i}.sku`)).id, lot: l.lot, quantity: l.quantity });
          input = { ...base, fromWarehouseId: b.fromWarehouseId, toWarehouseId: b.toWarehouseId, lines };
        }
        return view(tx, await transfers.createTransfer(tx, principal(req).actor, input));
      }),
  );

  app.get(
    '/api/v1/transfers',
    {
      config: { permission: 'inventory.read' },
      schema: { tags, summary: 'Transfer orders, newest first', querystring: TransferListQuery, response: { 200: page(TransferSummaryDto) } },
    },
    async (req) => {
      const { limit, cursor, ...f } = req.query;
      const rows = await transfers.listTransfers(db, { ...f, warehouseIds: principal(req).warehouseIds, beforeId: decodeCursor(cursor, IdCursor), limit: limit + 1 });
      return pageOf(rows, limit, (last) => last.id);
    },
  );

  app.get(
    '/api/v1/transfers/:id',
    {
      config: { permission: 'inventory.read' },
      schema: { tags, summary: 'A transfer order with its lines (shipped, received, in transit) and discrepancies', params: TransferParams, response: { 200: TransferDto } },
    },
    async (req) => {
      const t = await transfers.getTransfer(db, req.params.id);
      if (!anyInScope(principal(req), [t.fromWarehouseId, t.toWarehouseId])) throw new NotFound('transfer', req.params.id);
      return view(db, t);
    },
  );

  /** A command on one transfer, by the source's or the destination's people (`side`), answered with the transfer. */
  const transferCommand = commandRoutes<Transfer>(app, db, {
    base: '/api/v1/transfers',
    tags,
    params: TransferParams,
    response: TransferDto,
    guard: (tx, caller, id) => assertTransferSide(tx, caller, id, 'from'),
    answer: (tx, _id, t) => view(tx, t),
  });
  const command = <B extends z.ZodType | undefined>(
    path: string,
    summary: string,
    body: B,
    side: 'from' | 'to',
    run: (tx: Tx, actor: string, id: number, body: B extends z.ZodType ? z.output<B> : undefined) => Promise<Transfer>,
    status = 200,
  ) => transferCommand(path, { permission: 'inventory.write', summary, body, status, guard: (tx, caller, id) => assertTransferSide(tx, caller, id, side) }, run);

  command('release', 'draft → released: the source warehouse reserves every line (409 insufficient_stock if it cannot)', undefined, 'from', (tx, actor, id) =>
    transfers.releaseTransfer(tx, actor, id),
  );
  command('ship', 'released → shipped: the units leave the source (ledger: transfer out) and are in transit; less than asked releases the rest', ShipInput, 'from', (tx, actor, id, b) =>
    transfers.shipTransfer(tx, actor, id, b.lines),
  );
  command(
    'receipts',
    'Scan what arrived into a location of the destination (default its receiving dock): in transit → stock (ledger: transfer in); more than shipped is an overage. Closes when nothing is left in transit',
    ReceiptInput,
    'to',
    async (tx, actor, id, b) => {
      const t = await transfers.getTransfer(tx, id);
      const loc = await receivingLocation(tx, t.toWarehouseId, b);
      const scans = [];
      for (const [i, l] of b.lines.entries()) {
        if (l.lineId !== undefined) {
          scans.push({ lineId: l.lineId, lot: l.lot, quantity: l.quantity });
          continue;
        }
        if (l.sku === undefined) throw new Invalid(`lines.${i}.sku`, 'name the line by lineId or sku');
        const product = await productOf(tx, l.sku, `lines.${i}.sku`);
        const candidates = t.lines.filter((x) => x.productId === product.id);
        const line = candidates.length === 1 ? candidates[0] : candidates.find((x) => x.lot === (l.lot ?? ''));
        if (!line) {
          throw new Invalid(`lines.${i}.sku`, candidates.length ? `transfer ${t.number} has several lines of ${product.sku}; give lineId` : `${product.sku} is not on transfer ${t.number}`);
        }
        scans.push({ lineId: line.id, lot: l.lot, quantity: l.quantity });
      }
      return transfers.receiveTransfer(tx, actor, id, loc, scans);
    },
    201,
  );
  command('close', 'Write off what is still in transit (shortages, with the reason) and close the transfer', ReasonInput, 'to', (tx, actor, id, b) =>
    transfers.closeTransfer(tx, actor, id, b.reason),
  );
  command('cancel', 'Cancel a draft or released transfer; a released one gives its reserved stock back', ReasonInput, 'from', (tx, actor, id, b) =>
    transfers.cancelTransfer(tx, actor, id, b.reason),
  );

  app.get(
    '/api/v1/stock/in-transit',
    {
      config: { permission: 'inventory.read' },
      schema: {
        tags,
        summary: 'Stock on its way between warehouses, per product and pair of warehouses (in neither warehouse’s levels until received)',
        querystring: InTransitQuery,
        response: { 200: InTransitDto },
      },
    },
    async (req) => {
      const productIds = req.query.sku === undefined ? undefined : [(await productOf(db, req.query.sku, 'querystring.sku')).id];
      const rows = await transfers.listInTransit(db, { productIds, warehouseId: req.query.warehouseId, warehouseIds: principal(req).warehouseIds });
      const groups = new Map<string, { productId: number; fromWarehouseId: number; toWarehouseId: number; quantity: number; transfers: Array<{ id: number; number: string; lot: string; quantity: number }> }>();
      for (const r of rows) {
        const key = `${r.productId}:${r.fromWarehouseId}:${r.toWarehouseId}`;
        const g = groups.get(key) ?? { productId: r.productId, fromWarehouseId: r.fromWarehouseId, toWarehouseId: r.toWarehouseId, quantity: 0, transfers: [] };
        g.quantity += r.quantity;
        g.transfers.push({ id: r.transferId, number: r.number, lot: r.lot, quantity: r.quantity });
        groups.set(key, g);
      }
      return { items: await withSkus(db, [...groups.values()]) };
    },
  );
}
