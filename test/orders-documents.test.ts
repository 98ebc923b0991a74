import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { checkCjkGlyphs, pageBarcodes, pageTexts } from '../src/platform/documents/inspect-pdf.testing.js';
import { mm } from '../src/platform/documents/pdf-support.js';
import { createWorld, ok, pickAll, placeOrder, receive } from './orders.fixtures.js';
import { useTestContext } from './support/context.js';

const ctx = await useTestContext();
const api = ctx.api;

/** The PDF a GET answers, parsed (raw bytes: the test client would read them as text). */
async function pdfAt(url: string, key = ctx.adminKey): Promise<PDFDocument> {
  const res = await ctx.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${key}` } });
  expect([url, res.statusCode, res.headers['content-type']], res.body.slice(0, 300)).toEqual([url, 200, 'application/pdf']);
  expect(String(res.headers['content-disposition'])).toMatch(/^inline; filename=".+\.pdf"$/);
  return PDFDocument.load(res.rawPayload);
}

const texts = (pdf: PDFDocument) => pdf.getPages().flatMap((p) => pageTexts(p));
const code128 = (pdf: PDFDocument) => pdf.getPages().flatMap((p) => pageBarcodes(p).code128);

async function scenario() {
  const world = await createWorld(api);
  await ok(api.patch(`/api/v1/warehouses/${world.warehouseId}`, { address: '上海市嘉定区仓储路 8 号' }), 200);
  const suffix = `${process.pid % 1000}${Date.now() % 100000}`;
  const tea = await ok(api.post('/api/v1/products', { sku: `TEA-${suffix}`, name: '龙井茶 250 克' }));
  const cup = await ok(api.post('/api/v1/products', { sku: `CUP-${suffix}`, name: 'Tea cup, white porcelain' }));
  await receive(api, world, { sku: tea.sku, quantity: 3, locationCode: 'A-02', lot: 'L-2026-11', expiresOn: '2027-11-01' });
  await receive(api, world, { sku: tea.sku, quantity: 2, locationCode: 'B-01', lot: 'L-2026-10', expiresOn: '2027-10-01' });
  await receive(api, world, { sku: cup.sku, quantity: 4, locationCode: 'A-01' });
  const order = await placeOrder(api, world, [{ sku: tea.sku, quantity: 4 }, { sku: cup.sku, quantity: 2 }], { note: '易碎品，请轻放 Fragile' });
  expect(order.status).toBe('confirmed');
  return { world, tea, cup, order };
}

describe('order documents', () => {
  it('prints the pick list in walking order with bin, SKU and order number barcodes, the customer and the note', async () => {
    const { tea, cup, order } = await scenario();
    const early = await api.get(`/api/v1/orders/${order.id}/pick-list.pdf`);
    expect([early.status, early.body.currentState]).toEqual([409, 'confirmed']);

    const list = await ok(api.post(`/api/v1/orders/${order.id}/pick-list`), 200);
    const pdf = await pdfAt(`/api/v1/orders/${order.id}/pick-list.pdf`);
    const page = pdf.getPage(0);
    expect([page.getWidth(), page.getHeight()].map((n) => Math.round(n / mm(1)))).toEqual([210, 297]);
    // The order number first, then each line's bin and SKU, in the list's walking order.
    expect(list.items.map((i: any) => i.locationCode)).toEqual(['B-01', 'A-01', 'A-02']);
    expect(code128(pdf)).toEqual([order.number, ...list.items.flatMap((i: any) => [i.locationCode, i.sku])]);
    expect(list.items.map((i: any) => i.sku)).toEqual([tea.sku, cup.sku, tea.sku]);
    const all = texts(pdf);
    for (const expected of ['拣货单 Pick list', 'Li Wei', '易碎品，请轻放 Fragile', '龙井茶 250 克', 'Tea cup, white porcelain', '批次 Lot L-2026-10', '效期 Exp 2027-10-01']) {
      expect(all).toContain(expected);
    }
    // The round, then each line's number and quantity, in the same order.
    expect(all.filter((t) => /^\d$/.test(t))).toEqual(['1', '1', '2', '2', '2', '3', '2']);
    expect(await checkCjkGlyphs(pdf)).toMatchObject({ fonts: 1, mismatched: [], wrongFontDict: [], offSizes: [4] });

    // Reprinted after picking, with what was picked.
    await pickAll(api, order.id);
    expect(texts(await pdfAt(`/api/v1/orders/${order.id}/pick-list.pdf`))).toContain('已拣 Picked 2');
  });

  it('prints the packing slip (A5) and the shipment label (100 × 150 mm) with decodable barcodes', async () => {
    const { world, tea, cup, order } = await scenario();
    await ok(api.post(`/api/v1/orders/${order.id}/pick-list`), 200);
    await pickAll(api, order.id);
    await ok(api.post(`/api/v1/orders/${order.id}/pack`, { scans: [{ code: tea.sku, quantity: 4 }, { code: cup.sku, quantity: 2 }], parcel: { weightG: 1250 } }), 200);

    const slip = await pdfAt(`/api/v1/orders/${order.id}/packing-slip.pdf`);
    expect([slip.getPage(0).getWidth(), slip.getPage(0).getHeight()].map((n) => Math.round(n / mm(1)))).toEqual([148, 210]);
    expect(code128(slip)).toEqual([order.number]);
    const slipTexts = texts(slip);
    for (const expected of ['装箱单 Packing slip', 'Li Wei 13800000000', '上海市浦东新区世纪大道 100 号 200120', tea.sku, '龙井茶 250 克', cup.sku, '合计 Total: 6 件', '备注 Note: 易碎品，请轻放 Fragile']) {
      expect(slipTexts).toContain(expected);
    }
    expect(await checkCjkGlyphs(slip)).toMatchObject({ mismatched: [], wrongFontDict: [] });

    const trackingNumber = `SF${Date.now()}`;
    const shipped = await ok(api.post(`/api/v1/orders/${order.id}/ship`, { carrier: 'manual', trackingNumber }), 200);
    const label = await pdfAt(`/api/v1/shipments/${shipped.shipment.id}/label.pdf`);
    expect(label.getPageCount()).toBe(1);
    expect([label.getPage(0).getWidth(), label.getPage(0).getHeight()].map((n) => Math.round(n / mm(1)))).toEqual([100, 150]);
    expect(code128(label)).toEqual([trackingNumber, order.number]);
    const labelTexts = texts(label);
    for (const expected of [trackingNumber, '收 To', 'Li Wei 13800000000', '上海市浦东新区世纪大道 100 号 200120', '寄 From', `Warehouse ${world.warehouseCode}`, '上海市嘉定区仓储路 8 号']) {
      expect(labelTexts).toContain(expected);
    }
    expect(labelTexts.some((t) => t.startsWith('Manual'))).toBe(true);
    expect(labelTexts.some((t) => t.includes(`订单 Order ${order.number}`) && t.includes('1.25 kg'))).toBe(true);
    expect(await checkCjkGlyphs(label)).toMatchObject({ mismatched: [], wrongFontDict: [] });

    // Read permissions suffice (customer service prints them too); strangers and unknown ids do not.
    const reader = await ctx.keyFor('customer_service');
    await pdfAt(`/api/v1/shipments/${shipped.shipment.id}/label.pdf`, reader);
    await pdfAt(`/api/v1/orders/${order.id}/packing-slip.pdf`, reader);
    expect((await api.as(undefined).get(`/api/v1/orders/${order.id}/pick-list.pdf`)).status).toBe(401);
    expect((await api.get('/api/v1/orders/99999999/packing-slip.pdf')).status).toBe(404);
    expect((await api.get('/api/v1/shipments/99999999/label.pdf')).status).toBe(404);
  });
});
