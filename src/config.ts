/** Every setting Wareloop reads, from the environment, validated once at start-up. */
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
  /** Where notification e-mails go out: smtp://user:pass@host:587 or smtps://…:465. Unset: e-mails fail as not configured. */
  SMTP_URL: z
    .string()
    .url()
    .refine((u) => /^smtps?:$/.test(new URL(u).protocol), 'an smtp:// or smtps:// URL, e.g. smtp://user:pass@host:587')
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
    .refine((u) => /^https?:$/.test(new URL(u).protocol), 'an http:// or https:// URL')
    .optional(),
});

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
  smtpUrl: string | undefined;
  mailFrom: string;
  smsGatewayUrl: string | undefined;
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
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    smsGatewayUrl: e.SMS_GATEWAY_URL,
  };
}
