/**
 * Staff notices and the chat channel end to end: a team's members notified by e-mail (a real SMTP
 * server) and in-app in their own locale, a team's group chat in WeCom and Feishu format (a real
 * local HTTP robot, refusing once with an error code, then accepting), customers' chat through the
 * chat gateway (failing, then recovering), chat opt-outs, and the one-recipient CHECK.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../src/platform/auth/auth.service.js';
import {
  getDelivery,
  notifyTeam,
  notifyUser,
  sendNotification,
  startNotificationSender,
  type SenderConfig,
  type SenderOptions,
} from '../src/modules/notifications/notifications.service.js';
import { createTask, type Task } from '../src/modules/tasks/tasks.service.js';
import { useTestContext } from './support/context.js';
import { startSmtp, type TestSmtp } from './support/smtp.js';

// The chat robots of these tests run on this machine: allowed explicitly, as an operator would.
const ctx = await useTestContext({ webhookAllowedHosts: ['127.0.0.1/32'] });
const api = ctx.api;
const FAST: SenderOptions = { pollMs: 25, retryBaseMs: 20, maxAttempts: 3 };

// ---- a real SMTP server and a real chat endpoint (robots and the customer gateway) ----------

let smtp: TestSmtp;
let mails: ParsedMail[] = [];

type Received = { path: string; body: any };
const received: Received[] = [];
/** Answers per path, one per request, then 200 with `{ errcode: 0 }`. */
const answers = new Map<string, Array<{ status: number; body: unknown }>>();
const chatServer: Server = createServer((req, res) => {
  let raw = '';
  req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
  req.on('end', () => {
    const path = req.url ?? '/';
    const answer = answers.get(path)?.shift() ?? { status: 200, body: { errcode: 0, errmsg: 'ok', code: 0 } };
    const accepted = answer.status === 200 && ((answer.body as any).errcode ?? 0) === 0 && ((answer.body as any).code ?? 0) === 0;
    if (accepted) received.push({ path, body: JSON.parse(raw) });
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
  });
});

const listen = (s: { listen(port: number, host: string, cb: () => void): unknown }) => new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
let smtpUrl = '';
let chatBase = '';

