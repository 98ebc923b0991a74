/**
 * Imports honour the importer's warehouses: opening stock and open orders for a warehouse outside
 * them are row errors (nothing written), an order that names no warehouse ships from one of theirs,
 * and a dry run checked by someone with every warehouse is checked again with the committer's.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestContext } from './support/context.js';
import { counts, csv, importFile, settled, upload } from './imports.fixtures.js';
import { scopedCallers } from './warehouse-scope.fixtures.js';

const ctx = await useTestContext();
let a: number;
let b: number;
let scopedKey: string;

beforeAll(async () => {
  // B is made first, so an unscoped import would choose it for an order that names no warehouse.
  b = (await ctx.api.post('/api/v1/warehouses', { code: 'WB', name: 'Beijing' })).body.id;
  a = (await ctx.api.post('/api/v1/warehouses', { code: 'WA', name: 'Shanghai' })).body.id;
  for (const [w, code] of [
    [a, 'A-01'],
    [b, 'B-01'],
  ] as const) {
    expect((await ctx.api.post(`/api/v1/warehouses/${w}/locations`, { code, level: 'bin', type: 'storage' })).status).toBe(201);
  }
  expect((await ctx.api.post('/api/v1/products', { sku: 'P-1', name: 'Green tea', unitPrice: 10 })).status).toBe(201);
  expect((await ctx.api.post('/api/v1/customers', { code: 'C-1', name: '王芳', phone: '13900001111', addresses: [{ recipientName: '王芳', city: '上海市', line1: '世纪大道 1 号' }] })).status).toBe(201);
  const [key] = await scopedCallers(ctx, [a]);
  scopedKey = key!.headers.authorization!.replace('Bearer ', '');
});

const STOCK = ['warehouse', 'location', 'sku', 'lot', 'quantity'];
const ORDERS = ['external_number', 'channel', 'customer_code', 'sku', 'quantity', 'warehouse'];

describe('imports within the importer’s warehouses', () => {
  it('opening stock for a warehouse outside them is a row error at that row, and nothing is written', async () => {
    const before = await counts(ctx);
    const job = await importFile(ctx, 'opening-stock', csv([STOCK, ['WA', 'A-01', 'P-1', '', '5'], ['WB', 'B-01', 'P-1', '', '7']]), { key: scopedKey });
    expect(job.status).toBe('failed');
    expect(job.errors).toEqual([{ row: 3, column: 'warehouse', message: 'warehouse WB is outside the warehouses you may work in' }]);
    const { import_rows: _staged, ...after } = await counts(ctx);
    const { import_rows: _before, ...was } = before;
    expect(after).toEqual(was);
  });

  it('opening stock in their own warehouse goes in', async () => {
    const job = await importFile(ctx, 'opening-stock', csv([STOCK, ['WA', 'A-01', 'P-1', '', '5']]), { key: scopedKey });
    expect(job).toMatchObject({ status: 'committed', result: { created: { stockRows: 1, units: 5 } } });
    // And stock in B, by someone with every warehouse, for the orders below.
    const all = await importFile(ctx, 'opening-stock', csv([STOCK, ['WB', 'B-01', 'P-1', '', '50']]));
    expect(all.status).toBe('committed');
  });

  it('an order for a warehouse outside them is refused; one naming none ships from theirs, not from the one holding the stock', async () => {
    const refused = await importFile(ctx, 'orders', csv([ORDERS, ['T-1', 'tmall', 'C-1', 'P-1', '1', 'WB']]), { key: scopedKey });
    expect(refused.status).toBe('failed');
    expect(refused.errors).toEqual([{ row: 2, column: 'warehouse', message: 'warehouse WB is outside the warehouses you may work in' }]);

    const placed = await importFile(ctx, 'orders', csv([ORDERS, ['T-2', 'tmall', 'C-1', 'P-1', '9', '']]), { key: scopedKey });
    expect(placed).toMatchObject({ status: 'committed', result: { created: { orders: 1, backordered: 1 } } });
    const order = (await ctx.api.get('/api/v1/orders?q=T-2')).body.items[0];
    expect(order.warehouseId).toBe(a);
    expect(order.status).toBe('backordered');
  });

  it('a dry run checked with every warehouse is checked again with the committer’s, and nothing is written', async () => {
    const dry = await upload(ctx, 'opening-stock', csv([STOCK, ['WB', 'B-01', 'P-1', 'LOT-2', '3']]), { dryRun: true });
    expect(dry.status).toBe(202);
    expect((await settled(ctx, dry.body.id)).status).toBe('validated');
    const before = await counts(ctx);
    const commit = await ctx.api.as(scopedKey).post(`/api/v1/imports/${dry.body.id}/commit`, {});
    expect(commit.status, JSON.stringify(commit.body)).toBe(202);
    const job = await settled(ctx, dry.body.id);
    expect(job.status).toBe('failed');
    expect(job.errors[0]!.message).toContain('warehouse WB is outside the warehouses you may work in');
    const { import_rows: _staged, ...after } = await counts(ctx);
    const { import_rows: _before, ...was } = before;
    expect(after).toEqual(was);
  });
});
