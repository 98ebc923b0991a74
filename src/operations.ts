/**
 * The operator's commands on the data as it is, server running or not: `doctor`, `backup`,
 * `restore`. On the embedded database a running server holds, doctor and backup run inside that
 * server, asked over its control socket (src/platform/control); otherwise right here.
 */
import { resolve } from 'node:path';
import type { Config } from './config.js';
import { MIGRATION_SOURCES } from './modules/index.js';
import { runDoctor, type DoctorReport } from './modules/inventory/index.js';
import { prepareDatabase } from './prepare.js';
import { VERSION } from './server.js';
import { describeReport, verifyAudit, type AuditReport } from './platform/audit/verify.js';
import { writeBackupFile, type Emit } from './platform/backup/format.js';
import { restoreBackup, verifyBackup } from './platform/backup/restore.js';
import { snapshotDatabase } from './platform/backup/snapshot.js';
import { reachDatabase, serverAnswers } from './platform/control/client.js';
import type { OperationHandler } from './platform/control/socket.js';
import type { Db, Queryable } from './platform/db/client.js';
import { DataDirLocked, openDatabase } from './platform/db/open.js';

type Operation = {
  /** Opened here (no server holds the database), bring it up to date first. */
  migrateFirst: boolean;
  run(db: Db, emit: Emit): Promise<unknown>;
};

/** What a command may ask of the server that holds the database; the same runs here when none does. */
const OPERATIONS: Record<string, Operation> = {
  doctor: { migrateFirst: true, run: (db) => runDoctor(db) },
  // A backup takes the database as it is: it never migrates it.
  backup: { migrateFirst: false, run: (db, emit) => snapshotDatabase(db, emit, { wareloopVersion: VERSION }) },
  'audit verify': { migrateFirst: true, run: (db) => verifyAudit(db) },
};

/** The control socket's handler in a server holding `db`. */
export function serveOperations(db: Db): OperationHandler {
  return async (name, emit) => {
    const op = Object.hasOwn(OPERATIONS, name) ? OPERATIONS[name] : undefined;
    if (!op) throw new Error(`there is no operation ${name}`);
    return op.run(db, emit);
  };
}

async function onDatabase<R>(config: Config, name: string, emit: Emit = async () => undefined): Promise<R> {
  const reached = await reachDatabase(config);
  if (reached.via === 'server') return reached.call<R>(name, emit);
  const op = OPERATIONS[name]!;
  try {
    if (op.migrateFirst) await prepareDatabase(reached.db);
    return (await op.run(reached.db, emit)) as R;
  } finally {
    await reached.db.close();
  }
}

export type Check = DoctorReport['checks'][number];

/** What a restored database must pass before anyone relies on it: the doctor's checks and the audit trail's. */
export async function restoredChecks(q: Queryable): Promise<Check[]> {
  const audit = await verifyAudit(q);
  const f = audit.finding;
  return [
    ...(await runDoctor(q)).checks,
    { name: 'the sealed audit trail verifies', ok: audit.ok, findings: f ? [`${f.kind.replace(/_/g, ' ')} (block ${f.blockId}): ${f.detail}`] : [] },
  ];
}

/** Prints each check and its findings; answers how many found problems. */
function printChecks(checks: Check[]): number {
  let problems = 0;
  for (const check of checks) {
    const bad = !check.ok || check.findings.length > 0;
    if (bad) problems++;
    console.log(`${bad ? '✗' : '✓'} ${check.name}`);
    for (const finding of check.findings) console.log(`    ${finding}`);
  }
  console.log(problems ? `${problems} of ${checks.length} checks found problems.` : `All ${checks.length} checks passed.`);
  return problems;
}

export async function doctorCommand(config: Config): Promise<number> {
  const report = await onDatabase<DoctorReport>(config, 'doctor');
  return printChecks(report.checks) ? 1 : 0;
}

/** `wareloop audit verify`, through the server that holds the embedded database when one does. */
export async function auditCommand(config: Config): Promise<number> {
  const report = await onDatabase<AuditReport>(config, 'audit verify');
  for (const line of describeReport(report)) console.log(line);
  return report.ok ? 0 : 1;
}

export async function backupCommand(config: Config, file: string): Promise<number> {
  const path = resolve(file);
  const written = await writeBackupFile(path, (emit) => onDatabase(config, 'backup', emit));
  const h = written.header;
  console.log(`Wrote ${path}`);
  console.log(`  ${written.tables} tables, ${written.rows} rows, ${h.migrations.length} migrations; snapshot of ${h.createdAt}`);
  console.log(`  ${written.bytes} bytes, content sha256 ${written.sha256}`);
  return 0;
}

export async function restoreCommand(config: Config, file: string, opts: { force: boolean }): Promise<number> {
  const path = resolve(file);
  if (!config.databaseUrl && (await serverAnswers(config.dataDir))) {
    throw new Error(`a Wareloop server is serving ${resolve(config.dataDir)}; stop it before restoring into it`);
  }
  const backup = await verifyBackup(path, MIGRATION_SOURCES);
  const h = backup.header;
  console.log(`Verified ${path}: ${h.tables.length} tables, ${backup.rows} rows from ${h.database === 'pglite' ? 'PGlite' : 'PostgreSQL'}, Wareloop ${h.wareloopVersion}, snapshot of ${h.createdAt}`);
  let db: Db;
  try {
    db = await openDatabase(config);
  } catch (err) {
    if (err instanceof DataDirLocked) throw new Error(`cannot restore now: ${err.message}`);
    throw err;
  }
  try {
    const restored = await restoreBackup(db, backup, { force: opts.force, sources: MIGRATION_SOURCES });
    await prepareDatabase(db); // built-in roles and rules of this version
    console.log(`Restored ${restored.tables} tables, ${restored.rows} rows.`);
    if (restored.laterMigrations.length) console.log(`  Then applied ${restored.laterMigrations.length} newer migrations: ${restored.laterMigrations.join(', ')}`);
    if (restored.renumberedPositions) console.log('  Transaction positions (event log, cursors, snapshots) were renumbered into this database, in the same order.');
    return printChecks(await restoredChecks(db)) ? 1 : 0;
  } finally {
    await db.close();
  }
}
