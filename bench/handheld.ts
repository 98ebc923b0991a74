/**
 * The handheld, as an operator feels it: a scan (keystrokes ending in Enter, dispatched inside the
 * page as a keyboard-wedge scanner sends them) on the receiving screen → the page shows its result,
 * and → the server has recorded it (the receipt POST answered). Baseline, in the same run and
 * page: the bare API round trip of the same receipt, `fetch` from the page to the same server.
 * Also the first load of each surface (JS and CSS, gzip), read from the built pages.
 *
 *   npm run bench -- handheld            BENCH_SCANS=500 (default)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { loadConfig } from '../src/config.js';
import { buildApp } from '../src/server.js';
import { prepareDatabase } from '../src/prepare.js';
import { createUser } from '../src/platform/auth/auth.service.js';
import { createProduct } from '../src/modules/catalog/catalog.service.js';
import { createLocation, createWarehouse } from '../src/modules/inventory/warehouses.service.js';
import { ensureBuilt } from '../scripts/build.mjs';
import { percentile, type Engine } from './engines.js';

const SCANS = Number(process.env.BENCH_SCANS ?? 500);
const WEB_ROOT = new URL('../dist/web/', import.meta.url).pathname;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The bytes a surface's page loads before it can be used: its scripts, preloads and styles, gzipped. */
export function firstLoad(page: string): { files: number; gzipBytes: number } {
  const html = readFileSync(join(WEB_ROOT, page), 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const gzipBytes = [...new Set(assets)].reduce((sum, a) => sum + gzipSync(readFileSync(join(WEB_ROOT, a)), { level: 9 }).length + 0, gzipSync(html).length);
  return { files: assets.length + 1, gzipBytes };
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

export async function benchHandheld(engine: Engine) {
  await ensureBuilt({ only: ['web'], log: () => undefined });
  const floor = firstLoad('floor/index.html');
  const consoleLoad = firstLoad('index.html');
  console.log(`\nHandheld (${engine.name}) — first load, gzip: /floor ${(floor.gzipBytes / 1024).toFixed(0)} KB in ${floor.files} files (aim < 300 KB); console / ${(consoleLoad.gzipBytes / 1024).toFixed(0)} KB`);

  const db = await engine.open();
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  await prepareDatabase(db);
  const warehouse = await db.transaction(async (tx) => {
    const w = await createWarehouse(tx, 'system', { code: 'BENCH', name: 'Bench DC' });
    await createLocation(tx, 'system', w.id, { code: 'RCV', level: 'bin', type: 'receiving' });
    await createProduct(tx, 'system', { sku: 'BENCH-SCAN', name: '扫码测试 Scan bench', category: 'bench', unitPrice: 1, barcodes: ['6900000000017'] } as Parameters<typeof createProduct>[2]);
    await createUser(tx, 'system', { email: 'bench@op.local', name: 'Bench operator', password: 'bench-operator', role: 'warehouse_operator', locale: 'en' });
    return w;
  });
  const app = await buildApp({ db, config, logger: false, webRoot: WEB_ROOT });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'] });
  try {
    const context = await browser.newContext({ baseURL: base, viewport: { width: 360, height: 640 }, locale: 'en' });
    const login = await context.request.post('/api/v1/auth/login', { data: { email: 'bench@op.local', password: 'bench-operator' } });
    if (!login.ok()) throw new Error(`sign-in failed: ${login.status()}`);
    const page = await context.newPage();
    // Plain JavaScript strings: the page runs them as written (tsx would add helpers it lacks).
    await page.addInitScript(`(() => { const w = ${JSON.stringify({ id: warehouse.id, code: warehouse.code, name: warehouse.name })};
      localStorage.setItem('wareloop.floor.warehouse', JSON.stringify(w));
      // Note when each receipt POST is answered: the scan is then recorded on the server.
      const answered = [];
      window.__answered = answered;
      const original = window.fetch.bind(window);
      window.fetch = async (input, init) => {
        const res = await original(input, init);
        const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
        if (url.includes('/api/v1/stock/receipts') && (init?.method ?? 'GET') === 'POST') answered.push(performance.now());
        return res;
      };
    })()`);
    await page.goto('/floor/receive');
    await page.getByTestId('scan-input').waitFor({ state: 'attached' });

    // In the page: type a code into the focused scan input as a scanner does, wait for the
    // feedback to change (shown), then for the receipt to be answered (recorded).
    const timings: { shown: number[]; recorded: number[]; bare: number[] } = await page.evaluate(`(async ({ scans }) => {
      const input = document.querySelector('[data-testid="scan-input"]');
      const answered = window.__answered;
      const feedbackText = () => document.querySelector('[data-testid="feedback"]')?.textContent ?? '';
      const scan = (code) => {
        input.focus();
        for (const key of [...code, 'Enter']) input.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      };
      const until = (ok) =>
        new Promise((resolve) => {
          const check = () => (ok() ? resolve() : requestAnimationFrame(check));
          check();
        });
      scan('RCV');
      await until(() => feedbackText().includes('RCV'));
      const shown = [];
      const recorded = [];
      for (let i = 0; i < scans; i++) {
        const before = feedbackText();
        const answers = answered.length;
        const t0 = performance.now();
        scan('6900000000017');
        await until(() => feedbackText() !== before && document.querySelector('[data-testid="feedback"]').classList.contains('ok'));
        shown.push(performance.now() - t0);
        await until(() => answered.length > answers);
        recorded.push(answered[answers] - t0);
      }
      // The baseline: the same receipt as a bare request from this page, one after another.
      const bare = [];
      for (let i = 0; i < scans; i++) {
        const t0 = performance.now();
        const res = await fetch('/api/v1/stock/receipts', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
          body: JSON.stringify({ sku: '6900000000017', warehouseId: Number(JSON.parse(localStorage.getItem('wareloop.floor.warehouse')).id), locationCode: 'RCV', quantity: 1 }),
        });
        await res.arrayBuffer();
        if (!res.ok) throw new Error(\`bare receipt \${res.status}\`);
        bare.push(performance.now() - t0);
      }
      return { shown, recorded, bare };
    })(${JSON.stringify({ scans: SCANS })})`);

    const sorted = (a: number[]) => [...a].sort((x, y) => x - y);
    const shown = sorted(timings.shown);
    const recorded = sorted(timings.recorded);
    const bare = sorted(timings.bare);
    const { rows } = await db.query<{ q: number }>(`SELECT coalesce(sum(quantity), 0) AS q FROM stock_ledger`);
    console.log(`  ${SCANS} scans on the receiving screen (360×640, one at a time), then ${SCANS} bare receipts from the same page:`);
    console.log(`  scan → result shown      p50 ${ms(percentile(shown, 50))}   p99 ${ms(percentile(shown, 99))}   (aim: p99 < 100 ms)`);
    console.log(`  scan → recorded (server) p50 ${ms(percentile(recorded, 50))}   p99 ${ms(percentile(recorded, 99))}`);
    console.log(`  bare API round trip      p50 ${ms(percentile(bare, 50))}   p99 ${ms(percentile(bare, 99))}   (baseline)`);
    console.log(`  ratio recorded/bare at p50: ${(percentile(recorded, 50) / percentile(bare, 50)).toFixed(2)}×; units in the ledger ${rows[0]!.q} (expected ${SCANS * 2})`);
  } finally {
    await browser.close();
    await app.close();
    await db.close();
    await engine.cleanup();
  }
}