beforeAll(async () => {
  smtp = await startSmtp();
  mails = smtp.mails;
  await listen(chatServer);
  smtpUrl = smtp.url;
  chatBase = `http://127.0.0.1:${(chatServer.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await smtp.close();
  await new Promise<void>((r) => chatServer.close(() => r()));
});

// ---- helpers -------------------------------------------------------------------------------

async function withSender<T>(fn: () => Promise<T>, config: Partial<SenderConfig> = {}): Promise<T> {
  const sender = startNotificationSender(
    ctx.db,
    { smtpUrl, smsGatewayUrl: undefined, mailFrom: 'Wareloop Test <notices@wareloop.test>', chatGatewayUrl: `${chatBase}/gateway`, webhookAllowedHosts: ['127.0.0.1/32'], ...config },
    FAST,
  );
  try {
    return await fn();
  } finally {
    await sender.stop();
  }
}

async function settled(id: number, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const d = await getDelivery(ctx.db, id);
    if (d.status !== 'queued') return d;
    if (Date.now() > until) throw new Error(`delivery ${id} still queued after ${timeoutMs} ms (attempts ${d.attempts}, ${d.lastError})`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

let seq = 0;
const unique = (prefix: string) => `${prefix}${Date.now() % 1_000_000}_${++seq}`;

async function staff(name: string, locale: 'zh-CN' | 'en') {
  return ctx.db.transaction((tx) =>
    createUser(tx, 'system', { email: `${unique('staff')}@example.com`, name, password: 'password-123', role: 'customer_service', locale }),
  );
}

async function team(extra: Record<string, unknown> = {}) {
  const code = unique('t');
  const res = await api.post('/api/v1/teams', { code, nameZh: '售后二组', nameEn: 'After-sales 2', ...extra });
  expect(res.status).toBe(201);
  return code;
}

async function task(teamCode: string, title = 'Replace the broken kettle for order 12'): Promise<Task> {
  return ctx.db.transaction((tx) =>
    createTask(tx, 'system', { title, team: teamCode, entityType: 'order', entityId: '12', priority: 'high', dueAt: '2030-05-01T10:00:00Z', source: 'rule:1' }),
  );
}

async function eventsOf(deliveryId: number) {
  const { rows } = await ctx.db.query<{ type: string; customerId: number | null; payload: any }>(
    `SELECT type, customer_id AS "customerId", payload FROM events WHERE entity_type = 'notification' AND entity_id = $1 ORDER BY id`,
    [String(deliveryId)],
  );
  return rows;
}

async function chatCustomer(chatId: string | null, locale: 'zh-CN' | 'en' = 'zh-CN') {
  const res = await api.post('/api/v1/customers', { name: 'Chen Jing', locale, ...(chatId ? { chatId } : {}) });
  expect(res.status).toBe(201);
  expect(res.body.chatId).toBe(chatId);
  return res.body.id as number;
}

const order = (number: string) => ({ number, promisedShipDate: '2030-01-05', lines: [] });

// ---- tests ---------------------------------------------------------------------------------

describe('a team’s members, by e-mail and in-app', () => {
  it('mails each active member the task in their own language, and records one delivery each', async () => {
    const code = await team();
    const zh = await staff('刘洋', 'zh-CN');
    const en = await staff('Emma Hall', 'en');
    const gone = await staff('Gone Away', 'en');
    for (const u of [zh, en, gone]) expect((await api.post(`/api/v1/teams/${code}/members`, { userId: u.id })).status).toBe(200);
    await ctx.db.query('UPDATE users SET active = false WHERE id = $1', [gone.id]);

    const t = await task(code, `Kettle ${code}`);
    const deliveries = await ctx.db.transaction((tx) =>
      notifyTeam(tx, 'rule:1', { team: code, templateKey: 'task.assigned', channel: 'email', variables: { task: t }, entityType: 'task', entityId: t.id }),
    );
    expect(deliveries.map((d) => [d.userId, d.recipient, d.locale, d.customerId, d.team])).toEqual([
      [zh.id, zh.email, 'zh-CN', null, null],
      [en.id, en.email, 'en', null, null],
    ]);
    await withSender(async () => {
      for (const d of deliveries) expect((await settled(d.id)).status).toBe('sent');
    });
    const zhMail = mails.find((m) => m.subject === `新任务：Kettle ${code}`);
    const enMail = mails.find((m) => m.subject === `New task: Kettle ${code}`);
    expect(zhMail?.to && !Array.isArray(zhMail.to) ? zhMail.to.text : '').toBe(zh.email);
    expect(zhMail?.text).toContain('刘洋，您好');
    expect(zhMail?.text).toContain(`#${t.id}`);
    expect(zhMail?.text).toContain('关联：order 12');
    expect(enMail?.text).toContain('Hello Emma Hall,');
    expect(enMail?.text).toContain('Due: 2030-05-01T10:00:00.000Z');

    const events = await eventsOf(deliveries[0]!.id);
    expect(events.map((e) => e.type)).toEqual(['notification.queued', 'notification.sent']);
    expect(events[0]).toMatchObject({ customerId: null, payload: { userId: zh.id, templateKey: 'task.assigned', entityType: 'task', entityId: String(t.id) } });
    const listed = await api.get(`/api/v1/notifications?userId=${en.id}`);
    expect(listed.body.items).toEqual([expect.objectContaining({ id: deliveries[1]!.id, userId: en.id, customerId: null, team: null, status: 'sent' })]);
  });

  it('notifies one user in-app, and refuses channels staff cannot get', async () => {
    const code = await team();
    const u = await staff('Zhou Min', 'en');
    const t = await task(code);
    const d = await ctx.db.transaction((tx) => notifyUser(tx, 'system', { userId: u.id, templateKey: 'task.assigned', variables: { task: t } }));
    expect(d).toMatchObject({ channel: 'in_app', userId: u.id, recipient: null, locale: 'en', status: 'queued', body: `New task #${t.id}: ${t.title} (due 2030-05-01T10:00:00.000Z)` });
    expect((await withSender(() => settled(d.id))).status).toBe('sent');

    const refuse = (fn: () => Promise<unknown>) => expect(fn()).rejects.toMatchObject({ status: 422, extra: { field: 'channel' } });
    await refuse(() => ctx.db.transaction((tx) => notifyUser(tx, 'system', { userId: u.id, templateKey: 'task.assigned', channel: 'chat' })));
    await refuse(() => ctx.db.transaction((tx) => notifyTeam(tx, 'system', { team: code, templateKey: 'task.assigned', channel: 'sms' })));
    await expect(ctx.db.transaction((tx) => notifyUser(tx, 'system', { userId: 99999999, templateKey: 'task.assigned' }))).rejects.toMatchObject({ status: 404 });
    await expect(ctx.db.transaction((tx) => notifyTeam(tx, 'system', { team: 'no_such_team', templateKey: 'task.assigned' }))).rejects.toMatchObject({ status: 404 });
  });
});

