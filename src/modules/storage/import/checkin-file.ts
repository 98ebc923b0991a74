/**
 * Reads a batch check-in file (CSV or XLSX) into check-in rows, or into the complete list of
 * what is wrong with it: every row is validated and every error is reported with the row number
 * a spreadsheet shows (the header is row 1), so the operator fixes the file once and nothing is
 * imported from a half-valid file — `rows` is empty whenever `errors` is not. Errors about the
 * file as a whole (too big, unreadable, no header) come alone, with row 0 unless a row is known.
 *
 * Columns are found by header, in English or Chinese (`customer_phone` or 客户电话, …; case,
 * spaces, dashes and underscores do not matter); any other column becomes a custom field.
 */
import { unpackedZipSize } from '../../../platform/imports/read-file.js';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

export type CheckInRow = {
  customerPhone: string;
  customerName?: string;
  category: string;
  sizeClass: string;
  description: string;
  /** Minor units (fen, cents). */
  declaredValue?: number;
  /** YYYY-MM-DD */
  expectedPickupDate?: string;
  customFields: Record<string, string>;
};

export type CheckInFileError = { row: number; field: string; message: string };
/**
 * `rowNumbers[i]` is the file row of `rows[i]` (blank rows are skipped but keep their numbers), for
 * errors the caller finds later, such as a customer it cannot check in.
 */
export type CheckInFileResult = { rows: CheckInRow[]; errors: CheckInFileError[]; rowNumbers: number[] };

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_ROWS = 5000;
export const CHECK_IN_SIZE_CLASSES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'] as const;
const MAX_CUSTOM_COLUMNS = 30;
const MAX_UNPACKED_XLSX_BYTES = 64 * 1024 * 1024;
/** Records of any kind, rows of empty cells (",,,") included, that a CSV may have. */
const MAX_RECORDS = 10 * MAX_ROWS;

type Field = Exclude<keyof CheckInRow, 'customFields'>;

const HEADERS: Record<Field, readonly string[]> = {
  customerPhone: ['customer_phone', '客户电话'],
  customerName: ['customer_name', '客户姓名'],
  category: ['category', '类别'],
  sizeClass: ['size_class', '尺寸'],
  description: ['description', '描述'],
  declaredValue: ['declared_value', '申报价值'],
  expectedPickupDate: ['expected_pickup_date', '预计取件日期'],
};
const REQUIRED: readonly Field[] = ['customerPhone', 'category', 'sizeClass', 'description'];

const headerKey = (header: string) => header.trim().toLowerCase().replace(/[\s_-]+/g, '');
const FIELD_BY_HEADER = new Map<string, Field>(
  (Object.entries(HEADERS) as Array<[Field, readonly string[]]>).flatMap(([field, names]) => names.map((n) => [headerKey(n), field] as const)),
);

/** One record of the file: its spreadsheet row number, its cells as text, cells that hold an error. */
type RawRow = { row: number; cells: string[]; broken: Map<number, string> };

const fileError = (message: string, row = 0): CheckInFileResult => ({ rows: [], errors: [{ row, field: 'file', message }], rowNumbers: [] });
const tooManyRows = () => fileError(`the file has more than ${MAX_ROWS} rows; split it`);

export async function parseCheckInFile(bytes: Uint8Array, kind: 'csv' | 'xlsx'): Promise<CheckInFileResult> {
  if (bytes.length > MAX_FILE_BYTES) return fileError(`the file is larger than 5 MiB (${bytes.length} bytes); split it`);
  const read = kind === 'csv' ? readCsv(bytes) : await readXlsx(bytes);
  if ('error' in read) return read.error;
  const [header, ...records] = read.rows;
  if (!header || header.row !== 1 || header.cells.every((c) => c === '')) return fileError('row 1 must be the header row naming the columns', 1);
  const rows = records.filter((r) => r.cells.some((c) => c !== '') || r.broken.size > 0);
  if (rows.length === 0) return fileError('the file has no rows to check in');
  if (rows.length > MAX_ROWS) return tooManyRows();

  const columns = readHeader(header);
  if ('errors' in columns) return { rows: [], errors: columns.errors, rowNumbers: [] };
  const errors: CheckInFileError[] = [];
  const parsed = rows.map((r) => validateRow(r, columns.columns, errors));
  return errors.length > 0 ? { rows: [], errors, rowNumbers: [] } : { rows: parsed, errors: [], rowNumbers: rows.map((r) => r.row) };
}

