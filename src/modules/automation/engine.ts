/**
 * The rules engine. `handleEvents` is the `automation` consumer of the event log: for each event
 * it stops the timers the event ends, arms the timers it starts, and runs the event rules it
 * triggers. `fireDueTimers` runs the timers whose time has come. Both write the run log in the
 * same transaction as the actions, so a rule acts once per event and once per timer.
 */
import { LogicEngine } from 'json-logic-engine';
import type { Db, Tx } from '../../platform/db/client.js';
import { typeMatches } from '../../platform/events/dispatcher.js';
import { firstEventAbout, getEvent, listEvents, type StoredEvent } from '../../platform/events/log.js';
import { runActions } from './actions.js';
import { buildContext, hasLoader, loadEntity, pathOf, type RuleContext } from './context.js';
import { delayMs, type ActionOutcome, type Rule, type Trigger } from './rules.schema.js';
import { enabledRules } from './rules.service.js';

const logic = new LogicEngine();

export type EngineOptions = {
  /** Where a date without a time ends (the warehouse's time zone). */
  timeZone: string;
  /** What time it is for the actions and for which timers are due: real time (timers: the database's clock) unless given (tests). */
  now?: () => Date;
};

/** The clock's time for SQL, or null for the database's own: read as `coalesce($n::timestamptz, now())`. */
const clockAt = (opts: EngineOptions): string | null => (opts.now ? opts.now().toISOString() : null);

export type Evaluation = { matched: boolean; outcomes: ActionOutcome[]; error?: string };

/** A condition that cannot be evaluated (a type mismatch in the data) counts as not met, with the reason. */
export function evaluateCondition(condition: unknown, ctx: RuleContext): { matched: boolean; error?: string } {
  if (condition === null || condition === undefined) return { matched: true };
  try {
    return { matched: Boolean(logic.run(condition, JSON.parse(JSON.stringify(ctx)))) };
  } catch (err) {
    return { matched: false, error: `condition: ${(err as { message?: string; type?: string }).message ?? (err as { type?: string }).type ?? String(err)}` };
  }
}

/** Evaluates the rule for the event and, when the condition holds, runs (or, dry, describes) its actions. */
export async function evaluate(tx: Tx, rule: Rule, event: StoredEvent, opts: EngineOptions & { dryRun: boolean }): Promise<Evaluation> {
  const ctx = await buildContext(tx, event);
  const cond = evaluateCondition(rule.condition, ctx);
  if (!cond.matched) return { matched: false, outcomes: [], error: cond.error };
  const outcomes = await runActions({ tx, rule, event, ctx, dryRun: opts.dryRun, now: (opts.now ?? (() => new Date()))() }, rule.actions);
  return { matched: true, outcomes };
}

async function recordRun(tx: Tx, rule: Rule, event: StoredEvent, timerId: number | null, ev: Evaluation): Promise<void> {
  const failed = ev.outcomes.some((o) => o.status === 'failed');
  await tx.query(
    `INSERT INTO rule_runs (rule_id, version, event_id, timer_id, matched, outcome, actions, error, entity_type, entity_id, ran_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, clock_timestamp())`,
    [
      rule.id,
      rule.version,
      event.id,
      timerId,
      ev.matched,
      !ev.matched ? 'not_matched' : failed ? 'failed' : 'succeeded',
      JSON.stringify(ev.outcomes),
      ev.error ?? (failed ? ev.outcomes.filter((o) => o.status === 'failed').map((o) => `${o.type}: ${o.detail}`).join('; ') : null),
      event.entityType,
      event.entityId,
    ],
  );
}

const startsOf = (t: Trigger) => (t.type === 'timer' ? t.start : []);
const unlessOf = (t: Trigger) => (t.type === 'timer' || t.type === 'date' ? t.unless : []);

