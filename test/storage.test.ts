import { describe, expect, it } from 'vitest';
import { readAttachment } from '../src/modules/attachments/attachments.service.js';
import { checkIn, expectProblem, ok, PNG_BASE64, phoneOf, photo, SIGNATURE, storageEvents, storageWorld } from './storage.fixtures.js';
import { useTestContext } from './support/context.js';

const ctx = await useTestContext();
const api = ctx.api;

describe('storage: check-in → label → put-away → move → count → check-out', () => {
  it('keeps every item in custody from check-in to the signed hand-over', async () => {
    const world = await storageWorld(api);
    const phone = phoneOf();
    const photoId = await photo(ctx);
    const deposit = await checkIn(api, world, {
      customerPhone: phone,
      customerName: 'Wang Fang',
      expectedPickupAt: '2099-01-01T10:00:00+08:00',
      items: [
        { category: 'luggage', sizeClass: 'M', description: 'Blue suitcase', declaredValue: 80_000, photoIds: [photoId], customFields: { colour: 'blue' } },
        { category: 'Documents', sizeClass: 'S', description: 'Envelope' },
      ],
    });
    expect(deposit).toMatchObject({
      status: 'open',
      depositNumber: expect.stringMatching(/^SD\d{6}$/),
      voucherCode: expect.stringMatching(/^[0-9A-Z]{10}$/),
      customer: { name: 'Wang Fang', phone },
      warehouse: { id: world.warehouseId, code: world.warehouseCode },
      feeDue: 0,
    });
    const [bag, envelope] = deposit.items;
    expect(bag).toMatchObject({ code: expect.stringMatching(/^ST-[0-9A-Z]{8}$/), status: 'checked_in', location: null, declaredValue: 80_000, photoIds: [photoId], customFields: { colour: 'blue' } });
    expect(envelope).toMatchObject({ category: 'documents', sizeClass: 'S', expectedPickupAt: '2099-01-01T02:00:00.000Z' });

    // The walk-in became a customer, found by phone the next time.
    const again = await checkIn(api, world, { customerPhone: phone.replace(/ /g, '') });
    expect(again.customer.id).toBe(deposit.customer.id);

    const [checkedIn] = await storageEvents(ctx, deposit.id, 'storage_deposit');
    // The voucher is the customer's secret: never in the event log that staff and webhooks read.
    expect(JSON.stringify(checkedIn)).not.toContain(deposit.voucherCode);
    expect(checkedIn).toMatchObject({
      type: 'storage_deposit.checked_in',
      customerId: deposit.customer.id,
      payload: {
        depositNumber: deposit.depositNumber,
        customerName: 'Wang Fang',
        items: [
          { code: bag.code, description: 'Blue suitcase', category: 'luggage', sizeClass: 'M' },
          { code: envelope.code, description: 'Envelope', category: 'documents', sizeClass: 'S' },
        ],
        warehouse: { id: world.warehouseId, code: world.warehouseCode },
      },
    });
    // The voucher is the customer's secret: staff reads do not show it.
    const read = await ok(api.get(`/api/v1/storage/deposits/${deposit.id}`), 200);
    expect(read.voucherCode).toBeUndefined();

    const labels = await api.get(`/api/v1/storage/deposits/${deposit.id}/labels.pdf?format=a4`);
    expect([labels.status, labels.headers['content-type']]).toEqual([200, 'application/pdf']);
    expect(String(labels.body).startsWith('%PDF-')).toBe(true);

    // Put-away: the recommendation fits the item; a location that refuses it is a 422 naming the scan.
    const recs = await ok(api.get(`/api/v1/storage/items/${bag.code}/put-away-recommendations`), 200);
    expect(recs.items.map((r: any) => r.code)).toEqual(['S-LUGGAGE', 'S-ANY']);
    expectProblem(await api.post(`/api/v1/storage/items/${bag.code}/put-away`, { locationCode: 'S-SMALL' }), 422, 'locationCode');
    expectProblem(await api.post(`/api/v1/storage/items/${bag.code}/put-away`, { locationCode: 'RECV' }), 422, 'locationCode');
    expectProblem(await api.post(`/api/v1/storage/items/${bag.code}/put-away`, { locationCode: 'NOPE' }), 422, 'locationCode');
    const stored = await ok(api.post(`/api/v1/storage/items/${bag.code}/put-away`, { locationCode: 'S-LUGGAGE' }), 200);
    expect(stored).toMatchObject({ status: 'stored', location: { id: world.locations['S-LUGGAGE'], code: 'S-LUGGAGE' } });
    const twice = await api.post(`/api/v1/storage/items/${bag.code}/put-away`, { locationCode: 'S-ANY' });
    expectProblem(twice, 409);
    expect(twice.body.currentState).toBe('stored');
    await ok(api.post(`/api/v1/storage/items/${envelope.code}/put-away`, { locationCode: 'S-SMALL' }), 200);

    const moved = await ok(api.post(`/api/v1/storage/items/${bag.code}/move`, { locationCode: 'S-ANY' }), 200);
    expect(moved.location.code).toBe('S-ANY');
    const occupancy = await ok(api.get(`/api/v1/storage/reports/occupancy?warehouseId=${world.warehouseId}`), 200);
    expect(occupancy.warehouses[0]).toMatchObject({ stored: 2, awaitingPutAway: 1 }) // the second deposit's suitcase;
    expect(occupancy.warehouses[0].locations).toEqual(
      expect.arrayContaining([
        { locationId: world.locations['S-ANY'], code: 'S-ANY', items: 1, capacity: null },
        { locationId: world.locations['S-SMALL'], code: 'S-SMALL', items: 1, capacity: 2 },
        { locationId: world.locations['S-LUGGAGE'], code: 'S-LUGGAGE', items: 0, capacity: 10 },
      ]),
    );

    // Count S-ANY: the bag is there, the envelope was found there too (books: S-SMALL), and a stray label.
    const count = await ok(
      api.post('/api/v1/storage/counts', { warehouseId: world.warehouseId, locationCode: 'S-ANY', scannedCodes: [bag.code, envelope.code, 'ST-ZZZZZZZZ'] }),
    );
    expect(count).toMatchObject({ expected: 1, found: 2, missing: [], unexpected: ['ST-ZZZZZZZZ'], misplaced: [{ code: envelope.code, recordedLocation: 'S-SMALL' }] });
    const countS = await ok(api.post('/api/v1/storage/counts', { warehouseId: world.warehouseId, locationCode: 'S-SMALL', scannedCodes: [] }));
    expect(countS).toMatchObject({ expected: 1, found: 0, missing: [envelope.code] });
    expect((await storageEvents(ctx, count.id, 'storage_count')).map((e) => e.type)).toEqual(['storage_count.recorded']);
    // The correction is explicit, needs a reason and storage.manage, and is audited.
    const operator = api.as(await ctx.keyFor('warehouse_operator'));
    expectProblem(await operator.post(`/api/v1/storage/items/${envelope.code}/corrections`, { locationCode: 'S-ANY', reason: 'found in S-ANY at count' }), 403);
    expectProblem(await api.post(`/api/v1/storage/items/${envelope.code}/corrections`, { locationCode: 'S-ANY' }), 400, 'body.reason');
    const corrected = await ok(api.post(`/api/v1/storage/items/${envelope.code}/corrections`, { locationCode: 'S-ANY', reason: `found in S-ANY at count ${count.id}` }), 200);
    expect(corrected.location.code).toBe('S-ANY');

    // Check-out: the double scan must agree.
    const other = await checkIn(api, world);
    const mismatch = await api.post('/api/v1/storage/check-outs', { voucherCode: other.voucherCode, itemCodes: [bag.code], receivedBy: 'Wang Fang', signature: SIGNATURE });
    expectProblem(mismatch, 422, 'itemCodes.0');
    expectProblem(await api.post('/api/v1/storage/check-outs', { voucherCode: 'AAAAAAAAAA', itemCodes: [bag.code], receivedBy: 'x', signature: SIGNATURE }), 422, 'voucherCode');
    expectProblem(
      await api.post('/api/v1/storage/check-outs', { voucherCode: deposit.voucherCode, itemCodes: [bag.code], receivedBy: 'Wang Fang', signature: { dataUrl: 'data:image/png;base64,AAAA' } }),
      422,
      'signature.dataUrl',
    );
    expectProblem(await api.post('/api/v1/storage/check-outs', { voucherCode: deposit.voucherCode, itemCodes: [bag.code], receivedBy: 'Wang Fang', signature: {} }), 422, 'signature');
    expect((await ok(api.get(`/api/v1/storage/items/${bag.code}`), 200)).status).toBe('stored');

    const handover = await ok(
      operator.post('/api/v1/storage/check-outs', { voucherCode: deposit.voucherCode.toLowerCase(), itemCodes: [bag.code], receivedBy: 'Wang Fang', signature: SIGNATURE }),
    );
    expect(handover).toMatchObject({ depositId: deposit.id, receivedBy: 'Wang Fang', items: [{ code: bag.code, fee: 0 }], feeTotal: 0, depositStatus: 'open' });
    const signature = await readAttachment(ctx.db, handover.signatureAttachmentId);
    expect([signature.contentType, signature.bytes.equals(Buffer.from(PNG_BASE64, 'base64'))]).toEqual(['image/png', true]);

    const again409 = await api.post('/api/v1/storage/check-outs', { voucherCode: deposit.voucherCode, itemCodes: [bag.code], receivedBy: 'Wang Fang', signature: SIGNATURE });
    expectProblem(again409, 409);
    expect(again409.body.currentState).toBe('checked_out');
    expectProblem(await api.post(`/api/v1/storage/items/${bag.code}/move`, { locationCode: 'S-LUGGAGE' }), 409);

    const partial = await ok(api.get(`/api/v1/storage/deposits/${deposit.id}`), 200);
    expect(partial.status).toBe('open');
    expect(partial.items.map((i: any) => [i.code, i.status, i.fee.settled])).toEqual([
      [bag.code, 'checked_out', true],
      [envelope.code, 'stored', false],
    ]);

    const last = await ok(
      api.post('/api/v1/storage/check-outs', { voucherCode: deposit.voucherCode, itemCodes: [envelope.code], receivedBy: 'Li Na (agent)', signature: { attachmentId: photoId } }),
    );
    expect(last.depositStatus).toBe('closed');
    const closed = await ok(api.get(`/api/v1/storage/deposits/${deposit.id}`), 200);
    expect(closed).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    expect((await storageEvents(ctx, deposit.id, 'storage_deposit')).map((e) => e.type)).toEqual(['storage_deposit.checked_in', 'storage_deposit.closed']);

    // The custody history, in order, with who, where and the signature.
    const history = (await ok(api.get(`/api/v1/storage/items/${bag.code}`), 200)).history;
    expect(history.map((h: any) => [h.action, h.location, h.fromLocation])).toEqual([
      ['checked_in', null, null],
      ['put_away', 'S-LUGGAGE', null],
      ['moved', 'S-ANY', 'S-LUGGAGE'],
      ['counted', 'S-ANY', null],
      ['checked_out', null, 'S-ANY'],
    ]);
    expect(history[0]).toMatchObject({ actor: expect.stringMatching(/^api_key:/), warehouseId: world.warehouseId, photoIds: [photoId] });
    expect(history[4].handover).toEqual({ id: handover.id, receivedBy: 'Wang Fang', signatureAttachmentId: handover.signatureAttachmentId });
    expect((await ok(api.get(`/api/v1/storage/items/${envelope.code}`), 200)).history.map((h: any) => h.action)).toEqual([
      'checked_in',
      'put_away',
      'corrected',
      'checked_out',
    ]);
    const events = await storageEvents(ctx, bag.code);
    expect(events.map((e) => e.type)).toEqual(['storage_item.put_away', 'storage_item.moved', 'storage_item.counted', 'storage_item.checked_out']);
    expect(events.every((e) => e.customerId === deposit.customer.id)).toBe(true);
    expect(events[1]!.payload).toMatchObject({ location: 'S-ANY', fromLocation: 'S-LUGGAGE', depositNumber: deposit.depositNumber });
    expect(events[3]!.payload).toMatchObject({ receivedBy: 'Wang Fang', fee: 0, handoverId: handover.id });
    const correction = (await storageEvents(ctx, envelope.code)).find((e) => e.type === 'storage_item.corrected');
    expect(correction?.payload).toMatchObject({ location: 'S-ANY', fromLocation: 'S-SMALL', reason: `found in S-ANY at count ${count.id}` });
  });

  it('finds deposits by phone, name, voucher and item code', async () => {
    const world = await storageWorld(api);
    const phone = phoneOf();
    const d = await checkIn(api, world, { customerPhone: phone, customerName: `Zhou ${world.warehouseCode}` });
    const find = async (q: string) => (await ok(api.get(`/api/v1/storage/deposits?q=${encodeURIComponent(q)}`), 200)).items.map((x: any) => x.id);
    expect(await find(phone)).toContain(d.id);
    expect(await find(`Zhou ${world.warehouseCode}`)).toEqual([d.id]);
    expect(await find(d.voucherCode.toLowerCase())).toEqual([d.id]);
    expect(await find(d.items[0].code)).toEqual([d.id]);
    expect(await find(d.depositNumber)).toEqual([d.id]);
  });

  it('refuses bad check-ins with the field at fault, and a full location', async () => {
    const world = await storageWorld(api);
    const base = { warehouseId: world.warehouseId, items: [{ category: 'luggage', sizeClass: 'S', description: 'Bag' }] };
    expectProblem(await api.post('/api/v1/storage/check-ins', base), 422, 'customerPhone');
    expectProblem(await api.post('/api/v1/storage/check-ins', { ...base, customerId: 99_999_999 }), 422, 'customerId');
    expectProblem(await api.post('/api/v1/storage/check-ins', { ...base, warehouseId: 99_999_999, customerPhone: phoneOf() }), 422, 'warehouseId');
    expectProblem(await api.post('/api/v1/storage/check-ins', { ...base, customerPhone: phoneOf(), items: [{ ...base.items[0], photoIds: [99_999_999] }] }), 422, 'items.0.photoIds.0');
    expectProblem(await api.post('/api/v1/storage/check-ins', { ...base, customerPhone: phoneOf(), items: [{ ...base.items[0], sizeClass: 'huge' }] }), 400, 'body.items.0.sizeClass');
    expectProblem(await api.post('/api/v1/storage/check-ins', { ...base, customerPhone: phoneOf(), items: [] }), 400, 'body.items');
    expectProblem(await api.get('/api/v1/storage/items/ST-00000000'), 404);

    const d = await checkIn(api, world, { items: [1, 2, 3].map((n) => ({ category: 'misc', sizeClass: 'S', description: `Box ${n}` })) });
    await ok(api.post(`/api/v1/storage/items/${d.items[0].code}/put-away`, { locationCode: 'S-SMALL' }), 200);
    await ok(api.post(`/api/v1/storage/items/${d.items[1].code}/put-away`, { locationCode: 'S-SMALL' }), 200);
    const full = await api.post(`/api/v1/storage/items/${d.items[2].code}/put-away`, { locationCode: 'S-SMALL' });
    expectProblem(full, 422, 'locationCode');
    expect(full.body.detail).toContain('full');
    const recs = await ok(api.get(`/api/v1/storage/items/${d.items[2].code}/put-away-recommendations`), 200);
    expect(recs.items.map((r: any) => r.code)).toEqual(['S-ANY']);
    expectProblem(await api.put(`/api/v1/storage/locations/${world.locations['S-SMALL']}`, { itemCapacity: 1 }), 422, 'itemCapacity');
  });

  it('replays a check-in with the same Idempotency-Key instead of creating it twice', async () => {
    const world = await storageWorld(api);
    const body = { warehouseId: world.warehouseId, customerPhone: phoneOf(), items: [{ category: 'luggage', sizeClass: 'L', description: 'Trunk' }] };
    const headers = { 'idempotency-key': `checkin-${world.warehouseCode}` };
    const first = await api.post('/api/v1/storage/check-ins', body, { headers });
    const second = await api.post('/api/v1/storage/check-ins', body, { headers });
    expect([first.status, second.status, second.headers['idempotent-replayed']]).toEqual([201, 201, 'true']);
    expect(second.body.id).toBe(first.body.id);
    const { rows } = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM storage_deposits WHERE warehouse_id = $1', [world.warehouseId]);
    expect(rows[0]!.n).toBe(1);
  });
});