// ---------------------------------------------------------------------------------------------
// Reading the two formats into text rows.

function readCsv(bytes: Uint8Array): { rows: RawRow[] } | { error: CheckInFileResult } {
  let text: string;
  try {
    // Strips a UTF-8 BOM; refuses GBK and other legacy encodings instead of importing mojibake.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { error: fileError('the file is not UTF-8 text; save it as "CSV UTF-8"') };
  }
  const rows: RawRow[] = [];
  let dataRows = 0;
  try {
    parse(text, {
      bom: true,
      relax_column_count: true,
      // Blank lines are skipped inside the parser (a record each would cost ~30 µs, a 5 MiB file
      // of them minutes) but counted in `empty_lines`, so records + empty_lines is the number a
      // spreadsheet shows the row under; a quoted line break stays inside its row.
      skip_empty_lines: true,
      on_record: (cells, { records, empty_lines }) => {
        if (records > MAX_RECORDS) throw new TooManyRows();
        const blank = cells.every((c) => c.trim() === '');
        if (records > 1 && blank) return null;
        if (records > 1 && ++dataRows > MAX_ROWS) throw new TooManyRows();
        rows.push({ row: records + empty_lines, cells: blank ? [] : cells.map((c) => c.trim()), broken: new Map() });
        return null; // collected above, parse() itself keeps nothing
      },
    });
    return { rows };
  } catch (error) {
    if (error instanceof TooManyRows) return { error: tooManyRows() };
    const records = typeof error === 'object' && error !== null && 'records' in error && typeof error.records === 'number' ? error.records : 0;
    return { error: fileError(`the CSV cannot be read: ${error instanceof Error ? error.message : String(error)}`, records + 1) };
  }
}

class TooManyRows extends Error {}

// exceljs unpacks everything in memory, and 5 MiB of repetitive XML can unpack to gigabytes, so
// the size is checked before loading (the spreadsheet imports' own check).
export { unpackedZipSize };

async function readXlsx(bytes: Uint8Array): Promise<{ rows: RawRow[] } | { error: CheckInFileResult }> {
  const unpacked = unpackedZipSize(bytes);
  if (unpacked === null) return { error: fileError('the file is not a readable XLSX workbook') };
  if (unpacked > MAX_UNPACKED_XLSX_BYTES) return { error: fileError(`the workbook unpacks to more than ${MAX_UNPACKED_XLSX_BYTES / 1024 / 1024} MiB; split it`) };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    return { error: fileError('the file is not a readable XLSX workbook') };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { error: fileError('the workbook has no worksheet') };
  const rows: RawRow[] = [];
  // Rows with values only: a sheet formatted down to row 1,048,576 is not a million rows.
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    const broken = new Map<number, string>();
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const value = cellText(cell.value);
      if (typeof value === 'string') cells[column - 1] = value.trim();
      else broken.set(column - 1, value.error);
    });
    rows.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? ''), broken });
  });
  return { rows };
}

function cellText(value: ExcelJS.CellValue): string | { error: string } {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // Date cells hold a calendar date at UTC midnight; a time of day is kept so it gets refused.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { error: 'invalid date' } : value.toISOString().replace(/T00:00:00\.000Z$/, '');
  if ('error' in value) return { error: value.error };
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return value.text;
  if ('result' in value && value.result !== undefined) return cellText(value.result);
  return { error: 'a formula without a computed value' };
}

// ---------------------------------------------------------------------------------------------
// The header and the rows.

type Column = { index: number; field: Field } | { index: number; custom: string } | { index: number; ignored: true };

function readHeader(header: RawRow): { columns: Column[] } | { errors: CheckInFileError[] } {
  const errors: CheckInFileError[] = [];
  const seen = new Map<string, number>();
  const columns: Column[] = header.cells.map((name, index) => {
    if (name === '') return { index, ignored: true };
    const field = FIELD_BY_HEADER.get(headerKey(name));
    const key = field ?? `customFields.${name}`;
    if (seen.has(key)) errors.push({ row: 1, field: field ?? key, message: `the column "${name}" appears twice` });
    seen.set(key, index);
    if (field) return { index, field };
    if ([...name].length > 64) errors.push({ row: 1, field: key, message: 'a custom column name has at most 64 characters' });
    return { index, custom: name };
  });
  for (const field of REQUIRED) {
    if (!columns.some((c) => 'field' in c && c.field === field)) {
      errors.push({ row: 1, field, message: `the column ${HEADERS[field].join(' / ')} is missing` });
    }
  }
  const custom = columns.filter((c) => 'custom' in c).length;
  if (custom > MAX_CUSTOM_COLUMNS) errors.push({ row: 1, field: 'customFields', message: `at most ${MAX_CUSTOM_COLUMNS} custom columns, the file has ${custom}` });
  return errors.length > 0 ? { errors } : { columns };
}