describe('a team’s group chat', () => {
  it('posts to a WeCom robot, retrying after it refuses with an error code', async () => {
    const path = `/robot/${unique('wecom')}`;
    const code = await team({ chatWebhookUrl: `${chatBase}${path}`, chatFormat: 'wecom' });
    answers.set(path, [{ status: 200, body: { errcode: 45009, errmsg: 'api freq out of limit' } }]);
    const t = await task(code);
    const [d] = await ctx.db.transaction((tx) =>
      notifyTeam(tx, 'rule:1', { team: code, templateKey: 'task.assigned', channel: 'chat', variables: { task: t }, entityType: 'task', entityId: t.id }),
    );
    expect(d).toMatchObject({ channel: 'chat', team: code, customerId: null, userId: null, recipient: null, locale: 'zh-CN', status: 'queued' });
    const sent = await withSender(() => settled(d!.id));
    expect(sent).toMatchObject({ status: 'sent', attempts: 2 });
    const hits = received.filter((r) => r.path === path);
    expect(hits).toEqual([
      {
        path,
        body: { msgtype: 'text', text: { content: `【Wareloop】售后二组新任务 #${t.id}：${t.title}，优先级 high，截止 2030-05-01T10:00:00.000Z` } },
      },
    ]);
    const events = await eventsOf(d!.id);
    expect(events.map((e) => e.type)).toEqual(['notification.queued', 'notification.sent']);
    expect(events[1]).toMatchObject({ customerId: null, payload: { team: code, attempts: 2, channel: 'chat' } });
    expect((await api.get(`/api/v1/notifications?team=${code}`)).body.items.map((x: any) => x.id)).toEqual([d!.id]);
  });

  it('refuses to post to a robot on a private network unless the operator allows it', async () => {
    const path = `/robot/${unique('inside')}`;
    const code = await team({ chatWebhookUrl: `${chatBase}${path}`, chatFormat: 'wecom' });
    const t = await task(code);
    const [d] = await ctx.db.transaction((tx) =>
      notifyTeam(tx, 'rule:1', { team: code, templateKey: 'task.assigned', channel: 'chat', variables: { task: t }, entityType: 'task', entityId: t.id }),
    );
    // A sender with the default policy (no private networks) fails it at once, and nothing is posted.
    const failed = await withSender(() => settled(d!.id), { webhookAllowedHosts: [] });
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.lastError).toContain('chat robot refused');
    expect(received.filter((r) => r.path === path)).toEqual([]);
  });

  it('posts to a Feishu robot in English when asked, and fails when the robot is removed before sending', async () => {
    const path = `/robot/${unique('feishu')}`;
    const code = await team({ chatWebhookUrl: `${chatBase}${path}`, chatFormat: 'feishu' });
    const t = await task(code);
    const send = () => ctx.db.transaction((tx) => notifyTeam(tx, 'system', { team: code, templateKey: 'task.assigned', channel: 'chat', locale: 'en', variables: { task: t } }));
    const [d] = await send();
    await withSender(() => settled(d!.id));
    expect(received.filter((r) => r.path === path).map((r) => r.body)).toEqual([
      { msg_type: 'text', content: { text: `Wareloop: new task #${t.id} for After-sales 2: ${t.title}, priority high, due 2030-05-01T10:00:00.000Z` } },
    ]);

    const [queued] = await send();
    await api.patch(`/api/v1/teams/${code}`, { chatWebhookUrl: null });
    const failed = await withSender(() => settled(queued!.id));
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringContaining('no chat robot') });
    const [skipped] = await send();
    expect(skipped).toMatchObject({ status: 'skipped_no_recipient' });
  });
});

