/**
 * Notifications end to end: templates rendered in the customer's locale with a real order's data,
 * e-mail received by a real SMTP server (smtp-server, parsed with mailparser), SMS by a local HTTP
 * gateway, opt-outs, retries and failures, preview, and the customer's timeline.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getDelivery,
  sendNotification,
  startNotificationSender,
  type NotificationRequest,
  type SenderOptions,
} from '../src/modules/notifications/notifications.service.js';
import { createProduct, createWorld, fulfil, ok, placeOrder, receive } from './orders.fixtures.js';
import { useTestContext } from './support/context.js';
import { startSmtp, type TestSmtp } from './support/smtp.js';

const ctx = await useTestContext();
const api = ctx.api;
const MAIL_FROM = 'Wareloop Test <notices@wareloop.test>';
const FAST: SenderOptions = { pollMs: 25, retryBaseMs: 20, maxAttempts: 3 };

// ---- a real SMTP server and a real SMS gateway ---------------------------------------------

let smtp: TestSmtp;
let mails: ParsedMail[] = [];

type Sms = { to: string; text: string };
const texts: Sms[] = [];
/** Statuses the gateway answers with, one per request, then 200. */
const gatewayAnswers: number[] = [];
const gateway: Server = createServer((req, res) => {
  let raw = '';
  req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
  req.on('end', () => {
    const status = gatewayAnswers.shift() ?? 200;
    if (status === 200) texts.push(JSON.parse(raw) as Sms);
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(status === 200 ? { id: texts.length } : { error: 'gateway busy' }));
  });
});

const listen = (s: { listen(port: number, host: string, cb: () => void): unknown }) => new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
let smtpUrl = '';
let smsGatewayUrl = '';

