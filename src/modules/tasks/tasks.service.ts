/**
 * Tasks: the queue an exception lands in. `createTask` is what the rules engine and people call
 * (a `dedupeKey` makes a rule that fires twice find its first task); `updateTask` moves a task
 * through its states, reassigns it, and changes its due time and priority. Every change writes
 * its event in the caller's transaction, with the customer's id when the task has one.
 */
import { z } from 'zod';
import type { Queryable, Tx } from '../../platform/db/client.js';
import { getUsers, type Principal } from '../../platform/auth/auth.service.js';
import { eventScope } from '../../platform/auth/scope.js';
import { appendEvent, entityScopeCondition, warehouseOfEntity, type EventFilter } from '../../platform/events/log.js';
import { Conflict, Invalid, NotFound } from '../../platform/http/errors.js';
import { decodeCursor, pageOf } from '../../platform/http/pagination.js';
import { getCustomerRef } from '../customers/index.js';
import { PRIORITIES, TASK_EVENTS as E, type TaskEvent, type TaskEventPayloads } from './events.js';
import { canMove, isClosed } from './task-state.js';
import { CommentInput, NewTaskInput, TaskPatchInput, type Comment, type NewTask, type Task, type TaskFilter, type TaskPatch } from './tasks.schema.js';
import { check, teamExists } from './teams.service.js';

export type { Comment, NewTask, Task, TaskFilter, TaskPatch, Team } from './tasks.schema.js';
export { CHAT_FORMATS, type ChatFormat } from './events.js';
export {
  addTeamMember,
  createTeam,
  getTeam,
  getTeamChatTarget,
  getTeamRecipients,
  listTeams,
  removeTeamMember,
  teamExists,
  teamsOfUser,
  updateTeam,
  type TeamChatTarget,
  type TeamRecipients,
} from './teams.service.js';

const COLUMNS = `id, title, description, entity_type AS "entityType", entity_id AS "entityId", customer_id AS "customerId",
  team, assignee_id AS "assigneeId", due_at AS "dueAt", priority, status, source, dedupe_key AS "dedupeKey",
  coalesce(due_at < now() AND status IN ('open', 'in_progress'), false) AS overdue,
  created_by AS "createdBy", updated_by AS "updatedBy", created_at AS "createdAt", updated_at AS "updatedAt", closed_at AS "closedAt"`;

/**
 * A task's event names the warehouse of the thing the task is about (when it lies in one), so the
 * event log and the live stream show it to the readers of that warehouse only.
 */
async function recordEvent<T extends TaskEvent>(tx: Tx, actor: string, task: Pick<Task, 'id' | 'customerId' | 'entityType' | 'entityId'>, type: T, payload: TaskEventPayloads[T]) {
  const warehouseId = task.entityType && task.entityId ? await warehouseOfEntity(tx, task.entityType, task.entityId) : undefined;
  await appendEvent(tx, actor, { type, entityType: 'task', entityId: task.id, customerId: task.customerId, payload: { ...payload, ...(warehouseId ? { warehouseId } : {}) } });
}

async function assertTeam(q: Queryable, team: string) {
  if (!(await teamExists(q, team))) throw new Invalid('team', `team ${team} does not exist`);
}

async function assertAssignee(q: Queryable, userId: number) {
  const [user] = await getUsers(q, [userId]);
  if (!user) throw new Invalid('assigneeId', `user ${userId} does not exist`);
  if (!user.active) throw new Invalid('assigneeId', `user ${userId} is deactivated`);
}

// ---- warehouse scope -----------------------------------------------------------------------

/** What a reader limited to some warehouses may see of the tasks: `eventScope` of the caller; undefined for every warehouse. */
export type TaskScope = EventFilter['warehouseScope'];

/**
 * A task lies where the thing it is about lies: a caller limited to some warehouses sees a task
 * about an order, a return, a deposit, a location or a warehouse of theirs, and every task about
 * no such thing (a customer, a product, nothing). The condition is the event log's
 * (`entityScopeCondition`), so a task shows exactly where its entity's events do.
 */
function taskScopeCondition(scope: TaskScope, params: unknown[], table = 'tasks'): string | undefined {
  return entityScopeCondition(scope, `${table}.entity_type`, `${table}.entity_id`, params);
}

/**
 * A task outside the caller's warehouses is answered as an unknown one (404 `task`), so its id
 * cannot be probed; a caller with every warehouse pays no query for it.
 */
