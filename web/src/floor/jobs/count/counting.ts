/**
 * A blind count as the handheld keeps it: what was scanned, per location, product code and lot,
 * added up scan by scan; the counter never sees what the books expect.
 */
export type CountedLine = { locationCode: string; code: string; sku: string; lot: string; quantity: number };

export function addScan(lines: CountedLine[], scan: Omit<CountedLine, 'quantity'>, quantity = 1): CountedLine[] {
  const i = lines.findIndex((l) => l.locationCode === scan.locationCode && l.sku === scan.sku && l.lot === scan.lot);
  if (i < 0) return [...lines, { ...scan, quantity }];
  return lines.map((l, n) => (n === i ? { ...l, quantity: l.quantity + quantity } : l));
}

/** Takes back the last unit counted of a line (a double scan); the line goes when it reaches 0. */
export function undoScan(lines: CountedLine[], index: number): CountedLine[] {
  return lines.flatMap((l, n) => (n !== index ? [l] : l.quantity > 1 ? [{ ...l, quantity: l.quantity - 1 }] : []));
}

/** The submission's lines: by SKU (stable, whatever barcode was scanned), lot only when there is one. */
export function submissionLines(lines: CountedLine[]) {
  return lines.map((l) => ({ locationCode: l.locationCode, code: l.sku, quantity: l.quantity, ...(l.lot ? { lot: l.lot } : {}) }));
}
