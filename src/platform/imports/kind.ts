/**
 * What a kind of import (customers, products, opening stock, orders) gives the engine: its
 * columns with their English and Chinese headers, a Zod schema for one row's cells, the checks
 * that span rows of the file and those that need the database, and the set-based apply.
 * Each kind lives in the module that owns what it creates (`src/modules/<name>/import.ts`).
 */
import { z } from 'zod';
import type { Config } from '../../config.js';
import type { Permission } from '../auth/permissions.js';
import type { WarehouseScope } from '../auth/scope.js';
import type { Queryable, Tx } from '../db/client.js';
import { NO_CONTROL } from '../http/schemas.js';

export const IMPORT_KIND_NAMES = ['customers', 'products', 'opening-stock', 'orders'] as const;
export type ImportKindName = (typeof IMPORT_KIND_NAMES)[number];

/** A problem with one row (the header is row 1; row 0 is the file as a whole). */
export type RowError = { row: number; column: string; message: string };

export type Column = {
  /** The field name in the staged row and in error messages when the file has no such column. */
  field: string;
  /** Accepted headers, English first, then Chinese, then other spellings. */
  headers: readonly [string, string, ...string[]];
  required?: boolean;
  /** What the template's example row shows, and its note. */
  example: string;
  note?: string;
};

/** A row as the kind's schema receives it: each mapped column's text by field, custom columns as `custom.<name>`; empty cells left out. */
export type RowCells = Record<string, string>;

/** What the database says about the staged rows before anything is written. */
/**
 * `scope`: the warehouses the person importing may work in (null: every one). A kind that writes
 * into warehouses refuses, as a row error, a row for a warehouse outside it: the uploader's at
 * the check, the committer's at the apply.
 */
export type CheckContext = { q: Queryable; jobId: number; scope: WarehouseScope };
export type ApplyContext = { tx: Tx; jobId: number; actor: string; reference: string; config: Config; scope: WarehouseScope };
export type ApplyResult = { created: Record<string, number>; skipped: Record<string, number> };

export type ImportKind<Row = unknown> = {
  name: ImportKindName;
  /** What a person calls it, for messages and the template's sheet name. */
  title: { en: string; 'zh-CN': string };
  permission: Permission;
  columns: readonly Column[];
  /** Headers that start with one of these (`custom.colour`, `自定义.颜色`) become custom fields; with `unknownColumns`, so does any header not a column. */
  customFields?: { prefixes: readonly string[]; unknownColumns: boolean; max: number };
  /** One row's cells → the row to stage, or the issues (path[0] is the field). */
  row: z.ZodType<Row, RowCells>;
  /** A fresh checker per file for what spans rows (duplicates, an order's lines): errors for this row, by field. */
  fileChecker(): (row: Row, rowNumber: number) => Array<{ field: string; message: string }>;
  /** After every row is staged: what the database refuses (unknown SKUs, …), by row and field. */
  check(c: CheckContext): Promise<Array<{ row: number; field: string; message: string }>>;
  /** Writes every staged row, set-based, in the caller's one transaction; returns what it created and skipped. */
  apply(c: ApplyContext): Promise<ApplyResult>;
};

// ---- cells: text in, typed values out, with messages a person understands ------------------------


