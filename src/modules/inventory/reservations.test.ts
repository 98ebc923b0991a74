import { beforeAll, describe, expect, it } from 'vitest';
import { useTestContext } from '../../../test/support/context.js';
import { isHealthy, runDoctor } from './doctor.js';
import { allocate, pickAllocation, releaseReservation, reserve, shipReservation, type Allocation } from './reservations.js';

const ctx = await useTestContext();

let wh: number;
const at: Record<string, number> = {};

async function product(sku: string) {
  const res = await ctx.api.post('/api/v1/products', { sku, name: `Product ${sku}` });
  expect(res.status).toBe(201);
  return res.body.id as number;
}

async function receive(sku: string, code: string, quantity: number, extra: Record<string, unknown> = {}) {
  const res = await ctx.api.post('/api/v1/stock/receipts', { sku, warehouseId: wh, locationCode: code, quantity, ...extra });
  expect(res.status).toBe(201);
  return res.body;
}

/** Reserves and allocates in one transaction, as the orders module does when it confirms a line. */
async function reserveAndAllocate(productId: number, quantity: number, refId: string) {
  return ctx.db.transaction(async (tx) => {
    const r = await reserve(tx, 'user:1', { productId, warehouseId: wh, quantity, refType: 'test', refId });
    if (!r) throw new Error('not enough stock to reserve');
    return { reservation: r, ...(await allocate(tx, r.id)) };
  });
}

const picks = (allocations: Allocation[]) => allocations.map((a) => [a.locationCode, a.lot, a.expiresOn, a.quantity]);

beforeAll(async () => {
  wh = (await ctx.api.post('/api/v1/warehouses', { code: 'FEFO', name: 'FEFO' })).body.id;
  for (const [code, type] of [['RECV', 'receiving'], ['S1', 'storage'], ['S2', 'storage'], ['SHIP', 'shipping']] as const) {
    at[code] = (await ctx.api.post(`/api/v1/warehouses/${wh}/locations`, { code, level: 'bin', type })).body.id;
  }
});

describe('allocation order', () => {
  it('allocates the earliest expiry first (FEFO), even when it arrived later', async () => {
    const id = await product('FEFO-1');
    await receive('FEFO-1', 'S1', 10, { lot: 'LATE', expiresOn: '2027-12-31' });
    await receive('FEFO-1', 'S2', 10, { lot: 'EARLY', expiresOn: '2027-06-30' });
    const first = await reserveAndAllocate(id, 4, 'fefo-a');
    expect(picks(first.allocations)).toEqual([['S2', 'EARLY', '2027-06-30', 4]]);
    expect(first.unallocated).toBe(0);
    const second = await reserveAndAllocate(id, 8, 'fefo-b');
    expect(picks(second.allocations)).toEqual([
      ['S1', 'LATE', '2027-12-31', 2],
      ['S2', 'EARLY', '2027-06-30', 6],
    ]); // in walking order; EARLY exhausted before LATE is touched
  });

  it('without expiry, allocates the oldest receipt first (FIFO), not the first bin in walking order', async () => {
    const id = await product('FIFO-1');
    await receive('FIFO-1', 'S2', 10);
    await receive('FIFO-1', 'S1', 10);
    const { allocations } = await reserveAndAllocate(id, 4, 'fifo-a');
    expect(picks(allocations)).toEqual([['S2', '', null, 4]]);
  });

  it('keeps the age of units through put-away, so FIFO still holds after a move', async () => {
    const id = await product('FIFO-2');
    await receive('FIFO-2', 'RECV', 10); // older, still on the dock
    await receive('FIFO-2', 'S1', 10); // newer, straight into a bin
    expect((await ctx.api.post('/api/v1/stock/moves', { sku: 'FIFO-2', warehouseId: wh, fromLocationCode: 'RECV', toLocationCode: 'S2', quantity: 10 })).status).toBe(201);
    const { allocations } = await reserveAndAllocate(id, 4, 'fifo-b');
    expect(picks(allocations)).toEqual([['S2', '', null, 4]]);
  });

  it('leaves what is not in a storage or picking location unallocated, and keeps the earliest expiry when units merge', async () => {
    const id = await product('DOCK-1');
    await receive('DOCK-1', 'RECV', 5, { expiresOn: '2027-12-31' });
    await receive('DOCK-1', 'RECV', 5, { expiresOn: '2027-01-31' });
    const level = (await ctx.api.get(`/api/v1/stock/levels?sku=DOCK-1`)).body.items;
    expect(level).toEqual([expect.objectContaining({ onHand: 10, expiresOn: '2027-01-31' })]);
    const { allocations, unallocated } = await reserveAndAllocate(id, 3, 'dock-a');
    expect(allocations).toEqual([]);
    expect(unallocated).toBe(3);
  });
});

