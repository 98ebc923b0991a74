/**
 * A kind's template: the header row in both languages (`sku / 商品编码`, which the reader accepts
 * by either half), one example row, and — in the XLSX — a second sheet saying what each column takes.
 * The CSV is UTF-8 with a BOM, so Excel opens its Chinese headers as they are.
 */
import ExcelJS from 'exceljs';
import type { ImportKind } from './kind.js';

const headerOf = (c: ImportKind['columns'][number]) => `${c.headers[0]} / ${c.headers[1]}`;

function customExample(kind: ImportKind): Array<{ header: string; example: string }> {
  const prefix = kind.customFields?.prefixes[0];
  return prefix ? [{ header: `${prefix}colour`, example: 'red' }] : [];
}

export async function xlsxTemplate(kind: ImportKind): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(`${kind.title.en} ${kind.title['zh-CN']}`.slice(0, 31));
  const custom = customExample(kind);
  sheet.addRow([...kind.columns.map(headerOf), ...custom.map((c) => c.header)]);
  // Text cells throughout: Excel would otherwise turn a phone or a barcode into 1.38E+10.
  sheet.addRow([...kind.columns.map((c) => c.example), ...custom.map((c) => c.example)]);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column) => {
    column.width = 22;
    column.numFmt = '@';
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const notes = workbook.addWorksheet('说明 Notes');
  notes.addRow(['column / 列', 'required / 必填', 'note / 说明']).font = { bold: true };
  for (const c of kind.columns) notes.addRow([headerOf(c), c.required ? 'yes / 是' : '', c.note ?? '']);
  if (kind.customFields) {
    notes.addRow([`${kind.customFields.prefixes.join(' | ')}<name>`, '', 'a custom field named after the prefix (at most ' + kind.customFields.max + ')']);
  }
  notes.columns.forEach((column, i) => (column.width = i === 2 ? 80 : 28));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function csvTemplate(kind: ImportKind): Buffer {
  const custom = customExample(kind);
  const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [
    [...kind.columns.map(headerOf), ...custom.map((c) => c.header)].map(quote).join(','),
    [...kind.columns.map((c) => c.example), ...custom.map((c) => c.example)].map(quote).join(','),
  ];
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}
