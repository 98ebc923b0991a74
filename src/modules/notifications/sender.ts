/**
 * The sender: takes queued deliveries that are due (FOR UPDATE SKIP LOCKED, so several Wareloop
 * processes share the work and never take the same one), sends them outside any transaction,
 * then records sent, a retry with backoff, or failed, each with its event on the customer's
 * timeline. Woken by the event log's NOTIFY (a `notification.queued` commit) and by a poll timer
 * (retries falling due).
 */
import type { Config } from '../../config.js';
import type { Db } from '../../platform/db/client.js';
import { EVENTS_CHANNEL } from '../../platform/events/log.js';
import { getTeamChatTarget } from '../tasks/index.js';
import { openChannels, PermanentFailure, type ChatTarget, type OutboundSettings } from './channels.js';
import { NOTIFICATION_EVENTS as E } from './events.js';
import type { Delivery } from './notifications.schema.js';
import { DELIVERY_COLUMNS, deliveryRef, recordDeliveryEvent } from './deliveries.js';

export type SenderOptions = {
  /** How often to look for retries that fell due. */
  pollMs?: number;
  batchSize?: number;
  /** Attempts before a delivery is failed for good. */
  maxAttempts?: number;
  /** Wait before the 2nd attempt; each later wait is 4 times longer (± 50% jitter), at most an hour. */
  retryBaseMs?: number;
  /** How long a taken delivery stays taken; a sender that dies leaves it to another after this. */
  leaseMs?: number;
};

