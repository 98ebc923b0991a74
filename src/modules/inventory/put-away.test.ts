import { beforeAll, describe, expect, it } from 'vitest';
import { useTestContext } from '../../../test/support/context.js';
import { rankPutAway, type PutAwayCandidate } from './put-away.js';

const bin = (code: string, over: Partial<PutAwayCandidate> = {}): PutAwayCandidate => ({
  locationId: code.charCodeAt(0) * 100 + Number(code.slice(-2)),
  code,
  type: 'storage',
  parentId: null,
  pickSequence: 0,
  capacity: null,
  occupancy: 0,
  sameLot: 0,
  sameSku: 0,
  ...over,
});

describe('rankPutAway', () => {
  it('prefers the same SKU and lot, then the same SKU, then empty bins near it; never a bin of other products', () => {
    const ranked = rankPutAway(
      [
        bin('E-01', { pickSequence: 1 }),
        bin('E-09', { pickSequence: 9 }),
        bin('E-11', { pickSequence: 11, parentId: 7 }),
        bin('S-01', { pickSequence: 10, parentId: 7, occupancy: 3, sameSku: 3 }),
        bin('L-01', { pickSequence: 30, occupancy: 2, sameLot: 2 }),
        bin('L-02', { pickSequence: 20, occupancy: 8, sameLot: 8 }),
        bin('O-01', { pickSequence: 10, occupancy: 5 }),
      ],
      4,
      10,
    );
    expect(ranked.map((s) => [s.locationCode, s.reason])).toEqual([
      ['L-02', 'same_sku_lot'],
      ['L-01', 'same_sku_lot'],
      ['S-01', 'same_sku'],
      // Near L-02 (the fullest bin of the lot, walk position 20): E-11 is 9 away, E-09 11, E-01 19.
      ['E-11', 'empty_near'],
      ['E-09', 'empty_near'],
      ['E-01', 'empty_near'],
    ]);
  });

  it('respects capacity, and keeps empty bins in the anchor rack first', () => {
    const ranked = rankPutAway(
      [
        bin('L-01', { capacity: 10, occupancy: 8, sameLot: 8, parentId: 2, pickSequence: 5 }),
        bin('E-01', { capacity: 3, pickSequence: 5 }),
        bin('E-02', { capacity: 4, pickSequence: 50, parentId: 2 }),
        bin('E-03', { pickSequence: 6 }),
      ],
      4,
    );
    expect(ranked.map((s) => [s.locationCode, s.free])).toEqual([
      ['E-02', 4],
      ['E-03', null],
    ]);
    // Without any bin of the SKU, the front of the walk first.
    expect(rankPutAway([bin('E-05', { pickSequence: 5 }), bin('E-02', { pickSequence: 2 })], 1).map((s) => s.locationCode)).toEqual(['E-02', 'E-05']);
    expect(rankPutAway([bin('O-01', { occupancy: 1 })], 1)).toEqual([]);
  });
});

const ctx = await useTestContext();
const api = ctx.api;
let wh: number;

