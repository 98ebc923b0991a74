/**
 * The webhook machinery of one process: the `webhooks` consumer that fans events out into
 * deliveries, and the sender that attempts due deliveries. Every process may run both: the
 * consumer's cursor lock and the sender's claims keep them from doing the same work twice.
 */
import { loadConfig } from '../../../config.js';
import type { Db } from '../../../platform/db/client.js';
import { startConsumer } from '../../../platform/events/dispatcher.js';
import { EVENTS_CHANNEL } from '../../../platform/events/log.js';
import { destinationPolicy, type DestinationPolicy } from '../../../platform/http/destination.js';
import { fanOut, WEBHOOKS_CONSUMER } from './fan-out.js';
import { claimDue, DEFAULT_RETRY, DELIVERIES_DUE_CHANNEL, post, recordAttempts, type Attempted, type Claimed, type Clock, type RetryPolicy, type SendOptions } from './send.js';
import { openTransport } from './transport.js';

export type WebhookWorkerOptions = {
  retry?: Partial<RetryPolicy>;
  /** Per request: a receiver that has not answered by then has failed this attempt. */
  timeoutMs?: number;
  /** Requests in flight at once, over all webhooks. */
  concurrency?: number;
  /** How often to look for due retries and for events NOTIFY did not announce. */
  pollMs?: number;
  batchSize?: number;
  random?: () => number;
  /** What time it is for retries, retry windows, disabling and the catch-up after a NOTIFY: the database's clock unless given (tests). */
  now?: Clock;
  /** Where deliveries may go; by default from the settings (WEBHOOK_ALLOW_PRIVATE_NETWORKS, WEBHOOK_ALLOWED_HOSTS). */
  destination?: DestinationPolicy;
  log?: { warn(obj: object, msg: string): void };
};

export type WebhookWorker = {
  wake(): void;
  /** Sends every delivery due now (by the worker's clock) and logs the attempts; resolves once all are logged. For tests and tools. */
  runDue(): Promise<void>;
  stop(): Promise<void>;
};

const CHASE_EVERY_MS = 25;
const CHASE_FOR_MS = 10_000;

