/**
 * Deciding on a submitted count. Approval posts every difference as a stock adjustment (reason
 * `count`, the count's number as the ledger reference) in the same transaction, through
 * `adjustStock` and so its single-statement conditional updates; rejection sends the count back
 * for a blind recount or closes it. Whoever submitted a count does not decide on it.
 *
 * Which units a shortfall takes: first those pending inspection (a short pick already suspected
 * them missing), then quarantined, damaged or awaiting repair, then available units that no pick
 * list holds. Units allocated to pick lists are never adjusted away: such a count is refused,
 * naming the location, product and lot. Whatever is still pending inspection after the count was
 * found on the shelf and becomes available again.
 */
import type { Tx } from '../../platform/db/client.js';
import { Conflict, DomainError } from '../../platform/http/errors.js';
import {
  assertAnotherPerson,
  assertStatus,
  countLines,
  lockCount,
  recordCountEvent,
  setCountStatus,
  type CountLine,
  type CountSummary,
} from './counts.service.js';
import { INVENTORY_EVENTS as E, type StockStatus } from './events.js';
import { adjustStock, changeStockStatus } from './stock.service.js';

const TAKE_ORDER: StockStatus[] = ['pending_inspection', 'quarantine', 'damaged', 'pending_repair', 'available'];

type Row = { status: StockStatus; onHand: number; reserved: number; expiresOn: string | null };
type Posted = { locationCode: string; sku: string | null; lot: string; status: StockStatus; delta: number };
type Released = { locationCode: string; sku: string | null; lot: string; quantity: number };

const where = (l: CountLine) => `${l.sku ?? `product ${l.productId}`} at ${l.locationCode}${l.lot ? ` lot ${l.lot}` : ''}`;

/** The company's rows of one location, product and lot, locked so the split below stays true. */
async function rowsOf(tx: Tx, l: CountLine): Promise<Row[]> {
  const { rows } = await tx.query<Row>(
    `SELECT status, on_hand AS "onHand", reserved, expires_on AS "expiresOn" FROM stock_levels
      WHERE location_id = $1 AND product_id = $2 AND lot = $3 AND owner_id = 0 ORDER BY id FOR UPDATE`,
    [l.locationId, l.productId, l.lot],
  );
  return rows;
}

/** Splits a shortfall over the rows in TAKE_ORDER; refuses when it would reach allocated units. */
function planShortfall(count: CountSummary, l: CountLine, rows: Row[], missing: number): Array<{ status: StockStatus; take: number }> {
  let left = missing;
  const plan: Array<{ status: StockStatus; take: number }> = [];
  for (const status of TAKE_ORDER) {
    const row = rows.find((r) => r.status === status);
    const free = row ? (status === 'available' ? row.onHand - row.reserved : row.onHand) : 0;
    const take = Math.min(left, free);
    if (take > 0) plan.push({ status, take });
    left -= take;
  }
  if (left > 0) {
    const reserved = rows.reduce((n, r) => n + r.reserved, 0);
    throw new Conflict(
      `count ${count.number} cannot be approved: ${missing} of ${where(l)} are missing, but ${reserved} of the units there are allocated to pick lists ` +
        `(reserved); pick or release them first, or reject the count for a recount`,
      { currentState: 'reserved', locationCode: l.locationCode, sku: l.sku, lot: l.lot, missing, reserved },
    );
  }
  return plan;
}

/** A stock refusal (units promised to orders, say) said in the count's words. */
function inCountTerms(count: CountSummary, l: CountLine) {
  return (err: unknown): never => {
    if (err instanceof DomainError && err.status === 409) {
      throw new Conflict(`count ${count.number} cannot be approved at ${where(l)}: ${err.message}`, { ...err.extra, locationCode: l.locationCode, sku: l.sku, lot: l.lot });
    }
    throw err;
  };
}

/** Posts the count's differences and closes it as approved (by `actor`; `automatic` when nothing differed). */
export async function postCount(tx: Tx, actor: string, count: CountSummary, opts: { automatic: boolean; reason?: string | null }): Promise<void> {
  const posted: Posted[] = [];
  const released: Released[] = [];
  const adjust = { reason: 'count' as const, note: `count ${count.number}`, reference: count.number };
  for (const l of await countLines(tx, count.id)) {
    const rows = await rowsOf(tx, l);
    const difference = l.counted - l.expected;
    const key = { productId: l.productId, locationId: l.locationId, lot: l.lot, ownerId: 0 };
    const step = async (status: StockStatus, delta: number) => {
      const expiresOn = rows.map((r) => r.expiresOn).filter((d): d is string => d !== null).sort()[0] ?? null;
      await adjustStock(tx, actor, { ...key, ...adjust, status, delta, expiresOn }).catch(inCountTerms(count, l));
      posted.push({ locationCode: l.locationCode, sku: l.sku, lot: l.lot, status, delta });
    };
    let stillPending = rows.find((r) => r.status === 'pending_inspection')?.onHand ?? 0;
    if (difference > 0) await step('available', difference);
    if (difference < 0) {
      for (const { status, take } of planShortfall(count, l, rows, -difference)) {
        await step(status, -take);
        if (status === 'pending_inspection') stillPending -= take;
      }
    }
    if (stillPending > 0) {
      await changeStockStatus(tx, actor, { ...key, status: 'pending_inspection', toStatus: 'available', quantity: stillPending, reason: `found by count ${count.number}` }).catch(
        inCountTerms(count, l),
      );
      released.push({ locationCode: l.locationCode, sku: l.sku, lot: l.lot, quantity: stillPending });
    }
  }
  await setCountStatus(tx, count, 'approved', { decided_by: actor, decided_at: new Date().toISOString(), decision_reason: opts.reason ?? null });
  await recordCountEvent(tx, actor, count, E.countApproved, {
    automatic: opts.automatic,
    submittedBy: count.submittedBy,
    adjustments: posted,
    released,
    difference: posted.reduce((n, p) => n + p.delta, 0),
  });
}

/** Submitted → approved, by someone other than the submitter. */
export async function approveCount(tx: Tx, actor: string, id: number, reason?: string | null): Promise<void> {
  const count = await lockCount(tx, id);
  assertStatus(count, 'submitted', 'approve');
  await assertAnotherPerson(tx, count, actor, 'approve');
  await postCount(tx, actor, count, { automatic: false, reason });
}

/**
 * Submitted → open again for a blind recount (what was submitted is discarded), or → rejected
 * (closed, nothing posted), by someone other than the submitter.
 */
export async function rejectCount(tx: Tx, actor: string, id: number, input: { reason: string; recount: boolean }): Promise<void> {
  const count = await lockCount(tx, id);
  assertStatus(count, 'submitted', 'reject');
  await assertAnotherPerson(tx, count, actor, 'reject');
  const decided = { decided_by: actor, decided_at: new Date().toISOString(), decision_reason: input.reason };
  if (input.recount) {
    await tx.query('DELETE FROM stock_count_lines WHERE count_id = $1', [count.id]);
    await setCountStatus(tx, count, 'open', { ...decided, submitted_by: null, submitted_at: null });
  } else {
    await setCountStatus(tx, count, 'rejected', decided);
  }
  await recordCountEvent(tx, actor, count, E.countRejected, { reason: input.reason, recount: input.recount, submittedBy: count.submittedBy });
}
