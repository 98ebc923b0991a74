/**
 * The customer's self-service lookup: phone number and voucher code. Rate-limited per client and
 * per client and phone, with counters in the database (so the limit holds across processes); never
 * per phone alone, or a stranger's wrong guesses would lock the customer out. Silent about whether
 * a phone number exists: an unknown phone and a wrong voucher get the same 404, after the same
 * queries, and the same limit.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';
import type { Db, Queryable } from '../../platform/db/client.js';
import { DomainError } from '../../platform/http/errors.js';
import { getCustomerRef } from '../customers/index.js';
import type { CustodyAction } from './events.js';
import { custodyHistory } from './queries.js';
import { readDeposits } from './shared.js';
import { voucherHashes } from './vouchers.js';
import type { PortalDepositDto } from './portal.schema.js';
import { countGuess, TooManyRequests } from '../../platform/http/rate-limit.js';

export { TooManyRequests };

export type PortalDeposit = z.infer<typeof PortalDepositDto>;

export const PORTAL_LIMITS = { windowMs: 15 * 60_000, perIp: 30, perIpAndPhone: 5 };

const NO_MATCH = 'No deposit matches this phone number and voucher code. 没有与该手机号和取件码匹配的寄存。';

const ACTION_LABELS: Record<CustodyAction, { 'zh-CN': string; en: string }> = {
  checked_in: { 'zh-CN': '已寄存', en: 'Checked in' },
  put_away: { 'zh-CN': '已上架', en: 'Put away' },
  moved: { 'zh-CN': '已移库', en: 'Moved' },
  counted: { 'zh-CN': '已盘点', en: 'Counted' },
  corrected: { 'zh-CN': '已更正', en: 'Corrected' },
  checked_out: { 'zh-CN': '已取件', en: 'Checked out' },
};

const digits = (phone: string) => phone.replace(/\D/g, '');
const digest = (s: string) => createHash('sha256').update(s).digest();

/** Counts one attempt for the client and for the client on this phone; refuses when either is over its limit. */
export async function countAttempt(db: Db, ip: string, phone: string, now = new Date()): Promise<void> {
  await countGuess(
    db,
    { ip, clientKey: 'storage:ip', targetKey: `storage:phone:${digits(phone)}` },
    { windowMs: PORTAL_LIMITS.windowMs, perClient: PORTAL_LIMITS.perIp, perClientAndTarget: PORTAL_LIMITS.perIpAndPhone },
    now,
  );
}

export async function lookupDeposit(db: Db, input: { ip: string; phone: string; voucherCode: string }, now = new Date()): Promise<PortalDeposit> {
  await countAttempt(db, input.ip, input.phone, now);
  return findByVoucher(db, input.phone, input.voucherCode);
}

async function findByVoucher(q: Queryable, phone: string, voucherCode: string): Promise<PortalDeposit> {
  // Same work whatever is wrong: the voucher's hashes, one deposit query, one customer query, one constant-time compare.
  const { rows } = await q.query<{ id: number; customerId: number }>(`SELECT id, customer_id AS "customerId" FROM storage_deposits WHERE voucher_hash = ANY($1::text[])`, [
    await voucherHashes(q, voucherCode),
  ]);
  const customer = await getCustomerRef(q, rows[0]?.customerId ?? 0);
  const same = timingSafeEqual(digest(digits(customer?.phone ?? '')), digest(digits(phone)));
  if (!rows[0] || !customer?.phone || !same) throw new DomainError(404, 'not-found', 'Not found', NO_MATCH);

  const [d] = await readDeposits(q, 'id = $1', [rows[0].id]);
  const deposit = d!;
  const items = [];
  for (const item of deposit.items) {
    const history = await custodyHistory(q, item.id);
    items.push({
      code: item.code,
      description: item.description,
      category: item.category,
      sizeClass: item.sizeClass,
      status: item.status,
      checkedInAt: item.checkedInAt,
      checkedOutAt: item.checkedOutAt,
      expectedPickupAt: item.expectedPickupAt,
      fee: item.fee,
      history: history.map((h) => ({ at: h.at, action: h.action, label: ACTION_LABELS[h.action], receivedBy: h.handover?.receivedBy ?? null })),
    });
  }
  return {
    depositNumber: deposit.depositNumber,
    status: deposit.status,
    customerName: deposit.customer.name,
    warehouse: { code: deposit.warehouse.code, name: deposit.warehouse.name },
    checkedInAt: deposit.checkedInAt,
    expectedPickupAt: deposit.expectedPickupAt,
    feeDue: deposit.feeDue,
    items,
  };
}
