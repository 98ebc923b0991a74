/**
 * Products (SKUs) and their barcodes: commands that change them (each writing its event in the
 * caller's transaction) and the look-ups other modules use (`resolveSkus`, `getProductRefs`,
 * `findProductByCode`). A code is never ambiguous: a barcode names one product, and no barcode may
 * be another product's SKU.
 */
import { z } from 'zod';
import type { Queryable, Tx } from '../../platform/db/client.js';
import { appendEvent } from '../../platform/events/log.js';
import { Conflict, Invalid, NotFound } from '../../platform/http/errors.js';
import { decodeCursor, pageOf } from '../../platform/http/pagination.js';
import { Barcode, NewProductInput, ProductPatchInput, type NewProduct, type ProductPatch } from './catalog.schema.js';
import { CATALOG_EVENTS as E, type ProductCreatedPayload, type ProductUpdatedPayload } from './events.js';

export type { NewProduct, ProductPatch } from './catalog.schema.js';

export type ProductRef = {
  id: number;
  sku: string;
  name: string;
  category: string | null;
  unitPrice: number;
  weightG: number | null;
  lengthMm: number | null;
  widthMm: number | null;
  heightMm: number | null;
  active: boolean;
};
export type CustomFields = Record<string, string | number | boolean>;
export type Product = ProductRef & { barcodes: string[]; customFields: CustomFields; createdAt: string; updatedAt: string };
export type ProductFilter = { q?: string; category?: string; active?: boolean };

const REF_COLUMNS = `p.id, p.sku, p.name, p.category, p.unit_price AS "unitPrice", p.weight_g AS "weightG",
  p.length_mm AS "lengthMm", p.width_mm AS "widthMm", p.height_mm AS "heightMm", p.active`;
const PRODUCT_COLUMNS = `${REF_COLUMNS}, p.custom_fields AS "customFields", p.created_at AS "createdAt",
  p.updated_at AS "updatedAt",
  ARRAY(SELECT b.barcode FROM product_barcodes b WHERE b.product_id = p.id ORDER BY b.barcode COLLATE "C") AS barcodes`;

/** The product fields a patch may change, and their columns. */
const COLUMN_OF = {
  name: 'name',
  category: 'category',
  unitPrice: 'unit_price',
  weightG: 'weight_g',
  lengthMm: 'length_mm',
  widthMm: 'width_mm',
  heightMm: 'height_mm',
  customFields: 'custom_fields',
  active: 'active',
} as const;
type PatchField = keyof typeof COLUMN_OF;

/** Inputs from other modules (imports, the seed) get the same checks as the API's. */
function check<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  throw new Invalid(issue.path.join('.') || 'body', issue.message);
}

/** A LIKE pattern that matches `text` literally (with ESCAPE '\'). */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const unique = <T>(xs: readonly T[]) => [...new Set(xs)];

// ---- look-ups for other modules ------------------------------------------------------------

/** The products with these SKUs (exact), keyed by SKU; unknown SKUs are simply absent. */
export async function resolveSkus(q: Queryable, skus: readonly string[]): Promise<Map<string, ProductRef>> {
  if (skus.length === 0) return new Map();
  const { rows } = await q.query<ProductRef>(`SELECT ${REF_COLUMNS} FROM products p WHERE p.sku = ANY($1::text[])`, [unique(skus)]);
  return new Map(rows.map((r) => [r.sku, r]));
}

/** The products with these ids, keyed by id; unknown ids are simply absent. */
export async function getProductRefs(q: Queryable, ids: readonly number[]): Promise<Map<number, ProductRef>> {
  if (ids.length === 0) return new Map();
  const { rows } = await q.query<ProductRef>(`SELECT ${REF_COLUMNS} FROM products p WHERE p.id = ANY($1::bigint[])`, [unique(ids)]);
  return new Map(rows.map((r) => [r.id, r]));
}

/** The product a scanned code names: its SKU or one of its barcodes (exact match). */
export async function findProductByCode(q: Queryable, code: string): Promise<ProductRef | undefined> {
  const id = await productIdByCode(q, code);
  return id === undefined ? undefined : (await getProductRefs(q, [id])).get(id);
}

async function productIdByCode(q: Queryable, code: string): Promise<number | undefined> {
  const { rows } = await q.query<{ id: number }>(
    `SELECT id FROM (
       SELECT id, 0 AS rank FROM products WHERE sku = $1
       UNION ALL SELECT product_id, 1 FROM product_barcodes WHERE barcode = $1
     ) c ORDER BY rank LIMIT 1`,
    [code],
  );
  return rows[0]?.id;
}

