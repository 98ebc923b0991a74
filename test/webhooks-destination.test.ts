/**
 * Where a webhook may point (SSRF guard), with the default settings: no private, loopback,
 * link-local, CGNAT, multicast or reserved destination, whatever its spelling, at create and
 * update time, and again at send time (a name resolving to such an address, a webhook made
 * before the rule, DNS that changes its answer). WEBHOOK_ALLOWED_HOSTS lets internal systems in.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LookupAddress } from 'node:dns';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { appendEvent } from '../src/platform/events/log.js';
import { destinationPolicy, destinationProblem, forbiddenRange, refusal, type Resolve } from '../src/platform/http/destination.js';
import { newWebhookSecret } from '../src/modules/integration/webhooks/webhooks.service.js';
import { startWebhooks, type WebhookWorker } from '../src/modules/integration/webhooks/worker.js';
import { useTestContext } from './support/context.js';

const ctx = await useTestContext();
const api = ctx.api;

const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
const receiver = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
    res.writeHead(200).end('ok');
  });
});
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const port = (receiver.address() as AddressInfo).port;
afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
});

const workers: WebhookWorker[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
});

/** A resolver that knows only the names it is given (each answer list used in turn, the last one kept). */
function fakeDns(names: Record<string, string[][]>): Resolve & { asked: string[] } {
  const asked: string[] = [];
  const resolve = ((host, _options, callback) => {
    asked.push(host);
    const answers = names[host];
    if (!answers) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }), []);
    const list = answers.length > 1 ? answers.shift()! : answers[0]!;
    callback(null, list.map((address): LookupAddress => ({ address, family: address.includes(':') ? 6 : 4 })));
  }) as Resolve & { asked: string[] };
  resolve.asked = asked;
  return resolve;
}

async function until<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params);
  return rows[0]!.n;
}

/** A subscription written straight to the table, as one made while private networks were allowed. */
async function subscriptionTo(url: string, eventType: string): Promise<{ id: number; secret: string }> {
  const secret = newWebhookSecret();
  const { rows } = await ctx.db.query<{ id: number }>(
    `INSERT INTO webhook_subscriptions (url, event_types, description, active, secret, starts_after)
     VALUES ($1, $2, 'made before the rule', true, $3, pg_current_snapshot()) RETURNING id`,
    [url, [eventType], secret],
  );
  return { id: rows[0]!.id, secret };
}

async function emit(type: string) {
  return ctx.db.transaction((tx) => appendEvent(tx, 'system', { type, entityType: 'probe', entityId: 1 }));
}

async function deliveriesOf(webhookId: number) {
  const res = await api.get(`/api/v1/webhooks/${webhookId}/deliveries`);
  expect(res.status).toBe(200);
  return res.body.items as Array<{ status: string; nextAttemptAt: string | null; attempts: Array<{ error: string | null; statusCode: number | null; succeeded: boolean }> }>;
}

describe('the address rules', () => {
  it('names the forbidden ranges and lets public addresses through', () => {
    const cases: Array<[string, string | undefined]> = [
      ['127.0.0.1', 'loopback'],
      ['127.255.0.9', 'loopback'],
      ['10.1.2.3', 'private'],
      ['172.16.0.1', 'private'],
      ['172.31.255.255', 'private'],
      ['192.168.1.1', 'private'],
      ['169.254.169.254', 'link-local (incl. the cloud metadata service)'],
      ['100.64.0.1', 'shared (carrier-grade NAT)'],
      ['0.0.0.0', 'unspecified ("this network")'],
      ['224.0.0.251', 'multicast'],
      ['255.255.255.255', 'reserved (incl. broadcast)'],
      ['::', 'unspecified'],
      ['::1', 'loopback'],
      ['::ffff:127.0.0.1', 'IPv4-mapped'],
      ['::ffff:7f00:1', 'IPv4-mapped'],
      ['::ffff:8.8.8.8', 'IPv4-mapped'],
      ['fd12:3456::1', 'unique local (ULA)'],
      ['fe80::1%eth0', 'link-local'],
      ['ff02::1', 'multicast'],
      ['64:ff9b::7f00:1', 'loopback'], // NAT64 of 127.0.0.1
      ['2002:a00:1::1', 'private'], // 6to4 of 10.0.0.1
      ['8.8.8.8', undefined],
      ['172.32.0.1', undefined],
      ['100.128.0.1', undefined],
      ['2606:4700:4700::1111', undefined],
      ['64:ff9b::808:808', undefined],
    ];
    for (const [address, what] of cases) expect(forbiddenRange(address), address).toBe(what);
  });

  it('lets allowed host names and CIDRs through, and nothing else', () => {
    const policy = destinationPolicy({ webhookAllowPrivateNetworks: false, webhookAllowedHosts: ['ERP.internal.', '10.20.0.0/16', 'fd00::/8', '127.0.0.1'] });
    expect(refusal(policy, 'erp.internal', '10.9.9.9')).toBeUndefined();
    expect(refusal(policy, 'other.internal', '10.20.3.4')).toBeUndefined();
    expect(refusal(policy, 'other.internal', '10.21.0.1')).toMatch(/^other\.internal resolves to 10\.21\.0\.1, a private address/);
    expect(refusal(policy, 'fd00::5', 'fd00::5')).toBeUndefined();
    expect(refusal(policy, '::ffff:127.0.0.1', '::ffff:127.0.0.1')).toBeUndefined(); // the same address, spelt as IPv6
    expect(refusal(policy, '127.0.0.2', '127.0.0.2')).toBe(
      '127.0.0.2 is a loopback address: webhooks may not reach private networks (an administrator can allow it with WEBHOOK_ALLOWED_HOSTS)',
    );
    const open = destinationPolicy({ webhookAllowPrivateNetworks: true, webhookAllowedHosts: [] });
    expect(refusal(open, '169.254.169.254', '169.254.169.254')).toBeUndefined();
  });
});

