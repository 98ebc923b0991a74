import { describe, expect, it } from 'vitest';
import { maskSecret, Secret, withSecretsAs } from './secrets.js';

describe('masking secrets', () => {
  it('keeps the last 2 characters', () => {
    expect(maskSecret('AB12CD34EF')).toBe('••••EF');
  });
});

describe('a Secret among variables', () => {
  it('is its mask wherever it is not revealed: printed, interpolated, serialised', () => {
    const voucher = new Secret('AB12CD34EF');
    expect([String(voucher), `${voucher}`, JSON.stringify({ voucher })]).toEqual(['••••EF', '••••EF', '{"voucher":"••••EF"}']);
    expect(voucher.reveal()).toBe('AB12CD34EF');
  });

  it('is replaced at any depth of plain objects and arrays, and nothing else is touched', () => {
    const at = new Date(0);
    const data = { deposit: { voucherCode: new Secret('AB12CD34EF'), at }, list: [new Secret('ZZ98YY76XW')], n: 1 };
    expect(withSecretsAs(data, (s) => s.reveal())).toEqual({ deposit: { voucherCode: 'AB12CD34EF', at }, list: ['ZZ98YY76XW'], n: 1 });
    expect(withSecretsAs(data, String)).toEqual({ deposit: { voucherCode: '••••EF', at }, list: ['••••XW'], n: 1 });
  });
});
