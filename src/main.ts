/**
 * The `wareloop` command: serve the API, migrate, seed demo data, create users, check the data.
 * Each command prints what it did; an error is one line on stderr and a non-zero exit code.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { z } from 'zod';
import { loadConfig, type Config } from './config.js';
import { prepareDatabase } from './prepare.js';
import { demoLoginsInUse, type DemoLogin } from './seed/users.js';
import { seedDemo, seedDemoIfEmpty } from './seed/demo.js';
import { buildApp, VERSION } from './server.js';
import { createUser, listRoles } from './platform/auth/auth.service.js';
import { newSecret } from './platform/auth/passwords.js';
import type { Db } from './platform/db/client.js';
import { openDatabase } from './platform/db/open.js';
import { startAutomation, type Automation } from './modules/automation/index.js';
import { startWebhooks, type WebhookWorker } from './modules/integration/index.js';
import { startNotificationSender, type NotificationSender } from './modules/notifications/index.js';
import { startStorageAlerts, type StorageAlerts } from './modules/storage/index.js';
import { Conflict } from './platform/http/errors.js';
import { openControlSocket, type ControlSocket } from './platform/control/socket.js';
import { auditCommand, backupCommand, doctorCommand, restoreCommand, serveOperations } from './operations.js';
import { startAuditSealer, type AuditSealer } from './platform/audit/seal.js';

const USAGE = `Wareloop ${VERSION}: warehouse, CRM, after-sales and customer storage on one event stream.

Usage: wareloop <command> [options]

Commands:
  serve                      Start the API (and seed demo data into an empty database if SEED_DEMO=true)
  migrate                    Apply pending database migrations and list them
  seed --demo                Seed demo data into an empty database
  user create --email E --name N --role R [--password P]
                             Create a user; prints a generated password if none is given
  doctor                     Check the data's invariants (stock ledger == stock levels, …); exit 1 on findings.
                             On the embedded database it asks the running server, if one holds it
  backup FILE                Write a consistent snapshot of the whole database to FILE (gzip, with a
                             checksum) while the server keeps serving; restores into either database kind
  restore FILE [--force]     Verify FILE, then load it into this database (empty, or --force to replace
                             what it holds), then run the doctor's and the audit trail's checks; not
                             while a server serves it
  audit verify               Recompute the sealed audit trail; name the first altered, removed or reordered
                             record; exit 1 on a finding
  help                       Show this help

Settings come from the environment: PORT, HOST, DATABASE_URL (PostgreSQL; otherwise the embedded
PGlite in WARELOOP_DATA_DIR, default ./data), SEED_DEMO, LOG_LEVEL, … (see src/config.ts).`;

/** A command line that cannot be run as typed: exit code 2. */
class UsageError extends Error {}

/** Time requests in flight get to finish after a stop signal before their connections are cut. */
const GRACE_MS = 10_000;

const ACTOR = 'cli';

type Options = NonNullable<ParseArgsConfig['options']>;

function parse<O extends Options>(args: string[], options: O, positionals = 0) {
  try {
    const parsed = parseArgs({ args, options, allowPositionals: positionals > 0, strict: true });
    if (parsed.positionals.length > positionals) throw new UsageError(`unexpected argument ${parsed.positionals[positionals]}`);
    return parsed;
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError((err as Error).message);
  }
}

