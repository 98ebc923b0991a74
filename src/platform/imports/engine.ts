/**
 * The import engine. An upload is read up to its header while the request is open (an unreadable
 * file or a missing column is refused at once), becomes a job, and the request returns. The job
 * then reads the rest of the file a chunk at a time — checking each row with the kind's schema and
 * file checker, staging the good ones in `import_rows` with one short statement per chunk, and
 * yielding to the event loop between chunks, so other requests (the counter, the handheld) are
 * served in between — then asks the kind what the database refuses. A file with any error writes
 * nothing. A clean one is committed (at once, or later for a dry run) by the kind's set-based apply
 * in ONE transaction: on the embedded database, the single connection is held only for that.
 */
import { currentSource, sourceOf, withSource } from '../http/request-context.js';
import { createHash } from 'node:crypto';
import type { Config } from '../../config.js';
import type { WarehouseScope } from '../auth/scope.js';
import type { Db } from '../db/client.js';
import { appendEvent } from '../events/log.js';
import { Conflict, DomainError } from '../http/errors.js';
import { IMPORT_EVENTS } from './events.js';
import { cellsOf, mapHeader, type ColumnMap } from './headers.js';
import { failJob, getJob, insertJob, MAX_STORED_ERRORS, stageChunk, type ImportJob } from './jobs.js';
import type { ImportKind, RowError } from './kind.js';
import { openFile, type OpenedFile } from './read-file.js';

export const MAX_FILE_BYTES = 50 * 1024 * 1024;
export const MAX_ROWS = 100_000;
/** Rows checked between two yields to the event loop (a few tens of milliseconds of work). */
export const CHUNK_ROWS = 500;
/** Rows staged per statement: fewer, larger INSERTs stage twice as fast, and each still holds the database only tens of milliseconds. */
const STAGE_ROWS = 2000;
/** A dry run's staged rows wait this long for its commit. */
const DRY_RUN_KEPT = '7 days';

type EngineContext = { db: Db; config: Config };

/** Test hooks: called after each chunk is staged, before the engine yields (awaited). */
export const importHooks: { afterChunk?: (jobId: number, rowsRead: number) => void | Promise<void> } = {};

/** Jobs this process is running, so a reader can wait for one (tests, graceful stops). */
const running = new Map<number, Promise<void>>();
export const isRunningHere = (id: number) => running.has(id);
export function whenSettled(id: number): Promise<void> {
  return running.get(id) ?? Promise.resolve();
}

function track(id: number, work: Promise<void>) {
  const done = work.finally(() => running.delete(id));
  running.set(id, done);
}

export async function startImport(
  ctx: EngineContext,
  kind: ImportKind,
  upload: { bytes: Uint8Array; fileName: string | null; dryRun: boolean; actor: string; scope: WarehouseScope },
): Promise<ImportJob> {
  const file = await openFile(upload.bytes);
  const map = mapHeader(kind, file.header.cells);
  await expireDryRuns(ctx.db);
  const job = await ctx.db.transaction((tx) => insertJob(tx, {
    kind: kind.name,
    dryRun: upload.dryRun,
    fileName: upload.fileName,
    format: file.format,
    encoding: file.encoding,
    fileBytes: upload.bytes.length,
    fileSha256: createHash('sha256').update(upload.bytes).digest('hex'),
    actor: upload.actor,
    ignoredColumns: map.ignored,
  }));
  // The job outlives the request; its events still name the upload's credential and address.
  const source = currentSource();
  track(job.id, withSource(source, () => runJob(ctx, kind, job, file, map, upload.scope)));
  return job;
}

/** Commits a validated dry run: 202 at once, the apply runs after the request. */
export async function commitImport(ctx: EngineContext, kind: ImportKind, id: number, actor: string, scope: WarehouseScope): Promise<ImportJob> {
  const { rows } = await ctx.db.transaction((tx) =>
    tx.query<{ id: number }>(`UPDATE import_jobs SET status = 'committing', committed_by = $2, updated_at = now() WHERE id = $1 AND status = 'validated' RETURNING id`, [id, actor]),
  );
  if (!rows[0]) {
    const job = await getJob(ctx.db, id, isRunningHere);
    throw new Conflict(`import ${id} is ${job.status}; only a validated dry run can be committed`, { currentState: job.status });
  }
  const job = await getJob(ctx.db, id, () => true);
  const source = currentSource();
  track(id, withSource(source, () => apply(ctx, kind, id, actor, scope)));
  return job;
}

