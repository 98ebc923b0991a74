/**
 * Sending deliveries: claim the due ones, POST each event signed per Standard Webhooks, log the
 * attempt, and either mark it delivered or schedule the next try (exponential backoff, full
 * jitter) until its retry window has passed. A claim is a lease: the claimed delivery's next
 * attempt moves past the request's timeout, so no two senders (processes) try it at once, and
 * one that dies mid-request leaves it to another once the lease is over.
 */
import { Webhook } from 'standardwebhooks';
import type { Db, Tx } from '../../../platform/db/client.js';
import { appendEvent } from '../../../platform/events/log.js';
import { WEBHOOK_EVENTS } from './events.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export type RetryPolicy = {
  /** Base delay before each retry (the first retry uses the first); each is jittered in [0, base]. */
  delaysMs: number[];
  /** Base delay once `delaysMs` is used up. */
  thenEveryMs: number;
  /** Retries go on until this long after the first attempt (the last one lands at its end). */
  retryForMs: number;
  /** A webhook failing this many times in a row, for at least `disableAfterMs` with no success, is disabled. */
  disableAfterFailures: number;
  disableAfterMs: number;
};

export const DEFAULT_RETRY: RetryPolicy = {
  delaysMs: [5_000, 30_000, 2 * MINUTE, 10 * MINUTE, 30 * MINUTE, HOUR],
  thenEveryMs: 2 * HOUR,
  retryForMs: 24 * HOUR,
  disableAfterFailures: 10,
  disableAfterMs: 24 * HOUR,
};

export type SendOptions = {
  retry: RetryPolicy;
  timeoutMs: number;
  random: () => number;
};

/** The delay before the retry that follows attempt `attempt` (1-based): full jitter on the base. */
export function retryDelay(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const base = policy.delaysMs[attempt - 1] ?? policy.thenEveryMs;
  return Math.floor(random() * base);
}

export const EXCERPT_BYTES = 1024;

export type Claimed = { id: number; attempt: number; subscriptionId: number };

/** Claims up to `limit` due deliveries of active webhooks for `leaseMs`. */
export async function claimDue(db: Db, limit: number, leaseMs: number): Promise<Claimed[]> {
  const { rows } = await db.query<Claimed>(
    `WITH due AS (
       SELECT d.id FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id
       WHERE d.status = 'pending' AND d.next_attempt_at <= now() AND s.active
       ORDER BY d.next_attempt_at, d.id
       LIMIT $1
       FOR UPDATE OF d SKIP LOCKED
     )
     UPDATE webhook_deliveries d SET attempts = d.attempts + 1, first_attempt_at = coalesce(d.first_attempt_at, now()),
       last_attempt_at = now(), next_attempt_at = now() + $2 * interval '1 millisecond'
     FROM due WHERE d.id = due.id
     RETURNING d.id, d.attempts AS attempt, d.subscription_id AS "subscriptionId"`,
    [limit, leaseMs],
  );
  return rows;
}

type Message = {
  url: string;
  secrets: string[];
  event: {
    id: number;
    type: string;
    entityType: string;
    entityId: string;
    customerId: number | null;
    actor: string;
    payload: Record<string, unknown>;
    occurredAt: string;
  };
};

async function loadMessage(db: Db, deliveryId: number): Promise<Message | undefined> {
  const { rows } = await db.query<{ url: string; secret: string; previousSecret: string | null } & Message['event']>(
    `SELECT s.url, s.secret, CASE WHEN s.previous_secret_expires_at > now() THEN s.previous_secret END AS "previousSecret",
            e.id, e.type, e.entity_type AS "entityType", e.entity_id AS "entityId", e.customer_id AS "customerId",
            e.actor, e.payload, e.occurred_at AS "occurredAt"
     FROM webhook_deliveries d
     JOIN webhook_subscriptions s ON s.id = d.subscription_id
     JOIN events e ON e.id = d.event_id
     WHERE d.id = $1`,
    [deliveryId],
  );
  const r = rows[0];
  if (!r) return undefined;
  const { url, secret, previousSecret, ...event } = r;
  return { url, secrets: previousSecret ? [secret, previousSecret] : [secret], event };
}

/** The body every receiver gets: the event, in the Standard Webhooks payload shape. */
export function webhookBody(event: Message['event']): string {
  const { id, type, occurredAt, entityType, entityId, customerId, actor, payload } = event;
  return JSON.stringify({ id, type, timestamp: occurredAt, data: { entityType, entityId, customerId, actor, payload } });
}

/** The three Standard Webhooks headers; during a secret rotation, one signature per secret. */
export function signedHeaders(msgId: string, body: string, secrets: string[], at: Date): Record<string, string> {
  return {
    'webhook-id': msgId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': secrets.map((s) => new Webhook(s).sign(msgId, at, body)).join(' '),
  };
}

type Outcome = { attemptedAt: Date; statusCode: number | null; latencyMs: number; excerpt: string; error: string | null; succeeded: boolean };

async function readExcerpt(res: Response): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < EXCERPT_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  // PostgreSQL text cannot hold NUL.
  return Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString('utf8').replace(/\0/g, '');
}

