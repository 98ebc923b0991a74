/**
 * The pick walk as a pure function of the pick list and what was scanned: scan the bin the list
 * sends you to, then the product, once per unit; when the units are all counted the pick is sent
 * (the API takes a pick per bin and product, with its quantity). A wrong bin or product is
 * refused on the spot with what to scan instead.
 */
export type WalkItem = { allocationId: number; productId: number; sku: string; name: string; locationCode: string; lot: string; quantity: number; picked: number; status: 'open' | 'picked' };
export type Codes = { sku: string; barcodes: string[] };

export type Walk = {
  /** The bin scanned for the current item, or null before it is scanned. */
  bin: string | null;
  allocationId: number | null;
  count: number;
  /** Items whose pick is queued or on its way: not offered again while the answer is awaited. */
  sent: number[];
};

export const START: Walk = { bin: null, allocationId: null, count: 0, sent: [] };

export type Step =
  | { kind: 'done' }
  | { kind: 'bin'; item: WalkItem }
  | { kind: 'wrong-bin'; item: WalkItem; code: string }
  | { kind: 'bin-first'; item: WalkItem }
  | { kind: 'counted'; item: WalkItem; count: number }
  | { kind: 'complete'; item: WalkItem; count: number; code: string }
  | { kind: 'wrong-product'; item: WalkItem; code: string };

const same = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();

export function openItems(items: WalkItem[], walk: Walk): WalkItem[] {
  return items.filter((i) => i.status === 'open' && !walk.sent.includes(i.allocationId));
}

/** The item to pick now: the one whose bin was scanned, else the first open one in walking order. */
export function currentItem(items: WalkItem[], walk: Walk): WalkItem | undefined {
  const open = openItems(items, walk);
  return open.find((i) => i.allocationId === walk.allocationId) ?? open[0];
}

export function matchesProduct(codes: Codes | undefined, item: WalkItem, code: string): boolean {
  return same(item.sku, code) || !!codes?.barcodes.some((b) => same(b, code));
}

export function scanInWalk(items: WalkItem[], walk: Walk, codes: ReadonlyMap<number, Codes>, code: string): { walk: Walk; step: Step } {
  const item = currentItem(items, walk);
  if (!item) return { walk, step: { kind: 'done' } };
  const open = openItems(items, walk);
  const atBin = walk.count === 0 ? open.find((i) => same(i.locationCode, code)) : undefined;
  if (walk.bin === null || walk.allocationId !== item.allocationId) {
    if (atBin) return { walk: { ...walk, bin: atBin.locationCode, allocationId: atBin.allocationId, count: 0 }, step: { kind: 'bin', item: atBin } };
    const isProduct = matchesProduct(codes.get(item.productId), item, code);
    return { walk, step: isProduct ? { kind: 'bin-first', item } : { kind: 'wrong-bin', item, code } };
  }
  if (!matchesProduct(codes.get(item.productId), item, code)) {
    if (atBin && atBin.allocationId !== item.allocationId) {
      return { walk: { ...walk, bin: atBin.locationCode, allocationId: atBin.allocationId, count: 0 }, step: { kind: 'bin', item: atBin } };
    }
    return { walk, step: { kind: 'wrong-product', item, code } };
  }
  const count = walk.count + 1;
  if (count < item.quantity) return { walk: { ...walk, count }, step: { kind: 'counted', item, count } };
  return { walk: { ...START, sent: [...walk.sent, item.allocationId] }, step: { kind: 'complete', item, count, code } };
}

/** The current item is declared short: it is sent with what was found, and the walk moves on. */
export function shortItem(walk: Walk, item: WalkItem): Walk {
  return { ...START, sent: [...walk.sent, item.allocationId] };
}

/** An answer from the server: items it now reports picked need no waiting; a refused one comes back. */
export function settle(walk: Walk, items: WalkItem[], refusedAllocation?: number): Walk {
  const stillOpen = new Set(items.filter((i) => i.status === 'open').map((i) => i.allocationId));
  return { ...walk, sent: walk.sent.filter((id) => stillOpen.has(id) && id !== refusedAllocation) };
}
