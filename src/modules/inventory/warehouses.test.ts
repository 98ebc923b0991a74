import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../test/support/context.js';

const ctx = await useTestContext();

async function events(type: string, entityId: number) {
  return (await ctx.db.query<{ payload: Record<string, unknown> }>('SELECT payload FROM events WHERE type = $1 AND entity_id = $2 ORDER BY id', [type, String(entityId)])).rows;
}

describe('warehouses', () => {
  it('creates, lists, reads and changes a warehouse, each change an event', async () => {
    const created = await ctx.api.post('/api/v1/warehouses', { code: 'SHA-1', name: 'Shanghai 1', address: 'Pudong' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'SHA-1', name: 'Shanghai 1', address: 'Pudong', active: true });
    const id = created.body.id as number;
    expect(await events('warehouse.created', id)).toEqual([{ payload: { warehouseId: id, code: 'SHA-1', name: 'Shanghai 1' } }]);

    expect((await ctx.api.get(`/api/v1/warehouses/${id}`)).body.code).toBe('SHA-1');
    const list = await ctx.api.get('/api/v1/warehouses');
    expect(list.status).toBe(200);
    expect(list.body.items.map((w: { code: string }) => w.code)).toContain('SHA-1');

    const patched = await ctx.api.patch(`/api/v1/warehouses/${id}`, { name: 'Shanghai One', address: null });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: 'Shanghai One', address: null, code: 'SHA-1' });
    expect((await events('warehouse.updated', id))[0]!.payload).toEqual({ warehouseId: id, changed: ['name', 'address'] });
  });

  it("names the time zone a warehouse's dates are shown in: the installation's TIME_ZONE", async () => {
    expect(ctx.config.timeZone).toBe('Asia/Shanghai');
    const created = await ctx.api.post('/api/v1/warehouses', { code: 'TZ-1', name: 'Zoned' });
    expect(created.body.timeZone).toBe('Asia/Shanghai');
    const id = created.body.id as number;
    expect((await ctx.api.get(`/api/v1/warehouses/${id}`)).body.timeZone).toBe('Asia/Shanghai');
    expect((await ctx.api.patch(`/api/v1/warehouses/${id}`, { name: 'Zoned 2' })).body.timeZone).toBe('Asia/Shanghai');
    const listed = (await ctx.api.get('/api/v1/warehouses')).body.items as Array<{ timeZone: string }>;
    expect(listed.every((w) => w.timeZone === 'Asia/Shanghai')).toBe(true);
  });

  it('refuses a duplicate code (409), a bad code (400) and an unknown warehouse (404)', async () => {
    await ctx.api.post('/api/v1/warehouses', { code: 'DUP', name: 'One' });
    const dup = await ctx.api.post('/api/v1/warehouses', { code: 'DUP', name: 'Two' });
    expect(dup.status).toBe(409);
    expect(dup.headers['content-type']).toContain('application/problem+json');
    const bad = await ctx.api.post('/api/v1/warehouses', { code: 'lower case', name: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('body.code');
    expect((await ctx.api.get('/api/v1/warehouses/999999')).status).toBe(404);
    expect((await ctx.api.get('/api/v1/warehouses/abc')).status).toBe(400);
  });

  it('replays a create with the same Idempotency-Key', async () => {
    const headers = { 'idempotency-key': 'wh-idem' };
    const a = await ctx.api.post('/api/v1/warehouses', { code: 'IDEM', name: 'Idem' }, { headers });
    const b = await ctx.api.post('/api/v1/warehouses', { code: 'IDEM', name: 'Idem' }, { headers });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.id).toBe(a.body.id);
    expect(b.headers['idempotent-replayed']).toBe('true');
  });

  it('paginates the list with a cursor', async () => {
    for (const code of ['PG-A', 'PG-B', 'PG-C']) await ctx.api.post('/api/v1/warehouses', { code, name: code });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: Array<{ code: string }>; nextCursor: string | null } } = await ctx.api.get(
        `/api/v1/warehouses?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((w) => w.code));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(['PG-A', 'PG-B', 'PG-C']));
  });
});

describe('locations', () => {
  let wh: number;
  const loc = async (body: Record<string, unknown>) => ctx.api.post(`/api/v1/warehouses/${wh}/locations`, body);

  it('builds a zone / aisle / rack / bin tree and answers it nested with occupancy', async () => {
    wh = (await ctx.api.post('/api/v1/warehouses', { code: 'TREE', name: 'Tree' })).body.id;
    const zone = await loc({ code: 'A', level: 'zone', type: 'storage' });
    expect(zone.status).toBe(201);
    expect(zone.body).toMatchObject({ warehouseId: wh, parentId: null, level: 'zone', type: 'storage', capacity: null, pickSequence: 0, active: true, occupancy: 0 });
    const aisle = (await loc({ code: 'A-01', level: 'aisle', type: 'storage', parentId: zone.body.id })).body;
    const rack = (await loc({ code: 'A-01-1', level: 'rack', type: 'storage', parentId: aisle.id })).body;
    const bin1 = (await loc({ code: 'A-01-1-1', level: 'bin', type: 'picking', parentId: rack.id, capacity: 100, pickSequence: 2 })).body;
    const bin2 = (await loc({ code: 'A-01-1-2', level: 'bin', type: 'storage', parentId: rack.id, pickSequence: 1 })).body;
    // A bin may hang directly under a zone (a small warehouse without aisles).
    const dock = await loc({ code: 'DOCK', level: 'bin', type: 'receiving', parentId: zone.body.id });
    expect(dock.status).toBe(201);
    expect((await events('location.created', bin1.id))[0]!.payload).toMatchObject({ warehouseId: wh, code: 'A-01-1-1', level: 'bin', type: 'picking' });

    const product = (await ctx.api.post('/api/v1/products', { sku: 'TREE-SKU', name: 'Tree thing' })).body;
    expect((await ctx.api.post('/api/v1/stock/receipts', { sku: product.sku, locationId: bin1.id, quantity: 7 })).status).toBe(201);
    expect((await ctx.api.post('/api/v1/stock/receipts', { sku: product.sku, locationId: bin2.id, quantity: 5 })).status).toBe(201);

    const tree = await ctx.api.get(`/api/v1/warehouses/${wh}/locations?view=tree`);
    expect(tree.status).toBe(200);
    expect(tree.body.items).toHaveLength(1);
    const z = tree.body.items[0];
    expect(z).toMatchObject({ code: 'A', occupancy: 0, totalOccupancy: 12 });
    expect(z.children.map((c: { code: string }) => c.code).sort()).toEqual(['A-01', 'DOCK']);
    const r = z.children.find((c: { code: string }) => c.code === 'A-01').children[0];
    expect(r).toMatchObject({ code: 'A-01-1', totalOccupancy: 12 });
    // Children in walking order.
    expect(r.children.map((b: { code: string; occupancy: number; children: unknown[] }) => [b.code, b.occupancy, b.children.length])).toEqual([
      ['A-01-1-2', 5, 0],
      ['A-01-1-1', 7, 0],
    ]);

    const subtree = await ctx.api.get(`/api/v1/warehouses/${wh}/locations?view=tree&parentId=${rack.id}`);
    expect(subtree.body.items.map((b: { code: string }) => b.code)).toEqual(['A-01-1-2', 'A-01-1-1']);

    const bins = await ctx.api.get(`/api/v1/warehouses/${wh}/locations?level=bin`);
    expect(bins.body.items.map((b: { code: string }) => b.code)).toEqual(['DOCK', 'A-01-1-2', 'A-01-1-1']);
    const picking = await ctx.api.get(`/api/v1/warehouses/${wh}/locations?type=picking`);
    expect(picking.body.items.map((b: { code: string }) => b.code)).toEqual(['A-01-1-1']);
    const underRack = await ctx.api.get(`/api/v1/warehouses/${wh}/locations?parentId=${rack.id}`);
    expect(underRack.body.items).toHaveLength(2);
    const page1 = await ctx.api.get(`/api/v1/warehouses/${wh}/locations?limit=4`);
    const page2 = await ctx.api.get(`/api/v1/warehouses/${wh}/locations?limit=4&cursor=${page1.body.nextCursor}`);
    expect([...page1.body.items, ...page2.body.items].map((l: { id: number }) => l.id).sort()).toEqual(
      [zone.body.id, aisle.id, rack.id, bin1.id, bin2.id, dock.body.id].sort(),
    );
    expect(page2.body.nextCursor).toBeNull();

    const scanned = await ctx.api.get(`/api/v1/warehouses/${wh}/locations/by-code/A-01-1-1`);
    expect(scanned.status).toBe(200);
    expect(scanned.body).toMatchObject({ id: bin1.id, occupancy: 7, capacity: 100 });
    expect((await ctx.api.get(`/api/v1/warehouses/${wh}/locations/by-code/NOPE`)).status).toBe(404);
    expect((await ctx.api.get(`/api/v1/locations/${bin2.id}`)).body.occupancy).toBe(5);
  });

  it('refuses a location under one of the same or a lower level, or under another warehouse', async () => {
    const bin = (await loc({ code: 'LVL-BIN', level: 'bin', type: 'storage' })).body;
    const zoneUnderBin = await loc({ code: 'LVL-ZONE', level: 'zone', type: 'storage', parentId: bin.id });
    expect(zoneUnderBin.status).toBe(422);
    expect(zoneUnderBin.body.field).toBe('level');
    const binUnderBin = await loc({ code: 'LVL-BIN2', level: 'bin', type: 'storage', parentId: bin.id });
    expect(binUnderBin.status).toBe(422);
    const other = (await ctx.api.post('/api/v1/warehouses', { code: 'OTHER', name: 'Other' })).body.id;
    const foreign = await ctx.api.post(`/api/v1/warehouses/${other}/locations`, { code: 'X', level: 'bin', type: 'storage', parentId: bin.id });
    expect(foreign.status).toBe(422);
    expect(foreign.body.field).toBe('parentId');
    expect((await ctx.db.query(`SELECT 1 FROM locations WHERE code IN ('LVL-ZONE', 'LVL-BIN2', 'X')`)).rowCount).toBe(0);
  });

  it('refuses a duplicate code within a warehouse (409) but allows it in another', async () => {
    expect((await loc({ code: 'DUP-1', level: 'bin', type: 'storage' })).status).toBe(201);
    const dup = await loc({ code: 'DUP-1', level: 'zone', type: 'storage' });
    expect(dup.status).toBe(409);
    const other = (await ctx.api.post('/api/v1/warehouses', { code: 'OTHER2', name: 'Other 2' })).body.id;
    expect((await ctx.api.post(`/api/v1/warehouses/${other}/locations`, { code: 'DUP-1', level: 'bin', type: 'storage' })).status).toBe(201);
  });

  it('answers bad location input with a 400 naming the field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ level: 'bin', type: 'storage' }, 'body.code'],
      [{ code: 'B 1', level: 'bin', type: 'storage' }, 'body.code'],
      [{ code: 'B1', level: 'shelf', type: 'storage' }, 'body.level'],
      [{ code: 'B1', level: 'bin', type: 'attic' }, 'body.type'],
      [{ code: 'B1', level: 'bin', type: 'storage', capacity: -1 }, 'body.capacity'],
      [{ code: 'B1', level: 'bin', type: 'storage', capacity: 1.5 }, 'body.capacity'],
      [{ code: 'B1', level: 'bin', type: 'storage', parentId: 'x' }, 'body.parentId'],
      [{ code: 'x'.repeat(65), level: 'bin', type: 'storage' }, 'body.code'],
    ];
    for (const [body, field] of cases) {
      const res = await loc(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.field).toBe(field);
    }
    expect((await ctx.api.post('/api/v1/warehouses/999999/locations', { code: 'B1', level: 'bin', type: 'storage' })).status).toBe(404);
  });

  it('changes a location; deactivating one that holds stock is a 409, an empty one may be', async () => {
    const full = (await loc({ code: 'DEACT-1', level: 'bin', type: 'storage' })).body;
    const empty = (await loc({ code: 'DEACT-2', level: 'bin', type: 'storage' })).body;
    await ctx.api.post('/api/v1/products', { sku: 'DEACT-SKU', name: 'Deact' });
    await ctx.api.post('/api/v1/stock/receipts', { sku: 'DEACT-SKU', locationId: full.id, quantity: 1 });
    const refused = await ctx.api.patch(`/api/v1/locations/${full.id}`, { active: false });
    expect(refused.status).toBe(409);
    expect(refused.body.currentState).toBe('occupied');
    expect((await ctx.api.get(`/api/v1/locations/${full.id}`)).body.active).toBe(true);

    const changed = await ctx.api.patch(`/api/v1/locations/${empty.id}`, { active: false, capacity: 10, pickSequence: 9, type: 'picking' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ active: false, capacity: 10, pickSequence: 9, type: 'picking' });
    expect(((await events('location.updated', empty.id))[0]!.payload.changed as string[]).sort()).toEqual(['active', 'capacity', 'pickSequence', 'type']);
    expect((await ctx.api.patch(`/api/v1/locations/${empty.id}`, { code: 'RENAMED' })).status).toBe(400);
    expect((await ctx.api.patch('/api/v1/locations/999999', { active: true })).status).toBe(404);
  });

  it('lets a customer service key read locations but not change them', async () => {
    const cs = ctx.api.as(await ctx.keyFor('customer_service'));
    expect((await cs.get(`/api/v1/warehouses/${wh}/locations`)).status).toBe(200);
    const denied = await cs.post('/api/v1/warehouses', { code: 'CS', name: 'No' });
    expect(denied.status).toBe(403);
    expect(denied.body.permission).toBe('warehouses.manage');
    expect((await cs.post(`/api/v1/warehouses/${wh}/locations`, { code: 'CS', level: 'bin', type: 'storage' })).status).toBe(403);
    expect((await ctx.api.as(undefined).get('/api/v1/warehouses')).status).toBe(401);
  });
});
