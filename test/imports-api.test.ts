import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { importHooks, whenSettled } from '../src/platform/imports/engine.js';
import { useTestContext } from './support/context.js';
import { counts, csv, importFile, settled, upload, XLSX_TYPE } from './imports.fixtures.js';

const ctx = await useTestContext();
const KINDS = ['customers', 'products', 'opening-stock', 'orders'];

afterEach(() => {
  importHooks.afterChunk = undefined;
});

describe('imports — files that cannot be read are refused with a 4xx naming why', () => {
  it.each([
    ['an empty body', Buffer.alloc(0), 'text/csv', 400, 'the file is empty'],
    ['a broken XLSX', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]), XLSX_TYPE, 400, 'not a readable XLSX workbook'],
    ['an old .xls workbook', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'application/vnd.ms-excel', 400, 'old .xls'],
    ['a binary file sent as CSV', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48]), 'text/csv', 400, 'neither CSV text nor an XLSX'],
    ['a blank first row', Buffer.from('\n\nsku,name\nA,B\n'), 'text/csv', 400, 'row 1 must be the header'],
    ['a header without the required columns', Buffer.from('name,colour\nTea,green\n'), 'text/csv', 422, 'the column sku / 商品编码 is missing'],
  ])('%s', async (_what, body, type, status, detail) => {
    const before = await counts(ctx);
    const res = await upload(ctx, 'products', body, { type });
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.detail).toContain(detail);
    expect(res.body.field).toBeDefined();
    expect(await counts(ctx)).toEqual(before);
  });

  it('a truncated workbook, a JSON body and a plain-text body', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('a').addRow(['sku', 'name']);
    const whole = Buffer.from(await workbook.xlsx.writeBuffer());
    expect((await upload(ctx, 'products', whole.subarray(0, whole.length - 30), { type: XLSX_TYPE })).status).toBe(400);
    const json = await ctx.api.post('/api/v1/imports/products', { sku: 'X' });
    expect(json.status).toBe(415);
    expect((await upload(ctx, 'products', Buffer.from('sku,name\n'), { type: 'text/plain' })).status).toBe(415);
  });

  it('a file that breaks after its header: refused at once when small, else the job fails, writing nothing', async () => {
    const small = await upload(ctx, 'products', Buffer.from('sku,name\nA-1,"Fine"\nA-2,"unterminated\n'));
    expect(small.status).toBe(400);
    expect(small.body.detail).toContain('the CSV cannot be read near line 3');
    // Past the first slice the parser reads at once (256 KiB), the break is found by the job.
    const good = Array.from({ length: 12_000 }, (_, i) => `A-${i},Name number ${i}`).join('\n');
    const job = await importFile(ctx, 'products', Buffer.from(`sku,name\n${good}\nA-X,"unterminated\n`));
    expect(job.status).toBe('failed');
    expect(job.errors).toEqual([{ row: 0, column: 'file', message: expect.stringContaining('the CSV cannot be read') }]);
    const empty = await importFile(ctx, 'products', Buffer.from('sku,name\n'));
    expect(empty.errors).toEqual([{ row: 0, column: 'file', message: 'the file has a header but no rows to import' }]);
    expect((await ctx.api.get('/api/v1/products/by-code/A-1')).status).toBe(404);
  });
});

describe('imports — templates, jobs and permissions', () => {
  it.each(KINDS)('the %s templates (XLSX and CSV) have bilingual headers that the import reads back', async (kind) => {
    for (const format of ['xlsx', 'csv']) {
      const res = await ctx.app.inject({ method: 'GET', url: `/api/v1/imports/templates/${kind}.${format}`, headers: { authorization: `Bearer ${ctx.adminKey}` } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toContain(`wareloop-${kind}-template.${format}`);
      if (format === 'csv') expect(res.body.split('\r\n')[0]).toMatch(/^\ufeff\S+ \/ \S+/u);
      const job = await importFile(ctx, kind, res.rawPayload, { dryRun: true });
      expect(job.ignoredColumns).toEqual([]);
      // Customers and products need nothing in the database; stock and orders name a warehouse and SKU that do not exist here.
      if (kind === 'customers' || kind === 'products') expect(job).toMatchObject({ status: 'validated', errorCount: 0, rowsValid: 1 });
      else expect(job.errors.every((e) => /unknown|no location/.test(e.message))).toBe(true);
    }
  });

  it('lists jobs of the kinds the caller may import, and shows another kind only to those who may', async () => {
    const mine = await importFile(ctx, 'customers', csv([['code', 'name'], ['LIST-1', 'Listed']]), { dryRun: true });
    const operator = await ctx.keyFor('warehouse_operator');
    expect((await upload(ctx, 'customers', csv([['code', 'name'], ['X', 'Y']]), { key: operator })).status).toBe(403);
    expect((await ctx.api.as(operator).get(`/api/v1/imports/${mine.id}`)).status).toBe(403);
    const seen = (await ctx.api.as(operator).get('/api/v1/imports?limit=200')).body.items.map((j: { kind: string }) => j.kind);
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen)).toEqual(new Set(['opening-stock']));
    const customersOnly = (await ctx.api.get('/api/v1/imports?kind=customers&status=validated')).body.items;
    expect(customersOnly[0]).toMatchObject({ id: mine.id, kind: 'customers', status: 'validated', createdBy: expect.stringMatching(/^api_key:/) });
    expect((await ctx.api.get('/api/v1/imports/999999')).status).toBe(404);
    const events = (await ctx.db.query<{ type: string }>(`SELECT type FROM events WHERE entity_type = 'import' AND entity_id = $1`, [String(mine.id)])).rows;
    expect(events).toEqual([{ type: 'import.validated' }]);
  });

  it('the counter keeps answering while a large file is checked', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [`BIG-${i}`, `Big ${i}`, String(i % 100)]);
    let chunks = 0;
    let answeredAfter: number | undefined;
    let answers: Promise<number[]> | undefined;
    importHooks.afterChunk = () => {
      chunks++;
      // At the first chunk, a walk-in's requests arrive: readiness and a stock read.
      answers ??= Promise.all([ctx.api.get('/health/ready'), ctx.api.get('/api/v1/stock/levels?limit=5')]).then((r) => {
        answeredAfter = chunks;
        return r.map((x) => x.status);
      });
    };
    const res = await upload(ctx, 'products', csv([['sku', 'name', 'weight_g'], ...rows]));
    expect(res.status).toBe(202);
    await whenSettled(res.body.id);
    const job = await settled(ctx, res.body.id);
    expect(job).toMatchObject({ status: 'committed', rowsRead: 3000, result: { created: { products: 3000 } } });
    expect(await answers).toEqual([200, 200]);
    // Answered while chunks were still to come, not after the import.
    expect(chunks).toBeGreaterThanOrEqual(6);
    expect(answeredAfter).toBeLessThan(chunks);
  });
});
