/**
 * Webhook subscriptions and their deliveries: the commands behind the API. Sending is in
 * `send.ts`, fanning events out in `fan-out.ts`.
 */
import { randomBytes } from 'node:crypto';
import type { Queryable, Tx } from '../../../platform/db/client.js';
import { appendEvent, type Actor } from '../../../platform/events/log.js';
import { Conflict, Invalid, NotFound } from '../../../platform/http/errors.js';
import { decodeCursor, pageOf } from '../../../platform/http/pagination.js';
import { destinationProblem, type DestinationPolicy } from '../../../platform/http/destination.js';
import { WEBHOOK_EVENTS, type DeliveryStatus, type WebhookEventPayload } from './events.js';
import { clockAt, DELIVERIES_DUE_CHANNEL, nowSql, type Clock } from './send.js';
import { Id, type DeliveryDto, type WebhookDto, type WebhookInput, type WebhookPatch } from './webhooks.schema.js';

/** How long the secret before a rotation still signs deliveries (as a second signature). */
export const PREVIOUS_SECRET_VALID_HOURS = 24;

/** A Standard Webhooks secret: `whsec_` and 24 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

const COLUMNS = `id, url, event_types AS "eventTypes", description, active, consecutive_failures AS "consecutiveFailures",
  last_success_at AS "lastSuccessAt", disabled_at AS "disabledAt", disabled_reason AS "disabledReason",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

const payloadOf = (w: WebhookDto, extra: Partial<WebhookEventPayload> = {}): WebhookEventPayload => ({
  url: w.url,
  eventTypes: w.eventTypes,
  active: w.active,
  ...extra,
});

/**
 * Refuses a URL that points where webhooks may not go (a private, loopback, link-local… address,
 * or a name resolving to one). Outside the transaction: it may wait for DNS.
 */
export async function checkDestination(policy: DestinationPolicy, url: string | undefined): Promise<void> {
  if (url === undefined) return;
  const problem = await destinationProblem(policy, url);
  if (problem) throw new Invalid('url', problem);
}

export async function createWebhook(tx: Tx, actor: Actor, input: WebhookInput): Promise<WebhookDto & { secret: string }> {
  const secret = newWebhookSecret();
  // Events of transactions not committed yet are the subscription's; those committed already are history.
  const { rows } = await tx.query<WebhookDto>(
    `INSERT INTO webhook_subscriptions (url, event_types, description, active, secret, starts_after)
     VALUES ($1, $2, $3, $4, $5, pg_current_snapshot()) RETURNING ${COLUMNS}`,
    [input.url, input.eventTypes, input.description, input.active, secret],
  );
  const webhook = rows[0]!;
  await appendEvent(tx, actor, { type: WEBHOOK_EVENTS.created, entityType: 'webhook', entityId: webhook.id, payload: payloadOf(webhook) });
  return { ...webhook, secret };
}

export async function getWebhook(q: Queryable, id: number): Promise<WebhookDto> {
  const { rows } = await q.query<WebhookDto>(`SELECT ${COLUMNS} FROM webhook_subscriptions WHERE id = $1`, [id]);
  if (!rows[0]) throw new NotFound('webhook', id);
  return rows[0];
}

export async function listWebhooks(q: Queryable, page: { limit: number; cursor?: string }) {
  const after = decodeCursor(page.cursor, Id) ?? 0;
  const { rows } = await q.query<WebhookDto>(`SELECT ${COLUMNS} FROM webhook_subscriptions WHERE id > $1 ORDER BY id LIMIT $2`, [
    after,
    page.limit + 1,
  ]);
  return pageOf(rows, page.limit, (last) => last.id);
}

export async function updateWebhook(tx: Tx, actor: Actor, id: number, patch: WebhookPatch): Promise<WebhookDto> {
  const { rows } = await tx.query<WebhookDto>(
    `UPDATE webhook_subscriptions SET
       url = coalesce($2, url),
       event_types = coalesce($3, event_types),
       description = coalesce($4, description),
       active = coalesce($5, active),
       -- Switching a subscription back on gives it a fresh start.
       consecutive_failures = CASE WHEN $5 AND NOT active THEN 0 ELSE consecutive_failures END,
       failing_since = CASE WHEN $5 AND NOT active THEN NULL ELSE failing_since END,
       disabled_at = CASE WHEN $5 THEN NULL ELSE disabled_at END,
       disabled_reason = CASE WHEN $5 THEN NULL ELSE disabled_reason END,
       updated_at = now()
     WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, patch.url ?? null, patch.eventTypes ?? null, patch.description ?? null, patch.active ?? null],
  );
  const webhook = rows[0];
  if (!webhook) throw new NotFound('webhook', id);
  await appendEvent(tx, actor, { type: WEBHOOK_EVENTS.updated, entityType: 'webhook', entityId: id, payload: payloadOf(webhook) });
  return webhook;
}

export async function rotateSecret(tx: Tx, actor: Actor, id: number): Promise<WebhookDto & { secret: string }> {
  const secret = newWebhookSecret();
  const { rows } = await tx.query<WebhookDto>(
    `UPDATE webhook_subscriptions SET previous_secret = secret, secret = $2,
       previous_secret_expires_at = now() + make_interval(hours => $3), updated_at = now()
     WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, secret, PREVIOUS_SECRET_VALID_HOURS],
  );
  const webhook = rows[0];
  if (!webhook) throw new NotFound('webhook', id);
  await appendEvent(tx, actor, { type: WEBHOOK_EVENTS.updated, entityType: 'webhook', entityId: id, payload: payloadOf(webhook, { secretRotated: true }) });
  return { ...webhook, secret };
}

