/**
 * Stock over HTTP. Commands name the product as scanned (a SKU or a barcode) and the location by
 * id or by its code in a warehouse; both are resolved in the command's transaction. Reads answer
 * the floor (levels per bin), Sales (available-to-promise per warehouse) and auditors (ledger).
 */
import { z } from 'zod';
import type { Principal } from '../../platform/auth/auth.service.js';
import { assertEveryWarehouse, assertInScope } from '../../platform/auth/scope.js';
import type { Queryable } from '../../platform/db/client.js';
import type { App, AppContext } from '../../platform/http/app.js';
import { principal } from '../../platform/http/app.js';
import { Conflict, Invalid, NotFound } from '../../platform/http/errors.js';
import { idempotent } from '../../platform/http/idempotency.js';
import { decodeCursor, page, PageQuery, pageOf } from '../../platform/http/pagination.js';
import { findProductByCode, getProductRefs, type ProductRef } from '../catalog/index.js';
import { getCustomerRef } from '../customers/index.js';
import { isHealthy, runDoctor } from './doctor.js';
import { ADJUSTMENT_REASONS, LOCATION_TYPES, STOCK_STATUSES, type StockStatus } from './events.js';
import * as stock from './stock.service.js';
import type { StockLevel } from './stock.service.js';
import { EntityId, MultiLineText, SingleLineText } from './warehouses.routes.js';
import { findLocationByCode, getLocation, getWarehouse, listWarehouses, type Location } from './warehouses.service.js';

const tags = ['inventory'];
const MAX_CODES = 100;

// ---- inputs --------------------------------------------------------------------------------

export const BodyId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** What a scanner types: printable ASCII without spaces (SKUs, barcodes, location codes). */
export const Code = z
  .string()
  .trim()
  .regex(/^[\x21-\x7e]{1,64}$/, 'a code is 1 to 64 printable characters without spaces');
const Sku = Code.describe('A SKU or one of its barcodes (what a scanner reads)');
export const Quantity = z.number().int().min(1).max(1_000_000);
export const Lot = SingleLineText(64).describe('Lot or batch; empty = none');
const Status = z.enum(STOCK_STATUSES);
const OwnerId = BodyId.or(z.literal(0)).describe('0 = the company; otherwise the customer who owns the goods');
const Reference = SingleLineText(200).pipe(z.string().min(1));
const Note = MultiLineText(500);

/** Where: a location id, or the warehouse and the code scanned on the shelf. */
const At = {
  warehouseId: BodyId.optional().describe('The warehouse in which a location code is looked up'),
  locationId: BodyId.optional(),
  locationCode: Code.optional().describe('A scanned location code (with warehouseId)'),
};

const Receipt = z
  .object({
    sku: Sku,
    ...At,
    quantity: Quantity,
    lot: Lot.optional(),
    expiresOn: z.iso.date().optional().describe('YYYY-MM-DD'),
    ownerId: OwnerId.optional(),
    status: Status.optional().describe('Default: quarantine in a quarantine location, otherwise available'),
    reference: Reference.optional().describe('The purchase order, ASN or delivery note'),
  })
  .strict();

const Move = z
  .object({
    sku: Sku,
    warehouseId: At.warehouseId,
    fromLocationId: BodyId.optional(),
    fromLocationCode: Code.optional(),
    toLocationId: BodyId.optional(),
    toLocationCode: Code.optional(),
    quantity: Quantity,
    lot: Lot.optional(),
    status: Status.optional().describe('Which units move: default available'),
    ownerId: OwnerId.optional(),
    reference: Reference.optional(),
  })
  .strict();

const Adjustment = z
  .object({
    sku: Sku,
    ...At,
    delta: z
      .number()
      .int()
      .min(-1_000_000)
      .max(1_000_000)
      .refine((d) => d !== 0, 'an adjustment changes the quantity by at least one unit')
      .describe('Signed: +3 found, -2 lost'),
    reason: z.enum(ADJUSTMENT_REASONS),
    note: Note.optional(),
    lot: Lot.optional(),
    status: Status.optional(),
    ownerId: OwnerId.optional(),
    expiresOn: z.iso.date().optional().describe('For units found of a lot not yet in the location'),
  })
  .strict();

