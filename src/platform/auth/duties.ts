/**
 * Separation of duties: in a chain of steps (a return's two approvals, an item's inspection
 * levels, a refund's approval and payment, a count's submission and approval) one person does not
 * act twice. "Person", not credential: a session and a key the same user made are the same pair of
 * hands (`personOfActor`). Each step can be relaxed per company (a one-person shop cannot have
 * four eyes); every step is enforced until someone with `users.manage` says otherwise.
 */
import type { Queryable, Tx } from '../db/client.js';
import { appendEvent } from '../events/log.js';
import { DomainError } from '../http/errors.js';
import { personOfActor, type Principal } from './auth.service.js';

export const DUTY_STEPS = {
  'returns.approval': {
    en: 'The second approval of a return comes from another person than the first',
    zh: '退货的第二级审批须由另一人完成',
  },
  'returns.inspection': {
    en: 'Each inspection level of a returned item is done by another person than the earlier levels',
    zh: '退货商品的每一级质检须由不同的人完成',
  },
  'returns.refund_payment': {
    en: 'A refund is approved by another person than the inspector who set it, and paid by another person than its approver',
    zh: '退款须由质检以外的人批准，并由批准人以外的人确认付款',
  },
  'storage.voucher_replacement': {
    en: 'Items of a deposit whose voucher was replaced are handed over by another person than the one who replaced it',
    zh: '补办取件凭证后，须由补办人以外的人交付寄存物品',
  },
  'inventory.count_approval': {
    en: 'A stock count is approved or rejected by another person than the one who submitted it',
    zh: '盘点须由提交人以外的人批准或驳回',
  },
} as const;

export type DutyStep = keyof typeof DUTY_STEPS;
export const DUTY_STEP_NAMES = Object.keys(DUTY_STEPS) as DutyStep[];

/** The same person acting twice in a chain whose step says they may not. */
export class SameHands extends DomainError {
  constructor(step: DutyStep, detail: string, extra: Record<string, unknown>) {
    super(409, 'separation-of-duties', 'Another person must do this', detail, { step, ...extra });
  }
}

export async function dutyEnforced(q: Queryable, step: DutyStep): Promise<boolean> {
  const { rows } = await q.query<{ enforced: boolean }>('SELECT enforced FROM duty_rules WHERE step = $1', [step]);
  return rows[0]?.enforced ?? true;
}

/**
 * Refuses `actor` when the person behind it already acted in this chain (`earlier`: the actors
 * recorded for the earlier steps; `system` and empty entries never count). `describe` says, for
 * the refusal, what the earlier act was.
 */
export async function assertSeparateDuty(
  q: Queryable,
  step: DutyStep,
  actor: string,
  earlier: Array<{ actor: string | null | undefined; act: string }>,
  extra: Record<string, unknown> = {},
): Promise<void> {
  const relevant = earlier.filter((e): e is { actor: string; act: string } => !!e.actor && e.actor !== 'system');
  if (!relevant.length || !(await dutyEnforced(q, step))) return;
  const person = await personOfActor(q, actor);
  for (const e of relevant) {
    if ((await personOfActor(q, e.actor)) === person) {
      throw new SameHands(step, `${e.act} was done by ${person}; another person must do this (${DUTY_STEPS[step].en.toLowerCase()})`, { earlierActor: e.actor, ...extra });
    }
  }
}

export type DutyRule = { step: DutyStep; enforced: boolean; en: string; zh: string; updatedBy: string | null; updatedAt: string | null };

export async function listDutyRules(q: Queryable): Promise<DutyRule[]> {
  const { rows } = await q.query<{ step: string; enforced: boolean; updatedBy: string | null; updatedAt: string }>(
    'SELECT step, enforced, updated_by AS "updatedBy", updated_at AS "updatedAt" FROM duty_rules',
  );
  return DUTY_STEP_NAMES.map((step) => {
    const row = rows.find((r) => r.step === step);
    return { step, enforced: row?.enforced ?? true, ...DUTY_STEPS[step], updatedBy: row?.updatedBy ?? null, updatedAt: row?.updatedAt ?? null };
  });
}

export async function setDutyRule(tx: Tx, actor: Principal, step: DutyStep, enforced: boolean): Promise<DutyRule> {
  const before = await dutyEnforced(tx, step);
  await tx.query(
    `INSERT INTO duty_rules (step, enforced, updated_by, updated_at) VALUES ($1, $2, $3, now())
     ON CONFLICT (step) DO UPDATE SET enforced = $2, updated_by = $3, updated_at = now()`,
    [step, enforced, actor.actor],
  );
  if (before !== enforced) await appendEvent(tx, actor.actor, { type: 'duty_rule.changed', entityType: 'duty_rule', entityId: step, payload: { enforced, before } });
  return (await listDutyRules(tx)).find((r) => r.step === step)!;
}
