/** Every setting Wareloop reads, from the environment, validated once at start-up. */
import { isIP } from 'node:net';
import { z } from 'zod';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** A PostgreSQL connection string; when absent the embedded PGlite database is used. */
  DATABASE_URL: z.string().url().optional(),
  /** Where PGlite keeps its data directory. */
  WARELOOP_DATA_DIR: z.string().default('./data'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Orders confirmed before this local time ship the same working day. */
  SHIP_CUTOFF: z.string().regex(TIME, 'HH:MM').default('15:00'),
  /** ISO weekdays (1 = Monday … 7 = Sunday) on which the warehouse ships. */
  WORKING_DAYS: z
    .string()
    .regex(/^[1-7](,[1-7])*$/, 'comma-separated ISO weekdays, e.g. 1,2,3,4,5')
    .default('1,2,3,4,5'),
  /** IANA time zone of the cut-off and working days. */
  TIME_ZONE: z.string().default('Asia/Shanghai'),
  /** Whether `serve` seeds demo data into an empty database. */
  SEED_DEMO: z.enum(['true', 'false']).default('true'),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(12),
  /** Set to `true` behind HTTPS so session cookies are marked Secure. */
  COOKIE_SECURE: z.enum(['true', 'false']).default('false'),
  /**
   * Which peers may set X-Forwarded-For (the client address rate limits and logs see): `false`
   * (none, the default: a client on this machine is loopback too, so trusting loopback by default
   * would let it pick a new address per request and reset the per-address limits), `loopback`
   * (a reverse proxy on this machine), addresses or CIDRs separated by commas, or `true`
   * (anyone: only when every request passes your proxy).
   */
  TRUST_PROXY: z
    .string()
    .max(1000)
    .regex(/^(true|false|[0-9a-zA-Z.:/,\s]+)$/, 'true, false, loopback, or addresses and CIDRs separated by commas')
    .default('false'),
  /** Where notification e-mails go out: smtp://user:pass@host:587 or smtps://…:465. Unset: e-mails fail as not configured. */
  SMTP_URL: z
    .string()
    .url()
    .refine((u) => protocolIs(u, /^smtps?:$/), 'an smtp:// or smtps:// URL, e.g. smtp://user:pass@host:587')
    .optional(),
  /** The From of notification e-mails: an address, or a name and address ("Wareloop <no-reply@example.com>"). */
  MAIL_FROM: z
    .string()
    .max(320)
    .regex(/^([^<>\r\n]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/, 'an e-mail address, optionally as "Name <address>"')
    .default('Wareloop <no-reply@wareloop.local>'),
  /** The SMS gateway: notifications POST JSON {to, text} here. Unset: SMS fail as not configured. */
  SMS_GATEWAY_URL: z
    .string()
    .url()
    .refine((u) => protocolIs(u, /^https?:$/), 'an http:// or https:// URL')
    .optional(),
  /** The chat gateway for customers' chat notices: notifications POST JSON {to, text} here. Unset: customer chat fails as not configured. */
  CHAT_GATEWAY_URL: z
    .string()
    .url()
    .refine((u) => protocolIs(u, /^https?:$/), 'an http:// or https:// URL')
    .optional(),
  /**
   * The server's secret: storage vouchers are hashed under it (and, while their deposit is open,
   * sealed for their notice). Unset: a secret made by the database migration and kept in the
   * database is used, so a fresh start just works, but then a database dump alone is enough to
   * brute-force the vouchers in it.
   */
  SECRET_KEY: z.string().min(32, 'at least 32 characters, e.g. from `openssl rand -base64 32`').max(1000).optional(),
  /** Whether webhooks may point at private, loopback, link-local… addresses (SSRF guard off). */
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: z.enum(['true', 'false']).default('false'),
  /** Host names, addresses or CIDRs (comma-separated) webhooks may reach even though private: internal systems. */
  WEBHOOK_ALLOWED_HOSTS: z
    .string()
    .default('')
    .refine(
      (s) => listOf(s).every((h) => /^[a-z0-9.-]+\.?$/i.test(h) || isIP(h.split('/')[0]!.replace(/^\[(.*)\]$/, '$1')) > 0),
      'comma-separated host names, addresses or CIDRs, e.g. erp.internal,10.20.0.0/16',
    ),
});

/** Whether a URL's protocol matches; a value that is no URL at all passes here, as the URL check refuses it already. */
function protocolIs(u: string, protocol: RegExp): boolean {
  return !URL.canParse(u) || protocol.test(new URL(u).protocol);
}

const listOf = (s: string) => s.split(',').map((h) => h.trim()).filter(Boolean);

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  poolSize: number;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  shipCutoff: string;
  workingDays: number[];
  timeZone: string;
  seedDemo: boolean;
  sessionTtlHours: number;
  cookieSecure: boolean;
  trustProxy: boolean | string;
  smtpUrl: string | undefined;
  mailFrom: string;
  smsGatewayUrl: string | undefined;
  chatGatewayUrl: string | undefined;
  webhookAllowPrivateNetworks: boolean;
  webhookAllowedHosts: string[];
  /** SECRET_KEY; undefined: the database's own secret is used. */
  secretKey: string | undefined;
  /** What time it is for the rate limits and webhook replays. Not a setting: real time unless a test gives a clock it moves by hand. */
  now?: () => Date;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  try {
    new Intl.DateTimeFormat('en', { timeZone: e.TIME_ZONE });
  } catch {
    throw new Error(`Invalid configuration:\n  TIME_ZONE: unknown time zone ${e.TIME_ZONE}`);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.WARELOOP_DATA_DIR,
    poolSize: e.DATABASE_POOL_SIZE,
    logLevel: e.LOG_LEVEL,
    shipCutoff: e.SHIP_CUTOFF,
    workingDays: [...new Set(e.WORKING_DAYS.split(',').map(Number))].sort(),
    timeZone: e.TIME_ZONE,
    seedDemo: e.SEED_DEMO === 'true',
    sessionTtlHours: e.SESSION_TTL_HOURS,
    cookieSecure: e.COOKIE_SECURE === 'true',
    trustProxy: e.TRUST_PROXY === 'true' ? true : e.TRUST_PROXY === 'false' ? false : e.TRUST_PROXY.replace(/\s+/g, ''),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    smsGatewayUrl: e.SMS_GATEWAY_URL,
    chatGatewayUrl: e.CHAT_GATEWAY_URL,
    webhookAllowPrivateNetworks: e.WEBHOOK_ALLOW_PRIVATE_NETWORKS === 'true',
    webhookAllowedHosts: listOf(e.WEBHOOK_ALLOWED_HOSTS),
    secretKey: e.SECRET_KEY,
  };
}
