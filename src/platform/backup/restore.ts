/**
 * A backup file into a database of either kind. The file is read twice: once to verify it before
 * anything is written (checksum, structure, migrations this code knows), then once to load it in
 * one transaction that rebuilds the schema at the backup's migrations, loads every row as it was,
 * sets the sequences, then applies the migrations this code has and the backup had not. A failure
 * anywhere, the checksum at the end of the second read included, leaves the database as it was.
 */
import type { Db, Queryable, Tx } from '../db/client.js';
import { applyMigrations, listMigrations, type MigrationSource } from '../db/migrate.js';
import { countRows, dropSchemaObjects, ident, listTables, type TableShape } from './catalog.js';
import { BackupUnreadable, readBackupFile, type BackupHeader, type BackupTable } from './format.js';
import { LOG, PositionScan, type Renumbering } from './positions.js';

/** The restore would do something it must not: overwrite data, or load what this code cannot. */
export class RestoreRefused extends Error {}

export type VerifiedBackup = { file: string; header: BackupHeader; rows: number; positions: PositionScan };

/** Reads the whole file and checks it; writes nothing anywhere. */
export async function verifyBackup(file: string, sources: MigrationSource[]): Promise<VerifiedBackup> {
  const positions = new PositionScan();
  let header: BackupHeader | undefined;
  let rows = 0;
  // A row out of place is reported only once the whole file has been read: a damaged file must be
  // called damaged (its checksum, checked at the end), not blamed on what the damage happened to hit.
  let misplaced: BackupUnreadable | undefined;
  for await (const r of readBackupFile(file)) {
    if (r.kind === 'header') header = r.header;
    else if (r.kind === 'row') {
      rows++;
      if (misplaced) continue;
      try {
        positions.see(r.table, r.values);
      } catch (err) {
        misplaced = new BackupUnreadable(`${file} is not a restorable Wareloop backup: ${(err as Error).message}`);
      }
    }
  }
  if (misplaced) throw misplaced;
  const known = new Set((await listMigrations(sources)).map((m) => m.id));
  const unknown = header!.migrations.filter((id) => !known.has(id));
  if (unknown.length) {
    throw new RestoreRefused(
      `the backup comes from a newer Wareloop (${header!.wareloopVersion}) with ${unknown.length} migration${unknown.length === 1 ? '' : 's'} ` +
        `this one does not know (${unknown.slice(0, 3).join(', ')}${unknown.length > 3 ? ', …' : ''}); restore it with that version or a later one`,
    );
  }
  return { file, header: header!, rows, positions };
}

export type HeldData = Array<{ table: string; rows: number }>;

/**
 * What the database holds, when it holds data: every change Wareloop makes is in its event log,
 * so a database whose log is empty has nothing of anyone's to lose (built-in roles and rules the
 * migrations put there come back with them).
 */
