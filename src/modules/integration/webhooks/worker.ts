/**
 * The webhook machinery of one process: the `webhooks` consumer that fans events out into
 * deliveries, and the sender that attempts due deliveries. Every process may run both: the
 * consumer's cursor lock and the sender's claims keep them from doing the same work twice.
 */
import type { Db } from '../../../platform/db/client.js';
import { startConsumer } from '../../../platform/events/dispatcher.js';
import { fanOut, WEBHOOKS_CONSUMER } from './fan-out.js';
import { attemptDelivery, claimDue, DEFAULT_RETRY, type RetryPolicy, type SendOptions } from './send.js';

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
  log?: { warn(obj: object, msg: string): void };
};

export type WebhookWorker = { wake(): void; stop(): Promise<void> };

export async function startWebhooks(db: Db, options: WebhookWorkerOptions = {}): Promise<WebhookWorker> {
  const send: SendOptions = {
    retry: { ...DEFAULT_RETRY, ...options.retry },
    timeoutMs: options.timeoutMs ?? 10_000,
    random: options.random ?? Math.random,
  };
  // Long enough that a request still running is never taken over by another sender.
  const leaseMs = send.timeoutMs + 30_000;
  const concurrency = options.concurrency ?? 32;
  const pollMs = options.pollMs ?? 1000;
  const log = options.log;

  const inFlight = new Set<Promise<void>>();
  let stopped = false;
  let again = false;
  let filling: Promise<void> | undefined;

  const fill = async () => {
    do {
      again = false;
      while (!stopped && inFlight.size < concurrency) {
        const claimed = await claimDue(db, concurrency - inFlight.size, leaseMs);
        if (!claimed.length) break;
        for (const c of claimed) {
          const p: Promise<void> = attemptDelivery(db, c, send)
            .then(() => undefined)
            .catch((err: unknown) => {
              // Not recorded: the lease runs out and the delivery is tried again.
              log?.warn({ err, deliveryId: c.id }, 'webhooks: could not record an attempt');
            })
            .finally(() => {
              inFlight.delete(p);
              pump();
            });
          inFlight.add(p);
        }
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
      if ((await fanOut(tx, events)) > 0) tx.afterCommit(pump);
    },
  });
  const poll = setInterval(pump, pollMs);
  poll.unref();
  pump();

  return {
    wake() {
      consumer.wake();
      pump();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(poll);
      await consumer.stop();
      await filling;
      // Requests in flight finish (each within its timeout) and are recorded.
      await Promise.all([...inFlight]);
    },
  };
}
