/**
 * Reads an uploaded spreadsheet as a stream of text rows, whatever it is: CSV in UTF-8 (with or
 * without a BOM) or in GBK / GB18030 (what Excel on a Chinese Windows saves as "CSV"), or an XLSX
 * workbook (its first worksheet, through exceljs's streaming reader, so a 100,000-row sheet is
 * never held whole). The format is told from the bytes, not from the declared content type.
 *
 * `openFile` reads up to the header row and then stops: a file that cannot be read, or has no
 * header, is refused while the upload request is still open (a 400 naming the reason); the rows
 * after the header are read later, by the import job, a chunk at a time.
 */
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { DomainError } from '../http/errors.js';

/** One record of the file: its spreadsheet row number (the header is row 1), its cells as trimmed text. */
export type RawRow = { row: number; cells: string[]; broken: Map<number, string> };
export type FileFormat = 'csv' | 'xlsx';
export type OpenedFile = { format: FileFormat; encoding: 'utf-8' | 'gbk' | null; header: RawRow; rows: AsyncIterator<RawRow> };

/** XLSX is a ZIP archive; the sheet XML of a large workbook unpacks to far more than its size. */
const MAX_UNPACKED_XLSX_BYTES = 1024 * 1024 * 1024;
/** Text handed to the CSV parser at a time, so it parses as the job reads and not all at once. */
const CSV_SLICE = 256 * 1024;

export class UnreadableFile extends DomainError {
  constructor(detail: string) {
    super(400, 'unreadable-file', 'The file cannot be read', detail, { field: 'body', errors: [{ field: 'body', message: detail }] });
  }
}

export function formatOf(bytes: Uint8Array): FileFormat {
  if (bytes.length === 0) throw new UnreadableFile('the file is empty');
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  // The OLE2 container of Excel 97–2003 .xls files.
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new UnreadableFile('this is an old .xls workbook; save it as .xlsx or as CSV');
  }
  return 'csv';
}

export async function openFile(bytes: Uint8Array): Promise<OpenedFile> {
  const format = formatOf(bytes);
  if (format === 'csv') {
    const { text, encoding } = decodeText(bytes);
    const rows = csvRows(text);
    return { format, encoding, header: await firstRow(rows), rows };
  }
  const rows = xlsxRows(bytes);
  return { format, encoding: null, header: await firstRow(rows), rows };
}

async function firstRow(rows: AsyncIterator<RawRow>): Promise<RawRow> {
  const first = await rows.next();
  if (first.done) throw new UnreadableFile('the file has no rows: row 1 must be the header naming the columns');
  if (first.value.row !== 1 || first.value.cells.every((c) => c === '')) {
    await rows.return?.();
    throw new UnreadableFile('row 1 must be the header naming the columns');
  }
  return first.value;
}

/**
 * UTF-8 first (a BOM is dropped); otherwise GB18030, the superset of GBK that Excel's "CSV" uses
 * on a Chinese Windows. A binary file (NUL bytes) is neither.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gbk' } {
  if (bytes.subarray(0, 8192).includes(0)) throw new UnreadableFile('the file is neither CSV text nor an XLSX workbook');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    try {
      return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gbk' };
    } catch {
      throw new UnreadableFile('the CSV is neither UTF-8 nor GBK text; save it as "CSV UTF-8"');
    }
  }
}

async function* csvRows(text: string): AsyncGenerator<RawRow> {
  function* slices() {
    for (let at = 0; at < text.length; at += CSV_SLICE) yield text.slice(at, at + CSV_SLICE);
  }
  const parser = Readable.from(slices()).pipe(
    // Blank lines are skipped inside the parser but counted, so records + empty lines is the row
    // number a spreadsheet shows; a quoted line break stays inside its row.
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { records: number; empty_lines: number } }>) {
      yield { row: info.records + info.empty_lines, cells: record.map((c) => c.trim()), broken: new Map() };
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const lines = typeof error === 'object' && error !== null && 'lines' in error && typeof error.lines === 'number' ? error.lines : undefined;
    throw new UnreadableFile(`the CSV cannot be read${lines ? ` near line ${lines}` : ''}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * The total unpacked size of a ZIP archive, from its central directory, or null when it is not a
 * plain ZIP (broken, truncated, or ZIP64, which no spreadsheet program writes for 50 MiB).
 */
export function unpackedZipSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let end = bytes.length - 22; end >= Math.max(0, bytes.length - 22 - 0xffff); end--) {
    if (view.getUint32(end, true) !== 0x06054b50) continue;
    const entries = view.getUint16(end + 10, true);
    let at = view.getUint32(end + 16, true);
    let total = 0;
    for (let i = 0; i < entries; i++) {
      if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
      const size = view.getUint32(at + 24, true);
      if (size === 0xffffffff) return null;
      total += size;
      at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    return total;
  }
  return null;
}

async function* xlsxRows(bytes: Uint8Array): AsyncGenerator<RawRow> {
  const unpacked = unpackedZipSize(bytes);
  if (unpacked === null) throw new UnreadableFile('the file is not a readable XLSX workbook (a broken or truncated ZIP archive)');
  if (unpacked > MAX_UNPACKED_XLSX_BYTES) throw new UnreadableFile(`the workbook unpacks to more than ${MAX_UNPACKED_XLSX_BYTES / 2 ** 20} MiB; split it`);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache', // dates are told from numbers by their number format
    entries: 'ignore',
  });
  let sheets = 0;
  try {
    for await (const sheet of reader) {
      if (sheets++ > 0) {
        // Only the first worksheet is read; the reader still has to pass over the rest.
        for await (const _row of sheet) void _row;
        continue;
      }
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const cells: string[] = [];
        const broken = new Map<number, string>();
        const values = row.values as ExcelJS.CellValue[];
        for (let column = 1; column < values.length; column++) {
          const value = cellText(values[column]);
          if (typeof value === 'string') cells[column - 1] = value.trim();
          else broken.set(column - 1, value.error);
        }
        if (cells.every((c) => c === undefined || c === '') && broken.size === 0) continue;
        yield { row: row.number, cells: Array.from(cells, (c) => c ?? ''), broken };
      }
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new UnreadableFile(`the file is not a readable XLSX workbook: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (sheets === 0) throw new UnreadableFile('the workbook has no worksheet');
}

function cellText(value: ExcelJS.CellValue | undefined): string | { error: string } {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // A date cell holds a calendar date at UTC midnight; a time of day is kept so a date column refuses it.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { error: 'invalid date' } : value.toISOString().replace(/T00:00:00\.000Z$/, '');
  if ('error' in value) return { error: value.error };
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return String(value.text);
  if ('result' in value && value.result !== undefined) return cellText(value.result as ExcelJS.CellValue);
  if ('sharedString' in value) return '';
  return { error: 'a formula without a computed value' };
}