export async function deleteWebhook(tx: Tx, actor: Actor, id: number): Promise<void> {
  const webhook = await getWebhook(tx, id);
  // Its deliveries and their attempts go with it (a sender mid-attempt finds nothing to record).
  await tx.query(`DELETE FROM webhook_subscriptions WHERE id = $1`, [id]);
  await appendEvent(tx, actor, { type: WEBHOOK_EVENTS.deleted, entityType: 'webhook', entityId: id, payload: payloadOf(webhook) });
}

const DELIVERY_COLUMNS = `d.id, d.subscription_id AS "webhookId", d.event_id AS "eventId", d.event_type AS "eventType", d.status,
  d.next_attempt_at AS "nextAttemptAt", d.delivered_at AS "deliveredAt", d.created_at AS "createdAt"`;

type DeliveryRow = Omit<DeliveryDto, 'attempts'>;

async function withAttempts(q: Queryable, deliveries: DeliveryRow[]): Promise<DeliveryDto[]> {
  if (!deliveries.length) return [];
  const { rows } = await q.query<DeliveryDto['attempts'][number] & { deliveryId: number }>(
    `SELECT delivery_id AS "deliveryId", attempt, attempted_at AS "attemptedAt", status_code AS "statusCode", latency_ms AS "latencyMs",
            response_excerpt AS "responseExcerpt", error, succeeded
     FROM webhook_attempts WHERE delivery_id = ANY($1::bigint[]) ORDER BY id`,
    [deliveries.map((d) => d.id)],
  );
  const byDelivery = new Map<number, DeliveryDto['attempts']>();
  for (const { deliveryId, ...attempt } of rows) {
    const list = byDelivery.get(deliveryId) ?? [];
    list.push(attempt);
    byDelivery.set(deliveryId, list);
  }
  // A pending delivery's next attempt time is meaningful; a finished one has none.
  return deliveries.map((d) => ({ ...d, nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt : null, attempts: byDelivery.get(d.id) ?? [] }));
}

/** A webhook's deliveries, newest first, each with its attempts. */
export async function listDeliveries(q: Queryable, webhookId: number, f: { status?: DeliveryStatus; limit: number; cursor?: string }) {
  await getWebhook(q, webhookId);
  const before = decodeCursor(f.cursor, Id) ?? Number.MAX_SAFE_INTEGER;
  const { rows } = await q.query<DeliveryRow>(
    `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries d
     WHERE d.subscription_id = $1 AND d.id < $2 AND ($3::text IS NULL OR d.status = $3)
     ORDER BY d.id DESC LIMIT $4`,
    [webhookId, before, f.status ?? null, f.limit + 1],
  );
  const page = pageOf(rows, f.limit, (last) => last.id);
  return { items: await withAttempts(q, page.items), nextCursor: page.nextCursor };
}

export async function getDelivery(q: Queryable, id: number): Promise<DeliveryDto> {
  const { rows } = await q.query<DeliveryRow>(`SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries d WHERE d.id = $1`, [id]);
  if (!rows[0]) throw new NotFound('webhook delivery', id);
  return (await withAttempts(q, rows))[0]!;
}

/**
 * Sends a delivery again, now, with a fresh retry window; its earlier attempts stay logged. An
 * attempt in flight meanwhile is superseded (`replays` moves on, so its result is logged but
 * changes nothing), and the workers are woken to claim it at once. `now`: the senders' clock.
 */
export async function replayDelivery(tx: Tx, id: number, now?: Clock): Promise<DeliveryDto> {
  const { rows } = await tx.query<{ active: boolean }>(
    `SELECT s.active FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id WHERE d.id = $1 FOR UPDATE OF d`,
    [id],
  );
  if (!rows[0]) throw new NotFound('webhook delivery', id);
  if (!rows[0].active) throw new Conflict('The webhook is not active; activate it (PATCH active: true) to replay its deliveries', { currentState: 'inactive' });
  await tx.query(
    `UPDATE webhook_deliveries SET status = 'pending', replays = replays + 1, next_attempt_at = ${nowSql(2)}, first_attempt_at = NULL, delivered_at = NULL
     WHERE id = $1`,
    [id, clockAt(now)],
  );
  await tx.query(`SELECT pg_notify($1, $2)`, [DELIVERIES_DUE_CHANNEL, String(id)]);
  return getDelivery(tx, id);
}
