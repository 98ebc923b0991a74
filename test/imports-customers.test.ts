import { describe, expect, it } from 'vitest';
import { useTestContext } from './support/context.js';
import { counts, csv, gbkCsv, importFile, xlsx } from './imports.fixtures.js';

const ctx = await useTestContext();

const HEADER = ['code', 'name', 'type', 'phone', 'email', 'tags', 'recipient', 'province', 'city', 'district', 'address', 'postal_code'];

describe('customers import', () => {
  it('imports customers with tags and addresses; a repeated code adds an address; events as through the API', async () => {
    const job = await importFile(
      ctx,
      'customers',
      csv([
        HEADER,
        ['C-1', '王小明', '个人', '13800138000', 'wang@example.com', 'VIP; 华东', '', '上海市', '上海市', '浦东新区', '世纪大道 100 号', '200120'],
        ['C-1', '王小明', '', '', '', '', '王太太', '浙江省', '杭州市', '西湖区', '文三路 1 号', ''],
        ['', 'Acme Ltd', 'company', '+86 21 5555 0000', '', '', '', '', '', '', '', ''],
      ]),
    );
    expect(job).toMatchObject({ status: 'committed', errorCount: 0, result: { created: { customers: 2, addresses: 2 }, skipped: { customers: 0, addresses: 0 } } });

    const found = (await ctx.api.get('/api/v1/customers?q=C-1')).body.items;
    expect(found).toHaveLength(1);
    const wang = (await ctx.api.get(`/api/v1/customers/${found[0].id}`)).body;
    expect(wang).toMatchObject({ code: 'C-1', name: '王小明', type: 'person', phone: '13800138000', email: 'wang@example.com', tags: ['vip', '华东'] });
    expect(wang.addresses.map((a: { recipientName: string; city: string; isDefault: boolean; country: string }) => [a.recipientName, a.city, a.isDefault, a.country])).toEqual([
      ['王小明', '上海市', true, 'CN'],
      ['王太太', '杭州市', false, 'CN'],
    ]);
    const timeline = (await ctx.api.get(`/api/v1/customers/${wang.id}/timeline`)).body.items.map((e: { type: string }) => e.type).reverse();
    expect(timeline).toEqual(['customer.created', 'customer.tagged', 'customer.address_added', 'customer.address_added']);
    // The audit trail names the upload's credential, as for any other request.
    const sources = await ctx.db.query<{ credential: string | null }>(`SELECT DISTINCT credential FROM events WHERE entity_type = 'customer' AND entity_id = $1`, [String(wang.id)]);
    expect(sources.rows.map((r) => r.credential)).toEqual([expect.stringMatching(/^api_key:\d+$/)]);

    // Without a code, a code is generated, as through the API.
    const acme = (await ctx.api.get('/api/v1/customers?q=Acme')).body.items[0];
    expect(acme).toMatchObject({ type: 'company', phone: '+86 21 5555 0000' });
    expect(acme.code).toMatch(/^C\d{6}$/);
  });

  it('reads an XLSX, and skips customers already there by code or by phone', async () => {
    const before = await counts(ctx);
    const file = await xlsx([
      ['客户编码', '客户名称', '手机', '详细地址'],
      ['C-1', '王小明', '13800138000', '新地址 9 号'],
      [null, 'Acme again', '+86 21 5555 0000', null],
      ['C-2', '李雷', 13900001111, '中山路 2 号'],
    ]);
    const job = await importFile(ctx, 'customers', file);
    expect(job.result).toEqual({ created: { customers: 1, addresses: 1 }, skipped: { customers: 2, addresses: 1 } });
    const after = await counts(ctx);
    expect(after.customers).toBe(before.customers + 1);
    const li = (await ctx.api.get('/api/v1/customers?q=C-2')).body.items[0];
    expect(li).toMatchObject({ name: '李雷', phone: '13900001111' });
  });

  it('reads a GBK CSV with Chinese headers, as Excel saves it on a Chinese Windows', async () => {
    const job = await importFile(ctx, 'customers', gbkCsv([['客户编码', '客户名称', '标签', '省份', '城市', '详细地址'], ['GBK-1', '张三丰', '武当', '湖北省', '十堰市', '武当山 1 号']]));
    expect(job).toMatchObject({ status: 'committed', encoding: 'gbk' });
    const zhang = (await ctx.api.get('/api/v1/customers?q=GBK-1')).body.items[0];
    expect(zhang).toMatchObject({ name: '张三丰', tags: ['武当'] });
  });

  it('a dry run lists every row error and writes nothing; one bad row keeps the good ones out too', async () => {
    const before = await counts(ctx);
    const file = csv([
      ['code', 'name', 'phone', 'email', 'country', 'address', 'city'],
      ['OK-1', 'Fine', '13700000000', '', '', '', ''],
      ['', 'No key', '', '', '', '', ''],
      ['bad code!', 'X', 'not a phone', 'nope', '', '', ''],
      ['OK-2', 'Bad country', '', '', 'ZZ', 'Somewhere 1', ''],
      ['OK-3', 'No street', '', '', '', '', 'Beijing'],
      ['OK-1', 'Other name', '', '', '', 'Second 2', ''],
    ]);
    for (const dryRun of [true, false]) {
      const job = await importFile(ctx, 'customers', file, { dryRun });
      expect(job.status).toBe('failed');
      expect(job.errors).toEqual([
        { row: 3, column: 'code', message: expect.stringContaining('give a code or a phone') },
        { row: 4, column: 'code', message: expect.stringContaining('code is 1 to 32') },
        { row: 4, column: 'phone', message: expect.stringContaining('phone is') },
        { row: 4, column: 'email', message: expect.any(String) },
        { row: 5, column: 'country', message: expect.stringContaining('ISO 3166') },
        { row: 6, column: 'address', message: expect.stringContaining('street address') },
        { row: 7, column: 'name', message: 'differs from row 2, where this customer first appears' },
      ]);
      expect(await counts(ctx)).toEqual(before);
    }
  });

  it('a row repeating a customer without a new address is refused', async () => {
    const job = await importFile(ctx, 'customers', csv([['code', 'name'], ['DUP-1', 'Dup'], ['DUP-1', 'Dup']]), { dryRun: true });
    expect(job.errors).toEqual([{ row: 3, column: 'code', message: 'this customer is already on row 2; a repeated row only adds an address' }]);
  });
});

