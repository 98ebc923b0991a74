/**
 * Pack verification on the handheld, before anything is sent: every scanned item must be on the
 * order and not beyond what was picked of it. The API checks the same again when the scans are
 * sent; checking here answers the packer at once, item by item.
 */
export type PackLine = { productId: number; sku: string; name: string; picked: number };
export type LineCodes = { sku: string; barcodes: string[] };
export type Counts = Record<string, number>;

export type PackStep =
  | { kind: 'ok'; line: PackLine; count: number; complete: boolean }
  | { kind: 'not-in-order'; code: string }
  | { kind: 'too-many'; line: PackLine };

const same = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();

export function lineFor(lines: PackLine[], codes: ReadonlyMap<number, LineCodes>, code: string): PackLine | undefined {
  return lines.find((l) => same(l.sku, code) || !!codes.get(l.productId)?.barcodes.some((b) => same(b, code)));
}

export function isComplete(lines: PackLine[], counts: Counts): boolean {
  return lines.length > 0 && lines.every((l) => (counts[l.productId] ?? 0) === l.picked);
}

export function packScan(lines: PackLine[], codes: ReadonlyMap<number, LineCodes>, counts: Counts, code: string): { counts: Counts; step: PackStep } {
  const line = lineFor(lines, codes, code);
  if (!line) return { counts, step: { kind: 'not-in-order', code } };
  const count = (counts[line.productId] ?? 0) + 1;
  if (count > line.picked) return { counts, step: { kind: 'too-many', line } };
  const next = { ...counts, [line.productId]: count };
  return { counts: next, step: { kind: 'ok', line, count, complete: isComplete(lines, next) } };
}

/** The pack command's scans: one entry per product, by SKU. */
export function packScans(lines: PackLine[], counts: Counts): Array<{ code: string; quantity: number }> {
  return lines.filter((l) => (counts[l.productId] ?? 0) > 0).map((l) => ({ code: l.sku, quantity: counts[l.productId]! }));
}
