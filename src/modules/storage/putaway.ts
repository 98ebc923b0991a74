/**
 * Put-away recommendation, a pure function: which locations can take an item, best first.
 * A location qualifies when it is an active storage location, accepts the item's size class and
 * category (an empty list accepts all) and has a free place. Among those, a location set up for
 * exactly this size class or category beats a catch-all one, a location already holding the
 * customer's category keeps like with like, then the fuller one is filled first (fewer
 * half-empty locations), then walking order.
 */
import type { SizeClass } from './events.js';

export type PutAwayCandidate = {
  locationId: number;
  code: string;
  type: string;
  active: boolean;
  pickSequence: number;
  acceptedSizeClasses: string[];
  acceptedCategories: string[];
  /** Items it holds at most; null = unlimited. */
  capacity: number | null;
  /** Items stored there now. */
  occupancy: number;
  /** Categories of the items stored there now. */
  categories: string[];
};

export type Recommendation = { locationId: number; code: string; capacity: number | null; occupancy: number; free: number | null; score: number };

/** Why a location cannot take an item, or null when it can. */
export function refusal(c: PutAwayCandidate, item: { sizeClass: SizeClass; category: string }): string | null {
  if (!c.active) return `location ${c.code} is not active`;
  if (c.type !== 'storage') return `location ${c.code} is a ${c.type} location, not a storage location`;
  if (c.acceptedSizeClasses.length && !c.acceptedSizeClasses.includes(item.sizeClass)) {
    return `location ${c.code} accepts size classes ${c.acceptedSizeClasses.join(', ')}, not ${item.sizeClass}`;
  }
  if (c.acceptedCategories.length && !c.acceptedCategories.includes(item.category)) {
    return `location ${c.code} accepts categories ${c.acceptedCategories.join(', ')}, not ${item.category}`;
  }
  if (c.capacity !== null && c.occupancy >= c.capacity) return `location ${c.code} is full (${c.occupancy} of ${c.capacity} items)`;
  return null;
}

export function recommendLocations(candidates: PutAwayCandidate[], item: { sizeClass: SizeClass; category: string }, limit = 5): Recommendation[] {
  return candidates
    .filter((c) => refusal(c, item) === null)
    .map((c) => {
      const fill = c.capacity ? c.occupancy / c.capacity : 0;
      const score =
        (c.acceptedSizeClasses.length ? 40 : 0) +
        (c.acceptedCategories.length ? 30 : 0) +
        (c.categories.includes(item.category) ? 20 : 0) +
        Math.round(fill * 10);
      return { c, score };
    })
    .sort((a, b) => b.score - a.score || a.c.pickSequence - b.c.pickSequence || a.c.code.localeCompare(b.c.code))
    .slice(0, limit)
    .map(({ c, score }) => ({
      locationId: c.locationId,
      code: c.code,
      capacity: c.capacity,
      occupancy: c.occupancy,
      free: c.capacity === null ? null : c.capacity - c.occupancy,
      score,
    }));
}
