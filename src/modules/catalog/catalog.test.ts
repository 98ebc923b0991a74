import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../test/support/context.js';
import { createProduct, findProductByCode, getProductRefs, resolveSkus } from './catalog.service.js';

const ctx = await useTestContext();

const product = (sku: string, extra: Record<string, unknown> = {}) => ({ sku, name: `Product ${sku}`, ...extra });
const count = async (sql: string, params: unknown[] = []) => (await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0]!.n;
const eventsOf = async (productId: number) =>
  (
    await ctx.db.query<{ type: string; payload: Record<string, unknown>; actor: string }>(
      `SELECT type, payload, actor FROM events WHERE entity_type = 'product' AND entity_id = $1 ORDER BY id`,
      [String(productId)],
    )
  ).rows;

describe('catalog: products', () => {
  it('creates a product with barcodes and custom fields, and writes product.created in the same transaction', async () => {
    const res = await ctx.api.post('/api/v1/products', {
      sku: 'TEA-001',
      name: 'Longjing green tea 250 g',
      category: 'tea',
      unitPrice: 89.9,
      weightG: 260,
      lengthMm: 120,
      widthMm: 80,
      heightMm: 60,
      barcodes: ['6901234567892', 'INT-TEA-1'],
      customFields: { origin: 'Hangzhou', organic: true, grade: 1 },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      sku: 'TEA-001',
      category: 'tea',
      unitPrice: 89.9,
      weightG: 260,
      barcodes: ['6901234567892', 'INT-TEA-1'],
      customFields: { origin: 'Hangzhou', organic: true, grade: 1 },
      active: true,
    });
    expect(typeof res.body.createdAt).toBe('string');
    const got = await ctx.api.get(`/api/v1/products/${res.body.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(res.body);

    const events = await eventsOf(res.body.id);
    expect(events).toEqual([
      { type: 'product.created', actor: expect.stringMatching(/^api_key:/), payload: { sku: 'TEA-001', name: 'Longjing green tea 250 g', barcodes: ['6901234567892', 'INT-TEA-1'] } },
    ]);
    // The product row and its event were written by one transaction.
    const { rows } = await ctx.db.query<{ xmin: string; txId: string }>(
      `SELECT p.xmin::text AS xmin, e.tx_id::text AS "txId" FROM products p JOIN events e ON e.entity_id = p.id::text AND e.entity_type = 'product' WHERE p.id = $1`,
      [res.body.id],
    );
    expect(BigInt(rows[0]!.txId) % 2n ** 32n).toBe(BigInt(rows[0]!.xmin));
  });

  it('refuses a duplicate SKU or barcode with a 409 naming it, and changes nothing', async () => {
    await ctx.api.post('/api/v1/products', product('DUP-1', { barcodes: ['DUPCODE-1'] }));
    const products = await count('products');
    const events = await count('events');

    const sku = await ctx.api.post('/api/v1/products', product('DUP-1'));
    expect(sku.status).toBe(409);
    expect(sku.headers['content-type']).toContain('application/problem+json');
    expect(sku.body).toMatchObject({ field: 'sku', sku: 'DUP-1' });
    expect(sku.body.detail).toContain('DUP-1');

    const barcode = await ctx.api.post('/api/v1/products', product('DUP-2', { barcodes: ['NEW-CODE', 'DUPCODE-1'] }));
    expect(barcode.status).toBe(409);
    expect(barcode.body).toMatchObject({ field: 'barcodes', barcode: 'DUPCODE-1' });
    expect(barcode.body.detail).toContain('DUP-1');

    // A barcode may not be another product's SKU, nor a SKU another product's barcode: a scan names one product.
    expect((await ctx.api.post('/api/v1/products', product('DUP-3', { barcodes: ['DUP-1'] }))).status).toBe(409);
    expect((await ctx.api.post('/api/v1/products', product('DUPCODE-1'))).status).toBe(409);

    expect(await count('products')).toBe(products);
    expect(await count('events')).toBe(events);
    expect(await count('product_barcodes WHERE barcode = $1', ['NEW-CODE'])).toBe(0);
  });

  it('lets exactly one of several concurrent creates of a SKU win; the others get a 409, never a 5xx', async () => {
    const results = await Promise.all(Array.from({ length: 4 }, (_, i) => ctx.api.post('/api/v1/products', product('RACE-1', { barcodes: [`RACE-CODE-${i}`] }))));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    expect(await count('products WHERE sku = $1', ['RACE-1'])).toBe(1);
    expect(await count(`product_barcodes WHERE barcode LIKE 'RACE-CODE-%'`)).toBe(1);
  });

  it('finds a product by exact SKU or barcode (what scanners call), 404 otherwise', async () => {
    const created = (await ctx.api.post('/api/v1/products', product('SCAN-1', { barcodes: ['4006381333931', 'A/B1'] }))).body;
    expect((await ctx.api.get('/api/v1/products/by-code/SCAN-1')).body.id).toBe(created.id);
    expect((await ctx.api.get('/api/v1/products/by-code/4006381333931')).body.id).toBe(created.id);
    expect((await ctx.api.get(`/api/v1/products/by-code/${encodeURIComponent('A/B1')}`)).body.id).toBe(created.id);
    const missing = await ctx.api.get('/api/v1/products/by-code/scan-1');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect((await ctx.api.get('/api/v1/products/999999')).status).toBe(404);
  });

  it('searches by SKU prefix, exact barcode and name substring, with literal wildcards and filters', async () => {
    await ctx.api.post('/api/v1/products', product('SRCH-A1', { name: 'Blue mug 50% off', category: 'kitchen', barcodes: ['777000111'] }));
    await ctx.api.post('/api/v1/products', product('SRCH-A2', { name: 'Red mug', category: 'kitchen', active: false }));
    await ctx.api.post('/api/v1/products', product('SRCH_B1', { name: 'Green plate', category: 'table' }));
    const skus = async (qs: string) => ((await ctx.api.get(`/api/v1/products?${qs}`)).body.items as Array<{ sku: string }>).map((p) => p.sku);

    expect(await skus('q=srch-a')).toEqual(['SRCH-A1', 'SRCH-A2']);
    expect(await skus('q=777000111')).toEqual(['SRCH-A1']);
    expect(await skus('q=777000')).toEqual([]); // barcodes match exactly, never by prefix
    expect(await skus('q=MUG')).toEqual(['SRCH-A1', 'SRCH-A2']);
    expect(await skus(`q=${encodeURIComponent('50%')}`)).toEqual(['SRCH-A1']);
    expect(await skus(`q=${encodeURIComponent('%')}`)).toEqual(['SRCH-A1']);
    expect(await skus('q=SRCH_')).toEqual(['SRCH_B1']); // "_" is not a wildcard
    expect(await skus('q=srch&category=kitchen&active=true')).toEqual(['SRCH-A1']);
    expect(await skus('q=srch&active=false')).toEqual(['SRCH-A2']);
    expect((await ctx.api.get('/api/v1/products?active=maybe')).status).toBe(400);
  });

  it('paginates with a keyset cursor in SKU order', async () => {
    for (const n of [5, 3, 1, 4, 2]) await ctx.api.post('/api/v1/products', product(`PAGE-${n}`, { category: 'paging' }));
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; body: { items: Array<{ sku: string }>; nextCursor: string | null } } = await ctx.api.get(
        `/api/v1/products?category=paging&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((p) => p.sku));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(['PAGE-1', 'PAGE-2', 'PAGE-3', 'PAGE-4', 'PAGE-5']);
    const bad = await ctx.api.get('/api/v1/products?cursor=nonsense');
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('querystring.cursor');
    expect((await ctx.api.get('/api/v1/products?limit=0')).status).toBe(400);
    expect((await ctx.api.get('/api/v1/products?limit=201')).status).toBe(400);
  });

  it('patches some fields, replaces barcodes, and lists what changed in product.updated', async () => {
    const p = (await ctx.api.post('/api/v1/products', product('EDIT-1', { unitPrice: 10, barcodes: ['EDIT-CODE-1', 'EDIT-CODE-2'], customFields: { a: 1, b: 'x' } }))).body;
    const res = await ctx.api.patch(`/api/v1/products/${p.id}`, {
      name: 'Edited',
      category: null,
      unitPrice: 12.5,
      heightMm: 30,
      barcodes: ['EDIT-CODE-2', 'EDIT-CODE-3'],
      customFields: { b: 'x', a: 1 },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ sku: 'EDIT-1', name: 'Edited', category: null, unitPrice: 12.5, heightMm: 30, barcodes: ['EDIT-CODE-2', 'EDIT-CODE-3'] });
    expect(res.body.updatedAt >= p.updatedAt).toBe(true);
    const updated = (await eventsOf(p.id)).filter((e) => e.type === 'product.updated');
    expect(updated).toHaveLength(1);
    expect(updated[0]!.payload).toEqual({
      sku: 'EDIT-1',
      changed: ['name', 'unitPrice', 'heightMm', 'barcodes'],
      barcodesAdded: ['EDIT-CODE-3'],
      barcodesRemoved: ['EDIT-CODE-1'],
    });
    expect((await ctx.api.get('/api/v1/products/by-code/EDIT-CODE-1')).status).toBe(404);

    // Nothing changes, nothing is written.
    const same = await ctx.api.patch(`/api/v1/products/${p.id}`, { name: 'Edited', unitPrice: 12.5 });
    expect(same.status).toBe(200);
    expect(await eventsOf(p.id)).toHaveLength(2);

    expect((await ctx.api.patch(`/api/v1/products/${p.id}`, { sku: 'NEW-SKU' })).status).toBe(400);
    expect((await ctx.api.patch('/api/v1/products/999999', { name: 'x' })).status).toBe(404);
    expect((await ctx.api.patch(`/api/v1/products/${p.id}`, { active: false })).body.active).toBe(false);
  });

  it('adds and removes barcodes one at a time', async () => {
    const p = (await ctx.api.post('/api/v1/products', product('BC-1'))).body;
    const other = (await ctx.api.post('/api/v1/products', product('BC-2', { barcodes: ['BC-TAKEN'] }))).body;
    const added = await ctx.api.post(`/api/v1/products/${p.id}/barcodes`, { barcode: ' 8712345678906 ' });
    expect(added.status).toBe(201);
    expect(added.body.barcodes).toEqual(['8712345678906']);
    const again = await ctx.api.post(`/api/v1/products/${p.id}/barcodes`, { barcode: '8712345678906' });
    expect(again.status).toBe(201);
    expect((await eventsOf(p.id)).map((e) => e.type)).toEqual(['product.created', 'product.updated']);

    const taken = await ctx.api.post(`/api/v1/products/${p.id}/barcodes`, { barcode: 'BC-TAKEN' });
    expect(taken.status).toBe(409);
    expect(taken.body.barcode).toBe('BC-TAKEN');
    expect((await ctx.api.get('/api/v1/products/by-code/BC-TAKEN')).body.id).toBe(other.id);
    expect((await ctx.api.post('/api/v1/products/999999/barcodes', { barcode: 'X1' })).status).toBe(404);

    const removed = await ctx.api.delete(`/api/v1/products/${p.id}/barcodes/8712345678906`);
    expect(removed.status).toBe(200);
    expect(removed.body.barcodes).toEqual([]);
    expect((await eventsOf(p.id)).at(-1)!.payload).toMatchObject({ changed: ['barcodes'], barcodesRemoved: ['8712345678906'] });
    expect((await ctx.api.delete(`/api/v1/products/${p.id}/barcodes/8712345678906`)).status).toBe(404);
    expect((await ctx.api.delete(`/api/v1/products/${p.id}/barcodes/BC-TAKEN`)).status).toBe(404);
  });

  it('replays a create with the same Idempotency-Key and creates once', async () => {
    const headers = { 'idempotency-key': 'product-idem-1' };
    const a = await ctx.api.post('/api/v1/products', product('IDEM-1'), { headers });
    const b = await ctx.api.post('/api/v1/products', product('IDEM-1'), { headers });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body).toEqual(a.body);
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect(await eventsOf(a.body.id)).toHaveLength(1);
    expect((await ctx.api.post('/api/v1/products', product('IDEM-2'), { headers })).status).toBe(422);
  });
});

