/**
 * Running the floor from a desk. Customer service finds an order by the header's search (a
 * customer's phone, then the order number), changes its address (a wrong field is refused at the
 * field), and watches its page turn "packed" live while the warehouse picks and packs it through
 * the API. A manager browses stock levels, finds a product by its barcode, reads its barcodes and
 * its stock per warehouse, and opens a warehouse's location tree. Every main page is
 * photographed in zh-CN and en into docs/screenshots.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Api } from '../support/context.js';
import { hasChromium, PEOPLE, useBrowserWorld, type Person } from '../support/browser.js';


async function ok<T = any>(res: Promise<{ status: number; body: T }>, status = 201): Promise<T> {
  const r = await res;
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body;
}

/** A warehouse with a zone › aisle › rack › bin tree and a shipping dock, a product with a barcode and 20 units in the bin, a customer. */
async function setUp(api: Api) {
  const wh = await ok(api.post('/api/v1/warehouses', { code: 'SH1', name: '上海一号仓 Shanghai 1', address: '上海市浦东新区' }));
  let parentId: number | null = null;
  for (const [code, level] of [['A', 'zone'], ['A-01', 'aisle'], ['A-01-01', 'rack'], ['A-01-01-01', 'bin']] as const) {
    const loc: { id: number } = await ok(api.post(`/api/v1/warehouses/${wh.id}/locations`, { code, level, type: 'storage', parentId, pickSequence: 10 }));
    parentId = loc.id;
  }
  await ok(api.post(`/api/v1/warehouses/${wh.id}/locations`, { code: 'SHIP', level: 'bin', type: 'shipping', pickSequence: 100 }));
  const product = await ok(api.post('/api/v1/products', { sku: 'TEA-001', name: '龙井茶 Longjing tea 250 g', category: 'food', unitPrice: 168, weightG: 300, barcodes: ['6901234567892'] }));
  await ok(api.post('/api/v1/stock/receipts', { sku: '6901234567892', warehouseId: wh.id, locationCode: 'A-01-01-01', quantity: 20, lot: '2026-11', expiresOn: '2027-11-01' }));
  const customer = await ok(
    api.post('/api/v1/customers', {
      name: '王芳',
      phone: '13912345678',
      addresses: [{ recipientName: '王芳', phone: '13912345678', province: '浙江省', city: '杭州市', district: '西湖区', line1: '龙井路 1 号' }],
    }),
  );
  const order = await ok(api.post('/api/v1/orders', { customerId: customer.id, channel: 'tmall', warehouseId: wh.id, lines: [{ sku: 'TEA-001', quantity: 2 }] }));
  return { warehouseId: wh.id as number, productId: product.id as number, orderId: order.id as number, orderNumber: order.number as string };
}

