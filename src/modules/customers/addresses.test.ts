import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../test/support/context.js';

const ctx = await useTestContext();

const count = async (sql: string, params: unknown[] = []) => (await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0]!.n;
const eventsOf = async (customerId: number) =>
  (await ctx.db.query<{ type: string; payload: Record<string, unknown> }>(`SELECT type, payload FROM events WHERE customer_id = $1 ORDER BY id`, [customerId])).rows;
const customer = async (name = 'Customer') => (await ctx.api.post('/api/v1/customers', { name })).body as { id: number };
const home = { label: 'home', recipientName: '李雷', phone: '13800000001', country: 'CN', province: '广东省', city: '深圳市', district: '南山区', line1: '科技园路 1 号' };

describe('customer contacts', () => {
  it('adds, changes and removes contacts, each with its event', async () => {
    const c = await customer();
    const added = await ctx.api.post(`/api/v1/customers/${c.id}/contacts`, { name: 'Han Meimei', role: 'finance', email: 'han@example.com' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ customerId: c.id, name: 'Han Meimei', role: 'finance', phone: null });
    const id = added.body.id;

    const changed = await ctx.api.patch(`/api/v1/customers/${c.id}/contacts/${id}`, { role: null, phone: '13900000002', name: 'Han Meimei' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ role: null, phone: '13900000002' });
    expect((await ctx.api.get(`/api/v1/customers/${c.id}`)).body.contacts).toEqual([changed.body]);

    const other = await customer('Other');
    expect((await ctx.api.patch(`/api/v1/customers/${other.id}/contacts/${id}`, { name: 'x' })).status).toBe(404);
    expect((await ctx.api.delete(`/api/v1/customers/${other.id}/contacts/${id}`)).status).toBe(404);
    const removed = await ctx.api.delete(`/api/v1/customers/${c.id}/contacts/${id}`);
    expect(removed.status).toBe(204);
    expect((await ctx.api.delete(`/api/v1/customers/${c.id}/contacts/${id}`)).status).toBe(404);
    expect((await ctx.api.post('/api/v1/customers/999999/contacts', { name: 'x' })).status).toBe(404);

    expect((await eventsOf(c.id)).slice(1)).toEqual([
      { type: 'customer.contact_added', payload: { contactId: id, name: 'Han Meimei' } },
      { type: 'customer.contact_updated', payload: { contactId: id, changed: ['role', 'phone'] } },
      { type: 'customer.contact_removed', payload: { contactId: id } },
    ]);
  });

  it('refuses bad contact input naming the field', async () => {
    const c = await customer();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{}, 'body.name'],
      [{ name: 'x', email: 'nope' }, 'body.email'],
      [{ name: 'x', phone: -5 }, 'body.phone'],
      [{ name: 'x', role: 'r'.repeat(1_000_000) }, 'body.role'],
    ];
    for (const [body, field] of cases) {
      const res = await ctx.api.post(`/api/v1/customers/${c.id}/contacts`, body);
      expect(res.status).toBe(400);
      expect(res.body.field).toBe(field);
    }
    expect(await count('customer_contacts WHERE customer_id = $1', [c.id])).toBe(0);
  });
});

