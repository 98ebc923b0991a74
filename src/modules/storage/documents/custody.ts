/**
 * The custody receipt of one item (A4, in the requested language), for a dispute: what the item
 * is and is declared to be worth, whose deposit it belongs to, and its complete custody history in
 * time order — who checked it in and where, each move and count, who handed it to whom — with the
 * recipient's signature when there is one and the time the receipt was generated. The history
 * table continues over as many pages as it needs, each page numbered "n of N".
 */
import { PDFDocument, type PDFImage, rgb } from 'pdf-lib';
import { Invalid } from '../../../platform/http/errors.js';
import {
  A4,
  DocumentFonts,
  drawFields,
  fitOneLine,
  formatMinorUnits,
  formatTimestamp,
  mm,
  stampFooters,
} from '../../../platform/documents/pdf-support.js';
import { drawTable, type Cursor } from '../../../platform/documents/table.js';

export type CustodyReceipt = {
  item: { code: string; description: string; category: string; sizeClass: string; declaredValue: number | null; status: string };
  customerName: string;
  depositNumber: string;
  history: Array<{ at: string; action: string; actor: string; location?: string | null; detail?: string | null }>;
  signaturePng?: Uint8Array | null;
  locale: 'zh-CN' | 'en';
};

const MARGIN = mm(15);

const TEXT = {
  'zh-CN': {
    title: '物品保管记录',
    subtitle: 'Custody receipt',
    itemCode: '物品编号',
    description: '描述',
    category: '类别',
    sizeClass: '尺寸',
    declaredValue: '申报价值',
    notDeclared: '未申报',
    status: '当前状态',
    customer: '客户',
    depositNumber: '寄存单号',
    generatedAt: '生成时间',
    history: (n: number) => `保管历史（共 ${n} 条）`,
    noHistory: '暂无记录',
    columns: ['#', '时间', '操作', '经办人', '位置', '说明'],
    signature: '取件人签名',
    footer: (code: string, page: number, pages: number) => `物品 ${code} 保管记录 · 第 ${page} 页，共 ${pages} 页`,
    actions: { checked_in: '寄存入库', put_away: '上架', moved: '移位', counted: '盘点', corrected: '更正', checked_out: '取件出库' } as Record<string, string>,
    statuses: { checked_in: '已寄存', stored: '在库', checked_out: '已取件' } as Record<string, string>,
    sizeClasses: { XS: '特小', S: '小', M: '中', L: '大', XL: '特大', XXL: '超大' } as Record<string, string>,
  },
  en: {
    title: 'Custody receipt',
    subtitle: '物品保管记录',
    itemCode: 'Item code',
    description: 'Description',
    category: 'Category',
    sizeClass: 'Size',
    declaredValue: 'Declared value',
    notDeclared: 'Not declared',
    status: 'Status',
    customer: 'Customer',
    depositNumber: 'Deposit number',
    generatedAt: 'Generated at',
    history: (n: number) => `Custody history (${n} entries)`,
    noHistory: 'No entries',
    columns: ['#', 'Time', 'Action', 'By', 'Location', 'Detail'],
    signature: 'Signature of the recipient',
    footer: (code: string, page: number, pages: number) => `Custody receipt for item ${code} · page ${page} of ${pages}`,
    actions: { checked_in: 'Checked in', put_away: 'Put away', moved: 'Moved', counted: 'Counted', corrected: 'Corrected', checked_out: 'Checked out' } as Record<string, string>,
    statuses: { checked_in: 'Checked in', stored: 'Stored', checked_out: 'Checked out' } as Record<string, string>,
    sizeClasses: { XS: 'Extra small', S: 'Small', M: 'Medium', L: 'Large', XL: 'Extra large', XXL: 'Oversize' } as Record<string, string>,
  },
} as const;

/** Time order; entries with equal or unreadable times keep the order they were given in. */
function inTimeOrder<T extends { at: string }>(history: T[]): T[] {
  const times = history.map((h) => Date.parse(h.at));
  if (times.some(Number.isNaN)) return history;
  return history.map((h, i) => ({ h, t: times[i] ?? 0, i })).sort((a, b) => a.t - b.t || a.i - b.i).map(({ h }) => h);
}

async function embedSignature(pdf: PDFDocument, bytes: Uint8Array): Promise<PDFImage> {
  const png = bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
  try {
    if (png) return await pdf.embedPng(bytes);
    if (jpeg) return await pdf.embedJpg(bytes);
  } catch {
    // Falls through to the refusal below: the bytes claim a format they do not hold.
  }
  throw new Invalid('signaturePng', 'the signature must be a readable PNG or JPEG image');
}