const StatusChange = z
  .object({
    sku: Sku,
    ...At,
    quantity: Quantity,
    status: Status.default('available').describe('The status the units have now'),
    toStatus: Status.describe('quarantine, release (available), damaged, …'),
    lot: Lot.optional(),
    ownerId: OwnerId.optional(),
    reason: Note.optional(),
  })
  .strict();

const SafetyStock = z
  .object({ sku: Sku, warehouseId: BodyId, quantity: z.number().int().min(0).max(1_000_000) })
  .strict();

const QueryId = EntityId;
const LevelsQuery = PageQuery.extend({
  sku: Sku.optional(),
  warehouseId: QueryId.optional(),
  locationId: QueryId.optional(),
  locationCode: Code.optional().describe('A scanned location code (with warehouseId): what is on this dock or shelf'),
  locationType: z.enum(LOCATION_TYPES).optional().describe('Only locations of this type, e.g. receiving: everything waiting on the docks'),
  status: Status.optional(),
  ownerId: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional().describe('0 = the company; otherwise a customer'),
});
const LedgerQuery = PageQuery.extend({
  sku: Sku.optional(),
  warehouseId: QueryId.optional(),
  locationId: QueryId.optional(),
  reference: Reference.optional(),
});
const AvailabilityQuery = z.object({
  sku: z
    .string()
    .max(MAX_CODES * 65)
    .transform((s) => [...new Set(s.split(',').map((c) => c.trim()).filter(Boolean))])
    .pipe(z.array(Code).min(1).max(MAX_CODES))
    .describe(`One SKU or barcode, or up to ${MAX_CODES} comma-separated`),
  warehouseId: QueryId.optional(),
});
const LowQuery = PageQuery.extend({ warehouseId: QueryId.optional() });

// ---- outputs -------------------------------------------------------------------------------

const StockLevelDto = z.object({
  id: z.number(),
  productId: z.number(),
  sku: z.string().nullable(),
  warehouseId: z.number(),
  locationId: z.number(),
  locationCode: z.string(),
  lot: z.string(),
  expiresOn: z.string().nullable(),
  ownerId: z.number(),
  status: Status,
  onHand: z.number(),
  reserved: z.number().describe('Allocated to pick lists'),
  available: z.number().describe('on hand − reserved, for the company’s available stock; 0 otherwise'),
  receivedAt: z.string(),
});
const MovedDto = z.object({ from: StockLevelDto, to: StockLevelDto });

const BalanceDto = z.object({
  productId: z.number(),
  sku: z.string().nullable(),
  warehouseId: z.number(),
  onHand: z.number(),
  reserved: z.number(),
  quarantined: z.number().describe('On hand but not sellable: quarantine, damaged, awaiting inspection or repair'),
  available: z.number().describe('Available-to-promise: on hand − reserved − quarantined'),
  safetyStock: z.number().nullable(),
});

const WarehouseAvailability = BalanceDto.omit({ productId: true, sku: true }).extend({ warehouseCode: z.string() });
const AvailabilityDto = z.object({
  items: z.array(
    z.object({
      sku: z.string(),
      productId: z.number(),
      name: z.string(),
      warehouses: z.array(WarehouseAvailability),
      total: z.object({ onHand: z.number(), reserved: z.number(), quarantined: z.number(), available: z.number() }),
    }),
  ),
});

const LedgerDto = z.object({
  id: z.number(),
  productId: z.number(),
  sku: z.string().nullable(),
  warehouseId: z.number(),
  locationId: z.number(),
  locationCode: z.string().nullable(),
  lot: z.string(),
  ownerId: z.number(),
  status: z.string(),
  quantity: z.number().describe('Signed change of on-hand stock'),
  movement: z.string(),
  reason: z.string().nullable(),
  reference: z.string().nullable(),
  actor: z.string(),
  occurredAt: z.string(),
});

const DoctorDto = z.object({
  healthy: z.boolean(),
  checks: z.array(z.object({ name: z.string(), ok: z.boolean(), findings: z.array(z.string()) })),
});

// ---- resolving what was scanned ------------------------------------------------------------

async function productOf(q: Queryable, code: string, field = 'sku'): Promise<ProductRef> {
  const p = await findProductByCode(q, code);
  if (!p) throw new Invalid(field, `no product has the SKU or barcode ${code}`);
  return p;
}