describe('chat formats and deactivated staff', () => {
  it('posts {to: team code, text} to a generic gateway and {msgtype, text} to a DingTalk robot', async () => {
    const genericPath = `/robot/${unique('generic')}`;
    const dingPath = `/robot/${unique('ding')}`;
    const generic = await team({ chatWebhookUrl: `${chatBase}${genericPath}`, chatFormat: 'generic' });
    const ding = await team({ chatWebhookUrl: `${chatBase}${dingPath}`, chatFormat: 'dingtalk' });
    const t = await task(generic, 'Count aisle 7');
    const ids = await ctx.db.transaction(async (tx) => [
      ...(await notifyTeam(tx, 'system', { team: generic, templateKey: 'task.assigned', channel: 'chat', locale: 'en', variables: { task: t } })),
      ...(await notifyTeam(tx, 'system', { team: ding, templateKey: 'task.assigned', channel: 'chat', locale: 'en', variables: { task: t } })),
    ]);
    await withSender(async () => {
      for (const d of ids) expect((await settled(d.id)).status).toBe('sent');
    });
    const text = `Wareloop: new task #${t.id} for After-sales 2: Count aisle 7, priority high, due 2030-05-01T10:00:00.000Z`;
    expect(received.filter((r) => r.path === genericPath).map((r) => r.body)).toEqual([{ to: generic, text }]);
    expect(received.filter((r) => r.path === dingPath).map((r) => r.body)).toEqual([{ msgtype: 'text', text: { content: text } }]);
  });

  it('records a notice to a deactivated user as skipped', async () => {
    const u = await staff('Left Company', 'zh-CN');
    await ctx.db.query('UPDATE users SET active = false WHERE id = $1', [u.id]);
    const d = await ctx.db.transaction((tx) => notifyUser(tx, 'system', { userId: u.id, templateKey: 'task.assigned', channel: 'email', variables: { task: { id: 1, title: 'x', priority: 'low' } } }));
    expect(d).toMatchObject({ status: 'skipped_no_recipient', userId: u.id, recipient: u.email });
    expect((await eventsOf(d.id)).map((e) => [e.type, e.payload.reason])).toEqual([['notification.skipped', 'no_recipient']]);
  });
});

describe('customers on the chat channel', () => {
  it('sends {to, text} with the SMS wording through the chat gateway, after it fails once', async () => {
    const chatId = unique('wx_openid_');
    const customerId = await chatCustomer(chatId, 'en');
    answers.set('/gateway', [{ status: 503, body: { error: 'busy' } }]);
    const d = await ctx.db.transaction((tx) => sendNotification(tx, 'system', { customerId, templateKey: 'order.confirmed', channel: 'chat', variables: { order: order(`SO-${chatId}`) } }));
    expect(d).toMatchObject({ customerId, recipient: chatId, status: 'queued', channel: 'chat' });
    const sent = await withSender(() => settled(d.id));
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(received.filter((r) => r.path === '/gateway' && r.body.to === chatId).map((r) => r.body)).toEqual([
      { to: chatId, text: `Wareloop: order SO-${chatId} is confirmed and will ship by 2030-01-05.` },
    ]);
    const timeline = await api.get(`/api/v1/customers/${customerId}/timeline`);
    expect(timeline.body.items.filter((e: any) => e.entityId === String(d.id)).map((e: any) => e.type)).toEqual(['notification.sent', 'notification.queued']);
  });

  it('skips a customer with no chat id, fails at once when chat is not configured, and gives up after its attempts', async () => {
    const without = await chatCustomer(null);
    const none = await ctx.db.transaction((tx) => sendNotification(tx, 'system', { customerId: without, templateKey: 'order.shipped', channel: 'chat', variables: {} }));
    expect(none.status).toBe('skipped_no_recipient');

    const chatId = unique('cid');
    const customerId = await chatCustomer(chatId);
    const send = () => ctx.db.transaction((tx) => sendNotification(tx, 'system', { customerId, templateKey: 'order.delivered', channel: 'chat', variables: { order: order('SO-1') } }));
    const unconfigured = await withSender(async () => settled((await send()).id), { chatGatewayUrl: undefined });
    expect(unconfigured).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringContaining('CHAT_GATEWAY_URL') });

    answers.set('/gateway', [500, 502, 503].map((status) => ({ status, body: { error: 'down' } })));
    const down = await withSender(async () => settled((await send()).id));
    expect(down).toMatchObject({ status: 'failed', attempts: 3, lastError: expect.stringContaining('chat gateway answered 503') });
  });

  it('honours a chat opt-out, before and after queueing, while other channels still go', async () => {
    const chatId = unique('optout');
    const customerId = await chatCustomer(chatId);
    const queuedFirst = await ctx.db.transaction((tx) => sendNotification(tx, 'system', { customerId, templateKey: 'order.confirmed', channel: 'chat', variables: { order: order('SO-OPT') } }));
    const prefs = `/api/v1/customers/${customerId}/notification-preferences`;
    expect((await api.put(prefs, { optedOut: ['chat'] })).body).toEqual({ customerId, optedOut: ['chat'] });
    const skipped = await ctx.db.transaction((tx) => sendNotification(tx, 'system', { customerId, templateKey: 'order.confirmed', channel: 'chat', variables: { order: order('SO-OPT') } }));
    expect(skipped.status).toBe('skipped_opt_out');
    const inApp = await ctx.db.transaction((tx) => sendNotification(tx, 'system', { customerId, templateKey: 'order.confirmed', channel: 'in_app', variables: { order: order('SO-OPT') } }));
    await withSender(async () => {
      expect((await settled(queuedFirst.id)).status).toBe('skipped_opt_out');
      expect((await settled(inApp.id)).status).toBe('sent');
    });
    expect(received.some((r) => r.body.to === chatId)).toBe(false);
    expect((await eventsOf(skipped.id))[0]).toMatchObject({ type: 'notification.skipped', customerId, payload: { reason: 'opt_out', channel: 'chat' } });
  });

  it('keeps a chat id on the customer: set, change, clear, and refuse a bad one', async () => {
    const customerId = await chatCustomer('first-id');
    expect((await api.patch(`/api/v1/customers/${customerId}`, { chatId: 'second-id' })).body.chatId).toBe('second-id');
    expect((await api.get(`/api/v1/customers/${customerId}`)).body.chatId).toBe('second-id');
    expect((await api.patch(`/api/v1/customers/${customerId}`, { chatId: null })).body.chatId).toBeNull();
    const bad = await api.patch(`/api/v1/customers/${customerId}`, { chatId: 'has space' });
    expect([bad.status, bad.body.field]).toEqual([400, 'body.chatId']);
  });
});

