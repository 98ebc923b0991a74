/** Users, roles, sessions and API keys: who is calling, and what they may do. */
import type { Db, Queryable, Tx } from '../db/client.js';
import { appendEvent } from '../events/log.js';
import { Conflict, DomainError, Invalid, NotFound, Unauthorized } from '../http/errors.js';
import { hashPassword, newSecret, sha256, verifyPassword } from './passwords.js';
import { BUILTIN_ROLES, type Permission } from './permissions.js';

export type Principal = {
  kind: 'user' | 'api_key';
  id: number;
  name: string;
  role: string;
  permissions: ReadonlySet<string>;
  /** How events name who did it: `user:3`, `api_key:7`. */
  actor: string;
};

export type User = { id: number; email: string; name: string; role: string; locale: string; active: boolean; createdAt: string };
export type ApiKey = { id: number; name: string; prefix: string; role: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };

const USER_COLUMNS = `id, email, name, role, locale, active, created_at AS "createdAt"`;
const KEY_COLUMNS = `id, name, prefix, role, created_at AS "createdAt", last_used_at AS "lastUsedAt", revoked_at AS "revokedAt"`;

export async function ensureBuiltinRoles(tx: Queryable): Promise<void> {
  for (const r of BUILTIN_ROLES) {
    await tx.query(
      `INSERT INTO roles (name, title_en, title_zh, permissions, builtin) VALUES ($1, $2, $3, $4, true)
       ON CONFLICT (name) DO UPDATE SET title_en = $2, title_zh = $3, permissions = $4, builtin = true`,
      [r.name, r.titleEn, r.titleZh, r.permissions],
    );
  }
}

async function roleExists(q: Queryable, role: string) {
  return (await q.query('SELECT 1 FROM roles WHERE name = $1', [role])).rowCount > 0;
}

/** The permissions of `permissions` that `who` does not hold, sorted. */
const lacking = (permissions: string[], who: Principal) => permissions.filter((p) => !who.permissions.has(p)).sort();

/** A role carrying permissions its granter lacks: granting it would hand out more than the granter holds. */
export class RoleNotGrantable extends DomainError {
  constructor(role: string, missing: string[]) {
    const detail = `You cannot grant the role ${role}: it has permissions you do not hold (${missing.join(', ')})`;
    super(403, 'forbidden', 'Permission denied', detail, { field: 'role', missingPermissions: missing, errors: [{ field: 'role', message: detail }] });
  }
}

/**
 * Nobody grants a role they do not hold: `role` (for a new API key, a new user, or a user's new
 * role) may carry only permissions the granter itself has, whether it signed in or uses a key.
 */
export async function checkGrant(q: Queryable, granter: Principal, role: string): Promise<void> {
  const { rows } = await q.query<{ permissions: string[] }>('SELECT permissions FROM roles WHERE name = $1', [role]);
  if (!rows[0]) throw new Invalid('role', `role ${role} does not exist`);
  const missing = lacking(rows[0].permissions, granter);
  if (missing.length) throw new RoleNotGrantable(role, missing);
}

/** A user whose role carries permissions the actor lacks: changing them would be acting above one's own rights. */
export class UserNotManageable extends DomainError {
  constructor(userId: number, role: string, missing: string[]) {
    const detail = `You cannot change user ${userId}: their role ${role} has permissions you do not hold (${missing.join(', ')})`;
    super(403, 'forbidden', 'Permission denied', detail, { missingPermissions: missing });
  }
}

/**
 * Nobody changes a user more powerful than themselves: renaming, deactivating, resetting the
 * password of (so taking over) or demoting a user whose role carries a permission the actor lacks
 * is refused, as granting such a role is (`checkGrant`). Locks the user's row for the change.
 */
