/**
 * Browser tests: the real server (a fresh database, the built web app, a real HTTP port) driven
 * by Debian's Chromium through playwright-core. `useBrowserWorld()` gives a test file its server,
 * its browser and helpers to open a page as a demo person, scan, and take screenshots into
 * docs/screenshots (the folder the README names).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, onTestFailed } from 'vitest';
import { createUser } from '../../src/platform/auth/auth.service.js';
import { createTestContext, type TestContext } from './context.js';
import { CACHE_DIR } from './paths.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));
export const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

/** Whether this machine can run browser tests (CI installs Chromium; see .ci/run). */
export const hasChromium = existsSync(CHROMIUM);

export type Person = { email: string; password: string; role: string; name: string; locale: 'zh-CN' | 'en' };

export const PEOPLE = {
  operator: { email: 'operator@test.local', password: 'operator-pass-1', role: 'warehouse_operator', name: '王师傅 Operator', locale: 'zh-CN' },
  service: { email: 'service@test.local', password: 'service-pass-1', role: 'customer_service', name: '李客服 Service', locale: 'zh-CN' },
  manager: { email: 'manager@test.local', password: 'manager-pass-1', role: 'manager', name: 'Manager Zhang', locale: 'en' },
  admin: { email: 'admin2@test.local', password: 'admin-pass-1', role: 'admin', name: 'Admin', locale: 'en' },
} satisfies Record<string, Person>;

export type BrowserWorld = {
  ctx: TestContext;
  /** http://127.0.0.1:PORT */
  baseUrl: string;
  browser: Browser;
  /** A new browser context (its own cookies) with the given viewport, already signed in when a person is given. */
  open(opts?: { person?: Person; viewport?: { width: number; height: number }; locale?: 'zh-CN' | 'en' }): Promise<{ context: BrowserContext; page: Page }>;
  /** Types a code as a keyboard-wedge scanner does: the characters, then Enter. */
  scan(page: Page, code: string): Promise<void>;
  /** Writes docs/screenshots/<name>.png. */
  screenshot(page: Page, name: string): Promise<void>;
};

/**
 * A CI machine's Chromium may have no CJK font, where every phone and desktop our users have does:
 * lend it the Source Han Sans the PDFs embed (an npm dependency), so zh-CN pages and screenshots
 * show Chinese rather than boxes. Set before the browser starts.
 */
function lendCjkFont() {
  const cjkDir = dirname(createRequire(import.meta.url).resolve('source-han-sans-cn/package.json'));
  const fontDir = join(tmpdir(), `wareloop-fonts-${process.pid}`);
  mkdirSync(fontDir, { recursive: true });
  writeFileSync(
    join(fontDir, 'fonts.conf'),
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>` +
      `<dir>${cjkDir}</dir><cachedir>${fontDir}/cache</cachedir></fontconfig>`,
  );
  process.env.FONTCONFIG_FILE = join(fontDir, 'fonts.conf');
}

/**
 * When the test that opened this browser context fails, print what a person would have seen:
 * each page's address, its open dialogs and alerts, its last API requests with their answers (and
 * any request refused or that never reached the server), and the browser console's errors; and keep a screenshot of each page under
 * .test-cache/failures/. CI keeps only the log, so the log must say why.
 */
function explainFailure(context: BrowserContext) {
  const seen: string[] = [];
  const note = (line: string) => {
    seen.push(`${new Date().toISOString().slice(11, 23)} ${line}`);
    if (seen.length > 40) seen.shift();
  };
  context.on('response', (r) => {
    const url = new URL(r.url());
    if (r.status() >= 400 || (url.pathname.startsWith('/api/') && url.pathname !== '/api/v1/events/stream')) note(`${r.status()} ${r.request().method()} ${url.pathname}${url.search}`);
  });
  context.on('requestfailed', (r) => note(`failed ${r.method()} ${r.url()}: ${r.failure()?.errorText ?? ''}`));
  context.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') note(`console.${m.type()}: ${m.text().slice(0, 300)}`);
  });
  context.on('weberror', (e) => note(`page error: ${e.error().message}`));
  onTestFailed(async ({ task }) => {
    const dir = join(CACHE_DIR, 'failures');
    mkdirSync(dir, { recursive: true });
    const lines = [`[browser] what the browser saw when "${task.name}" failed:`];
    for (const [i, page] of context.pages().entries()) {
      lines.push(`  page ${i}: ${page.url()}`);
      const shown = await page
        .locator('[role=dialog], [role=alert], .ant-message, .ant-notification')
        .allInnerTexts()
        .catch(() => []);
      for (const text of shown) lines.push(`    shows: ${text.replace(/\s+/g, ' ').slice(0, 300)}`);
      const file = join(dir, `${task.name.replace(/[^\w-]+/g, '-').slice(0, 80)}-${i}.png`);
      await page.screenshot({ path: file, fullPage: true, timeout: 10_000 }).then(
        () => lines.push(`    screenshot: ${file}`),
        () => undefined,
      );
    }
    lines.push(...seen.map((l) => `  ${l}`));
    console.error(lines.join('\n'));
  });
}

export async function useBrowserWorld(): Promise<BrowserWorld> {
  lendCjkFont();
  if (!existsSync(`${WEB_ROOT}index.html`)) throw new Error('dist/web is not built; the global setup builds it (node scripts/build.mjs)');
  const ctx = await createTestContext({}, { webRoot: WEB_ROOT });
  await ctx.db.transaction(async (tx) => {
    for (const p of Object.values(PEOPLE)) await createUser(tx, 'system', { email: p.email, name: p.name, password: p.password, role: p.role, locale: p.locale });
  });
  const address = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
  afterAll(async () => {
    await browser.close().catch(() => undefined);
    await ctx.close();
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    ctx,
    baseUrl: address,
    browser,
    async open(opts = {}) {
      const context = await browser.newContext({
        baseURL: address,
        viewport: opts.viewport ?? { width: 1366, height: 800 },
        locale: opts.locale ?? opts.person?.locale ?? 'zh-CN',
        // As a person who turned animations off: a dialog is there at once, so a click never
        // lands on one still opening (the console honours the setting; see App.tsx).
        reducedMotion: 'reduce',
      });
      if (opts.person) {
        const res = await context.request.post('/api/v1/auth/login', { data: { email: opts.person.email, password: opts.person.password } });
        if (!res.ok()) throw new Error(`sign-in of ${opts.person.email} failed: ${res.status()}`);
      }
      const page = await context.newPage();
      explainFailure(context);
      return { context, page };
    },
    async scan(page, code) {
      await page.keyboard.type(code, { delay: 0 });
      await page.keyboard.press('Enter');
    },
    async screenshot(page, name) {
      await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
    },
  };
}
