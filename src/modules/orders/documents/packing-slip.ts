/**
 * The packing slip (A5), which travels in the parcel: the order number (also as Code 128), when
 * and where it was ordered, the ship-to address, and every line with the quantity ordered and
 * the quantity in this parcel (packed, or picked while packing is still under way). The line
 * table flows over pages as it needs.
 */
import { PDFDocument, rgb } from 'pdf-lib';
import { A5, DocumentFonts, drawFields, mm, stampFooters, wrapText } from '../../../platform/documents/pdf-support.js';
import { drawTable, type Cursor } from '../../../platform/documents/table.js';
import { addressText, drawHeading, printedAt, recipientText, type Address } from './layout.js';

export type PackingSlip = {
  orderNumber: string;
  orderedAt: string;
  channel: string;
  externalRef: string | null;
  customerName: string;
  shipTo: Address;
  note: string | null;
  lines: Array<{ lineNo: number; sku: string; name: string; quantity: number; packed: number; picked: number }>;
};

const MARGIN = mm(10);

export async function renderPackingSlip(slip: PackingSlip): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`装箱单 Packing slip ${slip.orderNumber}`);
  pdf.setCreator('Wareloop');
  const printed = printedAt();
  const fields: Array<[string, string]> = [
    ['订单号 Order', slip.orderNumber],
    ['下单日期 Ordered', slip.orderedAt.slice(0, 10)],
    ['渠道 Channel', slip.externalRef ? `${slip.channel} ${slip.externalRef}` : slip.channel],
    ['客户 Customer', slip.customerName],
    ['收货人 Ship to', recipientText(slip.shipTo)],
    ['地址 Address', addressText(slip.shipTo)],
  ];
  const columns = ['#', 'SKU', '品名 Item', '订购 Ordered', '本包裹 In parcel'];
  const rows = slip.lines.map((l) => [String(l.lineNo), l.sku, l.name, String(l.quantity), String(l.packed || l.picked)]);
  const total = slip.lines.reduce((n, l) => n + (l.packed || l.picked), 0);
  const fonts = await DocumentFonts.for(pdf, ['装箱单 Packing slip 备注 Note 合计 Total 件 第页共', ...columns, ...fields.flat(), slip.note ?? '', ...rows.flat()]);

  const [width, height] = A5;
  const contentWidth = width - 2 * MARGIN;
  const newPage = (): Cursor => ({ page: pdf.addPage(A5), y: height - MARGIN });
  const first = newPage();
  let y = drawHeading(pdf, first.page, fonts, { x: MARGIN, top: first.y, width: contentWidth }, {
    title: '装箱单 Packing slip',
    subtitle: `${slip.lines.length} line(s), ${total} unit(s)`,
    orderNumber: slip.orderNumber,
  });
  y = drawFields(first.page, fonts, fields, { x: MARGIN, y, labelWidth: mm(30), valueWidth: contentWidth - mm(30), size: 9 });
  y -= mm(3);

  const layout = { fonts, x: MARGIN, bottom: MARGIN + mm(4), size: 8.5, newPage };
  const widths = [0.07, 0.23, 0.4, 0.14, 0.16];
  let cursor = drawTable(layout, widths.map((share, i) => ({ header: columns[i] ?? '', width: share * contentWidth, maxLines: 4 })), rows, { page: first.page, y });

  const closing = [`合计 Total: ${total} 件`, ...(slip.note ? [`备注 Note: ${slip.note}`] : [])];
  for (const text of closing) {
    const lines = wrapText(fonts, text, 9, contentWidth, 6);
    if (cursor.y - lines.length * 12 - mm(3) < layout.bottom) cursor = newPage();
    cursor.y -= mm(3);
    for (const line of lines) {
      cursor.page.drawText(line.text, { x: MARGIN, y: cursor.y - line.size, font: line.font, size: line.size, color: rgb(0, 0, 0) });
      cursor.y -= 12;
    }
  }
  stampFooters(pdf, fonts, MARGIN, (n, pages) => `装箱单 Packing slip ${slip.orderNumber} · 第 ${n} 页，共 ${pages} 页 · ${printed}`);
  return pdf.save();
}
