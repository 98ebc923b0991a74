/**
 * Backup and restore on the database kind of this run (and, with DATABASE_URL, across kinds):
 * the demo restored into an empty database reads the same and passes the doctor; a backup taken
 * while writes go on is one consistent moment; damaged files and unsafe restores are refused
 * with nothing written.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { MIGRATION_SOURCES } from '../src/modules/index.js';
import { isHealthy, runDoctor } from '../src/modules/inventory/doctor.js';
import { restoredChecks } from '../src/operations.js';
import { listTables, countRows } from '../src/platform/backup/catalog.js';
import { BackupUnreadable, readBackupFile, writeBackupFile } from '../src/platform/backup/format.js';
import { RestoreRefused, restoreBackup, verifyBackup, type RestoreOptions } from '../src/platform/backup/restore.js';
import { snapshotDatabase } from '../src/platform/backup/snapshot.js';
import { createApiKey } from '../src/platform/auth/auth.service.js';
import { openPglite, openPostgres, type Db } from '../src/platform/db/client.js';
import { applyMigrations, listMigrations } from '../src/platform/db/migrate.js';
import { readAfter } from '../src/platform/events/log.js';
import { prepareDatabase } from '../src/prepare.js';
import { seedDemo } from '../src/seed/demo.js';
import { buildApp, VERSION } from '../src/server.js';
import { freshDatabase } from './support/context.js';
import { testDbName, withDatabase } from './support/paths.js';

const POSTGRES = process.env.DATABASE_URL;
const config = { ...loadConfig({}), logLevel: 'silent' as const };
const dir = mkdtempSync(join(tmpdir(), 'wareloop-backup-'));
const cleanups: Array<() => Promise<void>> = [];

let source: Db;

/** An empty database that was never migrated: a new PostgreSQL database, or a new PGlite. */
async function emptyDatabase(kind: 'pglite' | 'postgres' = POSTGRES ? 'postgres' : 'pglite'): Promise<Db> {
  if (kind === 'pglite') {
    const db = await openPglite({});
    cleanups.push(() => db.close());
    return db;
  }
  const name = testDbName('restore');
  const admin = new pg.Client({ connectionString: POSTGRES });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const db = await openPostgres({ url: withDatabase(POSTGRES!, name), poolSize: 4 });
  cleanups.push(async () => {
    await db.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });
  return db;
}

async function backupOf(db: Db, name: string): Promise<string> {
  const file = join(dir, name);
  await writeBackupFile(file, (emit) => snapshotDatabase(db, emit, { wareloopVersion: VERSION }));
  return file;
}

async function restore(db: Db, file: string, opts: Partial<RestoreOptions> = {}) {
  const restored = await restoreBackup(db, await verifyBackup(file, MIGRATION_SOURCES), { force: false, sources: MIGRATION_SOURCES, ...opts });
  await prepareDatabase(db);
  return restored;
}

async function tableCounts(db: Db): Promise<Record<string, number>> {
  const tables = (await listTables(db)).map((t) => t.name);
  return Object.fromEntries(await countRows(db, tables));
}

/** Reads that must come back the same from a restored copy: rows, times to the microsecond, JSON, arrays, numbers. */
async function businessReads(db: Db) {
  const q = async (sql: string) => (await db.query(sql)).rows;
  return {
    orders: await q(`SELECT id, number, status, customer_id, extract(epoch FROM created_at)::text AS at FROM orders ORDER BY id`),
    stock: await q(`SELECT product_id, location_id, lot, status, on_hand, reserved FROM stock_levels ORDER BY id`),
    balances: await q(`SELECT product_id, warehouse_id, on_hand, reserved, quarantined FROM stock_balances ORDER BY product_id, warehouse_id`),
    customers: await q(`SELECT id, code, name, tags, extract(epoch FROM created_at)::text AS at FROM customers ORDER BY id`),
    events: await q(`SELECT id, type, entity_type, entity_id, customer_id, actor, payload, extract(epoch FROM occurred_at)::text AS at FROM events ORDER BY id`),
    users: await q(`SELECT id, email, role, password_hash FROM users ORDER BY id`),
    attachments: await q(`SELECT id, md5(bytes) AS md5, size FROM attachments ORDER BY id`),
  };
}