export async function heldData(q: Queryable): Promise<HeldData | undefined> {
  const { rows } = await q.query<{ ok: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS ok`, [LOG.table]);
  if (!rows[0]?.ok) return undefined;
  const counts = await countRows(q, (await listTables(q)).map((t) => t.name));
  if (!counts.get(LOG.table)) return undefined;
  return [...counts]
    .filter(([, n]) => n > 0)
    .map(([table, n]) => ({ table, rows: n }))
    .sort((a, b) => b.rows - a.rows);
}

export function describeHeld(held: HeldData): string {
  const shown = held.slice(0, 4).map((h) => `${h.rows} ${h.table}`);
  const more = held.length - shown.length;
  return `${shown.join(', ')}${more > 0 ? ` and ${more} more table${more === 1 ? '' : 's'} with rows` : ''}`;
}

export type Restored = { tables: number; rows: number; renumberedPositions: boolean; laterMigrations: string[] };

export type RestoreOptions = {
  /** Replace what the database holds. */
  force: boolean;
  sources: MigrationSource[];
  /** See MAX_ADVANCE (tests set 0 to have positions renumbered). */
  maxAdvance?: bigint;
};

export async function restoreBackup(db: Db, backup: VerifiedBackup, opts: RestoreOptions): Promise<Restored> {
  const held = await heldData(db);
  if (held && !opts.force) throw new RestoreRefused(`the database already holds data (${describeHeld(held)}); restore --force replaces all of it`);
  const renumbering = await planPositions(db, backup.positions, opts.maxAdvance ?? MAX_ADVANCE);
  const laterMigrations = await db.transaction(async (tx) => {
    // Rows go in as they were: no trigger fires (the stock balances one would count the stock
    // levels twice, the append-only ones would refuse nothing but cost), and no foreign key is
    // checked row by row, so tables load in any order. The rows come from one consistent snapshot.
    try {
      await tx.query(`SET LOCAL session_replication_role = replica`);
    } catch (err) {
      if ((err as { code?: string }).code !== '42501') throw err;
      throw new RestoreRefused(
        'restoring needs a database role that may set session_replication_role (a superuser, or on PostgreSQL 15 and later: ' +
          'GRANT SET ON PARAMETER session_replication_role TO <role>)',
      );
    }
    await dropSchemaObjects(tx);
    await applyMigrations(tx, opts.sources, new Set(backup.header.migrations));
    const shapes = await checkShape(tx, backup.header);
    await loadRows(tx, backup, shapes, renumbering);
    await setSequences(tx, backup.header);
    // Later migrations run as on any upgrade, with their triggers.
    await tx.query(`SET LOCAL session_replication_role = origin`);
    return applyMigrations(tx, opts.sources);
  });
  await db.exec('ANALYZE'); // the planner's statistics describe the empty tables of before
  return { tables: backup.header.tables.length, rows: backup.rows, renumberedPositions: renumbering !== undefined, laterMigrations };
}

/**
 * How far the restore moves this database's transaction counter to keep the backup's positions
 * as they are: about 100,000 a second, each a commit record in the write-ahead log.
 */
export const MAX_ADVANCE = 2_000_000n;

/**
 * Keeps the positions as they are when they are in this database's past (a database on the same
 * PostgreSQL server, or on one that has run more transactions), or can be put there by moving
 * its counter up to `maxAdvance`: the data is then restored byte for byte, audit digests of
 * positions included. Otherwise (a young database, a backup from a busy PostgreSQL server) the
 * positions are renumbered, which needs the counter past only a handful of ids.
 */
async function planPositions(db: Db, positions: PositionScan, maxAdvance: bigint): Promise<Renumbering | undefined> {
  const next = await currentTransaction(db); // the restore's own transaction comes after it
  if (positions.largest < next) return undefined;
  if (positions.largest - next < maxAdvance) {
    await advanceTransactions(db, positions.largest - next + 1n);
    return undefined;
  }
  const renumbering = positions.renumbering();
  const room = 3n + BigInt(renumbering.span);
  if (next < room) await advanceTransactions(db, room - next);
  return renumbering;
}

async function currentTransaction(db: Db): Promise<bigint> {
  const { rows } = await db.query<{ x: string }>('SELECT pg_current_xact_id()::text AS x');
  return BigInt(rows[0]!.x);
}

/** Runs `count` transactions that do nothing but take an id. */
async function advanceTransactions(db: Db, count: bigint) {
  await db.exec(`DO $$ BEGIN FOR i IN 1..${count} LOOP PERFORM pg_current_xact_id(); COMMIT; END LOOP; END $$`);
}

/** The schema the backup's migrations built here must be the backup's own, column for column. */
async function checkShape(tx: Tx, header: BackupHeader): Promise<Map<string, TableShape>> {
  const here = new Map((await listTables(tx)).map((t) => [t.name, t]));
  const differs = (why: string) =>
    new RestoreRefused(`the schema this Wareloop's migrations build differs from the backup's (${why}); were migrations edited after they were applied?`);
  for (const t of header.tables) {
    const shape = here.get(t.name);
    if (!shape) throw differs(`no table ${t.name}`);
    const types = new Map(shape.columns.map((c) => [c.name, c.type]));
    for (const c of t.columns) {
      if (types.get(c.name) !== c.type) throw differs(`${t.name}.${c.name} is ${types.get(c.name) ?? 'missing'}, the backup's is ${c.type}`);
    }
    if (shape.columns.length !== t.columns.length) throw differs(`${t.name} has ${shape.columns.length} columns, the backup's ${t.columns.length}`);
  }
  const extra = [...here.keys()].filter((name) => !header.tables.some((t) => t.name === name));
  if (extra.length) throw differs(`tables not in the backup: ${extra.join(', ')}`);
  return here;
}

const BATCH_ROWS = 1000;
const BATCH_BYTES = 4 << 20;

/**
 * Each row goes in from its text forms, cast by the database to the column's type. The rows the
 * migrations seeded (built-in roles, consumer cursors) give way to the backup's.
 */
async function loadRows(tx: Tx, backup: VerifiedBackup, shapes: Map<string, TableShape>, renumbering: Renumbering | undefined) {
  await tx.query(`TRUNCATE ${backup.header.tables.map((t) => ident(t.name)).join(', ')}`);
  let batch: string[] = [];
  let bytes = 0;
  let insert = '';
  const flush = async () => {
    if (!batch.length) return;
    await tx.query(insert, [`[${batch.join(',')}]`]);
    batch = [];
    bytes = 0;
  };
  let table: BackupTable | undefined;
  for await (const r of readBackupFile(backup.file)) {
    if (r.kind === 'table') {
      await flush();
      table = r.table;
      insert = insertSql(table, shapes.get(table.name)!);
    } else if (r.kind === 'row') {
      const line = renumbering?.apply(r.table, r.values) ? JSON.stringify(r.values) : r.line;
      batch.push(line);
      bytes += line.length;
      if (batch.length >= BATCH_ROWS || bytes >= BATCH_BYTES) await flush();
    }
  }
  await flush(); // only once the file's checksum has been checked again: it may have changed since
}

function insertSql(t: BackupTable, shape: TableShape): string {
  const types = new Map(shape.columns.map((c) => [c.name, c.type]));
  const columns = t.columns.map((c) => ident(c.name)).join(', ');
  const values = t.columns.map((c, i) => `(r->>${i})::${types.get(c.name)}`).join(', ');
  return `INSERT INTO ${ident(t.name)} (${columns}) OVERRIDING SYSTEM VALUE SELECT ${values} FROM json_array_elements($1::text::json) AS r`;
}

/** Sequences continue where the backup's stood: new rows get new ids and numbers. */
async function setSequences(tx: Tx, header: BackupHeader) {
  for (const s of header.sequences) {
    await tx.query(`SELECT setval(coalesce(pg_get_serial_sequence($1, $2), $3)::regclass, $4::bigint, $5)`, [
      s.ownedBy ? ident(s.ownedBy.table) : null,
      s.ownedBy?.column ?? null,
      ident(s.name),
      s.lastValue,
      s.isCalled,
    ]);
  }
}