describe('creating and changing a webhook', () => {
  it('refuses private, loopback, link-local… destinations in every spelling (422 on url), and keeps nothing', async () => {
    const before = await count('webhook_subscriptions');
    const eventsBefore = await count(`events WHERE type = 'webhook.created'`);
    const cases: Array<[string, RegExp]> = [
      [`http://127.0.0.1:${port}/hooks`, /^127\.0\.0\.1 is a loopback address/],
      [`http://localhost:${port}/hooks`, /^localhost resolves to 127\.0\.0\.1, a loopback address/], // through DNS (/etc/hosts)
      ['http://[::1]/hooks', /^::1 is a loopback address/],
      ['http://[::ffff:127.0.0.1]/hooks', /^::ffff:7f00:1 is an IPv4-mapped address/],
      ['http://2130706433/hooks', /^127\.0\.0\.1 is a loopback address/], // decimal
      ['http://0177.0.0.1/hooks', /^127\.0\.0\.1 is a loopback address/], // octal
      ['http://0x7f.1/hooks', /^127\.0\.0\.1 is a loopback address/], // hexadecimal, shortened
      ['http://169.254.169.254/latest/meta-data/', /link-local \(incl\. the cloud metadata service\)/],
      ['https://10.0.0.5/hooks', /^10\.0\.0\.5 is a private address/],
      ['https://192.168.0.10/hooks', /private/],
      ['https://100.64.1.1/hooks', /carrier-grade NAT/],
      ['http://0.0.0.0:8080/', /unspecified/],
      ['http://224.0.0.1/', /multicast/],
      ['http://[fd00::1]/', /unique local/],
      ['http://[fe80::1]/', /link-local/],
    ];
    for (const [url, detail] of cases) {
      const res = await api.post('/api/v1/webhooks', { url, eventTypes: ['order.*'] });
      expect(res.status, url).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.field, url).toBe('url');
      expect(res.body.errors, url).toEqual([{ field: 'url', message: res.body.detail }]);
      expect(res.body.detail, url).toMatch(detail);
      expect(res.body.detail).toContain('webhooks may not reach private networks');
    }
    expect(await count('webhook_subscriptions')).toBe(before);
    expect(await count(`events WHERE type = 'webhook.created'`)).toBe(eventsBefore);
  });

  it('refuses other schemes and credentials in the URL', async () => {
    for (const url of ['file:///etc/passwd', 'gopher://127.0.0.1:25/x', 'ftp://example.com/x', 'https://admin:secret@example.com/x', 'https://token@example.com/x']) {
      const res = await api.post('/api/v1/webhooks', { url, eventTypes: ['*'] });
      expect(res.status, url).toBe(400);
      expect(JSON.stringify(res.body), url).toContain('url');
    }
  });

  it('refuses an update to a private destination and leaves the webhook as it was', async () => {
    // A public name that does not resolve here (no DNS in the test machine) is accepted: sends check again.
    const made = await api.post('/api/v1/webhooks', { url: 'https://hooks.example.com/wareloop', eventTypes: ['order.*'], active: false });
    expect(made.status).toBe(201);
    for (const url of ['http://[::1]:8080/x', 'http://localhost/x', 'http://2130706433/', 'http://169.254.169.254/']) {
      const res = await api.patch(`/api/v1/webhooks/${made.body.id}`, { url });
      expect(res.status, url).toBe(422);
      expect(res.body.field).toBe('url');
    }
    expect((await api.get(`/api/v1/webhooks/${made.body.id}`)).body.url).toBe('https://hooks.example.com/wareloop');
    expect(await count(`events WHERE type = 'webhook.updated' AND entity_id = $1`, [String(made.body.id)])).toBe(0);
    // Changing something else does not touch the DNS check.
    expect((await api.patch(`/api/v1/webhooks/${made.body.id}`, { description: 'ERP' })).status).toBe(200);
    await api.delete(`/api/v1/webhooks/${made.body.id}`);
  });
});

