/**
 * What every printed document (storage labels, voucher slip and custody receipt; pick lists,
 * packing slips and shipping labels) shares: millimetre geometry, fonts, text fitting, vector
 * barcodes and display formats.
 *
 * Fonts: pdf-lib's standard Helvetica draws ASCII only, so any text with another character is
 * drawn with Source Han Sans CN (it also covers Latin). The 8.8 MB font file is read and parsed
 * once per process, on first need, and handed to pdf-lib through a one-font fontkit adapter, so
 * a request pays only for the subset (a few ms) and a PDF embeds only the glyphs it draws
 * (a few KB). fontkit's CFF subsetter writes subsets FreeType refuses and gives glyphs the wrong
 * font dict: cff-subset-fix.ts repairs both, installed here on load; the tests check the header
 * and compare every embedded glyph's outline and font dict with the original font's.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import bwipjs from 'bwip-js';
import {
  concatTransformationMatrix,
  drawObject,
  fill,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  setFillingGrayscaleColor,
  StandardFonts,
  type PDFDocument,
  type PDFFont,
  type PDFPage,
  type PDFRef,
} from 'pdf-lib';
import { fixCffSubsetter } from './cff-subset-fix.js';

export const MM = 72 / 25.4;
export const mm = (millimetres: number) => millimetres * MM;
export const A4: [number, number] = [mm(210), mm(297)];
export const A5: [number, number] = [mm(148), mm(210)];

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type LoadedCjkFont = { bytes: Uint8Array; fontkit: Fontkit; font: fontkit.Font };

const CJK_FONT_FILE = 'source-han-sans-cn/SourceHanSansCN-Regular.otf';
let cjkFont: Promise<LoadedCjkFont> | undefined;

/** The parsed CJK font, loaded once per process; a failed load is retried on the next call. */
export function loadCjkFont(): Promise<LoadedCjkFont> {
  cjkFont ??= (async () => {
    const bytes = new Uint8Array(await readFile(createRequire(import.meta.url).resolve(CJK_FONT_FILE)));
    const font = fontkit.create(bytes);
    fixCffSubsetter(font);
    return { bytes, font, fontkit: { create: () => font } };
  })().catch((error: unknown) => {
    cjkFont = undefined;
    throw error;
  });
  return cjkFont;
}

const ASCII = /^[\x20-\x7e]*$/;

/** Control characters (tabs, line breaks) would break the text operators: show them as spaces. */
export const printable = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');

/** The fonts of one document: Helvetica for ASCII, Source Han Sans (subset) for anything else. */
export class DocumentFonts {
  private constructor(
    private readonly latin: PDFFont,
    private readonly latinBold: PDFFont,
    private readonly cjk: PDFFont | null,
  ) {}

  /** Embeds the CJK font only when one of `texts` needs it. */
  static async for(pdf: PDFDocument, texts: Iterable<string>): Promise<DocumentFonts> {
    const latin = await pdf.embedFont(StandardFonts.Helvetica);
    const latinBold = await pdf.embedFont(StandardFonts.HelveticaBold);
    let cjk: PDFFont | null = null;
    for (const text of texts) {
      if (ASCII.test(printable(text))) continue;
      const loaded = await loadCjkFont();
      pdf.registerFontkit(loaded.fontkit);
      // "ABCDEF+Name" marks a subset (PDF 32000 §9.6.4); the tag only has to differ between subsets.
      const tag = Array.from(randomBytes(6), (b) => String.fromCharCode(65 + (b % 26))).join('');
      cjk = await pdf.embedFont(loaded.bytes, { subset: true, customName: `${tag}+${loaded.font.postscriptName}` });
      break;
    }
    return new DocumentFonts(latin, latinBold, cjk);
  }

  /** The font that can draw `text`; bold exists for ASCII only (the CJK face has one weight). */
  for(text: string, bold = false): PDFFont {
    if (ASCII.test(text)) return bold ? this.latinBold : this.latin;
    if (!this.cjk) throw new Error('DocumentFonts.for: text needs the CJK font but it was not announced');
    return this.cjk;
  }
}

/** Text drawn with its font and size, ready for `page.drawText`. */
export type Line = { text: string; font: PDFFont; size: number };

