import { describe, expect, it } from 'vitest';
import { raiseStorageAlerts } from '../src/modules/storage/alerts.js';
import { checkIn, expectProblem, ok, SIGNATURE, storageEvents, storageWorld } from './storage.fixtures.js';
import { useTestContext } from './support/context.js';

const ctx = await useTestContext();
const api = ctx.api;

/** Moves an item's check-in back in time, as if it had been stored that long. */
async function storedFor(code: string, minutes: number) {
  await ctx.db.query(`UPDATE storage_items SET checked_in_at = now() - make_interval(mins => $2) WHERE code = $1`, [code, minutes]);
}

describe('storage fees', () => {
  it('charges by the tariff of check-in, across the grace period, the minimum and the cap', async () => {
    const world = await storageWorld(api);
    const tariff = await ok(
      api.post('/api/v1/storage/tariffs', { sizeClass: 'S', category: 'parcel', unit: 'hour', rate: 500, graceMinutes: 15, minimumCharge: 800, cap: 3000 }),
    );
    expect(tariff).toMatchObject({ sizeClass: 'S', category: 'parcel', unit: 'hour', rate: 500, graceMinutes: 15, minimumCharge: 800, cap: 3000, currency: 'CNY' });
    expectProblem(await api.post('/api/v1/storage/tariffs', { sizeClass: 'S', category: 'parcel', unit: 'day', rate: 1 }), 409);
    expectProblem(await api.post('/api/v1/storage/tariffs', { category: 'parcel2', unit: 'day', rate: 1, minimumCharge: 500, cap: 100 }), 422, 'cap');
    const operator = api.as(await ctx.keyFor('warehouse_operator'));
    expectProblem(await operator.post('/api/v1/storage/tariffs', { category: 'parcel3', unit: 'day', rate: 1 }), 403);

    const parcel = { category: 'parcel', sizeClass: 'S' };
    const d = await checkIn(api, world, {
      items: ['in grace', 'minimum', 'two hours', 'capped'].map((description) => ({ ...parcel, description })),
    });
    const [grace, minimum, twoHours, capped] = d.items.map((i: any) => i.code as string);
    await storedFor(grace!, 10);
    await storedFor(minimum!, 20); // one started hour = 500, raised to the minimum 800
    await storedFor(twoHours!, 61); // two started hours = 1000
    await storedFor(capped!, 3 * 24 * 60); // 72 hours = 36 000, capped at 3000

    // A tariff changed after check-in does not change what stored items cost.
    await ok(api.patch(`/api/v1/storage/tariffs/${tariff.id}`, { rate: 9999 }), 200);

    const due = await ok(api.get(`/api/v1/storage/deposits/${d.id}`), 200);
    expect(due.items.map((i: any) => i.fee)).toEqual([0, 800, 1000, 3000].map((amount) => ({ amount, currency: 'CNY', settled: false })));
    expect(due.feeDue).toBe(4800);

    const handover = await ok(api.post('/api/v1/storage/check-outs', { voucherCode: d.voucherCode, itemCodes: [grace, minimum, twoHours, capped], receivedBy: 'Zhang Min', signature: SIGNATURE }));
    expect(handover.items).toEqual([
      { code: grace, fee: 0 },
      { code: minimum, fee: 800 },
      { code: twoHours, fee: 1000 },
      { code: capped, fee: 3000 },
    ]);
    expect([handover.feeTotal, handover.depositStatus]).toEqual([4800, 'closed']);
    const settled = await ok(api.get(`/api/v1/storage/deposits/${d.id}`), 200);
    expect([settled.feeCharged, settled.feeDue]).toEqual([4800, 0]);
    const closed = (await storageEvents(ctx, d.id, 'storage_deposit')).at(-1);
    expect(closed).toMatchObject({ type: 'storage_deposit.closed', payload: { feeTotal: 4800, currency: 'CNY' } });
    const today = new Date().toISOString().slice(0, 10);
    const revenue = await ok(api.get(`/api/v1/storage/reports/fee-revenue?from=2020-01-01&to=2020-12-31&warehouseId=${world.warehouseId}`), 200);
    expect(revenue.totals).toEqual([]);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const now = await ok(api.get(`/api/v1/storage/reports/fee-revenue?from=${yesterday}&to=${tomorrow}&warehouseId=${world.warehouseId}`), 200);
    expect(now.totals).toEqual([{ currency: 'CNY', amount: 4800 }]);
    expect(today).toBeTruthy();
  });

  it('hands an item over exactly once when two hand-overs race', async () => {
    const world = await storageWorld(api);
    const d = await checkIn(api, world);
    const code = d.items[0].code;
    await ok(api.post(`/api/v1/storage/items/${code}/put-away`, { locationCode: 'S-ANY' }), 200);
    const body = { voucherCode: d.voucherCode, itemCodes: [code], receivedBy: 'Zhang Min', signature: SIGNATURE };
    const results = await Promise.all([api.post('/api/v1/storage/check-outs', body), api.post('/api/v1/storage/check-outs', body)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const refused = results.find((r) => r.status === 409)!;
    expect(refused.body.currentState).toBe('checked_out');
    const { rows } = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM storage_handovers WHERE deposit_id = $1', [d.id]);
    expect(rows[0]!.n).toBe(1);
    expect((await storageEvents(ctx, code, 'storage_item')).filter((e) => e.type === 'storage_item.checked_out')).toHaveLength(1);
  });
});

describe('overdue alerts', () => {
  it('raises storage_item.overdue once per item and reason, even from two runs at once', async () => {
    const world = await storageWorld(api);
    const d = await checkIn(api, world, {
      expectedPickupAt: new Date(Date.now() + 3_600_000).toISOString(),
      items: [
        { category: 'luggage', sizeClass: 'M', description: 'Late bag' },
        { category: 'luggage', sizeClass: 'M', description: 'Collected bag' },
      ],
    });
    const [late, collected] = d.items.map((i: any) => i.code as string);
    await ok(api.post('/api/v1/storage/check-outs', { voucherCode: d.voucherCode, itemCodes: [collected], receivedBy: 'Zhang Min', signature: SIGNATURE }));
    expect(await raiseStorageAlerts(ctx.db)).toBeGreaterThanOrEqual(0);
    expect((await storageEvents(ctx, late!, 'storage_item')).filter((e) => e.type === 'storage_item.overdue')).toHaveLength(0);

    const later = new Date(Date.now() + 2 * 3_600_000);
    await Promise.all([raiseStorageAlerts(ctx.db, later), raiseStorageAlerts(ctx.db, later)]);
    await raiseStorageAlerts(ctx.db, later);
    let overdue = (await storageEvents(ctx, late!, 'storage_item')).filter((e) => e.type === 'storage_item.overdue');
    expect(overdue).toHaveLength(1);
    expect(overdue[0]).toMatchObject({
      customerId: d.customer.id,
      actor: 'system:storage-alerts',
      payload: { reason: 'pickup_date_passed', code: late, depositNumber: d.depositNumber, description: 'Late bag', warehouse: { id: world.warehouseId } },
    });
    expect((await storageEvents(ctx, collected!, 'storage_item')).filter((e) => e.type === 'storage_item.overdue')).toHaveLength(0);

    await ok(api.put('/api/v1/storage/settings', { maxStorageDays: 30 }), 200);
    await raiseStorageAlerts(ctx.db, new Date(Date.now() + 31 * 86_400_000));
    overdue = (await storageEvents(ctx, late!, 'storage_item')).filter((e) => e.type === 'storage_item.overdue');
    expect(overdue.map((e) => e.payload.reason)).toEqual(['pickup_date_passed', 'max_period_exceeded']);
    const report = await ok(api.get(`/api/v1/storage/reports/overdue?warehouseId=${world.warehouseId}`), 200);
    expect(report.items).toEqual([]); // not yet, by today's clock
    await ok(api.put('/api/v1/storage/settings', { maxStorageDays: null }), 200);
  });
});
