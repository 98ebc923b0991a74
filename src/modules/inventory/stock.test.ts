import { beforeAll, describe, expect, it } from 'vitest';
import { useTestContext } from '../../../test/support/context.js';
import { allocate, reserve } from './reservations.js';

const ctx = await useTestContext();

type Loc = { id: number; code: string };
let wh: number;
const at: Record<string, Loc> = {};

async function location(code: string, type: string, extra: Record<string, unknown> = {}) {
  const res = await ctx.api.post(`/api/v1/warehouses/${wh}/locations`, { code, level: 'bin', type, ...extra });
  expect(res.status).toBe(201);
  at[code] = res.body;
  return res.body as Loc;
}

async function product(sku: string, barcodes: string[] = []) {
  const res = await ctx.api.post('/api/v1/products', { sku, name: `Product ${sku}`, barcodes });
  expect(res.status).toBe(201);
  return res.body as { id: number; sku: string };
}

const receive = (body: Record<string, unknown>) => ctx.api.post('/api/v1/stock/receipts', body);

/** Everything a refused command must leave as it was. */
async function state() {
  const q = async (sql: string) => (await ctx.db.query(sql)).rows;
  return {
    levels: await q('SELECT id, product_id, location_id, lot, status, owner_id, on_hand, reserved, expires_on FROM stock_levels ORDER BY id'),
    balances: await q('SELECT * FROM stock_balances ORDER BY product_id, warehouse_id'),
    ledger: await q('SELECT count(*)::int AS n, max(id) AS last FROM stock_ledger'),
    events: await q('SELECT count(*)::int AS n FROM events'),
    reservations: await q('SELECT id, quantity FROM reservations ORDER BY id'),
  };
}

async function events(type: string, productId: number) {
  return (
    await ctx.db.query<{ payload: Record<string, unknown>; actor: string }>(
      `SELECT payload, actor FROM events WHERE type = $1 AND entity_type = 'product' AND entity_id = $2 ORDER BY id`,
      [type, String(productId)],
    )
  ).rows;
}

async function availability(sku: string) {
  const res = await ctx.api.get(`/api/v1/stock/availability?sku=${encodeURIComponent(sku)}`);
  expect(res.status).toBe(200);
  const w = res.body.items[0].warehouses.find((x: { warehouseId: number }) => x.warehouseId === wh);
  return w as { onHand: number; reserved: number; quarantined: number; available: number; safetyStock: number | null } | undefined;
}

async function level(sku: string, locationId: number, extra = '') {
  const res = await ctx.api.get(`/api/v1/stock/levels?sku=${sku}&locationId=${locationId}${extra}`);
  expect(res.status).toBe(200);
  return res.body.items as Array<Record<string, unknown>>;
}

beforeAll(async () => {
  wh = (await ctx.api.post('/api/v1/warehouses', { code: 'STK', name: 'Stock tests' })).body.id;
  await location('RECV', 'receiving');
  await location('B1', 'storage', { capacity: 50 });
  await location('B2', 'storage');
  await location('B3', 'picking');
  await location('QUAR', 'quarantine');
  await location('SHIP', 'shipping');
  await location('OFF', 'storage');
  await ctx.api.patch(`/api/v1/locations/${at.OFF!.id}`, { active: false });
});

