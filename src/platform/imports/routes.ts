/**
 * `/api/v1/imports`: upload a file for a kind (the raw CSV or XLSX body; 202 with the job), read
 * a job (progress, errors, result), list jobs, commit a validated dry run, download a template.
 * Each kind's routes need its module's write permission; a job is shown to whoever holds that
 * permission for its kind.
 */
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Principal } from '../auth/auth.service.js';
import type { App, AppContext } from '../http/app.js';
import { principal } from '../http/app.js';
import { DomainError, Forbidden } from '../http/errors.js';
import { page, PageQuery } from '../http/pagination.js';
import { commitImport, isRunningHere, MAX_FILE_BYTES, startImport } from './engine.js';
import { IMPORT_STATUSES } from './events.js';
import { getJob, ImportJobDto, listJobs } from './jobs.js';
import type { ImportKind } from './kind.js';
import { csvTemplate, xlsxTemplate } from './template.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** What browsers and tools send a CSV as (a .csv on Windows is often application/vnd.ms-excel); the bytes decide the format. */
const UPLOAD_TYPES = ['text/csv', 'application/csv', 'application/vnd.ms-excel', XLSX_TYPE, 'application/octet-stream'];
const tags = ['imports'];

const UploadQuery = z.object({
  dryRun: z.enum(['true', 'false']).default('true').describe('true (the default): check only, write nothing; commit later with POST /imports/{id}/commit'),
  fileName: z.string().trim().min(1).max(255).optional().describe('the file name to show in the job list'),
});
const JobParams = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

export function importRoutes(app: App, ctx: AppContext, kinds: readonly ImportKind[]) {
  const byName = new Map(kinds.map((k) => [k.name as string, k]));
  const kindOfJob = (p: Principal, kind: string) => {
    const k = byName.get(kind)!;
    if (!p.permissions.has(k.permission)) throw new Forbidden(k.permission);
    return k;
  };

  app.register(async (scoped) => {
    const child = scoped.withTypeProvider<ZodTypeProvider>();
    child.addContentTypeParser(UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES }, (_req, body, done) => done(null, body));
    for (const kind of kinds) {
      child.post(
        `/api/v1/imports/${kind.name}`,
        {
          config: { permission: kind.permission },
          schema: {
            tags,
            summary:
              `Import ${kind.title.en.toLowerCase()} from a CSV (UTF-8 or GBK) or XLSX file sent as the raw body (at most ${MAX_FILE_BYTES / 2 ** 20} MiB, 100,000 rows). ` +
              'Answers 202 with the job at once; the rows are checked after the request (GET the job for progress and row errors). ' +
              'Any error writes nothing; a clean file is written all at once. Rows whose natural key already exists are skipped, so a file can be sent again.',
            consumes: UPLOAD_TYPES,
            querystring: UploadQuery,
            response: { 202: ImportJobDto },
          },
        },
        async (req, reply) => {
          // A JSON body reached the app's own parser: not a file this route reads.
          if (!Buffer.isBuffer(req.body)) throw new DomainError(415, 'unsupported-media-type', 'Unsupported media type', `send the file as the raw body with content type text/csv or ${XLSX_TYPE}`, { field: 'content-type' });
          const bytes = req.body;
          const job = await startImport(ctx, kind, { bytes, fileName: req.query.fileName ?? null, dryRun: req.query.dryRun === 'true', actor: principal(req).actor, scope: principal(req).warehouseIds });
          return reply.code(202).header('location', `/api/v1/imports/${job.id}`).send(job);
        },
      );
    }
  });

  for (const kind of kinds) {
    for (const format of ['xlsx', 'csv'] as const) {
      app.get(
        `/api/v1/imports/templates/${kind.name}.${format}`,
        {
          config: { permission: kind.permission },
          schema: { tags, summary: `The ${format.toUpperCase()} template for ${kind.title.en.toLowerCase()}: bilingual headers and an example row` },
        },
        async (_req, reply) => {
          const body = format === 'xlsx' ? await xlsxTemplate(kind) : csvTemplate(kind);
          return reply
            .type(format === 'xlsx' ? XLSX_TYPE : 'text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="wareloop-${kind.name}-template.${format}"`)
            .send(body);
        },
      );
    }
  }

  app.get(
    '/api/v1/imports',
    {
      config: { authenticated: true },
      schema: {
        tags,
        summary: 'Import jobs, newest first: those of the kinds the caller may import',
        querystring: PageQuery.extend({ kind: z.enum(kinds.map((k) => k.name) as [string, ...string[]]).optional(), status: z.enum(IMPORT_STATUSES).optional() }),
        response: { 200: page(ImportJobDto) },
      },
    },
    async (req) => {
      const p = principal(req);
      const allowed = kinds.filter((k) => p.permissions.has(k.permission) && (req.query.kind === undefined || k.name === req.query.kind)).map((k) => k.name);
      return listJobs(ctx.db, { kinds: allowed, status: req.query.status }, req.query);
    },
  );

  app.get(
    '/api/v1/imports/:id',
    {
      config: { authenticated: true },
      schema: { tags, summary: "An import job: status, progress, the first row errors, and after the commit what was created and skipped", params: JobParams, response: { 200: ImportJobDto } },
    },
    async (req) => {
      const job = await getJob(ctx.db, req.params.id, isRunningHere);
      kindOfJob(principal(req), job.kind);
      return job;
    },
  );

  app.post(
    '/api/v1/imports/:id/commit',
    {
      config: { authenticated: true },
      schema: {
        tags,
        summary: 'Commit a validated dry run without uploading again: 202, then the job goes committing → committed (or failed, writing nothing)',
        params: JobParams,
        response: { 202: ImportJobDto },
      },
    },
    async (req, reply) => {
      const job = await getJob(ctx.db, req.params.id, isRunningHere);
      const kind = kindOfJob(principal(req), job.kind);
      return reply.code(202).send(await commitImport(ctx, kind, job.id, principal(req).actor, principal(req).warehouseIds));
    },
  );
}
