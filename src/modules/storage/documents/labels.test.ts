import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../platform/http/errors.js';
import { checkCjkGlyphs, decodeImage, pageBarcodes, pageTexts, placedBarcodes, pngImage } from '../../../platform/documents/inspect-pdf.testing.js';
import { A4_SHEET, LABELS_PER_A4_PAGE, renderLabels } from './labels.js';
import { A4, barcodeModules, mm } from '../../../platform/documents/pdf-support.js';

const code = (n: number) => `ST-${String(n).padStart(8, '0')}`;

describe('renderLabels 50x30', () => {
  it('renders one 50×30 mm page per label whose Code 128 and QR decode to the item code', async () => {
    const labels = [
      { code: 'ST-7K3M9Q2X', title: '黑色登机箱 20 寸', subtitle: '寄存单 D-20261123-0001' },
      { code: 'ST-00000042', title: 'Grey backpack with laptop' },
    ];
    const bytes = await renderLabels(labels, '50x30');
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(2);
    for (const [i, page] of pdf.getPages().entries()) {
      expect(page.getWidth()).toBeCloseTo(141.73, 2);
      expect(page.getHeight()).toBeCloseTo(mm(30), 2);
      expect(page.getHeight()).toBeCloseTo(85.04, 2);
      const barcodes = pageBarcodes(page);
      expect(barcodes).toEqual({ code128: [labels[i]!.code], qr: [labels[i]!.code] });
    }
    // Inside the 2 mm margin, QR square, Code 128 bars at least 0.25 mm (2 dots at 203 dpi).
    for (const b of placedBarcodes(pdf.getPage(0))) {
      expect(b.x).toBeGreaterThanOrEqual(mm(2) - 0.01);
      expect(b.y).toBeGreaterThanOrEqual(mm(2) - 0.01);
      expect(b.x + b.width).toBeLessThanOrEqual(mm(48) + 0.01);
      expect(b.y + b.height).toBeLessThanOrEqual(mm(28) + 0.01);
      if (b.kind === 'qr') expect(b.width).toBeCloseTo(b.height, 3);
      else expect(b.width / barcodeModules('code128', b.text).width / mm(1)).toBeGreaterThanOrEqual(0.25);
    }
    const [first, second] = pdf.getPages();
    expect(pageTexts(first!)).toEqual(['ST-7K3M9Q2X', '黑色登机箱 20 寸', '寄存单 D-20261123-0001']);
    expect(pageTexts(second!)).toEqual(['ST-00000042', 'Grey backpack with', 'laptop']);
  });

  it('embeds only the Chinese glyphs it draws, with their true outlines, in a small file', async () => {
    // Latin, ideographs and full-width punctuation interleaved: glyphs from several CFF font dicts.
    const title = '易碎品：Blue 青花瓷 vase（请轻放）';
    const bytes = await renderLabels([{ code: 'ST-ABCDEFGH', title }], '50x30');
    expect(bytes.length).toBeLessThan(60_000);
    const pdf = await PDFDocument.load(bytes);
    const report = await checkCjkGlyphs(pdf);
    expect(report.fonts).toBe(1);
    expect(report.mismatched).toEqual([]);
    expect(report.wrongFontDict).toEqual([]);
    expect(report.offSizes).toEqual([4]);
    // Each distinct character once (the wrapped lines share glyphs), nothing else of 30,000 glyphs.
    expect(report.glyphs).toBe(new Set(Array.from(title)).size);
    expect(report.fontFileBytes).toBeLessThan(20_000);
    expect(pageTexts(pdf.getPage(0)).slice(1).join('').replace(/ /g, '')).toBe(title.replace(/ /g, ''));
  });

  it('embeds no CJK font when every text is ASCII', async () => {
    const pdf = await PDFDocument.load(await renderLabels([{ code: 'ST-00000001', title: 'Suitcase' }], '50x30'));
    expect((await checkCjkGlyphs(pdf)).fonts).toBe(0);
  });

  it('wraps a long title within the label and cuts it with an ellipsis', async () => {
    const title = '一个非常非常长的物品描述，包含很多很多文字，远远超过标签能够容纳的行数，所以必须截断显示，后面这些文字不会出现在标签上';
    const pdf = await PDFDocument.load(await renderLabels([{ code: 'ST-LONGTEXT', title }], '50x30'));
    const lines = pageTexts(pdf.getPage(0)).slice(1);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.at(-1)).toMatch(/\.\.\.$/);
    expect(title.startsWith(lines.join('').replace(/\.\.\.$/, ''))).toBe(true);
  });
});