describe('receiving', () => {
  it('receives a lot with expiry by barcode and scanned location code: levels, availability, ledger, event', async () => {
    const p = await product('MILK-1', ['6901234567892']);
    const res = await receive({ sku: '6901234567892', warehouseId: wh, locationCode: 'B2', quantity: 24, lot: 'L-2026-01', expiresOn: '2027-03-01', reference: 'PO-1001' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      productId: p.id,
      sku: 'MILK-1',
      warehouseId: wh,
      locationId: at.B2!.id,
      locationCode: 'B2',
      lot: 'L-2026-01',
      expiresOn: '2027-03-01',
      ownerId: 0,
      status: 'available',
      onHand: 24,
      reserved: 0,
      available: 24,
    });

    const rows = await level('MILK-1', at.B2!.id);
    expect(rows).toEqual([expect.objectContaining({ onHand: 24, reserved: 0, available: 24, lot: 'L-2026-01', expiresOn: '2027-03-01', locationCode: 'B2' })]);
    expect(await availability('MILK-1')).toEqual({ warehouseId: wh, warehouseCode: 'STK', onHand: 24, reserved: 0, quarantined: 0, available: 24, safetyStock: null });

    const ledger = await ctx.api.get('/api/v1/stock/ledger?sku=MILK-1');
    expect(ledger.body.items).toEqual([
      expect.objectContaining({ sku: 'MILK-1', quantity: 24, movement: 'receipt', reference: 'PO-1001', locationCode: 'B2', lot: 'L-2026-01', status: 'available', actor: expect.stringMatching(/^api_key:/) }),
    ]);
    const [ev] = await events('stock.received', p.id);
    expect(ev!.payload).toMatchObject({ productId: p.id, warehouseId: wh, locationId: at.B2!.id, locationCode: 'B2', quantity: 24, lot: 'L-2026-01', expiresOn: '2027-03-01', reference: 'PO-1001', status: 'available' });
  });

  it('receives into a quarantine location as quarantined: on hand but not available to promise', async () => {
    await product('Q-1');
    const res = await receive({ sku: 'Q-1', locationId: at.QUAR!.id, quantity: 5 });
    expect(res.body).toMatchObject({ status: 'quarantine', onHand: 5, available: 0 });
    expect(await availability('Q-1')).toMatchObject({ onHand: 5, quarantined: 5, available: 0 });
  });

  it('is idempotent with an Idempotency-Key: a retried scan receives once', async () => {
    await product('IDEM-1');
    const headers = { 'idempotency-key': 'receipt-abc' };
    const body = { sku: 'IDEM-1', locationId: at.B2!.id, quantity: 3 };
    const a = await receive(body);
    expect(a.status).toBe(201);
    const b = await ctx.api.post('/api/v1/stock/receipts', body, { headers });
    const c = await ctx.api.post('/api/v1/stock/receipts', body, { headers });
    expect(c.status).toBe(201);
    expect(c.headers['idempotent-replayed']).toBe('true');
    expect(c.body).toEqual(b.body);
    expect((await availability('IDEM-1'))!.onHand).toBe(6);
  });

  it('enforces capacity on receipt and on move (409 naming the state), changing nothing', async () => {
    await product('CAP-1');
    expect((await receive({ sku: 'CAP-1', locationId: at.B1!.id, quantity: 45 })).status).toBe(201);
    const before = await state();
    const over = await receive({ sku: 'CAP-1', locationId: at.B1!.id, quantity: 6 });
    expect(over.status).toBe(409);
    expect(over.body.currentState).toBe('full');
    expect(over.body.detail).toContain('45 of 50');
    expect(await state()).toEqual(before);
    expect((await receive({ sku: 'CAP-1', locationId: at.B2!.id, quantity: 10 })).status).toBe(201);
    const mid = await state();
    const move = await ctx.api.post('/api/v1/stock/moves', { sku: 'CAP-1', fromLocationId: at.B2!.id, toLocationId: at.B1!.id, quantity: 6 });
    expect(move.status).toBe(409);
    expect(move.body.currentState).toBe('full');
    expect(await state()).toEqual(mid);
    // Exactly full is fine.
    expect((await ctx.api.post('/api/v1/stock/moves', { sku: 'CAP-1', fromLocationId: at.B2!.id, toLocationId: at.B1!.id, quantity: 5 })).status).toBe(201);
    expect((await ctx.api.get(`/api/v1/locations/${at.B1!.id}`)).body.occupancy).toBe(50);
  });

  it('never overfills a bin under concurrent receipts, nor sells the last unit twice', async () => {
    await product('CONC-1');
    const bin = await location('CONC', 'storage', { capacity: 10 });
    const receipts = await Promise.all(Array.from({ length: 20 }, () => receive({ sku: 'CONC-1', locationId: bin.id, quantity: 1 })));
    expect(receipts.map((r) => r.status).sort()).toEqual([...Array(10).fill(201), ...Array(10).fill(409)]);
    expect((await ctx.api.get(`/api/v1/locations/${bin.id}`)).body.occupancy).toBe(10);
    const takes = await Promise.all(
      Array.from({ length: 15 }, () => ctx.api.post('/api/v1/stock/adjustments', { sku: 'CONC-1', locationId: bin.id, delta: -1, reason: 'lost' })),
    );
    expect(takes.filter((r) => r.status === 201)).toHaveLength(10);
    expect(takes.filter((r) => r.status !== 201).every((r) => r.status === 409)).toBe(true);
    expect((await ctx.api.get('/api/v1/stock/doctor')).body.healthy).toBe(true);
  });

  it('refuses an inactive location and an inactive warehouse (409)', async () => {
    await product('OFF-1');
    const before = await state();
    const res = await receive({ sku: 'OFF-1', locationId: at.OFF!.id, quantity: 1 });
    expect(res.status).toBe(409);
    expect(res.body.currentState).toBe('inactive');
    const closed = (await ctx.api.post('/api/v1/warehouses', { code: 'CLOSED', name: 'Closed' })).body.id;
    const bin = (await ctx.api.post(`/api/v1/warehouses/${closed}/locations`, { code: 'C1', level: 'bin', type: 'storage' })).body;
    await ctx.api.patch(`/api/v1/warehouses/${closed}`, { active: false });
    const mid = await state();
    const res2 = await receive({ sku: 'OFF-1', locationId: bin.id, quantity: 1 });
    expect(res2.status).toBe(409);
    expect(res2.body.currentState).toBe('inactive');
    expect((await state()).levels).toEqual(before.levels);
    expect((await state()).ledger).toEqual(mid.ledger);
  });
});

