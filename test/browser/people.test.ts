/**
 * People and roles on the console, as an administrator does it: builds a QC inspector role from
 * the permission list, gives a new colleague that role in one warehouse only, relaxes and
 * restores a separation-of-duties step; in Chinese too. Whoever lacks users.manage has no such
 * menu entry. The audit trail then shows who made the role, and its sealed chain verifies.
 */
import { describe, expect, it } from 'vitest';
import { sealNow as sealAudit } from '../../src/platform/audit/seal.js';
import { hasChromium, PEOPLE, useBrowserWorld } from '../support/browser.js';

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 120_000, interval: 100 });

async function ok<T = any>(res: Promise<{ status: number; body: T }>, status = 201): Promise<T> {
  const r = await res;
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body;
}

describe.skipIf(!hasChromium)('people and roles on the console', async () => {
  const world = await useBrowserWorld();
  const api = world.ctx.api;
  const sh = await ok(api.post('/api/v1/warehouses', { code: 'SHA', name: '上海仓 Shanghai DC' }));
  await ok(api.post('/api/v1/warehouses', { code: 'PEK', name: '北京仓 Beijing DC' }));

  it('an administrator builds a role, gives a new colleague it in one warehouse, and relaxes a duty step', async () => {
    const { page, context } = await world.open({ person: PEOPLE.admin, locale: 'en' });
    await page.goto('/people?tab=roles');
    await page.getByRole('button', { name: 'New role' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Role key').fill('qc_inspector');
    await dialog.getByLabel('Name in Chinese').fill('质检员');
    await dialog.getByLabel('Name in English').fill('QC inspector');
    await dialog.getByRole('checkbox', { name: 'See returns' }).check();
    await dialog.getByRole('checkbox', { name: 'Inspect returns' }).check();
    await dialog.getByRole('checkbox', { name: 'See products' }).check();
    await world.screenshot(page, 'console-people-role.en');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await poll(async () => (await ok(api.get('/api/v1/roles'), 200)).items.find((r: any) => r.name === 'qc_inspector')?.permissions).toEqual([
      'catalog.read',
      'returns.inspect',
      'returns.read',
    ]);
    await poll(() => page.locator('.ant-table-tbody').innerText()).toContain('QC inspector');

    await page.getByRole('tab', { name: 'Users' }).click();
    await page.getByRole('button', { name: 'New user' }).click();
    const user = page.getByRole('dialog');
    await user.getByLabel('E-mail').fill('qc.chen@example.com');
    await user.getByLabel('Name').fill('陈质检 Chen');
    await user.getByLabel('Password').fill('inspector-pass-1');
    await user.getByLabel('Role').click();
    await page.locator('.ant-select-item-option', { hasText: 'QC inspector (qc_inspector)' }).click();
    await user.getByLabel('Warehouses').click();
    await page.locator('.ant-select-item-option', { hasText: 'SHA · 上海仓 Shanghai DC' }).click();
    await user.getByLabel('Warehouses').press('Escape');
    await user.getByRole('button', { name: 'Save' }).click();
    await poll(async () => (await ok(api.get('/api/v1/users'), 200)).items.find((u: any) => u.email === 'qc.chen@example.com')).toMatchObject({
      role: 'qc_inspector',
      warehouseIds: [sh.id],
    });
    const row = page.locator('.ant-table-tbody tr', { hasText: 'qc.chen@example.com' });
    await poll(() => row.innerText()).toMatch(/QC inspector[\s\S]*SHA/);
    await world.screenshot(page, 'console-people-users.en');

    await page.getByRole('tab', { name: 'Separation of duties' }).click();
    await page.getByRole('switch', { name: 'returns.inspection' }).click();
    await poll(async () => (await ok(api.get('/api/v1/duty-rules'), 200)).items.find((r: any) => r.step === 'returns.inspection').enforced).toBe(false);
    await page.getByRole('switch', { name: 'returns.inspection' }).click();
    await poll(async () => (await ok(api.get('/api/v1/duty-rules'), 200)).items.find((r: any) => r.step === 'returns.inspection').enforced).toBe(true);
    await context.close();
  });

  it('the audit trail shows who made the role, and verifies the sealed chain', async () => {
    await sealAudit(world.ctx.db);
    const { page, context } = await world.open({ person: PEOPLE.admin, locale: 'en' });
    await page.goto('/audit?entityType=role&entityId=qc_inspector');
    await poll(() => page.locator('.ant-table-tbody').innerText()).toMatch(/Admin[\s\S]*role\.created/);
    await page.getByRole('button', { name: 'Verify the trail' }).click();
    await poll(() => page.locator('main').innerText()).toContain('The audit trail is intact');
    await world.screenshot(page, 'console-audit.en');
    await context.close();
  });

  it('reads in Chinese, and is not on the menu of someone without users.manage', async () => {
    await ok(api.post('/api/v1/users', { email: 'admin.zh@test.local', name: '管理员 王', password: 'admin-zh-pass-1', role: 'admin', locale: 'zh-CN' }));
    const zh = await world.open({ person: { email: 'admin.zh@test.local', password: 'admin-zh-pass-1', role: 'admin', name: '管理员 王', locale: 'zh-CN' } });
    await zh.page.goto('/people?tab=roles');
    await poll(() => zh.page.locator('main').innerText()).toMatch(/人员与角色[\s\S]*系统管理员/);
    await zh.page.getByRole('button', { name: '新建角色' }).click();
    await poll(() => zh.page.getByRole('dialog').innerText()).toMatch(/退货质检[\s\S]*批准与支付退款/);
    await world.screenshot(zh.page, 'console-people-role.zh-CN');
    await zh.context.close();

    const service = await world.open({ person: PEOPLE.service });
    await service.page.goto('/orders');
    await service.page.getByRole('menu').first().waitFor();
    expect(await service.page.getByRole('menuitem', { name: /人员与角色/ }).count()).toBe(0);
    await service.context.close();
  });
});
