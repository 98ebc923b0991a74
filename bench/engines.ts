/** The databases a benchmark runs on: PGlite always, PostgreSQL when DATABASE_URL is set. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres, type Db } from '../src/platform/db/client.js';

export type Engine = {
  name: string;
  /** A fresh, empty database. */
  open(): Promise<Db>;
  cleanup(): Promise<void>;
};

/** PGlite as `npm start` runs it: a data directory on disk (an in-memory one grows its files by copying them). */
const pgliteDirs: string[] = [];
export const pgliteEngine: Engine = {
  name: 'PGlite (embedded)',
  open: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wareloop-bench-'));
    pgliteDirs.push(dir);
    return openPglite({ dataDir: dir });
  },
  cleanup: async () => {
    for (const dir of pgliteDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  },
};

export function postgresEngine(url: string, poolSize: number): Engine {
  const names: string[] = [];
  return {
    name: 'PostgreSQL',
    async open() {
      const name = `wareloop_bench_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      names.push(name);
      const u = new URL(url);
      u.pathname = `/${name}`;
      return openPostgres({ url: u.toString(), poolSize });
    },
    async cleanup() {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      for (const n of names.splice(0)) await admin.query(`DROP DATABASE IF EXISTS ${n} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** The engines of this run: PGlite, then PostgreSQL when DATABASE_URL is set (BENCH_ENGINE=pglite|postgres: only that one). */
export function engines(poolSize: number): Engine[] {
  const url = process.env.DATABASE_URL;
  const all = url ? [pgliteEngine, postgresEngine(url, poolSize)] : [pgliteEngine];
  const only = process.env.BENCH_ENGINE;
  return only ? all.filter((e) => (only === 'pglite') === (e === pgliteEngine)) : all;
}

export function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