describe('moving, adjusting and changing status', () => {
  it('moves units by scanned codes; they keep their lot, expiry and age', async () => {
    const p = await product('MOVE-1');
    await receive({ sku: 'MOVE-1', locationId: at.RECV!.id, quantity: 10, lot: 'M1', expiresOn: '2027-01-31' });
    const source = (await level('MOVE-1', at.RECV!.id))[0]!;
    const res = await ctx.api.post('/api/v1/stock/moves', {
      sku: 'MOVE-1',
      warehouseId: wh,
      fromLocationCode: 'RECV',
      toLocationCode: 'B3',
      quantity: 4,
      lot: 'M1',
      reference: 'PUTAWAY-7',
    });
    expect(res.status).toBe(201);
    expect(res.body.from).toMatchObject({ locationCode: 'RECV', onHand: 6, lot: 'M1' });
    expect(res.body.to).toMatchObject({ locationCode: 'B3', onHand: 4, lot: 'M1', expiresOn: '2027-01-31', receivedAt: source.receivedAt });
    expect(await availability('MOVE-1')).toMatchObject({ onHand: 10, available: 10 });
    const ledger = (await ctx.api.get('/api/v1/stock/ledger?sku=MOVE-1&reference=PUTAWAY-7')).body.items;
    expect(ledger.map((l: { locationCode: string; quantity: number; movement: string }) => [l.locationCode, l.quantity, l.movement])).toEqual([
      ['RECV', -4, 'move'],
      ['B3', 4, 'move'],
    ]);
    const [ev] = await events('stock.moved', p.id);
    expect(ev!.payload).toMatchObject({ fromLocationCode: 'RECV', toLocationCode: 'B3', quantity: 4, lot: 'M1' });

    const tooMany = await ctx.api.post('/api/v1/stock/moves', { sku: 'MOVE-1', fromLocationId: at.RECV!.id, toLocationId: at.B3!.id, quantity: 7, lot: 'M1' });
    expect(tooMany.status).toBe(409);
    expect(tooMany.body.currentState).toBe('insufficient_stock');
    const same = await ctx.api.post('/api/v1/stock/moves', { sku: 'MOVE-1', fromLocationId: at.RECV!.id, toLocationId: at.RECV!.id, quantity: 1, lot: 'M1' });
    expect(same.status).toBe(422);
    expect(same.body.field).toBe('toLocationId');
  });

  it('adjusts up and down with a reason; below zero is a 409 that changes nothing', async () => {
    const p = await product('ADJ-1');
    await receive({ sku: 'ADJ-1', locationId: at.B2!.id, quantity: 10 });
    const up = await ctx.api.post('/api/v1/stock/adjustments', { sku: 'ADJ-1', locationId: at.B2!.id, delta: 3, reason: 'found', note: 'behind the pallet' });
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ onHand: 13, available: 13 });
    const down = await ctx.api.post('/api/v1/stock/adjustments', { sku: 'ADJ-1', warehouseId: wh, locationCode: 'B2', delta: -5, reason: 'lost' });
    expect(down.body).toMatchObject({ onHand: 8 });
    const ledger = (await ctx.api.get('/api/v1/stock/ledger?sku=ADJ-1')).body.items;
    expect(ledger.map((l: { quantity: number; reason: string | null }) => [l.quantity, l.reason])).toEqual([
      [-5, 'lost'],
      [3, 'found: behind the pallet'],
      [10, null],
    ]);
    expect((await events('stock.adjusted', p.id)).map((e) => [e.payload.delta, e.payload.reason, e.payload.onHand])).toEqual([
      [3, 'found', 13],
      [-5, 'lost', 8],
    ]);

    const before = await state();
    const below = await ctx.api.post('/api/v1/stock/adjustments', { sku: 'ADJ-1', locationId: at.B2!.id, delta: -9, reason: 'count' });
    expect(below.status).toBe(409);
    expect(below.body).toMatchObject({ currentState: 'insufficient_stock', available: 8 });
    expect(await state()).toEqual(before);
    expect((await level('ADJ-1', at.B2!.id))[0]).toMatchObject({ onHand: 8 });
    // Down to exactly zero is allowed; the row then leaves the levels list.
    expect((await ctx.api.post('/api/v1/stock/adjustments', { sku: 'ADJ-1', locationId: at.B2!.id, delta: -8, reason: 'count' })).body.onHand).toBe(0);
    expect(await level('ADJ-1', at.B2!.id)).toEqual([]);
  });

  it('refuses to adjust away units promised to orders or allocated to pick lists, changing nothing', async () => {
    const p = await product('RSV-1');
    await receive({ sku: 'RSV-1', locationId: at.B2!.id, quantity: 10 });
    // Promised at warehouse level (not yet in a bin's pick list).
    await ctx.db.transaction((tx) => reserve(tx, 'system', { productId: p.id, warehouseId: wh, quantity: 6, refType: 'test', refId: 'rsv-1' }));
    expect(await availability('RSV-1')).toMatchObject({ onHand: 10, reserved: 6, available: 4 });
    let before = await state();
    const promised = await ctx.api.post('/api/v1/stock/adjustments', { sku: 'RSV-1', locationId: at.B2!.id, delta: -5, reason: 'damaged' });
    expect(promised.status).toBe(409);
    expect(promised.body.currentState).toBe('reserved');
    expect(await state()).toEqual(before);

    // Allocated to the bin: those units cannot be adjusted, moved or quarantined.
    await ctx.db.transaction(async (tx) => {
      const r = await reserve(tx, 'system', { productId: p.id, warehouseId: wh, quantity: 2, refType: 'test', refId: 'rsv-2' });
      await allocate(tx, r!.id);
    });
    expect((await level('RSV-1', at.B2!.id))[0]).toMatchObject({ onHand: 10, reserved: 2, available: 8 });
    before = await state();
    const allocated = await ctx.api.post('/api/v1/stock/adjustments', { sku: 'RSV-1', locationId: at.B2!.id, delta: -9, reason: 'count' });
    expect(allocated.status).toBe(409);
    expect(allocated.body.currentState).toBe('insufficient_stock');
    const moved = await ctx.api.post('/api/v1/stock/moves', { sku: 'RSV-1', fromLocationId: at.B2!.id, toLocationId: at.B3!.id, quantity: 9 });
    expect(moved.status).toBe(409);
    const quarantined = await ctx.api.post('/api/v1/stock/status-changes', { sku: 'RSV-1', locationId: at.B2!.id, quantity: 3, toStatus: 'quarantine' });
    expect(quarantined.status).toBe(409);
    expect(await state()).toEqual(before);
    // What is free is still free.
    expect((await ctx.api.post('/api/v1/stock/adjustments', { sku: 'RSV-1', locationId: at.B2!.id, delta: -2, reason: 'damaged' })).status).toBe(201);
    expect(await availability('RSV-1')).toMatchObject({ onHand: 8, reserved: 8, available: 0 });
  });

  it('quarantines, releases and marks damaged: available-to-promise follows', async () => {
    const p = await product('QA-1');
    await receive({ sku: 'QA-1', locationId: at.B2!.id, quantity: 20, lot: 'X' });
    const q = await ctx.api.post('/api/v1/stock/status-changes', { sku: 'QA-1', locationId: at.B2!.id, lot: 'X', quantity: 8, toStatus: 'quarantine', reason: 'customer complaint' });
    expect(q.status).toBe(201);
    expect(q.body.from).toMatchObject({ status: 'available', onHand: 12, available: 12 });
    expect(q.body.to).toMatchObject({ status: 'quarantine', onHand: 8, available: 0, lot: 'X' });
    expect(await availability('QA-1')).toMatchObject({ onHand: 20, quarantined: 8, available: 12 });

    const released = await ctx.api.post('/api/v1/stock/status-changes', { sku: 'QA-1', locationId: at.B2!.id, lot: 'X', quantity: 5, status: 'quarantine', toStatus: 'available' });
    expect(released.status).toBe(201);
    expect(await availability('QA-1')).toMatchObject({ onHand: 20, quarantined: 3, available: 17 });
    await ctx.api.post('/api/v1/stock/status-changes', { sku: 'QA-1', locationId: at.B2!.id, lot: 'X', quantity: 3, status: 'quarantine', toStatus: 'damaged' });
    expect(await availability('QA-1')).toMatchObject({ onHand: 20, quarantined: 3, available: 17 });
    expect((await level('QA-1', at.B2!.id, '&status=damaged'))[0]).toMatchObject({ onHand: 3, status: 'damaged' });
    expect((await events('stock.status_changed', p.id)).map((e) => [e.payload.from, e.payload.to, e.payload.quantity])).toEqual([
      ['available', 'quarantine', 8],
      ['quarantine', 'available', 5],
      ['quarantine', 'damaged', 3],
    ]);
    const same = await ctx.api.post('/api/v1/stock/status-changes', { sku: 'QA-1', locationId: at.B2!.id, lot: 'X', quantity: 1, toStatus: 'available' });
    expect(same.status).toBe(422);
    expect(same.body.field).toBe('toStatus');
    const none = await ctx.api.post('/api/v1/stock/status-changes', { sku: 'QA-1', locationId: at.B2!.id, lot: 'X', quantity: 1, status: 'quarantine', toStatus: 'damaged' });
    expect(none.status).toBe(409);
  });
});

