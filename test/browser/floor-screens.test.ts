/**
 * Every job screen of the handheld in zh-CN and in English, at 360×640: screenshots for review,
 * no horizontal scroll, a label on every control, and the language switch changing every string.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, PEOPLE, useBrowserWorld } from '../support/browser.js';
import { createProduct, createWorld, ok, placeOrder, receive } from '../orders.fixtures.js';
import { goFloor, openFloor, prompt, scanExpect } from './floor.helpers.js';

const CJK = /[\u3000-\u9fff\uff00-\uffef]/;

/** Visible text of the job screen and the header's status (the language button names the other language in it). */
const screenText = (page: Page) => page.evaluate(() => `${document.querySelector('main')?.innerText ?? ''}\n${document.querySelector('[data-testid=net-status]')?.textContent ?? ''}`);

const unlabelled = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('button, input, select, textarea')]
      .filter((el) => {
        const e = el as HTMLInputElement;
        const named = e.getAttribute('aria-label') || (e.labels && e.labels.length > 0) || (el.tagName === 'BUTTON' && el.textContent?.trim());
        return !named;
      })
      .map((el) => el.outerHTML.slice(0, 80)),
  );

describe.skipIf(!hasChromium)('the handheld screens, in both languages', async () => {
  const world = await useBrowserWorld();
  const api = world.ctx.api;

  it('each job screen in zh-CN and en: labelled, no horizontal scroll; the switch changes every string', async () => {
    const wh = await createWorld(api);
    const p = await createProduct(api);
    await receive(api, wh, { sku: p.sku, quantity: 20, locationCode: 'A-01' });
    const toPick = await placeOrder(api, wh, [{ sku: p.sku, quantity: 2 }], { note: 'Fragile' });
    const toPack = await placeOrder(api, wh, [{ sku: p.sku, quantity: 2 }]);
    const toShip = await placeOrder(api, wh, [{ sku: p.sku, quantity: 1 }]);
    for (const o of [toPack, toShip]) {
      await ok(api.post(`/api/v1/orders/${o.id}/pick-list`), 200);
      await ok(api.post(`/api/v1/orders/${o.id}/picks`, { locationCode: 'A-01', code: p.sku, quantity: o.id === toPack.id ? 2 : 1 }), 200);
    }
    await ok(api.post(`/api/v1/orders/${toShip.id}/pack`, { scans: [{ code: p.sku, quantity: 1 }] }), 200);

    const { page, context } = await world.open({ person: PEOPLE.operator, viewport: { width: 360, height: 640 } });
    await openFloor(page, wh.warehouseCode);

    const screens: Array<{ name: string; path: string; then?: () => Promise<void> }> = [
      { name: 'home', path: '/floor' },
      { name: 'receive', path: '/floor/receive', then: () => scanExpect(world, page, 'A-02', /A-02/) },
      { name: 'put-away', path: '/floor/put-away', then: () => scanExpect(world, page, 'RECV', /RECV/) },
      { name: 'pick-queue', path: '/floor/pick' },
      { name: 'pick', path: `/floor/pick/${toPick.id}` },
      { name: 'pack', path: `/floor/pack/${toPack.id}`, then: () => scanExpect(world, page, p.barcode, /1\/2/) },
      { name: 'ship', path: `/floor/ship/${toShip.id}`, then: () => scanExpect(world, page, 'YT9876543210', /YT9876543210/) },
      { name: 'move', path: '/floor/move', then: () => scanExpect(world, page, 'A-01', /A-01/) },
      { name: 'count', path: '/floor/count' },
    ];
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const s of screens) {
        await goFloor(page, s.path);
        if (s.name !== 'home') await expect.poll(() => prompt(page)).toBeTruthy();
        // What was scanned in Chinese is still there in English: the task survived the reload.
        if (lang === 'zh-CN') await s.then?.();
        await world.screenshot(page, `floor-${s.name}.${lang}`);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${s.name} scrolls sideways`).toBe(true);
        expect(await unlabelled(page), s.name).toEqual([]);
        // The customer's address is data, written in Chinese whatever the screen's language.
        const text = (await screenText(page)).replace(/上海市|浦东新区|世纪大道 100 号/g, '');
        if (lang === 'en') expect(text, `${s.name} in English`).not.toMatch(CJK);
        else expect(text, `${s.name} in Chinese`).toMatch(CJK);
        if (s.name === 'pack') expect(text).toContain('1/2');
      }
      if (lang === 'zh-CN') {
        // The switch, on a job screen: every string changes at once, no reload.
        await goFloor(page, `/floor/pick/${toPick.id}`);
        await expect.poll(() => prompt(page)).toBe('请先阅读订单备注，再点“已阅读”。');
        const before = await screenText(page);
        await page.getByRole('button', { name: '语言' }).click();
        await expect.poll(() => prompt(page)).toBe('Read the order note, then tap "I have read it".');
        const after = await screenText(page);
        expect(after).not.toMatch(CJK);
        expect(after).not.toBe(before);
        expect(await page.getByRole('button', { name: 'Language' }).textContent()).toBe('中文');
      }
    }
    // Leave the operator's language as it was for other tests.
    await page.getByRole('button', { name: 'Language' }).click();
    await expect.poll(() => page.locator('header h1').textContent()).toBe('仓库作业');
    await context.close();
  });
});