// ---- queries -------------------------------------------------------------------------------

export async function getProduct(q: Queryable, id: number): Promise<Product> {
  const { rows } = await q.query<Product>(`SELECT ${PRODUCT_COLUMNS} FROM products p WHERE p.id = $1`, [id]);
  if (!rows[0]) throw new NotFound('product', id);
  return rows[0];
}

export async function getProductByCode(q: Queryable, code: string): Promise<Product> {
  const id = await productIdByCode(q, code);
  if (id === undefined) throw new NotFound('product', code);
  return getProduct(q, id);
}

const Cursor = z.object({ sku: z.string().max(64) });

/**
 * Products in SKU order, keyset-paginated. `q` matches a SKU prefix (any case), an exact barcode,
 * or part of the name (any case).
 */
export async function listProducts(q: Queryable, f: ProductFilter, page: { limit: number; cursor?: string }) {
  const after = decodeCursor(page.cursor, Cursor);
  const params: unknown[] = [];
  const where: string[] = [];
  const param = (v: unknown) => `$${params.push(v)}`;
  if (f.q) {
    const prefix = param(`${likeLiteral(f.q.toLowerCase())}%`);
    const contains = param(`%${likeLiteral(f.q)}%`);
    const exact = param(f.q);
    where.push(`(lower(p.sku) LIKE ${prefix} ESCAPE '\\' OR p.name ILIKE ${contains} ESCAPE '\\'
      OR EXISTS (SELECT 1 FROM product_barcodes b WHERE b.product_id = p.id AND b.barcode = ${exact}))`);
  }
  if (f.category !== undefined) where.push(`p.category = ${param(f.category)}`);
  if (f.active !== undefined) where.push(`p.active = ${param(f.active)}`);
  if (after) where.push(`p.sku COLLATE "C" > ${param(after.sku)}`);
  const { rows } = await q.query<Product>(
    `SELECT ${PRODUCT_COLUMNS} FROM products p ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY p.sku COLLATE "C" LIMIT ${param(page.limit + 1)}`,
    params,
  );
  return pageOf(rows, page.limit, (last) => ({ sku: last.sku }));
}

// ---- commands ------------------------------------------------------------------------------