async function runJob(ctx: EngineContext, kind: ImportKind, job: ImportJob, file: OpenedFile, map: ColumnMap, scope: WarehouseScope): Promise<void> {
  try {
    const outcome = await validate(ctx, kind, job.id, file, map, scope);
    if (outcome.errorCount > 0) {
      await ctx.db.transaction((tx) => failJob(tx, job, outcome.errors, outcome.errorCount, job.createdBy));
      return;
    }
    await ctx.db.transaction(async (tx) => {
      await tx.query(`UPDATE import_jobs SET status = 'validated', validated_at = now(), updated_at = now() WHERE id = $1`, [job.id]);
      await appendEvent(tx, job.createdBy, { type: IMPORT_EVENTS.validated, entityType: 'import', entityId: job.id, payload: { kind: job.kind, rows: outcome.rows, dryRun: job.dryRun } });
    });
    if (job.dryRun) return;
    await ctx.db.transaction((tx) => tx.query(`UPDATE import_jobs SET status = 'committing', committed_by = created_by, updated_at = now() WHERE id = $1`, [job.id]));
    await apply(ctx, kind, job.id, job.createdBy, scope);
  } catch (err) {
    await failUnexpectedly(ctx, job, err);
  }
}

type Outcome = { rows: number; errors: RowError[]; errorCount: number };

async function validate(ctx: EngineContext, kind: ImportKind, jobId: number, file: OpenedFile, map: ColumnMap, scope: WarehouseScope): Promise<Outcome> {
  const checkFile = kind.fileChecker();
  const errors: RowError[] = [];
  let errorCount = 0;
  const fail = (row: number, field: string, message: string) => {
    errorCount++;
    if (errors.length < MAX_STORED_ERRORS) errors.push({ row, column: map.headerOf.get(field) ?? field, message });
  };
  const required = kind.columns.filter((c) => c.required).map((c) => c.field);
  let read = 0;
  let valid = 0;
  let chunk: Array<[number, unknown]> = [];
  const flush = async (stage: boolean) => {
    if (stage) {
      // In a transaction of its own, though it is one statement: on the embedded database a bare
      // query would run inside whatever transaction holds the one connection (another import's
      // apply) and vanish with it if that rolled back.
      const rows = chunk;
      await ctx.db.transaction((tx) => stageChunk(tx, jobId, rows, { read, valid, errors: errorCount }));
      chunk = [];
    }
    await importHooks.afterChunk?.(jobId, read);
    await new Promise((resolve) => setImmediate(resolve));
  };

  try {
    for (let next = await file.rows.next(); !next.done; next = await file.rows.next()) {
      if (++read > MAX_ROWS) {
        await file.rows.return?.();
        return { rows: read, errors: [{ row: 0, column: 'file', message: `the file has more than ${MAX_ROWS} rows; split it` }], errorCount: 1 };
      }
      const raw = next.value;
      const { cells, broken } = cellsOf(raw, map);
      for (const b of broken) fail(raw.row, b.field, b.message);
      const missing = required.filter((f) => cells[f] === undefined && !broken.some((b) => b.field === f));
      for (const f of missing) fail(raw.row, f, 'required');
      const parsed = kind.row.safeParse(cells);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0] ?? 'row');
          if (!missing.includes(field) && !broken.some((b) => b.field === field)) fail(raw.row, field, issue.message);
        }
      } else if (broken.length === 0 && missing.length === 0) {
        const problems = checkFile(parsed.data, raw.row);
        for (const p of problems) fail(raw.row, p.field, p.message);
        if (problems.length === 0) {
          valid++;
          chunk.push([raw.row, parsed.data]);
        }
      }
      if (read % CHUNK_ROWS === 0) await flush(chunk.length >= STAGE_ROWS);
    }
  } catch (err) {
    // The file broke after its header (a truncated workbook, a stray quote): a file error, not ours.
    if (err instanceof DomainError) return { rows: read, errors: [{ row: 0, column: 'file', message: err.message }], errorCount: 1 };
    throw err;
  }
  await flush(true);
  if (read === 0) return { rows: 0, errors: [{ row: 0, column: 'file', message: 'the file has a header but no rows to import' }], errorCount: 1 };

  // What the database says comes after every row is staged, and its errors join the file's in row order.
  // The file's errors kept so far are its first ones by row, so the first of the merged list are too.
  const refused = await kind.check({ q: ctx.db, jobId, scope });
  for (const r of refused) errors.push({ row: r.row, column: map.headerOf.get(r.field) ?? r.field, message: r.message });
  errors.sort((a, b) => a.row - b.row);
  return { rows: read, errors: errors.slice(0, MAX_STORED_ERRORS), errorCount: errorCount + refused.length };
}

