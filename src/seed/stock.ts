/**
 * The demo's stock, received through the API: pick faces first (so they are picked first), one
 * storage bin per product, a short-dated second lot of perishables further down the walk (FEFO
 * sends pickers there first), a put-away from the dock, goods still waiting at a dock, a receipt
 * held in quarantine, safety stock with a couple of SKUs below it, and one SKU never stocked.
 */
import type { SeedApi } from './api.js';
import { PERISHABLE, type DemoProduct } from './products.js';
import type { DemoWarehouse } from './warehouses.js';

export type DemoStock = {
  /** SKUs an order may take from each warehouse (by warehouse code) without running short. */
  orderable: Record<string, string[]>;
  /** Never received anywhere: orders for it are backordered. */
  outOfStock: string;
  /** Received into quarantine only: on hand, not available to promise. */
  quarantined: string;
  /** Below their safety stock (stock.low). */
  low: Array<{ sku: string; warehouseCode: string }>;
};

type Plan = {
  /** SKU numbers (1-based) kept in this warehouse's storage bins, one bin each. */
  stocked: number[];
  pickFaces: number;
  low: number[];
  safety: number[];
  base: number;
  spread: number;
};

const PLANS: Record<string, Plan> = {
  SH1: { stocked: range(1, 40), pickFaces: 8, low: [9, 10], safety: [2, 3, 5, 11, 13], base: 60, spread: 90 },
  GZ1: { stocked: range(21, 46), pickFaces: 4, low: [24], safety: [21, 22, 27], base: 40, spread: 60 },
};
const PUT_AWAY = 47; // received at SH1's dock, then put away into a bin
const AT_DOCK = 48; // received at GZ1's dock, not yet put away
const QUARANTINED = 49;
const OUT_OF_STOCK = 50;

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

const day = 24 * 3600 * 1000;
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

export async function seedStock(api: SeedApi, warehouses: DemoWarehouse[], products: DemoProduct[], today: Date): Promise<DemoStock> {
  const product = (n: number) => products[n - 1]!;
  const orderable: Record<string, string[]> = {};
  const low: DemoStock['low'] = [];
  const soon = new Date(today.getTime() + 75 * day);
  const later = new Date(today.getTime() + 420 * day);
  const lotOf = (d: Date, n: number) => `L${isoDate(d).slice(2, 7).replace('-', '')}-${String(n).padStart(2, '0')}`;

  for (const w of warehouses) {
    const plan = PLANS[w.code];
    if (!plan) continue;
    let po = 0;
    const receive = (n: number, locationCode: string, quantity: number, extra: { lot?: string; expiresOn?: string } = {}) =>
      api.post('/api/v1/stock/receipts', {
        sku: product(n).sku,
        warehouseId: w.id,
        locationCode,
        quantity,
        ...extra,
        reference: `PO-${w.code}-${String(1 + Math.floor(po++ / 12)).padStart(4, '0')}`,
      });

    // Pick faces are filled first, so FIFO sends pickers to them before the deep storage.
    const faced = plan.stocked.filter((n) => !PERISHABLE.has(product(n).olistCategory) && !plan.low.includes(n)).slice(0, plan.pickFaces);
    for (const [i, n] of faced.entries()) await receive(n, w.pickFaces[i]!, 24);

    const spare = w.bins.slice(plan.stocked.length);
    for (const [i, n] of plan.stocked.entries()) {
      const quantity = plan.low.includes(n) ? 8 : plan.base + ((n * 37) % plan.spread);
      if (PERISHABLE.has(product(n).olistCategory)) {
        await receive(n, w.bins[i]!, quantity, { lot: lotOf(later, n), expiresOn: isoDate(later) });
        // A short-dated lot further down the walk: FEFO picks it first all the same.
        await receive(n, spare.shift()!, 12, { lot: lotOf(soon, n), expiresOn: isoDate(soon) });
      } else {
        await receive(n, w.bins[i]!, quantity);
      }
    }

    for (const n of plan.safety) await api.put('/api/v1/stock/safety-stock', { sku: product(n).sku, warehouseId: w.id, quantity: 20 });
    for (const n of plan.low) {
      await api.put('/api/v1/stock/safety-stock', { sku: product(n).sku, warehouseId: w.id, quantity: 25 });
      low.push({ sku: product(n).sku, warehouseCode: w.code });
    }
    orderable[w.code] = plan.stocked.filter((n) => !plan.low.includes(n)).map((n) => product(n).sku);

    if (w.code === 'SH1') {
      await receive(PUT_AWAY, w.docks[0]!, 30);
      await api.post('/api/v1/stock/moves', {
        sku: product(PUT_AWAY).sku,
        warehouseId: w.id,
        fromLocationCode: w.docks[0],
        toLocationCode: spare.shift(),
        quantity: 30,
        reference: 'PUTAWAY-SH1-0001',
      });
      orderable[w.code]!.push(product(PUT_AWAY).sku);
      // Dented cartons: held in quarantine until QC has looked at them.
      await receive(QUARANTINED, w.quarantine, 12);
    } else {
      await receive(AT_DOCK, w.docks[1]!, 18);
    }
  }
  return { orderable, outOfStock: product(OUT_OF_STOCK).sku, quarantined: product(QUARANTINED).sku, low };
}
