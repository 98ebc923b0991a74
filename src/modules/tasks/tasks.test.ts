/**
 * Tasks and teams end to end through the API: seeded teams, members, creating tasks (and the
 * rules engine's dedupe), the state machine with its 409s, assignment, queue order and filters,
 * comments, the events each change writes, and the customer's timeline.
 */
import { describe, expect, it } from 'vitest';
import { createUser } from '../../platform/auth/auth.service.js';
import { useTestContext } from '../../../test/support/context.js';
import { TASK_STATUSES } from './events.js';
import { canMove } from './task-state.js';
import { createTask, getTeamChatTarget, getTeamRecipients } from './tasks.service.js';

const ctx = await useTestContext();
const api = ctx.api;
let n = 0;

async function user(name: string, role = 'customer_service') {
  n += 1;
  return ctx.db.transaction((tx) => createUser(tx, 'system', { email: `u${n}.${Date.now()}@example.com`, name, password: 'password-123', role }));
}

async function eventsOf(entityType: string, entityId: number) {
  const { rows } = await ctx.db.query<{ type: string; customerId: number | null; actor: string; payload: any }>(
    `SELECT type, customer_id AS "customerId", actor, payload FROM events WHERE entity_type = $1 AND entity_id = $2 ORDER BY id`,
    [entityType, String(entityId)],
  );
  return rows;
}

async function customer() {
  const res = await api.post('/api/v1/customers', { name: 'Task Customer' });
  expect(res.status).toBe(201);
  return res.body.id as number;
}