/** The one transaction: the kind's set-based apply, the job committed, its event. A failure fails the job (never throws). */
async function apply(ctx: EngineContext, kind: ImportKind, id: number, actor: string, scope: WarehouseScope): Promise<void> {
  try {
    await ctx.db.transaction(async (tx) => {
      const started = performance.now();
      // The kinds insert their events set-based; they take the upload's credential and address from here.
      const { credential, address } = sourceOf(actor);
      await tx.query(`SELECT set_config('wareloop.credential', $1, true), set_config('wareloop.address', $2, true)`, [credential ?? '', address ?? '']);
      const job = (await tx.query<{ status: string; rows: number }>(`SELECT status, rows_valid AS rows FROM import_jobs WHERE id = $1 FOR UPDATE`, [id])).rows[0];
      if (job?.status !== 'committing') throw new Conflict(`import ${id} is ${job?.status ?? 'gone'}`, { currentState: job?.status });
      const result = await kind.apply({ tx, jobId: id, actor, reference: `IMP-${id}`, config: ctx.config, scope });
      const applyMs = Math.round(performance.now() - started);
      await tx.query(
        `UPDATE import_jobs SET status = 'committed', result = $2::jsonb, apply_ms = $3, finished_at = now(), updated_at = now() WHERE id = $1`,
        [id, JSON.stringify(result), applyMs],
      );
      await appendEvent(tx, actor, { type: IMPORT_EVENTS.committed, entityType: 'import', entityId: id, payload: { kind: kind.name, rows: job.rows, ...result, applyMs } });
    });
    await ctx.db.transaction((tx) => tx.query('DELETE FROM import_rows WHERE job_id = $1', [id]));
  } catch (err) {
    await failUnexpectedly(ctx, { id, kind: kind.name, createdBy: actor }, err);
  }
}

/**
 * A job that could not finish: the database changed since the check (a SKU taken meanwhile — a
 * Conflict naming it), or something broke. Nothing was written: the apply's transaction rolled back.
 */
async function failUnexpectedly(ctx: EngineContext, job: Pick<ImportJob, 'id' | 'kind' | 'createdBy'>, err: unknown) {
  const message =
    err instanceof DomainError ? `nothing was written: ${err.message}` : 'nothing was written: the import failed unexpectedly; the server log has the details';
  if (!(err instanceof DomainError)) console.error(`import ${job.id} failed`, err);
  await ctx.db.transaction((tx) => failJob(tx, job, [{ row: 0, column: 'file', message }], 1, job.createdBy)).catch(() => undefined);
}

/** Dry runs never committed give their staged rows back after a while. */
async function expireDryRuns(db: Db) {
  const { rows } = await db.query<{ id: number; kind: string; createdBy: string }>(
    `SELECT id, kind, created_by AS "createdBy" FROM import_jobs WHERE status = 'validated' AND dry_run AND validated_at < now() - interval '${DRY_RUN_KEPT}'`,
  );
  for (const job of rows) {
    await db.transaction(async (tx) => {
      const { rowCount } = await tx.query(`SELECT 1 FROM import_jobs WHERE id = $1 AND status = 'validated' FOR UPDATE`, [job.id]);
      if (rowCount) await failJob(tx, job, [{ row: 0, column: 'file', message: `the dry run expired after ${DRY_RUN_KEPT} without a commit; upload the file again` }], 1, 'system');
    });
  }
}