/**
 * The location named by `<prefix>Id`, or by `warehouseId` + `<prefix>Code`; unknown is a 422 naming
 * the field, one outside the caller's warehouses a 403 naming it.
 */
async function locationOf(
  q: Queryable,
  p: Principal,
  b: { warehouseId?: number; id?: number; code?: string },
  prefix: 'location' | 'fromLocation' | 'toLocation',
): Promise<Location> {
  const idField = `${prefix}Id`;
  const codeField = `${prefix}Code`;
  if (b.warehouseId !== undefined) assertInScope(p, b.warehouseId, 'warehouseId');
  if (b.id !== undefined) {
    const loc = await getLocation(q, b.id).catch(notFoundAs(idField));
    if (b.warehouseId !== undefined && loc.warehouseId !== b.warehouseId) throw new Invalid(idField, `location ${b.id} is not in warehouse ${b.warehouseId}`);
    if (b.code !== undefined && loc.code !== b.code) throw new Invalid(codeField, `location ${b.id} is ${loc.code}, not ${b.code}`);
    assertInScope(p, loc.warehouseId, idField);
    return loc;
  }
  if (b.code === undefined) throw new Invalid(idField, `give ${idField}, or warehouseId and ${codeField}`);
  if (b.warehouseId === undefined) throw new Invalid('warehouseId', `${codeField} is looked up in a warehouse: give warehouseId`);
  await getWarehouse(q, b.warehouseId).catch(notFoundAs('warehouseId'));
  const loc = await findLocationByCode(q, b.warehouseId, b.code);
  if (!loc) throw new Invalid(codeField, `warehouse ${b.warehouseId} has no location ${b.code}`);
  return loc;
}

/** Goods owned by a customer must name one that exists (0 is the company). */
async function checkOwner(q: Queryable, ownerId: number | undefined) {
  if (ownerId && !(await getCustomerRef(q, ownerId))) throw new Invalid('ownerId', `customer ${ownerId} does not exist`);
}

/** A NotFound for something the request body names is the request's fault: a 422 on that field. */
function notFoundAs(field: string) {
  return (err: unknown): never => {
    if (err instanceof NotFound) throw new Invalid(field, err.message);
    throw err;
  };
}

// ---- reading stock rows back ---------------------------------------------------------------

const LEVEL = `s.id, s.product_id AS "productId", s.warehouse_id AS "warehouseId", s.location_id AS "locationId", l.code AS "locationCode",
  s.lot, s.expires_on AS "expiresOn", s.owner_id AS "ownerId", s.status, s.on_hand AS "onHand", s.reserved,
  CASE WHEN s.owner_id = 0 AND s.status = 'available' THEN s.on_hand - s.reserved ELSE 0 END AS available, s.received_at AS "receivedAt"`;

type StockKey = { productId: number; locationId: number; lot?: string; ownerId?: number; status?: StockStatus };

/** One stock row (even when it is down to zero), by id or by its key. */
async function stockRow(q: Queryable, sku: string, by: { id: number } | StockKey): Promise<StockLevel & { sku: string }> {
  const { rows } =
    'id' in by
      ? await q.query<StockLevel>(`SELECT ${LEVEL} FROM stock_levels s JOIN locations l ON l.id = s.location_id WHERE s.id = $1`, [by.id])
      : await q.query<StockLevel>(
          `SELECT ${LEVEL} FROM stock_levels s JOIN locations l ON l.id = s.location_id
            WHERE s.product_id = $1 AND s.location_id = $2 AND s.lot = $3 AND s.owner_id = $4 AND s.status = $5`,
          [by.productId, by.locationId, by.lot ?? '', by.ownerId ?? 0, by.status ?? 'available'],
        );
  return { ...rows[0]!, sku };
}

/** Adds each row's SKU (one catalog look-up for the page). */
async function withSkus<T extends { productId: number }>(q: Queryable, rows: T[]): Promise<Array<T & { sku: string | null }>> {
  const refs = await getProductRefs(q, rows.map((r) => r.productId));
  return rows.map((r) => ({ ...r, sku: refs.get(r.productId)?.sku ?? null }));
}

