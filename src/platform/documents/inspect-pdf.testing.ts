/**
 * Test-only readers for the PDFs rendered with ./pdf-support.ts: the barcode forms a page draws (filled
 * rectangles, rasterised here) decoded as Code 128 or QR with ZXing, with their placement; the
 * images a page draws (rebuilt from pdf-lib's Flate-compressed RGB samples and soft masks);
 * the text a page draws (standard fonts as bytes, the CJK font through its ToUnicode map), and
 * the CJK subset's glyph outlines compared with the original font's.
 */
import fontkit from '@pdf-lib/fontkit';
import { PNG } from 'pngjs';
import {
  BinaryBitmap,
  Code128Reader,
  DecodeHintType,
  HybridBinarizer,
  QRCodeReader,
  RGBLuminanceSource,
} from '@zxing/library';
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  type PDFPage,
} from 'pdf-lib';
import { loadCjkFont } from './pdf-support.js';

export type PageImage = { name: string; width: number; height: number; gray: Uint8ClampedArray };

const num = (dict: PDFDict, key: string) => (dict.lookup(PDFName.of(key), PDFNumber) as PDFNumber).asNumber();

function raw(object: unknown): PDFRawStream {
  if (!(object instanceof PDFRawStream)) throw new Error('expected a raw stream');
  return object;
}

function samples(stream: PDFRawStream): Uint8Array {
  return decodePDFRawStream(stream).decode();
}

/** Every image XObject a page uses, as 8-bit gray pixels composited on white. */
export function pageImages(page: PDFPage): PageImage[] {
  const xobjects = page.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  if (!xobjects) return [];
  const images: PageImage[] = [];
  for (const [name, ref] of xobjects.entries()) {
    const stream = page.doc.context.lookup(ref);
    if (!(stream instanceof PDFRawStream) || stream.dict.get(PDFName.of('Subtype'))?.toString() !== '/Image') continue;
    const width = num(stream.dict, 'Width');
    const height = num(stream.dict, 'Height');
    if (num(stream.dict, 'BitsPerComponent') !== 8) throw new Error('only 8-bit images are expected');
    const space = stream.dict.get(PDFName.of('ColorSpace'))?.toString();
    const channels = space === '/DeviceRGB' ? 3 : space === '/DeviceGray' ? 1 : 0;
    if (channels === 0) throw new Error(`unexpected colour space ${space}`);
    const data = samples(stream);
    const maskRef = stream.dict.get(PDFName.of('SMask'));
    const mask = maskRef instanceof PDFRef ? samples(raw(page.doc.context.lookup(maskRef))) : null;
    const gray = new Uint8ClampedArray(width * height);
    for (let i = 0; i < width * height; i++) {
      const o = i * channels;
      const lum = channels === 1 ? data[o]! : 0.299 * data[o]! + 0.587 * data[o + 1]! + 0.114 * data[o + 2]!;
      const alpha = mask ? mask[i]! / 255 : 1;
      gray[i] = Math.round(lum * alpha + 255 * (1 - alpha));
    }
    images.push({ name: name.toString(), width, height, gray });
  }
  return images;
}

/** The text of a Code 128 or QR image, or null when the image is not that symbology. */
export function decodeImage(image: PageImage, kind: 'code128' | 'qr'): string | null {
  const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.gray, image.width, image.height)));
  const hints = new Map([[DecodeHintType.TRY_HARDER, true]]);
  try {
    return (kind === 'qr' ? new QRCodeReader() : new Code128Reader()).decode(bitmap, hints).getText();
  } catch {
    return null;
  }
}

/** A barcode form XObject as the page draws it: where (in points) and what it decodes to. */
export type PlacedBarcode = { kind: 'code128' | 'qr'; text: string; x: number; y: number; width: number; height: number };

const NUMBER = String.raw`(-?[\d.]+)`;

/**
 * Rasterises a form XObject made of filled rectangles (module units) at a few pixels per module,
 * rows top first, as the page shows it (y up).
 */
