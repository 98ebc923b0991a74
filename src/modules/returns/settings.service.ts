/**
 * What after-sales decisions are made by, configured by managers: reason codes (bilingual),
 * return policies and inspection checklists per category, and the thresholds and mappings in
 * `return_settings`. Every change writes its event.
 */
import type { Queryable, Tx } from '../../platform/db/client.js';
import { appendEvent } from '../../platform/events/log.js';
import { Conflict, Invalid, NotFound } from '../../platform/http/errors.js';
import { RETURN_EVENTS as E } from './events.js';
import { listProducts } from '../catalog/index.js';
import type { ReturnPolicy, ReturnSettings } from './policy.js';

export type ReturnReason = { code: string; labelEn: string; labelZh: string; active: boolean; sortOrder: number };
export type Checklist = { category: string; items: string[] };

const REASON = `code, label_en AS "labelEn", label_zh AS "labelZh", active, sort_order AS "sortOrder"`;

export async function listReasons(q: Queryable, onlyActive = false): Promise<ReturnReason[]> {
  return (await q.query<ReturnReason>(`SELECT ${REASON} FROM return_reasons ${onlyActive ? 'WHERE active' : ''} ORDER BY sort_order, code`)).rows;
}

export async function getReason(q: Queryable, code: string): Promise<ReturnReason | undefined> {
  return (await q.query<ReturnReason>(`SELECT ${REASON} FROM return_reasons WHERE code = $1`, [code])).rows[0];
}

export async function createReason(tx: Tx, actor: string, r: ReturnReason): Promise<ReturnReason> {
  const { rows } = await tx.query<ReturnReason>(
    `INSERT INTO return_reasons (code, label_en, label_zh, active, sort_order) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (code) DO NOTHING RETURNING ${REASON}`,
    [r.code, r.labelEn, r.labelZh, r.active, r.sortOrder],
  );
  if (!rows[0]) throw new Conflict(`reason code ${r.code} already exists`, { field: 'code', currentState: 'exists' });
  await appendEvent(tx, actor, { type: E.reasonSaved, entityType: 'return_reason', entityId: r.code, payload: { ...rows[0] } });
  return rows[0];
}

export async function updateReason(tx: Tx, actor: string, code: string, patch: Partial<Omit<ReturnReason, 'code'>>): Promise<ReturnReason> {
  const { rows } = await tx.query<ReturnReason>(
    `UPDATE return_reasons SET label_en = coalesce($2, label_en), label_zh = coalesce($3, label_zh), active = coalesce($4, active),
            sort_order = coalesce($5, sort_order), updated_at = now()
      WHERE code = $1 RETURNING ${REASON}`,
    [code, patch.labelEn ?? null, patch.labelZh ?? null, patch.active ?? null, patch.sortOrder ?? null],
  );
  if (!rows[0]) throw new NotFound('return reason', code);
  await appendEvent(tx, actor, { type: E.reasonSaved, entityType: 'return_reason', entityId: code, payload: { ...rows[0] } });
  return rows[0];
}

/** A code no request uses is deleted; one in use is kept for history and can only be deactivated. */
export async function deleteReason(tx: Tx, actor: string, code: string): Promise<void> {
  if (!(await getReason(tx, code))) throw new NotFound('return reason', code);
  const used = await tx.query('SELECT 1 FROM return_requests WHERE reason_code = $1 LIMIT 1', [code]);
  if (used.rowCount) throw new Conflict(`reason code ${code} is used by return requests; deactivate it instead`, { currentState: 'in_use' });
  await tx.query('DELETE FROM return_reasons WHERE code = $1', [code]);
  await appendEvent(tx, actor, { type: E.reasonSaved, entityType: 'return_reason', entityId: code, payload: { code, deleted: true } });
}

const POLICY = `category, returnable, return_window_days AS "returnWindowDays", repair_window_days AS "repairWindowDays"`;

export async function listPolicies(q: Queryable): Promise<ReturnPolicy[]> {
  return (await q.query<ReturnPolicy>(`SELECT ${POLICY} FROM return_policies ORDER BY category = '*' DESC, category`)).rows;
}

/** A category is '*' or one some product has: a policy or checklist for a misspelt category would never apply. */
async function assertCategory(q: Queryable, category: string): Promise<void> {
  if (category === '*') return;
  const { items } = await listProducts(q, { category }, { limit: 1 });
  if (items.length === 0) throw new Invalid('category', `no product has the category ${category}; give a category from the catalog, or * for the default`);
}

