import { describe, expect, it } from 'vitest';
import { useTestContext } from './support/context.js';
import { counts, csv, importFile, upload, xlsx } from './imports.fixtures.js';

const ctx = await useTestContext();

const HEADER = ['sku', 'name', 'category', 'unit_price', 'weight_g', 'length_mm', 'width_mm', 'height_mm', 'barcodes', 'custom.colour'];

describe('products import', () => {
  it('a dry run reports row errors with the column as written, and writes nothing', async () => {
    const before = await counts(ctx);
    const job = await importFile(
      ctx,
      'products',
      csv([
        ['商品编码', '商品名称', '单价', '重量(克)', '条码'],
        ['P-OK', 'Fine', '12.50', '300', '6900000000011'],
        ['bad sku!', 'Broken', '1.234', '-3', ''],
        ['P-DUP', '', '5', '', '条码'],
        ['P-OK', 'Again', '', '', ''],
      ]),
      { dryRun: true },
    );
    expect(job.status).toBe('failed');
    expect(job.dryRun).toBe(true);
    expect(job.rowsRead).toBe(4);
    expect(job.rowsValid).toBe(1);
    expect(job.errors).toEqual(
      expect.arrayContaining([
        { row: 3, column: '商品编码', message: expect.stringContaining('SKU is 1 to 64') },
        { row: 3, column: '单价', message: expect.stringContaining('2 decimals') },
        { row: 3, column: '重量(克)', message: 'must be at least 0' },
        { row: 4, column: '商品名称', message: 'required' },
        { row: 4, column: '条码', message: expect.stringContaining('barcode') },
        { row: 5, column: '商品编码', message: 'SKU P-OK is also on row 2' },
      ]),
    );
    expect(job.errorCount).toBe(job.errors.length);
    expect(await counts(ctx)).toEqual(before);
  });

  it('imports a CSV with barcodes and custom fields, one product.created each, and skips known SKUs when sent again', async () => {
    const file = csv(
      [
        HEADER,
        ['TEA-1', '西湖龙井', '茶叶', '168.00', '280', '120', '80', '200', '6901234567892;TEA-1-B', '绿'],
        ['TEA-2', '铁观音', '茶叶', '¥1,299.5', '', '', '', '', '6901234567893 | 6901234567894', ''],
      ],
      { bom: true },
    );
    const job = await importFile(ctx, 'products', file, { fileName: 'tea.csv' });
    expect(job).toMatchObject({ status: 'committed', fileName: 'tea.csv', format: 'csv', encoding: 'utf-8', errorCount: 0 });
    expect(job.result).toEqual({ created: { products: 2, barcodes: 4 }, skipped: { products: 0 } });
    expect(job.applyMs).toBeGreaterThanOrEqual(0);

    const tea1 = (await ctx.api.get('/api/v1/products/by-code/6901234567892')).body;
    expect(tea1).toMatchObject({ sku: 'TEA-1', name: '西湖龙井', category: '茶叶', unitPrice: 168, weightG: 280, lengthMm: 120, barcodes: ['6901234567892', 'TEA-1-B'], customFields: { colour: '绿' } });
    const tea2 = (await ctx.api.get('/api/v1/products/by-code/TEA-2')).body;
    expect(tea2).toMatchObject({ unitPrice: 1299.5, weightG: null, barcodes: ['6901234567893', '6901234567894'], customFields: {} });
    const events = (await ctx.db.query<{ payload: unknown }>(`SELECT payload FROM events WHERE type = 'product.created' AND entity_id = $1`, [String(tea1.id)])).rows;
    expect(events).toEqual([{ payload: { sku: 'TEA-1', name: '西湖龙井', barcodes: ['6901234567892', 'TEA-1-B'] } }]);
    expect((await ctx.db.query(`SELECT 1 FROM events WHERE type = 'import.committed' AND entity_id = $1`, [String(job.id)])).rowCount).toBe(1);

    const before = await counts(ctx);
    const again = await importFile(ctx, 'products', file);
    expect(again.status).toBe('committed');
    expect(again.result).toEqual({ created: { products: 0, barcodes: 0 }, skipped: { products: 2 } });
    expect(await counts(ctx)).toEqual(before);
  });

  it('imports an XLSX whose cells are numbers', async () => {
    const job = await importFile(ctx, 'products', await xlsx([['SKU', 'Name', 'Price', 'Weight', 'Barcode', 'custom.origin'], ['X-1', 'Xlsx one', 9.9, 120, 6900000000999, '杭州']]));
    expect(job.status).toBe('committed');
    expect((await ctx.api.get('/api/v1/products/by-code/6900000000999')).body).toMatchObject({ sku: 'X-1', unitPrice: 9.9, weightG: 120, customFields: { origin: '杭州' } });
  });

  it('one bad row fails the whole file: a barcode another product already holds', async () => {
    const before = await counts(ctx);
    const job = await importFile(
      ctx,
      'products',
      csv([
        ['sku', 'name', 'barcodes'],
        ['NEW-1', 'New one', '6900000001111'],
        ['NEW-2', 'New two', '6901234567892'],
        ['NEW-3', 'New three', 'TEA-2'],
      ]),
    );
    expect(job.status).toBe('failed');
    expect(job.errors).toEqual([
      { row: 3, column: 'barcodes', message: 'barcode 6901234567892 already belongs to product TEA-1' },
      { row: 4, column: 'barcodes', message: 'barcode TEA-2 is the SKU of another product' },
    ]);
    expect(await counts(ctx)).toEqual(before);
    expect((await ctx.api.get('/api/v1/products/by-code/NEW-1')).status).toBe(404);
  });

  it('refuses barcodes repeated within the file', async () => {
    const job = await importFile(ctx, 'products', csv([['sku', 'name', 'barcodes'], ['R-1', 'One', 'RB-1'], ['R-2', 'Two', 'RB-1'], ['R-3', 'Three', 'R-1']]), { dryRun: true });
    expect(job.errors).toEqual([
      { row: 3, column: 'barcodes', message: 'barcode RB-1 is also on row 2' },
      { row: 4, column: 'barcodes', message: 'barcode R-1 is the SKU on row 2' },
    ]);
  });

  it('a validated dry run is committed later without uploading again, once', async () => {
    const res = await upload(ctx, 'products', csv([['sku', 'name'], ['LATER-1', 'Later']]), { dryRun: true });
    expect(res.status).toBe(202);
    expect(res.headers.location).toBe(`/api/v1/imports/${res.body.id}`);
    const { settled } = await import('./imports.fixtures.js');
    expect((await settled(ctx, res.body.id)).status).toBe('validated');
    expect((await ctx.api.get('/api/v1/products/by-code/LATER-1')).status).toBe(404);

    const commit = await ctx.api.post(`/api/v1/imports/${res.body.id}/commit`);
    expect(commit.status).toBe(202);
    expect(commit.body.status).toBe('committing');
    const done = await settled(ctx, res.body.id);
    expect(done).toMatchObject({ status: 'committed', result: { created: { products: 1 } } });
    expect((await ctx.api.get('/api/v1/products/by-code/LATER-1')).status).toBe(200);

    const twice = await ctx.api.post(`/api/v1/imports/${res.body.id}/commit`);
    expect(twice.status).toBe(409);
    expect(twice.body.currentState).toBe('committed');
  });
});