beforeAll(async () => {
  smtp = await startSmtp();
  mails = smtp.mails;
  await listen(gateway);
  smtpUrl = smtp.url;
  smsGatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/sms`;
});
afterAll(async () => {
  await smtp.close();
  await new Promise<void>((r) => gateway.close(() => r()));
});

// ---- helpers -------------------------------------------------------------------------------

/** Runs `fn` with a sender started against the test servers (or the config given). */
async function withSender<T>(fn: () => Promise<T>, config: { smtpUrl?: string; smsGatewayUrl?: string } = {}, opts: SenderOptions = FAST): Promise<T> {
  const sender = startNotificationSender(ctx.db, { smtpUrl, smsGatewayUrl, mailFrom: MAIL_FROM, ...config }, opts);
  try {
    return await fn();
  } finally {
    await sender.stop();
  }
}

const send = (req: NotificationRequest) => ctx.db.transaction((tx) => sendNotification(tx, 'user:test', req));

async function settled(id: number, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const d = await getDelivery(ctx.db, id);
    if (d.status !== 'queued') return d;
    if (Date.now() > until) throw new Error(`delivery ${id} still queued after ${timeoutMs} ms (attempts ${d.attempts}, ${d.lastError})`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function until<T>(what: string, fn: () => T | undefined, timeoutMs = 120_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A customer (zh-CN unless told) with a confirmed order, as the API returns it. */
async function confirmedOrder(locale: 'zh-CN' | 'en' = 'zh-CN') {
  const world = await createWorld(api);
  if (locale !== 'zh-CN') await ok(api.patch(`/api/v1/customers/${world.customerId}`, { locale }), 200);
  const p = await createProduct(api);
  await receive(api, world, { sku: p.sku, quantity: 5 });
  const placed = await placeOrder(api, world, [{ sku: p.sku, quantity: 2 }]);
  const order = await ok(api.get(`/api/v1/orders/${placed.id}`), 200);
  expect(order.status).toBe('confirmed');
  expect(order.promisedShipDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  return { world, product: p, order, customerId: world.customerId as number };
}

const mailFor = (orderNumber: string) => mails.find((m) => m.subject?.includes(orderNumber));

async function timeline(customerId: number) {
  const res = await api.get(`/api/v1/customers/${customerId}/timeline?limit=200`);
  expect(res.status).toBe(200);
  return res.body.items as Array<{ type: string; entityType: string; entityId: string; customerId: number; payload: any }>;
}

// ---- tests ---------------------------------------------------------------------------------

describe('e-mail notifications in the customer’s locale', () => {
  it('sends a zh-CN customer the Chinese order confirmation with the order number, items and promised date', async () => {
    const { order, product, customerId } = await confirmedOrder('zh-CN');
    const queued = await send({ customerId, templateKey: 'order.confirmed', channel: 'email', variables: { order }, entityType: 'order', entityId: order.id });
    expect(queued).toMatchObject({ status: 'queued', locale: 'zh-CN', recipient: 'li.wei@example.com', entityType: 'order', entityId: String(order.id) });

    const sent = await withSender(() => settled(queued.id));
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(sent.sentAt).not.toBeNull();

    const mail = await until('the e-mail', () => mailFor(order.number));
    expect(mail.subject).toBe(`您的订单 ${order.number} 已确认`);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : '').toBe('li.wei@example.com');
    expect(mail.from?.value).toEqual([{ name: 'Wareloop Test', address: 'notices@wareloop.test' }]);
    expect(mail.text).toContain('Li Wei，您好');
    expect(mail.text).toContain(`预计发货日期：${order.promisedShipDate}`);
    expect(mail.text).toContain(`${product.name} × 2`);

    const listed = await api.get(`/api/v1/notifications?customerId=${customerId}`);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ id: queued.id, status: 'sent', templateKey: 'order.confirmed', channel: 'email' })]);
  });

  it('sends an en customer the English one', async () => {
    const { order, customerId } = await confirmedOrder('en');
    const queued = await send({ customerId, templateKey: 'order.confirmed', channel: 'email', variables: { order } });
    expect(queued.locale).toBe('en');
    await withSender(() => settled(queued.id));
    const mail = await until('the e-mail', () => mailFor(order.number));
    expect(mail.subject).toBe(`Your order ${order.number} is confirmed`);
    expect(mail.text).toContain('Hello Li Wei,');
    expect(mail.text).toContain(`will ship by ${order.promisedShipDate}`);
  });

  it('falls back to zh-CN, then en, when the customer’s locale has no template', async () => {
    const { order, customerId } = await confirmedOrder('zh-CN');
    await ok(api.post('/api/v1/notification-templates', { key: 'test.only_english', channel: 'in_app', locale: 'en', body: 'Only English: {{ order.number }}' }));
    const d = await send({ customerId, templateKey: 'test.only_english', channel: 'in_app', variables: { order } });
    expect([d.locale, d.body]).toEqual(['en', `Only English: ${order.number}`]);
    expect((await withSender(() => settled(d.id))).status).toBe('sent');
    const missing = send({ customerId, templateKey: 'test.nowhere', channel: 'email' });
    await expect(missing).rejects.toMatchObject({ status: 404 });
  });

  it('shows the delivery on the customer’s timeline', async () => {
    const { order, customerId } = await confirmedOrder('en');
    const queued = await send({ customerId, templateKey: 'order.confirmed', channel: 'email', variables: { order }, entityType: 'order', entityId: order.id });
    await withSender(() => settled(queued.id));
    const events = await timeline(customerId);
    const mine = events.filter((e) => e.entityType === 'notification' && e.entityId === String(queued.id));
    expect(mine.map((e) => e.type)).toEqual(['notification.sent', 'notification.queued']);
    expect(mine[1]).toMatchObject({
      customerId,
      payload: { deliveryId: queued.id, templateKey: 'order.confirmed', channel: 'email', locale: 'en', entityType: 'order', entityId: String(order.id) },
    });
    expect(mine[1]!.payload.subject).toContain(order.number);
  });
});

describe('opt-outs', () => {
  it('records an opted-out customer’s notice as skipped and sends nothing; other channels still go', async () => {
    const { order, customerId } = await confirmedOrder('zh-CN');
    const prefs = `/api/v1/customers/${customerId}/notification-preferences`;
    expect((await api.get(prefs)).body).toEqual({ customerId, optedOut: [] });
    expect((await api.put(prefs, { optedOut: ['email'] })).body).toEqual({ customerId, optedOut: ['email'] });
    expect((await api.get(prefs)).body.optedOut).toEqual(['email']);
    expect((await api.get('/api/v1/customers/99999999/notification-preferences')).status).toBe(404);
    expect((await api.put(prefs, { optedOut: ['fax'] })).status).toBe(400);
    const operator = api.as(await ctx.keyFor('warehouse_operator'));
    expect((await operator.put(prefs, { optedOut: [] })).status).toBe(403);

    const skipped = await send({ customerId, templateKey: 'order.confirmed', channel: 'email', variables: { order } });
    expect(skipped.status).toBe('skipped_opt_out');
    const inApp = await send({ customerId, templateKey: 'order.confirmed', channel: 'in_app', variables: { order } });
    await withSender(() => settled(inApp.id));
    expect((await getDelivery(ctx.db, skipped.id)).status).toBe('skipped_opt_out');
    expect((await getDelivery(ctx.db, inApp.id)).status).toBe('sent');
    expect(mailFor(order.number)).toBeUndefined();

    const types = (await timeline(customerId)).map((e) => e.type);
    expect(types).toContain('notification.skipped');
    expect(types).toContain('notification_preferences.updated');
    expect((await api.put(prefs, { optedOut: [] })).body.optedOut).toEqual([]);
  });
});

describe('opt-out after queueing, and several senders', () => {
  it('skips a queued notice whose customer opts out before it goes', async () => {
    const { order, customerId } = await confirmedOrder('en');
    const queued = await send({ customerId, templateKey: 'order.confirmed', channel: 'email', variables: { order } });
    expect(queued.status).toBe('queued');
    await ok(api.put(`/api/v1/customers/${customerId}/notification-preferences`, { optedOut: ['email', 'sms'] }), 200);
    expect((await withSender(() => settled(queued.id))).status).toBe('skipped_opt_out');
    expect(mailFor(order.number)).toBeUndefined();
    const ev = (await timeline(customerId)).find((e) => e.type === 'notification.skipped' && e.entityId === String(queued.id));
    expect(ev?.payload.reason).toBe('opt_out');
  });

  it('sends each notice once when two senders work the same queue', async () => {
    const { customerId } = await confirmedOrder('en');
    await ok(api.post('/api/v1/notification-templates', { key: 'test.batch', channel: 'email', locale: 'en', subject: 'Batch {{ run }} #{{ n }}', body: 'n = {{ n }}' }));
    const run = `R${customerId}`;
    const ids: number[] = [];
    for (let n = 1; n <= 12; n++) ids.push((await send({ customerId, templateKey: 'test.batch', channel: 'email', variables: { run, n } })).id);
    const a = startNotificationSender(ctx.db, { smtpUrl, smsGatewayUrl, mailFrom: MAIL_FROM }, { ...FAST, batchSize: 3 });
    const b = startNotificationSender(ctx.db, { smtpUrl, smsGatewayUrl, mailFrom: MAIL_FROM }, { ...FAST, batchSize: 3 });
    try {
      for (const id of ids) expect((await settled(id)).status).toBe('sent');
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
    const subjects = mails.map((m) => m.subject ?? '').filter((s) => s.startsWith(`Batch ${run} `));
    expect(subjects.sort()).toEqual(Array.from({ length: 12 }, (_, i) => `Batch ${run} #${i + 1}`).sort());
    const attempts = await ctx.db.query<{ attempts: number }>('SELECT attempts FROM notification_deliveries WHERE id = ANY($1::bigint[])', [ids]);
    expect(attempts.rows.every((r) => r.attempts === 1)).toBe(true);
  });
});

