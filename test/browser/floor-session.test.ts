/**
 * A session that ends mid-shift (expired, or signed out elsewhere) loses no scan: the scans made
 * after it wait on the device, the handheld asks the operator to sign in again and says how many
 * wait, and once signed in they are sent, each once.
 */
import { describe, expect, it } from 'vitest';
import { hasChromium, PEOPLE, useBrowserWorld } from '../support/browser.js';
import { drained, goFloor, ledgerUnits, openFloor, scanExpect } from './floor.helpers.js';

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 120_000, interval: 100 });

describe.skipIf(!hasChromium)('the handheld when the session ends', async () => {
  const world = await useBrowserWorld();
  const api = world.ctx.api;
  const wh = (await api.post('/api/v1/warehouses', { code: 'SES', name: 'Session DC' })).body as { id: number };
  await api.post(`/api/v1/warehouses/${wh.id}/locations`, { code: 'R-01', level: 'bin', type: 'receiving', pickSequence: 1 });
  await api.post('/api/v1/products', { sku: 'PEN-01', name: '钢笔 Pen', category: 'office', unitPrice: 9, barcodes: ['6900000000031'] });

  it('keeps the scans made after the session ended, asks to sign in, then sends them once', async () => {
    const { page, context } = await world.open({ person: PEOPLE.operator, viewport: { width: 360, height: 640 } });
    await openFloor(page, 'SES');
    await goFloor(page, '/floor/receive');
    await scanExpect(world, page, 'R-01', /R-01/);
    await scanExpect(world, page, '6900000000031', /PEN-01/);
    await drained(page);
    expect((await ledgerUnits(api, 'PEN-01', wh.id)).units).toBe(1);

    await world.ctx.db.query('DELETE FROM sessions'); // the session ends on the server
    // The next scan is queued (the product is known to the page), refused for want of a session,
    // and waits on the device while the sign-in shows.
    await world.scan(page, '6900000000031');
    await poll(() => page.getByRole('heading', { name: '登录 Wareloop' }).count()).toBe(1);
    await poll(() => page.getByRole('status').first().innerText()).toContain('会话已结束，请重新登录。 1 条待发送');
    expect((await ledgerUnits(api, 'PEN-01', wh.id)).units).toBe(1);

    await page.getByLabel('邮箱').fill(PEOPLE.operator.email);
    await page.getByLabel('密码').fill(PEOPLE.operator.password);
    await page.getByRole('button', { name: '登录' }).click();
    await poll(async () => (await ledgerUnits(api, 'PEN-01', wh.id)).units).toBe(2);
    await drained(page);
    expect(await ledgerUnits(api, 'PEN-01', wh.id)).toEqual({ units: 2, entries: 2 });
    await context.close();
  });
});