export async function checkManage(q: Queryable, actor: Principal, userId: number): Promise<void> {
  const { rows } = await q.query<{ role: string; permissions: string[] }>(
    'SELECT u.role, r.permissions FROM users u JOIN roles r ON r.name = u.role WHERE u.id = $1 FOR UPDATE OF u',
    [userId],
  );
  if (!rows[0]) throw new NotFound('user', userId);
  const missing = lacking(rows[0].permissions, actor);
  if (missing.length) throw new UserNotManageable(userId, rows[0].role, missing);
}

export async function listRoles(q: Queryable) {
  return (
    await q.query<{ name: string; titleEn: string; titleZh: string; permissions: string[]; builtin: boolean }>(
      `SELECT name, title_en AS "titleEn", title_zh AS "titleZh", permissions, builtin FROM roles ORDER BY name`,
    )
  ).rows;
}

export async function createUser(
  tx: Tx,
  actor: string,
  input: { email: string; name: string; password: string; role: string; locale?: string },
): Promise<User> {
  if (!(await roleExists(tx, input.role))) throw new Invalid('role', `role ${input.role} does not exist`);
  const taken = await tx.query('SELECT 1 FROM users WHERE lower(email) = lower($1)', [input.email]);
  if (taken.rowCount) throw new Conflict(`a user with e-mail ${input.email} already exists`);
  const { rows } = await tx.query<User>(
    `INSERT INTO users (email, name, password_hash, role, locale) VALUES ($1, $2, $3, $4, $5) RETURNING ${USER_COLUMNS}`,
    [input.email, input.name, await hashPassword(input.password), input.role, input.locale ?? 'zh-CN'],
  );
  const user = rows[0]!;
  await appendEvent(tx, actor, { type: 'user.created', entityType: 'user', entityId: user.id, payload: { email: user.email, role: user.role } });
  return user;
}

export async function listUsers(q: Queryable): Promise<User[]> {
  return (await q.query<User>(`SELECT ${USER_COLUMNS} FROM users ORDER BY id`)).rows;
}

/** The users with these ids, by id (unknown ids are left out): how other modules read names, e-mails and locales. */
export async function getUsers(q: Queryable, ids: readonly number[]): Promise<User[]> {
  if (!ids.length) return [];
  return (await q.query<User>(`SELECT ${USER_COLUMNS} FROM users WHERE id = ANY($1::bigint[]) ORDER BY id`, [ids])).rows;
}

export async function updateUser(
  tx: Tx,
  actor: string,
  id: number,
  patch: { name?: string; role?: string; locale?: string; active?: boolean; password?: string },
): Promise<User> {
  if (patch.role && !(await roleExists(tx, patch.role))) throw new Invalid('role', `role ${patch.role} does not exist`);
  const { rows } = await tx.query<User>(
    `UPDATE users SET name = coalesce($2, name), role = coalesce($3, role), locale = coalesce($4, locale),
       active = coalesce($5, active), password_hash = coalesce($6, password_hash)
     WHERE id = $1 RETURNING ${USER_COLUMNS}`,
    [id, patch.name ?? null, patch.role ?? null, patch.locale ?? null, patch.active ?? null, patch.password ? await hashPassword(patch.password) : null],
  );
  const user = rows[0];
  if (!user) throw new NotFound('user', id);
  if (patch.active === false || patch.password) await tx.query('DELETE FROM sessions WHERE user_id = $1', [id]);
  const changed = Object.keys(patch).filter((k) => k !== 'password');
  await appendEvent(tx, actor, { type: 'user.updated', entityType: 'user', entityId: id, payload: { changed: patch.password ? [...changed, 'password'] : changed } });
  return user;
}