async function withDatabase<T>(fn: (db: Db, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = await openDatabase(config);
  try {
    return await fn(db, config);
  } finally {
    await db.close();
  }
}

/** The built web app: beside the compiled server (dist/web), or dist/web from the sources. */
function webRoot(): string | undefined {
  return ['../web', '../dist/web'].map((rel) => fileURLToPath(new URL(rel, import.meta.url))).find((dir) => existsSync(resolve(dir, 'index.html')));
}

function printLogins(logins: DemoLogin[]) {
  if (!logins.length) {
    console.log('Sign in with a user of yours; create one with: npm run wareloop -- user create --email E --name N --role admin');
    return;
  }
  console.log('Demo sign-ins (e-mail / password / role):');
  const width = Math.max(...logins.map((l) => l.email.length));
  for (const l of logins) console.log(`  ${l.email.padEnd(width)}  ${l.password.padEnd(30)}  ${l.role}`);
}

function describeDatabase(config: Config): string {
  if (!config.databaseUrl) return `PGlite in ${resolve(config.dataDir)}`;
  const u = new URL(config.databaseUrl);
  return `PostgreSQL at ${u.host}${u.pathname}`;
}

/** Resolves with the first SIGINT or SIGTERM; a second one exits at once with 1. */
function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolveSignal) => {
    let received: NodeJS.Signals | undefined;
    const onSignal = (signal: NodeJS.Signals) => {
      if (received) {
        console.error(`wareloop: ${signal} again; exiting without waiting`);
        process.exit(1);
      }
      received = signal;
      resolveSignal(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

async function serve(args: string[]): Promise<number> {
  parse(args, {});
  // Listen for signals from the start: one during start-up stops the server once it is up.
  const stopped = stopSignal();
  const config = loadConfig();
  const db = await openDatabase(config);
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  let webhooks: WebhookWorker | undefined;
  let notifications: NotificationSender | undefined;
  let storageAlerts: StorageAlerts | undefined;
  let automation: Automation | undefined;
  let auditSealer: AuditSealer | undefined;
  let control: ControlSocket | undefined;
  let logins: DemoLogin[] = [];
  // Listen first, so a process manager sees the process alive; /health/ready (and every route but
  // /health/live) answers 503 until migrations and the demo seed are done.
  const readiness = { ready: false };
  const web = webRoot();
  try {
    app = await buildApp({ db, config, readiness, webRoot: web });
    await app.listen({ port: config.port, host: config.host });
    await prepareDatabase(db);
    if (config.seedDemo) await seedDemoIfEmpty(db, config);
    logins = await demoLoginsInUse(db);
    readiness.ready = true;
    webhooks = await startWebhooks(db, { log: app.log });
    notifications = startNotificationSender(db, config);
    automation = await startAutomation(db, { timeZone: config.timeZone, log: app.log });
    storageAlerts = startStorageAlerts(db, { intervalMs: 60_000, onError: (err) => app?.log.error({ err }, 'storage alerts failed') });
    auditSealer = startAuditSealer(db, { log: app.log });
    // The embedded database is this process's alone: `wareloop doctor` and `backup` ask it here.
    if (!config.databaseUrl) control = await openControlSocket(config.dataDir, serveOperations(db), app.log);
  } catch (err) {
    await control?.close().catch(() => undefined);
    await auditSealer?.stop().catch(() => undefined);
    await automation?.stop().catch(() => undefined);
    await storageAlerts?.stop().catch(() => undefined);
    await notifications?.stop().catch(() => undefined);
    await webhooks?.stop().catch(() => undefined);
    await app?.close().catch(() => undefined);
    await db.close().catch(() => undefined);
    throw err;
  }

  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;
  console.log(`Wareloop ${VERSION} listening on ${url}`);
  if (web) console.log(`  Console   ${url}/    Handheld  ${url}/floor`);
  else console.log('  (no web app: run `npm run build` for the screens)');
  console.log(`  API docs  ${url}/docs`);
  console.log(`  Database  ${describeDatabase(config)}`);
  printLogins(logins);
  console.log('Press Ctrl-C to stop.');

  const signal = await stopped;
  console.log(`${signal}: finishing requests in flight, then stopping.`);
  // A client that opened a connection and never sent a request would hold `close()` for the
  // whole keep-alive timeout; requests in flight get GRACE_MS.
  const server = app.server;
  const cut = setTimeout(() => server.closeAllConnections(), GRACE_MS);
  cut.unref();
  try {
    await app.close(); // waits for requests in flight; ends event streams
  } finally {
    clearTimeout(cut);
    await control?.close().catch(() => undefined); // a backup in progress through it is cut short, and says so
    await webhooks.stop().catch(() => undefined); // lets requests in flight to receivers finish and be logged
    await automation.stop().catch(() => undefined); // the batch or timers in hand commit first
    await storageAlerts.stop().catch(() => undefined);
    await notifications.stop().catch(() => undefined);
    await auditSealer.stop().catch(() => undefined);
    await db.close(); // releases the PGlite data directory
  }
  console.log('Stopped.');
  return 0;
}

async function migrateCommand(args: string[]): Promise<number> {
  parse(args, {});
  return withDatabase(async (db, config) => {
    const applied = await prepareDatabase(db);
    console.log(`Database: ${describeDatabase(config)}`);
    if (!applied.length) console.log('Up to date: no migration to apply.');
    else {
      console.log(`Applied ${applied.length} migration${applied.length === 1 ? '' : 's'}:`);
      for (const id of applied) console.log(`  ${id}`);
    }
    return 0;
  });
}

async function seed(args: string[]): Promise<number> {
  const { values } = parse(args, { demo: { type: 'boolean' } });
  if (!values.demo) throw new UsageError('say what to seed: wareloop seed --demo');
  return withDatabase(async (db, config) => {
    await prepareDatabase(db);
    let logins: DemoLogin[];
    try {
      ({ logins } = await seedDemo(db, config));
    } catch (err) {
      if (err instanceof Conflict) throw new Error(`${err.message}. Use a new WARELOOP_DATA_DIR or database to try the demo.`);
      throw err;
    }
    console.log('Seeded the demo data.');
    printLogins(logins);
    return 0;
  });
}

const NewUser = z.object({
  email: z.string().trim().email('--email must be an e-mail address').max(254),
  name: z.string().trim().min(1, '--name must not be empty').max(200),
  role: z.string().min(2).max(40),
  password: z.string().min(8, '--password must be at least 8 characters').max(200).optional(),
});

async function user(args: string[]): Promise<number> {
  const { values, positionals } = parse(
    args,
    { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, password: { type: 'string' } },
    1,
  );
  if (positionals[0] !== 'create') throw new UsageError(`unknown user command ${positionals[0] ?? '(none)'}; try: wareloop user create --email E --name N --role R`);
  if (!values.email || !values.name || !values.role) throw new UsageError('user create needs --email, --name and --role');
  const parsed = NewUser.safeParse(values);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join('; '));
  const input = parsed.data;
  const password = input.password ?? newSecret(12);
  return withDatabase(async (db) => {
    await prepareDatabase(db);
    const roles = (await listRoles(db)).map((r) => r.name);
    if (!roles.includes(input.role)) throw new UsageError(`there is no role ${input.role}; roles: ${roles.join(', ')}`);
    const created = await db.transaction((tx) => createUser(tx, ACTOR, { ...input, password }));
    console.log(`Created user ${created.id}: ${created.email} (${created.role})`);
    if (!input.password) console.log(`Password: ${password}`);
    return 0;
  });
}

async function doctor(args: string[]): Promise<number> {
  parse(args, {});
  return doctorCommand(loadConfig());
}

async function backup(args: string[]): Promise<number> {
  const { positionals } = parse(args, {}, 1);
  if (!positionals[0]) throw new UsageError('say where to write the backup: wareloop backup FILE');
  return backupCommand(loadConfig(), positionals[0]);
}

async function restore(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { force: { type: 'boolean' } }, 1);
  if (!positionals[0]) throw new UsageError('say which backup to restore: wareloop restore FILE [--force]');
  return restoreCommand(loadConfig(), positionals[0], { force: values.force === true });
}

async function audit(args: string[]): Promise<number> {
  const { positionals } = parse(args, {}, 1);
  if (positionals[0] !== 'verify') throw new UsageError(`unknown audit command ${positionals[0] ?? '(none)'}; try: wareloop audit verify`);
  // Through the running server when it holds the embedded database; directly otherwise.
  return auditCommand(loadConfig());
}

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  serve,
  migrate: migrateCommand,
  seed,
  user,
  doctor,
  audit,
  backup,
  restore,
};

function messageOf(err: unknown): string {
  if (err instanceof AggregateError && err.errors.length) return messageOf(err.errors[0]);
  if (err instanceof Error) return err.message || (err as NodeJS.ErrnoException).code || err.name;
  return String(err);
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return 0;
  }
  const run = COMMANDS[command];
  try {
    if (!run) throw new UsageError(`unknown command ${command}; run wareloop help`);
    if (args.includes('--help') || args.includes('-h')) {
      console.log(USAGE);
      return 0;
    }
    return await run(args);
  } catch (err) {
    console.error(`wareloop: ${messageOf(err)}`);
    if (process.env.LOG_LEVEL === 'debug' || process.env.LOG_LEVEL === 'trace') console.error(err);
    return err instanceof UsageError ? 2 : 1;
  }
}

const code = await main(process.argv.slice(2));
process.exitCode = code;
// Let stdout drain and the process end by itself; if a handle lingers, do not hang.
setTimeout(() => process.exit(code), 2000).unref();
