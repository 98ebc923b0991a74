import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { checkCjkGlyphs, pageBarcodes, pageTexts } from '../../../platform/documents/inspect-pdf.testing.js';
import { addressText } from './layout.js';
import { renderPickList, type PrintedPickList } from './pick-list.js';

const items: PrintedPickList['items'] = Array.from({ length: 30 }, (_, i) => ({
  locationCode: `A-${String(i).padStart(2, '0')}-01`,
  sku: `SKU-${1000 + i}`,
  name: i % 2 ? '龙井茶 Longjing tea 250 g 特级 明前 礼盒装' : 'Tea cup',
  lot: i % 3 ? 'L-2026-11' : '',
  expiresOn: i % 3 ? '2027-11-01' : null,
  quantity: i + 1,
  picked: 0,
  status: 'open',
}));

describe('renderPickList', () => {
  it('flows many lines over numbered pages, captions on each, every barcode once and in walking order', async () => {
    const pdf = await PDFDocument.load(
      await renderPickList({ orderNumber: 'SO-000042', customerName: '王芳', warehouse: 'SH1 上海一号仓', round: 2, note: null, items, unallocated: [{ sku: 'SKU-9', quantity: 2 }] }),
    );
    const pages = pdf.getPages();
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const codes = pages.flatMap((p) => pageBarcodes(p).code128);
    expect(codes).toEqual(['SO-000042', ...items.flatMap((i) => [i.locationCode, i.sku])]);
    for (const [n, page] of pages.entries()) {
      const texts = pageTexts(page);
      expect(texts).toEqual(expect.arrayContaining(['库位 Bin', '商品 SKU', '数量 Qty']));
      expect(texts.some((t) => t.startsWith(`拣货单 Pick list SO-000042 · 第 ${n + 1} 页，共 ${pages.length} 页`))).toBe(true);
    }
    const all = pages.flatMap((p) => pageTexts(p));
    expect(all).toContain('未分配库位 Not allocated: SKU-9 × 2');
    expect(all).not.toContain('备注 Note');
    expect(await checkCjkGlyphs(pdf)).toMatchObject({ fonts: 1, mismatched: [], wrongFontDict: [] });
  });

  it('says when there is nothing to pick', async () => {
    const pdf = await PDFDocument.load(await renderPickList({ orderNumber: 'SO-1', customerName: 'Li', warehouse: 'W', round: 1, note: 'x', items: [], unallocated: [] }));
    expect(pageTexts(pdf.getPage(0))).toEqual(expect.arrayContaining(['无拣货项 Nothing to pick', '备注 Note', 'x']));
  });
});

describe('addressText', () => {
  const base = { recipientName: 'R', phone: null, province: null, city: null, district: null, line2: null, postalCode: null };
  it('writes a Chinese address province first without spaces, a municipality once; others street first', () => {
    expect(addressText({ ...base, country: 'CN', province: '上海市', city: '上海市', district: '浦东新区', line1: '世纪大道 100 号', postalCode: '200120' })).toBe(
      '上海市浦东新区世纪大道 100 号 200120',
    );
    expect(addressText({ ...base, country: 'DE', city: 'Berlin', line1: 'Unter den Linden 1', postalCode: '10117' })).toBe('Unter den Linden 1, Berlin, 10117, DE');
  });
});
