/**
 * The `wareloop` command as an operator runs it: real processes on a real data directory (or,
 * with DATABASE_URL, a PostgreSQL database of its own).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processDatabase } from './support/paths.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const POSTGRES = process.env.DATABASE_URL;

let env: Record<string, string> = {};
const running = new Set<ChildProcess>();

type Done = { code: number | null; stdout: string; stderr: string };

function spawnCli(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', SEED_DEMO: 'false', ...env },
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

const cli = (...args: string[]) => spawnCli(args).done;

/** Starts `serve` and resolves once it says where it listens. */
async function serve() {
  const p = spawnCli(['serve']);
  const url = await new Promise<string>((resolve, reject) => {
    const check = () => {
      const m = /listening on (http:\/\/\S+)/.exec(p.output());
      if (m) resolve(m[1]!);
    };
    p.child.stdout!.on('data', check);
    void p.done.then((d) => reject(new Error(`serve exited ${d.code}: ${d.stderr}`)));
  });
  return { ...p, url };
}

/** A GET on a connection of its own, closed after the answer. */
function get(url: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      })
      .on('error', reject);
  });
}

let cleanup: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  const database = await processDatabase('cli');
  env = database.env;
  cleanup = database.cleanup;
});

afterAll(async () => {
  for (const child of running) child.kill('SIGKILL');
  await cleanup();
});

describe('wareloop CLI', () => {
  // One flow, in the order an operator would go, because each process costs seconds.
  it('migrates, creates a user, refuses to seed a used database, serves, holds the data directory, and stops cleanly', async () => {
    const migrated = await cli('migrate');
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(migrated.stdout).toContain('events/001_events');

    const created = await cli('user', 'create', '--email', 'ops@example.com', '--name', 'Ops', '--role', 'warehouse_operator');
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/Created user \d+: ops@example.com \(warehouse_operator\)/);
    expect(created.stdout).toMatch(/Password: \S{12,}/);

    // The demo seed itself is tested in test/seed.test.ts; here, that the CLI refuses a used database.
    const seeded = await cli('seed', '--demo');
    expect(seeded.code).toBe(1);
    expect(seeded.stderr).toMatch(/^wareloop: The database already has users/);

    const first = await serve();
    const health = await get(`${first.url}/health`);
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', database: POSTGRES ? 'postgres' : 'pglite' });

    if (!POSTGRES) {
      const second = await cli('serve');
      expect(second.code).not.toBe(0);
      expect(second.stderr.trim().split('\n')).toHaveLength(1);
      expect(second.stderr).toMatch(/^wareloop: The data directory .* is in use by another Wareloop process \(pid \d+\)/);
      expect((await get(`${first.url}/health`)).status).toBe(200);
    }

    first.child.kill('SIGINT');
    const stopped = await first.done;
    // Only our own errors count: the embedded PostgreSQL may log a line of its own.
    expect(stopped.code, stopped.stderr).toBe(0);
    expect(stopped.stderr).not.toMatch(/^wareloop:/m);

    // The lock (PGlite) or the connections (PostgreSQL) were given back: a new process starts.
    const next = await serve();
    expect((await get(`${next.url}/health`)).status).toBe(200);
    next.child.kill('SIGTERM');
    const nextStopped = await next.done;
    expect(nextStopped.code, nextStopped.stderr).toBe(0);
  }, 600_000); // six processes, each compiling and starting: minutes on a loaded machine

  it('explains what it cannot do in one line', async () => {
    const [unknown, help] = await Promise.all([cli('frobnicate'), cli('help')]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toBe('wareloop: unknown command frobnicate; run wareloop help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('user create --email E --name N --role R');
  });
});