/** Waits for what the page shows, as long as a loaded 2-core machine may need. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 120_000, interval: 100 });
const text = (page: Page, selector: string) => page.locator(selector).first().innerText();

describe.skipIf(!hasChromium)('the console, from a desk', async () => {
  const world = await useBrowserWorld();
  const s = await setUp(world.ctx.api);

  it('customer service finds an order by phone and number, fixes its address, and sees it packed live', async () => {
    const { page, context } = await world.open({ person: PEOPLE.service });
    await page.goto('/orders');
    await poll(() => text(page, '.ant-table-tbody')).toContain(s.orderNumber);
    await world.screenshot(page, 'console-orders.zh-CN');

    // A customer's phone: their orders.
    await page.getByLabel('搜索', { exact: true }).fill('13912345678');
    await page.getByLabel('搜索', { exact: true }).press('Enter');
    await page.waitForURL(/\/orders\?customerId=\d+/);
    await poll(() => text(page, '.ant-table-tbody')).toContain(s.orderNumber);
    expect(await text(page, '.ant-table-tbody')).toContain('天猫');

    // The order number: the order itself, confirmed, with its line.
    await page.getByLabel('搜索', { exact: true }).fill(s.orderNumber);
    await page.getByLabel('搜索', { exact: true }).press('Enter');
    await page.waitForURL(`**/orders/${s.orderId}`);
    await poll(() => page.locator('h4').first().innerText()).toBe(`订单 ${s.orderNumber}`);
    await poll(() => text(page, '[data-status]')).toBe('已确认');
    expect(await page.locator('.ant-card').filter({ hasText: '订单行' }).innerText()).toContain('TEA-001');

    // Change the address: an emptied recipient is refused at its field, with the API's words.
    await page.getByRole('button', { name: '修改地址' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('收件人').fill('');
    await dialog.getByLabel('详细地址').fill('龙井路 8 号');
    await dialog.getByRole('button', { name: '确认' }).click();
    await poll(() => dialog.getByRole('alert').first().innerText()).toContain('recipientName');
    await poll(() => dialog.locator('.ant-form-item-has-error').innerText()).toContain('收件人');
    await dialog.getByLabel('收件人').fill('王芳');
    await dialog.getByRole('button', { name: '确认' }).click();
    await poll(() => page.getByRole('dialog').count()).toBe(0);
    await poll(() => page.locator('.ant-card').filter({ hasText: '概要' }).innerText()).toContain('龙井路 8 号');
    await poll(() => text(page, '[data-event="order.address_changed"]')).toContain('地址已修改');

    // The warehouse picks and packs it; the page follows without a reload.
    const api = world.ctx.api;
    await ok(api.post(`/api/v1/orders/${s.orderId}/pick-list`, {}), 200);
    await ok(api.post(`/api/v1/orders/${s.orderId}/picks`, { locationCode: 'A-01-01-01', code: '6901234567892', quantity: 2 }), 200);
    await poll(() => text(page, '[data-status]')).toBe('已拣货');
    await ok(api.post(`/api/v1/orders/${s.orderId}/pack`, { scans: [{ code: '6901234567892', quantity: 2 }] }), 200);
    await poll(() => text(page, '[data-status]')).toBe('已打包');
    await poll(() => text(page, '[data-event="order.packed"]')).toContain('已打包');
    expect(await page.locator('.ant-card').filter({ hasText: '拣货单 · 第' }).innerText()).toContain('A-01-01-01');
    // Packed: no more intercepting or changing the address.
    expect(await page.getByRole('button', { name: '拦截' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '修改地址' }).count()).toBe(0);
    await world.screenshot(page, 'console-order-detail.zh-CN');

    // Hold it (a reason is asked for), then release it.
    await page.getByRole('button', { name: '暂停', exact: true }).click();
    await page.getByRole('dialog').getByLabel('原因').fill('客户来电要求暂缓发货');
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await poll(() => page.locator('.ant-card').filter({ hasText: '概要' }).innerText()).toContain('客户来电要求暂缓发货');
    await poll(() => page.getByRole('dialog').count()).toBe(0);
    await page.getByRole('button', { name: '解除暂停' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await poll(() => page.getByRole('dialog').count()).toBe(0);
    await poll(() => page.getByRole('button', { name: '暂停', exact: true }).count()).toBe(1);
    await poll(() => text(page, '[data-event="order.hold_released"]')).toContain('已解除暂停');
    await context.close();
  });

  it('a manager browses stock levels, a product found by barcode, and a location tree', async () => {
    const { page, context } = await world.open({ person: PEOPLE.manager });
    await page.goto('/orders');
    await poll(() => text(page, '.ant-table-tbody')).toContain(s.orderNumber);
    await world.screenshot(page, 'console-orders.en');
    await page.getByRole('link', { name: s.orderNumber }).click();
    await poll(() => page.locator('h4').first().innerText()).toBe(`Order ${s.orderNumber}`);
    await poll(() => page.locator('.ant-card').filter({ hasText: 'Lines' }).innerText()).toContain('龙井茶 Longjing tea 250 g');
    await poll(() => text(page, '[data-event="order.created"]')).toContain('Order placed');
    await world.screenshot(page, 'console-order-detail.en');

    // Filters live in the URL: today's Tmall orders of SH1 not yet shipped, and none shipped.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const filtered = `/orders?warehouseId=${s.warehouseId}&channel=tmall&from=${today}&to=${today}`;
    await page.goto(`${filtered}&status=confirmed,picking,picked,packed`);
    await poll(() => text(page, '.ant-table-tbody')).toContain(s.orderNumber);
    await page.goto(`${filtered}&status=shipped,delivered`);
    await poll(() => text(page, '.ant-table-tbody')).toContain('Nothing here yet');

    await page.getByRole('navigation').getByText('Stock').click();
    await page.waitForURL('**/stock/levels');
    const filters = page.getByRole('form', { name: 'Stock filters' });
    await poll(() => text(page, '.ant-table-tbody')).toContain('A-01-01-01');
    await filters.getByLabel('SKU or barcode').fill('TEA-001');
    // Stock moves while the manager types: the table follows live, and what they typed stays.
    await ok(world.ctx.api.post('/api/v1/stock/receipts', { sku: 'TEA-001', warehouseId: s.warehouseId, locationCode: 'A-01-01-01', quantity: 5, lot: 'LIVE' }));
    await poll(() => text(page, '.ant-table-tbody')).toContain('LIVE');
    expect(await filters.getByLabel('SKU or barcode').inputValue()).toBe('TEA-001');
    await filters.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/sku=TEA-001/);
    await poll(() => text(page, '.ant-table-tbody')).toContain('A-01-01-01');
    // 20 received, 2 picked out of the bin onto the order: 18 left in the bin.
    expect(await text(page, '.ant-table-tbody')).toMatch(/18/);
    await world.screenshot(page, 'console-stock-levels.en');

    await page.getByRole('tab', { name: 'Availability' }).click();
    await poll(() => text(page, '.ant-card')).toContain('TEA-001');
    await world.screenshot(page, 'console-stock-availability.en');

    await page.getByLabel('Search', { exact: true }).fill('6901234567892');
    await page.getByLabel('Search', { exact: true }).press('Enter');
    await page.waitForURL(`**/products/${s.productId}`);
    await poll(() => page.getByRole('list', { name: 'Barcodes' }).innerText()).toContain('6901234567892');
    await poll(() => page.locator('.ant-card').filter({ hasText: 'Stock per warehouse' }).innerText()).toContain('SH1');
    await world.screenshot(page, 'console-product.en');

    // A second barcode: a space is refused at the field; a good one is added, then removed.
    const newBarcode = page.getByLabel('New barcode');
    await newBarcode.fill('69 01');
    await page.getByRole('button', { name: 'Add barcode' }).click();
    await poll(() => page.locator('.ant-form-item-has-error').innerText()).toContain('barcode is 1 to 64 printable ASCII characters');
    // The refused request has ended (the button no longer spins: a click on a spinning button is ignored).
    await poll(() => page.getByRole('button', { name: 'Add barcode' }).getAttribute('class')).not.toContain('ant-btn-loading');
    await newBarcode.fill('6901234567809');
    await page.getByRole('button', { name: 'Add barcode' }).click();
    await poll(() => page.getByRole('list', { name: 'Barcodes' }).innerText()).toContain('6901234567809');
    expect((await world.ctx.api.get('/api/v1/products/by-code/6901234567809')).body.sku).toBe('TEA-001');
    await page.getByRole('button', { name: 'Remove barcode 6901234567809' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Confirm' }).click();
    await poll(() => page.getByRole('list', { name: 'Barcodes' }).innerText()).not.toContain('6901234567809');
    expect((await world.ctx.api.get('/api/v1/products/by-code/6901234567809')).status).toBe(404);

    await page.goto('/warehouses');
    await page.getByRole('link', { name: 'SH1' }).click();
    await page.waitForURL(`**/warehouses/${s.warehouseId}`);
    await poll(() => page.locator('[data-location="A-01-01-01"]').count()).toBe(1);
    const tree = await text(page, '.ant-table-tbody');
    for (const code of ['A', 'A-01', 'A-01-01', 'A-01-01-01']) expect(tree).toContain(code);
    expect(tree).toContain('Bin');
    expect(tree).toContain('Zone');
    expect(await page.locator('.ant-descriptions').innerText()).toContain('Asia/Shanghai');
    await world.screenshot(page, 'console-warehouse.en');
    await context.close();
  });

  it('every main page reads in Chinese too', async () => {
    const person: Person = PEOPLE.service;
    const { page, context } = await world.open({ person });
    const pages: Array<[string, string, string]> = [
      ['/stock/levels?sku=TEA-001', 'console-stock-levels.zh-CN', '可用'],
      ['/stock/availability?sku=TEA-001', 'console-stock-availability.zh-CN', '可承诺量'],
      ['/stock/ledger', 'console-stock-ledger.zh-CN', '收货'],
      [`/products/${s.productId}`, 'console-product.zh-CN', '6901234567892'],
      ['/products', 'console-products.zh-CN', 'TEA-001'],
      [`/warehouses/${s.warehouseId}`, 'console-warehouse.zh-CN', '货位'],
    ];
    for (const [path, name, expected] of pages) {
      await page.goto(path);
      await poll(() => page.locator('main, .ant-layout-content').first().innerText()).toContain(expected);
      await poll(() => page.locator('.ant-spin-spinning').count()).toBe(0);
      await world.screenshot(page, name);
    }
    await context.close();
  });
});