/**
 * Breaks `text` into at most `maxLines` lines no wider than `maxWidth`: between words for Latin
 * text, between any two characters for CJK text, and inside an over-long word when it must.
 * A cut last line ends in "...".
 */
export function wrapText(fonts: DocumentFonts, raw: string, size: number, maxWidth: number, maxLines: number, bold = false): Line[] {
  const text = printable(raw).replace(/ {2,}/g, ' ').trim();
  if (text === '' || maxLines < 1) return [];
  const font = fonts.for(text, bold);
  const width = (s: string) => font.widthOfTextAtSize(s, size);
  // A token is a word with its trailing space, or one CJK (non-Latin-script) character.
  const tokens = text.match(/[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]+\s?|\s/g) ?? [];
  const lines: string[] = [];
  let current = '';
  for (const token of tokens) {
    if (width(current + token.trimEnd()) <= maxWidth) {
      current += token;
      continue;
    }
    if (current.trim() !== '') lines.push(current.trimEnd());
    current = '';
    // A token wider than a line is cut character by character.
    for (const char of Array.from(token)) {
      if (width(current + char) > maxWidth && current !== '') {
        lines.push(current.trimEnd());
        current = '';
      }
      current += current === '' ? char.trimStart() : char;
    }
  }
  if (current.trim() !== '') lines.push(current.trimEnd());
  if (lines.length > maxLines) {
    lines.length = maxLines;
    const last = lines[maxLines - 1] ?? '';
    let cut = Array.from(last);
    while (cut.length > 0 && width(cut.join('') + '...') > maxWidth) cut = cut.slice(0, -1);
    lines[maxLines - 1] = cut.join('').trimEnd() + '...';
  }
  // Every line in the font it was measured with, even a line that happens to be all ASCII.
  return lines.map((line) => ({ text: line, font, size }));
}

/** The largest size ≤ `size` (and ≥ `minSize`) at which `text` fits on one line of `maxWidth`. */
export function fitOneLine(fonts: DocumentFonts, raw: string, size: number, minSize: number, maxWidth: number, bold = false): Line {
  const text = printable(raw);
  const font = fonts.for(text, bold);
  const natural = font.widthOfTextAtSize(text, size);
  const fitted = natural <= maxWidth ? size : Math.max(minSize, (size * maxWidth) / natural);
  return { text, font, size: fitted };
}

/** A barcode as a reusable vector drawing, sized in modules (quiet zone included). */
export type Barcode = { kind: 'code128' | 'qrcode'; ref: PDFRef; width: number; height: number };

/** Quiet zones the symbologies require around the symbol, in modules. */
const QUIET = { code128: 10, qrcode: 4 } as const;

/**
 * The dark modules of a barcode as rectangles [x, y, width, height] in module units, y up, the
 * quiet zone included. Code 128 is one module high (it is stretched to any height); a QR row's
 * adjacent dark modules merge into one rectangle.
 */
export function barcodeModules(kind: 'code128' | 'qrcode', text: string): { width: number; height: number; rects: Array<[number, number, number, number]> } {
  const [symbol] = bwipjs.raw(kind, text, { includetext: false });
  const q = QUIET[kind];
  const rects: Array<[number, number, number, number]> = [];
  if (symbol && 'sbs' in symbol) {
    let x = q;
    symbol.sbs.forEach((w, i) => {
      if (i % 2 === 0) rects.push([x, 0, w, 1]);
      x += w;
    });
    return { width: x + q, height: 1, rects };
  }
  if (!symbol || !('pixs' in symbol)) throw new Error(`bwip-js returned no ${kind} symbol`);
  const { pixs, pixx, pixy } = symbol;
  const height = pixy + 2 * q;
  for (let row = 0; row < pixy; row++) {
    for (let col = 0; col < pixx; col++) {
      if (!pixs[row * pixx + col]) continue;
      let end = col;
      while (end + 1 < pixx && pixs[row * pixx + end + 1]) end++;
      rects.push([q + col, height - q - row - 1, end - col + 1, 1]);
      col = end;
    }
  }
  return { width: pixx + 2 * q, height, rects };
}