describe('failures and retries', () => {
  it('fails an e-mail after its attempts when the SMTP server is down, recording the error', async () => {
    const { order, customerId } = await confirmedOrder('zh-CN');
    // A port nothing listens on: open a server, note its port, close it.
    const dead = createServer();
    await listen(dead);
    const port = (dead.address() as AddressInfo).port;
    await new Promise<void>((r) => dead.close(() => r()));

    const queued = await send({ customerId, templateKey: 'order.confirmed', channel: 'email', variables: { order } });
    const failed = await withSender(() => settled(queued.id), { smtpUrl: `smtp://127.0.0.1:${port}` });
    expect(failed).toMatchObject({ status: 'failed', attempts: 3 });
    expect(failed.lastError).toMatch(/ECONNREFUSED/);
    expect(mailFor(order.number)).toBeUndefined();
    const ev = (await timeline(customerId)).find((e) => e.type === 'notification.failed' && e.entityId === String(queued.id));
    expect(ev).toMatchObject({ customerId, payload: { attempts: 3, error: expect.stringMatching(/ECONNREFUSED/) } });
  });

  it('fails at once, without retrying, when e-mail is not configured', async () => {
    const { order, customerId } = await confirmedOrder('zh-CN');
    const queued = await send({ customerId, templateKey: 'order.confirmed', channel: 'email', variables: { order } });
    const failed = await withSender(() => settled(queued.id), { smtpUrl: undefined });
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringContaining('SMTP_URL') });
  });
});

