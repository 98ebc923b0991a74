/**
 * A lost voucher: the counter checks the customer's ID and phone, records the document (type and
 * last four characters), and hands out a new voucher; the old one stops working; the items are
 * then handed over by another person than the one who replaced the voucher. Nothing is written
 * for a refused replacement.
 */
import { describe, expect, it } from 'vitest';
import { useTestContext } from './support/context.js';
import { checkIn, ok, SIGNATURE, storageWorld } from './storage.fixtures.js';

const ctx = await useTestContext();
const { api } = ctx;

describe('replacing a lost voucher', () => {
  it('needs the customer phone and an ID check, retires the old voucher, and the hand-over is someone else’s', async () => {
    const world = await storageWorld(api);
    const deposit = await checkIn(api, world);
    const phone = deposit.customer.phone as string;
    const id = { phone, holderName: deposit.customer.name, idType: 'resident_id', idLast4: '123x', idMatchesCustomer: true };

    const wrongPhone = await api.post(`/api/v1/storage/deposits/${deposit.id}/voucher-replacements`, { ...id, phone: '+86 100 0000 0000' });
    expect(wrongPhone.status).toBe(422);
    expect(wrongPhone.body.field).toBe('phone');
    const unchecked = await api.post(`/api/v1/storage/deposits/${deposit.id}/voucher-replacements`, { ...id, idMatchesCustomer: false });
    expect(unchecked.status).toBe(400);
    expect(JSON.stringify(unchecked.body.errors)).toContain('idMatchesCustomer');
    const wholeNumber = await api.post(`/api/v1/storage/deposits/${deposit.id}/voucher-replacements`, { ...id, idLast4: '110101199001011234' });
    expect(wholeNumber.status).toBe(400);
    expect((await ok(api.get(`/api/v1/storage/deposits/${deposit.id}/voucher-replacements`), 200)).items).toEqual([]);

    const counter = api.as(await ctx.keyFor('customer_service'));
    const replaced = await ok(counter.post(`/api/v1/storage/deposits/${deposit.id}/voucher-replacements`, id));
    expect(replaced.voucherCode).toMatch(/^[0-9A-Z]{10}$/);
    expect(replaced.voucherCode).not.toBe(deposit.voucherCode);
    const recorded = (await ok(api.get(`/api/v1/storage/deposits/${deposit.id}/voucher-replacements`), 200)).items;
    expect(recorded).toEqual([expect.objectContaining({ idType: 'resident_id', idLast4: '123X', holderName: deposit.customer.name })]);
    const event = (await ctx.db.query<{ payload: any }>(`SELECT payload FROM events WHERE type = 'storage_deposit.voucher_replaced' AND entity_id = $1`, [String(deposit.id)])).rows[0]!;
    expect(event.payload).toMatchObject({ idType: 'resident_id', idLast4: '123X' });
    expect(JSON.stringify(event.payload)).not.toContain(replaced.voucherCode);

    const item = deposit.items[0].code;
    const handOver = (voucherCode: string) => ({ voucherCode, itemCodes: [item], receivedBy: deposit.customer.name, signature: SIGNATURE });
    const old = await api.post('/api/v1/storage/check-outs', handOver(deposit.voucherCode));
    expect(old.status).toBe(422);
    expect(old.body.field).toBe('voucherCode');
    const same = await counter.post('/api/v1/storage/check-outs', handOver(replaced.voucherCode));
    expect(same.body).toMatchObject({ status: 409, step: 'storage.voucher_replacement' });
    await ok(api.post('/api/v1/storage/check-outs', handOver(replaced.voucherCode)));
    const closed = await api.post(`/api/v1/storage/deposits/${deposit.id}/voucher-replacements`, id);
    expect(closed.body).toMatchObject({ status: 409, currentState: 'closed' });
  });
});