export async function assertTaskVisible(q: Queryable, p: Pick<Principal, 'warehouseIds'>, id: number): Promise<void> {
  const params: unknown[] = [id];
  const scoped = taskScopeCondition(eventScope(p), params);
  if (!scoped) return;
  const { rows } = await q.query(`SELECT 1 FROM tasks WHERE id = $1 AND ${scoped}`, params);
  if (!rows[0]) throw new NotFound('task', id);
}

/**
 * For another module's query (the notice log): the condition that the task whose id is in
 * `idColumn` (text) exists and is visible in `scope`; undefined for every warehouse.
 */
export function visibleTaskCondition(scope: TaskScope, idColumn: string, params: unknown[]): string | undefined {
  const scoped = taskScopeCondition(scope, params, 't');
  return scoped && `EXISTS (SELECT 1 FROM tasks t WHERE t.id::text = ${idColumn} AND ${scoped})`;
}

async function entityVisible(q: Queryable, scope: TaskScope, entityType: string, entityId: string): Promise<boolean> {
  const params: unknown[] = [entityType, entityId];
  const scoped = entityScopeCondition(scope, '$1::text', '$2::text', params);
  return !scoped || (await q.query<{ visible: boolean }>(`SELECT ${scoped} AS visible`, params)).rows[0]!.visible;
}

// ---- commands ------------------------------------------------------------------------------

/**
 * Creates a task for a team and/or a user. With a `dedupeKey` that an open or in-progress task
 * already holds, returns that task and creates nothing (the partial unique index decides, so two
 * concurrent calls make one task).
 *
 * `scope` is a caller limited to some warehouses: they make tasks only about what they may see.
 * A warehouse thing outside their warehouses is answered as one that does not exist (422 on
 * `entityId`), and a dedupe key held by a task they may not see is a 409 that shows nothing of it.
 */
export async function createTask(tx: Tx, actor: string, input: NewTask, scope?: TaskScope): Promise<Task> {
  const t = check(NewTaskInput, input);
  if ((t.entityType === undefined) !== (t.entityId === undefined)) {
    throw new Invalid(t.entityType === undefined ? 'entityType' : 'entityId', 'entityType and entityId go together (e.g. order and 12)');
  }
  if (scope && t.entityType !== undefined && !(await entityVisible(tx, scope, t.entityType, t.entityId!))) {
    throw new Invalid('entityId', `${t.entityType} ${t.entityId} does not exist`);
  }
  if (t.team === undefined && t.assigneeId === undefined) throw new Invalid('team', 'a task needs a team or an assignee (assigneeId), or both');
  if (t.team !== undefined) await assertTeam(tx, t.team);
  if (t.assigneeId !== undefined) await assertAssignee(tx, t.assigneeId);
  if (t.customerId !== undefined && !(await getCustomerRef(tx, t.customerId))) throw new Invalid('customerId', `customer ${t.customerId} does not exist`);

  for (let attempt = 0; attempt < 3; attempt++) {
    const { rows } = await tx.query<Task>(
      `INSERT INTO tasks (title, description, entity_type, entity_id, customer_id, team, assignee_id, due_at, priority, source, dedupe_key, created_by, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)
       ON CONFLICT (dedupe_key) WHERE status IN ('open', 'in_progress') DO NOTHING
       RETURNING ${COLUMNS}`,
      [
        t.title,
        t.description ?? null,
        t.entityType ?? null,
        t.entityId ?? null,
        t.customerId ?? null,
        t.team ?? null,
        t.assigneeId ?? null,
        t.dueAt ?? null,
        t.priority,
        t.source,
        t.dedupeKey ?? null,
        actor,
      ],
    );
    const created = rows[0];
    if (created) {
      await recordEvent(tx, actor, created, E.created, {
        title: created.title,
        team: created.team,
        assigneeId: created.assigneeId,
        priority: created.priority,
        dueAt: created.dueAt,
        source: created.source,
        entityType: created.entityType,
        entityId: created.entityId,
      });
      return created;
    }
    const params: unknown[] = [t.dedupeKey];
    const scoped = taskScopeCondition(scope, params);
    const existing = await tx.query<Task & { visible: boolean }>(
      `SELECT ${COLUMNS}, ${scoped ?? 'true'} AS visible FROM tasks WHERE dedupe_key = $1 AND status IN ('open', 'in_progress')`,
      params,
    );
    if (existing.rows[0]) {
      const { visible, ...task } = existing.rows[0];
      if (!visible) throw new Conflict(`an open task already holds dedupe key ${t.dedupeKey}`, { field: 'dedupeKey' });
      return task;
    }
    // The holder of the key was closed in between: the key is free again, try once more.
  }
  throw new Conflict(`the task with dedupe key ${t.dedupeKey} keeps changing; try again`, { field: 'dedupeKey' });
}

