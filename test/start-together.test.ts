/**
 * Several processes started at once on one empty PostgreSQL: each migrates, seeds the built-in
 * roles and rules, and decides whether to seed the demo, at the same moment. All must come up,
 * and the demo must be seeded exactly once. (PGlite is one process's own database: nothing to race.)
 */
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { BUILTIN_RULES } from '../src/modules/automation/builtin-rules.js';
import { BUILTIN_ROLES } from '../src/platform/auth/permissions.js';
import { openPostgres, type Db } from '../src/platform/db/client.js';
import { prepareDatabase } from '../src/prepare.js';
import { seedDemoIfEmpty } from '../src/seed/demo.js';
import { testDbName, withDatabase } from './support/paths.js';

const POSTGRES = process.env.DATABASE_URL;
const PROCESSES = 4;

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

it.skipIf(!POSTGRES)(`${PROCESSES} processes starting together on an empty database all come up, and the demo is seeded once`, async () => {
  const name = testDbName('together');
  const admin = new pg.Client({ connectionString: POSTGRES });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  cleanups.push(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });
  // One pool per process, as separate processes would have.
  const pools: Db[] = [];
  for (let i = 0; i < PROCESSES; i++) pools.push(await openPostgres({ url: withDatabase(POSTGRES!, name), poolSize: 3 }));
  cleanups.push(async () => {
    await Promise.all(pools.map((db) => db.close()));
  });
  const config = { ...loadConfig({ LOG_LEVEL: 'silent' }) };

  // What `serve` does before it is ready, from every process at once.
  const started = await Promise.allSettled(
    pools.map(async (db) => {
      await prepareDatabase(db);
      return seedDemoIfEmpty(db, config);
    }),
  );
  const failures = started.flatMap((s) => (s.status === 'rejected' ? [String((s.reason as Error)?.message ?? s.reason)] : []));
  expect(failures).toEqual([]);
  expect(started.filter((s) => s.status === 'fulfilled' && s.value === true)).toHaveLength(1);

  const db = pools[0]!;
  const count = async (sql: string, params: unknown[] = []) => (await db.query<{ n: number }>(sql, params)).rows[0]!.n;
  expect(await count(`SELECT count(*)::int AS n FROM rules WHERE key LIKE 'builtin.%'`)).toBe(BUILTIN_RULES.length);
  expect(await count(`SELECT count(*)::int AS n FROM roles WHERE builtin`)).toBe(BUILTIN_ROLES.length);
  expect(await count(`SELECT count(*)::int AS n FROM users WHERE email = 'admin@wareloop.local'`)).toBe(1);
  expect(await count(`SELECT count(*)::int AS n FROM users`)).toBe(4);
  expect(await count(`SELECT count(*)::int AS n FROM api_keys WHERE name LIKE 'demo seed%'`)).toBe(1);
  expect(await count(`SELECT count(*)::int AS n FROM api_keys WHERE revoked_at IS NULL`)).toBe(0);
  expect(await count(`SELECT count(*)::int AS n FROM events WHERE type = 'user.created'`)).toBe(4);
  expect(await count(`SELECT count(*)::int AS n FROM events WHERE type = 'rule.created'`)).toBe(BUILTIN_RULES.length);
  // The demo world is there (seeded through the API by the one process that claimed it).
  expect(await count(`SELECT count(*)::int AS n FROM warehouses`)).toBeGreaterThan(0);
  expect(await count(`SELECT count(*)::int AS n FROM orders`)).toBeGreaterThan(0);

  // A later start on the seeded database seeds nothing more.
  await prepareDatabase(db);
  expect(await seedDemoIfEmpty(db, config)).toBe(false);
  expect(await count(`SELECT count(*)::int AS n FROM users`)).toBe(4);
}, 300_000);
