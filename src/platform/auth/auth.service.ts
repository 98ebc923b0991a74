/** Users, roles, sessions and API keys: who is calling, and what they may do. */
import type { Db, Queryable, Tx } from '../db/client.js';
import { appendEvent } from '../events/log.js';
import { Conflict, DomainError, Invalid, NotFound, Unauthorized } from '../http/errors.js';
import { hashPassword, newSecret, sha256, verifyPassword } from './passwords.js';
import { BUILTIN_ROLES, type Permission } from './permissions.js';
import { scopeWithin, type WarehouseScope } from './scope.js';

export type Principal = {
  kind: 'user' | 'api_key';
  id: number;
  name: string;
  role: string;
  permissions: ReadonlySet<string>;
  /** How events name who did it: `user:3`, `api_key:7`. */
  actor: string;
  /**
   * The person behind the credential, whichever they use: `user:3` for a session and for a key
   * user 3 created; a key made from the command line is its own person. Separation of duties
   * compares persons, so one pair of hands cannot approve twice with a session and a key.
   */
  person: string;
  /** The warehouses this caller may work in; null: every warehouse. */
  warehouseIds: WarehouseScope;
};

export type User = { id: number; email: string; name: string; role: string; locale: string; active: boolean; warehouseIds: number[] | null; createdAt: string };
export type ApiKey = {
  id: number;
  name: string;
  prefix: string;
  role: string;
  warehouseIds: number[] | null;
  createdBy: number | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

const USER_COLUMNS = `id, email, name, role, locale, active, warehouse_ids AS "warehouseIds", created_at AS "createdAt"`;
const KEY_COLUMNS = `id, name, prefix, role, warehouse_ids AS "warehouseIds", created_by AS "createdBy", created_at AS "createdAt", last_used_at AS "lastUsedAt", revoked_at AS "revokedAt"`;

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

/** A scope reaching beyond the granter's own warehouses. */
export class ScopeNotGrantable extends DomainError {
  constructor(outside: number[] | 'all') {
    const detail =
      outside === 'all'
        ? 'You cannot grant every warehouse: you are limited to some; name warehouseIds within yours'
        : `You cannot grant warehouses outside your own (${outside.join(', ')})`;
    super(403, 'forbidden', 'Permission denied', detail, { field: 'warehouseIds', errors: [{ field: 'warehouseIds', message: detail }] });
  }
}

/**
 * Nobody grants a warehouse scope wider than their own: a granter limited to some warehouses
 * grants only those (and a new user or key with no scope given inherits the granter's). Every id
 * must name a warehouse. Answers the scope to store.
 */
export async function checkScopeGrant(q: Queryable, granter: Principal, requested: WarehouseScope | undefined): Promise<WarehouseScope> {
  const scope = requested === undefined ? granter.warehouseIds : requested;
  if (scope === null) {
    if (granter.warehouseIds !== null) throw new ScopeNotGrantable('all');
    return null;
  }
  const ids = [...new Set(scope)].sort((a, b) => a - b);
  // The warehouses table is the inventory module's; only existence is asked here.
  const { rows } = await q.query<{ id: number }>('SELECT id FROM warehouses WHERE id = ANY($1::bigint[])', [ids]);
  const unknown = ids.filter((id) => !rows.some((r) => Number(r.id) === id));
  if (unknown.length) throw new Invalid('warehouseIds', `no warehouse ${unknown.join(', ')}`);
  if (!scopeWithin(ids, granter.warehouseIds)) throw new ScopeNotGrantable(ids.filter((id) => !granter.warehouseIds!.includes(id)));
  return ids;
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
  const held = await heldBy(q, 'users', userId);
  if (!held) throw new NotFound('user', userId);
  const missing = lacking(held.permissions, actor);
  if (missing.length) throw new UserNotManageable(userId, held.role, missing);
  assertScopeWithin(held.warehouseIds, actor);
}

/** A key whose role or warehouses reach beyond the actor's: revoking it is managing someone stronger. */
export async function checkManageKey(q: Queryable, actor: Principal, keyId: number): Promise<void> {
  const held = await heldBy(q, 'api_keys', keyId);
  if (!held) throw new NotFound('api key', keyId);
  const missing = lacking(held.permissions, actor);
  if (missing.length) {
    const detail = `You cannot change API key ${keyId}: its role ${held.role} has permissions you do not hold (${missing.join(', ')})`;
    throw new DomainError(403, 'forbidden', 'Permission denied', detail, { missingPermissions: missing });
  }
  assertScopeWithin(held.warehouseIds, actor);
}

/** What a user or key holds (role, its permissions, warehouses), its row locked for the change. */
async function heldBy(q: Queryable, table: 'users' | 'api_keys', id: number) {
  const { rows } = await q.query<{ role: string; permissions: string[]; warehouseIds: number[] | null }>(
    `SELECT h.role, r.permissions, h.warehouse_ids AS "warehouseIds" FROM ${table} h JOIN roles r ON r.name = h.role WHERE h.id = $1 FOR UPDATE OF h`,
    [id],
  );
  return rows[0];
}

function assertScopeWithin(scope: WarehouseScope, actor: Principal) {
  if (!scopeWithin(scope, actor.warehouseIds)) throw new ScopeNotGrantable(scope?.filter((id) => !actor.warehouseIds!.includes(id)) ?? 'all');
}

/**
 * The person behind an actor as events and records name it: a key's creator for `api_key:N`
 * (when a user made it), the actor itself otherwise. How a step asks "is this the same person
 * as the one who submitted / approved before?", whatever credential each used.
 */
export async function personOfActor(q: Queryable, actor: string): Promise<string> {
  const key = /^api_key:(\d+)$/.exec(actor);
  if (!key) return actor;
  const { rows } = await q.query<{ createdBy: number | null }>('SELECT created_by AS "createdBy" FROM api_keys WHERE id = $1', [key[1]]);
  return rows[0]?.createdBy != null ? `user:${rows[0].createdBy}` : actor;
}

export async function listRoles(q: Queryable): Promise<Role[]> {
  return (await q.query<Role>(`SELECT ${ROLE_COLUMNS} FROM roles r ORDER BY r.builtin DESC, r.name`)).rows;
}

export async function createUser(
  tx: Tx,
  actor: string,
  input: { email: string; name: string; password: string; role: string; locale?: string; warehouseIds?: WarehouseScope },
): Promise<User> {
  if (!(await roleExists(tx, input.role))) throw new Invalid('role', `role ${input.role} does not exist`);
  const taken = await tx.query('SELECT 1 FROM users WHERE lower(email) = lower($1)', [input.email]);
  if (taken.rowCount) throw new Conflict(`a user with e-mail ${input.email} already exists`);
  const { rows } = await tx.query<User>(
    `INSERT INTO users (email, name, password_hash, role, locale, warehouse_ids) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${USER_COLUMNS}`,
    [input.email, input.name, await hashPassword(input.password), input.role, input.locale ?? 'zh-CN', input.warehouseIds ?? null],
  );
  const user = rows[0]!;
  await appendEvent(tx, actor, { type: 'user.created', entityType: 'user', entityId: user.id, payload: { email: user.email, role: user.role, warehouseIds: user.warehouseIds } });
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
  patch: { name?: string; role?: string; locale?: string; active?: boolean; password?: string; warehouseIds?: WarehouseScope },
): Promise<User> {
  if (patch.role && !(await roleExists(tx, patch.role))) throw new Invalid('role', `role ${patch.role} does not exist`);
  const { rows } = await tx.query<User>(
    `UPDATE users SET name = coalesce($2, name), role = coalesce($3, role), locale = coalesce($4, locale),
       active = coalesce($5, active), password_hash = coalesce($6, password_hash),
       warehouse_ids = CASE WHEN $7 THEN $8::bigint[] ELSE warehouse_ids END
     WHERE id = $1 RETURNING ${USER_COLUMNS}`,
    [
      id,
      patch.name ?? null,
      patch.role ?? null,
      patch.locale ?? null,
      patch.active ?? null,
      patch.password ? await hashPassword(patch.password) : null,
      patch.warehouseIds !== undefined,
      patch.warehouseIds ?? null,
    ],
  );
  const user = rows[0];
  if (!user) throw new NotFound('user', id);
  // A password reset, a deactivation or a narrower scope ends the user's sessions: the next
  // request signs in again under the new terms.
  if (patch.active === false || patch.password || patch.warehouseIds !== undefined || patch.role) await tx.query('DELETE FROM sessions WHERE user_id = $1', [id]);
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

type PrincipalRow = { id: number; name: string; role: string; permissions: string[]; warehouseIds: number[] | null; createdBy?: number | null };

export async function principalFromSession(q: Queryable, token: string): Promise<Principal | undefined> {
  const { rows } = await q.query<PrincipalRow>(
    `SELECT u.id, u.name, u.role, r.permissions, u.warehouse_ids AS "warehouseIds" FROM sessions s
       JOIN users u ON u.id = s.user_id JOIN roles r ON r.name = u.role
     WHERE s.token_hash = $1 AND s.expires_at > now() AND u.active`,
    [sha256(token)],
  );
  const r = rows[0];
  return r && { kind: 'user', id: r.id, name: r.name, role: r.role, permissions: new Set(r.permissions), actor: `user:${r.id}`, person: `user:${r.id}`, warehouseIds: r.warehouseIds };
}

export async function principalFromApiKey(q: Queryable, key: string): Promise<Principal | undefined> {
  const { rows } = await q.query<PrincipalRow>(
    `UPDATE api_keys k SET last_used_at = now()
       FROM roles r
     WHERE k.key_hash = $1 AND k.revoked_at IS NULL AND r.name = k.role
       AND (k.last_used_at IS NULL OR k.last_used_at < now() - interval '1 minute')
     RETURNING k.id, k.name, k.role, r.permissions, k.warehouse_ids AS "warehouseIds", k.created_by AS "createdBy"`,
    [sha256(key)],
  );
  // last_used_at is written at most once a minute; otherwise just read.
  const r =
    rows[0] ??
    (
      await q.query<PrincipalRow>(
        `SELECT k.id, k.name, k.role, r.permissions, k.warehouse_ids AS "warehouseIds", k.created_by AS "createdBy" FROM api_keys k JOIN roles r ON r.name = k.role
         WHERE k.key_hash = $1 AND k.revoked_at IS NULL`,
        [sha256(key)],
      )
    ).rows[0];
  return (
    r && {
      kind: 'api_key',
      id: r.id,
      name: r.name,
      role: r.role,
      permissions: new Set(r.permissions),
      actor: `api_key:${r.id}`,
      person: r.createdBy != null ? `user:${r.createdBy}` : `api_key:${r.id}`,
      warehouseIds: r.warehouseIds,
    }
  );
}

export async function createApiKey(tx: Tx, actor: string, createdBy: number | null, input: { name: string; role: string; warehouseIds?: WarehouseScope }) {
  if (!(await roleExists(tx, input.role))) throw new Invalid('role', `role ${input.role} does not exist`);
  const prefix = newSecret(6).replace(/[-_]/g, 'x').slice(0, 8);
  const key = `wl_${prefix}_${newSecret(24)}`;
  const { rows } = await tx.query<ApiKey>(
    `INSERT INTO api_keys (name, prefix, key_hash, role, created_by, warehouse_ids) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${KEY_COLUMNS}`,
    [input.name, prefix, sha256(key), input.role, createdBy, input.warehouseIds ?? null],
  );
  const apiKey = rows[0]!;
  await appendEvent(tx, actor, { type: 'api_key.created', entityType: 'api_key', entityId: apiKey.id, payload: { name: apiKey.name, role: apiKey.role, warehouseIds: apiKey.warehouseIds } });
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

export type Role = { name: string; titleEn: string; titleZh: string; permissions: string[]; builtin: boolean; users: number; apiKeys: number };

const ROLE_COLUMNS = `r.name, r.title_en AS "titleEn", r.title_zh AS "titleZh", r.permissions, r.builtin,
  (SELECT count(*) FROM users u WHERE u.role = r.name)::int AS users,
  (SELECT count(*) FROM api_keys k WHERE k.role = r.name AND k.revoked_at IS NULL)::int AS "apiKeys"`;

export async function getRole(q: Queryable, name: string): Promise<Role | undefined> {
  return (await q.query<Role>(`SELECT ${ROLE_COLUMNS} FROM roles r WHERE r.name = $1`, [name])).rows[0];
}

/** A custom role: a name and titles in both languages over a set of the known permissions. */
export async function createRole(tx: Tx, actor: Principal, input: { name: string; titleEn: string; titleZh: string; permissions: Permission[] }): Promise<Role> {
  const missing = lacking(input.permissions, actor);
  if (missing.length) throw new RoleNotGrantable(input.name, missing);
  const inserted = await tx.query(
    `INSERT INTO roles (name, title_en, title_zh, permissions, builtin) VALUES ($1, $2, $3, $4, false) ON CONFLICT (name) DO NOTHING`,
    [input.name, input.titleEn, input.titleZh, [...new Set(input.permissions)].sort()],
  );
  if (!inserted.rowCount) throw new Conflict(`a role named ${input.name} already exists`);
  await appendEvent(tx, actor.actor, { type: 'role.created', entityType: 'role', entityId: input.name, payload: { permissions: [...new Set(input.permissions)].sort() } });
  return (await getRole(tx, input.name))!;
}

/**
 * Changes a custom role. Built-in roles are the product's and stay as shipped. Whoever changes a
 * role must hold every permission it has and every one it gets, or they could widen a role they
 * hold themselves, or strip a stronger colleague's.
 */
export async function updateRole(tx: Tx, actor: Principal, name: string, patch: { titleEn?: string; titleZh?: string; permissions?: Permission[] }): Promise<Role> {
  const { rows } = await tx.query<{ permissions: string[]; builtin: boolean }>('SELECT permissions, builtin FROM roles WHERE name = $1 FOR UPDATE', [name]);
  const role = rows[0];
  if (!role) throw new NotFound('role', name);
  if (role.builtin) throw new Conflict(`${name} is a built-in role and cannot be changed; create a custom role instead`, { currentState: 'builtin' });
  const missing = lacking([...role.permissions, ...(patch.permissions ?? [])], actor);
  if (missing.length) throw new RoleNotGrantable(name, missing);
  const permissions = patch.permissions ? [...new Set(patch.permissions)].sort() : null;
  await tx.query(
    `UPDATE roles SET title_en = coalesce($2, title_en), title_zh = coalesce($3, title_zh), permissions = coalesce($4, permissions) WHERE name = $1`,
    [name, patch.titleEn ?? null, patch.titleZh ?? null, permissions],
  );
  await appendEvent(tx, actor.actor, {
    type: 'role.updated',
    entityType: 'role',
    entityId: name,
    payload: { changed: Object.keys(patch), ...(permissions ? { permissions, before: role.permissions } : {}) },
  });
  return (await getRole(tx, name))!;
}

/** Deletes a custom role nobody holds (users and keys, revoked keys aside, must be moved first). */
export async function deleteRole(tx: Tx, actor: Principal, name: string): Promise<void> {
  const role = await getRole(tx, name);
  if (!role) throw new NotFound('role', name);
  if (role.builtin) throw new Conflict(`${name} is a built-in role and cannot be deleted`, { currentState: 'builtin' });
  const missing = lacking(role.permissions, actor);
  if (missing.length) throw new RoleNotGrantable(name, missing);
  if (role.users || role.apiKeys) throw new Conflict(`role ${name} is held by ${role.users} user(s) and ${role.apiKeys} API key(s); give them another role first`, { currentState: 'in_use' });
  // Revoked keys keep their role for the record; they are removed with the role.
  await tx.query('DELETE FROM api_keys WHERE role = $1 AND revoked_at IS NOT NULL', [name]);
  await tx.query('DELETE FROM roles WHERE name = $1', [name]);
  await appendEvent(tx, actor.actor, { type: 'role.deleted', entityType: 'role', entityId: name, payload: { permissions: role.permissions } });
}
