import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { checkCjkGlyphs, pageBarcodes, pageTexts } from '../../../platform/documents/inspect-pdf.testing.js';
import { mm } from '../../../platform/documents/pdf-support.js';
import { renderVoucherSlip, type VoucherSlip } from './voucher.js';

const slip = (overrides: Partial<VoucherSlip> = {}): VoucherSlip => ({
  voucherCode: 'K7Q2M9X3AB',
  depositNumber: 'D-2026-000123',
  customerName: '王小明',
  phone: '+86 138-0013-8000',
  warehouse: '上海虹桥站寄存处',
  checkedInAt: '2026-11-23T09:41:00.000Z',
  expectedPickupAt: '2026-11-25T18:00:00+08:00',
  items: [
    { code: 'ST-7K3M9Q2X', description: '黑色登机箱，右侧轮子有划痕', category: 'luggage', sizeClass: 'M' },
    { code: 'ST-00000042', description: 'Grey backpack', category: 'bag', sizeClass: 'S' },
  ],
  locale: 'zh-CN',
  ...overrides,
});

const allTexts = (pdf: PDFDocument) => pdf.getPages().flatMap((p) => pageTexts(p));

describe('renderVoucherSlip', () => {
  it('renders an A5 slip in Chinese whose QR and Code 128 decode to the voucher code', async () => {
    const pdf = await PDFDocument.load(await renderVoucherSlip(slip()));
    expect(pdf.getPageCount()).toBe(1);
    const page = pdf.getPage(0);
    expect(page.getWidth()).toBeCloseTo(mm(148), 2);
    expect(page.getHeight()).toBeCloseTo(mm(210), 2);
    expect(pageBarcodes(page)).toEqual({ code128: ['K7Q2M9X3AB'], qr: ['K7Q2M9X3AB'] });

    const texts = pageTexts(page);
    for (const expected of ['寄存凭证', '寄存单号', 'D-2026-000123', '王小明', '上海虹桥站寄存处', '寄存时间', '2026-11-23 09:41 UTC', '预计取件', '2026-11-25 18:00 UTC+08:00', '寄存物品（共 2 件）', 'ST-7K3M9Q2X', 'Grey backpack', '中', '小']) {
      expect(texts).toContain(expected);
    }
    expect(texts.join('\n')).toContain('黑色登机箱，右侧轮子有划痕');
    expect(texts).toContain('凭证码 K7Q2M9X3AB · 第 1 页，共 1 页');
    expect(await checkCjkGlyphs(pdf)).toMatchObject({ fonts: 1, mismatched: [], wrongFontDict: [], offSizes: [4] });
  });

  it('shows only the last four digits of the phone', async () => {
    const texts = allTexts(await PDFDocument.load(await renderVoucherSlip(slip())));
    expect(texts).toContain('+** ***-****-8000');
    expect(texts.join('\n')).not.toMatch(/138|0013/);
  });

  it('leaves the phone out when there is none and says the pickup is not set', async () => {
    const texts = allTexts(await PDFDocument.load(await renderVoucherSlip(slip({ phone: null, expectedPickupAt: null }))));
    expect(texts).not.toContain('电话');
    expect(texts).toContain('未约定');
  });

  it('speaks English for an English deposit', async () => {
    const pdf = await PDFDocument.load(await renderVoucherSlip(slip({ locale: 'en', customerName: 'Alice Smith', warehouse: 'Central Station' })));
    const texts = pageTexts(pdf.getPage(0));
    for (const expected of ['Storage voucher', 'Deposit number', 'Alice Smith', 'Expected pickup', 'Items (2)', 'Medium', 'Voucher K7Q2M9X3AB · page 1 of 1']) {
      expect(texts).toContain(expected);
    }
    expect(texts).not.toContain('寄存单号');
  });

  it('continues a long item list on further pages, repeating the table header', async () => {
    const items = Array.from({ length: 60 }, (_, i) => ({
      code: `ST-${String(i + 1).padStart(8, '0')}`,
      description: `物品 ${i + 1}`,
      category: 'luggage',
      sizeClass: 'L',
    }));
    const pdf = await PDFDocument.load(await renderVoucherSlip(slip({ items })));
    const pages = pdf.getPageCount();
    expect(pages).toBeGreaterThan(1);
    const codes = allTexts(pdf).filter((t) => /^ST-\d{8}$/.test(t));
    expect(codes).toEqual(items.map((i) => i.code));
    for (const [n, page] of pdf.getPages().entries()) {
      const texts = pageTexts(page);
      expect(texts).toContain('物品编号');
      expect(texts).toContain(`凭证码 K7Q2M9X3AB · 第 ${n + 1} 页，共 ${pages} 页`);
    }
    // The barcodes are on the first page only.
    expect(pageBarcodes(pdf.getPage(1))).toEqual({ code128: [], qr: [] });
  });

  it('refuses a voucher code that cannot be a barcode, naming the field', async () => {
    await expect(renderVoucherSlip(slip({ voucherCode: '凭证 1' }))).rejects.toMatchObject({ status: 422, extra: { field: 'voucherCode' } });
  });
});
