/** Sign-in, users, roles and API keys. */
import { z } from 'zod';
import type { App, AppContext } from '../http/app.js';
import { principal } from '../http/app.js';
import { idempotent } from '../http/idempotency.js';
import { countGuess, retryAfterOn } from '../http/rate-limit.js';
import * as auth from './auth.service.js';
import { Invalid } from '../http/errors.js';
import { PERMISSIONS } from './permissions.js';
import { DUTY_STEP_NAMES, listDutyRules, setDutyRule } from './duties.js';
import { IdParams } from '../http/schemas.js';

export const SESSION_COOKIE = 'wl_session';

const Email = z.string().trim().email().max(254);
const Password = z.string().min(8).max(200);
const Role = z.string().min(2).max(40);
const Locale = z.enum(['zh-CN', 'en']);
/** The warehouses a user or key may work in; null (or left out, for a granter with every warehouse) is every warehouse. */
const WarehouseIds = z
  .array(z.number().int().positive().max(Number.MAX_SAFE_INTEGER))
  .min(1)
  .max(1000)
  .nullable()
  .describe('Warehouses this user or key may work in; null = every warehouse. Left out, it is the granter\'s own scope.');
const RoleName = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'lower-case letters, digits and _, starting with a letter, 2-40 long');
const Title = z.string().trim().min(1).max(100);
const PermissionName = z.enum(PERMISSIONS);
const RoleOut = z.object({
  name: z.string(),
  titleEn: z.string(),
  titleZh: z.string(),
  permissions: z.array(z.string()),
  builtin: z.boolean(),
  users: z.number(),
  apiKeys: z.number(),
});

