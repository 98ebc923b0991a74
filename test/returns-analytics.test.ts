/**
 * Return analytics on a database of its own, so every number is known: return rates by period,
 * SKU, category and supplier; reasons, grades, dispositions, stage times and the promise kept.
 */
import { describe, expect, it } from 'vitest';
import { useTestContext } from './support/context.js';
import { fulfil, receive } from './orders.fixtures.js';
import { createReturnsWorld, FULL_CHECKLIST, ok } from './returns.fixtures.js';

const ctx = await useTestContext();
const api = ctx.api;

describe('return analytics', () => {
  it('computes rates, reasons, grades, stage times and the share resolved within the promise', async () => {
    const world = await createReturnsWorld(api);
    const shoe = await ok(api.post('/api/v1/products', { sku: 'AN-SHOE', name: 'Shoe', unitPrice: 30, category: 'shoes', customFields: { supplier: 'ACME' } }));
    const cap = await ok(api.post('/api/v1/products', { sku: 'AN-CAP', name: 'Cap', unitPrice: 10 }));
    await receive(api, world, { sku: 'AN-SHOE', quantity: 10 });
    await receive(api, world, { sku: 'AN-CAP', quantity: 10 });
    const order = await ok(api.post('/api/v1/orders', { customerId: world.customerId, channel: 'web', warehouseId: world.warehouseId, lines: [{ sku: 'AN-SHOE', quantity: 4 }, { sku: 'AN-CAP', quantity: 2 }] }));
    await fulfil(api, order.id, 'AN-TRACK-1');

    const ret = await ok(api.post('/api/v1/returns', { orderId: order.id, type: 'return', reasonCode: 'wrong_size', lines: [{ sku: 'AN-SHOE', quantity: 1 }] }));
    await ok(api.post(`/api/v1/returns/${ret.id}/receive`, { scans: [{ code: 'AN-SHOE' }] }), 200);
    await ok(api.post(`/api/v1/returns/${ret.id}/inspect`, { lines: [{ returnLineId: ret.lines[0].id, grades: { B: 1 }, checklist: FULL_CHECKLIST }] }), 200);
    await ok(api.post(`/api/v1/returns/${ret.id}/dispose`, {}), 200);
    await ok(api.post(`/api/v1/returns/${ret.id}/resolve`, {}), 200);
    await ok(api.post('/api/v1/returns', { orderId: order.id, type: 'exchange', reasonCode: 'wrong_size', lines: [{ sku: 'AN-CAP', quantity: 1 }] }));
    const comp = await ok(api.post('/api/v1/returns', { orderId: order.id, type: 'compensation', reasonCode: 'late_delivery', requestedAmount: 5, lines: [{ sku: 'AN-CAP', quantity: 1 }] }));
    await ok(api.post(`/api/v1/returns/${comp.id}/resolve`, {}), 200);

    const rate = async (by: string) => (await ok(api.get(`/api/v1/returns/analytics/return-rate?by=${by}`), 200)).items;
    expect(await rate('sku')).toEqual([
      { key: 'AN-CAP', shippedUnits: 2, returnedUnits: 1, rate: 0.5 },
      { key: 'AN-SHOE', shippedUnits: 4, returnedUnits: 1, rate: 0.25 },
    ]);
    expect(await rate('category')).toEqual([
      { key: '(none)', shippedUnits: 2, returnedUnits: 1, rate: 0.5 },
      { key: 'shoes', shippedUnits: 4, returnedUnits: 1, rate: 0.25 },
    ]);
    expect((await rate('supplier')).find((r: any) => r.key === 'ACME')).toEqual({ key: 'ACME', shippedUnits: 4, returnedUnits: 1, rate: 0.25 });
    const periods = await rate('period');
    expect(periods).toHaveLength(1);
    expect(periods[0]).toMatchObject({ key: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), shippedUnits: 6, returnedUnits: 2, rate: 0.3333 });
    const empty = await ok(api.get('/api/v1/returns/analytics/return-rate?from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z'), 200);
    expect(empty.items).toEqual([]);
    const backwards = await api.get('/api/v1/returns/analytics/return-rate?from=2021-01-01T00:00:00Z&to=2020-02-01T00:00:00Z');
    expect(backwards.status).toBe(422);

    const summary = await ok(api.get('/api/v1/returns/analytics/summary'), 200);
    expect(summary.requests).toBe(3);
    expect(summary.byType).toEqual(expect.arrayContaining([{ type: 'return', requests: 1 }, { type: 'exchange', requests: 1 }, { type: 'compensation', requests: 1 }]));
    expect(summary.topReasons[0]).toEqual({ code: 'wrong_size', labelEn: 'Wrong size or fit', labelZh: '尺码不合适', requests: 2, units: 2 });
    expect(summary.grades).toEqual([{ grade: 'B', units: 1 }]);
    expect(summary.dispositions).toEqual([{ disposition: 'restock_open_box', units: 1 }]);
    for (const stage of ['approval', 'receipt', 'inspection', 'resolution', 'total'] as const) {
      expect(summary.stageHours[stage], stage).toBeGreaterThanOrEqual(0);
      expect(summary.stageHours[stage], stage).toBeLessThan(1);
    }
    expect(summary.promise).toEqual({ promiseDays: 14, resolved: 2, resolvedWithinPromise: 2, share: 1, openOverdue: 0 });
  });
});
