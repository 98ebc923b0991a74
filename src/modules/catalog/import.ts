/**
 * Importing products from a spreadsheet: one row per SKU, with its barcodes in one cell
 * (separated by ; , | or spaces) and custom fields in `custom.<name>` / `自定义.<name>` columns.
 * Every row is checked with the API's own product schema. A SKU already in the catalog is skipped
 * (the file can be sent again); a barcode another product holds, or that is another product's
 * SKU, is a row error. The apply inserts products, barcodes and `product.created` events ({sku,
 * name, barcodes}, as `createProduct` writes them) in one INSERT … SELECT from the staged rows.
 */
import { z } from 'zod';
import { notifyFollowers } from '../../platform/imports/bulk-events.js';
import { cell, rowSchema, stagedWindows, yieldToRequests, type ImportKind } from '../../platform/imports/kind.js';
import { Conflict } from '../../platform/http/errors.js';
import type { Queryable } from '../../platform/db/client.js';
import { MAX_CUSTOM_FIELDS, MAX_PRICE, NewProductInput } from './catalog.schema.js';
import { CATALOG_EVENTS as E } from './events.js';

type ProductRow = z.output<typeof NewProductInput> & { barcodes: string[] };

const COLUMNS = [
  { field: 'sku', headers: ['sku', '商品编码', 'SKU编码', '货号', 'item_code'], required: true, example: 'TEA-LJ-250', note: '1–64 letters, digits, - _ . ; a SKU already in the catalog is skipped' },
  { field: 'name', headers: ['name', '商品名称', '名称', 'product_name', '品名'], required: true, example: '西湖龙井 250g', note: '1–200 characters' },
  { field: 'category', headers: ['category', '类别', '分类', '品类'], example: '茶叶' },
  { field: 'unitPrice', headers: ['unit_price', '单价', 'price', '价格', '售价'], example: '168.00', note: 'at most 2 decimals' },
  { field: 'weightG', headers: ['weight_g', '重量(克)', 'weight', '重量', '重量g'], example: '280', note: 'grams, a whole number' },
  { field: 'lengthMm', headers: ['length_mm', '长(毫米)', 'length', '长度', '长mm'], example: '120', note: 'millimetres' },
  { field: 'widthMm', headers: ['width_mm', '宽(毫米)', 'width', '宽度', '宽mm'], example: '80', note: 'millimetres' },
  { field: 'heightMm', headers: ['height_mm', '高(毫米)', 'height', '高度', '高mm'], example: '200', note: 'millimetres' },
  { field: 'barcodes', headers: ['barcodes', '条码', 'barcode', '条形码'], example: '6901234567892;TEA-LJ-250-B', note: 'several, separated by ; , | or spaces' },
  { field: 'active', headers: ['active', '启用', '是否启用'], example: 'yes', note: 'yes / no (是 / 否); yes when empty' },
] as const;

const CUSTOM_PREFIXES = ['custom.', '自定义.', 'custom:', '自定义:'];
// Built once: a Zod schema is compiled on its first use, so one built per row costs milliseconds.
const Price = cell.amount(MAX_PRICE);
const Grams = cell.int(0, 100_000_000);
const Millimetres = cell.int(0, 100_000);
const List = cell.list();
const Bool = cell.bool();

const row = rowSchema<ProductRow>((cells, r) => {
  const customFields: Record<string, string> = {};
  for (const [field, value] of Object.entries(cells)) if (field.startsWith('custom.')) customFields[field.slice(7)] = value;
  const product = r.check(
    NewProductInput,
    {
      sku: cells.sku,
      name: cells.name,
      category: cells.category,
      unitPrice: r.get('unitPrice', Price),
      weightG: r.get('weightG', Grams),
      lengthMm: r.get('lengthMm', Millimetres),
      widthMm: r.get('widthMm', Millimetres),
      heightMm: r.get('heightMm', Millimetres),
      barcodes: r.get('barcodes', List),
      customFields,
      active: r.get('active', Bool),
    },
    (path) => (path[0] === 'customFields' && path.length > 1 ? `custom.${String(path[1])}` : String(path[0] ?? 'row')),
  );
  return product && { ...product, barcodes: [...new Set(product.barcodes ?? [])] };
});

/** Barcode clashes with the catalog for the rows not skipped: what `createProduct` would refuse with a 409. */
async function clashes(q: Queryable, jobId: number) {
  return (
    await q.query<{ row: number; field: string; message: string }>(
      `WITH x AS (
         SELECT r.row_no, r.data->>'sku' AS sku, r.data->'barcodes' AS barcodes FROM import_rows r
          WHERE r.job_id = $1 AND NOT EXISTS (SELECT 1 FROM products p WHERE p.sku = r.data->>'sku')),
       b AS (SELECT x.row_no, x.sku, jsonb_array_elements_text(x.barcodes) AS barcode FROM x)
       SELECT b.row_no AS row, 'barcodes' AS field, 'barcode ' || b.barcode || ' already belongs to product ' || p.sku AS message
         FROM b JOIN product_barcodes pb ON pb.barcode = b.barcode JOIN products p ON p.id = pb.product_id
       UNION ALL
       SELECT b.row_no, 'barcodes', 'barcode ' || b.barcode || ' is the SKU of another product' FROM b JOIN products p ON p.sku = b.barcode
       UNION ALL
       SELECT x.row_no, 'sku', 'SKU ' || x.sku || ' is already a barcode of product ' || p.sku
         FROM x JOIN product_barcodes pb ON pb.barcode = x.sku JOIN products p ON p.id = pb.product_id
       ORDER BY 1`,
      [jobId],
    )
  ).rows;
}