export async function renderCustodyReceipt(r: CustodyReceipt): Promise<Uint8Array> {
  const t = TEXT[r.locale];
  const generatedAt = formatTimestamp(new Date().toISOString());
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${t.title} ${r.item.code}`);
  pdf.setCreator('Wareloop');
  pdf.setLanguage(r.locale);
  const signature = r.signaturePng && r.signaturePng.length > 0 ? await embedSignature(pdf, r.signaturePng) : null;

  const fields: Array<[string, string]> = [
    [t.itemCode, r.item.code],
    [t.description, r.item.description],
    [t.category, r.item.category],
    [t.sizeClass, t.sizeClasses[r.item.sizeClass] ?? r.item.sizeClass],
    [t.declaredValue, r.item.declaredValue === null ? t.notDeclared : formatMinorUnits(r.item.declaredValue)],
    [t.status, t.statuses[r.item.status] ?? r.item.status],
    [t.customer, r.customerName],
    [t.depositNumber, r.depositNumber],
    [t.generatedAt, generatedAt],
  ];
  const rows = inTimeOrder(r.history).map((h, i) => [
    String(i + 1),
    formatTimestamp(h.at),
    t.actions[h.action] ?? h.action,
    h.actor,
    h.location ?? '',
    h.detail ?? '',
  ]);
  const fonts = await DocumentFonts.for(pdf, [
    ...Object.values(t).filter((s): s is string => typeof s === 'string'),
    ...t.columns,
    t.history(rows.length),
    t.footer(r.item.code, 1, 1),
    ...fields.flat(),
    ...rows.flat(),
  ]);

  const [width, height] = A4;
  const contentWidth = width - 2 * MARGIN;
  const newPage = (): Cursor => ({ page: pdf.addPage(A4), y: height - MARGIN });
  const first = newPage();
  const { page } = first;
  const title = fitOneLine(fonts, t.title, 18, 10, contentWidth, true);
  page.drawText(title.text, { x: MARGIN, y: first.y - title.size, font: title.font, size: title.size });
  const subtitle = fitOneLine(fonts, t.subtitle, 9, 6, contentWidth);
  page.drawText(subtitle.text, { x: MARGIN, y: first.y - title.size - 15, font: subtitle.font, size: subtitle.size, color: rgb(0.4, 0.4, 0.4) });

  let y = drawFields(page, fonts, fields, { x: MARGIN, y: first.y - title.size - 30, labelWidth: mm(32), valueWidth: contentWidth - mm(32), size: 10 });
  y -= mm(5);
  const heading = fitOneLine(fonts, t.history(rows.length), 12, 8, contentWidth, true);
  page.drawText(heading.text, { x: MARGIN, y: y - heading.size, font: heading.font, size: heading.size });
  y -= heading.size + mm(2);

  const layout = { fonts, x: MARGIN, bottom: MARGIN + mm(4), size: 8.5, newPage };
  const columns = [0.04, 0.2, 0.11, 0.2, 0.14, 0.31].map((share, i) => ({ header: t.columns[i] ?? '', width: share * contentWidth, maxLines: 12 }));
  let cursor = drawTable(layout, columns, rows.length > 0 ? rows : [['', '', t.noHistory, '', '', '']], { page, y });

  if (signature) {
    const box = { width: mm(70), height: mm(30) };
    const scale = Math.min(box.width / signature.width, box.height / signature.height, 1);
    const drawn = { width: signature.width * scale, height: signature.height * scale };
    const needed = mm(8) + 14 + drawn.height;
    if (cursor.y - needed < layout.bottom) cursor = newPage();
    const label = fitOneLine(fonts, t.signature, 10, 7, contentWidth);
    let sy = cursor.y - mm(8);
    cursor.page.drawText(label.text, { x: MARGIN, y: sy - label.size, font: label.font, size: label.size });
    sy -= label.size + 4;
    cursor.page.drawImage(signature, { x: MARGIN, y: sy - drawn.height, ...drawn });
    cursor.page.drawLine({ start: { x: MARGIN, y: sy - drawn.height - 2 }, end: { x: MARGIN + box.width, y: sy - drawn.height - 2 }, thickness: 0.5, color: rgb(0.3, 0.3, 0.3) });
  }
  stampFooters(pdf, fonts, MARGIN, (n, total) => `${t.footer(r.item.code, n, total)} · ${t.generatedAt} ${generatedAt}`);
  return pdf.save();
}
