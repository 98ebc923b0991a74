/**
 * Stock control with four eyes, across both surfaces. An operator counts a bin blind on the
 * handheld (no expected quantities shown) and submits; a manager opens the count on the console,
 * reads the variance (expected, counted, difference), approves it, and the difference is posted
 * to the ledger referencing the count. The operator who counted cannot approve it. Also: an
 * order's documents print from its console page, as real PDFs.
 */
import { describe, expect, it } from 'vitest';
import { hasChromium, PEOPLE, useBrowserWorld } from '../support/browser.js';
import type { Api } from '../support/context.js';
import { drained, feedback, goFloor, openFloor, scanExpect } from './floor.helpers.js';

async function ok<T = any>(res: Promise<{ status: number; body: T }>, status = 201): Promise<T> {
  const r = await res;
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body;
}

async function setUp(api: Api) {
  const wh = await ok(api.post('/api/v1/warehouses', { code: 'CNT', name: '盘点仓 Count DC' }));
  await ok(api.post(`/api/v1/warehouses/${wh.id}/locations`, { code: 'B-01', level: 'bin', type: 'storage', pickSequence: 10 }));
  await ok(api.post(`/api/v1/warehouses/${wh.id}/locations`, { code: 'SHIP', level: 'bin', type: 'shipping', pickSequence: 100 }));
  await ok(api.post('/api/v1/products', { sku: 'MUG-01', name: '马克杯 Mug', category: 'home', unitPrice: 39, barcodes: ['6900000000024'] }));
  await ok(api.post('/api/v1/stock/receipts', { sku: 'MUG-01', warehouseId: wh.id, locationCode: 'B-01', quantity: 5 }));
  const customer = await ok(api.post('/api/v1/customers', { name: '赵磊', phone: '13700001111', addresses: [{ recipientName: '赵磊', phone: '13700001111', province: '上海市', city: '上海市', district: '徐汇区', line1: '漕溪北路 1 号' }] }));
  const order = await ok(api.post('/api/v1/orders', { customerId: customer.id, channel: 'web', warehouseId: wh.id, lines: [{ sku: 'MUG-01', quantity: 1 }] }));
  return { warehouse: wh as { id: number; code: string; name: string }, orderId: order.id as number };
}

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 120_000, interval: 100 });

describe.skipIf(!hasChromium)('a blind count, approved by another person', async () => {
  const world = await useBrowserWorld();
  const s = await setUp(world.ctx.api);

  it('the operator counts B-01 on the handheld without seeing the books; the manager approves the variance on the console', async () => {
    const floor = await world.open({ person: PEOPLE.operator, viewport: { width: 360, height: 640 } }); // the operator works in zh-CN
    await openFloor(floor.page, 'CNT');
    await goFloor(floor.page, '/floor/count');
    await world.scan(floor.page, 'B-01'); // opens a blind count of the bin, and its sheet
    await floor.page.waitForURL(/\/floor\/count\/\d+/);
    await scanExpect(world, floor.page, 'B-01', /正在盘点 B-01/);
    for (let i = 1; i <= 3; i++) await scanExpect(world, floor.page, '6900000000024', new RegExp(`MUG-01：B-01 中 ${i} 件`));
    // Blind: the books' 5 appear nowhere on the counter's screen.
    expect(await floor.page.locator('main').innerText()).not.toMatch(/\b5\b/);
    await floor.page.getByRole('button', { name: '提交盘点' }).click();
    await drained(floor.page);
    await poll(() => feedback(floor.page)).toMatch(/等待复核/);

    const counts = await ok(world.ctx.api.get(`/api/v1/stock/counts?warehouseId=${s.warehouse.id}&status=submitted`), 200);
    const count = counts.items[0] as { id: number; number: string };
    expect(count).toBeDefined();

    const desk = await world.open({ person: PEOPLE.manager, locale: 'en' });
    await desk.page.goto('/stock/counts');
    await desk.page.getByRole('button', { name: count.number }).click();
    const drawer = desk.page.getByRole('dialog');
    await poll(() => drawer.innerText()).toContain('Lines with a difference: 1; net difference -2');
    const row = await drawer.locator('.ant-table-tbody tr').first().innerText();
    expect(row.replace(/\s+/g, ' ')).toMatch(/B-01 MUG-01 — 5 3 -2/);
    await world.screenshot(desk.page, 'console-count-approval.en');
    await drawer.getByRole('button', { name: 'Approve and post' }).click();
    await poll(async () => (await ok(world.ctx.api.get(`/api/v1/stock/counts/${count.id}`), 200)).status).toBe('approved');

    const ledger = await ok(world.ctx.api.get(`/api/v1/stock/ledger?warehouseId=${s.warehouse.id}&reference=${count.number}`), 200);
    expect(ledger.items.map((e: { quantity: number; movement: string }) => [e.movement, e.quantity])).toEqual([['adjustment', -2]]);
    const levels = await ok(world.ctx.api.get(`/api/v1/stock/levels?warehouseId=${s.warehouse.id}&sku=MUG-01`), 200);
    expect(levels.items.reduce((n: number, l: { onHand: number }) => n + l.onHand, 0)).toBe(3);
    await floor.context.close();
    await desk.context.close();
  });

  it("the console prints an order's pick list and packing slip as PDFs once it is picked", async () => {
    const api = world.ctx.api;
    await ok(api.post(`/api/v1/orders/${s.orderId}/pick-list`, {}), 200);
    await ok(api.post(`/api/v1/orders/${s.orderId}/picks`, { locationCode: 'B-01', code: '6900000000024', quantity: 1 }), 200);
    const { page, context } = await world.open({ person: PEOPLE.service, locale: 'zh-CN' });
    await page.goto(`/orders/${s.orderId}`);
    const pickList = page.getByRole('link', { name: /拣货单 \(PDF\)/ });
    const slip = page.getByRole('link', { name: /装箱单 \(PDF\)/ });
    await poll(() => slip.count()).toBe(1);
    for (const link of [pickList, slip]) {
      const href = (await link.getAttribute('href'))!;
      const res = await context.request.get(href);
      expect(res.status(), href).toBe(200);
      expect(res.headers()['content-type']).toContain('application/pdf');
      expect((await res.body()).subarray(0, 5).toString()).toBe('%PDF-');
    }
    expect(await page.getByRole('link', { name: /快递面单/ }).count()).toBe(0); // not shipped yet
    await context.close();
  });
});

