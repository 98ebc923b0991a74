/** Rules as data: create, change (each change a new version), list, and read their runs and timers. */
import type { Queryable, Tx } from '../../platform/db/client.js';
import { appendEvent } from '../../platform/events/log.js';
import { Conflict, NotFound } from '../../platform/http/errors.js';
import { z } from 'zod';
import { decodeCursor, pageOf } from '../../platform/http/pagination.js';

type Page = { limit: number; cursor?: string };
const CursorId = z.number().int().positive();
import { RULE_EVENTS } from './events.js';
import { RuleInput, type Rule, type RulePatch, type Run } from './rules.schema.js';

const COLUMNS = `id, key, name, description, enabled, builtin, version, trigger, condition, actions,
  created_at AS "createdAt", updated_at AS "updatedAt", updated_by AS "updatedBy"`;

async function snapshot(tx: Tx, rule: Rule): Promise<void> {
  await tx.query(
    `INSERT INTO rule_versions (rule_id, version, name, description, enabled, trigger, condition, actions, changed_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [rule.id, rule.version, rule.name, rule.description, rule.enabled, JSON.stringify(rule.trigger), JSON.stringify(rule.condition ?? null), JSON.stringify(rule.actions), rule.updatedBy],
  );
}

export async function createRule(tx: Tx, actor: string, input: RuleInput, opts: { builtin?: boolean } = {}): Promise<Rule> {
  if (input.key) {
    const taken = await tx.query('SELECT 1 FROM rules WHERE key = $1', [input.key]);
    if (taken.rowCount) throw new Conflict(`a rule with key ${input.key} exists`, { field: 'key' });
  }
  const { rows } = await tx.query<Rule>(
    `INSERT INTO rules (key, name, description, enabled, builtin, trigger, condition, actions, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${COLUMNS}`,
    [
      input.key ?? null,
      input.name,
      input.description ?? null,
      input.enabled,
      opts.builtin ?? false,
      JSON.stringify(input.trigger),
      JSON.stringify(input.condition ?? null),
      JSON.stringify(input.actions),
      actor,
    ],
  );
  const rule = rows[0]!;
  await snapshot(tx, rule);
  await appendEvent(tx, actor, { type: RULE_EVENTS.created, entityType: 'rule', entityId: rule.id, payload: { key: rule.key, name: rule.name, version: 1 } });
  return rule;
}

export async function getRule(q: Queryable, id: number): Promise<Rule> {
  const { rows } = await q.query<Rule>(`SELECT ${COLUMNS} FROM rules WHERE id = $1`, [id]);
  if (!rows[0]) throw new NotFound('rule', id);
  return rows[0];
}

export async function enabledRules(q: Queryable): Promise<Rule[]> {
  return (await q.query<Rule>(`SELECT ${COLUMNS} FROM rules WHERE enabled ORDER BY id`)).rows;
}

export async function listRules(q: Queryable, f: { enabled?: boolean; trigger?: string; event?: string }, page: Page) {
  const params: unknown[] = [];
  const where: string[] = [];
  const after = decodeCursor(page.cursor, CursorId);
  if (after !== undefined) {
    params.push(after);
    where.push(`id > $${params.length}`);
  }
  if (f.enabled !== undefined) {
    params.push(f.enabled);
    where.push(`enabled = $${params.length}`);
  }
  if (f.trigger) {
    params.push(f.trigger);
    where.push(`trigger->>'type' = $${params.length}`);
  }
  if (f.event) {
    params.push(f.event);
    where.push(`(trigger->'events' ? $${params.length} OR trigger->'start' ? $${params.length})`);
  }
  params.push(page.limit + 1);
  const { rows } = await q.query<Rule>(
    `SELECT ${COLUMNS} FROM rules ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT $${params.length}`,
    params,
  );
  return pageOf(rows, page.limit, (r) => r.id);
}

export async function updateRule(tx: Tx, actor: string, id: number, patch: RulePatch, expectedVersion?: number): Promise<Rule> {
  const { rows } = await tx.query<Rule>(`SELECT ${COLUMNS} FROM rules WHERE id = $1 FOR UPDATE`, [id]);
  const current = rows[0];
  if (!current) throw new NotFound('rule', id);
  if (expectedVersion !== undefined && expectedVersion !== current.version) {
    throw new Conflict(`rule ${id} is at version ${current.version}, not ${expectedVersion}`, { currentState: `version ${current.version}` });
  }
  const next = RuleInput.parse({
    name: patch.name ?? current.name,
    description: patch.description === undefined ? (current.description ?? undefined) : (patch.description ?? undefined),
    enabled: patch.enabled ?? current.enabled,
    trigger: patch.trigger ?? current.trigger,
    condition: patch.condition === undefined ? current.condition : patch.condition,
    actions: patch.actions ?? current.actions,
  });
  const updated = (
    await tx.query<Rule>(
      `UPDATE rules SET name = $2, description = $3, enabled = $4, trigger = $5, condition = $6, actions = $7,
              version = version + 1, updated_at = now(), updated_by = $8
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, next.name, next.description ?? null, next.enabled, JSON.stringify(next.trigger), JSON.stringify(next.condition ?? null), JSON.stringify(next.actions), actor],
    )
  ).rows[0]!;
  await snapshot(tx, updated);
  // A changed trigger makes the timers it armed meaningless; the next start event arms new ones.
  if (JSON.stringify(current.trigger) !== JSON.stringify(updated.trigger) || !updated.enabled) {
    await tx.query(`UPDATE rule_timers SET status = 'cancelled' WHERE rule_id = $1 AND status = 'pending'`, [id]);
  }
  await appendEvent(tx, actor, {
    type: RULE_EVENTS.updated,
    entityType: 'rule',
    entityId: id,
    payload: { key: updated.key, version: updated.version, changed: Object.keys(patch) },
  });
  return updated;
}

