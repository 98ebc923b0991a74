/**
 * A voucher is kept only hashed (and, for its notice, sealed): no row holds it in plaintext, yet
 * the check-out, the portal, the counter and the search find its deposit by it; SECRET_KEY, when
 * set, is what it is hashed under, so a restart with the same key finds it and a copy of the
 * database alone does not; migration 004 converts the vouchers kept in plaintext before it.
 *
 * A lost voucher: the counter checks the customer's ID and phone, records the document (type and
 * last four characters), and hands out a new voucher; the old one stops working; the items are
 * then handed over by another person than the one who replaced the voucher. Nothing is written
 * for a refused replacement.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runAutomationOnce } from '../src/modules/automation/worker.js';
import { createCustomer } from '../src/modules/customers/customers.service.js';
import { MIGRATION_SOURCES } from '../src/modules/index.js';
import { createWarehouse } from '../src/modules/inventory/warehouses.service.js';
import { depositByVoucher } from '../src/modules/storage/counter.routes.js';
import { getVoucherCode } from '../src/modules/storage/shared.js';
import { useSecretKey, voucherHash } from '../src/modules/storage/vouchers.js';
import type { Db } from '../src/platform/db/client.js';
import { applyMigrations, listMigrations } from '../src/platform/db/migrate.js';
import type { App } from '../src/platform/http/app.js';
import { buildApp } from '../src/server.js';
import { emptyDatabase, useTestContext } from './support/context.js';
import { checkIn, ok, phoneOf, SIGNATURE, storageWorld } from './storage.fixtures.js';

const ctx = await useTestContext();
const { api } = ctx;
const anonymous = api.as(undefined);

/** Everything the database keeps of a deposit, as text (bytea as hex). */
async function rowOf(depositId: number): Promise<string> {
  const { rows } = await ctx.db.query<{ t: string }>('SELECT d::text AS t FROM storage_deposits d WHERE id = $1', [depositId]);
  return rows[0]!.t;
}

/** Whether the voucher is anywhere in the text: as typed, in lower case, or as the hex of its bytes. */
const holds = (text: string, voucher: string) =>
  [voucher, voucher.toLowerCase(), Buffer.from(voucher).toString('hex')].some((form) => text.toLowerCase().includes(form.toLowerCase()));

async function databaseSecret(db: Db = ctx.db): Promise<Buffer> {
  return Buffer.from((await db.query<{ secret: Uint8Array }>('SELECT secret FROM storage_voucher_secret')).rows[0]!.secret);
}

/** Where each reader finds a deposit by its voucher: the counter, the search, the portal. */
async function findsBy(voucherCode: string, phone: string) {
  const counter = await api.post('/api/v1/storage/vouchers/lookup', { voucherCode: voucherCode.toLowerCase() });
  const search = await ok(api.get(`/api/v1/storage/deposits?q=${voucherCode.toLowerCase()}`), 200);
  const portal = await anonymous.post('/api/v1/portal/storage/lookup', { phone, voucherCode });
  return { counter: counter.status === 200 ? counter.body.id : counter.status, search: search.items.map((d: { id: number }) => d.id), portal: portal.status === 200 ? portal.body.depositNumber : portal.status };
}

