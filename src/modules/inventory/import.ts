/**
 * Importing opening stock from a spreadsheet: one row per warehouse, location, SKU and lot, with
 * its quantity and optional expiry. It goes through the ledger as receipts with the reason
 * `opening_balance` (reference `IMP-<job>`), so `wareloop doctor` holds: the stock rows and the
 * warehouse balances (kept by the stock_levels trigger) equal the ledger's sums. Unknown SKUs,
 * warehouses and locations, inactive locations and locations over capacity are row errors.
 *
 * A stock key (SKU, location, lot) that already has an opening balance is skipped, so sending the
 * file again adds nothing; stock the key got otherwise (receipts) does not count as an opening.
 */
import type { WarehouseScope } from '../../platform/auth/scope.js';
import type { Queryable } from '../../platform/db/client.js';
import { Conflict } from '../../platform/http/errors.js';
import { appendEvents } from '../../platform/imports/bulk-events.js';
import { cell, inBatches, rowSchema, stagedRows, type ImportKind } from '../../platform/imports/kind.js';
import { resolveSkus } from '../catalog/index.js';
import { INVENTORY_EVENTS as E } from './events.js';
import { stockBecameAvailableMany } from './stock.service.js';

export const OPENING_BALANCE = 'opening_balance';

type StockRow = { warehouse: string; location: string; sku: string; lot: string; quantity: number; expiresOn: string | null };

const COLUMNS = [
  { field: 'warehouse', headers: ['warehouse', '仓库编码', 'warehouse_code', '仓库'], required: true, example: 'SH01' },
  { field: 'location', headers: ['location', '库位编码', 'location_code', '库位', '货位'], required: true, example: 'A-01-01' },
  { field: 'sku', headers: ['sku', '商品编码', 'SKU编码', '货号'], required: true, example: 'TEA-LJ-250' },
  { field: 'lot', headers: ['lot', '批次', '批号', 'batch'], example: 'L2026-03', note: 'empty when the product has no lots' },
  { field: 'quantity', headers: ['quantity', '数量', '库存数量', 'qty'], required: true, example: '120', note: 'a whole number, 1 to 1,000,000' },
  { field: 'expiresOn', headers: ['expires_on', '过期日期', '有效期至', 'expiry'], example: '2027-03-31', note: 'YYYY-MM-DD' },
] as const;

const Code = (what: string) => cell.text(64).regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, `a ${what} code is letters, digits, "_", "." or "-"`);

// Built once: a Zod schema is compiled on its first use, so one built per row costs milliseconds.
const WarehouseCode = Code('warehouse').transform((c) => c.toUpperCase());
const LocationCode = Code('location');
const Sku = cell.text(64).regex(/^[A-Za-z0-9._-]{1,64}$/, 'SKU is 1 to 64 letters, digits, "-", "_" or "."');
const Lot = cell.text(64);
const Quantity = cell.int(1, 1_000_000);
const Expiry = cell.date();

const row = rowSchema<StockRow>((_cells, r) => {
  const warehouse = r.get('warehouse', WarehouseCode);
  const location = r.get('location', LocationCode);
  const sku = r.get('sku', Sku);
  const lot = r.get('lot', Lot) ?? '';
  const quantity = r.get('quantity', Quantity);
  const expiresOn = r.get('expiresOn', Expiry) ?? null;
  if (warehouse === undefined || location === undefined || sku === undefined || quantity === undefined) return undefined;
  return { warehouse, location, sku, lot, quantity, expiresOn };
});

type Place = { warehouse: string; location: string; id: number; warehouseId: number; code: string; type: string; active: boolean; capacity: number | null; used: number };