describe('safety stock', () => {
  it('writes stock.low exactly when available falls below it, not again while it stays low', async () => {
    const p = await product('LOW-1');
    await receive({ sku: 'LOW-1', locationId: at.B2!.id, quantity: 10 });
    const set = await ctx.api.put('/api/v1/stock/safety-stock', { sku: 'LOW-1', warehouseId: wh, quantity: 5 });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ sku: 'LOW-1', safetyStock: 5, available: 10 });
    expect(await events('stock.safety_stock_set', p.id)).toHaveLength(1);
    const lows = async () => (await events('stock.low', p.id)).map((e) => e.payload.available);
    const adjust = (delta: number) => ctx.api.post('/api/v1/stock/adjustments', { sku: 'LOW-1', locationId: at.B2!.id, delta, reason: 'count' });

    await adjust(-5); // 5: at the level, not below
    expect(await lows()).toEqual([]);
    await adjust(-1); // 4: below
    expect(await lows()).toEqual([4]);
    await adjust(-1); // 3: still below
    await ctx.api.post('/api/v1/stock/status-changes', { sku: 'LOW-1', locationId: at.B2!.id, quantity: 1, toStatus: 'quarantine' }); // 2
    await ctx.api.put('/api/v1/stock/safety-stock', { sku: 'LOW-1', warehouseId: wh, quantity: 6 }); // a new level while low
    expect(await lows()).toEqual([4]);
    expect((await ctx.api.get(`/api/v1/stock/low?warehouseId=${wh}`)).body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ sku: 'LOW-1', available: 2, safetyStock: 6 })]),
    );
    // Quarantined units coming and going do not change what can be promised: no alert.
    await receive({ sku: 'LOW-1', locationId: at.QUAR!.id, quantity: 5 });
    await ctx.api.post('/api/v1/stock/adjustments', { sku: 'LOW-1', locationId: at.QUAR!.id, status: 'quarantine', delta: -5, reason: 'damaged' });
    await ctx.api.post('/api/v1/stock/adjustments', { sku: 'LOW-1', locationId: at.B2!.id, status: 'quarantine', delta: -1, reason: 'damaged' });
    expect(await lows()).toEqual([4]);

    await adjust(10); // 12: recovered
    expect((await ctx.api.get(`/api/v1/stock/low?warehouseId=${wh}`)).body.items.map((b: { sku: string }) => b.sku)).not.toContain('LOW-1');
    await ctx.db.transaction((tx) => reserve(tx, 'system', { productId: p.id, warehouseId: wh, quantity: 7, refType: 'test', refId: 'low-1' })); // 5: below again
    expect(await lows()).toEqual([4, 5]);
    expect(await availability('LOW-1')).toMatchObject({ available: 5, reserved: 7, safetyStock: 6 });
  });

  it('refuses an unknown warehouse or a negative quantity', async () => {
    await product('LOW-2');
    const unknown = await ctx.api.put('/api/v1/stock/safety-stock', { sku: 'LOW-2', warehouseId: 999999, quantity: 1 });
    expect(unknown.status).toBe(422);
    expect(unknown.body.field).toBe('warehouseId');
    const negative = await ctx.api.put('/api/v1/stock/safety-stock', { sku: 'LOW-2', warehouseId: wh, quantity: -1 });
    expect(negative.status).toBe(400);
    expect(negative.body.field).toBe('body.quantity');
    expect((await ctx.api.put('/api/v1/stock/safety-stock', { sku: 'LOW-2', warehouseId: wh, quantity: 0 })).status).toBe(200);
  });
});

