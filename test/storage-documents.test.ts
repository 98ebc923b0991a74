import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { XLSX_TYPE } from '../src/modules/storage/import-checkins.js';
import { checkIn, ok, phoneOf, SIGNATURE, storageEvents, storageWorld } from './storage.fixtures.js';
import { useTestContext } from './support/context.js';

const ctx = await useTestContext();
const api = ctx.api;

async function upload(warehouseId: number, body: string | Buffer, contentType: string, key = ctx.adminKey) {
  const res = await ctx.app.inject({
    method: 'POST',
    url: `/api/v1/storage/check-ins/import?warehouseId=${warehouseId}`,
    headers: { authorization: `Bearer ${key}`, 'content-type': contentType },
    payload: body,
  });
  return { status: res.statusCode, body: JSON.parse(res.body), headers: res.headers };
}

const count = async (warehouseId: number) =>
  (await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM storage_items WHERE warehouse_id = $1', [warehouseId])).rows[0]!.n;

describe('storage documents', () => {
  it('prints labels, the voucher slip and the custody receipt as PDF', async () => {
    const world = await storageWorld(api);
    const d = await checkIn(api, world, { customerName: '王芳', locale: 'zh-CN' });
    const code = d.items[0].code;
    // The voucher slip, at the counter, from the voucher the check-in returned (it is kept only hashed).
    for (const body of [{ voucherCode: d.voucherCode }, { voucherCode: d.voucherCode, locale: 'en' }]) {
      const res = await api.post(`/api/v1/storage/deposits/${d.id}/voucher.pdf`, body);
      expect([res.status, res.headers['content-type']]).toEqual([200, 'application/pdf']);
      expect(String(res.body).slice(0, 5)).toBe('%PDF-');
    }
    expect((await api.post('/api/v1/storage/deposits/99999999/voucher.pdf', { voucherCode: d.voucherCode })).status).toBe(404);
    await ok(api.post(`/api/v1/storage/items/${code}/put-away`, { locationCode: 'S-ANY' }), 200);
    await ok(api.post('/api/v1/storage/check-outs', { voucherCode: d.voucherCode, itemCodes: [code], receivedBy: '王芳', signature: SIGNATURE }));
    for (const url of [
      `/api/v1/storage/deposits/${d.id}/labels.pdf`,
      `/api/v1/storage/deposits/${d.id}/labels.pdf?format=a4`,
      `/api/v1/storage/items/${code}/label.pdf`,
      `/api/v1/storage/items/${code}/custody.pdf`,
    ]) {
      const res = await api.get(url);
      expect([url, res.status, res.headers['content-type']]).toEqual([url, 200, 'application/pdf']);
      expect(String(res.body).slice(0, 5)).toBe('%PDF-');
    }
    // Collected: its voucher opens nothing, so no slip is printed for it.
    const closed = await api.post(`/api/v1/storage/deposits/${d.id}/voucher.pdf`, { voucherCode: d.voucherCode });
    expect(closed.body).toMatchObject({ status: 409, currentState: 'closed' });
    expect((await api.get(`/api/v1/storage/deposits/${d.id}/labels.pdf?format=a5`)).status).toBe(400);
    // The voucher code is the customer's secret: read-only roles cannot print the slip.
    const reader = api.as(await ctx.keyFor('customer_service'));
    expect((await reader.get(`/api/v1/storage/items/${code}/custody.pdf`)).status).toBe(200);
  });
});

describe('batch check-in from a file', () => {
  it('imports a CSV in one transaction, one deposit per customer phone', async () => {
    const world = await storageWorld(api);
    const [p1, p2] = [phoneOf(), phoneOf()];
    const csv = [
      'customer_phone,customer_name,category,size_class,description,declared_value,expected_pickup_date,colour',
      `${p1},Liu Yang,luggage,M,Grey suitcase,199.50,2099-05-01,grey`,
      `${p2},Sun Li,documents,S,Contract folder,,,`,
      `${p1},Liu Yang,luggage,L,Golf bag,,,green`,
    ].join('\n');
    const res = await upload(world.warehouseId, csv, 'text/csv');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.imported).toBe(3);
    expect(res.body.deposits.map((d: any) => d.items.length)).toEqual([2, 1]);
    const first = await ok(api.get(`/api/v1/storage/deposits/${res.body.deposits[0].id}`), 200);
    expect(first.customer).toMatchObject({ name: 'Liu Yang', phone: p1 });
    expect(first.items[0]).toMatchObject({ description: 'Grey suitcase', sizeClass: 'M', declaredValue: 19950, customFields: { colour: 'grey' } });
    expect(first.items[0].expectedPickupAt).toBe('2099-05-01T15:59:59.000Z'); // end of the day in Asia/Shanghai
    expect((await storageEvents(ctx, res.body.deposits[1].id, 'storage_deposit'))[0]).toMatchObject({
      type: 'storage_deposit.checked_in',
      payload: { depositNumber: res.body.deposits[1].depositNumber },
    });
  });

  it('imports nothing from a file with any bad row, and names every bad row', async () => {
    const world = await storageWorld(api);
    const csv = [
      'customer_phone,category,size_class,description',
      `${phoneOf()},luggage,M,Fine bag`,
      `${phoneOf()},luggage,HUGE,Bad size`,
      `not-a-phone,luggage,M,Bad phone`,
    ].join('\n');
    const res = await upload(world.warehouseId, csv, 'text/csv');
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: any) => [e.row, e.field.split('.').at(-1)])).toEqual(
      expect.arrayContaining([
        [3, 'sizeClass'],
        [4, 'customerPhone'],
      ]),
    );
    expect(await count(world.warehouseId)).toBe(0);

    const unknownWarehouse = await upload(99_999_999, `customer_phone,category,size_class,description\n${phoneOf()},luggage,M,Bag`, 'text/csv');
    expect([unknownWarehouse.status, unknownWarehouse.body.field]).toEqual([422, 'querystring.warehouseId']);
    const wrongType = await upload(world.warehouseId, 'a,b', 'text/plain');
    expect(wrongType.status).toBe(415);
  });

  it('imports an XLSX file', async () => {
    const world = await storageWorld(api);
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('check-in');
    sheet.addRow(['客户电话', '客户姓名', '类别', '尺寸', '描述']);
    sheet.addRow([phoneOf(), '赵敏', '行李', 'XL', '红色行李箱']);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const res = await upload(world.warehouseId, bytes, XLSX_TYPE);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const d = await ok(api.get(`/api/v1/storage/deposits/${res.body.deposits[0].id}`), 200);
    expect(d.items[0]).toMatchObject({ category: '行李', sizeClass: 'XL', description: '红色行李箱' });
    expect(d.customer.name).toBe('赵敏');
  });
});