async function locationCodes(q: Queryable, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const { rows } = await q.query<{ id: number; code: string }>('SELECT id, code FROM locations WHERE id = ANY($1::bigint[])', [[...new Set(ids)]]);
  return new Map(rows.map((r) => [r.id, r.code]));
}

/** A list filtered by a warehouse or location the caller may not see is refused, naming the filter. */
async function assertQueryInScope(q: Queryable, p: Principal, f: { warehouseId?: number; locationId?: number }) {
  if (f.warehouseId !== undefined) assertInScope(p, f.warehouseId, 'querystring.warehouseId');
  if (f.locationId !== undefined && p.warehouseIds !== null) {
    const loc = await getLocation(q, f.locationId).catch(() => undefined);
    // An unknown location simply lists nothing, as it always has.
    if (loc) assertInScope(p, loc.warehouseId, 'querystring.locationId');
  }
}

const IdCursor = z.number().int().positive();
const BalanceCursor = z.tuple([z.number().int(), z.number().int()]);

export function stockRoutes(app: App, { db }: AppContext) {
  app.post(
    '/api/v1/stock/receipts',
    {
      config: { permission: 'inventory.write' },
      schema: {
        tags,
        summary: 'Receive stock into a location (by id, or warehouseId + scanned locationCode)',
        description: 'Answers with the stock row the units landed in. A full or inactive location is a 409.',
        body: Receipt,
        response: { 201: StockLevelDto },
      },
    },
    async (req, reply) =>
      idempotent(db, req, reply, 201, async (tx) => {
        const b = req.body;
        const product = await productOf(tx, b.sku);
        const loc = await locationOf(tx, principal(req), { warehouseId: b.warehouseId, id: b.locationId, code: b.locationCode }, 'location');
        await checkOwner(tx, b.ownerId);
        const warehouse = await getWarehouse(tx, loc.warehouseId);
        if (!warehouse.active) throw new Conflict(`warehouse ${warehouse.code} is not active`, { currentState: 'inactive' });
        const res = await stock.receiveStock(tx, principal(req).actor, {
          productId: product.id,
          locationId: loc.id,
          quantity: b.quantity,
          lot: b.lot,
          expiresOn: b.expiresOn,
          ownerId: b.ownerId,
          status: b.status,
          reference: b.reference,
        });
        return stockRow(tx, product.sku, { id: res.stockLevelId });
      }),
  );

  app.post(
    '/api/v1/stock/moves',
    {
      config: { permission: 'inventory.write' },
      schema: {
        tags,
        summary: 'Move units between two locations of one warehouse (put-away, replenishment)',
        description: 'Only units not allocated to a pick list move. Answers with both stock rows after the move.',
        body: Move,
        response: { 201: MovedDto },
      },
    },
    async (req, reply) =>
      idempotent(db, req, reply, 201, async (tx) => {
        const b = req.body;
        const product = await productOf(tx, b.sku);
        const from = await locationOf(tx, principal(req), { warehouseId: b.warehouseId, id: b.fromLocationId, code: b.fromLocationCode }, 'fromLocation');
        const to = await locationOf(tx, principal(req), { warehouseId: b.warehouseId ?? from.warehouseId, id: b.toLocationId, code: b.toLocationCode }, 'toLocation');
        const key = { productId: product.id, lot: b.lot ?? '', ownerId: b.ownerId ?? 0, status: b.status ?? 'available' };
        await stock.moveStock(tx, principal(req).actor, { ...key, locationId: from.id, toLocationId: to.id, quantity: b.quantity, reference: b.reference });
        return {
          from: await stockRow(tx, product.sku, { ...key, locationId: from.id }),
          to: await stockRow(tx, product.sku, { ...key, locationId: to.id }),
        };
      }),
  );

  app.post(
    '/api/v1/stock/adjustments',
    {
      config: { permission: 'inventory.write' },
      schema: {
        tags,
        summary: 'Correct the quantity of a stock row by a signed delta, with a reason (count, damaged, lost, found, …)',
        description: 'Units allocated to pick lists or promised to orders cannot be adjusted away: that is a 409.',
        body: Adjustment,
        response: { 201: StockLevelDto },
      },
    },
    async (req, reply) =>
      idempotent(db, req, reply, 201, async (tx) => {
        const b = req.body;
        const product = await productOf(tx, b.sku);
        const loc = await locationOf(tx, principal(req), { warehouseId: b.warehouseId, id: b.locationId, code: b.locationCode }, 'location');
        await checkOwner(tx, b.ownerId);
        const res = await stock.adjustStock(tx, principal(req).actor, {
          productId: product.id,
          locationId: loc.id,
          lot: b.lot,
          ownerId: b.ownerId,
          status: b.status,
          delta: b.delta,
          reason: b.reason,
          note: b.note,
          expiresOn: b.expiresOn,
        });
        return stockRow(tx, product.sku, { id: res.stockLevelId });
      }),
  );

  app.post(
    '/api/v1/stock/status-changes',
    {
      config: { permission: 'inventory.write' },
      schema: {
        tags,
        summary: 'Quarantine, release or mark damaged: units change status where they are',
        description: 'Quarantined and damaged units no longer count as available-to-promise.',
        body: StatusChange,
        response: { 201: MovedDto },
      },
    },
    async (req, reply) =>
      idempotent(db, req, reply, 201, async (tx) => {
        const b = req.body;
        const product = await productOf(tx, b.sku);
        const loc = await locationOf(tx, principal(req), { warehouseId: b.warehouseId, id: b.locationId, code: b.locationCode }, 'location');
        const key = { productId: product.id, locationId: loc.id, lot: b.lot ?? '', ownerId: b.ownerId ?? 0 };
        await stock.changeStockStatus(tx, principal(req).actor, { ...key, status: b.status, toStatus: b.toStatus, quantity: b.quantity, reason: b.reason });
        return {
          from: await stockRow(tx, product.sku, { ...key, status: b.status }),
          to: await stockRow(tx, product.sku, { ...key, status: b.toStatus }),
        };
      }),
  );

  app.get(
    '/api/v1/stock/levels',
    {
      config: { permission: 'inventory.read' },
      schema: { tags, summary: 'Stock rows on hand, per product, location, lot, owner and status (by location: what is on a dock or shelf)', querystring: LevelsQuery, response: { 200: page(StockLevelDto) } },
    },
    async (req) => {
      const { sku, limit, cursor, locationCode, ...f } = req.query;
      const p = principal(req);
      const afterId = decodeCursor(cursor, IdCursor);
      const productIds = sku === undefined ? undefined : [(await productOf(db, sku, 'querystring.sku')).id];
      await assertQueryInScope(db, p, f);
      if (locationCode !== undefined) {
        if (f.warehouseId === undefined) throw new Invalid('querystring.warehouseId', 'locationCode is looked up in a warehouse: give warehouseId');
        const loc = await findLocationByCode(db, f.warehouseId, locationCode);
        if (!loc) throw new Invalid('querystring.locationCode', `warehouse ${f.warehouseId} has no location ${locationCode}`);
        if (f.locationId !== undefined && f.locationId !== loc.id) throw new Invalid('querystring.locationCode', `location ${f.locationId} is not ${locationCode}`);
        f.locationId = loc.id;
      }
      const rows = await stock.listStockLevels(db, { ...f, warehouseIds: p.warehouseIds, productIds, afterId, limit: limit + 1 });
      return pageOf(await withSkus(db, rows), limit, (last) => last.id);
    },
  );

  app.get(
    '/api/v1/stock/availability',
    {
      config: { permission: 'inventory.read' },
      schema: {
        tags,
        summary: 'Available-to-promise per warehouse for one or more SKUs (what Sales asks before promising a date)',
        querystring: AvailabilityQuery,
        response: { 200: AvailabilityDto },
      },
    },
    async (req) => {
      const products: ProductRef[] = [];
      const unknown: string[] = [];
      for (const code of req.query.sku) {
        const p = await findProductByCode(db, code);
        if (p) products.push(p);
        else unknown.push(code);
      }
      if (unknown.length) throw new Invalid('querystring.sku', `no product has the SKU or barcode ${unknown.join(', ')}`);
      // A SKU and one of its barcodes name the same product: answer it once.
      const unique = [...new Map(products.map((p) => [p.id, p])).values()];
      const caller = principal(req);
      if (req.query.warehouseId !== undefined) assertInScope(caller, req.query.warehouseId, 'querystring.warehouseId');
      const balances = await stock.listBalances(db, { productIds: unique.map((p) => p.id), warehouseId: req.query.warehouseId, warehouseIds: caller.warehouseIds });
      const codes = new Map((await listWarehouses(db)).map((w) => [w.id, w.code]));
      const items = unique.map((p) => {
          const warehouses = balances
            .filter((b) => b.productId === p.id)
            .map(({ productId: _, ...b }) => ({ ...b, warehouseCode: codes.get(b.warehouseId) ?? String(b.warehouseId) }));
          const sum = (k: 'onHand' | 'reserved' | 'quarantined' | 'available') => warehouses.reduce((n, w) => n + w[k], 0);
          return {
            sku: p.sku,
            productId: p.id,
            name: p.name,
            warehouses,
            total: { onHand: sum('onHand'), reserved: sum('reserved'), quarantined: sum('quarantined'), available: sum('available') },
          };
        });
      return { items };
    },
  );

  app.get(
    '/api/v1/stock/ledger',
    {
      config: { permission: 'inventory.read' },
      schema: { tags, summary: 'Every change of on-hand stock, newest first', querystring: LedgerQuery, response: { 200: page(LedgerDto) } },
    },
    async (req) => {
      const { sku, limit, cursor, ...f } = req.query;
      const p = principal(req);
      const beforeId = decodeCursor(cursor, IdCursor);
      const productId = sku === undefined ? undefined : (await productOf(db, sku, 'querystring.sku')).id;
      await assertQueryInScope(db, p, f);
      const rows = await stock.listLedger(db, { ...f, warehouseIds: p.warehouseIds, productId, beforeId, limit: limit + 1 });
      const codes = await locationCodes(db, rows.map((r) => r.locationId));
      const items = (await withSkus(db, rows)).map((r) => ({ ...r, locationCode: codes.get(r.locationId) ?? null }));
      return pageOf(items, limit, (last) => last.id);
    },
  );

  app.put(
    '/api/v1/stock/safety-stock',
    {
      config: { permission: 'inventory.write' },
      schema: {
        tags,
        summary: "Set a product's safety stock in a warehouse; available-to-promise falling below it writes stock.low",
        body: SafetyStock,
        response: { 200: BalanceDto },
      },
    },
    async (req) =>
      db.transaction(async (tx) => {
        assertInScope(principal(req), req.body.warehouseId, 'warehouseId');
        const product = await productOf(tx, req.body.sku);
        await getWarehouse(tx, req.body.warehouseId).catch(notFoundAs('warehouseId'));
        const balance = await stock.setSafetyStock(tx, principal(req).actor, product.id, req.body.warehouseId, req.body.quantity);
        return { ...balance, sku: product.sku };
      }),
  );

  app.get(
    '/api/v1/stock/low',
    {
      config: { permission: 'inventory.read' },
      schema: { tags, summary: 'Products whose available-to-promise is below their safety stock', querystring: LowQuery, response: { 200: page(BalanceDto) } },
    },
    async (req) => {
      const after = decodeCursor(req.query.cursor, BalanceCursor);
      const p = principal(req);
      if (req.query.warehouseId !== undefined) assertInScope(p, req.query.warehouseId, 'querystring.warehouseId');
      const rows = (await stock.listBalances(db, { warehouseId: req.query.warehouseId, warehouseIds: p.warehouseIds, belowSafety: true })).filter(
        (b) => !after || b.productId > after[0] || (b.productId === after[0] && b.warehouseId > after[1]),
      );
      const pageRows = rows.slice(0, req.query.limit + 1);
      return pageOf(await withSkus(db, pageRows), req.query.limit, (last) => [last.productId, last.warehouseId]);
    },
  );

  app.get(
    '/api/v1/stock/doctor',
    {
      config: { permission: 'inventory.read' },
      schema: {
        tags,
        summary: 'Check the stock invariants on the data as it is (ledger = levels, balances, reservations)',
        response: { 200: DoctorDto },
      },
    },
    async (req) => {
      // Its findings name every warehouse's stock rows.
      assertEveryWarehouse(principal(req), 'The stock doctor');
      const report = await runDoctor(db);
      return { healthy: isHealthy(report), ...report };
    },
  );
}
