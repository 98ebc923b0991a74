/**
 * A consistent snapshot of the whole database as backup lines, taken while others keep writing.
 *
 * PostgreSQL: one REPEATABLE READ, READ ONLY transaction on a connection of its own reads every
 * table through a cursor; writers are not held up.
 *
 * PGlite has one connection, and a transaction holds it: every request of the server waits
 * until it ends. So the snapshot is taken in one short transaction that declares a WITH HOLD
 * cursor per table; at its commit PostgreSQL materializes them all, from that one snapshot, in
 * the engine (no row crosses into JavaScript yet). The rows are then fetched a batch per
 * statement, and the server's own queries run between the batches.
 */
import type { Db, Queryable, Tx } from '../db/client.js';
import { countRows, ident, listSequences, listTables, type TableShape } from './catalog.js';
import { FORMAT, FORMAT_VERSION, type BackupHeader, type Emit } from './format.js';
import { LOG } from './positions.js';

const BATCH_BYTES = 4 << 20;
const MAX_BATCH_ROWS = 2000;

/**
 * Output settings for this transaction only (the server's own session keeps its own): dates in
 * ISO form with their offset, the shortest exact floats, bytea as hex. Any PostgreSQL reads these
 * forms back the same, whatever its own settings.
 */
async function setTextForms(tx: Tx) {
  await tx.query(`SET LOCAL DateStyle = 'ISO, YMD'`);
  await tx.query(`SET LOCAL IntervalStyle = 'postgres'`);
  await tx.query(`SET LOCAL TimeZone = 'UTC'`);
  await tx.query(`SET LOCAL extra_float_digits = 1`);
  await tx.query(`SET LOCAL bytea_output = 'hex'`);
}

/** One row as a JSON array of text forms, computed by the database. */
function rowsQuery(t: TableShape): string {
  const values = t.columns.map((c) => `${ident(c.name)}::text`).join(', ');
  // The log in the order its readers read it: the restore renumbers positions in one pass.
  const order = t.name === LOG.table ? ` ORDER BY ${ident(LOG.position)}, ${ident(LOG.id)}` : '';
  return `SELECT array_to_json(ARRAY[${values}]::text[])::text AS r FROM ${ident(t.name)}${order}`;
}

async function readHeader(tx: Tx, database: Db['kind'], wareloopVersion: string): Promise<BackupHeader> {
  const { rows: has } = await tx.query<{ ok: boolean }>(`SELECT to_regclass('schema_migrations') IS NOT NULL AS ok`);
  if (!has[0]?.ok) throw new Error('the database has no Wareloop tables to back up (it was never migrated)');
  const { rows: start } = await tx.query<{ at: string }>(`SELECT now() AS at`);
  const migrations = (await tx.query<{ id: string }>(`SELECT id FROM schema_migrations ORDER BY applied_at, id`)).rows.map((r) => r.id);
  const tables = await listTables(tx);
  const counts = await countRows(tx, tables.map((t) => t.name));
  const sequences = await listSequences(tx);
  const states = sequences.length
    ? (
        await tx.query<{ i: number; lastValue: string; isCalled: boolean }>(
          sequences.map((s, i) => `SELECT ${i} AS i, last_value::text AS "lastValue", is_called AS "isCalled" FROM ${ident(s.name)}`).join(' UNION ALL '),
        )
      ).rows
    : [];
  return {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    wareloopVersion,
    database,
    createdAt: start[0]!.at,
    migrations,
    tables: tables.map((t) => ({ ...t, rows: counts.get(t.name) ?? 0 })),
    sequences: states.map((s) => ({ ...sequences[s.i]!, lastValue: s.lastValue, isCalled: s.isCalled })),
  };
}

/**
 * Fetches a cursor to its end in batches of about BATCH_BYTES: rows range from a few bytes to an
 * attachment's 20 MB of hex, so the batch size follows the rows seen, starting from one row.
 */
async function fetchAll(q: Queryable, cursor: string, emit: Emit) {
  for (let size = 1; ; ) {
    const { rows } = await q.query<{ r: string }>(`FETCH FORWARD ${size} FROM ${cursor}`);
    const lines = rows.map((row) => row.r);
    await emit(lines);
    if (rows.length < size) return;
    const bytes = lines.reduce((n, l) => n + l.length, 0);
    size = Math.max(1, Math.min(MAX_BATCH_ROWS, Math.floor((BATCH_BYTES * rows.length) / Math.max(bytes, 1))));
  }
}

/** Emits the whole database as backup lines (header first); answers the header. */
export async function snapshotDatabase(db: Db, emit: Emit, opts: { wareloopVersion: string }): Promise<BackupHeader> {
  return db.kind === 'postgres' ? snapshotPostgres(db, emit, opts.wareloopVersion) : snapshotPglite(db, emit, opts.wareloopVersion);
}

async function snapshotPostgres(db: Db, emit: Emit, version: string): Promise<BackupHeader> {
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    await setTextForms(tx);
    const header = await readHeader(tx, db.kind, version);
    await emit([JSON.stringify(header)]);
    for (const t of header.tables) {
      await emit([JSON.stringify({ table: t.name })]);
      await tx.query(`DECLARE wareloop_backup NO SCROLL CURSOR FOR ${rowsQuery(t)}`);
      await fetchAll(tx, 'wareloop_backup', emit);
      await tx.query('CLOSE wareloop_backup');
    }
    return header;
  });
}

let runs = 0;

async function snapshotPglite(db: Db, emit: Emit, version: string): Promise<BackupHeader> {
  // Unique per backup: two backups through one server share its one session.
  const prefix = `wareloop_backup_${process.pid}_${++runs}_`;
  const declared: string[] = [];
  try {
    const header = await db.transaction(async (tx) => {
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      await setTextForms(tx);
      const header = await readHeader(tx, db.kind, version);
      for (const [i, t] of header.tables.entries()) {
        await tx.query(`DECLARE ${prefix}${i} NO SCROLL CURSOR WITH HOLD FOR ${rowsQuery(t)}`);
      }
      return header;
    });
    declared.push(...header.tables.map((_, i) => `${prefix}${i}`));
    await emit([JSON.stringify(header)]);
    for (const [i, t] of header.tables.entries()) {
      await emit([JSON.stringify({ table: t.name })]);
      await fetchAll(db, declared[i]!, emit);
      await db.query(`CLOSE ${declared[i]}`);
      declared[i] = '';
    }
    return header;
  } finally {
    // A backup cut short (the client went away, the disk filled) must not leave its copies in
    // the server's session for as long as it runs.
    for (const cursor of declared) if (cursor) await db.query(`CLOSE ${cursor}`).catch(() => undefined);
  }
}
