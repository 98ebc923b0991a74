/** Helpers for the import tests: files in each format, uploads, and waiting for a job to finish. */
import ExcelJS from 'exceljs';
import { whenSettled } from '../src/platform/imports/engine.js';
import type { ImportJob } from '../src/platform/imports/jobs.js';
import type { TestContext } from './support/context.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function csv(rows: ReadonlyArray<ReadonlyArray<string | number>>, opts: { bom?: boolean } = {}): Buffer {
  const text = rows.map((r) => r.map((c) => quote(String(c))).join(',')).join('\r\n') + '\r\n';
  return Buffer.from((opts.bom ? '\ufeff' : '') + text, 'utf8');
}

export async function xlsx(rows: ReadonlyArray<ReadonlyArray<ExcelJS.CellValue>>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('导入');
  for (const r of rows) sheet.addRow([...r]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

let gbkTable: Map<string, number[]> | undefined;
/** Text as Excel on a Chinese Windows saves "CSV": GBK (built by decoding every double-byte code). */
export function gbk(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, [lead, trail]);
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = gbkTable.get(ch);
      if (!pair) throw new Error(`no GBK code for ${ch}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}

export function gbkCsv(rows: ReadonlyArray<ReadonlyArray<string | number>>): Buffer {
  return gbk(rows.map((r) => r.map((c) => quote(String(c))).join(',')).join('\r\n') + '\r\n');
}

type Upload = { dryRun?: boolean; type?: string; key?: string; fileName?: string };

/** POSTs the file; the response is the job as created (202) or the refusal. */
export function upload(ctx: TestContext, kind: string, body: Buffer, opts: Upload = {}) {
  const type = opts.type ?? (body[0] === 0x50 && body[1] === 0x4b ? XLSX_TYPE : 'text/csv');
  const query = new URLSearchParams({ dryRun: String(opts.dryRun ?? false), ...(opts.fileName ? { fileName: opts.fileName } : {}) });
  return ctx.api.as(opts.key ?? ctx.adminKey).post(`/api/v1/imports/${kind}?${query}`, body, { headers: { 'content-type': type } });
}

/** The job once this process has finished with it (validated, committed or failed). */
export async function settled(ctx: TestContext, id: number): Promise<ImportJob> {
  await whenSettled(id);
  const res = await ctx.api.get<ImportJob>(`/api/v1/imports/${id}`);
  if (res.status !== 200) throw new Error(`GET import ${id}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Uploads and waits: the finished job. */
export async function importFile(ctx: TestContext, kind: string, body: Buffer, opts: Upload = {}): Promise<ImportJob> {
  const res = await upload(ctx, kind, body, opts);
  if (res.status !== 202) throw new Error(`upload ${kind}: ${res.status} ${JSON.stringify(res.body)}`);
  return settled(ctx, res.body.id);
}

/** Row counts of the tables an import may write, to show that nothing was written. */
const COUNTED = ['customers', 'customer_addresses', 'products', 'product_barcodes', 'stock_levels', 'stock_ledger', 'orders', 'order_lines', 'reservations', 'import_rows'] as const;

export async function counts(ctx: TestContext): Promise<Record<(typeof COUNTED)[number] | 'entityEvents', number>> {
  const tables = COUNTED;
  const out = {} as Record<(typeof COUNTED)[number] | 'entityEvents', number>;
  for (const t of tables) out[t] = (await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`)).rows[0]!.n;
  out.entityEvents = (await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM events WHERE entity_type <> 'import'`)).rows[0]!.n;
  return out;
}