export async function deleteRule(tx: Tx, actor: string, id: number): Promise<void> {
  const rule = await getRule(tx, id);
  if (rule.builtin) throw new Conflict(`rule ${id} is built in: disable it instead`, { currentState: 'builtin' });
  await tx.query('DELETE FROM rules WHERE id = $1', [id]);
  await appendEvent(tx, actor, { type: RULE_EVENTS.deleted, entityType: 'rule', entityId: id, payload: { key: rule.key, name: rule.name, version: rule.version } });
}

export async function listVersions(q: Queryable, ruleId: number) {
  await getRule(q, ruleId);
  const { rows } = await q.query(
    `SELECT rule_id AS "ruleId", version, name, description, enabled, trigger, condition, actions, changed_by AS "changedBy", changed_at AS "changedAt"
     FROM rule_versions WHERE rule_id = $1 ORDER BY version DESC`,
    [ruleId],
  );
  return rows;
}

/** Makes an earlier version the current one again, as a new version. */
export async function restoreVersion(tx: Tx, actor: string, ruleId: number, version: number): Promise<Rule> {
  const { rows } = await tx.query<Pick<Rule, 'name' | 'description' | 'enabled' | 'trigger' | 'condition' | 'actions'>>(
    `SELECT name, description, enabled, trigger, condition, actions FROM rule_versions WHERE rule_id = $1 AND version = $2`,
    [ruleId, version],
  );
  const v = rows[0];
  if (!v) throw new NotFound('rule version', `${ruleId}/${version}`);
  return updateRule(tx, actor, ruleId, { name: v.name, description: v.description, enabled: v.enabled, trigger: v.trigger, condition: v.condition, actions: v.actions });
}

/** `column = $n` for each filter given, and the keyset condition (`id <` / `id >` the cursor). */
function equalities(filters: Record<string, string | number | undefined>, [keyset, cursor]: [string, number | undefined]) {
  const params: unknown[] = [];
  const where: string[] = [];
  if (cursor !== undefined) where.push(`${keyset} $${params.push(cursor)}`);
  for (const [col, v] of Object.entries(filters)) if (v !== undefined) where.push(`${col} = $${params.push(v)}`);
  return { params, where };
}

const RUN_COLUMNS = `id, rule_id AS "ruleId", version, event_id AS "eventId", timer_id AS "timerId", matched, outcome, actions, error,
  entity_type AS "entityType", entity_id AS "entityId", ran_at AS "ranAt"`;

export async function listRuns(q: Queryable, f: { ruleId?: number; eventId?: number; outcome?: string; entityType?: string; entityId?: string }, page: Page) {
  const { params, where } = equalities({ rule_id: f.ruleId, event_id: f.eventId, outcome: f.outcome, entity_type: f.entityType, entity_id: f.entityId }, [
    'id <',
    decodeCursor(page.cursor, CursorId),
  ]);
  params.push(page.limit + 1);
  const { rows } = await q.query<Run>(
    `SELECT ${RUN_COLUMNS} FROM rule_runs ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT $${params.length}`,
    params,
  );
  return pageOf(rows, page.limit, (r) => r.id);
}

export async function listTimers(q: Queryable, f: { ruleId?: number; status?: string; entityType?: string; entityId?: string }, page: Page) {
  const { params, where } = equalities({ rule_id: f.ruleId, status: f.status, entity_type: f.entityType, entity_id: f.entityId }, [
    'id >',
    decodeCursor(page.cursor, CursorId),
  ]);
  params.push(page.limit + 1);
  const { rows } = await q.query<{ id: number }>(
    `SELECT id, rule_id AS "ruleId", entity_type AS "entityType", entity_id AS "entityId", start_event_id AS "startEventId",
            due_at AS "dueAt", status, cancelled_by AS "cancelledBy", fired_at AS "firedAt"
     FROM rule_timers ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT $${params.length}`,
    params,
  );
  return pageOf(rows, page.limit, (r) => r.id);
}