describe('customers import in several apply batches', () => {
  it('keeps each customer whole across batch edges: one default address, events in order', async () => {
    const { applyBatch } = await import('../src/platform/imports/kind.js');
    applyBatch.rows = 2;
    try {
      const job = await importFile(
        ctx,
        'customers',
        csv([
          ['code', 'name', 'tags', 'address'],
          ['B-1', 'One', 'x', 'First 1'],
          ['B-2', 'Two', '', 'Second 1'],
          ['B-1', 'One', '', 'First 2'],
          ['B-3', 'Three', '', ''],
          ['B-1', 'One', '', 'First 3'],
        ]),
      );
      expect(job.result).toEqual({ created: { customers: 3, addresses: 4 }, skipped: { customers: 0, addresses: 0 } });
      const one = (await ctx.api.get('/api/v1/customers?q=B-1')).body.items[0];
      const full = (await ctx.api.get(`/api/v1/customers/${one.id}`)).body;
      expect(full.addresses.map((a: { line1: string; isDefault: boolean }) => [a.line1, a.isDefault])).toEqual([
        ['First 1', true],
        ['First 2', false],
        ['First 3', false],
      ]);
      const timeline = (await ctx.api.get(`/api/v1/customers/${one.id}/timeline`)).body.items.map((e: { type: string }) => e.type).reverse();
      expect(timeline).toEqual(['customer.created', 'customer.tagged', 'customer.address_added', 'customer.address_added', 'customer.address_added']);
      const products = await importFile(ctx, 'products', csv([['sku', 'name', 'barcodes'], ['BB-1', 'a', 'BB-1X'], ['BB-2', 'b', ''], ['BB-3', 'c', 'BB-3X']]));
      expect(products.result).toEqual({ created: { products: 3, barcodes: 2 }, skipped: { products: 0 } });
    } finally {
      applyBatch.rows = 5000;
    }
  });
});