/** The first event about the entity after `afterEventId` that stops the clock (one of the `unless` types). */
const stoppedSince = (tx: Tx, patterns: readonly string[], entityType: string, entityId: string, afterEventId: number) =>
  firstEventAbout(tx, { type: entityType, id: entityId }, patterns, afterEventId);

/** When a date trigger's timer is due for this entity, or null when the field is empty. */
async function dateDue(tx: Tx, t: Extract<Trigger, { type: 'date' }>, entity: Record<string, unknown> | null, timeZone: string): Promise<string | null> {
  const value = entity ? pathOf(entity, t.field) : undefined;
  if (typeof value !== 'string' || !value) return null;
  const sign = t.before ? '-' : '+';
  const offset = `make_interval(days => $2, hours => $3, mins => $4)`;
  const args = [value, t.offset.days ?? 0, t.offset.hours ?? 0, t.offset.minutes ?? 0];
  // A date passes at the end of that day where the warehouse is; a time passes when it is reached.
  const sql = /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? `SELECT ((($1::date + 1)::timestamp AT TIME ZONE $5) ${sign} ${offset}) AS due`
    : `SELECT ($1::timestamptz ${sign} ${offset}) AS due`;
  try {
    const { rows } = await tx.query<{ due: string }>(sql, /^\d{4}-\d{2}-\d{2}$/.test(value) ? [...args, timeZone] : args);
    return rows[0]!.due;
  } catch {
    return null; // not a date after all: nothing to wait for
  }
}

async function armTimer(tx: Tx, rule: Rule, event: StoredEvent, dueAt: string): Promise<void> {
  await tx.query(
    `INSERT INTO rule_timers (rule_id, entity_type, entity_id, start_event_id, due_at)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (rule_id, entity_type, entity_id) WHERE status = 'pending'
     DO UPDATE SET due_at = EXCLUDED.due_at, start_event_id = EXCLUDED.start_event_id`,
    [rule.id, event.entityType, event.entityId, event.id, dueAt],
  );
}

async function cancelTimers(tx: Tx, ruleIds: number[], event: StoredEvent): Promise<void> {
  if (!ruleIds.length) return;
  await tx.query(
    `UPDATE rule_timers SET status = 'cancelled', cancelled_by = $4
     WHERE rule_id = ANY($1::bigint[]) AND entity_type = $2 AND entity_id = $3 AND status = 'pending' AND start_event_id < $4`,
    [ruleIds, event.entityType, event.entityId, event.id],
  );
}

/** A rule's own events never trigger it again (no rule feeds itself in a loop). */
const triggeredBySelf = (rule: Rule, event: StoredEvent) => event.actor === `rule:${rule.id}`;

/** Handles a batch of events in the consumer's transaction. Returns the earliest timer it armed. */
export async function handleEvents(tx: Tx, events: StoredEvent[], opts: EngineOptions): Promise<Date | undefined> {
  const rules = await enabledRules(tx);
  if (!rules.length) return undefined;
  let earliest: Date | undefined;
  for (const event of events) {
    const applicable = rules.filter((r) => !triggeredBySelf(r, event));
    await cancelTimers(
      tx,
      applicable.filter((r) => typeMatches(unlessOf(r.trigger), event.type)).map((r) => r.id),
      event,
    );
    for (const rule of applicable) {
      const t = rule.trigger;
      if (t.type === 'timer' && typeMatches(startsOf(t), event.type)) {
        const due = new Date(new Date(event.occurredAt).getTime() + delayMs(t.after));
        await armTimer(tx, rule, event, due.toISOString());
        if (!earliest || due < earliest) earliest = due;
      } else if (t.type === 'date' && t.entityType === event.entityType && hasLoader(t.entityType) && !typeMatches(t.unless, event.type)) {
        await armDateTimer(tx, rule, t, event, opts);
      } else if (t.type === 'event' && typeMatches(t.events, event.type)) {
        const done = await tx.query('SELECT 1 FROM rule_runs WHERE rule_id = $1 AND event_id = $2 AND timer_id IS NULL', [rule.id, event.id]);
        if (done.rowCount) continue;
        await recordRun(tx, rule, event, null, await evaluate(tx, rule, event, { ...opts, dryRun: false }));
      }
    }
  }
  const next = await tx.query<{ due: string | null }>(`SELECT min(due_at) AS due FROM rule_timers WHERE status = 'pending'`);
  const due = next.rows[0]?.due ? new Date(next.rows[0].due) : undefined;
  return due && (!earliest || due < earliest) ? due : earliest;
}