export type NotificationSender = {
  /** Sends what is due now; resolves with how many deliveries it handled. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
};

const ACTOR = 'system';

/** A delivery taken to send, with the text to send when it differs from the logged one (it carries a secret). */
type Claimed = Delivery & { outgoingSubject: string | null; outgoingBody: string | null };

/** Once a delivery is settled, the text with its secret is of no more use: clear it. */
const CLEAR_OUTGOING = 'outgoing_subject = NULL, outgoing_body = NULL';

const MAX_BACKOFF_MS = 60 * 60 * 1000;

export function backoffMs(attempt: number, baseMs: number, random = Math.random): number {
  const wait = Math.min(baseMs * 4 ** (attempt - 1), MAX_BACKOFF_MS);
  return Math.round(wait * (0.5 + random()));
}

export type SenderConfig = Pick<Config, 'smtpUrl' | 'mailFrom' | 'smsGatewayUrl'> & OutboundSettings & { chatGatewayUrl?: string | undefined };

export function startNotificationSender(db: Db, config: SenderConfig, opts: SenderOptions = {}): NotificationSender {
  const { pollMs = 1_000, batchSize = 20, maxAttempts = 5, retryBaseMs = 30_000, leaseMs = 5 * 60_000 } = opts;
  const channels = openChannels(config);
  let stopped = false;
  let running: Promise<number> | undefined;
  let again = false;

  async function claim(): Promise<Claimed[]> {
    const { rows } = await db.query<Claimed>(
      `UPDATE notification_deliveries SET attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => $2), updated_at = now()
       WHERE id IN (SELECT id FROM notification_deliveries WHERE status = 'queued' AND next_attempt_at <= now()
                    ORDER BY next_attempt_at, id LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING ${DELIVERY_COLUMNS}, outgoing_subject AS "outgoingSubject", outgoing_body AS "outgoingBody"`,
      [batchSize, leaseMs / 1000],
    );
    return rows;
  }

  /** Records the outcome only if the delivery is still ours (same attempt, still queued). */
  async function settle(d: Delivery, error: Error | undefined) {
    await db.transaction(async (tx) => {
      const ref = deliveryRef(d);
      const mine = `id = $1 AND status = 'queued' AND attempts = $2`;
      if (!error) {
        const r = await tx.query(`UPDATE notification_deliveries SET status = 'sent', sent_at = now(), last_error = NULL, ${CLEAR_OUTGOING}, updated_at = now() WHERE ${mine}`, [
          d.id,
          d.attempts,
        ]);
        if (r.rowCount) await recordDeliveryEvent(tx, ACTOR, d, E.sent, { ...ref, attempts: d.attempts });
        return;
      }
      const message = (error.message || String(error)).slice(0, 2000);
      if (error instanceof PermanentFailure || d.attempts >= maxAttempts) {
        const r = await tx.query(`UPDATE notification_deliveries SET status = 'failed', last_error = $3, ${CLEAR_OUTGOING}, updated_at = now() WHERE ${mine}`, [
          d.id,
          d.attempts,
          message,
        ]);
        if (r.rowCount) await recordDeliveryEvent(tx, ACTOR, d, E.failed, { ...ref, attempts: d.attempts, error: message });
        return;
      }
      await tx.query(
        `UPDATE notification_deliveries SET last_error = $3, next_attempt_at = now() + make_interval(secs => $4), updated_at = now() WHERE ${mine}`,
        [d.id, d.attempts, message, backoffMs(d.attempts, retryBaseMs) / 1000],
      );
    });
  }

  /** A customer who opted out after the notice was queued gets nothing either. */
  async function skipIfOptedOut(d: Delivery): Promise<boolean> {
    if (d.customerId === null) return false; // opt-outs are customers'
    return db.transaction(async (tx) => {
      const r = await tx.query(
        `UPDATE notification_deliveries SET status = 'skipped_opt_out', ${CLEAR_OUTGOING}, updated_at = now()
         WHERE id = $1 AND status = 'queued' AND attempts = $2
           AND EXISTS (SELECT 1 FROM notification_opt_outs o WHERE o.customer_id = $3 AND o.channel = $4)`,
        [d.id, d.attempts, d.customerId, d.channel],
      );
      if (!r.rowCount) return false;
      await recordDeliveryEvent(tx, ACTOR, d, E.skipped, { ...deliveryRef(d), reason: 'opt_out' });
      return true;
    });
  }

  /**
   * Where a chat message goes, read when it is sent: a team's robot as the team has it now (a
   * changed or removed URL is honoured), a customer's through the chat gateway.
   */
  async function chatTarget(d: Delivery): Promise<ChatTarget | undefined> {
    if (d.channel !== 'chat') return undefined;
    if (d.team !== null) {
      const target = await getTeamChatTarget(db, d.team);
      if (!target) throw new PermanentFailure(`team ${d.team} has no chat robot (chat webhook URL) any more`);
      return target;
    }
    if (!config.chatGatewayUrl) throw new PermanentFailure('chat is not configured (CHAT_GATEWAY_URL is not set)');
    return { url: config.chatGatewayUrl, format: 'generic' };
  }

  async function deliver(d: Claimed) {
    if (await skipIfOptedOut(d)) return;
    let error: Error | undefined;
    try {
      const text = d.outgoingBody === null ? { subject: d.subject, body: d.body } : { subject: d.outgoingSubject, body: d.outgoingBody };
      // A team's chat message is addressed to the team (the generic format's `to`).
      await channels.send({ channel: d.channel, ...text, recipient: d.recipient ?? d.team, chatTarget: await chatTarget(d) });
    } catch (err) {
      error = err instanceof Error ? err : new Error(String(err));
    }
    await settle(d, error);
  }

  async function drain(): Promise<number> {
    let handled = 0;
    for (;;) {
      const batch = await claim();
      await Promise.all(batch.map(deliver));
      handled += batch.length;
      if (batch.length < batchSize || stopped) return handled;
    }
  }

  /** One drain at a time; a wake-up during a drain runs another right after it. */
  function runOnce(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let handled = 0;
      try {
        do {
          again = false;
          handled += await drain();
        } while (again && !stopped);
      } finally {
        running = undefined;
      }
      return handled;
    })();
    return running;
  }

  const wake = () => {
    if (!stopped) runOnce().catch(() => undefined); // a database hiccup: the next poll tries again
  };
  const timer = setInterval(wake, pollMs);
  const unlisten = db.listen(EVENTS_CHANNEL, wake).catch(() => undefined);
  wake();

  return {
    runOnce,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await (await unlisten)?.();
      await running?.catch(() => undefined);
      channels.close();
    },
  };
}
