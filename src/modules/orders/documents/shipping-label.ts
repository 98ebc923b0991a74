/**
 * The shipping label (100 × 150 mm, the common thermal size, one page): the carrier, the tracking
 * number as a wide Code 128 with the number under it, the ship-to address large (the courier reads
 * it), the ship-from address, and the order number with its own smaller barcode at the bottom.
 */
import { PDFDocument, rgb, type PDFPage } from 'pdf-lib';
import { DocumentFonts, drawBarcode, embedBarcode, fitOneLine, mm, wrapText } from '../../../platform/documents/pdf-support.js';
import { addressText, recipientText, type Address } from './layout.js';

export type ShippingLabel = {
  carrier: string;
  trackingNumber: string;
  orderNumber: string;
  shipTo: Address;
  shipFrom: { name: string; address: string | null };
  weightG: number | null;
  shippedAt: string;
};

export const LABEL_SIZE: [number, number] = [mm(100), mm(150)];
const PAD = mm(4);
const BLACK = rgb(0, 0, 0);

export async function renderShippingLabel(label: ShippingLabel): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${label.carrier} ${label.trackingNumber}`);
  pdf.setCreator('Wareloop');
  const to = [recipientText(label.shipTo), addressText(label.shipTo)];
  const from = [label.shipFrom.name, label.shipFrom.address ?? ''];
  const fonts = await DocumentFonts.for(pdf, ['收 To 寄 From 订单 Order 重量 Weight 运单号 Tracking', label.carrier, ...to, ...from]);
  const page = pdf.addPage(LABEL_SIZE);
  const [width, height] = LABEL_SIZE;
  const inner = width - 2 * PAD;
  let y = height - PAD;

  // Carrier band.
  const carrier = fitOneLine(fonts, label.carrier, 16, 7, inner, true);
  page.drawText(carrier.text, { x: PAD, y: y - carrier.size, font: carrier.font, size: carrier.size });
  y -= carrier.size + mm(2);
  rule(page, y, 1.5);

  // Tracking number: the widest barcode on the label.
  y -= mm(2);
  const tracking = embedBarcode(pdf, 'code128', label.trackingNumber);
  drawBarcode(page, tracking, { x: PAD, y: y - mm(22), width: inner, height: mm(22) });
  y -= mm(22) + 2;
  const number = fitOneLine(fonts, label.trackingNumber, 12, 7, inner, true);
  page.drawText(number.text, { x: (width - number.font.widthOfTextAtSize(number.text, number.size)) / 2, y: y - number.size, font: number.font, size: number.size });
  y -= number.size + mm(2);
  rule(page, y, 1.5);

  y = block(page, fonts, '收 To', to, y - mm(2), { size: 11, lines: 5 });
  rule(page, y, 0.8);
  y = block(page, fonts, '寄 From', from, y - mm(2), { size: 8.5, lines: 3 });
  rule(page, y, 0.8);

  // Order number, weight and date; the order barcode at the foot.
  const facts = [`订单 Order ${label.orderNumber}`, label.weightG ? `重量 Weight ${(label.weightG / 1000).toFixed(2)} kg` : '', label.shippedAt.slice(0, 10)].filter(Boolean).join('  ·  ');
  const factLine = fitOneLine(fonts, facts, 8.5, 6, inner);
  page.drawText(factLine.text, { x: PAD, y: y - mm(2) - factLine.size, font: factLine.font, size: factLine.size });
  const order = embedBarcode(pdf, 'code128', label.orderNumber);
  drawBarcode(page, order, { x: PAD, y: PAD, width: Math.min(inner, mm(60)), height: mm(10) });
  return pdf.save();
}

function rule(page: PDFPage, y: number, thickness: number) {
  page.drawLine({ start: { x: PAD, y }, end: { x: page.getWidth() - PAD, y }, thickness, color: BLACK });
}

/** A caption in a narrow left column and the lines beside it; returns the y under the block. */
function block(page: PDFPage, fonts: DocumentFonts, caption: string, texts: string[], top: number, style: { size: number; lines: number }): number {
  const captionWidth = mm(12);
  const c = fitOneLine(fonts, caption, 9, 6, captionWidth - 2, true);
  page.drawText(c.text, { x: PAD, y: top - c.size, font: c.font, size: c.size });
  const x = PAD + captionWidth;
  const width = page.getWidth() - PAD - x;
  let y = top;
  const [first, ...rest] = texts;
  const lines = [...wrapText(fonts, first ?? '', style.size + 1, width, 1), ...rest.flatMap((t) => wrapText(fonts, t, style.size, width, style.lines))];
  for (const line of lines) {
    y -= line.size * 1.3;
    page.drawText(line.text, { x, y, font: line.font, size: line.size, color: BLACK });
  }
  return y - mm(2);
}