describe('reservation lifecycle', () => {
  it('reserves, allocates, picks short, ships and releases, each with its event, the doctor healthy throughout', async () => {
    const id = await product('LIFE-1');
    await receive('LIFE-1', 'S1', 10, { lot: 'A' });
    const { reservation, allocations } = await reserveAndAllocate(id, 6, 'life-1');
    const other = await reserveAndAllocate(id, 2, 'life-2');
    const availability = async () => (await ctx.api.get('/api/v1/stock/availability?sku=LIFE-1')).body.items[0].total;
    expect(await availability()).toMatchObject({ onHand: 10, reserved: 8, available: 2 });

    // Pick 5 of 6: one short, given back to the warehouse.
    const { short } = await ctx.db.transaction((tx) => pickAllocation(tx, 'user:2', allocations[0]!.id, 5, 'ORDER-1'));
    expect(short).toBe(1);
    expect(await availability()).toMatchObject({ onHand: 10, reserved: 7, available: 3 });
    const ship = (await ctx.api.get(`/api/v1/stock/levels?sku=LIFE-1&locationId=${at.SHIP}`)).body.items[0];
    expect(ship).toMatchObject({ onHand: 5, reserved: 5, lot: 'A' });
    expect(isHealthy(await runDoctor(ctx.db))).toBe(true);

    const shipped = await ctx.db.transaction((tx) => shipReservation(tx, 'user:2', reservation.id, 'ORDER-1'));
    expect(shipped).toBe(5);
    expect(await availability()).toMatchObject({ onHand: 5, reserved: 2, available: 3 });
    const ledger = (await ctx.api.get('/api/v1/stock/ledger?reference=ORDER-1')).body.items;
    expect(ledger.map((l: { locationCode: string; quantity: number; movement: string }) => [l.locationCode, l.quantity, l.movement])).toEqual([
      ['SHIP', -5, 'ship'],
      ['S1', -5, 'pick'],
      ['SHIP', 5, 'pick'],
    ]);

    expect(await ctx.db.transaction((tx) => releaseReservation(tx, 'user:3', other.reservation.id))).toBe(2);
    expect(await availability()).toMatchObject({ onHand: 5, reserved: 0, available: 5 });
    expect(isHealthy(await runDoctor(ctx.db))).toBe(true);

    const { rows } = await ctx.db.query<{ type: string; actor: string; payload: Record<string, unknown> }>(
      `SELECT type, actor, payload FROM events WHERE entity_type = 'product' AND entity_id = $1 AND type LIKE 'stock.%' ORDER BY id`,
      [String(id)],
    );
    expect(rows.map((e) => e.type)).toEqual([
      'stock.received',
      'stock.reserved',
      'stock.allocated',
      'stock.reserved',
      'stock.allocated',
      'stock.picked',
      'stock.shipped',
      'stock.released',
    ]);
    expect(rows[5]!.payload).toMatchObject({ reservationId: reservation.id, refType: 'test', refId: 'life-1', quantity: 5, short: 1, reference: 'ORDER-1' });
    expect(rows[6]!.payload).toMatchObject({ reservationId: reservation.id, quantity: 5 });
    expect(rows[7]).toMatchObject({ actor: 'user:3', payload: { refId: 'life-2', quantity: 2 } });
  });

  it('refuses a second reservation for the same reference without holding anything', async () => {
    const id = await product('DUPREF-1');
    await receive('DUPREF-1', 'S1', 10);
    await reserveAndAllocate(id, 3, 'dup');
    const balance = async () => (await ctx.db.query('SELECT reserved FROM stock_balances WHERE product_id = $1', [id])).rows[0];
    // A caller that catches the Conflict and carries on in the same transaction leaves nothing behind.
    await ctx.db.transaction(async (tx) => {
      await expect(reserve(tx, 'user:1', { productId: id, warehouseId: wh, quantity: 2, refType: 'test', refId: 'dup' })).rejects.toMatchObject({ status: 409 });
    });
    expect(await balance()).toEqual({ reserved: 3 });
    // Not enough stock: undefined, and nothing held either.
    const none = await ctx.db.transaction((tx) => reserve(tx, 'user:1', { productId: id, warehouseId: wh, quantity: 8, refType: 'test', refId: 'too-much' }));
    expect(none).toBeUndefined();
    expect(await balance()).toEqual({ reserved: 3 });
    expect((await ctx.db.query(`SELECT 1 FROM reservations WHERE ref_id = 'too-much'`)).rowCount).toBe(0);
    expect(isHealthy(await runDoctor(ctx.db))).toBe(true);
  });
});
