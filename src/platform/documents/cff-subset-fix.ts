/**
 * Fixes for @pdf-lib/fontkit 1.1.1's CFF subsetter (an unmaintained fork of fontkit 1.7), applied
 * to the subset class of the one font object we subset. Both are verified by the tests, the first
 * also by poppler, which rejected every subset ("Embedded font file may be invalid") before it.
 *
 * 1. The CFF header's offSize byte is written from the source table's length (29 for Source Han
 *    Sans CN) instead of an offset size of 1–4; FreeType, hence poppler and PDFium, then refuse
 *    the whole font and draw no Chinese at all. The subset's bytes get offSize 4.
 *
 * 2. For a CID-keyed font (Source Han Sans has 19 font dicts: ideographs, kana, Latin, …) it
 *    gives each glyph "the last font dict added so far" instead of its own, both in FDSelect and
 *    when recording the local subroutines the glyph calls. A glyph whose font dict was first used
 *    by an earlier glyph of another script ("B" in "A寄B") is hinted with that script's alignment
 *    zones and, in a subroutinized font, calls subroutines that were blanked out: broken outlines.
 *    `subsetFontdict` below is upstream's algorithm keyed by each glyph's own font dict.
 */
import { PassThrough } from 'node:stream';
import type fontkit from '@pdf-lib/fontkit';

type FontDict = { Private?: ({ Subrs?: unknown[] } & Record<string, unknown>) | null; FontName?: unknown } & Record<string, unknown>;
type TopDict = { FDArray: FontDict[]; FDSelect: { version: number; fds: number[] } };
type CffSubset = {
  glyphs: number[];
  cff: { fdForGlyph(gid: number): number | null; topDict: { FDArray: FontDict[] } };
  font: { getGlyph(gid: number): { path: unknown; _usedSubrs?: Record<string, boolean> } };
  subsetSubrs(subrs: unknown[], used: Record<string, boolean>): unknown[];
};

const FIXED = Symbol.for('wareloop.cffSubsetterFixed');

function subsetFontdict(this: CffSubset, topDict: TopDict): void {
  topDict.FDArray = [];
  topDict.FDSelect = { version: 0, fds: [] };
  const newIndex = new Map<number, number>();
  const usedSubrs: Array<Record<string, boolean>> = [];
  for (const gid of this.glyphs) {
    const fd = this.cff.fdForGlyph(gid);
    if (fd == null) continue;
    let index = newIndex.get(fd);
    if (index === undefined) {
      index = topDict.FDArray.length;
      newIndex.set(fd, index);
      topDict.FDArray.push({ ...this.cff.topDict.FDArray[fd] });
      usedSubrs.push({});
    }
    topDict.FDSelect.fds.push(index);
    const glyph = this.font.getGlyph(gid);
    void glyph.path; // parsing the outline records the subroutines the glyph calls
    Object.assign(usedSubrs[index] ?? {}, glyph._usedSubrs);
  }
  topDict.FDArray.forEach((dict, i) => {
    delete dict.FontName;
    if (dict.Private?.Subrs) {
      dict.Private = { ...dict.Private, Subrs: this.subsetSubrs(dict.Private.Subrs, usedSubrs[i] ?? {}) };
    }
  });
}

type ByteStream = { on(event: string, listener: (arg: never) => void): ByteStream };

/** The CFF header is major, minor, hdrSize, offSize; offSize must be 1–4. */
export function fixCffHeader(cff: Uint8Array): Uint8Array {
  const offSize = cff[3];
  if (cff.length >= 4 && (offSize === undefined || offSize < 1 || offSize > 4)) cff[3] = 4;
  return cff;
}

function encodeStreamWithValidHeader(original: (this: unknown) => ByteStream) {
  return function (this: unknown): PassThrough {
    const out = new PassThrough();
    const chunks: Uint8Array[] = [];
    original
      .call(this)
      .on('data', (chunk: Uint8Array) => chunks.push(chunk))
      .on('error', (error: Error) => out.destroy(error))
      .on('end', () => out.end(fixCffHeader(Buffer.concat(chunks))));
    return out;
  };
}

/** Installs both fixes on the subset class `font` uses (once; a no-op for non-CFF fonts). */
export function fixCffSubsetter(font: fontkit.Font): void {
  const prototype = Object.getPrototypeOf(font.createSubset()) as Record<PropertyKey, unknown>;
  if (typeof prototype.subsetFontdict !== 'function' || typeof prototype.encodeStream !== 'function' || prototype[FIXED]) return;
  prototype.encodeStream = encodeStreamWithValidHeader(prototype.encodeStream as (this: unknown) => ByteStream);
  prototype.subsetFontdict = subsetFontdict;
  prototype[FIXED] = true;
}
