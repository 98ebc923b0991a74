import { PNG } from 'pngjs';
import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderCustodyReceipt, type CustodyReceipt } from './custody.js';
import { checkCjkGlyphs, pageImages, pageTexts } from '../../../platform/documents/inspect-pdf.testing.js';

const receipt = (overrides: Partial<CustodyReceipt> = {}): CustodyReceipt => ({
  item: { code: 'ST-7K3M9Q2X', description: '黑色登机箱', category: 'luggage', sizeClass: 'M', declaredValue: 199950, status: 'checked_out' },
  customerName: '王小明',
  depositNumber: 'D-2026-000123',
  history: [
    { at: '2026-11-20T09:00:00Z', action: 'checked_in', actor: '张三', location: '柜台 1', detail: '照片 3 张' },
    { at: '2026-11-20T09:10:00Z', action: 'put_away', actor: '李四', location: 'A-01-02', detail: null },
    { at: '2026-11-21T08:00:00Z', action: 'counted', actor: '李四', location: 'A-01-02' },
    { at: '2026-11-22T15:30:00Z', action: 'checked_out', actor: '张三', location: '柜台 1', detail: '交给 王小明（本人）' },
  ],
  signaturePng: null,
  locale: 'zh-CN',
  ...overrides,
});

function signature(width: number, height: number): { png: Uint8Array; ink: number } {
  const png = new PNG({ width, height });
  let ink = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const onStroke = Math.abs(y - height / 2 - Math.round((height / 4) * Math.sin(x / 12))) < 2;
      const o = (y * width + x) * 4;
      png.data[o] = png.data[o + 1] = png.data[o + 2] = onStroke ? 0 : 255;
      png.data[o + 3] = 255;
      if (onStroke) ink++;
    }
  }
  return { png: new Uint8Array(PNG.sync.write(png)), ink };
}

const allTexts = (pdf: PDFDocument) => pdf.getPages().flatMap((p) => pageTexts(p));

afterEach(() => vi.useRealTimers());

describe('renderCustodyReceipt', () => {
  it('renders the item, its history in time order and the generated time on A4, in Chinese', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-23T10:15:00Z'));
    const r = receipt();
    // Given out of order: the receipt sorts by time.
    const history = [r.history[2]!, r.history[0]!, r.history[3]!, r.history[1]!];
    const pdf = await PDFDocument.load(await renderCustodyReceipt({ ...r, history }));
    expect(pdf.getPageCount()).toBe(1);
    const page = pdf.getPage(0);
    expect(page.getWidth()).toBeCloseTo(595.28, 1);
    expect(page.getHeight()).toBeCloseTo(841.89, 1);
    const texts = pageTexts(page);
    for (const expected of ['物品保管记录', 'ST-7K3M9Q2X', '黑色登机箱', '中', '1,999.50', '已取件', '王小明', 'D-2026-000123', '生成时间', '2026-11-23 10:15 UTC', '保管历史（共 4 条）']) {
      expect(texts).toContain(expected);
    }
    const actions = texts.filter((t) => ['寄存入库', '上架', '盘点', '取件出库'].includes(t));
    expect(actions).toEqual(['寄存入库', '上架', '盘点', '取件出库']);
    expect(texts.filter((t) => /^2026-11-2[0-2] /.test(t))).toEqual(['2026-11-20 09:00 UTC', '2026-11-20 09:10 UTC', '2026-11-21 08:00 UTC', '2026-11-22 15:30 UTC']);
    expect(texts.join('\n')).toContain('交给 王小明（本人）');
    expect(await checkCjkGlyphs(pdf)).toMatchObject({ fonts: 1, mismatched: [], wrongFontDict: [], offSizes: [4] });
  });

  it('flows a long history over numbered pages, repeating the table header, keeping every entry once', async () => {
    const history = Array.from({ length: 120 }, (_, i) => ({
      at: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
      action: i % 2 ? 'moved' : 'counted',
      actor: `operator-${i}`,
      location: `B-${i}`,
      detail: i % 10 === 0 ? 'A long note about this movement that wraps over more than one line in the detail column of the table' : null,
    }));
    const pdf = await PDFDocument.load(await renderCustodyReceipt(receipt({ history, locale: 'en' })));
    const pages = pdf.getPageCount();
    expect(pages).toBeGreaterThanOrEqual(3);
    const actors = allTexts(pdf).filter((t) => t.startsWith('operator-'));
    expect(actors).toEqual(history.map((h) => h.actor));
    for (const [n, page] of pdf.getPages().entries()) {
      const texts = pageTexts(page);
      expect(texts).toEqual(expect.arrayContaining(['Time', 'Action', 'By']));
      expect(texts.some((t) => t.startsWith(`Custody receipt for item ST-7K3M9Q2X · page ${n + 1} of ${pages}`))).toBe(true);
    }
  });

  it('draws the signature image unchanged', async () => {
    const { png, ink } = signature(240, 80);
    const pdf = await PDFDocument.load(await renderCustodyReceipt(receipt({ signaturePng: png, locale: 'en' })));
    const texts = allTexts(pdf);
    expect(texts).toContain('Signature of the recipient');
    const images = pdf.getPages().flatMap((p) => pageImages(p));
    expect(images).toHaveLength(1);
    expect(images[0]).toMatchObject({ width: 240, height: 80 });
    expect(images[0]!.gray.filter((v) => v < 128).length).toBe(ink);
  });

  it('moves the signature to a new page when the history fills the last one', async () => {
    const { png } = signature(240, 80);
    const base = receipt();
    let alone = 0;
    for (let n = 30; n <= 60; n++) {
      const history = Array.from({ length: n }, (_, i) => ({ ...base.history[i % 4]!, at: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString() }));
      const pdf = await PDFDocument.load(await renderCustodyReceipt(receipt({ history, signaturePng: png })));
      const last = pdf.getPage(pdf.getPageCount() - 1);
      expect(pageImages(last)).toHaveLength(1);
      expect(pageTexts(last)).toContain('取件人签名');
      if (!pageTexts(last).includes('张三')) alone++;
    }
    // Some of these lengths leave no room under the table: the signature got a page of its own.
    expect(alone).toBeGreaterThan(0);
  });

  it('says when nothing is declared or recorded yet', async () => {
    const texts = allTexts(await PDFDocument.load(await renderCustodyReceipt(receipt({ history: [], item: { ...receipt().item, declaredValue: null, status: 'stored' } }))));
    expect(texts).toEqual(expect.arrayContaining(['未申报', '在库', '暂无记录', '保管历史（共 0 条）']));
  });

  it('refuses a signature that is not an image, naming the field', async () => {
    await expect(renderCustodyReceipt(receipt({ signaturePng: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) }))).rejects.toMatchObject({
      status: 422,
      extra: { field: 'signaturePng' },
    });
    await expect(renderCustodyReceipt(receipt({ signaturePng: new TextEncoder().encode('not an image') }))).rejects.toMatchObject({ status: 422 });
  });
});