beforeAll(async () => {
  wh = (await api.post('/api/v1/warehouses', { code: 'PUT', name: 'Put-away tests' })).body.id;
  const aisle = (await api.post(`/api/v1/warehouses/${wh}/locations`, { code: 'AISLE-A', level: 'aisle', type: 'storage' })).body.id;
  for (const [code, type, pickSequence, capacity, parentId] of [
    ['DOCK', 'receiving', 0, null, null],
    ['A-01', 'storage', 10, 5, aisle],
    ['A-02', 'storage', 20, null, aisle],
    ['A-03', 'storage', 30, null, aisle],
    ['B-01', 'picking', 5, null, null],
    ['B-02', 'storage', 90, null, null],
  ] as const) {
    const res = await api.post(`/api/v1/warehouses/${wh}/locations`, { code, level: 'bin', type, pickSequence, capacity, parentId });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  await api.post('/api/v1/products', { sku: 'PUT-TEA', name: '龙井茶', barcodes: ['6900000000017'] });
  await api.post('/api/v1/products', { sku: 'PUT-OTHER', name: 'Other' });
});

const receive = async (sku: string, locationCode: string, quantity: number, lot?: string) =>
  expect((await api.post('/api/v1/stock/receipts', { sku, warehouseId: wh, locationCode, quantity, lot })).status).toBe(201);

describe('put-away over HTTP', () => {
  it('lists what is on the dock, suggests a bin, and the move puts it there', async () => {
    await receive('PUT-TEA', 'A-01', 4, 'L1');
    await receive('PUT-OTHER', 'B-01', 1);
    await receive('PUT-TEA', 'DOCK', 6, 'L1');
    await receive('PUT-OTHER', 'DOCK', 2);

    const dock = await api.get(`/api/v1/stock/levels?warehouseId=${wh}&locationCode=DOCK`);
    expect(dock.status).toBe(200);
    expect(dock.body.items.map((l: any) => [l.sku, l.lot, l.onHand])).toEqual([
      ['PUT-TEA', 'L1', 6],
      ['PUT-OTHER', '', 2],
    ]);
    const docks = await api.get(`/api/v1/stock/levels?warehouseId=${wh}&locationType=receiving`);
    expect(docks.body.items).toHaveLength(2);
    expect((await api.get(`/api/v1/stock/levels?locationCode=DOCK`)).body.field).toBe('querystring.warehouseId');
    expect((await api.get(`/api/v1/stock/levels?warehouseId=${wh}&locationCode=NOPE`)).body).toMatchObject({ status: 422, field: 'querystring.locationCode' });

    // A-01 holds the lot but has room for 1 more only: the empty bins of its aisle, nearest first.
    const res = await api.get(`/api/v1/stock/put-away/suggestion?warehouseId=${wh}&code=6900000000017&fromLocationCode=DOCK`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ sku: 'PUT-TEA', lot: 'L1', quantity: 6, from: { locationCode: 'DOCK', available: 6 } });
    expect(res.body.suggestion).toMatchObject({ locationCode: 'A-02', reason: 'empty_near', holds: 0, free: null });
    expect(res.body.alternatives.map((s: any) => s.locationCode)).toEqual(['A-03', 'B-02']);
    // One unit fits where the lot already is.
    const one = await api.get(`/api/v1/stock/put-away/suggestion?warehouseId=${wh}&code=PUT-TEA&fromLocationCode=DOCK&quantity=1`);
    expect(one.body.suggestion).toMatchObject({ locationCode: 'A-01', reason: 'same_sku_lot', holds: 4, free: 1 });

    const moved = await api.post('/api/v1/stock/moves', {
      sku: 'PUT-TEA',
      warehouseId: wh,
      fromLocationCode: 'DOCK',
      toLocationCode: res.body.suggestion.locationCode,
      quantity: 6,
      lot: 'L1',
    });
    expect(moved.status).toBe(201);
    // Now a later receipt of the same lot goes next to it.
    const next = await api.get(`/api/v1/stock/put-away/suggestion?warehouseId=${wh}&code=PUT-TEA&lot=L1&quantity=10`);
    expect(next.body).toMatchObject({ from: null, suggestion: { locationCode: 'A-02', reason: 'same_sku_lot', holds: 6 } });
  });

  it('answers unknown products and locations with a 422 naming the query field', async () => {
    const q = (s: string) => api.get(`/api/v1/stock/put-away/suggestion?warehouseId=${wh}&${s}`);
    expect((await q('code=NOPE')).body).toMatchObject({ status: 422, field: 'querystring.code' });
    expect((await q('code=PUT-TEA&fromLocationCode=NOPE')).body).toMatchObject({ status: 422, field: 'querystring.fromLocationCode' });
    expect((await api.get('/api/v1/stock/put-away/suggestion?warehouseId=99999999&code=PUT-TEA')).body).toMatchObject({ status: 422, field: 'querystring.warehouseId' });
    expect((await q('code=PUT-TEA&quantity=0')).status).toBe(400);
  });
});
