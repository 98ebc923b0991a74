/**
 * How a rendered notice leaves Wareloop, per channel: e-mail over SMTP (nodemailer), SMS through
 * an HTTP gateway (POST JSON {to, text}), chat through a chat webhook (a team's group-chat robot
 * in its own format, or the customer chat gateway with {to, text}), in-app by being stored.
 */
import nodemailer from 'nodemailer';
import type { Config } from '../../config.js';
import type { ChatFormat } from '../tasks/index.js';
import type { Channel } from './events.js';
import { destinationPolicy, destinationProblem } from '../../platform/http/destination.js';

/** A failure that another attempt cannot fix (not configured, refused by the gateway). */
export class PermanentFailure extends Error {}

/** Where a chat message is posted and in which body format (resolved by the sender at send time). */
export type ChatTarget = { url: string; format: ChatFormat };
export type Outgoing = { channel: Channel; recipient: string | null; subject: string | null; body: string; chatTarget?: ChatTarget };
export type Channels = { send(msg: Outgoing): Promise<void>; close(): void };

const GATEWAY_TIMEOUT_MS = 10_000;

/** The JSON a chat webhook takes: WeCom and DingTalk robots, Feishu robots, or a gateway's {to, text}. */
export function chatBody(format: ChatFormat, to: string | null, text: string): unknown {
  if (format === 'wecom' || format === 'dingtalk') return { msgtype: 'text', text: { content: text } };
  if (format === 'feishu') return { msg_type: 'text', content: { text } };
  return { to, text };
}

/** A robot answers 200 with its own error code when it refuses a message (bad key, rate limit). */
function robotError(format: ChatFormat, answer: unknown): string | undefined {
  if (format === 'generic' || typeof answer !== 'object' || answer === null) return undefined;
  const a = answer as { errcode?: unknown; errmsg?: unknown; code?: unknown; msg?: unknown };
  if (format === 'feishu') return typeof a.code === 'number' && a.code !== 0 ? `chat robot answered code ${a.code}: ${String(a.msg ?? '')}` : undefined;
  return typeof a.errcode === 'number' && a.errcode !== 0 ? `chat robot answered errcode ${a.errcode}: ${String(a.errmsg ?? '')}` : undefined;
}

/** Where a team's chat robot may be: the same rule as webhooks (no private networks unless allowed). */
export type OutboundSettings = Partial<Pick<Config, 'webhookAllowPrivateNetworks' | 'webhookAllowedHosts'>>;

export function openChannels(config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'smsGatewayUrl'> & OutboundSettings & { chatGatewayUrl?: string | undefined }): Channels {
  const robots = destinationPolicy({ webhookAllowPrivateNetworks: config.webhookAllowPrivateNetworks ?? false, webhookAllowedHosts: config.webhookAllowedHosts ?? [] });
  // Timeouts well inside the sender's lease, so a hung server cannot make a delivery go out twice.
  const mailer = config.smtpUrl
    ? nodemailer.createTransport({ url: config.smtpUrl, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 })
    : undefined;

  async function email(to: string, subject: string, text: string) {
    if (!mailer) throw new PermanentFailure('e-mail is not configured (SMTP_URL is not set)');
    await mailer.sendMail({ from: config.mailFrom, to, subject, text });
  }

  /** POSTs JSON to a gateway; a 4xx but 408/429 is permanent, anything else may pass later. Returns the answer's text. */
  async function post(what: string, url: string, body: unknown): Promise<string> {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(GATEWAY_TIMEOUT_MS),
    });
    const answer = await res.text().catch(() => '');
    if (res.ok) return answer;
    const excerpt = answer.slice(0, 300);
    const message = `${what} answered ${res.status}${excerpt ? `: ${excerpt}` : ''}`;
    // A 4xx says this message will never be accepted; timeouts, throttling and 5xx may pass later.
    if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) throw new PermanentFailure(message);
    throw new Error(message);
  }

  async function sms(to: string, text: string) {
    if (!config.smsGatewayUrl) throw new PermanentFailure('SMS is not configured (SMS_GATEWAY_URL is not set)');
    await post('SMS gateway', config.smsGatewayUrl, { to, text });
  }

  async function chat(target: ChatTarget | undefined, to: string | null, text: string) {
    if (!target) throw new PermanentFailure('chat is not configured (no chat gateway or team chat robot)');
    // A team's robot URL is set through the API, so it is checked like a webhook's; the gateway is the operator's own.
    if (target.url !== config.chatGatewayUrl) {
      const problem = await destinationProblem(robots, target.url);
      if (problem) throw new PermanentFailure(`chat robot refused: ${problem}`);
    }
    const answer = await post(target.format === 'generic' ? 'chat gateway' : 'chat robot', target.url, chatBody(target.format, to, text));
    let parsed: unknown;
    try {
      parsed = answer ? JSON.parse(answer) : undefined;
    } catch {
      parsed = undefined;
    }
    const refused = robotError(target.format, parsed);
    if (refused) throw new Error(refused.slice(0, 500));
  }

  return {
    async send(msg) {
      if (msg.channel === 'in_app') return;
      if (msg.channel === 'chat') return chat(msg.chatTarget, msg.recipient, msg.body);
      if (!msg.recipient) throw new PermanentFailure(`no recipient for ${msg.channel}`);
      if (msg.channel === 'email') return email(msg.recipient, msg.subject ?? '', msg.body);
      return sms(msg.recipient, msg.body);
    },
    close: () => mailer?.close(),
  };
}