/** The locations the rows name, with what they hold now; `lock` keeps them from changing until the commit. */
async function placesOf(q: Queryable, rows: StockRow[], lock: boolean): Promise<Map<string, Place>> {
  const pairs = [...new Map(rows.map((r) => [`${r.warehouse} ${r.location}`, r])).values()];
  const { rows: found } = await q.query<Place>(
    `SELECT w.code AS warehouse, l.code AS location, l.id, l.warehouse_id AS "warehouseId", l.code, l.type, l.active, l.capacity,
            (SELECT coalesce(sum(s.on_hand), 0)::bigint FROM stock_levels s WHERE s.location_id = l.id) AS used
       FROM unnest($1::text[], $2::text[]) AS p(warehouse, location)
       JOIN warehouses w ON w.code = p.warehouse JOIN locations l ON l.warehouse_id = w.id AND l.code = p.location
      ORDER BY l.id ${lock ? 'FOR UPDATE OF l' : ''}`,
    [pairs.map((p) => p.warehouse), pairs.map((p) => p.location)],
  );
  return new Map(found.map((p) => [`${p.warehouse} ${p.location}`, p]));
}

/** Every reason the database refuses a row, and the rows to write: keys already opened are skipped (and not counted against capacity). */
async function refusals(q: Queryable, staged: Array<{ row: number; data: StockRow }>, lock: boolean, scope: WarehouseScope) {
  const rows = staged.map((s) => s.data);
  const products = await resolveSkus(q, rows.map((r) => r.sku));
  const places = await placesOf(q, rows, lock);
  const { rows: known } = await q.query<{ code: string }>('SELECT code FROM warehouses WHERE code = ANY($1::text[])', [[...new Set(rows.map((r) => r.warehouse))]]);
  const warehouses = new Set(known.map((w) => w.code));
  const opened = await openedKeys(q, [...places.values()].map((p) => p.id));

  const errors: Array<{ row: number; field: string; message: string }> = [];
  const adding = new Map<number, { first: number; quantity: number }>();
  const accepted: Array<{ row: number; data: StockRow; productId: number; place: Place }> = [];
  let skipped = 0;
  for (const { row, data } of staged) {
    const product = products.get(data.sku);
    const place = places.get(`${data.warehouse} ${data.location}`);
    if (!product) errors.push({ row, field: 'sku', message: `unknown SKU ${data.sku}` });
    if (!warehouses.has(data.warehouse)) errors.push({ row, field: 'warehouse', message: `unknown warehouse ${data.warehouse}` });
    else if (!place) errors.push({ row, field: 'location', message: `warehouse ${data.warehouse} has no location ${data.location}` });
    else if (!place.active) errors.push({ row, field: 'location', message: `location ${data.location} is not active` });
    const outside = place !== undefined && scope !== null && !scope.includes(place.warehouseId);
    if (outside) errors.push({ row, field: 'warehouse', message: `warehouse ${data.warehouse} is outside the warehouses you may work in` });
    if (!product || !place?.active || outside) continue;
    if (opened.has(`${product.id} ${place.id} ${data.lot}`)) {
      skipped++;
      continue;
    }
    const a = adding.get(place.id) ?? { first: row, quantity: 0 };
    a.quantity += data.quantity;
    adding.set(place.id, a);
    accepted.push({ row, data, productId: product.id, place });
  }
  for (const place of places.values()) {
    const a = adding.get(place.id);
    if (a && place.capacity !== null && place.used + a.quantity > place.capacity) {
      errors.push({ row: a.first, field: 'location', message: `location ${place.code} holds ${place.used} of ${place.capacity}; the file adds ${a.quantity}, which does not fit` });
    }
  }
  return { errors: errors.sort((a, b) => a.row - b.row), accepted, skipped };
}

/** The stock keys (product, location, lot) of these locations that already got an opening balance. */
async function openedKeys(q: Queryable, locationIds: number[]): Promise<Set<string>> {
  const { rows } = await q.query<{ key: string }>(
    `SELECT DISTINCT product_id || ' ' || location_id || ' ' || lot AS key FROM stock_ledger
      WHERE location_id = ANY($1::bigint[]) AND movement = 'receipt' AND reason = $2`,
    [locationIds, OPENING_BALANCE],
  );
  return new Set(rows.map((r) => r.key));
}