describe('the delivery log and templates', () => {
  it('lets a delivery go to exactly one kind of recipient', async () => {
    const template = (await ctx.db.query<{ id: number }>(`SELECT id FROM notification_templates WHERE key = 'task.assigned' AND channel = 'in_app' LIMIT 1`)).rows[0]!;
    const insert = (customerId: number | null, userId: number | null, team: string | null, channel = 'in_app') =>
      ctx.db.query(
        `INSERT INTO notification_deliveries (customer_id, user_id, team, template_id, template_key, template_version, channel, locale, body)
         VALUES ($1, $2, $3, $4, 'task.assigned', 1, $5, 'en', 'x')`,
        [customerId, userId, team, template.id, channel],
      );
    await expect(insert(1, 1, null)).rejects.toMatchObject({ code: '23514' });
    await expect(insert(null, null, null)).rejects.toMatchObject({ code: '23514' });
    await expect(insert(null, null, 'warehouse', 'in_app')).rejects.toMatchObject({ code: '23514' });
    await expect(insert(null, 1, null, 'sms')).rejects.toMatchObject({ code: '23514' });
  });

  it('seeds chat templates with the SMS wording, and task.assigned for staff in both languages', async () => {
    const res = await api.get('/api/v1/notification-templates?limit=200');
    const all = res.body.items as Array<{ key: string; channel: string; locale: string; body: string }>;
    const find = (key: string, channel: string, locale: string) => all.find((t) => t.key === key && t.channel === channel && t.locale === locale);
    for (const key of ['order.confirmed', 'order.shipped', 'order.delivered', 'order.exception', 'order.backordered']) {
      for (const locale of ['zh-CN', 'en']) expect(find(key, 'chat', locale)?.body).toBe(find(key, 'sms', locale)?.body);
    }
    for (const channel of ['email', 'in_app', 'chat']) for (const locale of ['zh-CN', 'en']) expect(find('task.assigned', channel, locale)).toBeDefined();
    const created = await api.post('/api/v1/notification-templates', { key: 'test.chat_only', channel: 'chat', locale: 'en', body: 'Hi {{ customer.name }}' });
    expect(created.status).toBe(201);
  });
});