describe('reading stock', () => {
  it('answers availability for several SKUs at once, and 422 for an unknown one', async () => {
    await product('AV-1', ['AV-1-EAN']);
    await product('AV-2');
    await receive({ sku: 'AV-1', locationId: at.B2!.id, quantity: 3 });
    const res = await ctx.api.get('/api/v1/stock/availability?sku=AV-1,AV-2,AV-1-EAN');
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { sku: string; total: { available: number } }) => [i.sku, i.total.available])).toEqual([
      ['AV-1', 3],
      ['AV-2', 0],
    ]);
    const unknown = await ctx.api.get('/api/v1/stock/availability?sku=AV-1,NOPE-9');
    expect(unknown.status).toBe(422);
    expect(unknown.body.field).toBe('querystring.sku');
    expect(unknown.body.detail).toContain('NOPE-9');
    expect((await ctx.api.get('/api/v1/stock/availability')).status).toBe(400);
    expect((await ctx.api.get(`/api/v1/stock/availability?sku=${Array.from({ length: 101 }, (_, i) => `S${i}`).join(',')}`)).status).toBe(400);
  });

  it('pages levels and the ledger with keyset cursors', async () => {
    await product('PAGE-1');
    for (const lot of ['a', 'b', 'c', 'd', 'e']) await receive({ sku: 'PAGE-1', locationId: at.B2!.id, quantity: 1, lot, reference: 'PAGE' });
    const collect = async (url: string) => {
      const out: Array<{ id: number }> = [];
      let cursor: string | null = null;
      do {
        const res: { status: number; body: { items: Array<{ id: number }>; nextCursor: string | null } } = await ctx.api.get(`${url}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.status).toBe(200);
        out.push(...res.body.items);
        cursor = res.body.nextCursor;
      } while (cursor);
      return out.map((r) => r.id);
    };
    const levels = await collect('/api/v1/stock/levels?sku=PAGE-1');
    expect(levels).toHaveLength(5);
    expect([...levels].sort((a, b) => a - b)).toEqual(levels);
    const ledger = await collect('/api/v1/stock/ledger?reference=PAGE');
    expect(ledger).toHaveLength(5);
    expect([...ledger].sort((a, b) => b - a)).toEqual(ledger); // newest first
    expect((await ctx.api.get('/api/v1/stock/ledger?cursor=garbage')).status).toBe(400);
    const filtered = await ctx.api.get(`/api/v1/stock/levels?warehouseId=${wh}&status=quarantine&ownerId=0&limit=200`);
    expect(filtered.body.items.every((l: { status: string; warehouseId: number }) => l.status === 'quarantine' && l.warehouseId === wh)).toBe(true);
  });

  it('reports a healthy doctor after all of the above', async () => {
    const res = await ctx.api.get('/api/v1/stock/doctor');
    expect(res.status).toBe(200);
    expect(res.body.healthy).toBe(true);
    expect(res.body.checks.length).toBeGreaterThanOrEqual(5);
  });
});

describe('bad input', () => {
  beforeAll(async () => {
    await product('BAD-1');
    await receive({ sku: 'BAD-1', locationId: at.B2!.id, quantity: 5 });
  });

  it('answers 4xx problem+json naming the field, and changes nothing', async () => {
    const ok = { sku: 'BAD-1', locationId: at.B2!.id, quantity: 1 };
    const cases: Array<[string, Record<string, unknown>, number, string]> = [
      ['/api/v1/stock/receipts', { locationId: at.B2!.id, quantity: 1 }, 400, 'body.sku'],
      ['/api/v1/stock/receipts', { sku: 'BAD-1', quantity: 1 }, 422, 'locationId'],
      ['/api/v1/stock/receipts', { sku: 'BAD-1', locationId: at.B2!.id }, 400, 'body.quantity'],
      ['/api/v1/stock/receipts', { ...ok, quantity: '3' }, 400, 'body.quantity'],
      ['/api/v1/stock/receipts', { ...ok, quantity: 0 }, 400, 'body.quantity'],
      ['/api/v1/stock/receipts', { ...ok, quantity: -4 }, 400, 'body.quantity'],
      ['/api/v1/stock/receipts', { ...ok, quantity: 1.5 }, 400, 'body.quantity'],
      ['/api/v1/stock/receipts', { ...ok, quantity: 1_000_001 }, 400, 'body.quantity'],
      ['/api/v1/stock/receipts', { ...ok, quantity: 1e300 }, 400, 'body.quantity'],
      ['/api/v1/stock/receipts', { ...ok, sku: 'NO-SUCH-SKU' }, 422, 'sku'],
      ['/api/v1/stock/receipts', { ...ok, sku: 42 }, 400, 'body.sku'],
      ['/api/v1/stock/receipts', { ...ok, locationId: 999999 }, 422, 'locationId'],
      ['/api/v1/stock/receipts', { ...ok, locationId: -1 }, 400, 'body.locationId'],
      ['/api/v1/stock/receipts', { sku: 'BAD-1', warehouseId: wh, locationCode: 'NOWHERE', quantity: 1 }, 422, 'locationCode'],
      ['/api/v1/stock/receipts', { sku: 'BAD-1', locationCode: 'B2', quantity: 1 }, 422, 'warehouseId'],
      ['/api/v1/stock/receipts', { sku: 'BAD-1', warehouseId: 999999, locationCode: 'B2', quantity: 1 }, 422, 'warehouseId'],
      ['/api/v1/stock/receipts', { ...ok, locationCode: 'B1' }, 422, 'locationCode'],
      ['/api/v1/stock/receipts', { ...ok, expiresOn: '2027-02-30' }, 400, 'body.expiresOn'],
      ['/api/v1/stock/receipts', { ...ok, expiresOn: 'tomorrow' }, 400, 'body.expiresOn'],
      ['/api/v1/stock/receipts', { ...ok, status: 'lost' }, 400, 'body.status'],
      ['/api/v1/stock/receipts', { ...ok, lot: 'x'.repeat(65) }, 400, 'body.lot'],
      ['/api/v1/stock/receipts', { ...ok, colour: 'red' }, 400, 'body'],
      ['/api/v1/stock/moves', { sku: 'BAD-1', fromLocationId: at.B2!.id, quantity: 1 }, 422, 'toLocationId'],
      ['/api/v1/stock/moves', { sku: 'BAD-1', fromLocationId: at.B2!.id, warehouseId: wh, toLocationCode: 'NOWHERE', quantity: 1 }, 422, 'toLocationCode'],
      ['/api/v1/stock/moves', { sku: 'BAD-1', toLocationId: at.B3!.id, quantity: 1 }, 422, 'fromLocationId'],
      ['/api/v1/stock/adjustments', { ...ok, delta: 0, reason: 'count', quantity: undefined }, 400, 'body.delta'],
      ['/api/v1/stock/adjustments', { sku: 'BAD-1', locationId: at.B2!.id, delta: 1, reason: 'because' }, 400, 'body.reason'],
      ['/api/v1/stock/adjustments', { sku: 'BAD-1', locationId: at.B2!.id, delta: 1 }, 400, 'body.reason'],
      ['/api/v1/stock/adjustments', { sku: 'BAD-1', locationId: at.B2!.id, delta: -2_000_000, reason: 'count' }, 400, 'body.delta'],
      ['/api/v1/stock/status-changes', { ...ok, toStatus: 'gone' }, 400, 'body.toStatus'],
      ['/api/v1/stock/status-changes', { ...ok }, 400, 'body.toStatus'],
      ['/api/v1/stock/receipts', { ...ok, sku: 'BAD\u00001' }, 400, 'body.sku'],
      ['/api/v1/stock/receipts', { ...ok, lot: 'L\u00001' }, 400, 'body.lot'],
      ['/api/v1/stock/receipts', { ...ok, reference: 'PO\n1' }, 400, 'body.reference'],
      ['/api/v1/stock/receipts', { ...ok, ownerId: 1e12 }, 422, 'ownerId'],
      ['/api/v1/stock/receipts', { ...ok, ownerId: -1 }, 400, 'body.ownerId'],
      ['/api/v1/stock/adjustments', { sku: 'BAD-1', locationId: at.B2!.id, delta: 1, reason: 'found', ownerId: 999999 }, 422, 'ownerId'],
      ['/api/v1/stock/adjustments', { sku: 'BAD-1', locationId: at.B2!.id, delta: 1, reason: 'found', note: 'a\u0000b' }, 400, 'body.note'],
    ];
    const before = await state();
    for (const [url, body, status, field] of cases) {
      const res = await ctx.api.post(url, body);
      expect([res.status, res.body.field], `${url} ${JSON.stringify(body)}`).toEqual([status, field]);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const huge = await ctx.api.post('/api/v1/stock/receipts', { ...ok, lot: 'x'.repeat(1024 * 1024) });
    expect(huge.status).toBe(413);
    const hugeSku = await ctx.api.post('/api/v1/stock/receipts', { ...ok, sku: 'x'.repeat(1000 * 1000) });
    expect(hugeSku.status).toBe(400);
    expect(hugeSku.body.field).toBe('body.sku');
    const text = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/stock/receipts',
      headers: { authorization: `Bearer ${ctx.adminKey}`, 'content-type': 'text/plain' },
      payload: 'BAD-1 x 3',
    });
    expect(text.statusCode).toBe(415);
    expect((await ctx.api.get('/api/v1/stock/levels?sku=NOPE')).status).toBe(422);
    expect((await ctx.api.get('/api/v1/stock/levels?sku=x%00y')).body.field).toBe('querystring.sku');
    expect((await ctx.api.get(`/api/v1/warehouses/${wh}/locations/by-code/x%00y`)).status).toBe(400);
    expect((await ctx.api.get('/api/v1/stock/levels?warehouseId=abc')).body.field).toBe('querystring.warehouseId');
    expect((await ctx.api.get('/api/v1/stock/levels?limit=100000')).status).toBe(400);
    expect(await state()).toEqual(before);
  });
});

describe('permissions', () => {
  it('lets customer service read stock but not receive; an operator receives', async () => {
    const cs = ctx.api.as(await ctx.keyFor('customer_service'));
    for (const url of ['/api/v1/stock/levels', '/api/v1/stock/availability?sku=BAD-1', '/api/v1/stock/ledger', '/api/v1/stock/low', '/api/v1/stock/doctor', '/api/v1/warehouses']) {
      expect((await cs.get(url)).status, url).toBe(200);
    }
    const before = await state();
    const denied = await cs.post('/api/v1/stock/receipts', { sku: 'BAD-1', locationId: at.B2!.id, quantity: 1 });
    expect(denied.status).toBe(403);
    expect(denied.body.permission).toBe('inventory.write');
    for (const url of ['/api/v1/stock/moves', '/api/v1/stock/adjustments', '/api/v1/stock/status-changes']) expect((await cs.post(url, {})).status).toBe(403);
    expect((await cs.put('/api/v1/stock/safety-stock', { sku: 'BAD-1', warehouseId: wh, quantity: 1 })).status).toBe(403);
    expect(await state()).toEqual(before);
    const op = ctx.api.as(await ctx.keyFor('warehouse_operator'));
    expect((await op.post('/api/v1/stock/receipts', { sku: 'BAD-1', locationId: at.B2!.id, quantity: 1 })).status).toBe(201);
    expect((await ctx.api.as(undefined).get('/api/v1/stock/levels')).status).toBe(401);
  });
});
