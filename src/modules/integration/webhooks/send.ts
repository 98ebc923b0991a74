/**
 * Sending deliveries: claim the due ones (with their messages), POST each event signed per
 * Standard Webhooks, log the attempts (in batches), and either mark each delivered or schedule
 * its next try (exponential backoff, full jitter) until its retry window has passed. A claim is
 * a lease: the claimed delivery's next attempt moves past the request's timeout, so no two
 * senders (processes) try it at once, and one that dies mid-request leaves it to another once
 * the lease is over.
 */
import { Webhook } from 'standardwebhooks';
import type { Db, Tx } from '../../../platform/db/client.js';
import { appendEvent } from '../../../platform/events/log.js';
import { DestinationRefused } from '../../../platform/http/destination.js';
import { WEBHOOK_EVENTS } from './events.js';
import { RequestTimedOut, type Transport } from './transport.js';

export { EXCERPT_BYTES } from './transport.js';

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
  transport: Transport;
  timeoutMs: number;
  random: () => number;
  now?: Clock;
};

/**
 * The clock that says which deliveries are due, when a retry window is over and how long a
 * webhook has been failing. Unset, the database's `now()`; tests pass one they move by hand.
 */
export type Clock = () => Date;

/** `now()`, or the clock's time when there is one: `$n` in SQL is `clockAt(now)`, read through `nowSql(n)`. */
export const clockAt = (now: Clock | undefined): string | null => (now ? now().toISOString() : null);
export const nowSql = (param: number) => `coalesce($${param}::timestamptz, now())`;

/** The delay before the retry that follows attempt `attempt` (1-based): full jitter on the base. */
export function retryDelay(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const base = policy.delaysMs[attempt - 1] ?? policy.thenEveryMs;
  return Math.floor(random() * base);
}

/** The event as a receiver gets it. */
export type WebhookEvent = {
  id: number;
  type: string;
  entityType: string;
  entityId: string;
  customerId: number | null;
  actor: string;
  payload: Record<string, unknown>;
  occurredAt: string;
};

/**
 * A claimed delivery with everything needed to send it: no further read before the POST.
 * `attempt` and `replays` identify the claim: its result is recorded only while both still hold.
 */
export type Claimed = { id: number; attempt: number; replays: number; subscriptionId: number; url: string; secrets: string[]; event: WebhookEvent };

/** Where a replay is announced: every worker listening claims it at once instead of at its next poll. */
export const DELIVERIES_DUE_CHANNEL = 'wareloop_webhook_deliveries_due';

type ClaimedRow = Omit<Claimed, 'secrets' | 'event'> & { secret: string; previousSecret: string | null } & { [K in keyof WebhookEvent as `event_${K}`]: WebhookEvent[K] };

/** The signing secrets of a subscription: during a rotation, the previous one too. */
export const SECRETS_SQL = `s.secret, CASE WHEN s.previous_secret_expires_at > now() THEN s.previous_secret END AS "previousSecret"`;

export const secretsOf = (r: { secret: string; previousSecret: string | null }) => (r.previousSecret ? [r.secret, r.previousSecret] : [r.secret]);

