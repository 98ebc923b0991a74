/**
 * Overdue alerts: an item still in storage past its expected pick-up date, or longer than the
 * maximum storage period, raises `storage_item.overdue` once per item and reason. The claim is an
 * INSERT … ON CONFLICT DO NOTHING on (item, reason) in the same transaction as the event, so a
 * second run, or a second process at the same moment, raises nothing twice.
 */
import type { Db } from '../../platform/db/client.js';
import { STORAGE_EVENTS as E, type ItemOverduePayload, type OverdueReason } from './events.js';
import { recordEvent, warehouseRef } from './shared.js';

const ACTOR = 'system:storage-alerts';

type Due = { itemId: number; reason: OverdueReason };
type ItemFacts = { code: string; description: string; category: string; sizeClass: ItemOverduePayload['sizeClass']; customerId: number; warehouseId: number; depositNumber: string; expectedPickupAt: string | null; checkedInAt: string };

/** Raises the alerts due at `now`; returns how many it raised. */
export async function raiseStorageAlerts(db: Db, now: Date = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const { rows: claimed } = await tx.query<Due>(
      `INSERT INTO storage_alerts (item_id, reason, raised_at)
       SELECT i.id, r.reason, $1::timestamptz FROM storage_items i
       CROSS JOIN LATERAL (
         SELECT 'pickup_date_passed'::text AS reason WHERE i.expected_pickup_at < $1::timestamptz
         UNION ALL
         SELECT 'max_period_exceeded' FROM storage_settings s
           WHERE s.max_storage_days IS NOT NULL AND i.checked_in_at + make_interval(days => s.max_storage_days) < $1::timestamptz
       ) r
       WHERE i.status <> 'checked_out'
       ORDER BY i.id, r.reason
       ON CONFLICT DO NOTHING
       RETURNING item_id AS "itemId", reason`,
      [now.toISOString()],
    );
    const warehouses = new Map<number, Awaited<ReturnType<typeof warehouseRef>>>();
    for (const due of claimed) {
      const { rows } = await tx.query<ItemFacts>(
        `SELECT i.code, i.description, i.category, i.size_class AS "sizeClass", i.customer_id AS "customerId", i.warehouse_id AS "warehouseId",
           d.deposit_number AS "depositNumber", i.expected_pickup_at AS "expectedPickupAt", i.checked_in_at AS "checkedInAt"
         FROM storage_items i JOIN storage_deposits d ON d.id = i.deposit_id WHERE i.id = $1`,
        [due.itemId],
      );
      const f = rows[0]!;
      if (!warehouses.has(f.warehouseId)) warehouses.set(f.warehouseId, await warehouseRef(tx, f.warehouseId));
      const payload: ItemOverduePayload = {
        code: f.code,
        description: f.description,
        category: f.category,
        sizeClass: f.sizeClass,
        depositNumber: f.depositNumber,
        reason: due.reason,
        expectedPickupAt: f.expectedPickupAt,
        checkedInAt: f.checkedInAt,
        warehouse: warehouses.get(f.warehouseId)!,
      };
      await recordEvent(tx, ACTOR, E.itemOverdue, { type: 'storage_item', id: f.code, customerId: f.customerId, warehouseId: f.warehouseId }, payload);
    }
    return claimed.length;
  });
}

export type StorageAlerts = { stop(): Promise<void> };

/** Runs `raiseStorageAlerts` now and every `intervalMs`; `stop` waits for a run in progress. */
export function startStorageAlerts(db: Db, opts: { intervalMs: number; onError?: (err: unknown) => void }): StorageAlerts {
  let stopped = false;
  let running: Promise<unknown> | undefined;
  const tick = () => {
    if (stopped || running) return; // a slow run is not overlapped by the next tick
    running = raiseStorageAlerts(db)
      .catch((err) => opts.onError?.(err))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, opts.intervalMs);
  timer.unref();
  tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
