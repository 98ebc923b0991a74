import { describe, expect, it } from 'vitest';
import { chooseWarehouse, decideOrders } from './import.js';

const line = (productId: number, quantity: number) => ({ productId, sku: `S${productId}`, quantity });

describe('placing imported orders', () => {
  it('confirms in file order, each order all or nothing; a backordered order takes nothing from later ones', () => {
    const available = new Map([
      ['1 10', 5],
      ['2 10', 1],
    ]);
    const decisions = decideOrders(
      [
        { warehouseId: 10, lines: [line(1, 3)] },
        { warehouseId: 10, lines: [line(1, 1), line(2, 2)] },
        { warehouseId: 10, lines: [line(1, 2), line(2, 1)] },
        { warehouseId: 10, lines: [line(1, 1)] },
      ],
      available,
    );
    expect(decisions).toEqual([
      { confirmed: true, missing: [] },
      { confirmed: false, missing: [{ sku: 'S2', needed: 2, available: 1 }] },
      { confirmed: true, missing: [] },
      { confirmed: false, missing: [{ sku: 'S1', needed: 1, available: 0 }] },
    ]);
    expect(available).toEqual(new Map([['1 10', 0], ['2 10', 0]]));
  });

  it('ships from the first active warehouse holding every line, else the first active one', () => {
    const available = new Map([
      ['1 10', 1],
      ['1 20', 5],
      ['2 20', 5],
    ]);
    expect(chooseWarehouse([line(1, 2), line(2, 1)], [10, 20], available)).toBe(20);
    expect(chooseWarehouse([line(1, 1)], [10, 20], available)).toBe(10);
    expect(chooseWarehouse([line(3, 1)], [10, 20], available)).toBe(10);
  });
});