export const cell = {
  text: (max: number) => z.string().max(max, `at most ${max} characters`).regex(NO_CONTROL, 'no control characters'),
  int: (min: number, max: number) =>
    z
      .string()
      .regex(/^[+-]?\d+(\.0+)?$/, 'must be a whole number')
      .transform((s) => Number(s))
      .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`)),
  /** An amount with at most 2 decimals, e.g. 199.50 or ¥1,299.00. */
  amount: (max: number) =>
    z
      .string()
      .transform((s) => s.replace(/^[¥￥$]/, '').replace(/,/g, ''))
      .pipe(z.string().regex(/^\d+(\.\d{1,2})?$/, 'must be an amount such as 199.50 (at most 2 decimals, not negative)'))
      .transform((s) => Number(s))
      .pipe(z.number().max(max, `must be at most ${max}`)),
  date: () =>
    z
      .string()
      .transform((s) => s.replace(/\//g, '-'))
      .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD'))
      .refine((s) => {
        const d = new Date(`${s}T00:00:00Z`);
        return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
      }, 'is not a real date'),
  bool: () =>
    z
      .string()
      .transform((s) => s.toLowerCase())
      .pipe(z.enum(['true', 'false', 'yes', 'no', '1', '0', '是', '否', 'y', 'n'], 'must be yes or no (是 / 否)'))
      .transform((s) => ['true', 'yes', '1', '是', 'y'].includes(s)),
  /** Several values in one cell, separated by ; , | or spaces (and their full-width forms). */
  list: () => z.string().transform((s) => [...new Set(s.split(/[;,|，；、\s]+/).filter(Boolean))]),
};

/** What a row schema's builder uses to read cells and to check with a module's own input schema. */
export type RowReader = {
  /** The cell through a cell schema (`cell.int(…)`), or undefined when empty or wrong (an issue on the field). */
  get<S extends z.ZodType<unknown, string>>(field: string, schema: S): z.output<S> | undefined;
  /** `value` through the module's own input schema (the API's rules); its issues land on the file's fields. */
  check<S extends z.ZodType>(schema: S, value: unknown, fieldOf?: (path: PropertyKey[]) => string): z.output<S> | undefined;
  fail(field: string, message: string): void;
};

/**
 * A row schema from a builder: the builder reads the cells it needs and returns the row to stage;
 * any issue it raised (through `get`, `check` or `fail`) refuses the row with every issue listed.
 */
export function rowSchema<T>(build: (cells: RowCells, r: RowReader) => T | undefined): z.ZodType<T, RowCells> {
  return z.record(z.string(), z.string()).transform((cells, ctx) => {
    let ok = true;
    const fail = (field: string, message: string) => {
      ok = false;
      ctx.addIssue({ code: 'custom', path: [field], message });
    };
    const reader: RowReader = {
      get(field, schema) {
        const value = cells[field];
        if (value === undefined) return undefined;
        const r = schema.safeParse(value);
        if (r.success) return r.data;
        fail(field, r.error.issues[0]!.message);
        return undefined;
      },
      check(schema, value, fieldOf = (path) => String(path[0] ?? 'row')) {
        const r = schema.safeParse(value);
        if (r.success) return r.data;
        for (const issue of r.error.issues) fail(fieldOf(issue.path), issue.message);
        return undefined;
      },
      fail,
    };
    const row = build(cells, reader);
    return ok && row !== undefined ? row : z.NEVER;
  }) as unknown as z.ZodType<T, RowCells>;
}

/** The staged rows of a job, in file order. */
export async function stagedRows<T>(q: Queryable, jobId: number): Promise<Array<{ row: number; data: T }>> {
  return (await q.query<{ row: number; data: T }>('SELECT row_no AS row, data FROM import_rows WHERE job_id = $1 ORDER BY row_no', [jobId])).rows;
}

/** A kind as the engine holds it: the engine hands a kind's checker only rows its own schema produced. */
export function asEngineKind<Row>(kind: ImportKind<Row>): ImportKind {
  return kind as unknown as ImportKind;
}

/**
 * The apply's statements take this many rows at a time (tests lower it to cross batch edges). On the embedded database a statement runs
 * on the main thread, so one statement over 100,000 rows would stop every other request for its
 * whole length; in batches, with a yield between them, reads are answered in between (writes, which
 * need the one connection's transaction, still wait for the commit).
 */
export const applyBatch = { rows: 5000 };
export const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs `fn` over `items` a batch at a time, in order, yielding between batches. */
export async function inBatches<T>(items: readonly T[], fn: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let at = 0; at < items.length; at += applyBatch.rows) {
    await fn(items.slice(at, at + applyBatch.rows));
    await yieldToRequests();
  }
}

/** The staged rows' numbers cut into windows [from, to) of a batch of rows each, in file order. */
export async function stagedWindows(q: Queryable, jobId: number): Promise<Array<[number, number]>> {
  const { rows } = await q.query<{ rowNo: number }>(
    `SELECT row_no AS "rowNo" FROM (SELECT row_no, row_number() OVER (ORDER BY row_no) AS n FROM import_rows WHERE job_id = $1) t
      WHERE (n - 1) % $2 = 0 ORDER BY row_no`,
    [jobId, applyBatch.rows],
  );
  return rows.map((r, i) => [r.rowNo, rows[i + 1]?.rowNo ?? 2_147_483_647]);
}
