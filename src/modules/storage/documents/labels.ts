/**
 * Item labels as PDF: each label carries the item code as Code 128 (counter scanners) and as QR
 * (phones), the code in readable text, and the item's title. Two formats: '50x30' — one label per
 * 50×30 mm page, for thermal label printers; 'a4' — sheets of 3×8 labels of 63.5×33.9 mm (the
 * common "24 per sheet" layout, e.g. Avery L7159), with the sheet's printable margins, for office
 * printers. Barcodes are vector drawings, embedded once per distinct code.
 */
import { PDFDocument, type PDFPage, rgb } from 'pdf-lib';
import { Invalid } from '../../../platform/http/errors.js';
import { A4, type Barcode, DocumentFonts, drawBarcode, embedBarcodes, fitOneLine, mm, wrapText } from '../../../platform/documents/pdf-support.js';

export type Label = { code: string; title: string; subtitle?: string };
export type LabelFormat = '50x30' | 'a4';

/** 50×30 mm, one label per page. */
export const THERMAL_LABEL = { width: mm(50), height: mm(30) };
/** A4 sheet: label size, columns × rows, top-left margins and the pitch between label origins. */
export const A4_SHEET = {
  columns: 3,
  rows: 8,
  label: { width: mm(63.5), height: mm(33.9) },
  marginLeft: mm(7.2),
  marginTop: mm(12.9),
  pitchX: mm(66),
  pitchY: mm(33.9),
};
export const LABELS_PER_A4_PAGE = A4_SHEET.columns * A4_SHEET.rows;
export const MAX_LABELS = 5000;

const PRINTABLE_ASCII = /^[\x21-\x7e](?:[\x20-\x7e]{0,62}[\x21-\x7e])?$/;

export async function renderLabels(labels: Label[], format: LabelFormat): Promise<Uint8Array> {
  validate(labels);
  const pdf = await PDFDocument.create();
  pdf.setTitle(labels.length === 1 ? `Label ${labels[0]?.code ?? ''}` : `Labels (${labels.length})`);
  pdf.setCreator('Wareloop');
  const fonts = await DocumentFonts.for(pdf, labels.flatMap((l) => [l.title, l.subtitle ?? '']));
  const barcodes = new Map<string, { code128: Barcode; qr: Barcode }>();
  let page: PDFPage | undefined;
  for (const [index, label] of labels.entries()) {
    let symbols = barcodes.get(label.code);
    if (!symbols) {
      symbols = embedBarcodes(pdf, label.code);
      barcodes.set(label.code, symbols);
    }
    if (format === '50x30') {
      page = pdf.addPage([THERMAL_LABEL.width, THERMAL_LABEL.height]);
      drawLabel(page, { x: 0, y: 0, width: THERMAL_LABEL.width, height: THERMAL_LABEL.height }, label, symbols, fonts);
      continue;
    }
    const slot = index % LABELS_PER_A4_PAGE;
    if (slot === 0 || !page) page = pdf.addPage(A4);
    const column = slot % A4_SHEET.columns;
    const row = Math.floor(slot / A4_SHEET.columns);
    const box = {
      x: A4_SHEET.marginLeft + column * A4_SHEET.pitchX,
      y: A4[1] - A4_SHEET.marginTop - row * A4_SHEET.pitchY - A4_SHEET.label.height,
      ...A4_SHEET.label,
    };
    drawLabel(page, box, label, symbols, fonts);
  }
  return pdf.save();
}

function validate(labels: Label[]): void {
  if (labels.length === 0) throw new Invalid('labels', 'at least one label is needed');
  if (labels.length > MAX_LABELS) throw new Invalid('labels', `at most ${MAX_LABELS} labels per document`);
  labels.forEach((label, i) => {
    if (!PRINTABLE_ASCII.test(label.code)) {
      throw new Invalid(`labels.${i}.code`, 'the code must be 1–64 printable ASCII characters (it is printed as Code 128)');
    }
  });
}

type Box = { x: number; y: number; width: number; height: number };

/**
 * One label in `box`: the Code 128 across the bottom, the QR code top left, and to its right the
 * code (bold, shrunk to fit), the title (wrapped, as many lines as fit) and the subtitle.
 */
function drawLabel(page: PDFPage, box: Box, label: Label, symbols: { code128: Barcode; qr: Barcode }, fonts: DocumentFonts): void {
  const pad = mm(2);
  const gap = mm(1);
  const inner = { x: box.x + pad, y: box.y + pad, width: box.width - 2 * pad, height: box.height - 2 * pad };
  const barcodeHeight = inner.height * 0.3;
  drawBarcode(page, symbols.code128, { x: inner.x, y: inner.y, width: inner.width, height: barcodeHeight });

  const qrSize = inner.height - barcodeHeight - gap;
  const top = inner.y + inner.height;
  drawBarcode(page, symbols.qr, { x: inner.x, y: top - qrSize, width: qrSize, height: qrSize });

  const textX = inner.x + qrSize + mm(1.5);
  const textWidth = inner.x + inner.width - textX;
  const black = rgb(0, 0, 0);
  const code = fitOneLine(fonts, label.code, 9, 4, textWidth, true);
  let y = top - code.size * 0.8;
  page.drawText(code.text, { x: textX, y, font: code.font, size: code.size, color: black });
  y -= code.size * 0.5;

  const bottom = top - qrSize;
  const titleSize = 7;
  const subtitleSize = 6;
  const subtitleRoom = label.subtitle ? subtitleSize * 1.25 : 0;
  const titleLines = wrapText(fonts, label.title, titleSize, textWidth, Math.max(1, Math.floor((y - bottom - subtitleRoom) / (titleSize * 1.2))));
  for (const line of titleLines) {
    y -= titleSize * 1.2;
    page.drawText(line.text, { x: textX, y, font: line.font, size: line.size, color: black });
  }
  if (label.subtitle) {
    const maxLines = Math.max(1, Math.floor((y - bottom) / (subtitleSize * 1.25)));
    for (const line of wrapText(fonts, label.subtitle, subtitleSize, textWidth, maxLines)) {
      y -= subtitleSize * 1.25;
      page.drawText(line.text, { x: textX, y, font: line.font, size: line.size, color: rgb(0.25, 0.25, 0.25) });
    }
  }
}