/** Claims up to `limit` due deliveries of active webhooks for `leaseMs`, with their messages. */
export async function claimDue(db: Db, limit: number, leaseMs: number, now?: Clock): Promise<Claimed[]> {
  const { rows } = await db.query<ClaimedRow>(
    `WITH due AS (
       SELECT d.id FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id
       WHERE d.status = 'pending' AND d.next_attempt_at <= ${nowSql(3)} AND s.active
       ORDER BY d.next_attempt_at, d.id
       LIMIT $1
       FOR UPDATE OF d SKIP LOCKED
     ), claimed AS (
       UPDATE webhook_deliveries d SET attempts = d.attempts + 1, first_attempt_at = coalesce(d.first_attempt_at, ${nowSql(3)}),
         last_attempt_at = ${nowSql(3)}, next_attempt_at = ${nowSql(3)} + $2 * interval '1 millisecond'
       FROM due WHERE d.id = due.id
       RETURNING d.id, d.attempts, d.replays, d.subscription_id, d.event_id
     )
     SELECT c.id, c.attempts AS attempt, c.replays, c.subscription_id AS "subscriptionId", s.url, ${SECRETS_SQL},
            e.id AS event_id, e.type AS event_type, e.entity_type AS "event_entityType", e.entity_id AS "event_entityId",
            e.customer_id AS "event_customerId", e.actor AS event_actor, e.payload AS event_payload, e.occurred_at AS "event_occurredAt"
     FROM claimed c JOIN webhook_subscriptions s ON s.id = c.subscription_id JOIN events e ON e.id = c.event_id
     ORDER BY c.id`,
    [limit, leaseMs, clockAt(now)],
  );
  return rows.map((r) => ({
    id: r.id,
    attempt: r.attempt,
    replays: r.replays,
    subscriptionId: r.subscriptionId,
    url: r.url,
    secrets: secretsOf(r),
    event: {
      id: r.event_id,
      type: r.event_type,
      entityType: r.event_entityType,
      entityId: r.event_entityId,
      customerId: r.event_customerId,
      actor: r.event_actor,
      payload: r.event_payload,
      occurredAt: r.event_occurredAt,
    },
  }));
}

/** The body every receiver gets: the event, in the Standard Webhooks payload shape. */
export function webhookBody(event: WebhookEvent): string {
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

/** `refused`: the destination policy stopped it before any request (no retry can succeed). */
export type Outcome = { attemptedAt: Date; statusCode: number | null; latencyMs: number; excerpt: string; error: string | null; succeeded: boolean; refused: boolean };

function describe(err: unknown): string {
  if (err instanceof DestinationRefused) return `refused: ${err.message}`;
  if (err instanceof RequestTimedOut) return err.message;
  const e = err as { code?: string; message?: string } | undefined;
  const message = e?.message ?? String(err);
  return (e?.code && !message.includes(e.code) ? `${e.code}: ${message}` : message).slice(0, 1000);
}

export async function post(transport: Transport, message: Pick<Claimed, 'url' | 'secrets' | 'event'>, timeoutMs: number): Promise<Outcome> {
  const body = webhookBody(message.event);
  const attemptedAt = new Date();
  const started = performance.now();
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'Wareloop-Webhooks/1',
    ...signedHeaders(String(message.event.id), body, message.secrets, attemptedAt),
  };
  try {
    // A redirect is not a delivery: the receiver must answer at the URL it registered.
    const reply = await transport.post(new URL(message.url), headers, body, timeoutMs);
    const latencyMs = Math.round(performance.now() - started);
    const succeeded = reply.statusCode >= 200 && reply.statusCode < 300;
    return { attemptedAt, statusCode: reply.statusCode, latencyMs, excerpt: reply.excerpt, error: null, succeeded, refused: false };
  } catch (err) {
    const latencyMs = Math.round(performance.now() - started);
    return { attemptedAt, statusCode: null, latencyMs, excerpt: '', error: describe(err), succeeded: false, refused: err instanceof DestinationRefused };
  }
}

/** The successes of a batch: delivered, and each webhook's failure count back to zero. */
async function recordSuccesses(tx: Tx, done: Array<{ claimed: Claimed }>, now: Clock | undefined) {
  if (!done.length) return;
  await tx.query(
    `UPDATE webhook_deliveries d SET status = 'delivered', delivered_at = ${nowSql(3)}, next_attempt_at = NULL
     FROM unnest($1::bigint[], $2::int[], $4::int[]) AS x(id, attempt, replays)
     WHERE d.id = x.id AND d.attempts = x.attempt AND d.replays = x.replays AND d.status = 'pending'`,
    [done.map((r) => r.claimed.id), done.map((r) => r.claimed.attempt), clockAt(now), done.map((r) => r.claimed.replays)],
  );
  await tx.query(
    `UPDATE webhook_subscriptions SET consecutive_failures = 0, failing_since = NULL, last_success_at = ${nowSql(2)} WHERE id = ANY($1::bigint[])`,
    [[...new Set(done.map((r) => r.claimed.subscriptionId))], clockAt(now)],
  );
}

