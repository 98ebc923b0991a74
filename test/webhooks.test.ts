/**
 * Webhooks end to end: a real HTTP receiver on a local port verifies every delivery with the
 * Standard Webhooks reference library; retries, replay, an endpoint that is down, a restart of
 * the dispatcher and two dispatchers at once lose nothing.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { cursorOf } from '../src/platform/events/dispatcher.js';
import { appendEvent, positionOf, type StoredEvent } from '../src/platform/events/log.js';
import { destinationPolicy } from '../src/platform/http/destination.js';
import { signedHeaders } from '../src/modules/integration/webhooks/send.js';
import { startWebhooks, type WebhookWorker, type WebhookWorkerOptions } from '../src/modules/integration/webhooks/worker.js';
import { createProduct, createWorld, ok, placeOrder, receive } from './orders.fixtures.js';
import { testClock } from './support/clock.js';
import { useTestContext } from './support/context.js';

// The receivers listen on 127.0.0.1: the one private address these tests let webhooks reach
// (test/webhooks-destination.test.ts proves the refusals).
const ctx = await useTestContext({ webhookAllowedHosts: ['127.0.0.1/32'] });
const api = ctx.api;

type Received = { headers: IncomingHttpHeaders; body: string; type: string; id: string };

/** A receiver on a local port; `answer` picks the status of each request (default 200). */
async function startReceiver(opts: { port?: number; answer?: (r: Received, n: number) => number } = {}) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const r: Received = { headers: req.headers, body, type: (JSON.parse(body) as { type: string }).type, id: String(req.headers['webhook-id']) };
      received.push(r);
      const status = opts.answer?.(r, received.filter((x) => x.id === r.id).length) ?? 200;
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'thanks' : 'nope, try later');
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    port,
    received,
    ids: () => [...new Set(received.map((r) => r.id))],
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A port nobody listens on (connection refused), that a receiver can take later. */
async function freePort(): Promise<number> {
  const r = await startReceiver();
  await r.close();
  return r.port;
}

async function until<T>(what: string, fn: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const FAST: WebhookWorkerOptions = {
  pollMs: 20,
  timeoutMs: 3000,
  retry: { delaysMs: [20, 40], thenEveryMs: 60, retryForMs: 60_000 },
  destination: destinationPolicy(ctx.config),
};

const workers: WebhookWorker[] = [];
async function worker(opts: WebhookWorkerOptions = FAST) {
  const w = await startWebhooks(ctx.db, opts);
  workers.push(w);
  return w;
}
// Each test runs its own dispatchers: none may outlive it.
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
});

/** Whether the webhooks consumer has handled `event` (its cursor is at or past it). */
async function consumed(event: StoredEvent): Promise<boolean> {
  const cursor = (await cursorOf(ctx.db, 'webhooks'))!;
  const at = (await positionOf(ctx.db, event.id))!;
  return BigInt(cursor.txId) > BigInt(at.txId) || (cursor.txId === at.txId && cursor.id >= at.id);
}

async function subscribe(url: string, eventTypes: string[], extra: Record<string, unknown> = {}) {
  return ok<{ id: number; secret: string; url: string; eventTypes: string[]; active: boolean }>(
    api.post('/api/v1/webhooks', { url, eventTypes, description: 'test receiver', ...extra }),
  );
}

/** Events written straight to the log, each in its own transaction. */
async function emit(type: string, count = 1): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  for (let i = 0; i < count; i++) {
    out.push(await ctx.db.transaction((tx) => appendEvent(tx, 'system', { type, entityType: type.split('.')[0]!, entityId: i + 1, payload: { n: i } })));
  }
  return out;
}

async function deliveries(webhookId: number) {
  const res = await api.get(`/api/v1/webhooks/${webhookId}/deliveries?limit=200`);
  expect(res.status).toBe(200);
  return res.body.items as Array<{ id: number; eventId: number; eventType: string; status: string; attempts: Array<{ statusCode: number | null; error: string | null; latencyMs: number; responseExcerpt: string; succeeded: boolean; attemptedAt: string }> }>;
}