/** Creates a product with its barcodes; a SKU or barcode already in use is a 409 naming it. */
export async function createProduct(tx: Tx, actor: string, input: NewProduct): Promise<Product> {
  const p = check(NewProductInput, input);
  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO products (sku, name, category, unit_price, weight_g, length_mm, width_mm, height_mm, custom_fields, active)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10)
     ON CONFLICT (sku) DO NOTHING RETURNING id`,
    [p.sku, p.name, p.category ?? null, p.unitPrice ?? 0, p.weightG ?? null, p.lengthMm ?? null, p.widthMm ?? null, p.heightMm ?? null,
      JSON.stringify(p.customFields ?? {}), p.active ?? true],
  );
  const id = rows[0]?.id;
  if (id === undefined) {
    const existing = await resolveSkus(tx, [p.sku]);
    throw new Conflict(`a product with SKU ${p.sku} already exists`, { field: 'sku', sku: p.sku, productId: existing.get(p.sku)?.id });
  }
  const { rows: owners } = await tx.query<{ sku: string }>(
    `SELECT p.sku FROM product_barcodes b JOIN products p ON p.id = b.product_id WHERE b.barcode = $1`,
    [p.sku],
  );
  if (owners[0]) throw new Conflict(`SKU ${p.sku} is already a barcode of product ${owners[0].sku}`, { field: 'sku', sku: p.sku });
  const barcodes = unique(p.barcodes ?? []);
  await addBarcodes(tx, id, barcodes);
  const payload: ProductCreatedPayload = { sku: p.sku, name: p.name, barcodes };
  await appendEvent(tx, actor, { type: E.productCreated, entityType: 'product', entityId: id, payload });
  return getProduct(tx, id);
}

/** Changes a product; `barcodes`, when given, replaces the whole set. No change, no event. */
export async function updateProduct(tx: Tx, actor: string, id: number, patch: ProductPatch): Promise<Product> {
  const p = check(ProductPatchInput, patch);
  const before = await lockProduct(tx, id);
  const changed: string[] = [];
  const sets: string[] = [];
  const params: unknown[] = [id];
  for (const field of Object.keys(COLUMN_OF) as PatchField[]) {
    const next = p[field];
    if (next === undefined || sameValue(before[field], next)) continue;
    changed.push(field);
    params.push(field === 'customFields' ? JSON.stringify(next) : next);
    sets.push(`${COLUMN_OF[field]} = $${params.length}${field === 'customFields' ? '::jsonb' : ''}`);
  }
  let barcodes: Pick<ProductUpdatedPayload, 'barcodesAdded' | 'barcodesRemoved'> = {};
  if (p.barcodes) {
    const next = unique(p.barcodes);
    const added = next.filter((b) => !before.barcodes.includes(b));
    const removed = before.barcodes.filter((b) => !next.includes(b));
    if (removed.length) await tx.query('DELETE FROM product_barcodes WHERE product_id = $1 AND barcode = ANY($2::text[])', [id, removed]);
    await addBarcodes(tx, id, added);
    if (added.length || removed.length) {
      changed.push('barcodes');
      barcodes = { barcodesAdded: added, barcodesRemoved: removed };
    }
  }
  if (changed.length === 0) return before;
  await tx.query(`UPDATE products SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE id = $1`, params);
  const payload: ProductUpdatedPayload = { sku: before.sku, changed, ...barcodes };
  await appendEvent(tx, actor, { type: E.productUpdated, entityType: 'product', entityId: id, payload });
  return getProduct(tx, id);
}

/** Gives a product one more barcode; one it already has is no change. */
export async function addProductBarcode(tx: Tx, actor: string, id: number, barcode: string): Promise<Product> {
  const code = check(Barcode, barcode);
  const before = await lockProduct(tx, id);
  if (before.barcodes.includes(code)) return before;
  return updateProduct(tx, actor, id, { barcodes: [...before.barcodes, code] });
}

export async function removeProductBarcode(tx: Tx, actor: string, id: number, barcode: string): Promise<Product> {
  const before = await lockProduct(tx, id);
  if (!before.barcodes.includes(barcode)) throw new NotFound(`product ${before.sku} barcode`, barcode);
  return updateProduct(tx, actor, id, { barcodes: before.barcodes.filter((b) => b !== barcode) });
}

// ---- helpers -------------------------------------------------------------------------------

/** The product, locked until the transaction ends, so concurrent changes apply one after the other. */
async function lockProduct(tx: Tx, id: number): Promise<Product> {
  const { rowCount } = await tx.query('SELECT 1 FROM products WHERE id = $1 FOR UPDATE', [id]);
  if (rowCount === 0) throw new NotFound('product', id);
  return getProduct(tx, id);
}

/**
 * Attaches barcodes to a product. A barcode of another product, or another product's SKU, is a
 * 409 naming it (the caller's transaction then rolls back whatever it already did).
 */
async function addBarcodes(tx: Tx, productId: number, barcodes: string[]) {
  if (barcodes.length === 0) return;
  const { rows: inserted } = await tx.query<{ barcode: string }>(
    `INSERT INTO product_barcodes (barcode, product_id) SELECT unnest($1::text[]), $2
     ON CONFLICT (barcode) DO NOTHING RETURNING barcode`,
    [barcodes, productId],
  );
  const taken = barcodes.filter((b) => !inserted.some((r) => r.barcode === b));
  if (taken.length) {
    const { rows } = await tx.query<{ barcode: string; sku: string }>(
      `SELECT b.barcode, p.sku FROM product_barcodes b JOIN products p ON p.id = b.product_id
       WHERE b.barcode = ANY($1::text[]) ORDER BY b.barcode COLLATE "C" LIMIT 1`,
      [taken],
    );
    const owner = rows[0];
    throw new Conflict(`barcode ${owner?.barcode ?? taken[0]} already belongs to product ${owner?.sku ?? '(another)'}`, {
      field: 'barcodes',
      barcode: owner?.barcode ?? taken[0],
    });
  }
  const { rows: skus } = await tx.query<{ sku: string }>(
    `SELECT sku FROM products WHERE sku = ANY($1::text[]) AND id <> $2 ORDER BY sku COLLATE "C" LIMIT 1`,
    [barcodes, productId],
  );
  if (skus[0]) {
    throw new Conflict(`barcode ${skus[0].sku} is the SKU of another product`, { field: 'barcodes', barcode: skus[0].sku });
  }
}

/** Equality of a stored value and a patch value (custom fields compare as objects, any key order). */
function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const ea = Object.entries(a).sort(([x], [y]) => (x < y ? -1 : 1));
    const eb = Object.entries(b).sort(([x], [y]) => (x < y ? -1 : 1));
    return JSON.stringify(ea) === JSON.stringify(eb);
  }
  return a === b;
}
