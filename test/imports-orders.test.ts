import { beforeAll, describe, expect, it } from 'vitest';
import { isHealthy, runDoctor } from '../src/modules/inventory/doctor.js';
import { useTestContext } from './support/context.js';
import { counts, csv, importFile, xlsx } from './imports.fixtures.js';

const ctx = await useTestContext();
let warehouseId: number;

beforeAll(async () => {
  warehouseId = (await ctx.api.post('/api/v1/warehouses', { code: 'SH01', name: 'Shanghai' })).body.id;
  const loc = (await ctx.api.post(`/api/v1/warehouses/${warehouseId}/locations`, { code: 'A-01', level: 'bin', type: 'storage' })).body;
  await ctx.api.post('/api/v1/products', { sku: 'O-1', name: 'Oolong', unitPrice: 10 });
  await ctx.api.post('/api/v1/products', { sku: 'O-2', name: 'Pu-erh', unitPrice: 20 });
  expect((await ctx.api.post('/api/v1/stock/receipts', { sku: 'O-1', locationId: loc.id, quantity: 5 })).status).toBe(201);
  expect((await ctx.api.post('/api/v1/stock/receipts', { sku: 'O-2', locationId: loc.id, quantity: 10 })).status).toBe(201);
  const address = { recipientName: '王小明', city: '上海市', line1: '世纪大道 100 号' };
  expect((await ctx.api.post('/api/v1/customers', { code: 'C-O1', name: '王小明', phone: '13800138000', addresses: [address] })).status).toBe(201);
  expect((await ctx.api.post('/api/v1/customers', { code: 'C-NA', name: 'No address', phone: '13311112222' })).status).toBe(201);
  expect((await ctx.api.post('/api/v1/customers', { code: 'C-T1', name: 'Twin one', phone: '13500000000' })).status).toBe(201);
  expect((await ctx.api.post('/api/v1/customers', { code: 'C-T2', name: 'Twin two', phone: '13500000000' })).status).toBe(201);
});

const HEADER = ['external_number', 'channel', 'customer_code', 'customer_phone', 'sku', 'quantity', 'unit_price', 'recipient', 'city', 'address'];

async function orderByRef(ref: string) {
  const list = (await ctx.api.get(`/api/v1/orders?q=${ref}`)).body.items;
  expect(list).toHaveLength(1);
  return (await ctx.api.get(`/api/v1/orders/${list[0].id}`)).body;
}

