import { fileURLToPath } from 'node:url';

export const CACHE_DIR = fileURLToPath(new URL('../../.test-cache/', import.meta.url));
/** This test run's id: set by the global setup, inherited by the test workers it forks. */
function runId(): string {
  return process.env.WARELOOP_TEST_RUN ?? (process.env.WARELOOP_TEST_RUN = `${process.pid}`);
}

/** One migrated PGlite snapshot per run, so two runs in one checkout never overwrite each other's. */
export function pgliteSnapshot(): string {
  return `${CACHE_DIR}pglite-migrated-${runId()}.tar`;
}

/** One template per test run, so two runs on one server never collide. */
export function templateDbName(): string {
  return `wareloop_tpl_${runId()}`;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