describe('SMS through the HTTP gateway', () => {
  it('posts {to, text} with carrier and tracking number, retrying after the gateway fails once', async () => {
    const { order: confirmed, customerId } = await confirmedOrder('en');
    const tracking = `YT${confirmed.id}555`;
    const order = await fulfil(api, confirmed.id, tracking);
    expect(order.shipment).toMatchObject({ carrier: 'manual', trackingNumber: tracking });
    const link = `https://track.example.com/${tracking}`;

    gatewayAnswers.push(503);
    const queued = await send({ customerId, templateKey: 'order.shipped', channel: 'sms', variables: { order, trackingUrl: link }, entityType: 'order', entityId: order.id });
    expect(queued.recipient).toBe('+86 138 0000 0000');
    const sent = await withSender(() => settled(queued.id));
    expect(sent).toMatchObject({ status: 'sent', attempts: 2 });
    const sms = texts.find((t) => t.text.includes(order.number));
    expect(sms).toEqual({
      to: '+86 138 0000 0000',
      text: `Wareloop: order ${order.number} shipped with manual, tracking ${tracking}: ${link}`,
    });
  });

  it('fails at once when the gateway refuses the message (4xx)', async () => {
    const { order, customerId } = await confirmedOrder('zh-CN');
    gatewayAnswers.push(400);
    const queued = await send({ customerId, templateKey: 'order.confirmed', channel: 'sms', variables: { order } });
    const failed = await withSender(() => settled(queued.id));
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringContaining('SMS gateway answered 400') });
  });
});