/** What each consumer still has to read: the same events, in the same order, before and after a restore. */
async function pendingPerConsumer(db: Db): Promise<Record<string, number[]>> {
  const { rows } = await db.query<{ name: string; txId: string; id: number }>(`SELECT name, tx_id::text AS "txId", event_id AS id FROM consumer_cursors ORDER BY name`);
  const out: Record<string, number[]> = {};
  for (const c of rows) out[c.name] = (await readAfter(db, c, 100_000)).map((e) => e.id);
  return out;
}

beforeAll(async () => {
  const fresh = await freshDatabase();
  source = fresh.db;
  cleanups.push(fresh.drop);
  await seedDemo(source, config);
  // Bytes that are not text, and a NUL among them.
  await source.query(
    `INSERT INTO attachments (content_type, filename, size, sha256, bytes, created_by)
     VALUES ('image/png', 'x.png', 4, repeat('a', 64), '\\x00ff0a5c'::bytea, 'test')`,
  );
}, 240_000);

afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  let demoFile: string;
  /** The source as the demo backup saw it (later tests write to the source). */
  let demo: { counts: Record<string, number>; reads: Awaited<ReturnType<typeof businessReads>>; pending: Record<string, number[]> };

  it('restores the demo into an empty database with every row, the same reads, sequences that go on, and a clean doctor', async () => {
    demoFile = await backupOf(source, 'demo.backup.gz');
    demo = { counts: await tableCounts(source), reads: await businessReads(source), pending: await pendingPerConsumer(source) };
    const header = (await verifyBackup(demoFile, MIGRATION_SOURCES)).header;
    expect(header.database).toBe(source.kind);
    expect(header.tables.map((t) => t.name)).toContain('schema_migrations');

    const target = await emptyDatabase();
    const restored = await restore(target, demoFile);
    expect(restored.laterMigrations).toEqual([]);
    expect(isHealthy(await runDoctor(target))).toBe(true);
    expect((await restoredChecks(target)).every((c) => c.ok)).toBe(true);
    expect(await tableCounts(target)).toEqual(demo.counts);
    expect(await businessReads(target)).toEqual(demo.reads);
    expect(await pendingPerConsumer(target)).toEqual(demo.pending);

    // New rows get new ids and numbers, after the restored ones.
    const { rows: next } = await target.query<{ id: number; number: number }>(
      `WITH e AS (INSERT INTO events (type, entity_type, entity_id, actor) VALUES ('test.happened', 'test', '1', 'test') RETURNING id)
       SELECT (SELECT id FROM e) AS id, nextval('order_number_seq') AS number`,
    );
    const { rows: last } = await source.query<{ id: number; number: number }>(
      `SELECT (SELECT max(id) FROM events) AS id, (SELECT max(substr(number, 4)::int) FROM orders) AS number`,
    );
    expect(next[0]!.id).toBeGreaterThan(last[0]!.id);
    expect(next[0]!.number).toBeGreaterThan(last[0]!.number);
  }, 240_000);

  it('renumbers transaction positions into a database whose counter is behind them, and readers read as before', async () => {
    // A new PGlite's counter is behind any demo's (a PostgreSQL database on the same server is not).
    const target = await emptyDatabase('pglite');
    const restored = await restore(target, demoFile, { maxAdvance: 0n });
    expect(restored.renumberedPositions).toBe(true);
    expect(await pendingPerConsumer(target)).toEqual(demo.pending);
    expect(await businessReads(target)).toEqual(demo.reads);
    // An event written after the restore comes after every restored one for every reader.
    const ev = await target.transaction(async (tx) => {
      const { rows } = await tx.query<{ id: number }>(`INSERT INTO events (type, entity_type, entity_id, actor) VALUES ('test.happened', 'test', '1', 'test') RETURNING id`);
      return rows[0]!.id;
    });
    for (const ids of Object.values(await pendingPerConsumer(target))) expect(ids.at(-1)).toBe(ev);
  }, 240_000);

  it('takes one consistent moment while writes go on, and the server-side writes are not held up', async () => {
    const app = await buildApp({ db: source, config, logger: false });
    cleanups.push(() => app.close());
    const key = (await source.transaction((tx) => createApiKey(tx, 'system', null, { name: 'backup test', role: 'admin' }))).key;
    const { rows: at } = await source.query<{ sku: string; locationId: number }>(
      `SELECT p.sku, l.id AS "locationId" FROM products p, locations l WHERE l.level = 'bin' AND l.type = 'receiving' ORDER BY p.id, l.id LIMIT 1`,
    );
    const receipts = async () => (await source.query<{ n: number }>(`SELECT count(*)::int AS n FROM stock_ledger`)).rows[0]!.n;

    let written = 0;
    let stop = false;
    let failure: unknown;
    const writer = (async () => {
      try {
        while (!stop) {
          const res = await app.inject({ method: 'POST', url: '/api/v1/stock/receipts', headers: { authorization: `Bearer ${key}` }, payload: { ...at[0], quantity: 1 } });
          if (res.statusCode !== 201) throw new Error(`receipt: ${res.statusCode} ${res.body}`);
          written++;
        }
      } catch (err) {
        failure = err;
      }
    })();
    const waitForWrites = async (n: number) => {
      while (written < n) {
        if (failure) throw failure;
        await new Promise((r) => setImmediate(r));
      }
    };

    await waitForWrites(2);
    const ledgerBefore = await receipts();
    const file = join(dir, 'busy.backup.gz');
    let held = false;
    await writeBackupFile(file, (emit) =>
      snapshotDatabase(
        source,
        async (lines) => {
          // Once the snapshot is taken, writes must go through before the backup goes on.
          if (!held) {
            held = true;
            const target = written + 3;
            await waitForWrites(target);
          }
          await emit(lines);
        },
        { wareloopVersion: VERSION },
      ),
    );
    stop = true;
    await writer;
    if (failure) throw failure;
    const ledgerAfter = await receipts();

    const target = await emptyDatabase();
    await restore(target, file);
    expect(isHealthy(await runDoctor(target))).toBe(true);
    const { rows } = await target.query<{ ledger: number; onHand: number }>(
      `SELECT (SELECT sum(quantity) FROM stock_ledger)::bigint AS ledger, (SELECT sum(on_hand) FROM stock_levels)::bigint AS "onHand"`,
    );
    expect(rows[0]!.ledger).toBe(rows[0]!.onHand);
    const restoredLedger = (await target.query<{ n: number }>(`SELECT count(*)::int AS n FROM stock_ledger`)).rows[0]!.n;
    expect(restoredLedger).toBeGreaterThanOrEqual(ledgerBefore);
    expect(restoredLedger).toBeLessThan(ledgerAfter); // the writes made during the backup are not in it
  }, 240_000);

  it('refuses a file with one byte flipped, a truncated one, and one whose content does not match its checksum, writing nothing', async () => {
    const bytes = readFileSync(demoFile);
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(flipped.length / 2)]! ^= 0x01;
    writeFileSync(join(dir, 'flipped.gz'), flipped);
    writeFileSync(join(dir, 'truncated.gz'), bytes.subarray(0, Math.floor(bytes.length * 0.7)));
    const text = gunzipSync(bytes).toString('utf8');
    const edited = text.replace('"SH1"', '"SX1"');
    expect(edited).not.toBe(text);
    writeFileSync(join(dir, 'edited.gz'), gzipSync(edited));

    await expect(verifyBackup(join(dir, 'flipped.gz'), MIGRATION_SOURCES)).rejects.toThrow(/flipped\.gz is not a restorable Wareloop backup: it is corrupted/);
    await expect(verifyBackup(join(dir, 'truncated.gz'), MIGRATION_SOURCES)).rejects.toThrow(/truncated\.gz is not a restorable Wareloop backup: it is truncated/);
    await expect(verifyBackup(join(dir, 'edited.gz'), MIGRATION_SOURCES)).rejects.toThrow(/edited\.gz is not a restorable Wareloop backup: it is corrupted: its checksum does not match/);
    await expect(verifyBackup(join(dir, 'edited.gz'), MIGRATION_SOURCES)).rejects.toBeInstanceOf(BackupUnreadable);
    // Damage that happens to put the event log out of order is still called damage (the checksum
    // is checked at the end of the file, after the rows).
    const lines = text.split('\n');
    const marker = lines.indexOf('{"table":"events"}');
    const end = lines.findIndex((l, i) => i > marker && l.startsWith('{'));
    expect(end - marker).toBeGreaterThan(3); // the events table's rows lie between its marker and the next
    const [a, b] = [marker + 2, end - 1];
    [lines[a], lines[b]] = [lines[b]!, lines[a]!];
    writeFileSync(join(dir, 'reordered.gz'), gzipSync(lines.join('\n')));
    await expect(verifyBackup(join(dir, 'reordered.gz'), MIGRATION_SOURCES)).rejects.toThrow(/reordered\.gz is not a restorable Wareloop backup: it is corrupted: its checksum does not match/);

    // Changed between the check and the load: the load's own check rolls everything back.
    const target = await emptyDatabase();
    const file = join(dir, 'changing.gz');
    writeFileSync(file, bytes);
    const verified = await verifyBackup(file, MIGRATION_SOURCES);
    writeFileSync(file, gzipSync(edited));
    await expect(restoreBackup(target, verified, { force: false, sources: MIGRATION_SOURCES })).rejects.toThrow(/checksum does not match/);
    expect(await listTables(target)).toEqual([]);
  }, 240_000);

  it('refuses to restore over data without --force, saying what it holds, and replaces it with --force', async () => {
    const target = await emptyDatabase();
    await restore(target, demoFile);
    const err = await restore(target, demoFile).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RestoreRefused);
    expect((err as Error).message).toMatch(/^the database already holds data \(\d+ events, .*\); restore --force replaces all of it$/);

    await target.query(`INSERT INTO events (type, entity_type, entity_id, actor) VALUES ('test.happened', 'test', '1', 'test')`);
    await restore(target, demoFile, { force: true });
    expect(await tableCounts(target)).toEqual(demo.counts);
    expect(isHealthy(await runDoctor(target))).toBe(true);
  }, 240_000);

  it('refuses a backup with migrations this code does not know', async () => {
    const file = join(dir, 'future.backup.gz');
    await writeBackupFile(file, async (emit) => {
      for await (const r of readBackupFile(demoFile)) {
        if (r.kind === 'header') await emit([JSON.stringify({ ...r.header, wareloopVersion: '9.0.0', migrations: [...r.header.migrations, 'zz/999_from_the_future'] })]);
        else if (r.kind === 'table') await emit([JSON.stringify({ table: r.table.name })]);
        else await emit([r.line]);
      }
    });
    await expect(verifyBackup(file, MIGRATION_SOURCES)).rejects.toThrow(
      /^the backup comes from a newer Wareloop \(9\.0\.0\) with 1 migration this one does not know \(zz\/999_from_the_future\); restore it with that version or a later one$/,
    );
  });

  it('restores a backup of an older version and applies the newer migrations after it', async () => {
    const migrations = await listMigrations(MIGRATION_SOURCES);
    const last = migrations.at(-1)!.id;
    const older = await emptyDatabase();
    await older.transaction((tx) => applyMigrations(tx, MIGRATION_SOURCES, new Set(migrations.slice(0, -1).map((m) => m.id))));
    await older.query(`INSERT INTO events (type, entity_type, entity_id, actor) VALUES ('test.happened', 'test', '1', 'test')`);
    const file = await backupOf(older, 'older.backup.gz');

    const target = await emptyDatabase();
    const restored = await restore(target, file);
    expect(restored.laterMigrations).toEqual([last]);
    const { rows } = await target.query<{ id: string }>(`SELECT id FROM schema_migrations ORDER BY id`);
    expect(rows.map((r) => r.id).sort()).toEqual(migrations.map((m) => m.id).sort());
    expect((await target.query(`SELECT 1 FROM events WHERE type = 'test.happened'`)).rowCount).toBe(1);
  }, 240_000);

  it.runIf(POSTGRES)('restores across database kinds: PostgreSQL into PGlite and back', async () => {
    const intoPglite = await emptyDatabase('pglite');
    await restore(intoPglite, demoFile);
    expect(isHealthy(await runDoctor(intoPglite))).toBe(true);
    expect(await businessReads(intoPglite)).toEqual(demo.reads);
    expect(await pendingPerConsumer(intoPglite)).toEqual(demo.pending);

    const fromPglite = await backupOf(intoPglite, 'from-pglite.backup.gz');
    const back = await emptyDatabase('postgres');
    await restore(back, fromPglite);
    expect(await tableCounts(back)).toEqual(demo.counts);
    expect(await businessReads(back)).toEqual(demo.reads);
    expect(await pendingPerConsumer(back)).toEqual(demo.pending);
  }, 300_000);
});
