import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';

export const CACHE_DIR = fileURLToPath(new URL('../../.test-cache/', import.meta.url));
/** This test run's id: set by the global setup, inherited by the test workers it forks. */
function runId(): string {
  return process.env.WARELOOP_TEST_RUN ?? (process.env.WARELOOP_TEST_RUN = `${process.pid}`);
}

/** One migrated PGlite snapshot per run, so two runs in one checkout never overwrite each other's. */
export function pgliteSnapshot(): string {
  return `${CACHE_DIR}pglite-migrated-${runId()}.tar`;
}

/**
 * Every database a test run creates on PostgreSQL is named under one prefix derived from the
 * configured database (DATABASE_URL's `test` → `test_wl<run>_…`), so the run touches nothing else
 * on the server and its global teardown drops whatever is left under it.
 */
export function runDbPrefix(url = process.env.DATABASE_URL): string {
  if (!url) throw new Error('runDbPrefix needs DATABASE_URL');
  const base = decodeURIComponent(new URL(url).pathname.slice(1)).toLowerCase().replace(/[^a-z0-9_]/g, '_').slice(0, 30) || 'postgres';
  return `${base}_wl${runId()}_`;
}

/** One template per test run, so two runs on one server never collide. */
export function templateDbName(): string {
  return `${runDbPrefix()}tpl`;
}

/** A new database name for one test file (or one CLI test) of this run. */
export function testDbName(kind: string): string {
  return `${runDbPrefix()}${kind}_${randomBytes(5).toString('hex')}`;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * Where a test's own `wareloop` processes keep their data: a temporary PGlite directory, or, with
 * DATABASE_URL, a fresh PostgreSQL database of this run. Answers the environment to start them
 * with and how to clean up.
 */
export async function processDatabase(kind: string): Promise<{ env: Record<string, string>; cleanup(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), `wareloop-${kind}-`));
    return { env: { WARELOOP_DATA_DIR: dir }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const pg = (await import('pg')).default;
  const name = testDbName(kind);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  return {
    env: { DATABASE_URL: withDatabase(url, name) },
    async cleanup() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
