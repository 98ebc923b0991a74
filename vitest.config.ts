import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// Browser tests drive Debian's Chromium (`.ci/run` installs it). On a machine without it they are
// left out, and said so, rather than failing: `npm test` on a fresh clone needs nothing else.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(chromium);
if (!hasChromium) console.warn(`browser tests (test/browser) skipped: no Chromium at ${chromium} (apt-get install chromium, or set CHROMIUM_PATH)`);

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    exclude: ['**/node_modules/**', ...(hasChromium ? [] : ['test/browser/**'])],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    // Two cores: two test files at a time keeps PGlite's WASM from fighting for the CPU.
    maxWorkers: 2,
    minWorkers: 1,
    // Hang guards, not speed limits: a test waits for states, and on a busy two-core machine a
    // heavy one (a property run, a real server process) takes minutes. See docs/TESTING.md.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    teardownTimeout: 30_000,
    // expect.poll waits for a state, never for a time: its default of 1 s fails on a busy machine
    // (a handheld answer shown after 1.2 s is still right), so it polls until well inside the test's timeout.
    expect: { poll: { timeout: 120_000, interval: 50 } },
  },
});
