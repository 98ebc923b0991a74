import { describe, expect, it } from 'vitest';
import { isComplete, packScan, packScans, type Counts, type LineCodes, type PackLine } from './check';

const lines: PackLine[] = [
  { productId: 1, sku: 'TEA-1', name: 'Tea', picked: 2 },
  { productId: 2, sku: 'CUP-1', name: 'Cup', picked: 1 },
];
const codes = new Map<number, LineCodes>([
  [1, { sku: 'TEA-1', barcodes: ['6901'] }],
  [2, { sku: 'CUP-1', barcodes: ['6902'] }],
]);

describe('pack verification', () => {
  it('counts items by barcode or SKU until every picked unit is scanned', () => {
    let counts: Counts = {};
    const kinds: string[] = [];
    for (const code of ['6901', 'cup-1', 'TEA-1']) {
      const r = packScan(lines, codes, counts, code);
      counts = r.counts;
      kinds.push(r.step.kind === 'ok' && r.step.complete ? 'complete' : r.step.kind);
    }
    expect(kinds).toEqual(['ok', 'ok', 'complete']);
    expect(isComplete(lines, counts)).toBe(true);
    expect(packScans(lines, counts)).toEqual([
      { code: 'TEA-1', quantity: 2 },
      { code: 'CUP-1', quantity: 1 },
    ]);
  });

  it('refuses an item not on the order and one beyond what was picked, counting nothing', () => {
    const wrong = packScan(lines, codes, {}, '6999');
    expect(wrong.step).toEqual({ kind: 'not-in-order', code: '6999' });
    const counts = { 2: 1 };
    const extra = packScan(lines, codes, counts, '6902');
    expect(extra.step).toMatchObject({ kind: 'too-many', line: { sku: 'CUP-1', picked: 1 } });
    expect(extra.counts).toBe(counts);
  });

  it('an order with nothing picked is never complete', () => {
    expect(isComplete([], {})).toBe(false);
  });
});