export const productImport: ImportKind<ProductRow> = {
  name: 'products',
  title: { en: 'Products', 'zh-CN': '商品' },
  permission: 'catalog.write',
  columns: COLUMNS,
  customFields: { prefixes: CUSTOM_PREFIXES, unknownColumns: false, max: MAX_CUSTOM_FIELDS },
  row,

  fileChecker() {
    // One product per SKU, and a code names one product only: no barcode twice, none another row's SKU.
    const skus = new Map<string, number>();
    const barcodes = new Map<string, { row: number; sku: string }>();
    return (p, rowNumber) => {
      const errors: Array<{ field: string; message: string }> = [];
      const first = skus.get(p.sku);
      if (first !== undefined) errors.push({ field: 'sku', message: `SKU ${p.sku} is also on row ${first}` });
      const asBarcode = barcodes.get(p.sku);
      if (asBarcode && asBarcode.sku !== p.sku) errors.push({ field: 'sku', message: `SKU ${p.sku} is a barcode on row ${asBarcode.row}` });
      for (const b of p.barcodes) {
        const other = barcodes.get(b);
        if (other) errors.push({ field: 'barcodes', message: `barcode ${b} is also on row ${other.row}` });
        const skuRow = skus.get(b);
        if (skuRow !== undefined && b !== p.sku) errors.push({ field: 'barcodes', message: `barcode ${b} is the SKU on row ${skuRow}` });
      }
      if (errors.length === 0) {
        skus.set(p.sku, rowNumber);
        for (const b of p.barcodes) barcodes.set(b, { row: rowNumber, sku: p.sku });
      }
      return errors;
    };
  },

  check: ({ q, jobId }) => clashes(q, jobId),

  // Straight from the staged rows, one statement per batch of rows: products, their barcodes and their events.
  async apply({ tx, jobId, actor }) {
    const found = await clashes(tx, jobId);
    if (found[0]) throw new Conflict(`row ${found[0].row}: ${found[0].message} (the catalog changed since the file was checked)`, { field: found[0].field });
    const n = { rows: 0, products: 0, barcodes: 0 };
    for (const [from, to] of await stagedWindows(tx, jobId)) {
      const { rows } = await tx.query<{ rows: number; products: number; barcodes: number }>(
        `WITH x AS (
           SELECT r.row_no, d.* FROM import_rows r,
                  jsonb_to_record(r.data) AS d(sku text, name text, category text, "unitPrice" numeric, "weightG" int, "lengthMm" int,
                                               "widthMm" int, "heightMm" int, barcodes jsonb, "customFields" jsonb, active boolean)
            WHERE r.job_id = $1 AND r.row_no >= $4 AND r.row_no < $5),
         ins AS (
           INSERT INTO products (sku, name, category, unit_price, weight_g, length_mm, width_mm, height_mm, custom_fields, active)
           SELECT sku, name, category, coalesce("unitPrice", 0), "weightG", "lengthMm", "widthMm", "heightMm", coalesce("customFields", '{}'), coalesce(active, true)
             FROM x ORDER BY row_no
           ON CONFLICT (sku) DO NOTHING RETURNING id, sku),
         fresh AS (SELECT x.row_no, x.sku, x.name, x.barcodes, ins.id FROM ins JOIN x USING (sku)),
         codes AS (
           INSERT INTO product_barcodes (barcode, product_id)
           SELECT b, fresh.id FROM fresh, jsonb_array_elements_text(fresh.barcodes) AS b RETURNING 1),
         logged AS (
           INSERT INTO events (type, entity_type, entity_id, actor, payload)
           SELECT $2, 'product', id::text, $3, jsonb_build_object('sku', sku, 'name', name, 'barcodes', barcodes) FROM fresh ORDER BY row_no RETURNING 1)
         SELECT (SELECT count(*) FROM x)::int AS rows, (SELECT count(*) FROM ins)::int AS products,
                (SELECT count(*) FROM codes)::int AS barcodes, (SELECT count(*) FROM logged)::int AS events`,
        [jobId, E.productCreated, actor, from, to],
      );
      n.rows += rows[0]!.rows;
      n.products += rows[0]!.products;
      n.barcodes += rows[0]!.barcodes;
      await yieldToRequests();
    }
    if (n.products > 0) await notifyFollowers(tx);
    return { created: { products: n.products, barcodes: n.barcodes }, skipped: { products: n.rows - n.products } };
  },
};
