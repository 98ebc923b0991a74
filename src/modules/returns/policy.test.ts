import { describe, expect, it } from 'vitest';
import { approvalsRequired, eligibility, levelsFor, policyFor, returnInstructions } from './policy.js';

const policies = [
  { category: '*', returnable: true, returnWindowDays: 7, repairWindowDays: 365 },
  { category: 'food', returnable: false, returnWindowDays: 0, repairWindowDays: 0 },
];
const shipped = '2026-01-01T00:00:00Z';
const day = (n: number) => new Date(Date.parse(shipped) + n * 86_400_000);

describe('return policy', () => {
  it('falls back to the default policy for an unknown or missing category', () => {
    expect(policyFor(policies, 'shoes').category).toBe('*');
    expect(policyFor(policies, null).category).toBe('*');
    expect(policyFor(policies, 'food').returnable).toBe(false);
  });

  it('refuses non-returnable categories and late requests from customers, with both languages', () => {
    const food = eligibility('return', policyFor(policies, 'food'), shipped, day(1), 'SKU1', true);
    expect(food).toMatchObject({ ok: false, reason: { en: expect.stringContaining('cannot be returned'), zh: expect.stringContaining('不支持') } });
    expect(eligibility('return', policies[0]!, shipped, day(7), 'SKU1', false)).toMatchObject({ ok: true, withinWindow: true });
    expect(eligibility('return', policies[0]!, shipped, day(8), 'SKU1', false)).toMatchObject({ ok: false, reason: { en: expect.stringContaining('2026-01-08') } });
    expect(eligibility('return', policies[0]!, shipped, day(8), 'SKU1', true)).toMatchObject({ ok: true, withinWindow: false });
    expect(eligibility('repair', policies[0]!, shipped, day(100), 'SKU1', false)).toMatchObject({ ok: true, withinWindow: true });
  });

  it('needs no approval under the threshold within the window, one above, two above the second threshold', () => {
    const s = { autoApproveMaxValue: 200, secondApprovalMinValue: 2000 };
    expect(approvalsRequired(200, true, s)).toBe(0);
    expect(approvalsRequired(200, false, s)).toBe(1);
    expect(approvalsRequired(200.01, true, s)).toBe(1);
    expect(approvalsRequired(2000, true, s)).toBe(1);
    expect(approvalsRequired(2000.01, true, s)).toBe(2);
  });

  it('sends expensive lines through the higher inspection levels only', () => {
    const levels = [{ name: 'initial', minUnitValue: 0 }, { name: 'recheck', minUnitValue: 500 }, { name: 'final', minUnitValue: 1000 }];
    expect(levelsFor(levels, 10)).toEqual([{ level: 1, name: 'initial' }]);
    expect(levelsFor(levels, 1000).map((l) => l.name)).toEqual(['initial', 'recheck', 'final']);
  });

  it('tells the customer where to send the parcel and what to write on it', () => {
    const i = returnInstructions('RMA-000001', { warehouseName: 'Shanghai DC', address: '上海市浦东新区 1 号' }, 'return');
    expect(i.en).toContain('RMA-000001');
    expect(i.zh).toContain('RMA-000001');
    expect(i.address).toBe('Shanghai DC, 上海市浦东新区 1 号');
  });
});