export async function savePolicy(tx: Tx, actor: string, p: ReturnPolicy): Promise<ReturnPolicy> {
  await assertCategory(tx, p.category);
  const { rows } = await tx.query<ReturnPolicy>(
    `INSERT INTO return_policies (category, returnable, return_window_days, repair_window_days) VALUES ($1, $2, $3, $4)
     ON CONFLICT (category) DO UPDATE SET returnable = EXCLUDED.returnable, return_window_days = EXCLUDED.return_window_days,
       repair_window_days = EXCLUDED.repair_window_days, updated_at = now()
     RETURNING ${POLICY}`,
    [p.category, p.returnable, p.returnWindowDays, p.repairWindowDays],
  );
  await appendEvent(tx, actor, { type: E.policySaved, entityType: 'return_policy', entityId: p.category, payload: { ...rows[0]! } });
  return rows[0]!;
}

export async function deletePolicy(tx: Tx, actor: string, category: string): Promise<void> {
  if (category === '*') throw new Conflict('the default policy * cannot be deleted; change it instead', { currentState: 'default' });
  const { rowCount } = await tx.query('DELETE FROM return_policies WHERE category = $1', [category]);
  if (!rowCount) throw new NotFound('return policy', category);
  await appendEvent(tx, actor, { type: E.policySaved, entityType: 'return_policy', entityId: category, payload: { category, deleted: true } });
}

export async function listChecklists(q: Queryable): Promise<Checklist[]> {
  return (await q.query<Checklist>(`SELECT category, items FROM return_checklists ORDER BY category = '*' DESC, category`)).rows;
}

/** The checklist of a category, else the default '*'. */
export async function checklistFor(q: Queryable, category: string | null): Promise<string[]> {
  const { rows } = await q.query<Checklist>(
    `SELECT category, items FROM return_checklists WHERE category = $1 OR category = '*' ORDER BY category = '*' LIMIT 1`,
    [category ?? '*'],
  );
  return rows[0]?.items ?? [];
}

export async function saveChecklist(tx: Tx, actor: string, c: Checklist): Promise<Checklist> {
  await assertCategory(tx, c.category);
  const { rows } = await tx.query<Checklist>(
    `INSERT INTO return_checklists (category, items) VALUES ($1, $2)
     ON CONFLICT (category) DO UPDATE SET items = EXCLUDED.items, updated_at = now() RETURNING category, items`,
    [c.category, c.items],
  );
  await appendEvent(tx, actor, { type: E.checklistSaved, entityType: 'return_checklist', entityId: c.category, payload: { ...rows[0]! } });
  return rows[0]!;
}

const SETTINGS = `auto_approve_max_value AS "autoApproveMaxValue", second_approval_min_value AS "secondApprovalMinValue",
  promise_days AS "promiseDays", inspection_levels AS "inspectionLevels", grade_dispositions AS "gradeDispositions"`;

export async function getSettings(q: Queryable): Promise<ReturnSettings> {
  return (await q.query<ReturnSettings>(`SELECT ${SETTINGS} FROM return_settings WHERE id = 1`)).rows[0]!;
}

export type SettingsPatch = Partial<Omit<ReturnSettings, 'gradeDispositions'>> & { gradeDispositions?: Partial<ReturnSettings['gradeDispositions']> };

export async function updateSettings(tx: Tx, actor: string, patch: SettingsPatch): Promise<ReturnSettings> {
  const current = (await tx.query<ReturnSettings>(`SELECT ${SETTINGS} FROM return_settings WHERE id = 1 FOR UPDATE`)).rows[0]!;
  if (Object.values(patch).every((v) => v === undefined)) return current;
  const next: ReturnSettings = {
    autoApproveMaxValue: patch.autoApproveMaxValue ?? current.autoApproveMaxValue,
    secondApprovalMinValue: patch.secondApprovalMinValue ?? current.secondApprovalMinValue,
    promiseDays: patch.promiseDays ?? current.promiseDays,
    inspectionLevels: patch.inspectionLevels ?? current.inspectionLevels,
    gradeDispositions: { ...current.gradeDispositions, ...Object.fromEntries(Object.entries(patch.gradeDispositions ?? {}).filter(([, v]) => v !== undefined)) },
  };
  if (next.secondApprovalMinValue < next.autoApproveMaxValue) {
    throw new Invalid('secondApprovalMinValue', `the second-approval threshold (${next.secondApprovalMinValue}) may not be below the auto-approval one (${next.autoApproveMaxValue})`);
  }
  const { rows } = await tx.query<ReturnSettings>(
    `UPDATE return_settings SET auto_approve_max_value = $1, second_approval_min_value = $2, promise_days = $3,
            inspection_levels = $4, grade_dispositions = $5, updated_at = now()
      WHERE id = 1 RETURNING ${SETTINGS}`,
    [next.autoApproveMaxValue.toFixed(2), next.secondApprovalMinValue.toFixed(2), next.promiseDays, JSON.stringify(next.inspectionLevels), JSON.stringify(next.gradeDispositions)],
  );
  await appendEvent(tx, actor, { type: E.settingsChanged, entityType: 'return_settings', entityId: 1, payload: { ...rows[0]!, changed: Object.keys(patch) } });
  return rows[0]!;
}
