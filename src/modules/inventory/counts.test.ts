import { beforeAll, describe, expect, it } from 'vitest';
import { useTestContext, type Api } from '../../../test/support/context.js';
import { isHealthy, runDoctor } from './doctor.js';
import { allocate, reserve } from './reservations.js';

const ctx = await useTestContext();
const admin = ctx.api;
let counter: Api; // a warehouse operator: counts, and may decide on others' counts
let reader: Api; // customer service: reads only

let wh: number;
let seq = 0;
const loc: Record<string, number> = {};

async function product() {
  const sku = `CNT-${++seq}`;
  const res = await admin.post('/api/v1/products', { sku, name: `盘点商品 ${sku}`, barcodes: [`69077${String(seq).padStart(8, '0')}`] });
  expect(res.status).toBe(201);
  return res.body as { id: number; sku: string; barcodes: string[] };
}

async function receive(sku: string, locationCode: string, quantity: number, lot?: string) {
  const res = await admin.post('/api/v1/stock/receipts', { sku, warehouseId: wh, locationCode, quantity, lot });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

async function open(locationCodes: string[], api: Api = counter) {
  const res = await api.post('/api/v1/stock/counts', { warehouseId: wh, locationCodes });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const onHand = async (productId: number, locationCode: string, status = 'available') =>
  Number(
    (
      await ctx.db.query<{ n: number }>(
        `SELECT coalesce(sum(on_hand), 0)::bigint AS n FROM stock_levels s JOIN locations l ON l.id = s.location_id
          WHERE s.product_id = $1 AND l.code = $2 AND l.warehouse_id = $3 AND s.status = $4`,
        [productId, locationCode, wh, status],
      )
    ).rows[0]!.n,
  );

const countEvents = async (id: number) =>
  (await ctx.db.query<{ type: string; actor: string; payload: any }>(`SELECT type, actor, payload FROM events WHERE entity_type = 'stock_count' AND entity_id = $1 ORDER BY id`, [String(id)]))
    .rows;

beforeAll(async () => {
  counter = admin.as(await ctx.keyFor('warehouse_operator'));
  reader = admin.as(await ctx.keyFor('customer_service'));
  wh = (await admin.post('/api/v1/warehouses', { code: 'CNT', name: 'Count tests' })).body.id;
  for (const [code, type] of [['RECV', 'receiving'], ['A1', 'storage'], ['A2', 'storage'], ['A3', 'storage'], ['A4', 'picking'], ['A5', 'storage'], ['A6', 'storage']]) {
    const res = await admin.post(`/api/v1/warehouses/${wh}/locations`, { code, level: 'bin', type });
    expect(res.status).toBe(201);
    loc[code!] = res.body.id;
  }
});

describe('blind stock counts', () => {
  it('hides expected quantities from the counter, shows the variance to another person, and posts it on approval', async () => {
    const p = await product();
    const q = await product();
    await receive(p.sku, 'A1', 10, 'L1');
    await receive(q.sku, 'A1', 4);
    await receive(p.sku, 'A2', 6);
    const count = await open(['A1', 'A2']);
    expect(count).toMatchObject({ number: expect.stringMatching(/^CC-\d{6}$/), status: 'open', round: 0, variance: null, counted: [] });
    expect(count.locations.map((l: any) => l.code)).toEqual(['A1', 'A2']);
    expect(JSON.stringify(count)).not.toContain('expected');

    // One location, one unit short of lot L1 (scanned as two cartons), a product not on the books found; q not counted.
    const submitted = await counter.post(`/api/v1/stock/counts/${count.id}/submit`, {
      lines: [
        { locationCode: 'A1', code: p.barcodes[0], lot: 'L1', quantity: 5 },
        { locationCode: 'A1', code: p.sku, lot: 'L1', quantity: 4 },
        { locationCode: 'A2', code: p.sku, quantity: 6 },
        { locationCode: 'A2', code: q.sku, quantity: 2 },
      ],
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', round: 1, variance: null });
    expect(submitted.body.counted.map((c: any) => [c.locationCode, c.sku, c.lot, c.quantity])).toEqual([
      ['A1', p.sku, 'L1', 9],
      ['A2', p.sku, '', 6],
      ['A2', q.sku, '', 2],
    ]);
    // The counter never sees what the books say, nor does the event log tell it.
    const seen = await counter.get(`/api/v1/stock/counts/${count.id}`);
    expect(seen.body.variance).toBeNull();
    expect(JSON.stringify(seen.body)).not.toContain('expected');
    expect(JSON.stringify(await countEvents(count.id))).not.toContain('expected');
    expect((await reader.get(`/api/v1/stock/counts/${count.id}`)).body.variance).toBeNull();

    const review = await admin.get(`/api/v1/stock/counts/${count.id}`);
    expect(review.body.variance.lines.map((l: any) => [l.locationCode, l.sku, l.lot, l.expected, l.counted, l.difference])).toEqual([
      ['A1', p.sku, 'L1', 10, 9, -1],
      ['A1', q.sku, '', 4, 0, -4],
      ['A2', p.sku, '', 6, 6, 0],
      ['A2', q.sku, '', 0, 2, 2],
    ]);
    expect(review.body.variance.totals).toEqual({ expected: 20, counted: 17, difference: -3, linesWithDifference: 3 });

    // Four eyes: the submitter cannot decide.
    const own = await counter.post(`/api/v1/stock/counts/${count.id}/approve`, {});
    expect(own.status).toBe(409);
    expect(own.body.detail).toContain('another person must approve');
    expect(own.body.currentState).toBe('submitted');
    expect((await counter.post(`/api/v1/stock/counts/${count.id}/reject`, { reason: 'mine' })).status).toBe(409);

    const approved = await admin.post(`/api/v1/stock/counts/${count.id}/approve`, { reason: 'checked' });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', decisionReason: 'checked', decidedBy: expect.stringMatching(/^api_key:/) });
    expect([await onHand(p.id, 'A1'), await onHand(q.id, 'A1'), await onHand(p.id, 'A2'), await onHand(q.id, 'A2')]).toEqual([9, 0, 6, 2]);
    const ledger = await admin.get(`/api/v1/stock/ledger?warehouseId=${wh}&reference=${count.number}`);
    expect(ledger.body.items.map((e: any) => [e.locationCode, e.sku, e.lot, e.quantity, e.movement, e.reason]).reverse()).toEqual([
      ['A1', p.sku, 'L1', -1, 'adjustment', `count: count ${count.number}`],
      ['A1', q.sku, '', -4, 'adjustment', `count: count ${count.number}`],
      ['A2', q.sku, '', 2, 'adjustment', `count: count ${count.number}`],
    ]);
    const events = await countEvents(count.id);
    expect(events.map((e) => e.type)).toEqual(['count.opened', 'count.submitted', 'count.approved']);
    expect(events[2]!.payload).toMatchObject({ number: count.number, automatic: false, difference: -3 });
    // After the decision, the submitter may read the report too (it is history).
    expect((await counter.get(`/api/v1/stock/counts/${count.id}`)).body.variance.totals.difference).toBe(-3);
    expect(isHealthy(await runDoctor(ctx.db))).toBe(true);
    // Closed: its locations can be counted again.
    await open(['A1']).then((c) => admin.post(`/api/v1/stock/counts/${c.id}/submit`, { lines: [{ code: p.sku, lot: 'L1', quantity: 9 }] }));
  });

  it('approves a count without differences at once, and opens once per Idempotency-Key', async () => {
    const p = await product();
    await receive(p.sku, 'A3', 7);
    const headers = { 'idempotency-key': `count-${p.sku}` };
    const first = await counter.post('/api/v1/stock/counts', { warehouseId: wh, locationIds: [loc.A3] }, { headers });
    const again = await counter.post('/api/v1/stock/counts', { warehouseId: wh, locationIds: [loc.A3] }, { headers });
    expect([first.status, again.status, again.body.id]).toEqual([201, 201, first.body.id]);
    const busy = await admin.post('/api/v1/stock/counts', { warehouseId: wh, locationCodes: ['A3'] });
    expect(busy.status).toBe(409);
    expect(busy.body.detail).toContain(`A3 (${first.body.number}, open)`);

    const done = await counter.post(`/api/v1/stock/counts/${first.body.id}/submit`, { lines: [{ code: p.sku, quantity: 7 }] });
    expect(done.body).toMatchObject({ status: 'approved', decidedBy: done.body.submittedBy });
    expect((await countEvents(first.body.id)).map((e) => [e.type, e.payload.automatic])).toEqual([
      ['count.opened', undefined],
      ['count.submitted', undefined],
      ['count.approved', true],
    ]);
    expect(await onHand(p.id, 'A3')).toBe(7);
  });

  it('refuses an approval that would take units allocated to pick lists, changing nothing; a recount starts blind again', async () => {
    const p = await product();
    await receive(p.sku, 'A4', 5);
    await ctx.db.transaction(async (tx) => {
      const r = await reserve(tx, 'system', { productId: p.id, warehouseId: wh, quantity: 4, refType: 'test', refId: `count-${p.sku}` });
      await allocate(tx, r!.id);
    });
    const count = await open(['A4']);
    await counter.post(`/api/v1/stock/counts/${count.id}/submit`, { lines: [{ code: p.sku, quantity: 2 }] });
    const ledgerBefore = (await ctx.db.query('SELECT count(*)::int AS n FROM stock_ledger')).rows[0];
    const refused = await admin.post(`/api/v1/stock/counts/${count.id}/approve`, {});
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ currentState: 'reserved', locationCode: 'A4', sku: p.sku, missing: 3, reserved: 4 });
    expect(refused.body.detail).toContain('allocated to pick lists');
    expect((await ctx.db.query('SELECT count(*)::int AS n FROM stock_ledger')).rows[0]).toEqual(ledgerBefore);
    expect((await admin.get(`/api/v1/stock/counts/${count.id}`)).body.status).toBe('submitted');

    const back = await admin.post(`/api/v1/stock/counts/${count.id}/reject`, { reason: 'recount A4', recount: true });
    expect(back.body).toMatchObject({ status: 'open', round: 1, counted: [], variance: null, submittedBy: null, decisionReason: 'recount A4' });
    const recount = await counter.post(`/api/v1/stock/counts/${count.id}/submit`, { lines: [{ code: p.sku, quantity: 4 }] });
    expect(recount.body).toMatchObject({ status: 'submitted', round: 2 });
    expect((await admin.post(`/api/v1/stock/counts/${count.id}/approve`, {})).status).toBe(200);
    expect(await onHand(p.id, 'A4')).toBe(4);
    expect((await countEvents(count.id)).map((e) => e.type)).toEqual(['count.opened', 'count.submitted', 'count.rejected', 'count.submitted', 'count.approved']);
    expect(isHealthy(await runDoctor(ctx.db))).toBe(true);
  });

  it('writes off units pending inspection first and releases the ones found', async () => {
    const p = await product();
    await receive(p.sku, 'A5', 10);
    const flagged = await admin.post('/api/v1/stock/status-changes', { sku: p.sku, warehouseId: wh, locationCode: 'A5', quantity: 3, toStatus: 'pending_inspection' });
    expect(flagged.status).toBe(201);
    const count = await open(['A5']);
    await counter.post(`/api/v1/stock/counts/${count.id}/submit`, { lines: [{ locationCode: 'A5', code: p.sku, quantity: 9 }] });
    const approved = await admin.post(`/api/v1/stock/counts/${count.id}/approve`, {});
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect([await onHand(p.id, 'A5'), await onHand(p.id, 'A5', 'pending_inspection')]).toEqual([9, 0]);
    const event = (await countEvents(count.id)).at(-1)!;
    expect(event.payload.adjustments).toEqual([{ locationCode: 'A5', sku: p.sku, lot: '', status: 'pending_inspection', delta: -1 }]);
    expect(event.payload.released).toEqual([{ locationCode: 'A5', sku: p.sku, lot: '', quantity: 2 }]);
  });

  it('closes a rejected count without posting, and lists counts by status and warehouse', async () => {
    const p = await product();
    await receive(p.sku, 'A6', 3);
    const count = await open(['A6']);
    await counter.post(`/api/v1/stock/counts/${count.id}/submit`, { lines: [] });
    const rejected = await admin.post(`/api/v1/stock/counts/${count.id}/reject`, { reason: 'wrong shelf' });
    expect(rejected.body).toMatchObject({ status: 'rejected', decisionReason: 'wrong shelf' });
    expect(await onHand(p.id, 'A6')).toBe(3);
    const list = await reader.get(`/api/v1/stock/counts?status=rejected&warehouseId=${wh}`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: any) => c.id)).toEqual([count.id]);
    expect(list.body.items[0]).not.toHaveProperty('variance');
    const paged = await admin.get(`/api/v1/stock/counts?warehouseId=${wh}&limit=1`);
    expect(paged.body.items).toHaveLength(1);
    expect((await admin.get(`/api/v1/stock/counts?warehouseId=${wh}&limit=1&cursor=${paged.body.nextCursor}`)).body.items[0].id).toBeLessThan(paged.body.items[0].id);
    expect((await open(['A6'])).status).toBe('open');
  });

  it('answers bad input with a 422 naming the field and illegal steps with a 409 naming the state', async () => {
    const p = await product();
    const two = await open(['A2', 'A3']);
    const submit = (lines: unknown[]) => counter.post(`/api/v1/stock/counts/${two.id}/submit`, { lines });
    for (const [lines, field] of [
      [[{ locationCode: 'A2', code: 'NO-SUCH-SKU', quantity: 1 }], 'lines.0.code'],
      [[{ locationCode: 'A2', code: p.sku, quantity: 1 }, { locationCode: 'A1', code: p.sku, quantity: 1 }], 'lines.1.locationCode'],
      [[{ code: p.sku, quantity: 1 }], 'lines.0.locationCode'],
    ] as const) {
      const res = await submit([...lines]);
      expect([res.status, res.body.field]).toEqual([422, field]);
    }
    expect((await submit([{ locationCode: 'A2', code: p.sku, quantity: -1 }])).body.field).toBe('body.lines.0.quantity');
    expect((await admin.post('/api/v1/stock/counts', { warehouseId: wh, locationCodes: ['NOPE'] })).body).toMatchObject({ status: 422, field: 'locationCodes.0' });
    expect((await admin.post('/api/v1/stock/counts', { warehouseId: 99999999, locationCodes: ['A1'] })).body).toMatchObject({ status: 422, field: 'warehouseId' });
    expect((await admin.post('/api/v1/stock/counts', { warehouseId: wh })).status).toBe(400);
    const notYet = await admin.post(`/api/v1/stock/counts/${two.id}/approve`, {});
    expect([notYet.status, notYet.body.currentState]).toEqual([409, 'open']);
    expect((await submit([])).status).toBe(200);
    const twice = await submit([]);
    expect([twice.status, twice.body.currentState]).toEqual([409, 'submitted']);
    expect((await admin.get('/api/v1/stock/counts/99999999')).status).toBe(404);
    expect((await reader.post(`/api/v1/stock/counts/${two.id}/approve`, {})).status).toBe(403);
  });
});
