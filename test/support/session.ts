/** Signing in as a person, as the web app does (a session cookie, no API key). */
import { expect } from 'vitest';
import type { Api, TestContext } from './context.js';

let n = 0;

/** An Api that sends the session cookie of `email`/`password` instead of an API key; `cookie` is that header's value. */
export async function signedIn(ctx: TestContext, email: string, password: string): Promise<Api & { cookie: string }> {
  const login = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  expect(login.statusCode).toBe(200);
  const cookie = String(login.headers['set-cookie']).split(';')[0]!;
  const api = ctx.api.as(undefined);
  const withCookie = (opts?: { headers?: Record<string, string> }) => ({ headers: { ...opts?.headers, cookie } });
  return {
    ...api,
    cookie,
    get: (url, opts) => api.get(url, withCookie(opts)),
    post: (url, body, opts) => api.post(url, body, withCookie(opts)),
    patch: (url, body, opts) => api.patch(url, body, withCookie(opts)),
    put: (url, body, opts) => api.put(url, body, withCookie(opts)),
    delete: (url, opts) => api.delete(url, withCookie(opts)),
  };
}

/** A new user of `role` (made by the admin key), signed in; `id` is the user's. */
export async function sessionAs(ctx: TestContext, role: string, extra: Record<string, unknown> = {}): Promise<Api & { id: number; email: string }> {
  const email = `person-${process.pid}-${++n}@example.com`;
  const created = await ctx.api.post('/api/v1/users', { email, name: `Person ${n}`, password: 'password-1', role, ...extra });
  expect(created.status).toBe(201);
  return Object.assign(await signedIn(ctx, email, 'password-1'), { id: created.body.id as number, email });
}
