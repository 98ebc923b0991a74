import { describe, expect, it } from 'vitest';
import { addScan, submissionLines, undoScan, type CountedLine } from './counting';

describe('a blind count on the handheld', () => {
  it('adds scans up per location, product and lot; undo takes one back', () => {
    let lines: CountedLine[] = [];
    const tea = { locationCode: 'A-01', code: '6901', sku: 'TEA-1', lot: '' };
    lines = addScan(lines, tea);
    lines = addScan(lines, { ...tea, code: 'TEA-1' });
    lines = addScan(lines, { ...tea, lot: 'L1' });
    lines = addScan(lines, { ...tea, locationCode: 'A-02' }, 5);
    expect(lines.map((l) => [l.locationCode, l.sku, l.lot, l.quantity])).toEqual([
      ['A-01', 'TEA-1', '', 2],
      ['A-01', 'TEA-1', 'L1', 1],
      ['A-02', 'TEA-1', '', 5],
    ]);
    lines = undoScan(undoScan(lines, 1), 0);
    expect(lines.map((l) => l.quantity)).toEqual([1, 5]);
    expect(submissionLines(lines)).toEqual([
      { locationCode: 'A-01', code: 'TEA-1', quantity: 1 },
      { locationCode: 'A-02', code: 'TEA-1', quantity: 5 },
    ]);
  });
});