describe('a voucher kept only hashed', () => {
  it('is in no column of its deposit, yet the counter, the search, the portal and the check-out find the deposit by it', async () => {
    const world = await storageWorld(api);
    const deposit = await checkIn(api, world, {
      items: [
        { category: 'luggage', sizeClass: 'M', description: 'Blue suitcase' },
        { category: 'luggage', sizeClass: 'S', description: 'Backpack' },
      ],
    });
    const voucher: string = deposit.voucherCode;
    const phone: string = deposit.customer.phone;
    expect(holds(await rowOf(deposit.id), voucher)).toBe(false);
    const { rows } = await ctx.db.query<{ hash: string; last2: string; sealed: Uint8Array | null }>(
      'SELECT voucher_hash AS hash, voucher_last2 AS last2, voucher_sealed AS sealed FROM storage_deposits WHERE id = $1',
      [deposit.id],
    );
    // Without SECRET_KEY, hashed under the database's own secret, as migration 004 hashes in SQL.
    expect(rows[0]).toMatchObject({ hash: voucherHash(await databaseSecret(), voucher), last2: voucher.slice(-2) });
    expect(rows[0]!.sealed).not.toBeNull();
    // Reads show it masked only.
    const read = await ok(api.get(`/api/v1/storage/deposits/${deposit.id}`), 200);
    expect(read.voucherMasked).toBe(`••••${voucher.slice(-2)}`);
    expect(JSON.stringify(read)).not.toContain(voucher);

    expect(await findsBy(voucher, phone)).toEqual({ counter: deposit.id, search: [deposit.id], portal: deposit.depositNumber });
    const handOver = (code: string) => ({ voucherCode: voucher.toLowerCase(), itemCodes: [code], receivedBy: 'Zhang Min', signature: SIGNATURE });
    await ok(api.post('/api/v1/storage/check-outs', handOver(deposit.items[0].code)));
    // Collected in full: the deposit closes and its sealed copy (kept for the notice) goes with it.
    const last = await ok(api.post('/api/v1/storage/check-outs', handOver(deposit.items[1].code)));
    expect(last.depositStatus).toBe('closed');
    const closed = await ctx.db.query<{ sealed: Uint8Array | null }>('SELECT voucher_sealed AS sealed FROM storage_deposits WHERE id = $1', [deposit.id]);
    expect(closed.rows[0]!.sealed).toBeNull();
    expect(await ctx.db.transaction((tx) => getVoucherCode(tx, deposit.id))).toBeNull();
    expect(holds(await rowOf(deposit.id), voucher)).toBe(false);
  });

  it('once replaced, opens nothing, and the new voucher opens everything', async () => {
    const world = await storageWorld(api);
    const deposit = await checkIn(api, world);
    const phone: string = deposit.customer.phone;
    const counter = api.as(await ctx.keyFor('customer_service'));
    const replaced = await ok(
      counter.post(`/api/v1/storage/deposits/${deposit.id}/voucher-replacements`, { phone, holderName: deposit.customer.name, idType: 'passport', idLast4: 'E777', idMatchesCustomer: true }),
    );
    expect(holds(await rowOf(deposit.id), replaced.voucherCode)).toBe(false);
    expect(await findsBy(deposit.voucherCode, phone)).toEqual({ counter: 404, search: [], portal: 404 });
    expect(await findsBy(replaced.voucherCode, phone)).toEqual({ counter: deposit.id, search: [deposit.id], portal: deposit.depositNumber });
    expect((await ok(api.get(`/api/v1/storage/deposits/${deposit.id}`), 200)).voucherMasked).toBe(`••••${replaced.voucherCode.slice(-2)}`);
    // The sealed copy is the new voucher's: a notice rendered now carries the voucher that works.
    expect(await ctx.db.transaction((tx) => getVoucherCode(tx, deposit.id))).toBe(replaced.voucherCode);
  });
});

