/**
 * The printed pick list (A4): the order's bin allocations in walking order, as
 * `POST /orders/:id/pick-list` returns them, each line with the bin code and the SKU as Code 128
 * (a picker without a handheld scans the sheet), the lot and expiry, the quantity and a box to
 * tick. The order number is a barcode at the top; the customer and the order's note are under it.
 * Lines flow over as many pages as they need, the column captions repeated, pages numbered.
 */
import { PDFDocument, rgb, type PDFPage } from 'pdf-lib';
import { A4, DocumentFonts, drawBarcode, drawFields, embedBarcode, fitOneLine, mm, stampFooters, wrapText } from '../../../platform/documents/pdf-support.js';
import { drawHeading, printedAt } from './layout.js';

export type PrintedPickList = {
  orderNumber: string;
  customerName: string;
  warehouse: string;
  round: number;
  note: string | null;
  items: Array<{ locationCode: string; sku: string; name: string; lot: string; expiresOn: string | null; quantity: number; picked: number; status: 'open' | 'picked' }>;
  unallocated: Array<{ sku: string; quantity: number }>;
};

const MARGIN = mm(12);
const ROW = mm(17);
const GRAY = rgb(0.4, 0.4, 0.4);
const COLUMNS = [
  { key: 'n', caption: '#', width: mm(8) },
  { key: 'bin', caption: '库位 Bin', width: mm(50) },
  { key: 'sku', caption: '商品 SKU', width: mm(56) },
  { key: 'item', caption: '品名 / 批次 Item / lot', width: mm(48) },
  { key: 'qty', caption: '数量 Qty', width: mm(16) },
  { key: 'done', caption: '√', width: mm(8) },
] as const;

export async function renderPickList(list: PrintedPickList): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`拣货单 Pick list ${list.orderNumber}`);
  pdf.setCreator('Wareloop');
  const printed = printedAt();
  const fields: Array<[string, string]> = [
    ['客户 Customer', list.customerName],
    ['仓库 Warehouse', list.warehouse],
    ['拣货轮次 Round', String(list.round)],
    ['打印时间 Printed', printed],
  ];
  const itemText = list.items.map((i) => [i.name, ...detailLines(i)]);
  const fonts = await DocumentFonts.for(pdf, [
    '拣货单 Pick list 备注 Note 未分配库位 Not allocated 无拣货项 Nothing to pick 第页共',
    ...COLUMNS.map((c) => c.caption),
    ...fields.flat(),
    list.note ?? '',
    ...itemText.flat(),
  ]);
  const [width, height] = A4;
  const contentWidth = width - 2 * MARGIN;
  const bottom = MARGIN + mm(6);

  let page = pdf.addPage(A4);
  let y = drawHeading(pdf, page, fonts, { x: MARGIN, top: height - MARGIN, width: contentWidth }, {
    title: '拣货单 Pick list',
    subtitle: `Order ${list.orderNumber} · ${list.items.length} line(s) in walking order`,
    orderNumber: list.orderNumber,
  });
  y = drawFields(page, fonts, fields, { x: MARGIN, y, labelWidth: mm(34), valueWidth: contentWidth - mm(34), size: 10 });
  if (list.note) y = drawNote(page, fonts, list.note, { x: MARGIN, y: y - mm(2), width: contentWidth });
  y -= mm(3);

  y = drawCaptions(page, fonts, y);
  const codes = new Map<string, ReturnType<typeof embedBarcode>>();
  const barcodeOf = (text: string) => codes.get(text) ?? codes.set(text, embedBarcode(pdf, 'code128', text)).get(text)!;
  if (list.items.length === 0) {
    page.drawText('无拣货项 Nothing to pick', { x: MARGIN + COLUMNS[0].width, y: y - 14, font: fonts.for('无拣货项 Nothing to pick'), size: 10 });
    y -= 20;
  }
  list.items.forEach((item, i) => {
    if (y - ROW < bottom) {
      page = pdf.addPage(A4);
      y = drawCaptions(page, fonts, height - MARGIN);
    }
    drawItem(page, fonts, { ...item, n: i + 1, text: itemText[i]! }, y, barcodeOf);
    y -= ROW;
  });

  if (list.unallocated.length > 0) {
    const lines = wrapText(fonts, `未分配库位 Not allocated: ${list.unallocated.map((u) => `${u.sku} × ${u.quantity}`).join(', ')}`, 10, contentWidth, 6);
    if (y - lines.length * 14 - mm(4) < bottom) {
      page = pdf.addPage(A4);
      y = height - MARGIN;
    }
    y -= mm(4);
    for (const line of lines) {
      page.drawText(line.text, { x: MARGIN, y: y - line.size, font: line.font, size: line.size, color: rgb(0.7, 0, 0) });
      y -= 14;
    }
  }
  stampFooters(pdf, fonts, MARGIN, (n, total) => `拣货单 Pick list ${list.orderNumber} · 第 ${n} 页，共 ${total} 页 · ${printed}`);
  return pdf.save();
}

