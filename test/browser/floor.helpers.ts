/** Helpers for driving the handheld in browser tests: choose a warehouse, scan, read answers, wait for the outbox. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { BrowserWorld } from '../support/browser.js';
import type { Api } from '../support/context.js';

export const feedback = (page: Page) => page.getByTestId('feedback').textContent();
export const prompt = (page: Page) => page.getByTestId('prompt').textContent();
export const netStatus = (page: Page) => page.getByTestId('net-status').textContent();

/** Resolves when every queued scan has been answered (the outbox the page exposes for this). */
export async function drained(page: Page) {
  await page.evaluate(() => (window as unknown as { wareloopOutbox: { drained(): Promise<void> } }).wareloopOutbox.drained());
}

export async function scanFocused(page: Page) {
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('scan-input');
}

/** Scans one code and waits for the answer to name `expected`. */
export async function scanExpect(world: BrowserWorld, page: Page, code: string, expected: string | RegExp) {
  await world.scan(page, code);
  await expect.poll(() => feedback(page)).toMatch(expected);
}

export async function openFloor(page: Page, warehouseCode: string) {
  await page.goto('/floor');
  await page.getByRole('button', { name: new RegExp(`^${warehouseCode} · `) }).click();
  await page.getByRole('navigation').waitFor();
  await scanFocused(page);
}

/** Opens a handheld path and waits until the scan input has the focus (a scanner's first keys are not lost). */
export async function goFloor(page: Page, path: string) {
  await page.goto(path);
  await scanFocused(page);
}

/**
 * Sends codes as a USB scanner does, as key events (each character's keydown and keyup, then
 * Enter) on the focused scan input, one code every `everyMs`. Dispatched inside the page: driving
 * them through Playwright costs a DevTools round trip per key (~5 ms), slower than a scanner.
 * Answers how long sending took.
 */
export async function burst(page: Page, codes: string[], everyMs = 40): Promise<number> {
  return page.evaluate(
    async ({ codes, everyMs }) => {
      const started = performance.now();
      for (const code of codes) {
        const target = document.activeElement ?? document.body;
        const key = (k: string) => {
          target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
          target.dispatchEvent(new KeyboardEvent('keyup', { key: k, bubbles: true }));
        };
        for (const ch of code) key(ch);
        key('Enter');
        await new Promise((r) => setTimeout(r, everyMs));
      }
      return performance.now() - started;
    },
    { codes, everyMs },
  );
}

/** Units on hand of a SKU in a warehouse, summed from the stock ledger (every movement). */
export async function ledgerUnits(api: Api, sku: string, warehouseId: number): Promise<{ units: number; entries: number }> {
  const res = await api.get(`/api/v1/stock/ledger?sku=${encodeURIComponent(sku)}&warehouseId=${warehouseId}&limit=200`);
  const items = res.body.items as Array<{ quantity: number }>;
  return { units: items.reduce((n, e) => n + e.quantity, 0), entries: items.length };
}

/** The status the customer-service order page shows in its header. */
export async function consoleStatus(page: Page): Promise<string | null> {
  return page.locator('[data-status]').first().getAttribute('data-status');
}