/** `final`: no retry (a destination the policy refuses stays refused until the webhook is changed). */
async function recordFailure(tx: Tx, c: Claimed, opts: SendOptions, final: boolean) {
  const { retry } = opts;
  const now = clockAt(opts.now);
  // Only the sender holding the current claim schedules the next try: a takeover after a lapsed
  // lease has a later attempt number, a replay since the claim a higher replay count (it is due
  // now, and this result must not push it out by the backoff).
  await tx.query(
    `UPDATE webhook_deliveries SET
       status = CASE WHEN $5 OR ${nowSql(6)} >= first_attempt_at + $3 * interval '1 millisecond' THEN 'failed' ELSE 'pending' END,
       next_attempt_at = CASE WHEN $5 OR ${nowSql(6)} >= first_attempt_at + $3 * interval '1 millisecond' THEN NULL
         ELSE least(${nowSql(6)} + $4 * interval '1 millisecond', first_attempt_at + $3 * interval '1 millisecond') END
     WHERE id = $1 AND attempts = $2 AND replays = $7 AND status = 'pending'`,
    [c.id, c.attempt, retry.retryForMs, retryDelay(retry, c.attempt, opts.random), final, now, c.replays],
  );
  await tx.query(
    `UPDATE webhook_subscriptions SET consecutive_failures = consecutive_failures + 1, failing_since = coalesce(failing_since, ${nowSql(2)})
     WHERE id = $1`,
    [c.subscriptionId, now],
  );
  const reason = `${retry.disableAfterFailures} or more failures in a row and no success for ${Math.round(retry.disableAfterMs / MINUTE)} min`;
  const { rows } = await tx.query<{ url: string; eventTypes: string[]; consecutiveFailures: number }>(
    `UPDATE webhook_subscriptions SET active = false, disabled_at = ${nowSql(5)}, disabled_reason = $4, updated_at = now()
     WHERE id = $1 AND active AND consecutive_failures >= $2 AND failing_since <= ${nowSql(5)} - $3 * interval '1 millisecond'
     RETURNING url, event_types AS "eventTypes", consecutive_failures AS "consecutiveFailures"`,
    [c.subscriptionId, retry.disableAfterFailures, retry.disableAfterMs, reason, now],
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

export type Attempted = { claimed: Claimed; outcome: Outcome };

/**
 * Logs a batch of attempts in one transaction (a busy sender writes a few transactions a second,
 * not one per delivery). A delivery deleted with its webhook since its claim has nothing to log.
 * Successes are applied after the failures (a webhook that answered in this batch is healthy):
 * "in a row" has no order among concurrent deliveries.
 */
export async function recordAttempts(tx: Tx, batch: Attempted[], opts: SendOptions): Promise<void> {
  const { rows } = await tx.query<{ deliveryId: number }>(
    `INSERT INTO webhook_attempts (delivery_id, attempt, attempted_at, status_code, latency_ms, response_excerpt, error, succeeded)
     SELECT x.* FROM unnest($1::bigint[], $2::int[], $3::timestamptz[], $4::int[], $5::int[], $6::text[], $7::text[], $8::boolean[])
       AS x(delivery_id, attempt, attempted_at, status_code, latency_ms, response_excerpt, error, succeeded)
     WHERE EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.id = x.delivery_id)
     RETURNING delivery_id AS "deliveryId"`,
    [
      batch.map((a) => a.claimed.id),
      batch.map((a) => a.claimed.attempt),
      batch.map((a) => a.outcome.attemptedAt.toISOString()),
      batch.map((a) => a.outcome.statusCode),
      batch.map((a) => a.outcome.latencyMs),
      batch.map((a) => a.outcome.excerpt),
      batch.map((a) => a.outcome.error),
      batch.map((a) => a.outcome.succeeded),
    ],
  );
  const logged = new Set(rows.map((r) => r.deliveryId));
  const kept = batch.filter((a) => logged.has(a.claimed.id));
  for (const a of kept) if (!a.outcome.succeeded) await recordFailure(tx, a.claimed, opts, a.outcome.refused);
  await recordSuccesses(
    tx,
    kept.filter((a) => a.outcome.succeeded),
    opts.now,
  );
}