/** Whether committed events lie past the webhooks consumer's cursor (not fanned out yet). */
async function behind(db: Db): Promise<boolean> {
  const { rows } = await db.query<{ behind: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM consumer_cursors c JOIN events e ON (e.tx_id, e.id) > (c.tx_id, c.event_id) WHERE c.name = $1) AS behind`,
    [WEBHOOKS_CONSUMER],
  );
  return rows[0]!.behind;
}

export async function startWebhooks(db: Db, options: WebhookWorkerOptions = {}): Promise<WebhookWorker> {
  const concurrency = options.concurrency ?? 32;
  const send: SendOptions = {
    retry: { ...DEFAULT_RETRY, ...options.retry },
    transport: openTransport(options.destination ?? destinationPolicy(loadConfig()), concurrency),
    timeoutMs: options.timeoutMs ?? 10_000,
    random: options.random ?? Math.random,
    now: options.now,
  };
  const clock = options.now ?? (() => new Date());
  // Long enough that a request still running is never taken over by another sender.
  const leaseMs = send.timeoutMs + 30_000;
  const pollMs = options.pollMs ?? 1000;
  const log = options.log;

  const inFlight = new Set<Promise<void>>();
  let stopped = false;
  let again = false;
  let filling: Promise<void> | undefined;

  // Attempts are logged in batches: whatever finished while the previous batch was being written.
  let toRecord: Attempted[] = [];
  let recording: Promise<void> | undefined;
  const record = () => {
    if (recording || !toRecord.length) return;
    const batch = toRecord;
    toRecord = [];
    recording = db
      .transaction((tx) => recordAttempts(tx, batch, send))
      .catch((err: unknown) => {
        // Not recorded: the leases run out and the deliveries are tried again.
        log?.warn({ err, deliveryIds: batch.map((a) => a.claimed.id) }, 'webhooks: could not record attempts');
      })
      .finally(() => {
        recording = undefined;
        record();
        // Logging an attempt locks its delivery (the attempts' foreign key), and a claim skips
        // locked deliveries: one replayed meanwhile is due now, so look again.
        pump();
      });
  };

  const attempt = (c: Claimed) => {
    const p: Promise<void> = post(send.transport, c, send.timeoutMs)
      .then((outcome) => {
        toRecord.push({ claimed: c, outcome });
        record();
      })
      .finally(() => {
        inFlight.delete(p);
        pump();
      });
    inFlight.add(p);
  };

  const fill = async () => {
    do {
      again = false;
      while (!stopped && inFlight.size < concurrency) {
        const claimed = await claimDue(db, concurrency - inFlight.size, leaseMs, options.now);
        if (!claimed.length) break;
        for (const c of claimed) attempt(c);
      }
    } while (again && !stopped);
  };

  function pump() {
    if (stopped) return;
    if (filling) {
      again = true;
      return;
    }
    filling = fill()
      .catch((err: unknown) => log?.warn({ err }, 'webhooks: claiming due deliveries failed; retrying at the next poll'))
      .finally(() => {
        filling = undefined;
      });
  }

  const consumer = await startConsumer(db, {
    name: WEBHOOKS_CONSUMER,
    batchSize: options.batchSize,
    pollMs,
    log,
    handle: async (tx, events) => {
      // New deliveries go out as soon as this commits, without waiting to be claimed, as far as
      // there is room; the rest are due now for the sender's claims.
      const { created, claimed } = await fanOut(tx, events, { limit: Math.max(0, concurrency - inFlight.size), leaseMs, now: options.now });
      // Sent even by a stopping worker: stop() waits for them, so their claims are not left to lapse.
      if (claimed.length) tx.afterCommit(() => claimed.forEach(attempt));
      if (created > claimed.length) tx.afterCommit(pump);
    },
  });
  const poll = setInterval(pump, pollMs);
  poll.unref();
  pump();

  // The consumer reads only events of transactions older than every transaction still running,
  // so a committed event can wait behind any open transaction on the server, one that writes no
  // event included, and nothing announces when that one ends: the consumer would find the event
  // only at its next poll. After each NOTIFY, while committed events lie past the cursor, wake
  // it every few milliseconds (for at most CHASE_FOR_MS), then leave the rest to the poll.
  let chasing = false;
  const chase = async () => {
    if (chasing || stopped) return;
    chasing = true;
    try {
      const until = clock().getTime() + CHASE_FOR_MS;
      for (let delay = 2; !stopped && clock().getTime() < until; delay = Math.min(delay * 2, CHASE_EVERY_MS)) {
        await new Promise((r) => setTimeout(r, delay));
        if (stopped || !(await behind(db))) return;
        consumer.wake();
      }
    } catch (err) {
      log?.warn({ err }, 'webhooks: checking the consumer\'s lag failed; the poll goes on');
    } finally {
      chasing = false;
    }
  };
  // PGlite runs one transaction at a time: none is ever open while the consumer reads.
  const unlisten = db.kind === 'pglite' ? undefined : await db.listen(EVENTS_CHANNEL, () => void chase()).catch(() => undefined);
  // A replay is due at once: claim it now, not at the next poll (any worker of any process).
  const unlistenDue = await db.listen(DELIVERIES_DUE_CHANNEL, () => pump()).catch(() => undefined);

  return {
    wake() {
      consumer.wake();
      pump();
    },
    async runDue() {
      pump();
      // Until nothing is being claimed, sent or logged: each finished request claims again.
      for (;;) {
        if (filling) await filling;
        else if (inFlight.size) await Promise.all([...inFlight]);
        else if (recording) await recording;
        else return;
      }
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(poll);
      await unlisten?.().catch(() => undefined);
      await unlistenDue?.().catch(() => undefined);
      await consumer.stop();
      await filling;
      // Requests in flight finish (each within its timeout) and are recorded.
      await Promise.all([...inFlight]);
      while (recording) await recording;
      send.transport.close();
    },
  };
}
