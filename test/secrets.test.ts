/**
 * Secrets are shown once, when they are created: a storage voucher, an API key, a webhook's
 * signing secret. No later read gives them back to anyone, admin included: not the lists, not the
 * event log, not the notice log, not a rule's dry run. The voucher's notice carries it to the
 * customer, and only the message sent does.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAutomationOnce } from '../src/modules/automation/worker.js';
import { startNotificationSender } from '../src/modules/notifications/notifications.service.js';
import { checkIn, ok, phoneOf, storageWorld } from './storage.fixtures.js';
import { useTestContext } from './support/context.js';
import { startSmtp, type TestSmtp } from './support/smtp.js';

const ctx = await useTestContext();
const admin = ctx.api;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let smtp: TestSmtp;
const texts: Array<{ to: string; text: string }> = [];
const gateway: Server = createServer((req, res) => {
  let raw = '';
  req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
  req.on('end', () => {
    texts.push(JSON.parse(raw) as { to: string; text: string });
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
});
let smsGatewayUrl = '';
beforeAll(async () => {
  smtp = await startSmtp();
  await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', r));
  smsGatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/sms`;
});
afterAll(async () => {
  await smtp.close();
  await new Promise<void>((r) => gateway.close(() => r()));
});

/** Runs the rules until every committed event is handled. */
async function runRules(): Promise<void> {
  for (let i = 0; i < 250; i++) {
    await runAutomationOnce(ctx.db, { timeZone: 'Asia/Shanghai' });
    const { rows } = await ctx.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM events e, consumer_cursors c WHERE c.name = 'automation' AND (e.tx_id, e.id) > (c.tx_id, c.event_id)`,
    );
    if (rows[0]!.n === 0) return;
    await sleep(20);
  }
  throw new Error('the rules engine did not catch up');
}

/** Every page of a list, as text. */
async function readAll(api: typeof admin, url: string): Promise<string> {
  const res = await api.get(url);
  expect(res.status, url).toBe(200);
  return JSON.stringify(res.body);
}

/** Every event, as text (what staff with events.read and webhooks see). */
async function eventLog(): Promise<string> {
  const { rows } = await ctx.db.query<{ t: string }>(`SELECT coalesce(string_agg(payload::text, ' '), '') AS t FROM events`);
  return rows[0]!.t;
}

describe('the storage voucher', () => {
  it('reaches the customer by SMS and e-mail, but every log keeps it masked', async () => {
    const world = await storageWorld(admin);
    const phone = phoneOf();
    const customer = await ok(admin.post('/api/v1/customers', { name: 'Chen Jie', phone, email: `chen.${Date.now()}@example.com`, locale: 'en' }));
    const deposit = await checkIn(admin, world, { customerId: customer.id });
    const voucher: string = deposit.voucherCode;
    const masked = `••••${voucher.slice(-2)}`;
    await runRules();

    // The notice log, as admin and as customer service.
    const service = admin.as(await ctx.keyFor('customer_service'));
    for (const api of [admin, service]) {
      const list = await api.get(`/api/v1/notifications?customerId=${customer.id}&limit=200`);
      expect(list.status).toBe(200);
      const notices = list.body.items.filter((d: { templateKey: string }) => d.templateKey === 'storage_deposit.checked_in');
      expect(notices.map((d: { channel: string }) => d.channel).sort()).toEqual(['email', 'in_app', 'sms']);
      expect(JSON.stringify(list.body)).not.toContain(voucher);
      for (const d of notices.filter((n: { channel: string }) => n.channel !== 'in_app')) expect(d.body).toContain(masked);
      for (const d of notices) expect(JSON.stringify((await api.get(`/api/v1/notifications/${d.id}`)).body)).not.toContain(voucher);
    }

    // Sent: the SMS and the e-mail carry the voucher itself, once.
    const sender = startNotificationSender(ctx.db, { smtpUrl: smtp.url, smsGatewayUrl, mailFrom: 'Wareloop <notices@wareloop.test>' }, { pollMs: 25 });
    try {
      for (let i = 0; i < 400 && (!texts.some((t) => t.text.includes(deposit.depositNumber)) || !smtp.mails.some((m) => m.text?.includes(deposit.depositNumber))); i++) await sleep(25);
    } finally {
      await sender.stop();
    }
    const sms = texts.filter((t) => t.text.includes(deposit.depositNumber));
    expect(sms).toHaveLength(1);
    expect(sms[0]!.text).toContain(voucher);
    const mail = smtp.mails.filter((m) => m.text?.includes(deposit.depositNumber));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.text).toContain(voucher);

    // Once sent, nothing in the notice log holds it, and it never reached the event log or the timeline.
    const { rows } = await ctx.db.query<{ t: string }>(`SELECT string_agg(d::text, ' ') AS t FROM notification_deliveries d WHERE customer_id = $1`, [customer.id]);
    expect(rows[0]!.t).not.toContain(voucher);
    expect(await eventLog()).not.toContain(voucher);
    expect(await readAll(admin, `/api/v1/customers/${customer.id}/timeline?limit=200`)).not.toContain(voucher);
    expect(await readAll(admin, `/api/v1/storage/deposits/${deposit.id}`)).not.toContain(voucher);
    expect(await readAll(admin, `/api/v1/storage/deposits?q=${encodeURIComponent(phone)}`)).not.toContain(voucher);
  });

  it('is no rule’s to read: not in a condition, a task or an event, not even in a dry run', async () => {
    const world = await storageWorld(admin);
    const deposit = await checkIn(admin, world, { customerPhone: phoneOf() });
    const voucher: string = deposit.voucherCode;
    const rule = {
      name: 'leak the voucher',
      trigger: { type: 'event', events: ['storage_deposit.checked_in'] },
      condition: { '==': [{ var: 'entity.voucherCode' }, voucher] },
      actions: [
        { type: 'create_task', title: 'v {{ storage_deposit.voucherCode }} {{ entity.voucherCode }}', team: 'warehouse' },
        { type: 'emit_event', event: 'custom.leak', payload: { v: '{{ storage_deposit.voucherCode }}' } },
      ],
    };
    // The condition cannot see it: matching it against the voucher never matches.
    const reader = admin.as(await ctx.keyFor('customer_service'));
    const oracle = await reader.post('/api/v1/rules/dry-run', { rule, limit: 500 });
    expect(oracle.status).toBe(200);
    expect(oracle.body.items.some((i: { eventId: number; matched: boolean }) => i.matched)).toBe(false);
    // Without the condition, what the actions would do is told without it.
    const { condition: _c, ...always } = rule;
    const dry = await reader.post('/api/v1/rules/dry-run', { rule: always, limit: 500 });
    expect(dry.status).toBe(200);
    expect(dry.body.matched).toBeGreaterThan(0);
    expect(JSON.stringify(dry.body)).not.toContain(voucher);

    // Saved and run: the task and the event it writes do not carry it either.
    await ok(admin.post('/api/v1/rules', always));
    const second = await ok(admin.post('/api/v1/storage/check-ins', { warehouseId: world.warehouseId, customerPhone: phoneOf(), items: [{ category: 'luggage', sizeClass: 'M', description: 'Bag' }] }));
    await runRules();
    const tasks = await readAll(admin, '/api/v1/tasks?team=warehouse&limit=200');
    expect(tasks).toContain('"title":"v"');
    for (const v of [voucher, second.voucherCode as string]) {
      expect(tasks).not.toContain(v);
      expect(await eventLog()).not.toContain(v);
    }
  });

  it('stays masked in the log whatever an edited template does to it: lower-cased, spaced out, cut up', async () => {
    // A manager's template: the voucher as sent, lower-cased, one character at a time, and in pieces.
    const transformed = `Voucher {{ storage_deposit.voucherCode }} / {{ storage_deposit.voucherCode | downcase }} / {{ storage_deposit.voucherCode | split: "" | join: " " }} / {{ storage_deposit.voucherCode | slice: 0, 5 }}-{{ storage_deposit.voucherCode | slice: 5, 5 }} for {{ depositNumber }}`;
    const templates = await ok(admin.get('/api/v1/notification-templates?key=storage_deposit.checked_in&channel=sms&limit=100'), 200);
    const sms = templates.items.filter((t: { key: string; channel: string }) => t.key === 'storage_deposit.checked_in' && t.channel === 'sms');
    expect(sms.map((t: { locale: string }) => t.locale).sort()).toEqual(['en', 'zh-CN']);
    const original = new Map<number, string>(sms.map((t: { id: number; body: string }) => [t.id, t.body]));
    try {
      for (const t of sms) await ok(admin.patch(`/api/v1/notification-templates/${t.id}`, { body: transformed }), 200);
      const world = await storageWorld(admin);
      const customer = await ok(admin.post('/api/v1/customers', { name: 'Lin Tao', phone: phoneOf(), locale: 'en' }));
      const deposit = await checkIn(admin, world, { customerId: customer.id });
      const voucher: string = deposit.voucherCode;
      const forms = [voucher, voucher.toLowerCase(), voucher.split('').join(' '), voucher.slice(0, 5), voucher.slice(5)];
      await runRules();

      const logged = (await ok(admin.get(`/api/v1/notifications?customerId=${customer.id}&limit=200`), 200)).items.find(
        (d: { templateKey: string; channel: string }) => d.templateKey === 'storage_deposit.checked_in' && d.channel === 'sms',
      );
      const mask = `••••${voucher.slice(-2)}`;
      expect(logged.body).toBe(
        `Voucher ${mask} / ${mask.toLowerCase()} / ${mask.split('').join(' ')} / ${mask.slice(0, 5)}-${mask.slice(5)} for ${deposit.depositNumber}`,
      );
      const readable = [
        JSON.stringify(logged),
        await readAll(admin, `/api/v1/notifications/${logged.id}`),
        await readAll(admin, `/api/v1/customers/${customer.id}/timeline?limit=200`),
        await eventLog(),
      ];
      for (const text of readable) for (const form of forms) expect(text).not.toContain(form);

      // The SMS itself carries every form the template asked for.
      const sender = startNotificationSender(ctx.db, { smtpUrl: smtp.url, smsGatewayUrl, mailFrom: 'Wareloop <notices@wareloop.test>' }, { pollMs: 25 });
      try {
        for (let i = 0; i < 400 && !texts.some((t) => t.text.includes(deposit.depositNumber)); i++) await sleep(25);
      } finally {
        await sender.stop();
      }
      const sent = texts.filter((t) => t.text.includes(deposit.depositNumber));
      expect(sent).toHaveLength(1);
      expect(sent[0]!.text).toBe(`Voucher ${voucher} / ${voucher.toLowerCase()} / ${voucher.split('').join(' ')} / ${forms[3]}-${forms[4]} for ${deposit.depositNumber}`);
      const { rows } = await ctx.db.query<{ t: string }>(`SELECT string_agg(d::text, ' ') AS t FROM notification_deliveries d WHERE customer_id = $1`, [customer.id]);
      for (const form of forms) expect(rows[0]!.t).not.toContain(form);
    } finally {
      for (const [id, body] of original) await ok(admin.patch(`/api/v1/notification-templates/${id}`, { body }), 200);
    }
  });
});

describe('the voucher slip', () => {
  it('is printed from the voucher the counter was just given, and no reprint shows it again', async () => {
    const world = await storageWorld(admin);
    const deposit = await checkIn(admin, world, { customerPhone: phoneOf() });
    const other = await checkIn(admin, world, { customerPhone: phoneOf() });
    const url = `/api/v1/storage/deposits/${deposit.id}/voucher.pdf`;
    // Whoever may check in prints it from the voucher they hold: the answer of the check-in.
    const counter = admin.as(await ctx.keyFor('customer_service'));
    for (const api of [admin, counter]) {
      const slip = await api.post(url, { voucherCode: deposit.voucherCode.toLowerCase(), locale: 'en' });
      expect([slip.status, slip.headers['content-type']]).toEqual([200, 'application/pdf']);
      expect(String(slip.body).slice(0, 5)).toBe('%PDF-');
    }
    // Another deposit's voucher prints nothing.
    const wrong = await admin.post(url, { voucherCode: other.voucherCode });
    expect([wrong.status, wrong.body.field]).toEqual([422, 'voucherCode']);
    expect(JSON.stringify(wrong.body)).not.toContain(other.voucherCode);

    // A reprint without the voucher: refused, naming the lost-voucher procedure; the voucher only masked.
    const reprint = await admin.get(url);
    expect(reprint.status).toBe(409);
    expect(String(reprint.headers['content-type'])).toContain('application/problem+json');
    expect(reprint.body).toMatchObject({ voucher: `••••${deposit.voucherCode.slice(-2)}`, procedure: `/api/v1/storage/deposits/${deposit.id}/voucher-replacements` });
    expect(reprint.body.detail).toContain('voucher-replacements');
    expect(JSON.stringify(reprint.body)).not.toContain(deposit.voucherCode);

    // The replacement's answer prints the new slip; the old voucher prints nothing any more.
    const replaced = await ok(
      admin.post(`/api/v1/storage/deposits/${deposit.id}/voucher-replacements`, {
        phone: deposit.customer.phone,
        holderName: deposit.customer.name,
        idType: 'passport',
        idLast4: 'E123',
        idMatchesCustomer: true,
      }),
    );
    expect((await admin.post(url, { voucherCode: replaced.voucherCode })).status).toBe(200);
    expect((await admin.post(url, { voucherCode: deposit.voucherCode })).status).toBe(422);
  });
});

describe('API keys and webhook secrets', () => {
  it('an API key is returned once; the list, the key and the event log never give it back', async () => {
    const created = await ok(admin.post('/api/v1/api-keys', { name: 'erp', role: 'warehouse_operator' }));
    const key: string = created.key;
    expect(key).toMatch(/^wl_/);
    // Everything after `wl_<prefix>_` (the secret may itself contain `_`).
    const secretPart = key.slice(key.indexOf(created.prefix) + created.prefix.length + 1);
    expect(secretPart.length).toBeGreaterThanOrEqual(20);
    const list = await readAll(admin, '/api/v1/api-keys');
    expect(list).toContain(created.prefix);
    expect(list).not.toContain(secretPart);
    expect(await eventLog()).not.toContain(secretPart);
    const { rows } = await ctx.db.query<{ t: string }>(`SELECT k::text AS t FROM api_keys k WHERE id = $1`, [created.id]);
    expect(rows[0]!.t).not.toContain(secretPart);
    await ok(admin.delete(`/api/v1/api-keys/${created.id}`), 200);
    expect(await readAll(admin, '/api/v1/api-keys')).not.toContain(secretPart);
  });

  it('a webhook secret is returned at creation and rotation only; no read gives it back', async () => {
    const created = await ok(admin.post('/api/v1/webhooks', { url: 'https://example.com/hook', eventTypes: ['order.*'] }));
    const first: string = created.secret;
    expect(first).toMatch(/^whsec_/);
    const rotated = await ok(admin.post(`/api/v1/webhooks/${created.id}/rotate-secret`, {}), 200);
    const second: string = rotated.secret;
    expect(second).not.toBe(first);
    const secretOf = (s: string) => s.slice('whsec_'.length);
    for (const text of [
      await readAll(admin, '/api/v1/webhooks'),
      await readAll(admin, `/api/v1/webhooks/${created.id}`),
      await readAll(admin, `/api/v1/webhooks/${created.id}/deliveries`),
      await readAll(admin, '/api/v1/events?limit=200'),
      await eventLog(),
    ]) {
      expect(text).not.toContain(secretOf(first));
      expect(text).not.toContain(secretOf(second));
    }
  });
});