function describe(err: unknown, timeoutMs: number): string {
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) return `timed out after ${timeoutMs} ms`;
  const cause = err instanceof Error ? (err.cause as { code?: string; message?: string } | undefined) : undefined;
  const message = cause?.message ?? (err instanceof Error ? err.message : String(err));
  return (cause?.code && !message.includes(cause.code) ? `${cause.code}: ${message}` : message).slice(0, 1000);
}

export async function post(message: Message, timeoutMs: number): Promise<Outcome> {
  const body = webhookBody(message.event);
  const attemptedAt = new Date();
  const started = performance.now();
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'Wareloop-Webhooks/1',
    ...signedHeaders(String(message.event.id), body, message.secrets, attemptedAt),
  };
  let statusCode: number | null = null;
  let latencyMs = 0;
  try {
    const signal = AbortSignal.timeout(timeoutMs);
    // A redirect is not a delivery: the receiver must answer at the URL it registered.
    const res = await fetch(message.url, { method: 'POST', headers, body, redirect: 'manual', signal });
    latencyMs = Math.round(performance.now() - started);
    statusCode = res.status;
    const excerpt = await readExcerpt(res).catch(() => '');
    return { attemptedAt, statusCode, latencyMs, excerpt, error: null, succeeded: res.status >= 200 && res.status < 300 };
  } catch (err) {
    latencyMs ||= Math.round(performance.now() - started);
    return { attemptedAt, statusCode, latencyMs, excerpt: '', error: describe(err, timeoutMs), succeeded: false };
  }
}

async function recordSuccess(tx: Tx, c: Claimed) {
  await tx.query(
    `UPDATE webhook_deliveries SET status = 'delivered', delivered_at = now(), next_attempt_at = NULL
     WHERE id = $1 AND attempts = $2 AND status = 'pending'`,
    [c.id, c.attempt],
  );
  await tx.query(
    `UPDATE webhook_subscriptions SET consecutive_failures = 0, failing_since = NULL, last_success_at = now() WHERE id = $1`,
    [c.subscriptionId],
  );
}

async function recordFailure(tx: Tx, c: Claimed, opts: SendOptions) {
  const { retry } = opts;
  // Only the sender holding the current claim schedules the next try (a replay or a takeover after
  // a lapsed lease owns it otherwise).
  await tx.query(
    `UPDATE webhook_deliveries SET
       status = CASE WHEN now() >= first_attempt_at + $3 * interval '1 millisecond' THEN 'failed' ELSE 'pending' END,
       next_attempt_at = CASE WHEN now() >= first_attempt_at + $3 * interval '1 millisecond' THEN NULL
         ELSE least(now() + $4 * interval '1 millisecond', first_attempt_at + $3 * interval '1 millisecond') END
     WHERE id = $1 AND attempts = $2 AND status = 'pending'`,
    [c.id, c.attempt, retry.retryForMs, retryDelay(retry, c.attempt, opts.random)],
  );
  await tx.query(
    `UPDATE webhook_subscriptions SET consecutive_failures = consecutive_failures + 1, failing_since = coalesce(failing_since, now())
     WHERE id = $1`,
    [c.subscriptionId],
  );
  const reason = `${retry.disableAfterFailures} or more failures in a row and no success for ${Math.round(retry.disableAfterMs / MINUTE)} min`;
  const { rows } = await tx.query<{ url: string; eventTypes: string[]; consecutiveFailures: number }>(
    `UPDATE webhook_subscriptions SET active = false, disabled_at = now(), disabled_reason = $4, updated_at = now()
     WHERE id = $1 AND active AND consecutive_failures >= $2 AND failing_since <= now() - $3 * interval '1 millisecond'
     RETURNING url, event_types AS "eventTypes", consecutive_failures AS "consecutiveFailures"`,
    [c.subscriptionId, retry.disableAfterFailures, retry.disableAfterMs, reason],
  );
  const disabled = rows[0];
  if (disabled) {
    await appendEvent(tx, 'system', {
      type: WEBHOOK_EVENTS.disabled,
      entityType: 'webhook',
      entityId: c.subscriptionId,
      payload: { url: disabled.url, eventTypes: disabled.eventTypes, active: false, reason, consecutiveFailures: disabled.consecutiveFailures },
    });
  }
}

/** One attempt of a claimed delivery, logged whatever its outcome. */
export async function attemptDelivery(db: Db, c: Claimed, opts: SendOptions): Promise<Outcome | undefined> {
  const message = await loadMessage(db, c.id);
  if (!message) return undefined; // deleted with its webhook since the claim
  const outcome = await post(message, opts.timeoutMs);
  await db.transaction(async (tx) => {
    const { rowCount } = await tx.query(
      `INSERT INTO webhook_attempts (delivery_id, attempt, attempted_at, status_code, latency_ms, response_excerpt, error, succeeded)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8 WHERE EXISTS (SELECT 1 FROM webhook_deliveries WHERE id = $1)`,
      [c.id, c.attempt, outcome.attemptedAt.toISOString(), outcome.statusCode, outcome.latencyMs, outcome.excerpt, outcome.error, outcome.succeeded],
    );
    if (!rowCount) return;
    if (outcome.succeeded) await recordSuccess(tx, c);
    else await recordFailure(tx, c, opts);
  });
  return outcome;
}
