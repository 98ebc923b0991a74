/** The demo sign-ins: one user per built-in role, with a password anyone can read off the screen. */
import { createUser } from '../platform/auth/auth.service.js';
import type { Queryable, Tx } from '../platform/db/client.js';

export type DemoLogin = { email: string; password: string; role: string };

const DEMO_USERS = [
  { email: 'admin@wareloop.local', name: 'Demo Admin', role: 'admin', locale: 'en' },
  { email: 'manager@wareloop.local', name: 'Demo Manager', role: 'manager', locale: 'zh-CN' },
  { email: 'operator@wareloop.local', name: 'Demo Operator', role: 'warehouse_operator', locale: 'zh-CN' },
  { email: 'service@wareloop.local', name: 'Demo Service', role: 'customer_service', locale: 'zh-CN' },
] as const;

export async function seedDemoUsers(tx: Tx): Promise<DemoLogin[]> {
  const logins: DemoLogin[] = [];
  for (const u of DEMO_USERS) {
    const password = `wareloop-${u.role}`;
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