export const openingStockImport: ImportKind<StockRow> = {
  name: 'opening-stock',
  title: { en: 'Opening stock', 'zh-CN': '期初库存' },
  permission: 'inventory.write',
  columns: COLUMNS,
  row,

  fileChecker() {
    const keys = new Map<string, number>();
    return (s, rowNumber) => {
      const key = `${s.warehouse} ${s.location} ${s.sku} ${s.lot}`;
      const first = keys.get(key);
      if (first !== undefined) return [{ field: 'sku', message: `the same SKU, location and lot are on row ${first}; put the total on one row` }];
      keys.set(key, rowNumber);
      return [];
    };
  },

  async check({ q, jobId, scope }) {
    return (await refusals(q, await stagedRows<StockRow>(q, jobId), false, scope)).errors;
  },

  async apply({ tx, jobId, actor, reference, scope }) {
    const staged = await stagedRows<StockRow>(tx, jobId);
    const { errors, accepted, skipped } = await refusals(tx, staged, true, scope);
    if (errors[0]) throw new Conflict(`row ${errors[0].row}: ${errors[0].message} (found when checked again at commit)`, { field: errors[0].field });
    const lines = accepted.map((a) => ({
      ...a,
      status: a.place.type === 'quarantine' ? 'quarantine' : 'available',
    }));
    // A batch of rows per statement (see applyBatch); stock rows and their ledger rows go together.
    await inBatches(lines, async (batch) => {
      const columns = [
        batch.map((l) => l.productId),
        batch.map((l) => l.place.warehouseId),
        batch.map((l) => l.place.id),
        batch.map((l) => l.data.lot),
        batch.map((l) => l.status),
        batch.map((l) => l.data.quantity),
      ];
      // Units merged into a row keep the earliest expiry and the oldest arrival, as a receipt does.
      await tx.query(
        `INSERT INTO stock_levels (product_id, warehouse_id, location_id, lot, status, on_hand, expires_on)
         SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::bigint[], $7::date[])
         ON CONFLICT (product_id, location_id, lot, owner_id, status) DO UPDATE
           SET on_hand = stock_levels.on_hand + EXCLUDED.on_hand, expires_on = least(stock_levels.expires_on, EXCLUDED.expires_on), updated_at = now()`,
        [...columns, batch.map((l) => l.data.expiresOn)],
      );
      await tx.query(
        `INSERT INTO stock_ledger (product_id, warehouse_id, location_id, lot, owner_id, status, quantity, movement, reason, reference, actor)
         SELECT p, w, l, lot, 0, s, q, 'receipt', $7, $8, $9 FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::bigint[]) AS t(p, w, l, lot, s, q)`,
        [...columns, OPENING_BALANCE, reference, actor],
      );
    });
    await appendEvents(
      tx,
      actor,
      lines.map((l) => ({
        type: E.stockReceived,
        entityType: 'product',
        entityId: l.productId,
        payload: {
          productId: l.productId,
          warehouseId: l.place.warehouseId,
          locationId: l.place.id,
          locationCode: l.place.code,
          quantity: l.data.quantity,
          lot: l.data.lot,
          expiresOn: l.data.expiresOn,
          ownerId: 0,
          status: l.status,
          reference,
          reason: OPENING_BALANCE,
        },
      })),
    );
    // Backordered orders waiting for these products are served now, as after any receipt.
    const available = new Map(lines.filter((l) => l.status === 'available').map((l) => [`${l.productId} ${l.place.warehouseId}`, { productId: l.productId, warehouseId: l.place.warehouseId }]));
    await stockBecameAvailableMany(tx, actor, [...available.values()]);
    return { created: { stockRows: lines.length, units: lines.reduce((n, l) => n + l.data.quantity, 0) }, skipped: { stockRows: skipped } };
  },
};