describe('catalog: bad input and permissions', () => {
  const bad: Array<[string, Record<string, unknown>, string]> = [
    ['missing sku', { name: 'x' }, 'body.sku'],
    ['missing name', { sku: 'BAD-1' }, 'body.name'],
    ['SKU with a space', product('BAD 1'), 'body.sku'],
    ['SKU too long', product('S'.repeat(65)), 'body.sku'],
    ['price as a string', product('BAD-1', { unitPrice: '12' }), 'body.unitPrice'],
    ['negative price', product('BAD-1', { unitPrice: -1 }), 'body.unitPrice'],
    ['price with tenths of a cent', product('BAD-1', { unitPrice: 1.005 }), 'body.unitPrice'],
    ['price beyond numeric(14,2)', product('BAD-1', { unitPrice: 1e13 }), 'body.unitPrice'],
    ['negative weight', product('BAD-1', { weightG: -5 }), 'body.weightG'],
    ['fractional millimetres', product('BAD-1', { lengthMm: 1.5 }), 'body.lengthMm'],
    ['barcode with a space', product('BAD-1', { barcodes: ['12 34'] }), 'body.barcodes.0'],
    ['barcodes not an array', product('BAD-1', { barcodes: '123' }), 'body.barcodes'],
    ['nested custom field', product('BAD-1', { customFields: { a: { b: 1 } } }), 'body.customFields.a'],
    ['custom fields as an array', product('BAD-1', { customFields: [1] }), 'body.customFields'],
    ['too many custom fields', product('BAD-1', { customFields: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`f${i}`, i])) }), 'body.customFields'],
    ['unknown field', product('BAD-1', { price: 3 }), 'body'],
    ['a 1 MB name', product('BAD-1', { name: 'x'.repeat(1_000_000) }), 'body.name'],
  ];
  it.each(bad)('refuses %s with 400 problem+json naming the field, and changes nothing', async (_, body, field) => {
    const before = await count('products');
    const events = await count('events');
    const res = await ctx.api.post('/api/v1/products', body);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.field).toBe(field);
    expect(await count('products')).toBe(before);
    expect(await count('events')).toBe(events);
  });

  it('refuses bad ids and a body over the size limit', async () => {
    expect((await ctx.api.get('/api/v1/products/abc')).body.field).toBe('params.id');
    expect((await ctx.api.get('/api/v1/products/-1')).status).toBe(400);
    expect((await ctx.api.get('/api/v1/products/99999999999999999999')).status).toBe(400);
    const huge = await ctx.api.post('/api/v1/products', product('BIG-1', { name: 'x'.repeat(2 * 1024 * 1024) }));
    expect(huge.status).toBe(413);
    expect(await count('products WHERE sku = $1', ['BIG-1'])).toBe(0);
  });

  it('lets a warehouse operator read the catalog but not change it', async () => {
    const p = (await ctx.api.post('/api/v1/products', product('PERM-1'))).body;
    const operator = ctx.api.as(await ctx.keyFor('warehouse_operator'));
    expect((await operator.get(`/api/v1/products/${p.id}`)).status).toBe(200);
    expect((await operator.get('/api/v1/products/by-code/PERM-1')).status).toBe(200);
    expect((await operator.get('/api/v1/products?q=PERM')).body.items).toHaveLength(1);
    const create = await operator.post('/api/v1/products', product('PERM-2'));
    expect(create.status).toBe(403);
    expect(create.body.permission).toBe('catalog.write');
    expect((await operator.patch(`/api/v1/products/${p.id}`, { name: 'no' })).status).toBe(403);
    expect((await operator.post(`/api/v1/products/${p.id}/barcodes`, { barcode: 'NOPE' })).status).toBe(403);
    expect((await ctx.api.as(undefined).get('/api/v1/products')).status).toBe(401);
    expect(await count('products WHERE sku = $1', ['PERM-2'])).toBe(0);
  });

  it('documents its routes in the OpenAPI document', async () => {
    const doc = (await ctx.api.as(undefined).get('/openapi.json')).body;
    for (const path of ['/api/v1/products', '/api/v1/products/{id}', '/api/v1/products/by-code/{code}', '/api/v1/products/{id}/barcodes/{barcode}']) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });
});