function rasterize(form: PDFRawStream): { image: PageImage; modules: boolean[][] } {
  const [, , width, height] = form.dict.lookup(PDFName.of('BBox'), PDFArray).asArray().map((n) => (n as PDFNumber).asNumber());
  const w = width ?? 0;
  const h = height ?? 0;
  const sx = 3;
  const sy = h === 1 ? 60 : 3;
  const gray = new Uint8ClampedArray(w * sx * h * sy).fill(255);
  const modules = Array.from({ length: h }, () => new Array<boolean>(w).fill(false));
  let fillGray = 0;
  let pending: number[][] = [];
  const ops = Buffer.from(samples(form)).toString('latin1');
  for (const m of ops.matchAll(new RegExp(String.raw`${NUMBER} g|${NUMBER} ${NUMBER} ${NUMBER} ${NUMBER} re|\bf\b`, 'g'))) {
    if (m[1] !== undefined) fillGray = Number(m[1]);
    else if (m[2] !== undefined) pending.push([Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])]);
    else {
      for (const [x, y, rw, rh] of pending) {
        for (let my = y!; my < y! + rh!; my++) for (let mx = x!; mx < x! + rw!; mx++) modules[h - 1 - my]![mx] = fillGray < 0.5;
        for (let py = (h - y! - rh!) * sy; py < (h - y!) * sy; py++) gray.fill(Math.round(fillGray * 255), py * w * sx + x! * sx, py * w * sx + (x! + rw!) * sx);
      }
      pending = [];
    }
  }
  return { image: { name: '', width: w * sx, height: h * sy, gray }, modules };
}

/** True when the three finder patterns sit top left, top right and bottom left (not mirrored). */
function qrUpright(modules: boolean[][], quiet = 4): boolean {
  const n = modules.length;
  const dark = (row: number, from: number) => Array.from({ length: 7 }, (_, i) => modules[row]?.[from + i] === true).every(Boolean);
  return dark(quiet, quiet) && dark(quiet, n - quiet - 7) && dark(n - quiet - 1, quiet);
}

/** Every barcode form the page draws, decoded, with its placement on the page. */
export function placedBarcodes(page: PDFPage): PlacedBarcode[] {
  const xobjects = page.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  const placed: PlacedBarcode[] = [];
  const content = contentBytes(page);
  for (const m of content.matchAll(new RegExp(String.raw`${NUMBER} ${NUMBER} ${NUMBER} ${NUMBER} ${NUMBER} ${NUMBER} cm\s+/(\S+) Do`, 'g'))) {
    const ref = xobjects?.get(PDFName.of(m[7] ?? ''));
    const form = page.doc.context.lookup(ref);
    if (!(form instanceof PDFRawStream) || form.dict.get(PDFName.of('Subtype'))?.toString() !== '/Form') continue;
    const { image, modules } = rasterize(form);
    const isQr = modules.length > 1;
    if (isQr && !qrUpright(modules)) throw new Error('the QR code is drawn mirrored or rotated');
    const text = decodeImage(image, isQr ? 'qr' : 'code128');
    if (text === null) throw new Error(`a ${isQr ? 'QR' : 'Code 128'} form does not decode`);
    const [a, , , d, e, f] = m.slice(1, 7).map(Number);
    const bbox = form.dict.lookup(PDFName.of('BBox'), PDFArray).asArray().map((n) => (n as PDFNumber).asNumber());
    placed.push({ kind: isQr ? 'qr' : 'code128', text, x: e!, y: f!, width: a! * bbox[2]!, height: d! * bbox[3]! });
  }
  return placed;
}

/** The decoded barcodes of a page, by symbology, in drawing order. */
export function pageBarcodes(page: PDFPage): { code128: string[]; qr: string[] } {
  const placed = placedBarcodes(page);
  return { code128: placed.filter((b) => b.kind === 'code128').map((b) => b.text), qr: placed.filter((b) => b.kind === 'qr').map((b) => b.text) };
}

function contentBytes(page: PDFPage): string {
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((r) => page.doc.context.lookup(r)) : [contents];
  return streams
    .filter((s): s is PDFRawStream => s instanceof PDFRawStream)
    .map((s) => Buffer.from(samples(s)).toString('latin1'))
    .join('\n');
}

function toUnicodeMap(font: PDFDict, doc: PDFDocument): Map<number, string> {
  const map = new Map<number, string>();
  const ref = font.get(PDFName.of('ToUnicode'));
  if (!ref) return map;
  const cmap = Buffer.from(samples(raw(doc.context.lookup(ref)))).toString('latin1');
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, cid, hex] of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      const units = (hex ?? '').match(/.{4}/g)?.map((u) => parseInt(u, 16)) ?? [];
      map.set(parseInt(cid ?? '', 16), String.fromCharCode(...units));
    }
  }
  return map;
}