/**
 * Changes a task: its status (along the state machine; a 409 names the current state), its team
 * and assignee (`task.assigned`), and its due time, priority, title and description
 * (`task.updated`). A done or cancelled task changes only by being reopened.
 */
export async function updateTask(tx: Tx, actor: string, id: number, patch: TaskPatch): Promise<Task> {
  const p = check(TaskPatchInput, patch);
  const { rows } = await tx.query<Task>(`SELECT ${COLUMNS} FROM tasks WHERE id = $1 FOR UPDATE`, [id]);
  const current = rows[0];
  if (!current) throw new NotFound('task', id);
  const sets: string[] = [];
  const values: unknown[] = [];
  const set = (column: string, value: unknown) => sets.push(`${column} = $${values.push(value) + 1}`);

  const to = p.status ?? current.status;
  const moving = to !== current.status;
  if (moving && !canMove(current.status, to)) {
    throw new Conflict(`task ${id} is ${current.status}; it cannot become ${to}`, { currentState: current.status });
  }
  const edits = (['team', 'assigneeId', 'dueAt', 'priority', 'title', 'description'] as const).filter((f) => p[f] !== undefined);
  if (edits.length && isClosed(to)) {
    throw new Conflict(`task ${id} is ${current.status}; reopen it before changing ${edits.join(', ')}`, { currentState: current.status });
  }
  if (moving) {
    if (to === 'open' && isClosed(current.status) && current.dedupeKey) {
      const holder = await tx.query<{ id: number }>(`SELECT id FROM tasks WHERE dedupe_key = $1 AND status IN ('open', 'in_progress')`, [current.dedupeKey]);
      if (holder.rows[0]) {
        throw new Conflict(`task ${holder.rows[0].id} is already open for ${current.dedupeKey}; work on that one`, { currentState: current.status, taskId: holder.rows[0].id });
      }
    }
    set('status', to);
    if (isClosed(to)) sets.push('closed_at = now()');
    else set('closed_at', null);
  }

  const team = p.team !== undefined ? p.team : current.team;
  const assigneeId = p.assigneeId !== undefined ? p.assigneeId : current.assigneeId;
  const reassigned = team !== current.team || assigneeId !== current.assigneeId;
  if (reassigned) {
    if (team === null && assigneeId === null) throw new Invalid(p.assigneeId === null ? 'assigneeId' : 'team', 'a task needs a team or an assignee, or both');
    if (team !== null && team !== current.team) await assertTeam(tx, team);
    if (assigneeId !== null && assigneeId !== current.assigneeId) await assertAssignee(tx, assigneeId);
    set('team', team);
    set('assignee_id', assigneeId);
  }

  const columns = { dueAt: 'due_at', priority: 'priority', title: 'title', description: 'description' } as const;
  const changed: Array<keyof typeof columns> = [];
  for (const f of Object.keys(columns) as Array<keyof typeof columns>) {
    const next = p[f];
    if (next === undefined) continue;
    const same = f === 'dueAt' ? sameInstant(next as string | null, current.dueAt) : next === current[f];
    if (same) continue;
    changed.push(f);
    set(columns[f], next);
  }

  if (!sets.length) return current;
  set('updated_by', actor);
  const updated = (await tx.query<Task>(`UPDATE tasks SET ${sets.join(', ')}, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`, [id, ...values])).rows[0]!;
  if (moving) await recordEvent(tx, actor, updated, E.statusChanged, { from: current.status, to });
  if (reassigned) {
    await recordEvent(tx, actor, updated, E.assigned, { team, assigneeId, previous: { team: current.team, assigneeId: current.assigneeId } });
  }
  if (changed.length) await recordEvent(tx, actor, updated, E.updated, { changed });
  return updated;
}

function sameInstant(a: string | null, b: string | null): boolean {
  return a === null || b === null ? a === b : Date.parse(a) === Date.parse(b);
}

