import { describe, expect, it } from 'vitest';
import { recommendLocations, refusal, type PutAwayCandidate } from './putaway.js';

const loc = (code: string, extra: Partial<PutAwayCandidate> = {}): PutAwayCandidate => ({
  locationId: code.length,
  code,
  type: 'storage',
  active: true,
  pickSequence: 0,
  acceptedSizeClasses: [],
  acceptedCategories: [],
  capacity: null,
  occupancy: 0,
  categories: [],
  ...extra,
});
const bag = { sizeClass: 'M' as const, category: 'luggage' };

describe('put-away recommendation', () => {
  it('offers only active storage locations that accept the item and have room', () => {
    expect(refusal(loc('P', { type: 'picking' }), bag)).toContain('not a storage location');
    expect(refusal(loc('X', { active: false }), bag)).toContain('not active');
    expect(refusal(loc('S', { acceptedSizeClasses: ['S'] }), bag)).toContain('size classes S');
    expect(refusal(loc('D', { acceptedCategories: ['documents'] }), bag)).toContain('categories documents');
    expect(refusal(loc('F', { capacity: 2, occupancy: 2 }), bag)).toContain('full');
    expect(refusal(loc('OK', { capacity: 2, occupancy: 1 }), bag)).toBeNull();
  });

  it('prefers dedicated locations, then like with like, then the fuller one, then walking order', () => {
    const ranked = recommendLocations(
      [
        loc('ANY-B', { pickSequence: 2 }),
        loc('ANY-A', { pickSequence: 1 }),
        loc('HALF', { capacity: 10, occupancy: 5 }),
        loc('SAME', { categories: ['luggage'], occupancy: 1 }),
        loc('MEDIUM', { acceptedSizeClasses: ['M', 'L'] }),
        loc('LUGGAGE', { acceptedCategories: ['luggage'] }),
        loc('FULL', { acceptedSizeClasses: ['M'], capacity: 1, occupancy: 1 }),
      ],
      bag,
      10,
    );
    expect(ranked.map((r) => r.code)).toEqual(['MEDIUM', 'LUGGAGE', 'SAME', 'HALF', 'ANY-A', 'ANY-B']);
    expect(ranked.find((r) => r.code === 'HALF')).toMatchObject({ capacity: 10, occupancy: 5, free: 5 });
  });
});