describe('sending', () => {
  it('refuses at send time a webhook made before the rule: one attempt with the reason, failed, nothing sent', async () => {
    workers.push(await startWebhooks(ctx.db, { pollMs: 20, destination: destinationPolicy(ctx.config) }));
    const sub = await subscriptionTo(`http://127.0.0.1:${port}/hooks`, 'refused.literal');
    const sent = received.length;
    await emit('refused.literal');
    const [d] = await until('failed', async () => {
      const list = await deliveriesOf(sub.id);
      return list.length === 1 && list[0]!.status === 'failed' && list;
    });
    expect(d!.attempts).toEqual([
      expect.objectContaining({
        statusCode: null,
        succeeded: false,
        error: 'refused: 127.0.0.1 is a loopback address: webhooks may not reach private networks (an administrator can allow it with WEBHOOK_ALLOWED_HOSTS)',
      }),
    ]);
    expect(d!.nextAttemptAt).toBeNull();
    expect(received.length).toBe(sent);
    const { rows } = await ctx.db.query<{ consecutiveFailures: number }>(`SELECT consecutive_failures AS "consecutiveFailures" FROM webhook_subscriptions WHERE id = $1`, [sub.id]);
    expect(rows[0]!.consecutiveFailures).toBe(1);
  });

  it('checks every address a name resolves to when it connects (DNS rebinding gets nowhere)', async () => {
    // Public when the webhook is made, loopback when it is sent; another name answers with both.
    const dns = fakeDns({ 'rebind.example': [['93.184.216.34'], ['127.0.0.1']], 'both.example': [['93.184.216.34', '127.0.0.1']] });
    const policy = destinationPolicy(ctx.config, dns);
    expect(await destinationProblem(policy, `http://rebind.example:${port}/hooks`)).toBeUndefined();
    expect(await destinationProblem(policy, `http://both.example:${port}/hooks`)).toBe(
      'both.example resolves to 127.0.0.1, a loopback address: webhooks may not reach private networks (an administrator can allow it with WEBHOOK_ALLOWED_HOSTS)',
    );

    workers.push(await startWebhooks(ctx.db, { pollMs: 20, destination: policy }));
    const rebind = await subscriptionTo(`http://rebind.example:${port}/hooks`, 'rebound.sent');
    const sent = received.length;
    await emit('rebound.sent');
    const [d] = await until('failed', async () => {
      const list = await deliveriesOf(rebind.id);
      return list.length === 1 && list[0]!.status === 'failed' && list;
    });
    expect(d!.attempts).toHaveLength(1);
    expect(d!.attempts[0]!.error).toBe(
      'refused: rebind.example resolves to 127.0.0.1, a loopback address: webhooks may not reach private networks (an administrator can allow it with WEBHOOK_ALLOWED_HOSTS)',
    );
    expect(dns.asked).toEqual(['rebind.example', 'both.example', 'rebind.example']);
    expect(received.length).toBe(sent);
  });

  it('delivers to an internal system named in WEBHOOK_ALLOWED_HOSTS, connecting to the address it resolved', async () => {
    // receiver.internal exists only in this resolver: a delivery proves the connection used the checked address.
    const dns = fakeDns({ 'receiver.internal': [['127.0.0.1']] });
    const policy = destinationPolicy({ webhookAllowPrivateNetworks: false, webhookAllowedHosts: ['receiver.internal'] }, dns);
    workers.push(await startWebhooks(ctx.db, { pollMs: 20, destination: policy }));
    const sub = await subscriptionTo(`http://receiver.internal:${port}/hooks`, 'internal.sent');
    const event = await emit('internal.sent');
    const got = await until('received', async () => received.find((r) => r.headers['webhook-id'] === String(event.id)));
    expect(got.headers.host).toBe(`receiver.internal:${port}`);
    expect(new Webhook(sub.secret).verify(got.body, got.headers as Record<string, string>)).toMatchObject({ id: event.id, type: 'internal.sent' });
    await until('delivered', async () => (await deliveriesOf(sub.id))[0]?.status === 'delivered');
    expect(dns.asked).toContain('receiver.internal');
  });
});
