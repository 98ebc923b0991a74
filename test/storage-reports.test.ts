import { describe, expect, it } from 'vitest';
import { startStorageAlerts } from '../src/modules/storage/alerts.js';
import { checkIn, ok, phoneOf, SIGNATURE, storageEvents, storageWorld } from './storage.fixtures.js';
import { useTestContext } from './support/context.js';

const ctx = await useTestContext();
const api = ctx.api;

describe('storage under concurrency', () => {
  it('never puts more items in a location than it holds, however many put-aways race', async () => {
    const world = await storageWorld(api); // S-SMALL holds 2 items of size S
    const d = await checkIn(api, world, { items: [1, 2, 3, 4].map((n) => ({ category: 'parcel', sizeClass: 'S', description: `Parcel ${n}` })) });
    const results = await Promise.all(
      d.items.map((i: any) => api.post(`/api/v1/storage/items/${i.code}/put-away`, { locationCode: 'S-SMALL' })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 422, 422]);
    const loc = await ok(api.get(`/api/v1/storage/locations/${world.locations['S-SMALL']}`), 200);
    expect(loc).toMatchObject({ occupancy: 2, capacity: 2, itemCapacity: 2, acceptedSizeClasses: ['S'] });
  });

  it('creates one customer for a walk-in checked in at two counters at once', async () => {
    const world = await storageWorld(api);
    const phone = phoneOf();
    const [a, b] = await Promise.all([checkIn(api, world, { customerPhone: phone }), checkIn(api, world, { customerPhone: phone })]);
    expect(a.customer.id).toBe(b.customer.id);
  });
});

describe('storage reports', () => {
  it('counts items in storage, daily flow and dwell time', async () => {
    const world = await storageWorld(api);
    const w = `warehouseId=${world.warehouseId}`;
    const d = await checkIn(api, world, {
      items: [
        { category: 'luggage', sizeClass: 'M', description: 'Bag' },
        { category: 'luggage', sizeClass: 'L', description: 'Trunk' },
        { category: 'documents', sizeClass: 'S', description: 'Folder' },
      ],
    });
    await ok(api.post(`/api/v1/storage/items/${d.items[0].code}/put-away`, { locationCode: 'S-ANY' }), 200);
    await ctx.db.query(`UPDATE storage_items SET checked_in_at = now() - interval '10 days' WHERE code = $1`, [d.items[2].code]);
    await ok(api.post('/api/v1/storage/check-outs', { voucherCode: d.voucherCode, itemCodes: [d.items[2].code], receivedBy: 'x', signature: SIGNATURE }));

    const inStorage = await ok(api.get(`/api/v1/storage/reports/items-in-storage?${w}`), 200);
    expect(inStorage).toEqual({
      total: 2,
      byWarehouse: [{ warehouseId: world.warehouseId, count: 2 }],
      byStatus: [
        { status: 'checked_in', count: 1 },
        { status: 'stored', count: 1 },
      ],
      byCategory: [{ category: 'luggage', count: 2 }],
      bySizeClass: [
        { sizeClass: 'L', count: 1 },
        { sizeClass: 'M', count: 1 },
      ],
    });

    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('sv', { timeZone: ctx.config.timeZone });
    const flow = await ok(api.get(`/api/v1/storage/reports/flow?from=${day(-10)}&to=${day(0)}&${w}`), 200);
    expect(flow.days).toHaveLength(11);
    expect(flow.days[0]).toEqual({ day: day(-10), checkedIn: 1, checkedOut: 0 });
    expect(flow.days[10]).toEqual({ day: day(0), checkedIn: 2, checkedOut: 1 });
    expect((await api.get(`/api/v1/storage/reports/flow?from=${day(0)}&to=${day(-1)}`)).body.field).toBe('querystring.to');

    const dwell = await ok(api.get(`/api/v1/storage/reports/dwell-time?${w}`), 200);
    expect(dwell.buckets.find((b: any) => b.bucket === 'under_1d')).toEqual({ bucket: 'under_1d', checkedOut: 0, inStorage: 2 });
    expect(dwell.buckets.find((b: any) => b.bucket === '7_30d')).toEqual({ bucket: '7_30d', checkedOut: 1, inStorage: 0 });
    expect(dwell.medianDaysCheckedOut).toBeCloseTo(10, 1);

    // Overdue: past the expected pick-up date, by today's clock.
    await ctx.db.query(`UPDATE storage_items SET expected_pickup_at = now() - interval '1 hour' WHERE code = $1`, [d.items[0].code]);
    const overdue = await ok(api.get(`/api/v1/storage/reports/overdue?${w}`), 200);
    expect(overdue.items).toEqual([expect.objectContaining({ code: d.items[0].code, depositNumber: d.depositNumber, reasons: ['pickup_date_passed'] })]);
  });

  it('runs the alerts on a timer until stopped', async () => {
    const world = await storageWorld(api);
    const d = await checkIn(api, world, { expectedPickupAt: new Date(Date.now() - 60_000).toISOString() });
    const alerts = startStorageAlerts(ctx.db, { intervalMs: 50 });
    const deadline = Date.now() + 20_000; // a wait for the first tick's work, not a timing check
    let overdue: unknown[] = [];
    while (Date.now() < deadline && overdue.length === 0) {
      await new Promise((r) => setTimeout(r, 50));
      overdue = (await storageEvents(ctx, d.items[0].code, 'storage_item')).filter((e) => e.type === 'storage_item.overdue');
    }
    await alerts.stop();
    expect(overdue).toHaveLength(1);
  });
});