describe('catalog: service functions for other modules', () => {
  it('resolves SKUs, ids and scanned codes to product refs', async () => {
    const a = await ctx.db.transaction((tx) => createProduct(tx, 'system', { sku: 'REF-A', name: 'A', unitPrice: 3.2, weightG: 100, barcodes: ['REF-BAR-A'] }));
    const b = await ctx.db.transaction((tx) => createProduct(tx, 'system', { sku: 'REF-B', name: 'B' }));
    const bySku = await resolveSkus(ctx.db, ['REF-A', 'REF-B', 'REF-A', 'NOPE']);
    expect([...bySku.keys()].sort()).toEqual(['REF-A', 'REF-B']);
    expect(bySku.get('REF-A')).toEqual({ id: a.id, sku: 'REF-A', name: 'A', category: null, unitPrice: 3.2, weightG: 100, lengthMm: null, widthMm: null, heightMm: null, active: true });
    const byId = await getProductRefs(ctx.db, [b.id, 999999]);
    expect([...byId.keys()]).toEqual([b.id]);
    expect((await resolveSkus(ctx.db, [])).size).toBe(0);
    expect((await findProductByCode(ctx.db, 'REF-BAR-A'))?.id).toBe(a.id);
    expect((await findProductByCode(ctx.db, 'REF-B'))?.id).toBe(b.id);
    expect(await findProductByCode(ctx.db, 'ref-b')).toBeUndefined();
  });

  it('checks input from other modules as the API does', async () => {
    await expect(ctx.db.transaction((tx) => createProduct(tx, 'system', { sku: 'bad sku', name: 'x' }))).rejects.toMatchObject({ status: 422, extra: { field: 'sku' } });
    await expect(ctx.db.transaction((tx) => createProduct(tx, 'system', { sku: 'NEG-1', name: 'x', unitPrice: -1 }))).rejects.toMatchObject({ status: 422 });
    expect(await count('products WHERE sku = $1', ['NEG-1'])).toBe(0);
  });
});