describe('SECRET_KEY', () => {
  const injectAs = (app: App) => async (method: 'GET' | 'POST', url: string, body?: object) => {
    const res = await app.inject({ method, url, headers: { authorization: `Bearer ${ctx.adminKey}` }, ...(body ? { payload: body } : {}) });
    return { status: res.statusCode, body: res.json() };
  };
  const started = async (secretKey: string) => buildApp({ db: ctx.db, config: { ...ctx.config, secretKey }, logger: false });
  const KEY = 'k'.repeat(20) + createHash('sha256').update(String(process.pid)).digest('hex');

  it('hashes new vouchers under it: a restart with the same key finds them, another key and the database alone do not', async () => {
    const world = await storageWorld(api);
    // Made before SECRET_KEY was set: under the database's own secret, found afterwards too.
    const before = await checkIn(api, world);
    const apps: App[] = [];
    try {
      apps.push(await started(KEY));
      const made = await ok(
        injectAs(apps[0]!)('POST', '/api/v1/storage/check-ins', {
          warehouseId: world.warehouseId,
          customerPhone: phoneOf(),
          items: [{ category: 'luggage', sizeClass: 'M', description: 'Grey suitcase' }],
        }),
      );
      const voucher: string = made.voucherCode;
      const { rows } = await ctx.db.query<{ hash: string }>('SELECT voucher_hash AS hash FROM storage_deposits WHERE id = $1', [made.id]);
      expect(rows[0]!.hash).toBe(voucherHash(createHash('sha256').update(KEY).digest(), voucher));
      // What a copy of the database holds is not the key it was hashed under.
      expect(rows[0]!.hash).not.toBe(voucherHash(await databaseSecret(), voucher));
      expect(holds(await rowOf(made.id), voucher)).toBe(false);
      await apps[0]!.close();

      apps.push(await started(`${KEY}-another`));
      const other = injectAs(apps[1]!);
      expect((await other('POST', '/api/v1/storage/vouchers/lookup', { voucherCode: voucher })).status).toBe(404);
      expect((await other('POST', '/api/v1/storage/vouchers/lookup', { voucherCode: before.voucherCode })).body.id).toBe(before.id);
      await apps[1]!.close();

      // Restarted with the same key: found at the counter and on the portal; its notice carries it.
      apps.push(await started(KEY));
      const same = injectAs(apps[2]!);
      expect((await same('POST', '/api/v1/storage/vouchers/lookup', { voucherCode: voucher })).body.id).toBe(made.id);
      expect((await same('POST', '/api/v1/storage/vouchers/lookup', { voucherCode: before.voucherCode })).body.id).toBe(before.id);
      expect((await same('POST', '/api/v1/portal/storage/lookup', { phone: made.customer.phone, voucherCode: voucher })).status).toBe(200);
      await runAutomationOnce(ctx.db, { timeZone: 'Asia/Shanghai' });
      for (const d of [made, before]) {
        const sms = await ctx.db.query<{ body: string; outgoing: string }>(
          `SELECT body, outgoing_body AS outgoing FROM notification_deliveries WHERE entity_type = 'storage_deposit' AND entity_id = $1 AND channel = 'sms'`,
          [String(d.id)],
        );
        expect(sms.rows[0]!.outgoing).toContain(d.voucherCode);
        expect(sms.rows[0]!.body).not.toContain(d.voucherCode);
      }
      const out = await same('POST', '/api/v1/storage/check-outs', { voucherCode: voucher, itemCodes: [made.items[0].code], receivedBy: 'x', signature: SIGNATURE });
      expect(out.status).toBe(201);
    } finally {
      for (const app of apps) await app.close().catch(() => undefined);
      useSecretKey(ctx.config.secretKey);
    }
  });
});


describe('migration 004', () => {
  it('replaces a plaintext voucher by its hash (the same the server computes), its last 2 characters, and nothing else', async () => {
    const { db, drop } = await emptyDatabase('vouchers');
    try {
      const all = await listMigrations(MIGRATION_SOURCES);
      const at = all.findIndex((m) => m.id === 'storage/004_voucher_hashes');
      expect(at).toBeGreaterThan(0);
      await db.transaction((tx) => applyMigrations(tx, MIGRATION_SOURCES, new Set(all.slice(0, at).map((m) => m.id))));
      const phone = '+86 139 0000 0004';
      const depositId = await db.transaction(async (tx) => {
        const warehouse = await createWarehouse(tx, 'test', { code: 'OLD', name: 'Old left luggage' });
        const customer = await createCustomer(tx, 'test', { name: 'Early Customer', phone });
        const { rows } = await tx.query<{ id: number }>(
          `INSERT INTO storage_deposits (deposit_number, voucher_code, customer_id, warehouse_id, checked_in_by) VALUES ('SD000001', 'K7Q2M9X3AB', $1, $2, 'user:1') RETURNING id`,
          [customer.id, warehouse.id],
        );
        return rows[0]!.id;
      });

      expect(await db.transaction((tx) => applyMigrations(tx, MIGRATION_SOURCES))).toContain('storage/004_voucher_hashes');
      const { rows } = await db.query<{ t: string; hash: string; last2: string; sealed: Uint8Array | null }>(
        'SELECT d::text AS t, voucher_hash AS hash, voucher_last2 AS last2, voucher_sealed AS sealed FROM storage_deposits d WHERE id = $1',
        [depositId],
      );
      expect(holds(rows[0]!.t, 'K7Q2M9X3AB')).toBe(false);
      expect(rows[0]).toMatchObject({ hash: voucherHash(await databaseSecret(db), 'K7Q2M9X3AB'), last2: 'AB', sealed: null });
      const columns = await db.query<{ name: string }>(`SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'storage_deposits' AND column_name LIKE 'voucher%'`);
      expect(columns.rows.map((c) => c.name).sort()).toEqual(['voucher_hash', 'voucher_last2', 'voucher_sealed']);
      // The server finds it by the voucher, typed in any case.
      expect((await depositByVoucher(db, 'K7Q2M9X3AB')).id).toBe(depositId);
      expect((await depositByVoucher(db, 'k7q2m9x3ab')).voucherMasked).toBe('••••AB');
    } finally {
      await drop();
    }
  });
});

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