/**
 * Code 128 for the counter's 1D scanners, QR for phones, drawn as vectors (sharp on a 203 dpi
 * thermal head and in a zoomed viewer, a few hundred bytes each) in a form XObject that every
 * page showing the same code reuses. White quiet zone included, so it scans on any background.
 */
export function embedBarcode(pdf: PDFDocument, kind: 'code128' | 'qrcode', text: string): Barcode {
  const { width, height, rects } = barcodeModules(kind, text);
  const operators = [
    setFillingGrayscaleColor(1),
    rectangle(0, 0, width, height),
    fill(),
    setFillingGrayscaleColor(0),
    ...rects.map(([x, y, w, h]) => rectangle(x, y, w, h)),
    fill(),
  ];
  const ref = pdf.context.register(pdf.context.formXObject(operators, { BBox: [0, 0, width, height] }));
  return { kind, ref, width, height };
}

export function embedBarcodes(pdf: PDFDocument, text: string): { code128: Barcode; qr: Barcode } {
  return { code128: embedBarcode(pdf, 'code128', text), qr: embedBarcode(pdf, 'qrcode', text) };
}

/** Draws `barcode` stretched to `box` (give a QR code a square box). */
export function drawBarcode(page: PDFPage, barcode: Barcode, box: { x: number; y: number; width: number; height: number }): void {
  const name = page.node.newXObject('Barcode', barcode.ref);
  page.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(box.width / barcode.width, 0, 0, box.height / barcode.height, box.x, box.y),
    drawObject(name),
    popGraphicsState(),
  );
}

/**
 * An ISO timestamp as "YYYY-MM-DD HH:mm" plus its offset, keeping the wall-clock time the caller
 * gave (no server-timezone conversion); a plain date stays a date; anything else is shown as is.
 */
export function formatTimestamp(value: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(value.trim());
  if (!m) return value;
  const offset = m[3] === undefined ? '' : m[3] === 'Z' || /^[+-]00:?00$/.test(m[3]) ? ' UTC' : ` UTC${m[3]}`;
  return `${m[1]} ${m[2]}${offset}`;
}

/** Minor units (fen, cents) as a decimal amount: 19950 → "199.50". */
export function formatMinorUnits(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(amount));
  return `${sign}${Math.trunc(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
}

/** A phone number with every digit but the last four hidden: "+86 138 0013 8000" → "+** *** **** 8000". */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '').length;
  let seen = 0;
  return phone.replace(/\d/g, (d) => (++seen > digits - 4 ? d : '*'));
}

/** Writes `footer(pageNumber, pageCount)` at the bottom of every page, once all pages exist. */
export function stampFooters(pdf: PDFDocument, fonts: DocumentFonts, margin: number, footer: (page: number, pages: number) => string): void {
  const pages = pdf.getPages();
  pages.forEach((page, i) => {
    const line = fitOneLine(fonts, footer(i + 1, pages.length), 7, 5, page.getWidth() - 2 * margin);
    page.drawText(line.text, { x: margin, y: margin * 0.6, font: line.font, size: line.size, color: rgb(0.35, 0.35, 0.35) });
  });
}

/** Label–value pairs in two columns; the value wraps. Returns the y below the last pair. */
export function drawFields(
  page: PDFPage,
  fonts: DocumentFonts,
  fields: Array<[label: string, value: string]>,
  at: { x: number; y: number; labelWidth: number; valueWidth: number; size: number },
): number {
  let y = at.y;
  const leading = at.size * 1.45;
  for (const [label, value] of fields) {
    const labelLine = fitOneLine(fonts, label, at.size, at.size * 0.7, at.labelWidth - 4);
    page.drawText(labelLine.text, { x: at.x, y: y - at.size, font: labelLine.font, size: labelLine.size, color: rgb(0.35, 0.35, 0.35) });
    const lines = wrapText(fonts, value, at.size, at.valueWidth, 3);
    lines.forEach((line, n) => page.drawText(line.text, { x: at.x + at.labelWidth, y: y - at.size - n * leading, font: line.font, size: line.size }));
    y -= Math.max(1, lines.length) * leading;
  }
  return y;
}
