/**
 * Applies each module's SQL migrations (`migrations/NNN_name.sql` in its folder) once, in module order
 * then file order, recording them in `schema_migrations`. Several processes may start at once
 * against one PostgreSQL: an advisory lock makes the second wait for the first.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db, Tx } from './client.js';

export type MigrationSource = { module: string; dir: string };

const LOCK_KEY = 7_210_431_001; // any constant; identifies Wareloop's migration lock

export async function listMigrations(sources: MigrationSource[]) {
  const out: Array<{ id: string; path: string }> = [];
  for (const { module, dir } of sources) {
    let files: string[] = [];
    try {
      files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
    } catch {
      continue; // a module without migrations
    }
    for (const f of files) out.push({ id: `${module}/${f.replace(/\.sql$/, '')}`, path: join(dir, f) });
  }
  return out;
}

/**
 * Runs `fn` in a transaction holding the migration lock: start-up work (seeding built-in rows)
 * that several processes starting at once must do one after the other, each seeing what the one
 * before it committed.
 */
export async function underMigrationLock<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
    return fn(tx);
  });
}

/** Returns the ids of the migrations it applied. */
export async function migrate(db: Db, sources: MigrationSource[]): Promise<string[]> {
  return db.transaction((tx) => applyMigrations(tx, sources));
}

/**
 * Applies, in `tx`, the migrations not yet applied, in order; with `only`, just those it names
 * (a restore first rebuilds the schema its backup was taken at). Returns the ids it applied.
 */
export async function applyMigrations(tx: Tx, sources: MigrationSource[], only?: ReadonlySet<string>): Promise<string[]> {
  const migrations = await listMigrations(sources);
  await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
  await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id text PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const done = new Set((await tx.query<{ id: string }>('SELECT id FROM schema_migrations')).rows.map((r) => r.id));
  const applied: string[] = [];
  for (const m of migrations) {
    if (done.has(m.id) || (only && !only.has(m.id))) continue;
    const sql = await readFile(m.path, 'utf8');
    await tx.exec(sql);
    await tx.query('INSERT INTO schema_migrations (id) VALUES ($1)', [m.id]);
    applied.push(m.id);
  }
  return applied;
}
