/**
 * `wareloop doctor`, `backup` and `restore` as an operator runs them, against a real server
 * process: on the embedded database, doctor and backup go through the server that holds it (its
 * control socket) while it answers requests; restore refuses a served database and loads the
 * backup into another one, whose doctor passes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { controlSocketPath } from '../src/platform/control/socket.js';
import { processDatabase } from './support/paths.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const POSTGRES = process.env.DATABASE_URL;

type Done = { code: number | null; stdout: string; stderr: string };
type Database = { env: Record<string, string>; cleanup(): Promise<void> };

const running = new Set<ChildProcess>();
const databases: Database[] = [];
const files = mkdtempSync(join(tmpdir(), 'wareloop-backup-cli-'));

function spawnCli(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const done = new Promise<Done>((resolve) =>
    child.on('close', (code) => {
      running.delete(child);
      resolve({ code, stdout, stderr });
    }),
  );
  return { child, done, output: () => stdout };
}

const cli = (env: Record<string, string>, ...args: string[]) => spawnCli(args, env).done;

async function database(kind: string): Promise<Database> {
  const db = await processDatabase(kind);
  databases.push(db);
  return db;
}

function get(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      })
      .on('error', reject);
  });
}

/** The data directory's own tables, read after the fact (PostgreSQL: the database's). */
async function holdsTables(env: Record<string, string>): Promise<boolean> {
  if (!env.DATABASE_URL) return existsSync(join(env.WARELOOP_DATA_DIR!, 'pg'));
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(`SELECT to_regclass('events') IS NOT NULL AS ok`)).rows[0].ok as boolean;
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  for (const child of running) child.kill('SIGKILL');
  for (const db of databases) await db.cleanup().catch(() => undefined);
  rmSync(files, { recursive: true, force: true });
});

describe('doctor, backup and restore beside a running server', () => {
  let served: Database;
  let server: ReturnType<typeof spawnCli>;
  let url: string;

  beforeAll(async () => {
    served = await database('online');
    server = spawnCli(['serve'], served.env); // seeds the demo
    url = await new Promise<string>((resolve, reject) => {
      const check = () => {
        const m = /listening on (http:\/\/\S+)/.exec(server.output());
        if (m) resolve(m[1]!);
      };
      server.child.stdout!.on('data', check);
      void server.done.then((d) => reject(new Error(`serve exited ${d.code}: ${d.stderr}`)));
    });
  }, 240_000);

  it('runs the doctor through the server that holds the database', async () => {
    if (!POSTGRES) expect(statSync(controlSocketPath(served.env.WARELOOP_DATA_DIR!)).mode & 0o777).toBe(0o600);
    const doctor = await cli(served.env, 'doctor');
    expect(doctor.code, doctor.stderr).toBe(0);
    expect(doctor.stdout).toMatch(/✓ ledger sums equal stock levels[\s\S]*All \d+ checks passed\./);
    expect(await get(`${url}/health`)).toBe(200);
  }, 120_000);

  it('backs up while the server answers requests, and restores into another database whose doctor passes', async () => {
    const file = join(files, 'online.backup.gz');
    const backup = spawnCli(['backup', file], served.env);
    const answers: number[] = [];
    let finished = false;
    void backup.done.then(() => (finished = true));
    while (!finished) answers.push(await get(`${url}/health`));
    const done = await backup.done;
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toMatch(/^Wrote .*online\.backup\.gz\n {2}\d+ tables, \d+ rows, \d+ migrations; snapshot of \S+\n {2}\d+ bytes, content sha256 [0-9a-f]{64}\n$/);
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.every((s) => s === 200)).toBe(true);

    // Into the database the server is serving: refused, whatever it holds.
    const over = await cli(served.env, 'restore', file);
    expect(over.code).toBe(1);
    expect(over.stderr.trim().split('\n')).toHaveLength(1);
    expect(over.stderr.trim()).toMatch(POSTGRES ? /^wareloop: the database already holds data \(\d+ events/ : /^wareloop: a Wareloop server is serving .*; stop it before restoring into it$/);

    const other = await database('restored');
    const restored = await cli(other.env, 'restore', file);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/^Verified .*: \d+ tables, \d+ rows from (PGlite|PostgreSQL)/);
    expect(restored.stdout).toMatch(/Restored \d+ tables, \d+ rows\.[\s\S]*All \d+ checks passed\./);
    const doctor = await cli(other.env, 'doctor');
    expect(doctor.code, doctor.stderr).toBe(0);

    // A damaged copy: one line on stderr, exit 1, and nothing written where it was to go.
    const bytes = readFileSync(file);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x20;
    writeFileSync(join(files, 'damaged.backup.gz'), bytes);
    const untouched = await database('untouched');
    const damaged = await cli(untouched.env, 'restore', join(files, 'damaged.backup.gz'));
    expect(damaged.code).toBe(1);
    expect(damaged.stderr.trim().split('\n')).toHaveLength(1);
    expect(damaged.stderr).toMatch(/^wareloop: .*damaged\.backup\.gz is not a restorable Wareloop backup: it is corrupted/);
    expect(await holdsTables(untouched.env)).toBe(false);
  }, 480_000);

  it('says what is missing in one line, with exit code 2', async () => {
    const [backup, restore] = await Promise.all([cli(served.env, 'backup'), cli(served.env, 'restore', 'a', 'b')]);
    expect(backup.code).toBe(2);
    expect(backup.stderr.trim()).toBe('wareloop: say where to write the backup: wareloop backup FILE');
    expect(restore.code).toBe(2);
    expect(restore.stderr.trim()).toBe('wareloop: unexpected argument b');
  }, 120_000);

  it('gives the socket back when the server stops, and the doctor then opens the database itself', async () => {
    server.child.kill('SIGTERM');
    const stopped = await server.done;
    expect(stopped.code, stopped.stderr).toBe(0);
    if (!POSTGRES) expect(existsSync(controlSocketPath(served.env.WARELOOP_DATA_DIR!))).toBe(false);
    const doctor = await cli(served.env, 'doctor');
    expect(doctor.code, doctor.stderr).toBe(0);
    expect(doctor.stdout).toMatch(/All \d+ checks passed\./);
  }, 120_000);
});