async function newTask(body: Record<string, unknown>) {
  const res = await api.post('/api/v1/tasks', { title: 'Call the customer', team: 'customer_service', ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe('teams', () => {
  it('seeds the four teams in both languages', async () => {
    const res = await api.get('/api/v1/teams');
    expect(res.status).toBe(200);
    const seeded = res.body.items.map((t: any) => [t.code, t.nameZh, t.nameEn]);
    expect(seeded).toEqual(
      expect.arrayContaining([
        ['customer_service', '客服', 'Customer service'],
        ['warehouse', '仓库', 'Warehouse'],
        ['purchasing', '采购', 'Purchasing'],
        ['after_sales', '售后', 'After-sales'],
      ]),
    );
  });

  it('creates a team with a chat robot whose URL is never shown, changes it, adds and removes members', async () => {
    const created = await api.post('/api/v1/teams', {
      code: 'night_shift',
      nameZh: '夜班',
      nameEn: 'Night shift',
      chatWebhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=secret-key',
      chatFormat: 'wecom',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'night_shift', nameZh: '夜班', chatWebhookConfigured: true, chatFormat: 'wecom', members: [] });
    expect(JSON.stringify(created.body)).not.toContain('secret-key');
    expect(await getTeamChatTarget(ctx.db, 'night_shift')).toEqual({ url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=secret-key', format: 'wecom' });

    expect((await api.post('/api/v1/teams', { code: 'night_shift', nameZh: 'x', nameEn: 'x' })).status).toBe(409);
    const badCode = await api.post('/api/v1/teams', { code: 'Night Shift', nameZh: 'x', nameEn: 'x' });
    expect([badCode.status, badCode.body.field]).toEqual([400, 'body.code']);
    const badUrl = await api.post('/api/v1/teams', { code: 'ftp_team', nameZh: 'x', nameEn: 'x', chatWebhookUrl: 'ftp://example.com/x' });
    expect([badUrl.status, badUrl.body.field]).toEqual([400, 'body.chatWebhookUrl']);
    // A robot URL is somewhere Wareloop will POST from inside the network: private destinations are refused.
    for (const url of ['http://127.0.0.1:8080/robot', 'http://169.254.169.254/latest/meta-data', 'http://localhost/robot', 'http://[::1]/robot']) {
      const inside = await api.post('/api/v1/teams', { code: 'inside_team', nameZh: 'x', nameEn: 'x', chatWebhookUrl: url });
      expect([inside.status, inside.body.field], url).toEqual([422, 'chatWebhookUrl']);
    }
    const patchedInside = await api.patch('/api/v1/teams/night_shift', { chatWebhookUrl: 'http://10.0.0.8/robot' });
    expect([patchedInside.status, patchedInside.body.field]).toEqual([422, 'chatWebhookUrl']);

    const patched = await api.patch('/api/v1/teams/night_shift', { nameEn: 'Night crew', chatWebhookUrl: null });
    expect(patched.body).toMatchObject({ nameEn: 'Night crew', chatWebhookConfigured: false });
    expect(await getTeamChatTarget(ctx.db, 'night_shift')).toBeUndefined();
    expect((await api.patch('/api/v1/teams/no_such_team', { nameEn: 'x' })).status).toBe(404);

    const wang = await user('王强');
    const added = await api.post('/api/v1/teams/night_shift/members', { userId: wang.id });
    expect(added.status).toBe(200);
    expect(added.body.members).toEqual([{ userId: wang.id, name: '王强', email: wang.email, addedAt: expect.any(String) }]);
    expect((await api.post('/api/v1/teams/night_shift/members', { userId: wang.id })).body.members).toHaveLength(1);
    const unknown = await api.post('/api/v1/teams/night_shift/members', { userId: 99999999 });
    expect([unknown.status, unknown.body.field]).toEqual([422, 'userId']);
    expect((await getTeamRecipients(ctx.db, 'night_shift')).members.map((u) => u.id)).toEqual([wang.id]);

    const removed = await api.delete(`/api/v1/teams/night_shift/members/${wang.id}`);
    expect(removed.body.members).toEqual([]);
    expect((await api.delete(`/api/v1/teams/night_shift/members/${wang.id}`)).status).toBe(404);

    const team = (await api.get('/api/v1/teams/night_shift')).body;
    const events = await eventsOf('team', team.id);
    expect(events.map((e) => e.type)).toEqual(['team.created', 'team.updated', 'team.member_added', 'team.member_removed']);
    expect(events[1]!.payload).toEqual({ code: 'night_shift', changed: ['nameEn', 'chatWebhookUrl'] });
  });

  it('lets an operator read teams but not manage them', async () => {
    const operator = api.as(await ctx.keyFor('warehouse_operator'));
    expect((await operator.get('/api/v1/teams/warehouse')).status).toBe(200);
    const denied = await operator.post('/api/v1/teams', { code: 'x_team', nameZh: 'x', nameEn: 'x' });
    expect([denied.status, denied.body.permission]).toEqual([403, 'teams.manage']);
    expect((await operator.patch('/api/v1/teams/warehouse', { nameEn: 'x' })).status).toBe(403);
  });
});

describe('creating tasks', () => {
  it('creates a task linked to an order and a customer, with its event on the customer’s timeline', async () => {
    const customerId = await customer();
    const li = await user('Li Na');
    const task = await newTask({
      title: 'Order 12 is short one item',
      description: 'Call the customer and offer a replacement.',
      entityType: 'order',
      entityId: '12',
      customerId,
      assigneeId: li.id,
      dueAt: '2030-01-02T09:00:00+08:00',
      priority: 'high',
    });
    expect(task).toMatchObject({
      title: 'Order 12 is short one item',
      entityType: 'order',
      entityId: '12',
      customerId,
      team: 'customer_service',
      assigneeId: li.id,
      dueAt: '2030-01-02T01:00:00.000Z',
      priority: 'high',
      status: 'open',
      source: 'user',
      overdue: false,
      closedAt: null,
    });
    expect(task.createdBy).toMatch(/^api_key:\d+$/);
    const { rows } = await ctx.db.query('SELECT status, team, assignee_id AS "assigneeId" FROM tasks WHERE id = $1', [task.id]);
    expect(rows).toEqual([{ status: 'open', team: 'customer_service', assigneeId: li.id }]);
    expect(await eventsOf('task', task.id)).toEqual([
      {
        type: 'task.created',
        customerId,
        actor: task.createdBy,
        payload: { title: task.title, team: 'customer_service', assigneeId: li.id, priority: 'high', dueAt: task.dueAt, source: 'user', entityType: 'order', entityId: '12' },
      },
    ]);
    const timeline = await api.get(`/api/v1/customers/${customerId}/timeline`);
    expect(timeline.body.items.map((e: any) => e.type)).toContain('task.created');
    expect((await api.get(`/api/v1/tasks/${task.id}`)).body).toEqual(task);
    expect((await api.get('/api/v1/tasks/99999999')).status).toBe(404);
  });

  it('creates once for one Idempotency-Key', async () => {
    const headers = { 'idempotency-key': `task-${Date.now()}` };
    const first = await api.post('/api/v1/tasks', { title: 'Idempotent', team: 'purchasing' }, { headers });
    const again = await api.post('/api/v1/tasks', { title: 'Idempotent', team: 'purchasing' }, { headers });
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body.id).toBe(first.body.id);
    const reused = await api.post('/api/v1/tasks', { title: 'Something else', team: 'purchasing' }, { headers });
    expect(reused.status).toBe(422);
  });

  it('refuses a task without owner, with an unknown team, user or customer, or with half an entity link', async () => {
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ team: undefined }, 422, 'team'],
      [{ team: 'no_such_team' }, 422, 'team'],
      [{ assigneeId: 99999999 }, 422, 'assigneeId'],
      [{ customerId: 99999999 }, 422, 'customerId'],
      [{ entityType: 'order' }, 422, 'entityId'],
      [{ priority: 'asap' }, 400, 'body.priority'],
      [{ dueAt: 'tomorrow' }, 400, 'body.dueAt'],
      [{ title: '' }, 400, 'body.title'],
      [{ title: 'x'.repeat(501) }, 400, 'body.title'],
    ];
    for (const [body, status, field] of cases) {
      const res = await api.post('/api/v1/tasks', { title: 'Check', team: 'warehouse', ...body });
      expect([res.status, res.body.field], JSON.stringify(body)).toEqual([status, field]);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('returns the open task for a dedupe key instead of making a second one, and frees the key when it closes', async () => {
    const input = { title: 'Order 77 exception', team: 'warehouse', entityType: 'order', entityId: '77', source: 'rule:5', dedupeKey: 'rule:5:order:77' };
    const [a, b] = await Promise.all([
      ctx.db.transaction((tx) => createTask(tx, 'system', input)),
      ctx.db.transaction((tx) => createTask(tx, 'system', input)),
    ]);
    expect(b.id).toBe(a.id);
    expect(a).toMatchObject({ source: 'rule:5', dedupeKey: 'rule:5:order:77', createdBy: 'system' });
    const count = async () => (await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM tasks WHERE dedupe_key = 'rule:5:order:77'`)).rows[0]!.n;
    expect(await count()).toBe(1);
    expect((await eventsOf('task', a.id)).map((e) => e.type)).toEqual(['task.created']);

    expect((await api.patch(`/api/v1/tasks/${a.id}`, { status: 'done' })).status).toBe(200);
    const again = await ctx.db.transaction((tx) => createTask(tx, 'system', input));
    expect(again.id).not.toBe(a.id);
    expect(await count()).toBe(2);
    const reopen = await api.patch(`/api/v1/tasks/${a.id}`, { status: 'open' });
    expect(reopen.status).toBe(409);
    expect(reopen.body).toMatchObject({ currentState: 'done', taskId: again.id });
  });
});

describe('the task state machine', () => {
  it('allows exactly these moves', () => {
    const allowed = TASK_STATUSES.flatMap((from) => TASK_STATUSES.filter((to) => canMove(from, to)).map((to) => `${from}→${to}`));
    expect(allowed).toEqual([
      'open→in_progress',
      'open→done',
      'open→cancelled',
      'in_progress→open',
      'in_progress→done',
      'in_progress→cancelled',
      'done→open',
    ]);
  });
});

describe('changing tasks', () => {
  it('moves a task through its states, reopens it from done, and answers 409 naming the state otherwise', async () => {
    const task = await newTask({ title: 'Recount bin A-01' , team: 'warehouse' });
    const go = (status: string) => api.patch(`/api/v1/tasks/${task.id}`, { status });
    expect((await go('in_progress')).body.status).toBe('in_progress');
    const done = (await go('done')).body;
    expect(done).toMatchObject({ status: 'done', closedAt: expect.any(String) });
    const change = await api.patch(`/api/v1/tasks/${task.id}`, { priority: 'urgent' });
    expect([change.status, change.body.currentState]).toEqual([409, 'done']);
    expect((await go('open')).body).toMatchObject({ status: 'open', closedAt: null });
    expect((await go('cancelled')).body.status).toBe('cancelled');
    const stuck = await go('in_progress');
    expect(stuck.status).toBe(409);
    expect(stuck.body).toMatchObject({ currentState: 'cancelled', detail: expect.stringContaining('cancelled') });
    expect((await api.patch(`/api/v1/tasks/${task.id}`, { status: 'finished' })).status).toBe(400);
    expect((await api.patch('/api/v1/tasks/99999999', { status: 'done' })).status).toBe(404);

    const { rows } = await ctx.db.query('SELECT status FROM tasks WHERE id = $1', [task.id]);
    expect(rows).toEqual([{ status: 'cancelled' }]);
    const moves = (await eventsOf('task', task.id)).filter((e) => e.type === 'task.status_changed').map((e) => e.payload);
    expect(moves).toEqual([
      { from: 'open', to: 'in_progress' },
      { from: 'in_progress', to: 'done' },
      { from: 'done', to: 'open' },
      { from: 'open', to: 'cancelled' },
    ]);
    expect(canMove('cancelled', 'open')).toBe(false);
  });

  it('reassigns, changes due time and priority, and keeps a task owned', async () => {
    const customerId = await customer();
    const zhang = await user('Zhang Wei');
    const task = await newTask({ customerId });
    const assigned = await api.patch(`/api/v1/tasks/${task.id}`, { assigneeId: zhang.id, team: null });
    expect(assigned.body).toMatchObject({ team: null, assigneeId: zhang.id });
    const orphan = await api.patch(`/api/v1/tasks/${task.id}`, { assigneeId: null });
    expect([orphan.status, orphan.body.field]).toEqual([422, 'assigneeId']);
    const unknown = await api.patch(`/api/v1/tasks/${task.id}`, { team: 'nope_team' });
    expect([unknown.status, unknown.body.field]).toEqual([422, 'team']);
    const changed = await api.patch(`/api/v1/tasks/${task.id}`, { dueAt: '2020-01-01T00:00:00Z', priority: 'urgent' });
    expect(changed.body).toMatchObject({ dueAt: '2020-01-01T00:00:00.000Z', priority: 'urgent', overdue: true });
    const same = await api.patch(`/api/v1/tasks/${task.id}`, { dueAt: '2020-01-01T08:00:00+08:00', priority: 'urgent' });
    expect(same.body.updatedAt).toBe(changed.body.updatedAt);

    const events = await eventsOf('task', task.id);
    expect(events.map((e) => e.type)).toEqual(['task.created', 'task.assigned', 'task.updated']);
    expect(events[1]).toMatchObject({ customerId, payload: { team: null, assigneeId: zhang.id, previous: { team: 'customer_service', assigneeId: null } } });
    expect(events[2]!.payload).toEqual({ changed: ['dueAt', 'priority'] });
  });

  it('takes comments, lists them oldest first and records task.commented', async () => {
    const customerId = await customer();
    const task = await newTask({ customerId });
    const first = await api.post(`/api/v1/tasks/${task.id}/comments`, { body: '已致电客户，无人接听' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ taskId: task.id, body: '已致电客户，无人接听', author: task.createdBy });
    await api.post(`/api/v1/tasks/${task.id}/comments`, { body: 'Called again, replacement agreed.' });
    const page1 = await api.get(`/api/v1/tasks/${task.id}/comments?limit=1`);
    expect(page1.body.items.map((c: any) => c.body)).toEqual(['已致电客户，无人接听']);
    const page2 = await api.get(`/api/v1/tasks/${task.id}/comments?limit=1&cursor=${page1.body.nextCursor}`);
    expect(page2.body.items.map((c: any) => c.body)).toEqual(['Called again, replacement agreed.']);
    expect((await api.post(`/api/v1/tasks/${task.id}/comments`, { body: '' })).status).toBe(400);
    expect((await api.post('/api/v1/tasks/99999999/comments', { body: 'x' })).status).toBe(404);
    const commented = (await eventsOf('task', task.id)).filter((e) => e.type === 'task.commented');
    expect(commented).toEqual([
      expect.objectContaining({ customerId, payload: { commentId: first.body.id } }),
      expect.objectContaining({ customerId, payload: { commentId: first.body.id + 1 } }),
    ]);
  });
});

describe('the queue', () => {
  it('lists by due time then priority, pages by keyset, and filters', async () => {
    const team = `q${Date.now() % 100000}`;
    await api.post('/api/v1/teams', { code: team, nameZh: '队列', nameEn: 'Queue' });
    const customerId = await customer();
    const mk = (title: string, extra: Record<string, unknown> = {}) => newTask({ title, team, ...extra });
    const late = await mk('late', { dueAt: '2020-01-01T00:00:00Z', priority: 'low' });
    const soonUrgent = await mk('soon urgent', { dueAt: '2031-01-01T00:00:00Z', priority: 'urgent' });
    const soonLow = await mk('soon low', { dueAt: '2031-01-01T00:00:00Z', priority: 'low', customerId });
    const noDueHigh = await mk('no due high', { priority: 'high', entityType: 'order', entityId: '900' });
    const noDueNormal = await mk('no due normal');
    const closed = await mk('closed late', { dueAt: '2019-01-01T00:00:00Z' });
    await api.patch(`/api/v1/tasks/${closed.id}`, { status: 'done' });

    const titles: string[] = [];
    let cursor: string | null = null;
    do {
      const res: any = await api.get(`/api/v1/tasks?team=${team}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      titles.push(...res.body.items.map((t: any) => t.title));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(titles).toEqual(['closed late', 'late', 'soon urgent', 'soon low', 'no due high', 'no due normal']);

    const list = async (qs: string) => (await api.get(`/api/v1/tasks?team=${team}&${qs}`)).body.items.map((t: any) => t.id);
    expect(await list('overdue=true')).toEqual([late.id]);
    expect(await list('status=done')).toEqual([closed.id]);
    expect(await list(`customerId=${customerId}`)).toEqual([soonLow.id]);
    expect(await list('entityType=order&entityId=900')).toEqual([noDueHigh.id]);
    expect((await api.get(`/api/v1/tasks?team=${team}&status=open`)).body.items.map((t: any) => t.id)).toEqual([late.id, soonUrgent.id, soonLow.id, noDueHigh.id, noDueNormal.id]);
    expect((await api.get('/api/v1/tasks?cursor=not-a-cursor')).status).toBe(400);
    expect((await api.get('/api/v1/tasks?status=sleeping')).status).toBe(400);
  });

  it('shows a signed-in user their queue: assigned to them, or to their team and nobody', async () => {
    const me = await ctx.db.transaction((tx) =>
      createUser(tx, 'system', { email: `queue.${Date.now()}@example.com`, name: 'Queue Owner', password: 'password-123', role: 'customer_service' }),
    );
    const other = await user('Someone Else');
    const team = `m${Date.now() % 100000}`;
    await api.post('/api/v1/teams', { code: team, nameZh: '我的组', nameEn: 'My team' });
    await api.post(`/api/v1/teams/${team}/members`, { userId: me.id });
    const mineDirect = await newTask({ title: 'mine direct', team: undefined, assigneeId: me.id });
    const teamOpen = await newTask({ title: 'team, nobody', team });
    await newTask({ title: 'team, someone else', team, assigneeId: other.id });
    await newTask({ title: 'other team', team: 'purchasing' });

    const login = await api.as(undefined).post('/api/v1/auth/login', { email: me.email, password: 'password-123' });
    expect(login.status).toBe(200);
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const res = await api.as(undefined).get('/api/v1/tasks?mine=true', { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.body.items.map((t: any) => t.id).sort()).toEqual([mineDirect.id, teamOpen.id].sort());

    const byKey = await api.get('/api/v1/tasks?mine=true');
    expect([byKey.status, byKey.body.field]).toEqual([422, 'querystring.mine']);
    const byAssignee = await api.get(`/api/v1/tasks?assigneeId=${me.id}`);
    expect(byAssignee.body.items.map((t: any) => t.id)).toEqual([mineDirect.id]);
  });

  it('needs tasks.write to create and tasks.read to list', async () => {
    const operator = api.as(await ctx.keyFor('warehouse_operator'));
    expect((await operator.post('/api/v1/tasks', { title: 'From the floor', team: 'warehouse' })).status).toBe(201);
    expect((await operator.get('/api/v1/tasks?team=warehouse')).status).toBe(200);
    expect((await api.as(undefined).get('/api/v1/tasks')).status).toBe(401);
  });
});