export async function addComment(tx: Tx, actor: string, taskId: number, body: string): Promise<Comment> {
  const c = check(CommentInput, { body });
  const task = await getTask(tx, taskId);
  const { rows } = await tx.query<Comment>(
    `INSERT INTO task_comments (task_id, body, author) VALUES ($1, $2, $3)
     RETURNING id, task_id AS "taskId", body, author, created_at AS "createdAt"`,
    [taskId, c.body, actor],
  );
  const comment = rows[0]!;
  await tx.query('UPDATE tasks SET updated_at = now(), updated_by = $2 WHERE id = $1', [taskId, actor]);
  await recordEvent(tx, actor, task, E.commented, { commentId: comment.id });
  return comment;
}

// ---- queries -------------------------------------------------------------------------------

export async function getTask(q: Queryable, id: number): Promise<Task> {
  const { rows } = await q.query<Task>(`SELECT ${COLUMNS} FROM tasks WHERE id = $1`, [id]);
  if (!rows[0]) throw new NotFound('task', id);
  return rows[0];
}

const RANK = Object.fromEntries([...PRIORITIES].reverse().map((p, i) => [p, i])) as Record<Task['priority'], number>;
const QueueCursor = z.object({ due: z.string().max(64), rank: z.number().int().min(0).max(3), id: z.number().int().positive() });

/**
 * Tasks in queue order: earliest due first (no due time last), then most urgent, then oldest;
 * keyset-paginated. `mineOf` is a user's queue: assigned to them, or to one of their teams and
 * to nobody yet.
 */
export async function listTasks(q: Queryable, f: TaskFilter & { warehouseScope?: TaskScope }, page: { limit: number; cursor?: string }) {
  const after = decodeCursor(page.cursor, QueueCursor);
  const params: unknown[] = [];
  const param = (v: unknown) => `$${params.push(v)}`;
  const where: string[] = [];
  const scoped = taskScopeCondition(f.warehouseScope, params);
  if (scoped) where.push(scoped);
  if (f.team !== undefined) where.push(`team = ${param(f.team)}`);
  if (f.assigneeId !== undefined) where.push(`assignee_id = ${param(f.assigneeId)}`);
  if (f.mineOf !== undefined) {
    const me = param(f.mineOf);
    where.push(`(assignee_id = ${me} OR (assignee_id IS NULL AND team IN
      (SELECT t.code FROM team_members m JOIN teams t ON t.id = m.team_id WHERE m.user_id = ${me})))`);
  }
  if (f.status !== undefined) where.push(`status = ${param(f.status)}`);
  if (f.entityType !== undefined) where.push(`entity_type = ${param(f.entityType)}`);
  if (f.entityId !== undefined) where.push(`entity_id = ${param(f.entityId)}`);
  if (f.customerId !== undefined) where.push(`customer_id = ${param(f.customerId)}`);
  if (f.overdue === true) where.push(`due_at < now() AND status IN ('open', 'in_progress')`);
  if (f.overdue === false) where.push(`NOT coalesce(due_at < now() AND status IN ('open', 'in_progress'), false)`);
  if (after) {
    where.push(`(coalesce(due_at, 'infinity'::timestamptz), priority_rank, id) > (${param(after.due)}::timestamptz, ${param(after.rank)}::smallint, ${param(after.id)}::bigint)`);
  }
  const { rows } = await q.query<Task>(
    `SELECT ${COLUMNS} FROM tasks ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY coalesce(due_at, 'infinity'::timestamptz), priority_rank, id LIMIT ${param(page.limit + 1)}`,
    params,
  );
  return pageOf(rows, page.limit, (last) => ({ due: last.dueAt ?? 'infinity', rank: RANK[last.priority], id: last.id }));
}

const IdCursor = z.object({ id: z.number().int().positive() });

/** A task's comments, oldest first. */
export async function listComments(q: Queryable, taskId: number, page: { limit: number; cursor?: string }) {
  await getTask(q, taskId);
  const after = decodeCursor(page.cursor, IdCursor);
  const { rows } = await q.query<Comment>(
    `SELECT id, task_id AS "taskId", body, author, created_at AS "createdAt" FROM task_comments
     WHERE task_id = $1 AND id > $2 ORDER BY id LIMIT $3`,
    [taskId, after?.id ?? 0, page.limit + 1],
  );
  return pageOf(rows, page.limit, (last) => ({ id: last.id }));
}
