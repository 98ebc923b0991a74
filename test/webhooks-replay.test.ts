/**
 * A replay sends the delivery now, once, whatever else is in flight: an attempt claimed before
 * the replay that fails (or succeeds) afterwards must neither push the replay out by its backoff
 * nor close it. The receiver is a local HTTP server the test holds and releases; the worker's
 * clock stands still and nothing polls, so what is sent is what the test triggers.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { appendEvent, type StoredEvent } from '../src/platform/events/log.js';
import { destinationPolicy } from '../src/platform/http/destination.js';
import { claimDue, DEFAULT_RETRY, post, recordAttempts, type SendOptions } from '../src/modules/integration/webhooks/send.js';
import { openTransport } from '../src/modules/integration/webhooks/transport.js';
import { startWebhooks, type WebhookWorker, type WebhookWorkerOptions } from '../src/modules/integration/webhooks/worker.js';
import { ok } from './orders.fixtures.js';
import { testClock } from './support/clock.js';
import { useTestContext } from './support/context.js';

const HOUR = 3_600_000;
// Ahead of the database's clock, and still: every retry is an hour away and never comes.
const clock = testClock();
clock.set(Date.now() + 60_000);
const ctx = await useTestContext({ webhookAllowedHosts: ['127.0.0.1/32'], now: clock.now });
const api = ctx.api;

/** A receiver that holds the first request of each message until the test answers it; later ones get 200 at once. */
async function heldReceiver() {
  const arrivals = new Map<string, number>();
  const held = new Map<string, ServerResponse>();
  const waiters: Array<() => void> = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const id = String(req.headers['webhook-id']);
      const n = (arrivals.get(id) ?? 0) + 1;
      arrivals.set(id, n);
      if (n === 1) held.set(id, res);
      else res.writeHead(200).end('thanks');
      waiters.splice(0).forEach((w) => w());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    arrivals,
    /** Resolves once every id has a request held. */
    async holding(ids: string[]) {
      const deadline = Date.now() + 30_000;
      while (!ids.every((id) => held.has(id))) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${ids.length} held requests`);
        await new Promise<void>((r) => {
          waiters.push(r);
          setTimeout(r, 50);
        });
      }
    },
    answer(id: string, status: number) {
      const res = held.get(id)!;
      held.delete(id);
      res.writeHead(status).end(status < 300 ? 'thanks' : 'down');
    },
    async close() {
      for (const res of held.values()) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const NO_POLL_MS = 3_600_000;
const workers: WebhookWorker[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
});

async function worker(opts: Partial<WebhookWorkerOptions> = {}) {
  const w = await startWebhooks(ctx.db, {
    pollMs: NO_POLL_MS,
    now: clock.now,
    random: () => 1, // each retry waits its whole base delay: an hour
    retry: { delaysMs: [HOUR], thenEveryMs: HOUR, retryForMs: 24 * HOUR },
    destination: destinationPolicy(ctx.config),
    ...opts,
  });
  workers.push(w);
  return w;
}

async function emit(type: string, count: number): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  for (let i = 0; i < count; i++) out.push(await ctx.db.transaction((tx) => appendEvent(tx, 'system', { type, entityType: 'race', entityId: i + 1 })));
  return out;
}

async function deliveriesOf(webhookId: number) {
  const { rows } = await ctx.db.query<{ id: number; eventId: number; status: string; attempts: number; logged: number }>(
    `SELECT d.id, d.event_id AS "eventId", d.status, d.attempts, (SELECT count(*)::int FROM webhook_attempts a WHERE a.delivery_id = d.id) AS logged
     FROM webhook_deliveries d WHERE d.subscription_id = $1 ORDER BY d.id`,
    [webhookId],
  );
  return rows;
}

async function subscribe(url: string, type: string) {
  return ok<{ id: number }>(api.post('/api/v1/webhooks', { url, eventTypes: [type], description: 'replay race' }));
}

describe('replaying a delivery while an attempt is in flight', () => {
  it('the in-flight attempt that fails after the replay does not delay it: claimed, replayed, failure logged, then due now', async () => {
    const receiver = await heldReceiver();
    const sub = await subscribe(receiver.url, 'step.*');
    const [event] = await emit('step.once', 1);
    // No worker: the test is the sender, one step at a time. The delivery is due now.
    await ctx.db.query(`INSERT INTO webhook_deliveries (subscription_id, event_id, event_type, next_attempt_at) VALUES ($1, $2, 'step.once', $3)`, [sub.id, event!.id, clock.now().toISOString()]);
    const transport = openTransport(destinationPolicy(ctx.config), 4);
    const send: SendOptions = { retry: { ...DEFAULT_RETRY, delaysMs: [HOUR], thenEveryMs: HOUR }, transport, timeoutMs: 10_000, random: () => 1, now: clock.now };
    try {
      const [delivery] = await deliveriesOf(sub.id);
      expect(delivery).toMatchObject({ eventId: event!.id, status: 'pending' });
      const [first] = await claimDue(ctx.db, 10, 40_000, clock.now);
      expect(first?.id).toBe(delivery!.id);
      const sending = post(transport, first!, 10_000);
      await receiver.holding([String(event!.id)]);
      expect((await api.post(`/api/v1/webhooks/deliveries/${delivery!.id}/replay`)).status).toBe(200);
      receiver.answer(String(event!.id), 503);
      const outcome = await sending;
      expect(outcome.succeeded).toBe(false);
      await ctx.db.transaction((tx) => recordAttempts(tx, [{ claimed: first!, outcome }], send));
      // The failure is logged, but the replay is still due now, not an hour from now.
      const again = await claimDue(ctx.db, 10, 40_000, clock.now);
      expect(again.map((c) => c.id)).toEqual([delivery!.id]);
      const replayed = await post(transport, again[0]!, 10_000);
      expect(replayed.succeeded).toBe(true);
      await ctx.db.transaction((tx) => recordAttempts(tx, [{ claimed: again[0]!, outcome: replayed }], send));
      expect(await deliveriesOf(sub.id)).toEqual([expect.objectContaining({ status: 'delivered', attempts: 2, logged: 2 })]);
      expect(receiver.arrivals.get(String(event!.id))).toBe(2);
    } finally {
      transport.close();
      await receiver.close();
      await api.delete(`/api/v1/webhooks/${sub.id}`);
    }
  });

  // How the attempt in flight ends, and when, against the replay: each round a different order.
  const VARIANTS = [
    'fails after the replay, logged before the worker looks again',
    'fails after the replay, the worker looks at once',
    'fails while the replays are being made',
    'succeeds after the replay',
  ] as const;
  const ROUNDS = 12;
  const PER_ROUND = 6;

  it(`every replayed delivery arrives exactly once, over ${ROUNDS} rounds of ${PER_ROUND} replays racing attempts in flight`, async () => {
    const receiver = await heldReceiver();
    const sub = await subscribe(receiver.url, 'race.*');
    // Room for exactly the attempts in flight: a replay can be claimed only as one of them ends.
    const w = await worker({ concurrency: PER_ROUND });
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const variant = VARIANTS[round % VARIANTS.length]!;
        const events = await emit(`race.r${round}`, PER_ROUND);
        const ids = events.map((e) => String(e.id));
        w.wake(); // the fan-out claims them and sends: the receiver holds each
        await receiver.holding(ids);
        const byEvent = new Map((await deliveriesOf(sub.id)).map((d) => [String(d.eventId), d.id]));
        const replay = (id: string) => ok(api.post(`/api/v1/webhooks/deliveries/${byEvent.get(id)}/replay`), 200);
        const status = variant === 'succeeds after the replay' ? 200 : 503;

        if (variant === 'fails while the replays are being made') {
          await Promise.all(ids.map(async (id, i) => (i % 2 ? (receiver.answer(id, status), replay(id)) : replay(id).then(() => receiver.answer(id, status)))));
        } else {
          for (const id of ids) await replay(id);
          for (const id of ids) receiver.answer(id, status);
        }
        if (variant === 'fails after the replay, logged before the worker looks again') {
          const deadline = Date.now() + 30_000;
          while ((await deliveriesOf(sub.id)).filter((d) => byEvent.has(String(d.eventId)) && ids.includes(String(d.eventId))).some((d) => d.logged < 1)) {
            if (Date.now() > deadline) throw new Error('the failed attempts were never logged');
            await new Promise((r) => setTimeout(r, 10));
          }
        }
        await w.runDue();

        const mine = (await deliveriesOf(sub.id)).filter((d) => ids.includes(String(d.eventId)));
        expect({ round, variant, arrivals: ids.map((id) => receiver.arrivals.get(id)) }).toEqual({ round, variant, arrivals: ids.map(() => 2) });
        expect({ round, variant, deliveries: mine.map((d) => [d.status, d.logged]) }).toEqual({ round, variant, deliveries: ids.map(() => ['delivered', 2]) });
      }
    } finally {
      await receiver.close();
      await api.delete(`/api/v1/webhooks/${sub.id}`);
    }
  });

  it('a replay is sent at once, without waiting for a poll', async () => {
    const receiver = await heldReceiver();
    const sub = await subscribe(receiver.url, 'prompt.*');
    const w = await worker();
    const [event] = await emit('prompt.replayed', 1);
    const id = String(event!.id);
    w.wake();
    await receiver.holding([id]);
    receiver.answer(id, 200);
    await w.runDue();
    const [delivery] = await deliveriesOf(sub.id);
    expect(delivery).toMatchObject({ status: 'delivered', logged: 1 });
    // Nothing polls (an hour) and nothing calls runDue: the replay itself wakes the worker.
    expect((await api.post(`/api/v1/webhooks/deliveries/${delivery!.id}/replay`)).status).toBe(200);
    const deadline = Date.now() + 10_000;
    while (receiver.arrivals.get(id) !== 2) {
      if (Date.now() > deadline) throw new Error('the replay was not sent without a poll');
      await new Promise((r) => setTimeout(r, 10));
    }
    await w.runDue();
    expect(await deliveriesOf(sub.id)).toEqual([expect.objectContaining({ status: 'delivered', attempts: 2, logged: 2 })]);
    await receiver.close();
    await api.delete(`/api/v1/webhooks/${sub.id}`);
  });
});