/** Signs a user in; returns the session token for the cookie. */
export async function login(db: Db, email: string, password: string, ttlHours: number) {
  const { rows } = await db.query<{ id: number; password_hash: string; active: boolean }>(
    'SELECT id, password_hash, active FROM users WHERE lower(email) = lower($1)',
    [email],
  );
  const u = rows[0];
  // Verify even when the user is unknown, so timing does not tell which e-mails exist.
  const ok = await verifyPassword(password, u?.password_hash ?? 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAA');
  if (!u || !ok || !u.active) throw new Unauthorized('Wrong e-mail or password');
  const token = newSecret(32);
  await db.transaction(async (tx) => {
    await tx.query(`INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, now() + make_interval(hours => $3))`, [
      sha256(token),
      u.id,
      ttlHours,
    ]);
    await tx.query('DELETE FROM sessions WHERE user_id = $1 AND expires_at < now()', [u.id]);
    await appendEvent(tx, `user:${u.id}`, { type: 'user.signed_in', entityType: 'user', entityId: u.id });
  });
  return { token, userId: u.id };
}

export async function logout(db: Db, token: string) {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [sha256(token)]);
}

type PrincipalRow = { id: number; name: string; role: string; permissions: string[] };

export async function principalFromSession(q: Queryable, token: string): Promise<Principal | undefined> {
  const { rows } = await q.query<PrincipalRow>(
    `SELECT u.id, u.name, u.role, r.permissions FROM sessions s
       JOIN users u ON u.id = s.user_id JOIN roles r ON r.name = u.role
     WHERE s.token_hash = $1 AND s.expires_at > now() AND u.active`,
    [sha256(token)],
  );
  const r = rows[0];
  return r && { kind: 'user', id: r.id, name: r.name, role: r.role, permissions: new Set(r.permissions), actor: `user:${r.id}` };
}

export async function principalFromApiKey(q: Queryable, key: string): Promise<Principal | undefined> {
  const { rows } = await q.query<PrincipalRow>(
    `UPDATE api_keys k SET last_used_at = now()
       FROM roles r
     WHERE k.key_hash = $1 AND k.revoked_at IS NULL AND r.name = k.role
       AND (k.last_used_at IS NULL OR k.last_used_at < now() - interval '1 minute')
     RETURNING k.id, k.name, k.role, r.permissions`,
    [sha256(key)],
  );
  // last_used_at is written at most once a minute; otherwise just read.
  const r =
    rows[0] ??
    (
      await q.query<PrincipalRow>(
        `SELECT k.id, k.name, k.role, r.permissions FROM api_keys k JOIN roles r ON r.name = k.role
         WHERE k.key_hash = $1 AND k.revoked_at IS NULL`,
        [sha256(key)],
      )
    ).rows[0];
  return r && { kind: 'api_key', id: r.id, name: r.name, role: r.role, permissions: new Set(r.permissions), actor: `api_key:${r.id}` };
}

export async function createApiKey(tx: Tx, actor: string, createdBy: number | null, input: { name: string; role: string }) {
  if (!(await roleExists(tx, input.role))) throw new Invalid('role', `role ${input.role} does not exist`);
  const prefix = newSecret(6).replace(/[-_]/g, 'x').slice(0, 8);
  const key = `wl_${prefix}_${newSecret(24)}`;
  const { rows } = await tx.query<ApiKey>(
    `INSERT INTO api_keys (name, prefix, key_hash, role, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING ${KEY_COLUMNS}`,
    [input.name, prefix, sha256(key), input.role, createdBy],
  );
  const apiKey = rows[0]!;
  await appendEvent(tx, actor, { type: 'api_key.created', entityType: 'api_key', entityId: apiKey.id, payload: { name: apiKey.name, role: apiKey.role } });
  return { ...apiKey, key };
}

export async function listApiKeys(q: Queryable): Promise<ApiKey[]> {
  return (await q.query<ApiKey>(`SELECT ${KEY_COLUMNS} FROM api_keys ORDER BY id`)).rows;
}

export async function revokeApiKey(tx: Tx, actor: string, id: number): Promise<ApiKey> {
  const { rows } = await tx.query<ApiKey>(
    `UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 RETURNING ${KEY_COLUMNS}`,
    [id],
  );
  if (!rows[0]) throw new NotFound('api key', id);
  await appendEvent(tx, actor, { type: 'api_key.revoked', entityType: 'api_key', entityId: id });
  return rows[0];
}

export function can(p: Principal, permission: Permission): boolean {
  return p.permissions.has(permission);
}
