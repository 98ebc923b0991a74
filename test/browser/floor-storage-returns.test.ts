/**
 * The handheld's storage counter and returns dock on a 360×640 phone, driven as an operator would:
 * typing the customer's phone, photographing an item with the device camera (a file input),
 * scanning labels and vouchers, the customer signing on the canvas, scanning a returned parcel
 * and grading it level by level. Checked on the screen and through the API; screenshots of every
 * screen in both languages.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shippedOrder } from '../returns.fixtures.js';
import { checkIn as apiCheckIn, PNG_BASE64, storageWorld } from '../storage.fixtures.js';
import { hasChromium, PEOPLE, useBrowserWorld, type BrowserWorld } from '../support/browser.js';
import { drained, openFloor, scanExpect, scanFocused } from './floor.helpers.js';

const PHONE = { width: 360, height: 640 };
const png = { name: 'item.png', mimeType: 'image/png', buffer: Buffer.from(PNG_BASE64, 'base64') };

/** No horizontal scroll at 360 px. */
async function fitsWidth(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

/** Screenshots of the screen in its language, then in the other one (the header's language button), then back. */
async function shots(world: BrowserWorld, page: Page, name: string) {
  await fitsWidth(page);
  const first = await page.evaluate(() => document.documentElement.lang);
  const other = first === 'zh-CN' ? 'en' : 'zh-CN';
  await world.screenshot(page, `${name}.${first}`);
  for (const lang of [other, first]) {
    await page.getByRole('button', { name: /^(Language|语言)$/ }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
    if (lang === other) {
      await fitsWidth(page);
      await world.screenshot(page, `${name}.${other}`);
    }
  }
  await scanFocused(page);
}

describe.skipIf(!hasChromium)('the handheld storage counter and returns dock', async () => {
  const world = await useBrowserWorld();
  const api = world.ctx.api;

  it('checks an item in with a photo, puts it away, and checks it out with the double scan and a signature', async () => {
    const sw = await storageWorld(api);
    const other = await apiCheckIn(api, sw); // another customer's deposit, for the mismatch
    const { page, context } = await world.open({ person: PEOPLE.operator, viewport: PHONE, locale: 'zh-CN' });
    await openFloor(page, sw.warehouseCode);
    await page.getByRole('button', { name: /^寄存柜台/ }).click();
    await shots(world, page, 'floor-storage');

    // Check in: a walk-in by phone, one suitcase with a photo.
    await page.getByRole('button', { name: /^存入/ }).click();
    const phone = `+86 137 ${String(Date.now()).slice(-8)}`;
    await page.getByLabel('手机号').fill(phone);
    await page.getByRole('button', { name: '查找客户' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '散客' }).count()).toBe(1);
    await page.getByLabel('姓名（可不填）').fill('周女士');
    await page.getByRole('button', { name: '继续' }).click();
    await page.getByLabel('物品描述').fill('蓝色行李箱');
    await page.getByLabel('类别').fill('luggage');
    await page.getByRole('button', { name: 'L', exact: true }).click();
    await page.getByLabel('申报价值（CNY）').fill('800');
    await page.getByLabel('预计取件日期').fill(new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10));
    await page.getByLabel('拍照').setInputFiles(png);
    await page.getByRole('img', { name: '照片 1' }).waitFor();
    await shots(world, page, 'floor-storage-checkin-form');
    await page.getByRole('button', { name: '添加此物品' }).click();
    await page.getByRole('button', { name: '存入 1 件' }).click();
    const voucher = (await page.getByTestId('voucher-code').textContent())!;
    expect(voucher).toMatch(/^[0-9A-Z]{10}$/);
    await shots(world, page, 'floor-storage-checkin');

    const found = (await api.get(`/api/v1/storage/deposits?q=${encodeURIComponent(phone)}`)).body.items;
    expect(found).toHaveLength(1);
    const deposit = found[0];
    expect(deposit.customer).toMatchObject({ name: '周女士' });
    expect(deposit.items).toEqual([expect.objectContaining({ description: '蓝色行李箱', category: 'luggage', sizeClass: 'L', declaredValue: 80000, status: 'checked_in' })]);
    expect(deposit.items[0].photoIds).toHaveLength(1);
    expect((await api.get(`/api/v1/attachments/${deposit.items[0].photoIds[0]}`)).body.contentType).toBe('image/png');
    const code: string = deposit.items[0].code;

    // The voucher slip opens from the screen.
    // The code is kept only hashed: the slip is printed from the one on screen, POSTed; the new
    // window shows the PDF the server made from it.
    const [slip] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: '打印凭证' }).click()]);
    await expect.poll(() => slip.url()).toMatch(/^blob:/);
    const pdf = await slip.evaluate(async () => {
      const res = await fetch(location.href);
      return { type: res.headers.get('content-type') ?? (await res.clone().blob()).type, head: new TextDecoder().decode((await res.arrayBuffer()).slice(0, 5)) };
    });
    expect(pdf.head).toBe('%PDF-');
    await slip.close();

    // Put away: the label, the recommendation, the location scanned.
    await page.getByRole('button', { name: '上架这些物品' }).click();
    await scanFocused(page);
    await scanExpect(world, page, code, `${code}：推荐`);
    await shots(world, page, 'floor-storage-putaway');
    await scanExpect(world, page, 'S-LUGGAGE', `已上架 ${code} → S-LUGGAGE`);
    await drained(page);
    expect((await api.get(`/api/v1/storage/items/${code}`)).body).toMatchObject({ status: 'stored', location: { code: 'S-LUGGAGE' } });

    // Check out: the item first is refused; the voucher; another deposit's item is refused; the item.
    await page.goto('/floor/storage/check-out');
    await scanFocused(page);
    await scanExpect(world, page, code, '请先扫描客户的凭证');
    await scanExpect(world, page, voucher, `寄存单 ${deposit.depositNumber}`);
    await scanExpect(world, page, other.items[0].code, `属于寄存单 ${other.depositNumber}`);
    await scanExpect(world, page, code, `${code} 蓝色行李箱 ✓`);
    // A reload keeps the check-out in progress: the voucher and the scanned item.
    await page.reload();
    await scanFocused(page);
    await expect.poll(() => page.getByRole('button', { name: '交付 1 件' }).count()).toBe(1);
    expect(await page.getByTestId('fee').textContent()).toMatch(/¥/);
    await page.getByTestId('signature-pad').scrollIntoViewIfNeeded();
    const pad = (await page.getByTestId('signature-pad').boundingBox())!;
    await page.mouse.move(pad.x + 20, pad.y + 120);
    await page.mouse.down();
    for (const [dx, dy] of [[60, 40], [110, 110], [170, 50], [230, 120], [290, 60]] as const) await page.mouse.move(pad.x + dx, pad.y + dy, { steps: 5 });
    await page.mouse.up();
    await shots(world, page, 'floor-storage-checkout');
    await page.getByRole('button', { name: '交付 1 件' }).click();
    await page.getByTestId('handover').waitFor();
    expect(await page.getByTestId('handover').textContent()).toContain('已将 1 件交给 周女士');
    await shots(world, page, 'floor-storage-checkout-done');

    const after = (await api.get(`/api/v1/storage/deposits/${deposit.id}`)).body;
    expect(after).toMatchObject({ status: 'closed', items: [expect.objectContaining({ status: 'checked_out' })] });
    const history = (await api.get(`/api/v1/storage/items/${code}`)).body.history;
    const handover = history.at(-1).handover;
    expect(handover).toMatchObject({ receivedBy: '周女士' });
    const signature = await api.get(`/api/v1/attachments/${handover.signatureAttachmentId}`);
    expect(signature.body).toMatchObject({ contentType: 'image/png', filename: 'signature.png' });
    expect(signature.body.size).toBeGreaterThan(500); // strokes, not an empty canvas
    await context.close();
  });

  it('receives a return with its discrepancies and a photo, then grades it level by level', async () => {
    const { world: w, order, products } = await shippedOrder(api, [
      { price: 1200, quantity: 1 },
      { price: 40, quantity: 2 },
    ]);
    const [dear, cheap] = products as [(typeof products)[number], (typeof products)[number]];
    const requested = await api.post('/api/v1/returns', { orderId: order.id, type: 'return', reasonCode: 'changed_mind', lines: [{ sku: dear.sku, quantity: 1 }, { sku: cheap.sku, quantity: 2 }] });
    expect(requested.body.status).toBe('requested');
    const approved = (await api.post(`/api/v1/returns/${requested.body.id}/approve`)).body;
    expect(approved.status).toBe('approved');

    const { page, context } = await world.open({ person: PEOPLE.manager, viewport: PHONE, locale: 'en' });
    await openFloor(page, w.warehouseCode);
    await page.getByRole('button', { name: /^Returns dock/ }).click();
    await scanFocused(page);
    await shots(world, page, 'floor-returns');
    await world.scan(page, approved.rmaNumber);
    await page.waitForURL(`**/floor/returns/${approved.id}`);
    await scanFocused(page);
    await scanExpect(world, page, dear.barcode, `${dear.sku} 1/1`);
    await scanExpect(world, page, cheap.barcode, `${cheap.sku} 1/2`);
    await scanExpect(world, page, 'NOSUCHCODE1', 'NOSUCHCODE1 is not a product');
    // A reload keeps what was scanned.
    await page.reload();
    await scanFocused(page);
    await expect.poll(() => page.getByTestId(`count-${cheap.sku}`).textContent()).toBe('1/2');
    await page.getByRole('button', { name: `One more: Damaged ${dear.sku}` }).click();
    await page.getByLabel('Take photo').setInputFiles(png);
    await page.getByRole('img', { name: 'Photo 1' }).waitFor();
    await page.getByLabel('Note on the parcel').fill('box dented');
    await shots(world, page, 'floor-returns-receive');
    await page.getByRole('button', { name: 'Confirm receipt' }).click();
    await expect.poll(() => page.getByTestId('return-status').textContent()).toBe('received — to inspect');

    // The dear unit: initial check, then final approval by another person (four eyes); the cheap one: one level.
    const inspect = async (on: typeof page, level: string, grade: string, fail?: string) => {
      await expect.poll(() => on.getByTestId('inspection-level').textContent()).toContain(level);
      for (const item of ['Packaging', 'Accessories', 'Appearance', 'Function']) {
        await on.getByRole('group', { name: item, exact: true }).getByRole('button', { name: item === fail ? 'Fail' : 'Pass' }).click();
      }
      await on.getByRole('button', { name: `One more: ${grade}` }).click();
    };
    await inspect(page, 'Level 1 of 2: initial check', 'B open-box');
    await page.getByLabel('Inspection note').fill('scuffed lid');
    await page.getByRole('button', { name: 'Record initial check' }).click();
    await inspect(page, 'Level 2 of 2: final approval', 'B open-box');
    await page.getByRole('button', { name: 'Record final approval' }).click();
    await expect.poll(() => page.getByRole('alert').allTextContents()).toContainEqual(expect.stringContaining('another person must do this'));

    const lead = await world.open({ person: PEOPLE.admin, viewport: PHONE, locale: 'en' });
    const second = lead.page;
    await openFloor(second, w.warehouseCode);
    await second.goto(`/floor/returns/${approved.id}`);
    await scanFocused(second);
    await inspect(second, 'Level 2 of 2: final approval', 'B open-box');
    await shots(world, second, 'floor-returns-inspect');
    await second.getByRole('button', { name: 'Record final approval' }).click();
    await scanExpect(world, second, cheap.barcode, `Inspecting ${cheap.sku}`);
    await inspect(second, 'Level 1 of 1: initial check', 'C needs repair', 'Function');
    await second.getByRole('button', { name: 'Record initial check' }).click();
    await expect.poll(() => second.getByTestId('return-status').textContent()).toBe('inspected');
    await shots(world, second, 'floor-returns-done');
    await lead.context.close();

    const r = (await api.get(`/api/v1/returns/${approved.id}`)).body;
    expect(r.status).toBe('inspected');
    expect(r.receiptPhotoIds).toHaveLength(1);
    expect(r.discrepancies.map((d: { kind: string; code: string; quantity: number }) => [d.kind, d.code, d.quantity]).sort()).toEqual(
      [
        ['damaged', dear.sku, 1],
        ['missing', cheap.sku, 1],
        ['wrong_item', 'NOSUCHCODE1', 1],
      ].sort(),
    );
    expect(r.lines.map((l: { sku: string; receivedQuantity: number; grades: unknown }) => [l.sku, l.receivedQuantity, l.grades])).toEqual([
      [dear.sku, 1, { B: 1 }],
      [cheap.sku, 1, { C: 1 }],
    ]);
    expect(r.inspections.map((i: { levelName: string; note: string | null }) => [i.levelName, i.note])).toEqual([
      ['initial_check', 'scuffed lid'],
      ['final_approval', null],
      ['initial_check', null],
    ]);
    expect(r.inspections[2].checklist).toContainEqual({ item: 'function', passed: false });
    await context.close();
  });
});
