/**
 * The warehouse floor on a 360×640 handheld, driven by the scanner: an operator receives stock,
 * picks an order (a wrong scan refused, a short pick on the second line), packs and ships it while
 * customer service watches the order page update live; a burst of 20 scans is recorded exactly;
 * scans made offline are replayed once; the language switch changes every string.
 */
import { describe, expect, it } from 'vitest';
import { hasChromium, PEOPLE, useBrowserWorld } from '../support/browser.js';
import { createProduct, createWorld, ok, placeOrder } from '../orders.fixtures.js';
import { burst, consoleStatus, drained, feedback, goFloor, ledgerUnits, netStatus, openFloor, prompt, scanExpect, scanFocused } from './floor.helpers.js';

const PHONE = { width: 360, height: 640 };
const noHorizontalScroll = (page: import('playwright-core').Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe.skipIf(!hasChromium)('the warehouse floor on a handheld', async () => {
  const world = await useBrowserWorld();
  const api = world.ctx.api;

  it('an operator receives, picks (one wrong scan, one short pick), packs and ships while customer service watches live', async () => {
    const wh = await createWorld(api);
    const tea = await createProduct(api);
    const cup = await createProduct(api);
    const { page, context } = await world.open({ person: PEOPLE.operator, viewport: PHONE });
    await openFloor(page, wh.warehouseCode);
    await scanFocused(page);

    // Receive: 2 tea into A-01, 2 cups into A-02.
    await page.getByRole('button', { name: /^收货/ }).click();
    await expect.poll(() => prompt(page)).toBe('请扫描收货放入的库位');
    await scanExpect(world, page, 'A-01', '库位 A-01：请扫描商品');
    await scanExpect(world, page, tea.barcode, `+1 ${tea.sku} → A-01（共 1）`);
    await scanExpect(world, page, tea.barcode, `+1 ${tea.sku} → A-01（共 2）`);
    await scanExpect(world, page, 'NOT-A-CODE', /NOT-A-CODE 既不是商品也不是库位/);
    await page.getByRole('button', { name: '换一个库位' }).click();
    await scanFocused(page);
    await scanExpect(world, page, 'A-02', /A-02/);
    await world.scan(page, cup.barcode);
    await scanExpect(world, page, cup.barcode, `+1 ${cup.sku} → A-02（共 4）`);
    await drained(page);
    expect(await ledgerUnits(api, tea.sku, wh.warehouseId)).toEqual({ units: 2, entries: 2 });
    expect(await ledgerUnits(api, cup.sku, wh.warehouseId)).toEqual({ units: 2, entries: 2 });

    // Customer service places the order and watches it on the console, at desk size.
    const order = await placeOrder(api, wh, [{ sku: tea.sku, quantity: 2 }, { sku: cup.sku, quantity: 2 }], { note: '易碎，请用气泡膜 Fragile: bubble wrap' });
    expect(order.status).toBe('confirmed');
    const desk = await world.open({ person: PEOPLE.service });
    await desk.page.goto(`/orders/${order.id}`);
    await expect.poll(() => consoleStatus(desk.page)).toBe('confirmed');

    // Pick: the queue, the note first, a wrong bin and a wrong product refused.
    await page.getByRole('button', { name: '返回' }).click();
    await page.getByRole('button', { name: /^拣货/ }).click();
    await page.getByRole('button', { name: new RegExp(order.number) }).click();
    await expect.poll(() => page.getByRole('note').textContent()).toContain('易碎，请用气泡膜');
    await scanExpect(world, page, 'A-01', '请先阅读订单备注，再点“已阅读”。');
    await page.getByRole('button', { name: '已阅读，开始拣货' }).click();
    await scanFocused(page);
    await expect.poll(() => prompt(page)).toBe('请扫描库位 A-01');
    await scanExpect(world, page, 'B-01', 'B-01 不是该库位。请扫描库位 A-01');
    expect(await page.getByRole('alert').count()).toBe(1);
    await scanExpect(world, page, 'A-01', `库位 A-01：取 2 件 ${tea.sku}`);
    await scanExpect(world, page, cup.barcode, `${cup.barcode} 不是该商品。请扫描 ${tea.sku}（${tea.name}）`);
    await scanExpect(world, page, tea.barcode, `${tea.sku} 1/2`);
    await scanExpect(world, page, tea.barcode, `已从 A-01 拣货 2 件 ${tea.sku}`);
    await expect.poll(() => consoleStatus(desk.page)).toBe('picking');

    // The second line: one cup found of two, damaged.
    await scanExpect(world, page, 'A-02', /A-02/);
    await scanExpect(world, page, cup.barcode, `${cup.sku} 1/2`);
    await page.getByRole('button', { name: '短拣' }).click();
    await page.getByLabel('原因').selectOption('damaged');
    await page.getByRole('button', { name: '确认短拣' }).click();
    await drained(page);
    await expect.poll(() => consoleStatus(desk.page)).toBe('exception');
    const exception = (await api.get(`/api/v1/orders/${order.id}`)).body;
    expect(exception.exceptionReason).toBe(`short pick: ${cup.sku} at A-02 found 1 of 2 (damaged)`);

    // More cups arrive in B-01; customer service resumes the order; the operator picks what is missing.
    await goFloor(page, '/floor/receive');
    await scanExpect(world, page, 'B-01', /B-01/);
    await scanExpect(world, page, cup.barcode, new RegExp(`\\+1 ${cup.sku} → B-01`));
    await drained(page);
    expect((await ok(api.post(`/api/v1/orders/${order.id}/resume`), 200)).status).toBe('confirmed');
    await expect.poll(() => consoleStatus(desk.page)).toBe('confirmed');
    await goFloor(page, `/floor/pick/${order.id}`);
    await expect.poll(() => prompt(page)).toBe('请扫描库位 B-01');
    await scanExpect(world, page, 'B-01', /B-01/);
    await scanExpect(world, page, cup.barcode, `已从 B-01 拣货 1 件 ${cup.sku}`);
    await drained(page);
    await expect.poll(() => consoleStatus(desk.page)).toBe('picked');

    // Pack: a stranger and one too many are refused, then every picked unit is scanned.
    await page.getByRole('button', { name: '打包此订单' }).click();
    await expect.poll(() => prompt(page)).toBe('请逐件扫描装箱商品');
    await scanExpect(world, page, '6999999999999', `6999999999999 不属于本订单，请放到一边；请扫描 ${tea.sku}, ${cup.sku}`);
    await scanExpect(world, page, tea.barcode, `${tea.sku} 1/2`);
    await scanExpect(world, page, tea.sku, `${tea.sku} 2/2`);
    await scanExpect(world, page, tea.barcode, `${tea.sku} 多了：只拣了 2 件，请取出多余的一件。`);
    await scanExpect(world, page, cup.barcode, `${cup.sku} 1/2`);
    await scanExpect(world, page, cup.barcode, /已打包|正在打包/);
    await drained(page);
    await expect.poll(() => consoleStatus(desk.page)).toBe('packed');
    await page.getByRole('button', { name: '打印装箱单' }).waitFor();

    // Ship: scan the tracking number, ship, print the label.
    await page.getByRole('button', { name: '发货此订单' }).click();
    await expect.poll(() => prompt(page)).toBe('请扫描承运商面单上的运单号');
    await scanExpect(world, page, 'SF1234567890', '运单号 SF1234567890');
    expect(await page.getByLabel('运单号').inputValue()).toBe('SF1234567890');
    await page.getByRole('button', { name: '发货', exact: true }).click();
    await drained(page);
    await expect.poll(() => consoleStatus(desk.page)).toBe('shipped');
    await page.getByRole('button', { name: '打印快递面单' }).waitFor();
    await expect.poll(() => prompt(page)).toContain('SF1234567890');
    expect(await noHorizontalScroll(page)).toBe(true);
    await world.screenshot(desk.page, 'console-order-shipped-from-floor.zh-CN');
    await desk.context.close();
    await context.close();
  });

  it('a burst of 20 scans in under a second is recorded exactly, in order', async () => {
    const wh = await createWorld(api);
    const p = await createProduct(api);
    const { page, context } = await world.open({ person: PEOPLE.operator, viewport: PHONE });
    await openFloor(page, wh.warehouseCode);
    await page.getByRole('button', { name: /^收货/ }).click();
    await scanExpect(world, page, 'A-01', /A-01/);
    await scanFocused(page);
    // 20 codes fired 20 ms apart, as fast as a USB scanner sends them (the schedule, not the
    // machine, sets the pace: nothing here asserts how long anything took).
    await burst(page, Array.from({ length: 20 }, () => p.barcode), 20);
    await expect.poll(() => feedback(page)).toContain('（共 20）');
    await drained(page);
    expect(await ledgerUnits(api, p.sku, wh.warehouseId)).toEqual({ units: 20, entries: 20 });
    await context.close();
  });

  it('scans made while the server is unreachable wait on the device and are replayed once', async () => {
    const wh = await createWorld(api);
    const p = await createProduct(api);
    const { page, context } = await world.open({ person: PEOPLE.operator, viewport: PHONE });
    await openFloor(page, wh.warehouseCode);
    await page.getByRole('button', { name: /^收货/ }).click();
    await scanExpect(world, page, 'A-01', /A-01/);
    await scanExpect(world, page, p.barcode, /共 1/);
    await drained(page);

    await context.setOffline(true);
    for (let n = 0; n < 3; n++) await world.scan(page, p.barcode);
    await expect.poll(() => netStatus(page)).toBe('离线 · 3 条待发送');
    await world.screenshot(page, 'floor-offline.zh-CN');
    await context.setOffline(false);
    await drained(page);
    await expect.poll(() => netStatus(page)).toBe('在线');
    expect(await ledgerUnits(api, p.sku, wh.warehouseId)).toEqual({ units: 4, entries: 4 });

    // The answer is lost after the server recorded the scan: the replay, same key, counts once.
    let lost = 0;
    await page.route('**/api/v1/stock/receipts', async (route) => {
      if (lost++ === 0) {
        await route.fetch();
        await route.abort('connectionreset');
      } else await route.continue();
    });
    await world.scan(page, p.barcode);
    await drained(page);
    expect(lost).toBeGreaterThanOrEqual(2);
    expect(await ledgerUnits(api, p.sku, wh.warehouseId)).toEqual({ units: 5, entries: 5 });
    await context.close();
  });

  it('an operator puts away what waits on the dock where Wareloop suggests, then counts that bin blind', async () => {
    const wh = await createWorld(api);
    const p = await createProduct(api);
    await ok(api.post('/api/v1/stock/receipts', { sku: p.sku, warehouseId: wh.warehouseId, locationCode: 'RECV', quantity: 3 }));
    const { page, context } = await world.open({ person: PEOPLE.operator, viewport: PHONE });
    await openFloor(page, wh.warehouseCode);

    await page.getByRole('button', { name: /^上架/ }).click();
    await page.getByRole('button', { name: 'RECV', exact: true }).click();
    await scanFocused(page);
    await expect.poll(() => prompt(page)).toBe('请扫描 RECV 上的商品');
    await world.scan(page, p.barcode);
    await expect.poll(() => feedback(page)).toMatch(new RegExp(`将 3 件 ${p.sku} 放入 `));
    const bin = (await page.locator('li.current .fl-bin').textContent())!;
    await scanExpect(world, page, 'SHIP', /SHIP 不是建议的库位。请扫描 /);
    await world.screenshot(page, 'floor-put-away.zh-CN');
    await scanExpect(world, page, bin, `已上架 3 件 ${p.sku} 到 ${bin}`);
    await drained(page);
    const levels = (await api.get(`/api/v1/stock/levels?sku=${p.sku}&warehouseId=${wh.warehouseId}`)).body.items as Array<{ locationCode: string; onHand: number }>;
    expect(levels.filter((l) => l.onHand > 0).map((l) => [l.locationCode, l.onHand])).toEqual([[bin, 3]]);

    await goFloor(page, '/floor/count');
    await world.scan(page, bin);
    await expect.poll(() => prompt(page)).toBe(`请逐件扫描 ${bin} 中的商品`);
    for (let n = 1; n <= 3; n++) await scanExpect(world, page, p.barcode, `${p.sku}：${bin} 中 ${n} 件`);
    await world.screenshot(page, 'floor-count.zh-CN');
    await page.getByRole('button', { name: '提交盘点' }).click();
    await expect.poll(() => feedback(page)).toMatch(/：已通过$/);
    await context.close();
  });
});