async function armDateTimer(tx: Tx, rule: Rule, t: Extract<Trigger, { type: 'date' }>, event: StoredEvent, opts: EngineOptions): Promise<void> {
  const entity = await loadEntity(tx, t.entityType, event.entityId);
  const due = await dateDue(tx, t, entity, opts.timeZone);
  if (!due) {
    await tx.query(`UPDATE rule_timers SET status = 'cancelled', cancelled_by = $4 WHERE rule_id = $1 AND entity_type = $2 AND entity_id = $3 AND status = 'pending'`, [
      rule.id,
      event.entityType,
      event.entityId,
      event.id,
    ]);
    return;
  }
  // Once per date: an entity whose date has been acted on is not acted on again for the same date,
  // and one that an `unless` event has already settled is not watched at all.
  const settled = await tx.query(
    `SELECT 1 FROM rule_timers WHERE rule_id = $1 AND entity_type = $2 AND entity_id = $3 AND status = 'fired' AND due_at = $4::timestamptz`,
    [rule.id, event.entityType, event.entityId, due],
  );
  if (settled.rowCount) return;
  if ((await stoppedSince(tx, t.unless, event.entityType, event.entityId, 0)) !== undefined) return;
  await armTimer(tx, rule, event, due);
}

type DueTimer = { id: number; ruleId: number; entityType: string; entityId: string; startEventId: number; dueAt: string };

/**
 * Runs up to `limit` timers that are due, in due order, each at most once across processes (the
 * row is locked with SKIP LOCKED and marked fired in the transaction that runs its actions).
 * Returns how many it took.
 */
