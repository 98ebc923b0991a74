/**
 * How a rendered notice leaves Wareloop, per channel: e-mail over SMTP (nodemailer), SMS through
 * an HTTP gateway (POST JSON {to, text}), in-app by being stored (nothing to send).
 */
import nodemailer from 'nodemailer';
import type { Config } from '../../config.js';
import type { Channel } from './events.js';

/** A failure that another attempt cannot fix (not configured, refused by the gateway). */
export class PermanentFailure extends Error {}

export type Outgoing = { channel: Channel; recipient: string | null; subject: string | null; body: string };
export type Channels = { send(msg: Outgoing): Promise<void>; close(): void };

const GATEWAY_TIMEOUT_MS = 10_000;

export function openChannels(config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'smsGatewayUrl'>): Channels {
  // Timeouts well inside the sender's lease, so a hung server cannot make a delivery go out twice.
  const mailer = config.smtpUrl
    ? nodemailer.createTransport({ url: config.smtpUrl, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 })
    : undefined;

  async function email(to: string, subject: string, text: string) {
    if (!mailer) throw new PermanentFailure('e-mail is not configured (SMTP_URL is not set)');
    await mailer.sendMail({ from: config.mailFrom, to, subject, text });
  }

  async function sms(to: string, text: string) {
    if (!config.smsGatewayUrl) throw new PermanentFailure('SMS is not configured (SMS_GATEWAY_URL is not set)');
    const res = await fetch(config.smsGatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ to, text }),
      signal: AbortSignal.timeout(GATEWAY_TIMEOUT_MS),
    });
    if (res.ok) return;
    const excerpt = (await res.text().catch(() => '')).slice(0, 300);
    const message = `SMS gateway answered ${res.status}${excerpt ? `: ${excerpt}` : ''}`;
    // A 4xx says this message will never be accepted; timeouts, throttling and 5xx may pass later.
    if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) throw new PermanentFailure(message);
    throw new Error(message);
  }

  return {
    async send(msg) {
      if (msg.channel === 'in_app') return;
      if (!msg.recipient) throw new PermanentFailure(`no recipient for ${msg.channel}`);
      if (msg.channel === 'email') return email(msg.recipient, msg.subject ?? '', msg.body);
      return sms(msg.recipient, msg.body);
    },
    close: () => mailer?.close(),
  };
}
