/** Sign-in, users, roles and API keys. */
import { z } from 'zod';
import type { App, AppContext } from '../http/app.js';
import { principal } from '../http/app.js';
import { idempotent } from '../http/idempotency.js';
import * as auth from './auth.service.js';

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

export function authRoutes(app: App, { db, config }: AppContext) {
  app.post(
    '/api/v1/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['identity'],
        summary: 'Sign in with e-mail and password; sets the session cookie',
        body: z.object({ email: Email, password: z.string().min(1).max(200) }),
        response: { 200: z.object({ user: User }) },
      },
    },
    async (req, reply) => {
      const { token, userId } = await auth.login(db, req.body.email, req.body.password, config.sessionTtlHours);
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: config.cookieSecure,
        path: '/',
        maxAge: config.sessionTtlHours * 3600,
      });
      const user = (await auth.listUsers(db)).find((u) => u.id === userId)!;
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
        response: { 200: z.object({ kind: z.string(), id: z.number(), name: z.string(), role: z.string(), permissions: z.array(z.string()) }) },
      },
    },
    async (req) => {
      const p = principal(req);
      return { kind: p.kind, id: p.id, name: p.name, role: p.role, permissions: [...p.permissions].sort() };
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
        body: z.object({ email: Email, name: z.string().trim().min(1).max(200), password: Password, role: Role, locale: Locale.optional() }),
        response: { 201: User },
      },
    },
    async (req, reply) => idempotent(db, req, reply, 201, (tx) => auth.createUser(tx, principal(req).actor, req.body)),
  );

  app.patch(
    '/api/v1/users/:id',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags: ['identity'],
        summary: 'Change a user (name, role, locale, active, password)',
        params: Id,
        body: z.object({ name: z.string().trim().min(1).max(200).optional(), role: Role.optional(), locale: Locale.optional(), active: z.boolean().optional(), password: Password.optional() }).strict(),
        response: { 200: User },
      },
    },
    async (req) => db.transaction((tx) => auth.updateUser(tx, principal(req).actor, req.params.id, req.body)),
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
        body: z.object({ name: z.string().trim().min(1).max(200), role: Role }),
        response: { 201: ApiKey.extend({ key: z.string() }) },
      },
    },
    async (req, reply) => {
      const p = principal(req);
      return idempotent(db, req, reply, 201, (tx) => auth.createApiKey(tx, p.actor, p.kind === 'user' ? p.id : null, req.body));
    },
  );

  app.delete(
    '/api/v1/api-keys/:id',
    { config: { permission: 'api_keys.manage' }, schema: { tags: ['identity'], summary: 'Revoke an API key', params: Id, response: { 200: ApiKey } } },
    async (req) => db.transaction((tx) => auth.revokeApiKey(tx, principal(req).actor, req.params.id)),
  );
}
