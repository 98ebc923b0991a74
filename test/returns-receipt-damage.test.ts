/**
 * Receiving at the returns dock: units that arrived damaged are received (inspection grades them)
 * and recorded as a damaged discrepancy with the operator's note; photos of the parcel stay with
 * the request. A damaged unit that was not announced, or more damaged than arrived, is refused
 * naming the field, and nothing is received.
 */
import { describe, expect, it } from 'vitest';
import { saveAttachment } from '../src/modules/attachments/attachments.service.js';
import { ok, returnEvents, shippedOrder, stockOf } from './returns.fixtures.js';
import { PNG_BASE64 } from './storage.fixtures.js';
import { useTestContext } from './support/context.js';

const ctx = await useTestContext();
const api = ctx.api;

describe('receiving a return with damage', () => {
  it('records damaged units and the parcel photos', async () => {
    const { world, order, products } = await shippedOrder(api, [{ price: 30, quantity: 3 }]);
    const [p] = products;
    const r = await ok(api.post('/api/v1/returns', { orderId: order.id, type: 'return', reasonCode: 'changed_mind', lines: [{ sku: p!.sku, quantity: 3 }] }));
    expect(r.status).toBe('approved');
    const operator = api.as(await ctx.keyFor('warehouse_operator'));
    const photo = await ctx.db.transaction((tx) => saveAttachment(tx, 'user:test', { contentType: 'image/png', bytes: Buffer.from(PNG_BASE64, 'base64'), filename: 'parcel.png' }));

    const notAnnounced = await operator.post(`/api/v1/returns/${r.id}/receive`, { scans: [{ code: p!.barcode, quantity: 2 }], damaged: [{ code: 'NOSUCHCODE' }] });
    expect(notAnnounced.status).toBe(422);
    expect(notAnnounced.body.field).toBe('damaged.0.code');
    const tooMany = await operator.post(`/api/v1/returns/${r.id}/receive`, { scans: [{ code: p!.barcode, quantity: 2 }], damaged: [{ code: p!.sku, quantity: 3 }] });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.field).toBe('damaged.0.quantity');
    const badPhoto = await operator.post(`/api/v1/returns/${r.id}/receive`, { scans: [{ code: p!.barcode, quantity: 2 }], photoIds: [999_999] });
    expect(badPhoto.status).toBe(422);
    expect((await ok(api.get(`/api/v1/returns/${r.id}`), 200)).status).toBe('approved');

    const received = await ok(
      operator.post(`/api/v1/returns/${r.id}/receive`, {
        scans: [{ code: p!.barcode, quantity: 2 }],
        damaged: [{ code: p!.barcode, quantity: 1, note: 'crushed corner' }],
        photoIds: [photo.id],
        note: 'box wet',
      }),
      200,
    );
    expect(received).toMatchObject({ status: 'received', receiptPhotoIds: [photo.id] });
    expect(received.lines[0].receivedQuantity).toBe(2);
    expect(received.discrepancies.map((d: { kind: string; code: string; quantity: number; note: string }) => [d.kind, d.code, d.quantity, d.note]).sort()).toEqual([
      ['damaged', p!.sku, 1, 'crushed corner'],
      ['missing', p!.sku, 1, 'box wet'],
    ]);
    // Both units that came are waiting for inspection; the damaged one is graded there.
    expect(await stockOf(ctx, p!.id, world.warehouseId)).toMatchObject({ 'RET/pending_inspection/0': 2 });
    const event = (await returnEvents(api, r.id)).find((e) => e.type === 'return.received');
    expect(event?.payload.discrepancies).toEqual(expect.arrayContaining([{ kind: 'damaged', code: p!.sku, quantity: 1 }]));
  });
});