const User = z.object({
  id: z.number(),
  email: z.string(),
  name: z.string(),
  role: z.string(),
  locale: z.string(),
  active: z.boolean(),
  warehouseIds: z.array(z.number()).nullable(),
  createdAt: z.string(),
});
const ApiKey = z.object({
  id: z.number(),
  name: z.string(),
  prefix: z.string(),
  role: z.string(),
  warehouseIds: z.array(z.number()).nullable(),
  createdBy: z.number().nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

/**
 * Sign-in attempts allowed per 15 minutes, per client and per account from that client. No limit
 * per account alone: strangers at a few addresses could spend it and lock the real user out.
 */
export const LOGIN_LIMITS = { windowMs: 15 * 60_000, perAddress: 50, perAccountAndAddress: 10 };

const Me = z.object({
  kind: z.enum(['user', 'api_key']),
  id: z.number(),
  name: z.string(),
  email: z.string().nullable(),
  locale: z.string().nullable(),
  role: z.string(),
  permissions: z.array(z.string()),
  warehouseIds: z.array(z.number()).nullable(),
});

async function meOf(db: AppContext['db'], p: auth.Principal): Promise<z.infer<typeof Me>> {
  const user = p.kind === 'user' ? (await auth.getUsers(db, [p.id]))[0] : undefined;
  return { kind: p.kind, id: p.id, name: p.name, email: user?.email ?? null, locale: user?.locale ?? null, role: p.role, permissions: [...p.permissions].sort(), warehouseIds: p.warehouseIds ? [...p.warehouseIds] : null };
}

export function authRoutes(app: App, { db, config }: AppContext) {
  app.post(
    '/api/v1/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['identity'],
        summary: 'Sign in with e-mail and password; sets the session cookie',
        body: z.object({ email: Email, password: z.string().min(1).max(200) }).strict(),
        response: { 200: z.object({ user: User }) },
      },
    },
    async (req, reply) => {
      // Counted before the password is checked, per address and per account from that address (a
      // stranger elsewhere cannot lock the real user out).
      const email = req.body.email.toLowerCase();
      await countGuess(
        db,
        { ip: req.ip, clientKey: 'login:address', targetKey: `login:account:${email}` },
        { windowMs: LOGIN_LIMITS.windowMs, perClient: LOGIN_LIMITS.perAddress, perClientAndTarget: LOGIN_LIMITS.perAccountAndAddress },
        config.now?.(),
      ).catch((err) => retryAfterOn(reply, err));
      const { token, userId } = await auth.login(db, req.body.email, req.body.password, config.sessionTtlHours);
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: config.cookieSecure,
        path: '/',
        maxAge: config.sessionTtlHours * 3600,
      });
      const user = (await auth.getUsers(db, [userId]))[0]!;
      return { user };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { config: { public: true }, schema: { tags: ['identity'], summary: 'Sign out', response: { 204: z.null() } } },
    async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await auth.logout(db, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/auth/me',
    {
      config: { authenticated: true },
      schema: {
        tags: ['identity'],
        summary: 'Who am I and what may I do',
        response: { 200: Me },
      },
    },
    async (req) => meOf(db, principal(req)),
  );

  app.patch(
    '/api/v1/auth/me',
    {
      config: { authenticated: true },
      schema: {
        tags: ['identity'],
        summary: 'Change my own settings (the language the screens and notices use)',
        body: z.object({ locale: Locale }).strict(),
        response: { 200: Me },
      },
    },
    async (req) => {
      const p = principal(req);
      if (p.kind !== 'user') throw new Invalid('locale', 'An API key has no language; change a user instead');
      await db.transaction((tx) => auth.updateUser(tx, p.actor, p.id, { locale: req.body.locale }));
      return meOf(db, p);
    },
  );

  app.get(
    '/api/v1/roles',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags: ['identity'],
        summary: 'Roles, their permissions and how many users and keys hold each; and every permission there is',
        response: { 200: z.object({ items: z.array(RoleOut), permissions: z.array(z.string()) }) },
      },
    },
    async () => ({ items: await auth.listRoles(db), permissions: [...PERMISSIONS] }),
  );

  app.post(
    '/api/v1/roles',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags: ['identity'],
        summary: 'Create a custom role from the permission list',
        description: 'The role may carry only permissions the caller holds itself (403 naming `missingPermissions` otherwise).',
        body: z.object({ name: RoleName, titleEn: Title, titleZh: Title, permissions: z.array(PermissionName).max(PERMISSIONS.length) }).strict(),
        response: { 201: RoleOut },
      },
    },
    async (req, reply) => {
      const p = principal(req);
      return idempotent(db, req, reply, 201, (tx) => auth.createRole(tx, p, req.body));
    },
  );

  app.patch(
    '/api/v1/roles/:name',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags: ['identity'],
        summary: "Change a custom role's titles or permissions (its holders' next request uses them)",
        description: 'Built-in roles cannot be changed (409). The caller must hold every permission the role has and gets.',
        params: z.object({ name: RoleName }),
        body: z.object({ titleEn: Title.optional(), titleZh: Title.optional(), permissions: z.array(PermissionName).max(PERMISSIONS.length).optional() }).strict(),
        response: { 200: RoleOut },
      },
    },
    async (req) => db.transaction((tx) => auth.updateRole(tx, principal(req), req.params.name, req.body)),
  );

  app.delete(
    '/api/v1/roles/:name',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags: ['identity'],
        summary: 'Delete a custom role nobody holds',
        params: z.object({ name: RoleName }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await db.transaction((tx) => auth.deleteRole(tx, principal(req), req.params.name));
      return reply.code(204).send(null);
    },
  );

  const DutyRule = z.object({
    step: z.string(),
    enforced: z.boolean(),
    en: z.string(),
    zh: z.string(),
    updatedBy: z.string().nullable(),
    updatedAt: z.string().nullable(),
  });
  app.get(
    '/api/v1/duty-rules',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags: ['identity'],
        summary: 'Separation of duties: each step of a chain where one person may not act twice, and whether it is enforced',
        response: { 200: z.object({ items: z.array(DutyRule) }) },
      },
    },
    async () => ({ items: await listDutyRules(db) }),
  );

  app.put(
    '/api/v1/duty-rules/:step',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags: ['identity'],
        summary: 'Enforce or relax one step of separation of duties (a one-person shop may have to)',
        params: z.object({ step: z.enum(DUTY_STEP_NAMES as [string, ...string[]]) }),
        body: z.object({ enforced: z.boolean() }).strict(),
        response: { 200: DutyRule },
      },
    },
    async (req) => db.transaction((tx) => setDutyRule(tx, principal(req), req.params.step as (typeof DUTY_STEP_NAMES)[number], req.body.enforced)),
  );

  app.get(
    '/api/v1/users',
    { config: { permission: 'users.manage' }, schema: { tags: ['identity'], summary: 'List users', response: { 200: z.object({ items: z.array(User) }) } } },
    async () => ({ items: await auth.listUsers(db) }),
  );

  app.post(
    '/api/v1/users',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags: ['identity'],
        summary: 'Create a user',
        description:
          'The role may carry only permissions the caller holds itself (403 on `role` otherwise), and `warehouseIds` only ' +
          "warehouses the caller may work in (403 on `warehouseIds`); left out, the user gets the caller's own scope.",
        body: z.object({ email: Email, name: z.string().trim().min(1).max(200), password: Password, role: Role, locale: Locale.optional(), warehouseIds: WarehouseIds.optional() }).strict(),
        response: { 201: User },
      },
    },
    async (req, reply) => {
      const p = principal(req);
      return idempotent(db, req, reply, 201, async (tx) => {
        await auth.checkGrant(tx, p, req.body.role);
        const warehouseIds = await auth.checkScopeGrant(tx, p, req.body.warehouseIds);
        return auth.createUser(tx, p.actor, { ...req.body, warehouseIds });
      });
    },
  );

  app.patch(
    '/api/v1/users/:id',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags: ['identity'],
        summary: 'Change a user (name, role, warehouses, locale, active, password)',
        description:
          'A new role may carry only permissions the caller holds itself (403 on `role` otherwise), and a user whose role holds ' +
          'permissions the caller lacks cannot be changed at all (403 naming `missingPermissions`).',
        params: IdParams,
        body: z
          .object({
            name: z.string().trim().min(1).max(200).optional(),
            role: Role.optional(),
            locale: Locale.optional(),
            active: z.boolean().optional(),
            password: Password.optional(),
            warehouseIds: WarehouseIds.optional(),
          })
          .strict(),
        response: { 200: User },
      },
    },
    async (req) => {
      const p = principal(req);
      return db.transaction(async (tx) => {
        await auth.checkManage(tx, p, req.params.id);
        if (req.body.role) await auth.checkGrant(tx, p, req.body.role);
        if (req.body.warehouseIds !== undefined) await auth.checkScopeGrant(tx, p, req.body.warehouseIds);
        return auth.updateUser(tx, p.actor, req.params.id, req.body);
      });
    },
  );

  app.get(
    '/api/v1/api-keys',
    { config: { permission: 'api_keys.manage' }, schema: { tags: ['identity'], summary: 'List API keys', response: { 200: z.object({ items: z.array(ApiKey) }) } } },
    async () => ({ items: await auth.listApiKeys(db) }),
  );

  app.post(
    '/api/v1/api-keys',
    {
      config: { permission: 'api_keys.manage' },
      schema: {
        tags: ['identity'],
        summary: 'Create an API key; the key itself is shown only in this response',
        description:
          'The role may carry only permissions the caller holds itself (403 on `role` otherwise), and `warehouseIds` only ' +
          "warehouses the caller may work in; left out, the key gets the caller's own scope. The key belongs to the person " +
          'who made it: separation of duties counts its acts as theirs.',
        body: z.object({ name: z.string().trim().min(1).max(200), role: Role, warehouseIds: WarehouseIds.optional() }).strict(),
        response: { 201: ApiKey.extend({ key: z.string() }) },
      },
    },
    async (req, reply) => {
      const p = principal(req);
      return idempotent(db, req, reply, 201, async (tx) => {
        await auth.checkGrant(tx, p, req.body.role);
        const warehouseIds = await auth.checkScopeGrant(tx, p, req.body.warehouseIds);
        // A key made with a key belongs to the same person as the key that made it.
        const owner = /^user:(\d+)$/.exec(p.person);
        return auth.createApiKey(tx, p.actor, owner ? Number(owner[1]) : null, { ...req.body, warehouseIds });
      });
    },
  );

  app.delete(
    '/api/v1/api-keys/:id',
    {
      config: { permission: 'api_keys.manage' },
      schema: {
        tags: ['identity'],
        summary: 'Revoke an API key',
        description: 'A key whose role or warehouses reach beyond the caller\'s cannot be revoked by them (403).',
        params: IdParams,
        response: { 200: ApiKey },
      },
    },
    async (req) =>
      db.transaction(async (tx) => {
        const p = principal(req);
        await auth.checkManageKey(tx, p, req.params.id);
        return auth.revokeApiKey(tx, p.actor, req.params.id);
      }),
  );
}
