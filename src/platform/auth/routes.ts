/** Sign-in, users, roles and API keys. */
import { z } from 'zod';
import type { App, AppContext } from '../http/app.js';
import { principal } from '../http/app.js';
import { idempotent } from '../http/idempotency.js';
import { countGuess, retryAfterOn } from '../http/rate-limit.js';
import * as auth from './auth.service.js';
import { Invalid } from '../http/errors.js';

export const SESSION_COOKIE = 'wl_session';

const Email = z.string().trim().email().max(254);
const Password = z.string().min(8).max(200);
const Role = z.string().min(2).max(40);
const Locale = z.enum(['zh-CN', 'en']);
const Id = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

const User = z.object({
  id: z.number(),
  email: z.string(),
  name: z.string(),
  role: z.string(),
  locale: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
});
const ApiKey = z.object({
  id: z.number(),
  name: z.string(),
  prefix: z.string(),
  role: z.string(),
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
});

async function meOf(db: AppContext['db'], p: auth.Principal): Promise<z.infer<typeof Me>> {
  const user = p.kind === 'user' ? (await auth.getUsers(db, [p.id]))[0] : undefined;
  return { kind: p.kind, id: p.id, name: p.name, email: user?.email ?? null, locale: user?.locale ?? null, role: p.role, permissions: [...p.permissions].sort() };
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
        summary: 'Roles and their permissions',
        response: { 200: z.object({ items: z.array(z.object({ name: z.string(), titleEn: z.string(), titleZh: z.string(), permissions: z.array(z.string()), builtin: z.boolean() })) }) },
      },
    },
    async () => ({ items: await auth.listRoles(db) }),
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
        description: 'The role may carry only permissions the caller holds itself (403 on `role` otherwise).',
        body: z.object({ email: Email, name: z.string().trim().min(1).max(200), password: Password, role: Role, locale: Locale.optional() }).strict(),
        response: { 201: User },
      },
    },
    async (req, reply) => {
      const p = principal(req);
      return idempotent(db, req, reply, 201, async (tx) => {
        await auth.checkGrant(tx, p, req.body.role);
        return auth.createUser(tx, p.actor, req.body);
      });
    },
  );

  app.patch(
    '/api/v1/users/:id',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags: ['identity'],
        summary: 'Change a user (name, role, locale, active, password)',
        description:
          'A new role may carry only permissions the caller holds itself (403 on `role` otherwise), and a user whose role holds ' +
          'permissions the caller lacks cannot be changed at all (403 naming `missingPermissions`).',
        params: Id,
        body: z.object({ name: z.string().trim().min(1).max(200).optional(), role: Role.optional(), locale: Locale.optional(), active: z.boolean().optional(), password: Password.optional() }).strict(),
        response: { 200: User },
      },
    },
    async (req) => {
      const p = principal(req);
      return db.transaction(async (tx) => {
        await auth.checkManage(tx, p, req.params.id);
        if (req.body.role) await auth.checkGrant(tx, p, req.body.role);
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
        description: 'The role may carry only permissions the caller holds itself (403 on `role` otherwise).',
        body: z.object({ name: z.string().trim().min(1).max(200), role: Role }).strict(),
        response: { 201: ApiKey.extend({ key: z.string() }) },
      },
    },
    async (req, reply) => {
      const p = principal(req);
      return idempotent(db, req, reply, 201, async (tx) => {
        await auth.checkGrant(tx, p, req.body.role);
        return auth.createApiKey(tx, p.actor, p.kind === 'user' ? p.id : null, req.body);
      });
    },
  );

  app.delete(
    '/api/v1/api-keys/:id',
    { config: { permission: 'api_keys.manage' }, schema: { tags: ['identity'], summary: 'Revoke an API key', params: Id, response: { 200: ApiKey } } },
    async (req) => db.transaction((tx) => auth.revokeApiKey(tx, principal(req).actor, req.params.id)),
  );
}
