import { describe, expect, it } from 'vitest';
import { maskSecret, maskSecrets } from './secrets.js';

describe('masking secrets', () => {
  it('keeps the last 2 characters', () => {
    expect(maskSecret('AB12CD34EF')).toBe('••••EF');
  });

  it('masks every occurrence, in any letter case, and leaves the rest', () => {
    expect(maskSecrets('code AB12CD34EF, again ab12cd34ef.', ['AB12CD34EF'])).toBe('code ••••EF, again ••••EF.');
    expect(maskSecrets(null, ['AB12CD34EF'])).toBeNull();
    expect(maskSecrets('a.b*c(d)e+f', ['.b*c(d)e+'])).toBe('a••••e+f');
  });
});
