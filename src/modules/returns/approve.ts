/**
 * Deciding on a request: approve (one approval, or a first and a second by a different user above
 * the second threshold), reject with a reason, or cancel before the goods arrive. An approved
 * request gets its RMA number and the customer's bilingual return instructions.
 */
import type { Tx } from '../../platform/db/client.js';
import { assertSeparateDuty } from '../../platform/auth/duties.js';
import { Conflict } from '../../platform/http/errors.js';
import { getWarehouse } from '../inventory/index.js';
import { RETURN_EVENTS as E } from './events.js';
import { returnInstructions } from './policy.js';
import { expectStatus, linesPayload, lockReturn, recordReturnEvent, returnLines, setReturnStatus, type ReturnRow } from './returns.service.js';

/** Approved: RMA number, instructions (none for a compensation: nothing is sent back), event. */
export async function grantApproval(tx: Tx, actor: string, r: ReturnRow, automatic: boolean): Promise<void> {
  const { rows } = await tx.query<{ rma: string }>(`SELECT 'RMA-' || lpad(nextval('rma_number_seq')::text, 6, '0') AS rma`);
  const rma = rows[0]!.rma;
  const warehouse = await getWarehouse(tx, r.warehouseId);
  const instructions = r.type === 'compensation' ? null : returnInstructions(rma, { warehouseName: warehouse.name, address: warehouse.address }, r.type);
  const approvedBy = automatic ? 'system' : actor;
  await setReturnStatus(tx, r, 'approved', {
    rma_number: rma,
    approved_by: approvedBy,
    approved_at: new Date().toISOString(),
    instructions: instructions ? JSON.stringify(instructions) : null,
  });
  r.rmaNumber = rma;
  r.approvedBy = approvedBy;
  r.instructions = instructions;
  await recordReturnEvent(tx, approvedBy, r, E.approved, {
    automatic,
    instructions,
    value: r.value,
    currency: r.currency,
    lines: linesPayload(await returnLines(tx, r.id)),
  });
}

/** Returns the request afterwards; `approved` is false when it now waits for its second approval. */
export async function approveReturn(tx: Tx, actor: string, id: number): Promise<{ request: ReturnRow; approved: boolean }> {
  const r = await lockReturn(tx, id);
  expectStatus(r, ['requested', 'awaiting_second_approval'], 'approval');
  if (r.status === 'requested' && r.approvalsRequired === 2) {
    await setReturnStatus(tx, r, 'awaiting_second_approval', { first_approved_by: actor, first_approved_at: new Date().toISOString() });
    r.firstApprovedBy = actor;
    await recordReturnEvent(tx, actor, r, E.firstApproved, { value: r.value, currency: r.currency });
    return { request: r, approved: false };
  }
  if (r.status === 'awaiting_second_approval') {
    // Whatever credential each used: a key the first approver made is still the first approver.
    await assertSeparateDuty(tx, 'returns.approval', actor, [{ actor: r.firstApprovedBy, act: `the first approval of return ${r.id}` }], {
      currentState: r.status,
      firstApprovedBy: r.firstApprovedBy,
    });
  }
  await grantApproval(tx, actor, r, false);
  return { request: r, approved: true };
}

export async function rejectReturn(tx: Tx, actor: string, id: number, reason: string): Promise<ReturnRow> {
  const r = await lockReturn(tx, id);
  expectStatus(r, ['requested', 'awaiting_second_approval'], 'rejection');
  await setReturnStatus(tx, r, 'rejected', { rejected_by: actor, rejected_at: new Date().toISOString(), reject_reason: reason });
  await recordReturnEvent(tx, actor, r, E.rejected, { reason, lines: linesPayload(await returnLines(tx, r.id)) });
  return r;
}

/** Withdrawn before anything arrived; its quantities may be asked for again. */
export async function cancelReturn(tx: Tx, actor: string, id: number, reason: string): Promise<ReturnRow> {
  const r = await lockReturn(tx, id);
  expectStatus(r, ['requested', 'awaiting_second_approval', 'approved'], 'cancellation');
  if (r.replacementOrderId !== null) {
    throw new Conflict(`return ${r.rmaNumber} already has its replacement order ${r.replacementOrderId}; receive the goods instead`, { currentState: 'replacement_ordered' });
  }
  await setReturnStatus(tx, r, 'cancelled');
  await recordReturnEvent(tx, actor, r, E.cancelled, { reason });
  return r;
}
