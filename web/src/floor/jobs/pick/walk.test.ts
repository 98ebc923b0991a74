import { describe, expect, it } from 'vitest';
import { currentItem, scanInWalk, settle, shortItem, START, type Codes, type Walk, type WalkItem } from './walk';

const items: WalkItem[] = [
  { allocationId: 1, productId: 10, sku: 'TEA-1', name: 'Tea', locationCode: 'B-01', lot: '', quantity: 2, picked: 0, status: 'open' },
  { allocationId: 2, productId: 20, sku: 'CUP-1', name: 'Cup', locationCode: 'A-02', lot: '', quantity: 1, picked: 0, status: 'open' },
];
const codes = new Map<number, Codes>([
  [10, { sku: 'TEA-1', barcodes: ['6901'] }],
  [20, { sku: 'CUP-1', barcodes: ['6902'] }],
]);

function run(scans: string[], walk: Walk = START) {
  const steps: string[] = [];
  for (const code of scans) {
    const r = scanInWalk(items, walk, codes, code);
    walk = r.walk;
    steps.push(r.step.kind);
  }
  return { walk, steps };
}

describe('the pick walk', () => {
  it('bin, then one scan per unit; the last unit completes the item and moves to the next bin', () => {
    const { walk, steps } = run(['b-01', '6901', 'TEA-1']);
    expect(steps).toEqual(['bin', 'counted', 'complete']);
    expect(walk.sent).toEqual([1]);
    expect(currentItem(items, walk)?.locationCode).toBe('A-02');
  });

  it('refuses a wrong bin and a wrong product, saying what is expected, and counts nothing', () => {
    const wrongBin = scanInWalk(items, START, codes, 'C-09');
    expect(wrongBin.step).toMatchObject({ kind: 'wrong-bin', item: { locationCode: 'B-01' } });
    expect(wrongBin.walk).toBe(START);
    const { walk } = run(['B-01']);
    const wrongProduct = scanInWalk(items, walk, codes, '6902');
    expect(wrongProduct.step).toMatchObject({ kind: 'wrong-product', item: { sku: 'TEA-1' } });
    expect(wrongProduct.walk.count).toBe(0);
  });

  it('asks for the bin first when the product is scanned before it', () => {
    expect(scanInWalk(items, START, codes, '6901').step.kind).toBe('bin-first');
  });

  it('lets the picker start at another open bin', () => {
    const { walk, steps } = run(['A-02', 'CUP-1']);
    expect(steps).toEqual(['bin', 'complete']);
    expect(currentItem(items, walk)?.allocationId).toBe(1);
  });

  it('a short item is set aside; a refusal brings it back; a settled pick is forgotten', () => {
    const short = shortItem(START, items[0]!);
    expect(currentItem(items, short)?.allocationId).toBe(2);
    expect(settle(short, items, 1).sent).toEqual([]);
    const picked = items.map((i) => (i.allocationId === 1 ? { ...i, status: 'picked' as const } : i));
    expect(settle(short, picked).sent).toEqual([]);
    expect(settle(short, items).sent).toEqual([1]);
  });

  it('says done when nothing is left', () => {
    const all = items.map((i) => ({ ...i, status: 'picked' as const }));
    expect(scanInWalk(all, START, codes, 'B-01').step.kind).toBe('done');
  });
});
