/**
 * `npm start` as a process manager sees it: the PID it gets is npm's, and a SIGTERM to that PID
 * must stop the server, free the port and release the data directory. While it starts, the
 * liveness probe answers and readiness says 503; once ready, the output says how to sign in —
 * on every start, not only the first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processDatabase } from './support/paths.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

let env: Record<string, string> = {};
let cleanup: () => Promise<void> = async () => undefined;
const running = new Set<ChildProcess>();

beforeAll(async () => {
  const database = await processDatabase('start');
  env = database.env;
  cleanup = database.cleanup;
});

afterAll(async () => {
  for (const child of running) child.kill('SIGKILL');
  await cleanup();
});

/** `npm start` on a free port; resolves with npm's process once the server says it listens. */
async function npmStart() {
  const port = await freePort();
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  const probes: Array<{ live: number; ready: number }> = [];
  // Probe while it starts: live answers as soon as it listens; ready only when it can serve.
  await new Promise<void>((resolve, reject) => {
    const tick = async () => {
      if (/listening on http/.test(output)) return resolve();
      if (child.exitCode !== null) return reject(new Error(`npm start exited ${child.exitCode}: ${output}`));
      const live = await status(port, '/health/live');
      if (live) probes.push({ live, ready: await status(port, '/health/ready') });
      setTimeout(tick, 50);
    };
    void tick();
  });
  return { child, port, exited, output: () => output, probes };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** The status of a GET, or 0 when nothing listens (or, on a machine too loaded to answer in 30 s, nothing answers). */
async function status(port: number, path: string): Promise<number> {
  try {
    return (await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(30_000) })).status;
  } catch {
    return 0;
  }
}

describe('npm start', () => {
  it('is ready when it says so, prints how to sign in on every start, and stops on SIGTERM to the PID npm start returns', async () => {
    const first = await npmStart();
    expect(await status(first.port, '/health')).toBe(200);
    expect(await status(first.port, '/health/ready')).toBe(200);
    // Any probe answered before "listening" was printed said live, and not yet ready, or ready.
    for (const p of first.probes) expect(p.live).toBe(200);
    expect(first.output()).toMatch(/Demo sign-ins[\s\S]*admin@wareloop\.local\s+wareloop-admin/);

    first.child.kill('SIGTERM'); // npm's own PID, as a process manager holds it
    expect(await first.exited).toBe(0);
    expect(await status(first.port, '/health/live')).toBe(0); // the port is free: nothing answers
    expect(first.output()).toContain('Stopped.');

    // The data directory (or database) is free again: a second start gets it, and still says
    // how to sign in while the demo users keep their demo passwords.
    const second = await npmStart();
    expect(second.output()).toMatch(/Demo sign-ins[\s\S]*operator@wareloop\.local\s+wareloop-warehouse_operator/);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 600_000);
});