describe('open orders import', () => {
  it('places each order as intake does: confirmed with its stock reserved, or backordered; a second run adds nothing', async () => {
    const job = await importFile(
      ctx,
      'orders',
      csv([
        HEADER,
        ['TM-1', '天猫', 'C-O1', '', 'O-1', '3', '8.00', '', '', ''],
        ['TM-1', '天猫', 'C-O1', '', 'O-2', '1', '', '', '', ''],
        ['TM-2', 'tmall', '', '13800138000', 'O-1', '3', '', '', '', ''],
        ['TM-3', 'tmall', 'C-O1', '', 'O-1', '2', '', '李雷', '杭州市', '文三路 1 号'],
      ]),
    );
    expect(job).toMatchObject({ status: 'committed', result: { created: { orders: 3, lines: 4, confirmed: 2, backordered: 1 }, skipped: { orders: 0 } } });

    const tm1 = await orderByRef('TM-1');
    expect(tm1).toMatchObject({ status: 'confirmed', channel: 'tmall', externalRef: 'TM-1', warehouseId, total: 44, shipTo: { recipientName: '王小明', city: '上海市', phone: '13800138000' } });
    expect(tm1.promisedShipDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(tm1.lines.map((l: { sku: string; quantity: number; unitPrice: number; reserved: number }) => [l.sku, l.quantity, l.unitPrice, l.reserved])).toEqual([
      ['O-1', 3, 8, 3],
      ['O-2', 1, 20, 1],
    ]);
    const tm2 = await orderByRef('TM-2');
    expect(tm2).toMatchObject({ status: 'backordered', promisedShipDate: null });
    expect(tm2.lines[0].reserved).toBe(0);
    const tm3 = await orderByRef('TM-3');
    expect(tm3).toMatchObject({ status: 'confirmed', shipTo: { recipientName: '李雷', city: '杭州市', line1: '文三路 1 号', country: 'CN', phone: '13800138000' } });

    const timeline = (await ctx.api.get(`/api/v1/orders/${tm1.id}/events`)).body;
    const types = (timeline.items ?? timeline).map((e: { type: string }) => e.type);
    expect(types).toEqual(expect.arrayContaining(['order.created', 'order.confirmed']));
    const backordered = (await ctx.db.query<{ payload: unknown }>(`SELECT payload FROM events WHERE type = 'order.backordered' AND entity_id = $1`, [String(tm2.id)])).rows;
    expect(backordered).toEqual([{ payload: { number: tm2.number, warehouseId, missing: [{ sku: 'O-1', needed: 3, available: 2 }] } }]);
    const reserved = (await ctx.db.query(`SELECT 1 FROM events WHERE type = 'stock.reserved'`)).rowCount;
    expect(reserved).toBe(3);
    expect(isHealthy(await runDoctor(ctx.db))).toBe(true);

    const before = await counts(ctx);
    const again = await importFile(ctx, 'orders', csv([HEADER, ['TM-1', 'tmall', 'C-O1', '', 'O-1', '3', '', '', '', '']]));
    expect(again.result).toEqual({ created: { orders: 0, lines: 0, confirmed: 0, backordered: 0 }, skipped: { orders: 1 } });
    expect(await counts(ctx)).toEqual(before);
  });

  it('a backordered import is confirmed by opening stock imported later', async () => {
    const stock = await importFile(ctx, 'opening-stock', await xlsx([['仓库编码', '库位编码', '商品编码', '数量'], ['SH01', 'A-01', 'O-1', 3]]));
    expect(stock.status).toBe('committed');
    expect((await orderByRef('TM-2')).status).toBe('confirmed');
    expect(isHealthy(await runDoctor(ctx.db))).toBe(true);
  });

  it('refuses what intake refuses, row by row, and writes nothing', async () => {
    const before = await counts(ctx);
    const job = await importFile(
      ctx,
      'orders',
      csv([
        HEADER,
        ['E-1', 'web', 'C-O1', '', 'O-1', '1', '', '', '', ''],
        ['E-2', 'web', 'C-NOPE', '', 'O-1', '1', '', '', '', ''],
        ['E-3', 'web', 'C-O1', '', 'NOPE', '1', '', '', '', ''],
        ['E-4', 'web', '', '13500000000', 'O-1', '1', '', '', '', ''],
        ['E-5', 'web', 'C-NA', '', 'O-1', '1', '', '', '', ''],
        ['E-1', 'web', 'C-O1', '', 'O-1', '2', '', '', '', ''],
        ['E-1', 'web', 'C-NA', '', 'O-2', '1', '', '', '', ''],
        ['E-6', 'ebay', '', '', 'O-1', '0', '', '', '', ''],
      ]),
    );
    expect(job.status).toBe('failed');
    expect(job.errors).toEqual([
      { row: 3, column: 'customer_code', message: 'unknown customer C-NOPE' },
      { row: 4, column: 'sku', message: 'unknown SKU NOPE' },
      { row: 5, column: 'customer_phone', message: '2 customers have the phone 13500000000; give the customer code' },
      { row: 6, column: 'address', message: 'customer C-NA has no default address; give the ship-to address' },
      { row: 7, column: 'sku', message: 'SKU O-1 is already a line of this order; order it once with the total quantity' },
      { row: 8, column: 'customer_code', message: "differs from row 2, the order's first row" },
      { row: 9, column: 'channel', message: expect.stringContaining('channel is one of') },
      { row: 9, column: 'quantity', message: 'must be at least 1' },
      { row: 9, column: 'customer_code', message: 'give the customer code or phone' },
    ]);
    expect(await counts(ctx)).toEqual(before);
  });
});
