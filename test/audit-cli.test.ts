/**
 * `wareloop audit verify` as an operator runs it: a real process on a database (PGlite data
 * directory, or with DATABASE_URL a PostgreSQL database of its own) whose events row was changed
 * behind the application's back.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { prepareDatabase } from '../src/prepare.js';
import { openDatabase } from '../src/platform/db/open.js';
import { appendEvent } from '../src/platform/events/log.js';
import { sealNow } from '../src/platform/audit/seal.js';
import { processDatabase } from './support/paths.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

let env: Record<string, string> = {};
let cleanup: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  ({ env, cleanup } = await processDatabase('audit'));
});
afterAll(() => cleanup());

function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

it('prints an intact trail and exits 0, then names an altered event and exits 1', async () => {
  // The database is this process's until it closes it (PGlite: one process at a time).
  const db = await openDatabase(loadConfig({ ...process.env, ...env }));
  let eventId: number;
  try {
    await prepareDatabase(db);
    eventId = (await db.transaction((tx) => appendEvent(tx, 'cli', { type: 'audit.probed', entityType: 'probe', entityId: 1, payload: { quantity: 5 } }))).id;
    await sealNow(db);
  } finally {
    await db.close();
  }
  const intact = await cli('audit', 'verify');
  expect(intact.stderr).toBe('');
  expect(intact.stdout).toContain('✓ The audit trail is intact');
  expect(intact.code).toBe(0);

  const again = await openDatabase(loadConfig({ ...process.env, ...env }));
  try {
    await again.exec(`ALTER TABLE events DISABLE TRIGGER events_no_update;
      UPDATE events SET payload = '{"quantity": 50}' WHERE id = ${eventId};
      ALTER TABLE events ENABLE TRIGGER events_no_update;`);
  } finally {
    await again.close();
  }
  const altered = await cli('audit', 'verify');
  expect(altered.stdout).toMatch(new RegExp(`✗ altered event \\(block 1, event ${eventId}\\): event ${eventId} differs`));
  expect(altered.code).toBe(1);
}, 180_000); // a fresh database migrated, then two processes compiling and starting: minutes on a loaded machine

it('refuses an unknown audit command with the usage exit code', async () => {
  const res = await cli('audit', 'repair');
  expect(res.stderr).toContain('unknown audit command repair');
  expect(res.code).toBe(2);
}, 60_000);
