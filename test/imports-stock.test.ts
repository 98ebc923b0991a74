import { beforeAll, describe, expect, it } from 'vitest';
import { isHealthy, runDoctor } from '../src/modules/inventory/doctor.js';
import { useTestContext } from './support/context.js';
import { counts, csv, importFile, xlsx } from './imports.fixtures.js';

const ctx = await useTestContext();

beforeAll(async () => {
  const wh = (await ctx.api.post('/api/v1/warehouses', { code: 'SH01', name: 'Shanghai' })).body;
  for (const loc of [
    { code: 'A-01', level: 'bin', type: 'storage' },
    { code: 'A-02', level: 'bin', type: 'storage', capacity: 50 },
    { code: 'Q-01', level: 'bin', type: 'quarantine' },
    { code: 'OLD', level: 'bin', type: 'storage' },
  ]) {
    const res = await ctx.api.post(`/api/v1/warehouses/${wh.id}/locations`, loc);
    expect(res.status).toBe(201);
  }
  const old = (await ctx.api.get(`/api/v1/warehouses/${wh.id}/locations/by-code/OLD`)).body;
  expect((await ctx.api.patch(`/api/v1/locations/${old.id}`, { active: false })).status).toBe(200);
  for (const sku of ['S-1', 'S-2']) expect((await ctx.api.post('/api/v1/products', { sku, name: sku })).status).toBe(201);
});

const HEADER = ['warehouse', 'location', 'sku', 'lot', 'quantity', 'expires_on'];

describe('opening stock import', () => {
  it('books every row through the ledger as an opening balance; the doctor finds nothing; a second run adds nothing', async () => {
    const file = csv([HEADER, ['sh01', 'A-01', 'S-1', 'L1', '100', '2027-03-31'], ['SH01', 'A-01', 'S-1', '', '7', ''], ['SH01', 'A-02', 'S-2', 'L9', '50', ''], ['SH01', 'Q-01', 'S-2', '', '3', '']]);
    const job = await importFile(ctx, 'opening-stock', file);
    expect(job).toMatchObject({ status: 'committed', result: { created: { stockRows: 4, units: 160 }, skipped: { stockRows: 0 } } });

    const levels = (await ctx.api.get('/api/v1/stock/levels?sku=S-1')).body.items;
    expect(levels.map((l: { locationCode: string; lot: string; onHand: number; expiresOn: string | null }) => [l.locationCode, l.lot, l.onHand, l.expiresOn]).sort()).toEqual([
      ['A-01', '', 7, null],
      ['A-01', 'L1', 100, '2027-03-31'],
    ]);
    const ledger = (await ctx.db.query<{ reason: string; reference: string; movement: string }>(`SELECT DISTINCT reason, reference, movement FROM stock_ledger`)).rows;
    expect(ledger).toEqual([{ reason: 'opening_balance', reference: `IMP-${job.id}`, movement: 'receipt' }]);
    const quarantined = (await ctx.db.query<{ status: string }>(`SELECT s.status FROM stock_levels s JOIN locations l ON l.id = s.location_id WHERE l.code = 'Q-01'`)).rows;
    expect(quarantined).toEqual([{ status: 'quarantine' }]);
    const availability = (await ctx.api.get('/api/v1/stock/availability?sku=S-2')).body;
    expect(JSON.stringify(availability)).toContain('"onHand":53');
    const received = (await ctx.db.query(`SELECT payload FROM events WHERE type = 'stock.received'`)).rows;
    expect(received).toHaveLength(4);
    expect(received[0]).toMatchObject({ payload: { quantity: 100, lot: 'L1', locationCode: 'A-01', reason: 'opening_balance', reference: `IMP-${job.id}` } });
    expect(isHealthy(await runDoctor(ctx.db))).toBe(true);

    const before = await counts(ctx);
    const again = await importFile(ctx, 'opening-stock', await xlsx([HEADER, ['SH01', 'A-01', 'S-1', 'L1', 100, '2027-03-31'], ['SH01', 'A-01', 'S-2', 'NEW', 5, null]]));
    expect(again.result).toEqual({ created: { stockRows: 1, units: 5 }, skipped: { stockRows: 1 } });
    expect((await counts(ctx)).stock_ledger).toBe(before.stock_ledger + 1);
    expect(isHealthy(await runDoctor(ctx.db))).toBe(true);
  });

  it('refuses unknown SKUs, warehouses and locations, inactive locations, over-capacity and repeated keys; writes nothing', async () => {
    const before = await counts(ctx);
    const job = await importFile(
      ctx,
      'opening-stock',
      csv([
        HEADER,
        ['SH01', 'A-01', 'S-1', 'FRESH', '1', ''],
        ['SH01', 'A-01', 'NOPE', '', '1', ''],
        ['XX99', 'A-01', 'S-1', '', '1', ''],
        ['SH01', 'Z-99', 'S-1', '', '1', ''],
        ['SH01', 'OLD', 'S-1', '', '1', ''],
        ['SH01', 'A-02', 'S-1', '', '1', ''],
        ['SH01', 'A-01', 'S-1', 'FRESH', '2', ''],
        ['SH01', 'A-01', 'S-2', '', '0', '2027-02-30'],
      ]),
    );
    expect(job.status).toBe('failed');
    expect(job.errors).toEqual([
      { row: 3, column: 'sku', message: 'unknown SKU NOPE' },
      { row: 4, column: 'warehouse', message: 'unknown warehouse XX99' },
      { row: 5, column: 'location', message: 'warehouse SH01 has no location Z-99' },
      { row: 6, column: 'location', message: 'location OLD is not active' },
      { row: 7, column: 'location', message: 'location A-02 holds 50 of 50; the file adds 1, which does not fit' },
      { row: 8, column: 'sku', message: 'the same SKU, location and lot are on row 2; put the total on one row' },
      { row: 9, column: 'quantity', message: 'must be at least 1' },
      { row: 9, column: 'expires_on', message: 'is not a real date' },
    ]);
    expect(await counts(ctx)).toEqual(before);
    expect(isHealthy(await runDoctor(ctx.db))).toBe(true);
  });

  it('needs inventory.write', async () => {
    const key = await ctx.keyFor('customer_service');
    const res = await ctx.api.as(key).post('/api/v1/imports/opening-stock', csv([HEADER]), { headers: { 'content-type': 'text/csv' } });
    expect(res.status).toBe(403);
    expect(res.body.detail).toContain('inventory.write');
  });
});
