/** The import jobs table: the job as the API shows it, and the writes the engine makes to it. */
import { z } from 'zod';
import type { Queryable, Tx } from '../db/client.js';
import { appendEvent } from '../events/log.js';
import { NotFound } from '../http/errors.js';
import { decodeCursor, pageOf } from '../http/pagination.js';
import { IMPORT_EVENTS, IMPORT_STATUSES, type ImportStatus } from './events.js';
import { IMPORT_KIND_NAMES, type ImportKindName, type RowError } from './kind.js';

/** How many errors a job keeps to show; `errorCount` is the full number. */
export const MAX_STORED_ERRORS = 1000;
/** A job that has not moved for this long was cut off (the server stopped): it is failed when next read. */
const STALE_AFTER = '10 minutes';

export const RowErrorDto = z.object({
  row: z.number().describe('the spreadsheet row (the header is row 1; 0 = the file as a whole)'),
  column: z.string().describe("the column's header as the file spells it, or the field name"),
  message: z.string(),
});

export const ImportJobDto = z.object({
  id: z.number(),
  kind: z.enum(IMPORT_KIND_NAMES),
  status: z.enum(IMPORT_STATUSES),
  dryRun: z.boolean(),
  fileName: z.string().nullable(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.enum(['utf-8', 'gbk']).nullable(),
  fileBytes: z.number(),
  createdBy: z.string(),
  committedBy: z.string().nullable(),
  rowsRead: z.number().describe('data rows read so far (progress while validating)'),
  rowsValid: z.number(),
  errorCount: z.number(),
  errors: z.array(RowErrorDto).describe(`the first ${MAX_STORED_ERRORS} errors in row order`),
  ignoredColumns: z.array(z.string()).describe('columns of the file that are not part of this kind (not imported)'),
  result: z
    .object({ created: z.record(z.string(), z.number()), skipped: z.record(z.string(), z.number()) })
    .nullable()
    .describe('after the commit: what was created, and what was skipped because it already existed (natural keys)'),
  applyMs: z.number().nullable().describe('how long the final transaction took, in milliseconds'),
  createdAt: z.string(),
  updatedAt: z.string(),
  validatedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof ImportJobDto>;

const COLUMNS = `id, kind, status, dry_run AS "dryRun", file_name AS "fileName", format, encoding, file_bytes AS "fileBytes",
  created_by AS "createdBy", committed_by AS "committedBy", rows_read AS "rowsRead", rows_valid AS "rowsValid",
  error_count AS "errorCount", errors, ignored_columns AS "ignoredColumns", result, apply_ms AS "applyMs",
  created_at AS "createdAt", updated_at AS "updatedAt", validated_at AS "validatedAt", finished_at AS "finishedAt"`;

export type NewJob = {
  kind: ImportKindName;
  dryRun: boolean;
  fileName: string | null;
  format: 'csv' | 'xlsx';
  encoding: 'utf-8' | 'gbk' | null;
  fileBytes: number;
  fileSha256: string;
  actor: string;
  ignoredColumns: string[];
};

export async function insertJob(q: Queryable, j: NewJob): Promise<ImportJob> {
  const { rows } = await q.query<ImportJob>(
    `INSERT INTO import_jobs (kind, dry_run, file_name, format, encoding, file_bytes, file_sha256, created_by, ignored_columns)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${COLUMNS}`,
    [j.kind, j.dryRun, j.fileName, j.format, j.encoding, j.fileBytes, j.fileSha256, j.actor, j.ignoredColumns],
  );
  return rows[0]!;
}

/** The job; one that stopped moving while it ran (the server went down) is failed first. */
export async function getJob(q: Queryable, id: number, isRunningHere: (id: number) => boolean): Promise<ImportJob> {
  const { rows } = await q.query<ImportJob>(`SELECT ${COLUMNS} FROM import_jobs WHERE id = $1`, [id]);
  const job = rows[0];
  if (!job) throw new NotFound('import', id);
  if ((job.status === 'validating' || job.status === 'committing') && !isRunningHere(id)) {
    const { rows: cut } = await q.query<ImportJob>(
      `UPDATE import_jobs SET status = 'failed', error_count = error_count + 1, finished_at = now(), updated_at = now(),
              errors = errors || jsonb_build_array(jsonb_build_object('row', 0, 'column', 'file', 'message',
                'the import was interrupted (the server stopped while it ran); nothing was written, upload the file again'))
        WHERE id = $1 AND status IN ('validating', 'committing') AND updated_at < now() - interval '${STALE_AFTER}'
        RETURNING ${COLUMNS}`,
      [id],
    );
    if (cut[0]) {
      await q.query('DELETE FROM import_rows WHERE job_id = $1', [id]);
      return cut[0];
    }
  }
  return job;
}

const Cursor = z.object({ id: z.number().int() });

/** Jobs of these kinds, newest first. */
export async function listJobs(q: Queryable, f: { kinds: ImportKindName[]; status?: ImportStatus }, page: { limit: number; cursor?: string }) {
  const before = decodeCursor(page.cursor, Cursor);
  const { rows } = await q.query<ImportJob>(
    `SELECT ${COLUMNS} FROM import_jobs
      WHERE kind = ANY($1::text[]) AND ($2::text IS NULL OR status = $2) AND ($3::bigint IS NULL OR id < $3)
      ORDER BY id DESC LIMIT $4`,
    [f.kinds, f.status ?? null, before?.id ?? null, page.limit + 1],
  );
  return pageOf(rows, page.limit, (last) => ({ id: last.id }));
}

/** Stages a chunk of checked rows and records the progress, in one statement. */
export async function stageChunk(q: Queryable, jobId: number, staged: Array<[number, unknown]>, progress: { read: number; valid: number; errors: number }) {
  await q.query(
    `WITH staged AS (
       INSERT INTO import_rows (job_id, row_no, data)
       SELECT $1, (e->>0)::int, e->1 FROM jsonb_array_elements($2::jsonb) AS e)
     UPDATE import_jobs SET rows_read = $3, rows_valid = $4, error_count = $5, updated_at = now() WHERE id = $1`,
    [jobId, JSON.stringify(staged), progress.read, progress.valid, progress.errors],
  );
}

/** Ends a job that will write nothing: its errors (the first ones), the event, the staged rows gone. */
export async function failJob(tx: Tx, job: { id: number; kind: string }, errors: RowError[], errorCount: number, actor: string) {
  await tx.query(
    `UPDATE import_jobs SET status = 'failed', errors = $2::jsonb, error_count = $3, finished_at = now(), updated_at = now() WHERE id = $1`,
    [job.id, JSON.stringify(errors.slice(0, MAX_STORED_ERRORS)), errorCount],
  );
  await tx.query('DELETE FROM import_rows WHERE job_id = $1', [job.id]);
  await appendEvent(tx, actor, {
    type: IMPORT_EVENTS.failed,
    entityType: 'import',
    entityId: job.id,
    payload: { kind: job.kind, errorCount, firstError: errors[0] ?? null },
  });
}
