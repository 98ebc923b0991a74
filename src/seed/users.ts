/** The demo sign-ins: one user per built-in role, with a password anyone can read off the screen. */
import { createUser } from '../platform/auth/auth.service.js';
import { verifyPassword } from '../platform/auth/passwords.js';
import type { Queryable, Tx } from '../platform/db/client.js';

export type DemoLogin = { email: string; password: string; role: string };

const DEMO_USERS = [
  { email: 'admin@wareloop.local', name: 'Demo Admin', role: 'admin', locale: 'en' },
  { email: 'manager@wareloop.local', name: 'Demo Manager', role: 'manager', locale: 'zh-CN' },
  { email: 'operator@wareloop.local', name: 'Demo Operator', role: 'warehouse_operator', locale: 'zh-CN' },
  { email: 'service@wareloop.local', name: 'Demo Service', role: 'customer_service', locale: 'zh-CN' },
] as const;

const demoPassword = (role: string) => `wareloop-${role}`;

export async function seedDemoUsers(tx: Tx): Promise<DemoLogin[]> {
  const logins: DemoLogin[] = [];
  for (const u of DEMO_USERS) {
    const password = demoPassword(u.role);
    await createUser(tx, 'system', { ...u, password });
    logins.push({ email: u.email, password, role: u.role });
  }
  return logins;
}

/** Demo data goes only into a database nobody has started using. */
export async function hasUsers(q: Queryable): Promise<boolean> {
  const { rows } = await q.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM users) AS "any"');
  return rows[0]?.any ?? false;
}

/**
 * The demo sign-ins that still work: active demo users whose password is still the demo one.
 * `serve` prints them on every start, so a newcomer never has to scroll back to the first.
 */
export async function demoLoginsInUse(q: Queryable): Promise<DemoLogin[]> {
  const { rows } = await q.query<{ email: string; role: string; hash: string }>(
    'SELECT email, role, password_hash AS hash FROM users WHERE active AND lower(email) = ANY($1::text[]) ORDER BY id',
    [DEMO_USERS.map((u) => u.email)],
  );
  const logins: DemoLogin[] = [];
  for (const r of rows) {
    const password = demoPassword(r.role);
    if (await verifyPassword(password, r.hash)) logins.push({ email: r.email, password, role: r.role });
  }
  return logins;
}
