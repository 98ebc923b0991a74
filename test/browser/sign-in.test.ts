/**
 * Each person signs in on the screen and lands where their job is: the operator on the handheld,
 * customer service and the manager on the console. A wrong password is refused in words, and
 * signing out ends the session.
 */
import { describe, expect, it } from 'vitest';
import { hasChromium, PEOPLE, useBrowserWorld } from '../support/browser.js';

describe.skipIf(!hasChromium)('signing in, per role', async () => {
  const world = await useBrowserWorld();

  it('an operator signing in on a 360×640 phone lands on the handheld', async () => {
    const { page, context } = await world.open({ viewport: { width: 360, height: 640 }, locale: 'zh-CN' });
    await page.goto('/');
    await page.getByLabel('邮箱').fill(PEOPLE.operator.email);
    await page.getByLabel('密码').fill(PEOPLE.operator.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL('**/floor');
    await expect.poll(() => page.locator('header h1').textContent()).toBe('仓库作业');
    await world.screenshot(page, 'floor-home.zh-CN');
    await context.close();
  });

  it('customer service lands on the console; a wrong password is refused first', async () => {
    const { page, context } = await world.open({ locale: 'en' });
    await page.goto('/orders');
    await page.waitForURL('**/login?next=%2Forders');
    await page.getByLabel('E-mail').fill(PEOPLE.service.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Wrong e-mail or password');
    await page.getByLabel('Password').fill(PEOPLE.service.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/orders');
    // The service user's language is zh-CN: the console follows the user's setting.
    await expect.poll(() => page.getByRole('navigation').textContent()).toContain('订单');
    await context.close();
  });
});