describe('delivering events', () => {
  it('sends order.created and order.confirmed of a placed order, signed per Standard Webhooks', async () => {
    await worker();
    const receiver = await startReceiver();
    const sub = await subscribe(receiver.url, ['order.*']);
    expect(sub.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(Buffer.from(sub.secret.slice(6), 'base64')).toHaveLength(24);
    // The secret is shown once.
    expect((await api.get(`/api/v1/webhooks/${sub.id}`)).body).not.toHaveProperty('secret');

    const world = await createWorld(api);
    const product = await createProduct(api);
    await receive(api, world, { sku: product.sku, quantity: 5 });
    const order = await placeOrder(api, world, [{ sku: product.sku, quantity: 2 }]);
    expect(order.status).toBe('confirmed');

    await until('order.created and order.confirmed', () => receiver.received.length >= 2 && receiver.received);
    const verifier = new Webhook(sub.secret);
    // Deliveries go out concurrently: no order is promised between them, the event id orders them.
    const requests = [...receiver.received].sort((a, b) => Number(a.id) - Number(b.id));
    const bodies = requests.map((r) => verifier.verify(r.body, r.headers as Record<string, string>) as any);
    expect(bodies.map((b) => b.type)).toEqual(['order.created', 'order.confirmed']);
    for (const [i, b] of bodies.entries()) {
      expect(requests[i]!.headers['webhook-id']).toBe(String(b.id));
      expect(requests[i]!.headers['content-type']).toBe('application/json');
      expect(b.data).toMatchObject({ entityType: 'order', entityId: String(order.id), customerId: world.customerId, actor: expect.stringMatching(/^api_key:/) });
      expect(b.data.payload.number).toBe(order.number);
      expect(typeof b.timestamp).toBe('string');
    }
    // The events are the log's own.
    const logged = await api.get(`/api/v1/events/${bodies[1].id}`);
    expect(logged.body).toMatchObject({ type: 'order.confirmed', entityId: String(order.id), occurredAt: bodies[1].timestamp });

    const log = await until('both delivered', async () => {
      const d = await deliveries(sub.id);
      return d.length === 2 && d.every((x) => x.status === 'delivered') && d;
    });
    expect(log.map((d) => d.eventType)).toEqual(['order.confirmed', 'order.created']);
    expect(log[0]!.attempts).toEqual([
      { attempt: 1, attemptedAt: expect.any(String), statusCode: 200, latencyMs: expect.any(Number), responseExcerpt: 'thanks', error: null, succeeded: true },
    ]);
    await receiver.close();
    await ok(api.delete(`/api/v1/webhooks/${sub.id}`), 204);
  });

  it('sends only the types a webhook subscribed to', async () => {
    await worker();
    const receiver = await startReceiver();
    const confirmedOnly = await subscribe(receiver.url, ['order.confirmed']);
    const stock = await subscribe(receiver.url, ['stock.received', 'shelf.*']);
    await emit('order.created');
    await emit('order.confirmed');
    await emit('shelf.moved');
    await emit('shelfs.moved');
    const [last] = await emit('stock.low');

    await until('the consumer past the last event', () => consumed(last!));
    expect((await deliveries(confirmedOnly.id)).map((d) => d.eventType)).toEqual(['order.confirmed']);
    expect((await deliveries(stock.id)).map((d) => d.eventType)).toEqual(['shelf.moved']);
    await until('two deliveries', () => receiver.received.length >= 2);
    // Stopped, the worker has finished every request it started: nothing more can arrive.
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    expect(receiver.received.map((r) => r.type).sort()).toEqual(['order.confirmed', 'shelf.moved']);
    await receiver.close();
    await api.delete(`/api/v1/webhooks/${confirmedOnly.id}`);
    await api.delete(`/api/v1/webhooks/${stock.id}`);
  });

  it('does not send events from before the subscription', async () => {
    await worker();
    const receiver = await startReceiver();
    // Another session holding xmin back (any database on the server does) must not make
    // history look new.
    let release = () => {};
    let holder: Promise<void> = Promise.resolve();
    if (ctx.db.kind === 'postgres') {
      const held = new Promise<void>((r) => (release = r));
      let started!: () => void;
      const running = new Promise<void>((r) => (started = r));
      holder = ctx.db.transaction(async (tx) => {
        await tx.query('SELECT pg_current_xact_id()');
        started();
        await held;
      });
      await running;
    }
    const [old] = await emit('history.made');
    const sub = await subscribe(receiver.url, ['history.*']);
    release();
    await holder;
    const [fresh] = await emit('history.made');
    await until('the new event', () => receiver.received.length >= 1);
    await until('the consumer past the new event', () => consumed(fresh!));
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    expect(receiver.ids()).toEqual([String(fresh!.id)]);
    expect((await deliveries(sub.id)).map((d) => d.eventId)).toEqual([fresh!.id]);
    expect(receiver.ids()).not.toContain(String(old!.id));
    await receiver.close();
    await api.delete(`/api/v1/webhooks/${sub.id}`);
  });
});

describe('retries', () => {
  it('retries after 500, 500 and delivers on the third attempt, with every attempt logged', async () => {
    await worker();
    const receiver = await startReceiver({ answer: (_r, n) => (n <= 2 ? 500 : 200) });
    const sub = await subscribe(receiver.url, ['flaky.*']);
    const [event] = await emit('flaky.happened');

    const [delivery] = await until('delivered', async () => {
      const d = await deliveries(sub.id);
      return d[0]?.status === 'delivered' && d;
    });
    expect(receiver.received.map((r) => r.id)).toEqual([String(event!.id), String(event!.id), String(event!.id)]);
    // Each attempt is signed afresh, and each verifies.
    for (const r of receiver.received) new Webhook(sub.secret).verify(r.body, r.headers as Record<string, string>);
    expect(delivery!.attempts.map((a) => [a.statusCode, a.succeeded, a.responseExcerpt, a.error])).toEqual([
      [500, false, 'nope, try later', null],
      [500, false, 'nope, try later', null],
      [200, true, 'thanks', null],
    ]);
    expect(delivery!.attempts.every((a) => a.latencyMs >= 0)).toBe(true);
    const times = delivery!.attempts.map((a) => Date.parse(a.attemptedAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const after = (await api.get(`/api/v1/webhooks/${sub.id}`)).body;
    expect(after).toMatchObject({ active: true, consecutiveFailures: 0, lastSuccessAt: expect.any(String) });
    await receiver.close();
    await api.delete(`/api/v1/webhooks/${sub.id}`);
  });

  it('gets every event to a receiver that was down (connection refused) once it is up', async () => {
    await worker();
    const port = await freePort();
    const sub = await subscribe(`http://127.0.0.1:${port}/hooks`, ['outage.*']);
    const events = await emit('outage.during', 5);

    await until('a refused attempt for each', async () => {
      const d = await deliveries(sub.id);
      return d.length === 5 && d.every((x) => x.attempts.length >= 2) && d;
    });
    const refused = (await deliveries(sub.id))[0]!.attempts[0]!;
    expect(refused).toMatchObject({ statusCode: null, succeeded: false, error: expect.stringContaining('ECONNREFUSED') });

    const receiver = await startReceiver({ port });
    await until('all five', () => receiver.ids().length === 5);
    expect(receiver.ids().sort()).toEqual(events.map((e) => String(e.id)).sort());
    await until('all delivered', async () => (await deliveries(sub.id)).every((d) => d.status === 'delivered'));
    await receiver.close();
    await api.delete(`/api/v1/webhooks/${sub.id}`);
  });

  it('gives up after the retry window (failed) and disables a webhook that keeps failing, with webhook.disabled', async () => {
    // The worker's clock stands still unless moved: how long a request takes changes nothing.
    const clock = testClock();
    clock.set(Date.now());
    const w = await worker({
      ...FAST,
      now: clock.now,
      random: () => 1, // each retry waits its whole base delay
      retry: { delaysMs: [10], thenEveryMs: 10, retryForMs: 150, disableAfterFailures: 4, disableAfterMs: 100 },
    });
    const receiver = await startReceiver({ answer: () => 503 });
    const sub = await subscribe(receiver.url, ['doomed.*']);
    await emit('doomed.sent', 2);
    const attemptsOf = async () => (await deliveries(sub.id)).map((d) => [d.status, d.attempts.length]);
    const webhook = async () => (await api.get(`/api/v1/webhooks/${sub.id}`)).body;

    // t = 0: the first attempts fail; not yet due again.
    await until('the first attempts', async () => {
      const d = await deliveries(sub.id);
      return d.length === 2 && d.every((x) => x.attempts.length === 1);
    });
    await w.runDue();
    expect(await attemptsOf()).toEqual([['pending', 1], ['pending', 1]]);
    // t = 50 ms: the retries fail too. Four failures in a row, but for less than 100 ms: still active.
    clock.advance(50);
    await w.runDue();
    expect(await attemptsOf()).toEqual([['pending', 2], ['pending', 2]]);
    expect(await webhook()).toMatchObject({ active: true, consecutiveFailures: 4 });
    // t = 110 ms: failing for over 100 ms, with at least 4 failures: disabled.
    clock.advance(60);
    await w.runDue();
    const disabled = await webhook();
    expect(disabled).toMatchObject({ active: false, disabledAt: expect.any(String), disabledReason: expect.stringContaining('failures in a row') });
    expect(disabled.consecutiveFailures).toBe(6);
    const events = (await api.get(`/api/v1/events?type=webhook.disabled&entityType=webhook&entityId=${sub.id}`)).body.items;
    expect(events).toHaveLength(1);
    expect(events[0].payload).not.toHaveProperty('secret');

    // Disabled: the attempts in flight are done and logged, nothing more is sent even though the
    // retries are due, and new events make no deliveries.
    expect(await attemptsOf()).toEqual([['pending', 3], ['pending', 3]]);
    const count = receiver.received.length;
    expect(count).toBe(6);
    const [late] = await emit('doomed.sent');
    await until('the consumer past the new event', () => consumed(late!));
    clock.advance(20); // t = 130 ms: both retries due, the window not over
    await w.runDue();
    expect(receiver.received.length).toBe(count);
    expect(await attemptsOf()).toEqual([['pending', 3], ['pending', 3]]);

    // Switched on again, the pending ones go on until their window is over, then fail.
    await ok(api.patch(`/api/v1/webhooks/${sub.id}`, { active: true }), 200);
    await w.runDue();
    expect(await attemptsOf()).toEqual([['pending', 4], ['pending', 4]]);
    clock.advance(20); // t = 150 ms: the end of the window
    await w.runDue();
    const done = await deliveries(sub.id);
    expect(done.map((d) => [d.status, d.attempts.length])).toEqual([['failed', 5], ['failed', 5]]);
    expect(receiver.received.length).toBe(10);
    await receiver.close();
    await api.delete(`/api/v1/webhooks/${sub.id}`);
  });
});

describe('replay, restart and several dispatchers', () => {
  it('replays a delivery by hand: the receiver gets it again with the same webhook-id', async () => {
    await worker();
    const receiver = await startReceiver();
    const sub = await subscribe(receiver.url, ['replayed.*']);
    const [event] = await emit('replayed.once');
    const [delivery] = await until('delivered', async () => {
      const d = await deliveries(sub.id);
      return d[0]?.status === 'delivered' && d;
    });

    const replay = await api.post(`/api/v1/webhooks/deliveries/${delivery!.id}/replay`);
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ id: delivery!.id, status: 'pending' });
    await until('sent again', () => receiver.received.length === 2);
    expect(receiver.received.map((r) => r.id)).toEqual([String(event!.id), String(event!.id)]);
    const again = await until('delivered again', async () => {
      const d = (await deliveries(sub.id))[0]!;
      return d.status === 'delivered' && d.attempts.length === 2 && d;
    });
    expect(again.attempts.map((a) => a.statusCode)).toEqual([200, 200]);

    expect((await api.post('/api/v1/webhooks/deliveries/999999/replay')).status).toBe(404);
    await ok(api.patch(`/api/v1/webhooks/${sub.id}`, { active: false }), 200);
    const inactive = await api.post(`/api/v1/webhooks/deliveries/${delivery!.id}/replay`);
    expect(inactive.status).toBe(409);
    expect(inactive.body.currentState).toBe('inactive');
    await receiver.close();
    await api.delete(`/api/v1/webhooks/${sub.id}`);
  });

  it('loses no event across a restart of the dispatcher', async () => {
    const receiver = await startReceiver();
    const sub = await subscribe(receiver.url, ['restart.*']);
    const first = await worker();
    const before = await emit('restart.before', 3);
    await until('the first three', () => receiver.ids().length === 3);
    await first.stop();

    const during = await emit('restart.during', 5);
    await new Promise((r) => setTimeout(r, 100));
    expect(receiver.ids()).toHaveLength(3);
    expect(await consumed(during[4]!)).toBe(false);

    await worker();
    const after = await emit('restart.after', 2);
    const all = [...before, ...during, ...after].map((e) => String(e.id));
    await until('all ten', () => receiver.ids().length === 10);
    expect(receiver.ids().sort()).toEqual(all.sort());
    await receiver.close();
    await api.delete(`/api/v1/webhooks/${sub.id}`);
  });

  it('two dispatchers on one database fan out and send each event once', async () => {
    const receiver = await startReceiver();
    const sub = await subscribe(receiver.url, ['pair.*']);
    await Promise.all([worker(), worker()]);
    const events = await emit('pair.sent', 20);
    await until('all twenty', () => receiver.ids().length === 20);
    // Stopped, both have finished every request they started: nothing more can arrive.
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    expect(receiver.received).toHaveLength(20);
    expect(receiver.ids().sort()).toEqual(events.map((e) => String(e.id)).sort());
    await receiver.close();
    await api.delete(`/api/v1/webhooks/${sub.id}`);
  });
});

// The poll is an hour, longer than any test may run: whatever arrives came by the wake-up path.
const NO_POLL_MS = 3_600_000;

describe('the wake-up path', () => {
  it('sends an event the moment it commits, without a poll: the fan-out claims it and it goes out with the message in hand', async () => {
    await worker({ ...FAST, pollMs: NO_POLL_MS });
    const receiver = await startReceiver();
    const sub = await subscribe(receiver.url, ['prompt.*']);
    const events = await emit('prompt.sent', 5);
    await until('all five', () => receiver.ids().length === 5);
    expect(receiver.ids().sort()).toEqual(events.map((e) => String(e.id)).sort());
    await until('logged', async () => (await deliveries(sub.id)).every((d) => d.status === 'delivered' && d.attempts.length === 1));
    // Claimed in the fan-out's own transaction (first attempt at its time), not by a later claim.
    const { rows } = await ctx.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM webhook_deliveries WHERE subscription_id = $1 AND first_attempt_at = created_at AND attempts = 1`,
      [sub.id],
    );
    expect(rows[0]!.n).toBe(5);
    await receiver.close();
    await api.delete(`/api/v1/webhooks/${sub.id}`);
  });

  // PGlite runs one transaction at a time: nothing can be held back there.
  it.skipIf(!process.env.DATABASE_URL)('sends an event held back by an older open transaction as soon as that one ends, not at the next poll', async () => {
    // The catch-up after a NOTIFY lasts 10 s by the worker's clock: stopped, it lasts however long the machine takes.
    const clock = testClock();
    clock.set(Date.now());
    await worker({ ...FAST, pollMs: NO_POLL_MS, now: clock.now });
    const receiver = await startReceiver();
    const sub = await subscribe(receiver.url, ['held.*']);
    let release!: () => void;
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    const released = new Promise<void>((r) => (release = r));
    // An older transaction that writes no event: its end sends no NOTIFY.
    const holder = ctx.db.transaction(async (tx) => {
      await tx.query(`SELECT pg_current_xact_id()`);
      started();
      await released;
    });
    await running;
    const [event] = await emit('held.back');
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.ids()).toEqual([]); // commit order: not before the older transaction ends
    release();
    await holder;
    // Other databases' transactions on a shared server may hold it back a little longer.
    await until('sent', () => receiver.ids().length === 1);
    expect(receiver.ids()).toEqual([String(event!.id)]);
    await receiver.close();
    await api.delete(`/api/v1/webhooks/${sub.id}`);
  });
});

describe('signatures', () => {
  it('a verifier rejects a tampered body, a stale timestamp and the wrong secret', async () => {
    await worker();
    const receiver = await startReceiver();
    const sub = await subscribe(receiver.url, ['signed.*']);
    await emit('signed.once');
    const [r] = await until('one', () => receiver.received.length >= 1 && receiver.received);
    const headers = r!.headers as Record<string, string>;
    const verifier = new Webhook(sub.secret);
    expect(verifier.verify(r!.body, headers)).toMatchObject({ type: 'signed.once' });

    expect(() => verifier.verify(r!.body.replace('signed.once', 'signed.twice'), headers)).toThrow(WebhookVerificationError);
    const stale = signedHeaders(headers['webhook-id']!, r!.body, [sub.secret], new Date(Date.now() - 10 * 60_000));
    expect(() => verifier.verify(r!.body, stale)).toThrow(WebhookVerificationError);
    expect(() => new Webhook(`whsec_${Buffer.alloc(24, 7).toString('base64')}`).verify(r!.body, headers)).toThrow(WebhookVerificationError);
    await receiver.close();
    await api.delete(`/api/v1/webhooks/${sub.id}`);
  });

  it('after a secret rotation signs with the new and the old secret', async () => {
    await worker();
    const receiver = await startReceiver();
    const sub = await subscribe(receiver.url, ['rotated.*']);
    const rotated = await ok<{ secret: string }>(api.post(`/api/v1/webhooks/${sub.id}/rotate-secret`), 200);
    expect(rotated.secret).not.toBe(sub.secret);
    await emit('rotated.once');
    const [r] = await until('one', () => receiver.received.length >= 1 && receiver.received);
    expect(String(r!.headers['webhook-signature']).split(' ')).toHaveLength(2);
    new Webhook(rotated.secret).verify(r!.body, r!.headers as Record<string, string>);
    new Webhook(sub.secret).verify(r!.body, r!.headers as Record<string, string>);
    await receiver.close();
    await api.delete(`/api/v1/webhooks/${sub.id}`);
  });
});

describe('the webhooks API', () => {
  it('creates, lists, changes and deletes subscriptions, with events that never carry the secret', async () => {
    const created = await subscribe('https://example.com/hooks', ['order.*', 'stock.low', '*'], { description: 'ERP', active: false });
    expect(created).toMatchObject({ url: 'https://example.com/hooks', eventTypes: ['order.*', 'stock.low', '*'], active: false });

    const list = await api.get('/api/v1/webhooks?limit=200');
    expect(list.status).toBe(200);
    expect(list.body.items.map((w: any) => w.id)).toContain(created.id);
    expect(list.body.items.every((w: any) => !('secret' in w))).toBe(true);

    const patched = await api.patch(`/api/v1/webhooks/${created.id}`, { url: 'http://example.com/v2', eventTypes: ['customer.*'], active: true });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ url: 'http://example.com/v2', eventTypes: ['customer.*'], active: true, description: 'ERP' });

    expect((await api.delete(`/api/v1/webhooks/${created.id}`)).status).toBe(204);
    expect((await api.get(`/api/v1/webhooks/${created.id}`)).status).toBe(404);
    expect((await api.delete(`/api/v1/webhooks/${created.id}`)).status).toBe(404);
    expect((await api.get(`/api/v1/webhooks/${created.id}/deliveries`)).status).toBe(404);

    const events = (await api.get(`/api/v1/events?entityType=webhook&entityId=${created.id}`)).body.items;
    expect(events.map((e: any) => e.type)).toEqual(['webhook.deleted', 'webhook.updated', 'webhook.created']);
    expect(JSON.stringify(events)).not.toContain(created.secret);
  });

  it('refuses bad input, and callers without webhooks.manage', async () => {
    for (const body of [
      { url: 'ftp://example.com/x', eventTypes: ['order.*'] },
      { url: 'not a url', eventTypes: ['order.*'] },
      { url: 'https://user:pw@example.com/x', eventTypes: ['order.*'] },
      { url: 'https://example.com/x', eventTypes: [] },
      { url: 'https://example.com/x', eventTypes: ['Order.*'] },
      { url: 'https://example.com/x', eventTypes: ['order.**'] },
      { url: `https://example.com/${'x'.repeat(2001)}`, eventTypes: ['*'] },
    ]) {
      const res = await api.post('/api/v1/webhooks', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await api.get('/api/v1/webhooks/0')).status).toBe(400);

    const operator = api.as(await ctx.keyFor('warehouse_operator'));
    expect((await operator.get('/api/v1/webhooks')).status).toBe(403);
    expect((await operator.post('/api/v1/webhooks', { url: 'https://example.com/x', eventTypes: ['*'] })).status).toBe(403);
    const manager = api.as(await ctx.keyFor('manager'));
    const made = await manager.post('/api/v1/webhooks', { url: 'https://example.com/x', eventTypes: ['*'], active: false });
    expect(made.status).toBe(201);
    await manager.delete(`/api/v1/webhooks/${made.body.id}`);
  });

  it('accepts an Idempotency-Key: a retried create returns the same webhook and secret', async () => {
    const headers = { 'idempotency-key': `wh-${Date.now()}` };
    const body = { url: 'https://example.com/idem', eventTypes: ['order.*'], active: false };
    const a = await api.post('/api/v1/webhooks', body, { headers });
    const b = await api.post('/api/v1/webhooks', body, { headers });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body).toEqual(a.body);
    await api.delete(`/api/v1/webhooks/${a.body.id}`);
  });
});