describe('customer addresses', () => {
  it('makes the first address the default and moves the default on request', async () => {
    const c = await customer();
    const first = await ctx.api.post(`/api/v1/customers/${c.id}/addresses`, home);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ ...home, customerId: c.id, isDefault: true, line2: null, postalCode: null });
    const second = await ctx.api.post(`/api/v1/customers/${c.id}/addresses`, { ...home, label: 'office', line1: '深南大道 2 号' });
    expect(second.body.isDefault).toBe(false);
    const third = await ctx.api.post(`/api/v1/customers/${c.id}/addresses`, { ...home, label: 'parents', line1: '3 号', isDefault: true });
    expect(third.body.isDefault).toBe(true);
    const defaults = async () => ((await ctx.api.get(`/api/v1/customers/${c.id}`)).body.addresses as Array<{ id: number; isDefault: boolean }>).filter((a) => a.isDefault).map((a) => a.id);
    expect(await defaults()).toEqual([third.body.id]);

    const moved = await ctx.api.patch(`/api/v1/customers/${c.id}/addresses/${second.body.id}`, { isDefault: true, postalCode: '518000' });
    expect(moved.body).toMatchObject({ isDefault: true, postalCode: '518000' });
    expect(await defaults()).toEqual([second.body.id]);
    expect((await eventsOf(c.id)).slice(-2)).toEqual([
      { type: 'customer.address_updated', payload: { addressId: third.body.id, changed: ['isDefault'] } },
      { type: 'customer.address_updated', payload: { addressId: second.body.id, changed: ['postalCode', 'isDefault'] } },
    ]);

    // The database itself refuses a second default, whoever writes.
    await expect(ctx.db.query('UPDATE customer_addresses SET is_default = true WHERE id = $1', [first.body.id])).rejects.toMatchObject({ code: '23505' });

    const removed = await ctx.api.delete(`/api/v1/customers/${c.id}/addresses/${second.body.id}`);
    expect(removed.status).toBe(204);
    expect(await defaults()).toEqual([]);
    expect((await eventsOf(c.id)).at(-1)).toEqual({ type: 'customer.address_removed', payload: { addressId: second.body.id, wasDefault: true } });
    expect((await ctx.api.delete(`/api/v1/customers/${c.id}/addresses/${second.body.id}`)).status).toBe(404);
    expect((await ctx.api.patch(`/api/v1/customers/${c.id}/addresses/999999`, { city: 'x' })).status).toBe(404);
  });

  it('keeps one default when two addresses ask for it at once', async () => {
    const c = await customer();
    await Promise.all(
      Array.from({ length: 4 }, (_, i) => ctx.api.post(`/api/v1/customers/${c.id}/addresses`, { ...home, line1: `Road ${i}`, isDefault: true })),
    );
    expect(await count('customer_addresses WHERE customer_id = $1', [c.id])).toBe(4);
    expect(await count('customer_addresses WHERE customer_id = $1 AND is_default', [c.id])).toBe(1);
  });

  it('replays an address create with the same Idempotency-Key', async () => {
    const c = await customer();
    const headers = { 'idempotency-key': `addr-${c.id}` };
    const a = await ctx.api.post(`/api/v1/customers/${c.id}/addresses`, home, { headers });
    const b = await ctx.api.post(`/api/v1/customers/${c.id}/addresses`, home, { headers });
    expect(b.status).toBe(201);
    expect(b.body.id).toBe(a.body.id);
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect(await count('customer_addresses WHERE customer_id = $1', [c.id])).toBe(1);
  });

  it('refuses bad address input naming the field, and changes nothing', async () => {
    const c = await customer();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...home, country: 'XX' }, 'body.country'],
      [{ ...home, country: 'CHN' }, 'body.country'],
      [{ ...home, country: 1 }, 'body.country'],
      [{ ...home, recipientName: undefined }, 'body.recipientName'],
      [{ ...home, isDefault: 'yes' }, 'body.isDefault'],
      [{ ...home, line1: 'x'.repeat(1_000_000) }, 'body.line1'],
      [{ ...home, floor: 3 }, 'body'],
    ];
    const events = await count('events');
    for (const [body, field] of cases) {
      const res = await ctx.api.post(`/api/v1/customers/${c.id}/addresses`, body);
      expect(res.status, field).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.field).toBe(field);
    }
    expect(await count('customer_addresses WHERE customer_id = $1', [c.id])).toBe(0);
    expect(await count('events')).toBe(events);
    expect((await ctx.api.post(`/api/v1/customers/${c.id}/addresses/abc`, home)).status).toBe(404);
    expect((await ctx.api.patch(`/api/v1/customers/${c.id}/addresses/abc`, { city: 'x' })).body.field).toBe('params.addressId');
  });
});
