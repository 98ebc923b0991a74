import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../test/support/context.js';
import { appendEvent } from '../../platform/events/log.js';
import { addCustomerTags, createCustomer, getCustomerAddress, getCustomerRef } from './customers.service.js';

const ctx = await useTestContext();

const count = async (sql: string, params: unknown[] = []) => (await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0]!.n;
const eventsOf = async (customerId: number) =>
  (await ctx.db.query<{ type: string; payload: Record<string, unknown> }>(`SELECT type, payload FROM events WHERE customer_id = $1 ORDER BY id`, [customerId])).rows;
const create = async (body: Record<string, unknown>) => {
  const res = await ctx.api.post('/api/v1/customers', body);
  expect(res.status).toBe(201);
  return res.body;
};

describe('customers', () => {
  it('creates a customer with contacts, addresses and tags, and writes its events in the same transaction', async () => {
    const res = await ctx.api.post('/api/v1/customers', {
      name: '上海云仓贸易有限公司',
      type: 'company',
      phone: '+86 21 5555 0100',
      email: 'buyer@yuncang.example',
      tags: ['VIP', ' Wholesale  Buyer ', 'vip'],
      contacts: [{ name: '王芳', role: 'purchasing', phone: '13800138000' }],
      addresses: [{ recipientName: '王芳', country: 'cn', province: '上海市', city: '上海市', district: '浦东新区', line1: '世纪大道 100 号', postalCode: '200120' }],
    });
    expect(res.status).toBe(201);
    const c = res.body;
    expect(c).toMatchObject({ name: '上海云仓贸易有限公司', type: 'company', locale: 'zh-CN', tags: ['vip', 'wholesale buyer'] });
    expect(c.code).toMatch(/^C\d{6}$/);
    expect(c.contacts).toEqual([expect.objectContaining({ name: '王芳', role: 'purchasing', customerId: c.id })]);
    expect(c.addresses).toEqual([expect.objectContaining({ country: 'CN', district: '浦东新区', isDefault: true, line2: null })]);
    expect((await ctx.api.get(`/api/v1/customers/${c.id}`)).body).toEqual(c);

    expect((await eventsOf(c.id)).map((e) => e.type)).toEqual(['customer.created', 'customer.tagged', 'customer.contact_added', 'customer.address_added']);
    const { rows } = await ctx.db.query<{ xmin: string; txId: string }>(
      `SELECT c.xmin::text AS xmin, e.tx_id::text AS "txId" FROM customers c JOIN events e ON e.customer_id = c.id WHERE c.id = $1`,
      [c.id],
    );
    for (const r of rows) expect(BigInt(r.txId) % 2n ** 32n).toBe(BigInt(r.xmin));
  });

  it('generates codes past ones given by hand, and refuses a code in use with a 409 naming it', async () => {
    const { rows } = await ctx.db.query<{ n: number }>('SELECT last_value AS n FROM customer_code_seq');
    const next = `C${String(rows[0]!.n + 1).padStart(6, '0')}`;
    await create({ name: 'By hand', code: next });
    const generated = await create({ name: 'Generated' });
    expect(generated.code).toBe(`C${String(rows[0]!.n + 2).padStart(6, '0')}`);
    const before = await count('customers');
    const dup = await ctx.api.post('/api/v1/customers', { name: 'Again', code: next });
    expect(dup.status).toBe(409);
    expect(dup.headers['content-type']).toContain('application/problem+json');
    expect(dup.body).toMatchObject({ field: 'code', code: next });
    expect(await count('customers')).toBe(before);
  });

  it('patches a customer and lists the changed fields in customer.updated; no change, no event', async () => {
    const c = await create({ name: 'Li Lei', phone: '13900000000', locale: 'en' });
    const res = await ctx.api.patch(`/api/v1/customers/${c.id}`, { name: 'Li Lei', email: 'li@example.com', phone: null, locale: 'zh-CN' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Li Lei', email: 'li@example.com', phone: null, locale: 'zh-CN' });
    expect((await eventsOf(c.id)).at(-1)).toEqual({ type: 'customer.updated', payload: { changed: ['phone', 'email', 'locale'] } });
    await ctx.api.patch(`/api/v1/customers/${c.id}`, { email: 'li@example.com' });
    expect(await eventsOf(c.id)).toHaveLength(2);
    expect((await ctx.api.patch(`/api/v1/customers/${c.id}`, { code: 'X1' })).status).toBe(400);
    expect((await ctx.api.patch('/api/v1/customers/999999', { name: 'x' })).status).toBe(404);
    expect((await ctx.api.get('/api/v1/customers/999999')).status).toBe(404);
  });

  it('searches name, code, phone and e-mail, filters by tag, and paginates newest first', async () => {
    const a = await create({ name: 'Search Zhang 100%', phone: '138-0013-8001', tags: ['srch'] });
    const b = await create({ name: 'Search Zhao', email: 'Zhao@Shop.example', tags: ['srch', 'gold'] });
    const c = await create({ name: 'Search Qian', code: 'SRCH-77', tags: ['srch'] });
    const ids = async (qs: string) => ((await ctx.api.get(`/api/v1/customers?${qs}`)).body.items as Array<{ id: number }>).map((x) => x.id);
    expect(await ids('q=search%20zh')).toEqual([b.id, a.id]);
    expect(await ids('q=13800138001')).toEqual([a.id]); // the digits match a formatted phone
    expect(await ids('q=0013-8001')).toEqual([a.id]);
    expect(await ids('q=shop.EXAMPLE')).toEqual([b.id]);
    expect(await ids('q=srch-7')).toEqual([c.id]);
    expect(await ids(`q=${encodeURIComponent('100%')}`)).toEqual([a.id]);
    expect(await ids('q=search_')).toEqual([]);
    expect(await ids('tag=GOLD')).toEqual([b.id]);
    expect(await ids('q=search&tag=srch')).toEqual([c.id, b.id, a.id]);

    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: Array<{ id: number }>; nextCursor: string | null } } = await ctx.api.get(`/api/v1/customers?tag=srch&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...res.body.items.map((x) => x.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([c.id, b.id, a.id]);
    expect((await ctx.api.get('/api/v1/customers?cursor=zzz')).body.field).toBe('querystring.cursor');
  });

  it('adds and removes tags, normalised, with customer.tagged and customer.untagged', async () => {
    const c = await create({ name: 'Tagged' });
    const add = await ctx.api.post(`/api/v1/customers/${c.id}/tags`, { tags: ['High Value', 'churn-risk', 'HIGH  value'] });
    expect(add.status).toBe(200);
    expect(add.body).toEqual({ tags: ['churn-risk', 'high value'] });
    expect((await ctx.api.post(`/api/v1/customers/${c.id}/tags`, { tags: ['churn-risk'] })).body.tags).toEqual(['churn-risk', 'high value']);
    const removed = await ctx.api.delete(`/api/v1/customers/${c.id}/tags/${encodeURIComponent('High Value')}`);
    expect(removed.body).toEqual({ tags: ['churn-risk'] });
    expect((await ctx.api.delete(`/api/v1/customers/${c.id}/tags/nope`)).status).toBe(404);
    expect((await ctx.api.post('/api/v1/customers/999999/tags', { tags: ['x'] })).status).toBe(404);
    expect((await eventsOf(c.id)).slice(1)).toEqual([
      { type: 'customer.tagged', payload: { tags: ['churn-risk', 'high value'] } },
      { type: 'customer.untagged', payload: { tags: ['high value'] } },
    ]);
    expect((await ctx.api.post(`/api/v1/customers/${c.id}/tags`, { tags: [] })).status).toBe(400);
    expect((await ctx.api.post(`/api/v1/customers/${c.id}/tags`, { tags: ['bad,tag'] })).body.field).toBe('body.tags.0');
  });

  it('keeps notes, newest first, and shows everything about the customer on the timeline', async () => {
    const c = await create({ name: 'Timeline', tags: ['t'] });
    const note = await ctx.api.post(`/api/v1/customers/${c.id}/notes`, { body: 'Prefers delivery after 18:00' });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ customerId: c.id, body: 'Prefers delivery after 18:00', author: expect.stringMatching(/^api_key:/) });
    await ctx.api.post(`/api/v1/customers/${c.id}/notes`, { body: 'Second note' });
    const notes = await ctx.api.get(`/api/v1/customers/${c.id}/notes?limit=1`);
    expect(notes.body.items.map((n: { body: string }) => n.body)).toEqual(['Second note']);
    const older = await ctx.api.get(`/api/v1/customers/${c.id}/notes?limit=1&cursor=${notes.body.nextCursor}`);
    expect(older.body.items.map((n: { body: string }) => n.body)).toEqual(['Prefers delivery after 18:00']);

    // Another module's event about this customer belongs on the timeline too.
    await ctx.db.transaction((tx) => appendEvent(tx, 'system', { type: 'order.created', entityType: 'order', entityId: 42, customerId: c.id, payload: {} }));
    await ctx.api.patch(`/api/v1/customers/${c.id}`, { name: 'Timeline 2' });

    const types: string[] = [];
    const ids: number[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: { items: Array<{ id: number; type: string }>; nextCursor: string | null } } = await ctx.api.get(
        `/api/v1/customers/${c.id}/timeline?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      types.push(...res.body.items.map((e) => e.type));
      ids.push(...res.body.items.map((e) => e.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(types).toEqual(['customer.updated', 'order.created', 'customer.note_added', 'customer.note_added', 'customer.tagged', 'customer.created']);
    expect(ids).toEqual([...ids].sort((x, y) => y - x));
    expect((await ctx.api.get('/api/v1/customers/999999/timeline')).status).toBe(404);
    expect((await ctx.api.get(`/api/v1/customers/${c.id}/timeline?cursor=bad`)).status).toBe(400);
  });

  it('replays a create with the same Idempotency-Key and creates once', async () => {
    const headers = { 'idempotency-key': 'customer-idem-1' };
    const body = { name: 'Idem', tags: ['x'] };
    const a = await ctx.api.post('/api/v1/customers', body, { headers });
    const b = await ctx.api.post('/api/v1/customers', body, { headers });
    expect(b.status).toBe(201);
    expect(b.body).toEqual(a.body);
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect(await count(`customers WHERE name = 'Idem'`)).toBe(1);
    expect((await eventsOf(a.body.id)).filter((e) => e.type === 'customer.created')).toHaveLength(1);
    expect((await ctx.api.post('/api/v1/customers', { name: 'Other' }, { headers })).status).toBe(422);
  });
});

describe('customers: bad input and permissions', () => {
  const bad: Array<[string, Record<string, unknown>, string]> = [
    ['missing name', { phone: '13800000000' }, 'body.name'],
    ['name of the wrong type', { name: 123 }, 'body.name'],
    ['blank name', { name: '   ' }, 'body.name'],
    ['unknown type', { name: 'x', type: 'alien' }, 'body.type'],
    ['unknown locale', { name: 'x', locale: 'fr' }, 'body.locale'],
    ['bad e-mail', { name: 'x', email: 'not-an-email' }, 'body.email'],
    ['phone with letters', { name: 'x', phone: 'call me' }, 'body.phone'],
    ['code with spaces', { name: 'x', code: 'C 1' }, 'body.code'],
    ['tags not an array', { name: 'x', tags: 'vip' }, 'body.tags'],
    ['too many tags', { name: 'x', tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }, 'body.tags'],
    ['contact without a name', { name: 'x', contacts: [{ phone: '13800000000' }] }, 'body.contacts.0.name'],
    ['contact e-mail', { name: 'x', contacts: [{ name: 'y', email: 'nope' }] }, 'body.contacts.0.email'],
    ['unknown country', { name: 'x', addresses: [{ recipientName: 'y', line1: 'z', country: 'XX' }] }, 'body.addresses.0.country'],
    ['address without a street', { name: 'x', addresses: [{ recipientName: 'y' }] }, 'body.addresses.0.line1'],
    ['unknown field', { name: 'x', vip: true }, 'body'],
    ['a 1 MB name', { name: 'x'.repeat(1_000_000) }, 'body.name'],
  ];
  it.each(bad)('refuses %s with 400 problem+json naming the field, and changes nothing', async (_, body, field) => {
    const before = [await count('customers'), await count('customer_contacts'), await count('customer_addresses'), await count('events')];
    const res = await ctx.api.post('/api/v1/customers', body);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.field).toBe(field);
    expect([await count('customers'), await count('customer_contacts'), await count('customer_addresses'), await count('events')]).toEqual(before);
  });

  it('refuses bad ids, a 1 MB note and an over-size body', async () => {
    const c = await create({ name: 'Bad ids' });
    expect((await ctx.api.get('/api/v1/customers/abc')).body.field).toBe('params.id');
    expect((await ctx.api.get('/api/v1/customers/0')).status).toBe(400);
    const note = await ctx.api.post(`/api/v1/customers/${c.id}/notes`, { body: 'n'.repeat(1_000_000) });
    expect(note.status).toBe(400);
    expect(note.body.field).toBe('body.body');
    expect(await count('customer_notes WHERE customer_id = $1', [c.id])).toBe(0);
    expect((await ctx.api.post('/api/v1/customers', { name: 'x'.repeat(2 * 1024 * 1024) })).status).toBe(413);
  });

  it('lets a warehouse operator read customers but not change them; customer service may', async () => {
    const c = await create({ name: 'Perm' });
    const operator = ctx.api.as(await ctx.keyFor('warehouse_operator'));
    expect((await operator.get(`/api/v1/customers/${c.id}`)).status).toBe(200);
    expect((await operator.get('/api/v1/customers?q=Perm')).status).toBe(200);
    expect((await operator.get(`/api/v1/customers/${c.id}/timeline`)).status).toBe(200);
    const denied = [
      await operator.post('/api/v1/customers', { name: 'No' }),
      await operator.patch(`/api/v1/customers/${c.id}`, { name: 'No' }),
      await operator.post(`/api/v1/customers/${c.id}/tags`, { tags: ['no'] }),
      await operator.post(`/api/v1/customers/${c.id}/notes`, { body: 'no' }),
      await operator.post(`/api/v1/customers/${c.id}/addresses`, { recipientName: 'n', line1: 'o' }),
      await operator.post(`/api/v1/customers/${c.id}/contacts`, { name: 'no' }),
    ];
    for (const res of denied) {
      expect(res.status).toBe(403);
      expect(res.body.permission).toBe('customers.write');
    }
    expect(await eventsOf(c.id)).toHaveLength(1);
    const service = ctx.api.as(await ctx.keyFor('customer_service'));
    expect((await service.post(`/api/v1/customers/${c.id}/notes`, { body: 'ok' })).status).toBe(201);
    expect((await ctx.api.as(undefined).get('/api/v1/customers')).status).toBe(401);
  });
});

describe('customers: service functions for other modules', () => {
  it('creates, tags and looks up customers and their addresses', async () => {
    const c = await ctx.db.transaction((tx) =>
      createCustomer(tx, 'system', { name: 'Seeded', email: 's@example.com', addresses: [{ recipientName: 'S', line1: 'Road 1' }, { recipientName: 'S', line1: 'Road 2' }] }),
    );
    const other = await ctx.db.transaction((tx) => createCustomer(tx, 'system', { name: 'Other', addresses: [{ recipientName: 'O', line1: 'Elsewhere' }] }));
    expect(await ctx.db.transaction((tx) => addCustomerTags(tx, 'system', c.id, ['Gold', 'new']))).toEqual(['gold', 'new']);
    expect(await getCustomerRef(ctx.db, c.id)).toEqual({ id: c.id, code: c.code, name: 'Seeded', phone: null, email: 's@example.com', locale: 'zh-CN', tags: ['gold', 'new'] });
    expect(await getCustomerRef(ctx.db, 999999)).toBeUndefined();
    expect((await getCustomerAddress(ctx.db, c.id))?.line1).toBe('Road 1');
    expect((await getCustomerAddress(ctx.db, c.id, c.addresses[1]!.id))?.line1).toBe('Road 2');
    expect(await getCustomerAddress(ctx.db, c.id, other.addresses[0]!.id)).toBeUndefined();
    await expect(ctx.db.transaction((tx) => addCustomerTags(tx, 'system', 999999, ['x']))).rejects.toMatchObject({ status: 404 });
    await expect(ctx.db.transaction((tx) => createCustomer(tx, 'system', { name: '' }))).rejects.toMatchObject({ status: 422, extra: { field: 'name' } });
  });

  it('documents its routes in the OpenAPI document', async () => {
    const doc = (await ctx.api.as(undefined).get('/openapi.json')).body;
    for (const path of ['/api/v1/customers', '/api/v1/customers/{id}/timeline', '/api/v1/customers/{id}/addresses/{addressId}', '/api/v1/customers/{id}/tags/{tag}']) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });
});
