/**
 * A table that flows over pages (a voucher's item list, a custody history, a packing slip's lines):
 * cells wrap, a row never splits across pages, and each new page repeats the header row.
 */
import { type PDFPage, rgb } from 'pdf-lib';
import { type DocumentFonts, type Line, wrapText } from './pdf-support.js';

export type Column = { header: string; width: number; maxLines?: number };

/** Where drawing continues: `y` is the top of the free space on `page`. */
export type Cursor = { page: PDFPage; y: number };

export type TableLayout = {
  fonts: DocumentFonts;
  x: number;
  /** The lowest y a row may reach (above the page footer). */
  bottom: number;
  size: number;
  /** Starts a new page and returns where content begins on it. */
  newPage: () => Cursor;
};

const CELL_PAD = 3;
const GRAY = rgb(0.55, 0.55, 0.55);

export function drawTable(layout: TableLayout, columns: Column[], rows: string[][], start: Cursor): Cursor {
  const { fonts, size } = layout;
  const leading = size * 1.25;
  const width = columns.reduce((sum, c) => sum + c.width, 0);
  const wrapRow = (cells: string[]) =>
    columns.map((column, i) => wrapText(fonts, cells[i] ?? '', size, column.width - 2 * CELL_PAD, column.maxLines ?? 6));
  const heightOf = (cells: Line[][]) => Math.max(1, ...cells.map((lines) => lines.length)) * leading + 2 * CELL_PAD;

  const header = wrapRow(columns.map((c) => c.header));
  const drawRow = (cursor: Cursor, cells: Line[][], shaded: boolean): Cursor => {
    const height = heightOf(cells);
    const top = cursor.y;
    if (shaded) cursor.page.drawRectangle({ x: layout.x, y: top - height, width, height, color: rgb(0.93, 0.93, 0.93) });
    let x = layout.x;
    columns.forEach((column, i) => {
      (cells[i] ?? []).forEach((line, n) => {
        cursor.page.drawText(line.text, { x: x + CELL_PAD, y: top - CELL_PAD - size * 0.9 - n * leading, font: line.font, size: line.size });
      });
      x += column.width;
    });
    cursor.page.drawLine({ start: { x: layout.x, y: top - height }, end: { x: layout.x + width, y: top - height }, thickness: 0.4, color: GRAY });
    return { page: cursor.page, y: top - height };
  };

  let cursor = start;
  const headerHeight = heightOf(header);
  const firstRow = rows[0] ? heightOf(wrapRow(rows[0])) : 0;
  if (cursor.y - headerHeight - firstRow < layout.bottom) cursor = layout.newPage();
  cursor = drawRow(cursor, header, true);
  for (const row of rows) {
    const cells = wrapRow(row);
    if (cursor.y - heightOf(cells) < layout.bottom) cursor = drawRow(layout.newPage(), header, true);
    cursor = drawRow(cursor, cells, false);
  }
  return cursor;
}