describe('templates', () => {
  it('previews a stored template and a draft, and refuses bad Liquid with a 422 naming the field', async () => {
    const variables = { order: { number: 'SO-123456', promisedShipDate: '2026-12-01', lines: [{ name: '茶杯', quantity: 3 }] }, customer: { name: '王芳' } };
    const zh = await api.post('/api/v1/notification-templates/preview', { key: 'order.confirmed', channel: 'email', locale: 'zh-CN', variables });
    expect(zh.status).toBe(200);
    expect(zh.body.subject).toBe('您的订单 SO-123456 已确认');
    expect(zh.body.body).toContain('王芳，您好');
    expect(zh.body.body).toContain('预计发货日期：2026-12-01');
    expect(zh.body.body).toContain('- 茶杯 × 3');
    expect(zh.body.templateId).toEqual(expect.any(Number));

    const draft = await api.post('/api/v1/notification-templates/preview', {
      key: 'order.confirmed', channel: 'email', locale: 'en', variables, body: '{{ order.number | upcase }} {{ missing.value }}!',
    });
    expect(draft.body).toMatchObject({ body: 'SO-123456 !', templateId: null });

    const bad = await api.post('/api/v1/notification-templates/preview', { key: 'order.confirmed', channel: 'email', locale: 'en', variables, body: '{% if order %}never closed' });
    expect(bad.status).toBe(422);
    expect(bad.body.field).toBe('body');
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const badSubject = await api.post('/api/v1/notification-templates/preview', { key: 'order.confirmed', channel: 'email', locale: 'en', subject: '{{ order.number', variables });
    expect([badSubject.status, badSubject.body.field]).toEqual([422, 'subject']);
    const badFilter = await api.post('/api/v1/notification-templates/preview', { key: 'order.confirmed', channel: 'email', locale: 'en', body: '{{ x | nope }}' });
    expect([badFilter.status, badFilter.body.field]).toEqual([422, 'body']);
    expect((await api.post('/api/v1/notification-templates/preview', { key: 'no.such', channel: 'sms', locale: 'en' })).status).toBe(404);
  });

  it('seeds the built-in templates for every order notice, channel and locale', async () => {
    const res = await api.get('/api/v1/notification-templates?limit=200');
    expect(res.status).toBe(200);
    const have = new Set(res.body.items.map((t: any) => `${t.key}/${t.channel}/${t.locale}`));
    for (const key of ['order.confirmed', 'order.shipped', 'order.delivered', 'order.exception', 'order.backordered']) {
      for (const channel of ['email', 'sms', 'in_app']) for (const locale of ['zh-CN', 'en']) expect(have).toContain(`${key}/${channel}/${locale}`);
    }
  });

  it('creates, lists, gets and changes templates; each change is a new version', async () => {
    const created = await api.post('/api/v1/notification-templates', { key: 'test.greeting', channel: 'email', locale: 'zh-CN', subject: '你好 {{ customer.name }}', body: '欢迎！' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ key: 'test.greeting', version: 1, active: true });
    const id = created.body.id;
    const dup = await api.post('/api/v1/notification-templates', { key: 'test.greeting', channel: 'email', locale: 'zh-CN', subject: 'x', body: 'y' });
    expect(dup.status).toBe(409);
    const noSubject = await api.post('/api/v1/notification-templates', { key: 'test.greeting', channel: 'email', locale: 'en', body: 'y' });
    expect([noSubject.status, noSubject.body.field]).toEqual([422, 'subject']);
    const badBody = await api.post('/api/v1/notification-templates', { key: 'test.greeting', channel: 'sms', locale: 'en', body: '{% for x in y %}' });
    expect([badBody.status, badBody.body.field]).toEqual([422, 'body']);

    const changed = await api.patch(`/api/v1/notification-templates/${id}`, { body: '欢迎光临，{{ customer.name }}！' });
    expect(changed.body).toMatchObject({ version: 2, body: '欢迎光临，{{ customer.name }}！' });
    expect((await api.patch(`/api/v1/notification-templates/${id}`, { body: '欢迎光临，{{ customer.name }}！' })).body.version).toBe(2);
    expect((await api.patch(`/api/v1/notification-templates/${id}`, { active: false })).body).toMatchObject({ version: 3, active: false });
    const badPatch = await api.patch(`/api/v1/notification-templates/${id}`, { subject: '{{ oops' });
    expect([badPatch.status, badPatch.body.field]).toEqual([422, 'subject']);
    expect((await api.get(`/api/v1/notification-templates/${id}`)).body.version).toBe(3);
    expect((await api.get('/api/v1/notification-templates/99999999')).status).toBe(404);
    const listed = await api.get('/api/v1/notification-templates?key=test.greeting');
    expect(listed.body.items.map((t: any) => t.id)).toEqual([id]);

    const operator = api.as(await ctx.keyFor('warehouse_operator'));
    expect((await operator.get('/api/v1/notification-templates')).status).toBe(403);
    const manager = api.as(await ctx.keyFor('manager'));
    expect((await manager.get('/api/v1/notification-templates')).status).toBe(200);
  });
});