export async function fireDueTimers(db: Db, opts: EngineOptions & { limit?: number }): Promise<number> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<DueTimer>(
      `SELECT id, rule_id AS "ruleId", entity_type AS "entityType", entity_id AS "entityId", start_event_id AS "startEventId", due_at AS "dueAt"
       FROM rule_timers WHERE status = 'pending' AND due_at <= coalesce($2::timestamptz, now()) ORDER BY due_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [opts.limit ?? 100, clockAt(opts)],
    );
    const rules = new Map<number, Rule | undefined>();
    for (const timer of rows) await fireTimer(tx, timer, rules, opts);
    return rows.length;
  });
}

async function fireTimer(tx: Tx, timer: DueTimer, rules: Map<number, Rule | undefined>, opts: EngineOptions): Promise<void> {
  if (!rules.has(timer.ruleId)) {
    rules.set(timer.ruleId, (await tx.query<Rule>(`SELECT id, key, name, enabled, version, trigger, condition, actions FROM rules WHERE id = $1`, [timer.ruleId])).rows[0]);
  }
  const rule = rules.get(timer.ruleId);
  const start = await getEvent(tx, timer.startEventId);
  const cancel = (by: number | null) => tx.query(`UPDATE rule_timers SET status = 'cancelled', cancelled_by = $2 WHERE id = $1`, [timer.id, by]);
  if (!rule || !rule.enabled || !start) return void (await cancel(null));
  const t = rule.trigger;
  // The log, not the consumer's progress, decides whether the clock was stopped in time.
  const stoppedBy = await stoppedSince(tx, unlessOf(t), timer.entityType, timer.entityId, t.type === 'date' ? 0 : timer.startEventId);
  if (stoppedBy !== undefined) return void (await cancel(stoppedBy));
  if (t.type === 'date') {
    // The date may have moved since the timer was armed: wait for the new one instead.
    const due = await dateDue(tx, t, await loadEntity(tx, t.entityType, timer.entityId), opts.timeZone);
    if (!due) return void (await cancel(null));
    if (new Date(due).getTime() !== new Date(timer.dueAt).getTime()) {
      const later = new Date(due).getTime() > (opts.now?.() ?? new Date()).getTime();
      if (later) return void (await tx.query(`UPDATE rule_timers SET due_at = $2 WHERE id = $1`, [timer.id, due]));
    }
  }
  await tx.query(`UPDATE rule_timers SET status = 'fired', fired_at = coalesce($2::timestamptz, clock_timestamp()) WHERE id = $1`, [timer.id, clockAt(opts)]);
  await recordRun(tx, rule, start, timer.id, await evaluate(tx, rule, start, { ...opts, dryRun: false }));
}

/** When the next pending timer is due (any process's), for the worker's sleep. */
export async function nextTimerDue(db: Db): Promise<Date | undefined> {
  const { rows } = await db.query<{ due: string | null }>(`SELECT min(due_at) AS due FROM rule_timers WHERE status = 'pending'`);
  return rows[0]?.due ? new Date(rows[0].due) : undefined;
}

export type DryRunResult = {
  eventId: number;
  eventType: string;
  entityType: string;
  entityId: string;
  occurredAt: string;
  /** For timers: whether an `unless` event stopped the clock in time. */
  stoppedBy: number | null;
  dueAt: string | null;
  matched: boolean;
  error: string | null;
  actions: ActionOutcome[];
};

/**
 * Tests a rule (saved or not) against recent events without acting: which events would trigger
 * it, whether its condition holds for each (on the entities as they are now), and what each
 * action would do. Nothing is written.
 */
export async function dryRun(db: Db, rule: Rule, opts: EngineOptions & { limit: number; since?: string }): Promise<DryRunResult[]> {
  const t = rule.trigger;
  const patterns = t.type === 'event' ? t.events : t.type === 'timer' ? t.start : [`${t.entityType}.*`];
  // Always rolled back: a dry run reads in a transaction so entity loaders see one snapshot.
  const results: DryRunResult[] = [];
  await db
    .transaction(async (tx) => {
      const events = patterns.length ? await listEvents(tx, { types: [...patterns], since: opts.since }, { limit: opts.limit }) : [];
      const seen = new Set<string>();
      for (const event of events) {
        if (triggeredBySelf(rule, event)) continue;
        let dueAt: string | null = null;
        let stoppedBy: number | null = null;
        if (t.type === 'timer') {
          dueAt = new Date(new Date(event.occurredAt).getTime() + delayMs(t.after)).toISOString();
          stoppedBy = (await stoppedSince(tx, t.unless, event.entityType, event.entityId, event.id)) ?? null;
        } else if (t.type === 'date') {
          // One result per entity: its latest event stands for it.
          const key = `${event.entityType}:${event.entityId}`;
          if (seen.has(key)) continue;
          seen.add(key);
          dueAt = await dateDue(tx, t, await loadEntity(tx, t.entityType, event.entityId), opts.timeZone);
          if (!dueAt) continue;
          stoppedBy = (await stoppedSince(tx, t.unless, event.entityType, event.entityId, 0)) ?? null;
        }
        const ev = stoppedBy !== null ? { matched: false, outcomes: [] } : await evaluate(tx, rule, event, { ...opts, dryRun: true });
        results.push({
          eventId: event.id,
          eventType: event.type,
          entityType: event.entityType,
          entityId: event.entityId,
          occurredAt: event.occurredAt,
          stoppedBy,
          dueAt,
          matched: ev.matched,
          error: (ev as { error?: string }).error ?? null,
          actions: ev.outcomes,
        });
      }
      throw new RolledBack();
    })
    .catch((err: unknown) => {
      if (!(err instanceof RolledBack)) throw err;
    });
  return results;
}

class RolledBack extends Error {}