describe('renderLabels a4', () => {
  it('fills 3×8 labels per A4 page and continues on the next page', async () => {
    const labels = Array.from({ length: LABELS_PER_A4_PAGE + 5 }, (_, i) => ({ code: code(i + 1), title: `行李 ${i + 1}` }));
    const pdf = await PDFDocument.load(await renderLabels(labels, 'a4'));
    expect(pdf.getPageCount()).toBe(2);
    const [first, second] = pdf.getPages();
    for (const page of [first!, second!]) {
      expect(page.getWidth()).toBeCloseTo(595.28, 1);
      expect(page.getHeight()).toBeCloseTo(841.89, 1);
    }
    const expectFirst = labels.slice(0, 24).map((l) => l.code);
    const expectSecond = labels.slice(24).map((l) => l.code);
    const b1 = pageBarcodes(first!);
    const b2 = pageBarcodes(second!);
    expect(b1.code128.sort()).toEqual(expectFirst);
    expect(b1.qr.sort()).toEqual(expectFirst);
    expect(b2.code128.sort()).toEqual(expectSecond);
    expect(b2.qr.sort()).toEqual(expectSecond);
    // Each label's two barcodes sit inside its own cell of the sheet, inside the sheet margins.
    for (const [p, page] of [first!, second!].entries()) {
      for (const b of placedBarcodes(page)) {
        const column = Math.floor((b.x - A4_SHEET.marginLeft) / A4_SHEET.pitchX);
        const row = Math.floor((A4[1] - A4_SHEET.marginTop - (b.y + b.height)) / A4_SHEET.pitchY);
        expect(labels[p * LABELS_PER_A4_PAGE + row * A4_SHEET.columns + column]?.code).toBe(b.text);
        const cellX = A4_SHEET.marginLeft + column * A4_SHEET.pitchX;
        const cellTop = A4[1] - A4_SHEET.marginTop - row * A4_SHEET.pitchY;
        expect(b.x).toBeGreaterThanOrEqual(cellX);
        expect(b.x + b.width).toBeLessThanOrEqual(cellX + A4_SHEET.label.width);
        expect(b.y + b.height).toBeLessThanOrEqual(cellTop);
        expect(b.y).toBeGreaterThanOrEqual(cellTop - A4_SHEET.label.height);
        expect(b.x).toBeGreaterThanOrEqual(mm(7));
        expect(b.x + b.width).toBeLessThanOrEqual(A4[0] - mm(7));
        expect(b.y).toBeGreaterThanOrEqual(mm(12));
        expect(b.y + b.height).toBeLessThanOrEqual(A4[1] - mm(12));
      }
    }
    // Reading order: left to right, top to bottom.
    expect(pageTexts(first!).filter((t) => t.startsWith('ST-'))).toEqual(expectFirst);
  });

  it('renders exactly one page for a full sheet', async () => {
    const labels = Array.from({ length: LABELS_PER_A4_PAGE }, (_, i) => ({ code: code(i), title: 'Box' }));
    const pdf = await PDFDocument.load(await renderLabels(labels, 'a4'));
    expect(pdf.getPageCount()).toBe(1);
  });

  it('keeps a sheet of Chinese titles well under 1 MB', async () => {
    const titles = ['黑色行李箱', '蓝色背包', '纸箱（书籍）', '自行车', '婴儿推车', '高尔夫球包'];
    const labels = Array.from({ length: 48 }, (_, i) => ({ code: code(i), title: `${titles[i % titles.length]} ${i}`, subtitle: '北京西站寄存处' }));
    const bytes = await renderLabels(labels, 'a4');
    expect(bytes.length).toBeLessThan(1_000_000);
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(2);
    expect(await checkCjkGlyphs(pdf)).toMatchObject({ fonts: 1, mismatched: [], wrongFontDict: [], offSizes: [4] });
  });
});

describe('renderLabels input', () => {
  it('refuses an empty list and codes Code 128 cannot carry, naming the field', async () => {
    await expect(renderLabels([], 'a4')).rejects.toMatchObject({ status: 422, extra: { field: 'labels' } });
    const error = await renderLabels([{ code: 'ST-1', title: 'ok' }, { code: '行李-1', title: 'x' }], '50x30').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ status: 422, extra: { field: 'labels.1.code' } });
  });
});

// poppler (FreeType) is stricter than fontkit: it refused every CJK subset before the CFF header
// fix. It is not a project dependency; where it is installed, render the label for real.
const poppler = spawnSync('pdftoppm', ['-v']).status === 0;

describe.skipIf(!poppler)('renderLabels through a real renderer (poppler)', () => {
  it('renders the Chinese title without font errors, and the printed barcodes scan', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'labels-'));
    try {
      writeFileSync(join(dir, 'label.pdf'), await renderLabels([{ code: 'ST-7K3M9Q2X', title: '黑色登机箱 Black suitcase', subtitle: '寄存单 D-1' }], '50x30'));
      const run = spawnSync('pdftoppm', ['-r', '300', '-gray', '-png', '-singlefile', join(dir, 'label.pdf'), join(dir, 'label')], { encoding: 'utf8' });
      expect(run.status).toBe(0);
      expect(run.stderr).toBe('');
      const image = pngImage(readFileSync(join(dir, 'label.png')));
      expect(decodeImage(image, 'qr')).toBe('ST-7K3M9Q2X');
      expect(decodeImage(image, 'code128')).toBe('ST-7K3M9Q2X');
      expect(execFileSync('pdffonts', [join(dir, 'label.pdf')], { encoding: 'utf8' })).toMatch(/SourceHanSansCN-Regular\S*\s+CID Type 0C\s+Identity-H\s+yes yes yes/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