const length = (s: string) => [...s].length;
const PHONE = /^\+?[0-9 -]{5,20}$/;
const AMOUNT = /^(\d{1,13})(?:\.(\d+))?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function validateRow(raw: RawRow, columns: Column[], errors: CheckInFileError[]): CheckInRow {
  const fail = (field: string, message: string) => errors.push({ row: raw.row, field, message });
  const fieldOf = (index: number) => {
    const column = columns[index];
    return column && 'field' in column ? column.field : column && 'custom' in column ? `customFields.${column.custom}` : `column ${index + 1}`;
  };
  const broken = new Set<string>();
  for (const [index, error] of raw.broken) {
    broken.add(fieldOf(index));
    fail(fieldOf(index), `the cell holds an error (${error})`);
  }
  const values = new Map<Field, string>();
  const customFields: Record<string, string> = {};
  raw.cells.forEach((value, index) => {
    const column = columns[index];
    if (value === '' || raw.broken.has(index)) return;
    if (!column || 'ignored' in column) fail(fieldOf(index), 'a value in a column without a header');
    else if ('field' in column) values.set(column.field, value);
    else if (length(value) > 500) fail(fieldOf(index), 'at most 500 characters');
    else customFields[column.custom] = value;
  });
  const text = (field: Field, max: number, required: boolean): string | undefined => {
    const value = values.get(field);
    if (value === undefined) {
      if (required && !broken.has(field)) fail(field, 'required');
      return undefined;
    }
    if (length(value) > max) return void fail(field, `at most ${max} characters`);
    return value;
  };

  const customerPhone = text('customerPhone', 21, true);
  if (customerPhone !== undefined && (!PHONE.test(customerPhone) || customerPhone.replace(/\D/g, '').length < 5)) {
    fail('customerPhone', 'must be a phone number: at least 5 digits, spaces and dashes, an optional leading +');
  }
  const customerName = text('customerName', 200, false);
  const category = text('category', 40, true);
  const description = text('description', 500, true);
  const rawSize = text('sizeClass', 10, true);
  const sizeClass = rawSize?.toUpperCase();
  if (sizeClass !== undefined && !(CHECK_IN_SIZE_CLASSES as readonly string[]).includes(sizeClass)) {
    fail('sizeClass', `must be one of ${CHECK_IN_SIZE_CLASSES.join(', ')}`);
  }
  const declaredValue = values.has('declaredValue') ? toMinorUnits(values.get('declaredValue') ?? '', (m) => fail('declaredValue', m)) : undefined;
  const expectedPickupDate = values.has('expectedPickupDate') ? toDate(values.get('expectedPickupDate') ?? '', (m) => fail('expectedPickupDate', m)) : undefined;

  return {
    customerPhone: customerPhone ?? '',
    ...(customerName !== undefined && { customerName }),
    category: category ?? '',
    sizeClass: sizeClass ?? '',
    description: description ?? '',
    ...(declaredValue !== undefined && { declaredValue }),
    ...(expectedPickupDate !== undefined && { expectedPickupDate }),
    customFields,
  };
}

/** "199.50" → 19950, by string arithmetic (no binary floating point on money). */
function toMinorUnits(value: string, fail: (message: string) => void): number | undefined {
  if (/^-\d/.test(value)) return void fail('must not be negative');
  const m = AMOUNT.exec(value);
  if (!m) return void fail('must be an amount such as 199.50');
  if ((m[2] ?? '').length > 2) return void fail('at most 2 decimals');
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

function toDate(value: string, fail: (message: string) => void): string | undefined {
  const m = DATE.exec(value);
  if (!m) return void fail('must be a date written YYYY-MM-DD');
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return void fail('is not a real date');
  return value;
}
