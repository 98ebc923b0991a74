/**
 * What the order documents share: the bilingual heading with the order number as Code 128 in the
 * top right corner (the packing station scans it to open the order), and addresses as lines.
 */
import { rgb, type PDFDocument, type PDFPage } from 'pdf-lib';
import type { ShipTo } from '../orders.schema.js';
import { type DocumentFonts, drawBarcode, embedBarcode, fitOneLine, formatTimestamp, mm } from '../../../platform/documents/pdf-support.js';

/** An address as orders hold it (a ship-to, or a customer's address: the same fields). */
export type Address = ShipTo;

/**
 * The address as printed: Chinese addresses run from province to street without spaces, the
 * way couriers read them; others from street to country.
 */
export function addressText(a: Address): string {
  const parts = (xs: Array<string | null>) => xs.filter((x): x is string => !!x && x.trim() !== '');
  if (a.country === 'CN') {
    // A city that is also the province (上海市) is written once.
    const city = a.city && a.city !== a.province ? a.city : null;
    return parts([a.province, city, a.district, a.line1, a.line2]).join('') + (a.postalCode ? ` ${a.postalCode}` : '');
  }
  return parts([a.line1, a.line2, a.district, a.city, a.province, a.postalCode, a.country]).join(', ');
}

/** Recipient and phone on one line. */
export const recipientText = (a: Address) => (a.phone ? `${a.recipientName} ${a.phone}` : a.recipientName);

/**
 * Title (and subtitle) top left, the order number's barcode top right with the number under it.
 * Returns the y under the heading.
 */
export function drawHeading(
  pdf: PDFDocument,
  page: PDFPage,
  fonts: DocumentFonts,
  at: { x: number; top: number; width: number },
  text: { title: string; subtitle: string; orderNumber: string },
): number {
  const barcode = embedBarcode(pdf, 'code128', text.orderNumber);
  const box = { width: Math.min(mm(62), at.width * 0.45), height: mm(12) };
  const bx = at.x + at.width - box.width;
  drawBarcode(page, barcode, { x: bx, y: at.top - box.height, ...box });
  const number = fitOneLine(fonts, text.orderNumber, 10, 6, box.width, true);
  page.drawText(number.text, { x: bx + (box.width - number.font.widthOfTextAtSize(number.text, number.size)) / 2, y: at.top - box.height - number.size - 2, font: number.font, size: number.size });

  const titleWidth = at.width - box.width - mm(4);
  const title = fitOneLine(fonts, text.title, 18, 9, titleWidth);
  page.drawText(title.text, { x: at.x, y: at.top - title.size, font: title.font, size: title.size });
  const subtitle = fitOneLine(fonts, text.subtitle, 8, 6, titleWidth);
  page.drawText(subtitle.text, { x: at.x, y: at.top - title.size - subtitle.size - 4, font: subtitle.font, size: subtitle.size, color: rgb(0.4, 0.4, 0.4) });
  return at.top - Math.max(box.height + number.size + 4, title.size + subtitle.size + 6) - mm(3);
}

/** "Printed at" in the document's own words. */
export const printedAt = () => formatTimestamp(new Date().toISOString());
