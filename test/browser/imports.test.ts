/**
 * Moving in from spreadsheets on the console, as an administrator does it: a customer file with a
 * bad row is checked (dry run) and refused row by row, nothing written; the corrected file is
 * checked, then imported with one click, and the customers are there. In English and Chinese.
 */
import { describe, expect, it } from 'vitest';
import { hasChromium, PEOPLE, useBrowserWorld } from '../support/browser.js';

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 120_000, interval: 100 });

const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\r\n') + '\r\n', 'utf8');
const HEADER = ['code', 'name', 'phone', 'tags', 'city', 'address'];

describe.skipIf(!hasChromium)('imports on the console', async () => {
  const world = await useBrowserWorld();
  const api = world.ctx.api;

  it('a customer file is checked row by row, corrected, checked again and imported', async () => {
    const { page, context } = await world.open({ person: PEOPLE.admin, locale: 'en' });
    await page.goto('/imports');
    await poll(() => page.getByRole('heading', { name: 'Import from spreadsheets' }).count()).toBe(1);
    await expect(page.getByRole('checkbox', { name: /dry run/ }).isChecked()).resolves.toBe(true);

    // A phone that is not one, on the file's third line: the row, the column as the file names it, why.
    await page.locator('input[type=file]').setInputFiles({
      name: 'customers.csv',
      mimeType: 'text/csv',
      buffer: csv([HEADER, ['IMP-001', '王芳', '13912345678', 'vip', '上海市', '世纪大道 1 号'], ['IMP-002', '李雷', 'not-a-phone', '', '杭州市', '文三路 2 号']]),
    });
    const report = page.getByRole('region', { name: 'Import of customers.csv' });
    await poll(() => report.getByText('Errors (1); nothing was written').count()).toBe(1);
    const row = report.locator('.ant-table-tbody tr').filter({ hasText: 'phone' }).first();
    expect(await row.innerText()).toMatch(/^3\s+phone\s+/);
    await world.screenshot(page, 'console-imports-errors.en');
    expect((await api.get('/api/v1/customers?q=IMP-001')).body.items).toHaveLength(0);

    // The corrected file: checked, then imported with one click.
    await page.locator('input[type=file]').setInputFiles({
      name: 'customers-fixed.csv',
      mimeType: 'text/csv',
      buffer: csv([HEADER, ['IMP-001', '王芳', '13912345678', 'vip', '上海市', '世纪大道 1 号'], ['IMP-002', '李雷', '13812345678', '', '杭州市', '文三路 2 号']]),
    });
    const fixed = page.getByRole('region', { name: 'Import of customers-fixed.csv' });
    await poll(() => fixed.getByText('Checked: no errors').count()).toBe(1);
    expect((await api.get('/api/v1/customers?q=IMP-002')).body.items).toHaveLength(0);
    await fixed.getByRole('button', { name: 'Import these rows' }).click();
    await poll(() => fixed.getByText(/^Created: /).innerText()).toBe('Created: 2 customers, 2 addresses. Skipped as already there: 0 customers, 0 addresses.');
    const imported = (await api.get('/api/v1/customers?q=IMP-002')).body.items;
    expect(imported).toEqual([expect.objectContaining({ code: 'IMP-002', name: '李雷' })]);
    // The recent imports list both files, the first refused, the second imported.
    await poll(() => page.locator('.ant-table-tbody').last().innerText()).toContain('customers-fixed.csv');
    const recent = await page.locator('.ant-table-tbody').last().innerText();
    expect(recent).toContain('Imported');
    expect(recent).toContain('Not imported');
    await context.close();
  });

  it('在中文界面中校验并导入商品文件', async () => {
    const { page, context } = await world.open({ person: PEOPLE.admin });
    await page.goto('/imports');
    await page.locator('.ant-segmented-item', { hasText: '中文' }).click();
    await poll(() => page.getByRole('heading', { name: '从表格导入' }).count()).toBe(1);
    await page.getByTestId('import-kind').click();
    await page.locator('.ant-select-item-option', { hasText: '商品' }).click();
    await page.locator('input[type=file]').setInputFiles({
      name: '商品.csv',
      mimeType: 'text/csv',
      buffer: csv([
        ['商品编码', '名称', '单价', '条码'],
        ['TEA-IMP-1', '龙井茶 250 g', '168.00', '6901234500011'],
        ['TEA-IMP-2', '碧螺春 250 g', '128.00', '6901234500028'],
      ]),
    });
    const report = page.getByRole('region', { name: '商品.csv 的导入' });
    await poll(() => report.getByText('校验通过：没有错误').count()).toBe(1);
    await report.getByRole('button', { name: '导入这些行' }).click();
    await poll(() => report.getByText(/^新建：/).innerText()).toBe('新建：商品 2 个，条码 2 个。已存在而跳过：商品 0 个。');
    await world.screenshot(page, 'console-imports.zh-CN');
    expect((await api.get('/api/v1/products/by-code/6901234500028')).body).toMatchObject({ sku: 'TEA-IMP-2' });
    await page.locator('.ant-segmented-item', { hasText: 'English' }).click(); // the admin's language is remembered: leave it as it was
    await poll(() => page.getByRole('heading', { name: 'Import from spreadsheets' }).count()).toBe(1);
    await context.close();
  });
});