/** The strings a page draws, one per text-showing operator, in drawing order. */
export function pageTexts(page: PDFPage): string[] {
  const fonts = page.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict);
  const texts: string[] = [];
  let current: { type0: boolean; unicode: Map<number, string> } | null = null;
  for (const m of contentBytes(page).matchAll(/\/([^\s/]+)\s+[\d.]+\s+Tf|<([0-9a-fA-F]*)>\s*Tj/g)) {
    if (m[1] !== undefined) {
      const font = fonts?.lookup(PDFName.of(m[1]), PDFDict);
      if (!font) throw new Error(`font ${m[1]} is not in the page resources`);
      const type0 = font.get(PDFName.of('Subtype'))?.toString() === '/Type0';
      current = { type0, unicode: type0 ? toUnicodeMap(font, page.doc) : new Map() };
      continue;
    }
    if (!current) throw new Error('text drawn before a font is set');
    const hex = m[2] ?? '';
    if (current.type0) {
      const unicode = current.unicode;
      texts.push((hex.match(/.{4}/g) ?? []).map((cid) => unicode.get(parseInt(cid, 16)) ?? '\ufffd').join(''));
    } else {
      texts.push(Buffer.from(hex, 'hex').toString('latin1'));
    }
  }
  return texts;
}

/** A bare CFF program in a minimal OpenType wrapper, so fontkit can read its glyphs. */
function wrapCff(cff: Uint8Array): Uint8Array {
  const head = Buffer.alloc(28);
  head.write('OTTO', 0, 'ascii');
  head.writeUInt16BE(1, 4);
  head.write('CFF ', 12, 'ascii');
  head.writeUInt32BE(28, 20);
  head.writeUInt32BE(cff.length, 24);
  return new Uint8Array(Buffer.concat([head, Buffer.from(cff)]));
}

/** `offSizes`: each embedded CFF's header offSize byte, which must be 1–4 for FreeType to load it. */
export type CjkFontReport = { fonts: number; glyphs: number; mismatched: string[]; wrongFontDict: string[]; offSizes: number[]; fontFileBytes: number };

type CffInternals = { 'CFF ': { privateDictForGlyph(gid: number): Record<string, unknown> | null } };
/** A CID font's per-glyph private dict (hinting zones, stem widths) without its subroutines. */
const privateDictOf = (font: fontkit.Font, gid: number) => {
  const { Subrs: _subrs, ...dict } = (font as unknown as CffInternals)['CFF '].privateDictForGlyph(gid) ?? {};
  return JSON.stringify(dict);
};

/**
 * For every embedded CFF (the CJK subset) of the document: each glyph the ToUnicode map names is
 * drawn with the same outline, and hinted with the same font dict, as the original font's glyph
 * for that character.
 */
export async function checkCjkGlyphs(pdf: PDFDocument): Promise<CjkFontReport> {
  const original = (await loadCjkFont()).font;
  const report: CjkFontReport = { fonts: 0, glyphs: 0, mismatched: [], wrongFontDict: [], offSizes: [], fontFileBytes: 0 };
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Subtype'))?.toString() !== '/Type0') continue;
    const descendant = object.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
    const descriptor = descendant.lookup(PDFName.of('FontDescriptor'), PDFDict);
    const file = raw(descriptor.lookup(PDFName.of('FontFile3')));
    report.fonts++;
    report.fontFileBytes += file.contents.length;
    const cff = samples(file);
    report.offSizes.push(cff[3] ?? 0);
    const subset = fontkit.create(wrapCff(cff));
    for (const [cid, text] of toUnicodeMap(object, pdf)) {
      report.glyphs++;
      const glyph = original.glyphForCodePoint(text.codePointAt(0) ?? 0);
      if (subset.getGlyph(cid).path.toSVG() !== glyph.path.toSVG()) report.mismatched.push(text);
      if (privateDictOf(subset, cid) !== privateDictOf(original, glyph.id)) report.wrongFontDict.push(text);
    }
  }
  return report;
}

/** A PNG (from a real renderer) as gray pixels, for `decodeImage`. */
export function pngImage(png: Uint8Array): PageImage {
  const decoded = PNG.sync.read(Buffer.from(png));
  const gray = new Uint8ClampedArray(decoded.width * decoded.height);
  for (let i = 0; i < gray.length; i++) gray[i] = decoded.data[i * 4] ?? 255;
  return { name: 'rendered', width: decoded.width, height: decoded.height, gray };
}