/** Lot, expiry and (once picked) how many were picked, one short line each. */
function detailLines(i: PrintedPickList['items'][number]): string[] {
  const lot = i.lot ? `批次 Lot ${i.lot}` : '';
  const expiry = i.expiresOn ? `效期 Exp ${i.expiresOn}` : '';
  const picked = i.status === 'picked' ? `已拣 Picked ${i.picked}` : '';
  return [lot, expiry, picked].filter(Boolean);
}

function drawNote(page: PDFPage, fonts: DocumentFonts, note: string, at: { x: number; y: number; width: number }): number {
  const lines = wrapText(fonts, note, 10, at.width - mm(28), 5);
  const boxHeight = Math.max(1, lines.length) * 13 + mm(3);
  page.drawRectangle({ x: at.x, y: at.y - boxHeight, width: at.width, height: boxHeight, borderColor: rgb(0, 0, 0), borderWidth: 1, color: rgb(1, 0.97, 0.85) });
  const label = fitOneLine(fonts, '备注 Note', 10, 7, mm(25), true);
  page.drawText(label.text, { x: at.x + mm(2), y: at.y - mm(1.5) - label.size, font: label.font, size: label.size });
  lines.forEach((line, n) => page.drawText(line.text, { x: at.x + mm(27), y: at.y - mm(1.5) - line.size - n * 13, font: line.font, size: line.size }));
  return at.y - boxHeight;
}

function drawCaptions(page: PDFPage, fonts: DocumentFonts, top: number): number {
  const height = 16;
  const width = COLUMNS.reduce((n, c) => n + c.width, 0);
  page.drawRectangle({ x: MARGIN, y: top - height, width, height, color: rgb(0.92, 0.92, 0.92) });
  let x = MARGIN;
  for (const c of COLUMNS) {
    const caption = fitOneLine(fonts, c.caption, 8.5, 6, c.width - 4);
    page.drawText(caption.text, { x: x + 2, y: top - 11, font: caption.font, size: caption.size });
    x += c.width;
  }
  return top - height;
}

type Row = PrintedPickList['items'][number] & { n: number; text: string[] };

function drawItem(page: PDFPage, fonts: DocumentFonts, item: Row, top: number, barcodeOf: (text: string) => ReturnType<typeof embedBarcode>): void {
  const x = COLUMNS.reduce<number[]>((xs, c) => [...xs, xs[xs.length - 1]! + c.width], [MARGIN]);
  const pad = 2;
  const code = (text: string, column: number) => {
    const label = fitOneLine(fonts, text, 10, 6, COLUMNS[column]!.width - 2 * pad, true);
    page.drawText(label.text, { x: x[column]! + pad, y: top - pad - label.size, font: label.font, size: label.size });
    drawBarcode(page, barcodeOf(text), { x: x[column]! + pad, y: top - ROW + pad, width: COLUMNS[column]!.width - 2 * pad, height: ROW - label.size - 3 * pad });
  };
  const n = fitOneLine(fonts, String(item.n), 10, 6, COLUMNS[0].width - pad);
  page.drawText(n.text, { x: x[0]! + pad, y: top - pad - n.size, font: n.font, size: n.size });
  code(item.locationCode, 1);
  code(item.sku, 2);
  const [nameText = '', ...details] = item.text;
  const name = wrapText(fonts, nameText, 8.5, COLUMNS[3].width - 2 * pad, details.length >= 3 ? 1 : 2);
  const detail = details.flatMap((d) => wrapText(fonts, d, 7.5, COLUMNS[3].width - 2 * pad, 1));
  let ty = top - pad;
  for (const line of name) page.drawText(line.text, { x: x[3]! + pad, y: (ty -= 10), font: line.font, size: line.size });
  for (const line of detail) page.drawText(line.text, { x: x[3]! + pad, y: (ty -= 9), font: line.font, size: line.size, color: GRAY });
  const qty = fitOneLine(fonts, String(item.quantity), 16, 8, COLUMNS[4].width - 2 * pad, true);
  page.drawText(qty.text, { x: x[4]! + pad, y: top - ROW / 2 - qty.size / 3, font: qty.font, size: qty.size });
  page.drawRectangle({ x: x[5]! + mm(1.5), y: top - ROW / 2 - mm(2.5), width: mm(5), height: mm(5), borderColor: rgb(0, 0, 0), borderWidth: 0.8 });
  page.drawLine({ start: { x: MARGIN, y: top - ROW }, end: { x: x[6]!, y: top - ROW }, thickness: 0.4, color: rgb(0.6, 0.6, 0.6) });
}
