/**
 * The voucher slip the customer keeps after a check-in (A5, in the deposit's language): the
 * voucher code as QR and Code 128 (scanned at pick-up), the deposit number, the customer with the
 * phone masked to its last four digits, where and when the items were left, the expected pickup
 * and every item. A long item list continues on further pages.
 */
import { PDFDocument, rgb } from 'pdf-lib';
import { Invalid } from '../../../platform/http/errors.js';
import {
  DocumentFonts,
  drawFields,
  drawBarcode,
  embedBarcodes,
  fitOneLine,
  formatTimestamp,
  maskPhone,
  mm,
  stampFooters,
} from '../../../platform/documents/pdf-support.js';
import { drawTable, type Cursor } from '../../../platform/documents/table.js';

export type VoucherSlip = {
  voucherCode: string;
  depositNumber: string;
  customerName: string;
  phone: string | null;
  warehouse: string;
  checkedInAt: string;
  expectedPickupAt: string | null;
  items: Array<{ code: string; description: string; category: string; sizeClass: string }>;
  locale: 'zh-CN' | 'en';
};

const A5: [number, number] = [mm(148), mm(210)];
const MARGIN = mm(12);

const TEXT = {
  'zh-CN': {
    title: '寄存凭证',
    subtitle: 'Storage voucher',
    voucherCode: '凭证码',
    depositNumber: '寄存单号',
    customer: '客户',
    phone: '电话',
    warehouse: '寄存点',
    checkedInAt: '寄存时间',
    expectedPickupAt: '预计取件',
    notSet: '未约定',
    items: (n: number) => `寄存物品（共 ${n} 件）`,
    columns: ['#', '物品编号', '描述', '类别', '尺寸'],
    notice: '请妥善保管本凭证。取件时请出示凭证码或二维码。',
    footer: (voucher: string, page: number, pages: number) => `凭证码 ${voucher} · 第 ${page} 页，共 ${pages} 页`,
    sizeClass: { XS: '特小', S: '小', M: '中', L: '大', XL: '特大', XXL: '超大' } as Record<string, string>,
  },
  en: {
    title: 'Storage voucher',
    subtitle: '寄存凭证',
    voucherCode: 'Voucher code',
    depositNumber: 'Deposit number',
    customer: 'Customer',
    phone: 'Phone',
    warehouse: 'Warehouse',
    checkedInAt: 'Checked in',
    expectedPickupAt: 'Expected pickup',
    notSet: 'Not set',
    items: (n: number) => `Items (${n})`,
    columns: ['#', 'Item code', 'Description', 'Category', 'Size'],
    notice: 'Keep this voucher. Show the voucher code or the QR code to collect your items.',
    footer: (voucher: string, page: number, pages: number) => `Voucher ${voucher} · page ${page} of ${pages}`,
    sizeClass: { XS: 'Extra small', S: 'Small', M: 'Medium', L: 'Large', XL: 'Extra large', XXL: 'Oversize' } as Record<string, string>,
  },
} as const;

export async function renderVoucherSlip(v: VoucherSlip): Promise<Uint8Array> {
  if (!/^[\x21-\x7e]{1,64}$/.test(v.voucherCode)) throw new Invalid('voucherCode', 'the voucher code must be 1–64 printable ASCII characters');
  const t = TEXT[v.locale];
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${t.title} ${v.depositNumber}`);
  pdf.setCreator('Wareloop');
  pdf.setLanguage(v.locale);
  const fields: Array<[string, string]> = [
    [t.voucherCode, v.voucherCode],
    [t.depositNumber, v.depositNumber],
    [t.customer, v.customerName],
    ...(v.phone ? [[t.phone, maskPhone(v.phone)] as [string, string]] : []),
    [t.warehouse, v.warehouse],
    [t.checkedInAt, formatTimestamp(v.checkedInAt)],
    [t.expectedPickupAt, v.expectedPickupAt ? formatTimestamp(v.expectedPickupAt) : t.notSet],
  ];
  const rows = v.items.map((item, i) => [String(i + 1), item.code, item.description, item.category, t.sizeClass[item.sizeClass] ?? item.sizeClass]);
  const fonts = await DocumentFonts.for(pdf, [
    ...Object.values(t).filter((s): s is string => typeof s === 'string'),
    ...t.columns,
    t.items(v.items.length),
    t.footer(v.voucherCode, 1, 1),
    ...fields.flat(),
    ...rows.flat(),
  ]);
  const barcodes = embedBarcodes(pdf, v.voucherCode);

  const [width, height] = A5;
  const contentWidth = width - 2 * MARGIN;
  const page = pdf.addPage(A5);
  const title = fitOneLine(fonts, t.title, 16, 10, contentWidth * 0.6, true);
  page.drawText(title.text, { x: MARGIN, y: height - MARGIN - title.size, font: title.font, size: title.size });
  const subtitle = fitOneLine(fonts, t.subtitle, 9, 6, contentWidth * 0.6);
  page.drawText(subtitle.text, { x: MARGIN, y: height - MARGIN - title.size - 14, font: subtitle.font, size: subtitle.size, color: rgb(0.4, 0.4, 0.4) });

  // The QR code top right, the voucher code under it, big enough to read out loud.
  const qrSize = mm(32);
  const qrX = width - MARGIN - qrSize;
  drawBarcode(page, barcodes.qr, { x: qrX, y: height - MARGIN - qrSize, width: qrSize, height: qrSize });
  const code = fitOneLine(fonts, v.voucherCode, 12, 7, qrSize, true);
  page.drawText(code.text, {
    x: qrX + (qrSize - code.font.widthOfTextAtSize(code.text, code.size)) / 2,
    y: height - MARGIN - qrSize - code.size - 2,
    font: code.font,
    size: code.size,
  });

  const fieldsBottom = drawFields(page, fonts, fields, {
    x: MARGIN,
    y: height - MARGIN - title.size - 30,
    labelWidth: mm(28),
    valueWidth: qrX - MARGIN - mm(28) - mm(3),
    size: 9,
  });
  let y = Math.min(fieldsBottom, height - MARGIN - qrSize - 20) - mm(3);

  // Bars of 0.5 mm at most: wide enough for any counter scanner, narrow enough for its field of view.
  const barcodeHeight = mm(13);
  const barcodeWidth = Math.min(contentWidth, barcodes.code128.width * mm(0.5));
  drawBarcode(page, barcodes.code128, { x: (width - barcodeWidth) / 2, y: y - barcodeHeight, width: barcodeWidth, height: barcodeHeight });
  y -= barcodeHeight + mm(4);

  const notice = fitOneLine(fonts, t.notice, 8.5, 6, contentWidth);
  page.drawText(notice.text, { x: MARGIN, y: y - notice.size, font: notice.font, size: notice.size });
  y -= notice.size + mm(5);

  const heading = fitOneLine(fonts, t.items(v.items.length), 11, 8, contentWidth, true);
  page.drawText(heading.text, { x: MARGIN, y: y - heading.size, font: heading.font, size: heading.size });
  y -= heading.size + mm(2);

  const newPage = (): Cursor => ({ page: pdf.addPage(A5), y: height - MARGIN });
  const columns = [0.07, 0.25, 0.38, 0.17, 0.13].map((share, i) => ({ header: t.columns[i] ?? '', width: share * contentWidth, maxLines: 4 }));
  drawTable({ fonts, x: MARGIN, bottom: MARGIN + mm(4), size: 8, newPage }, columns, rows, { page, y });
  stampFooters(pdf, fonts, MARGIN, (n, total) => t.footer(v.voucherCode, n, total));
  return pdf.save();
}
