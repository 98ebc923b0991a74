import { afterEach, describe, expect, it } from 'vitest';
import { testClock } from '../support/clock.js';
import { useTestContext } from '../support/context.js';
import { buildApp } from '../../src/server.js';
import { LOGIN_LIMITS } from '../../src/platform/auth/routes.js';

// The rate limits' clock: a limit test stops it, so its attempts all fall in one window however long they take.
const clock = testClock();
afterEach(() => clock.resume());
// Clients from many addresses, as a reverse proxy on this machine (trusted) reports them.
const ctx = await useTestContext({ now: clock.now, trustProxy: 'loopback' });

describe('platform', () => {
  it('reads times back to the microsecond, so a time read back selects the row it came from', async () => {
    const { rows } = await ctx.db.query<{ t: string }>(`SELECT '2026-11-23 16:54:19.345678+08'::timestamptz AS t`);
    expect(rows[0]!.t).toBe('2026-11-23T08:54:19.345678Z');
    const again = await ctx.db.query<{ same: boolean }>(`SELECT $1::timestamptz = '2026-11-23 16:54:19.345678+08'::timestamptz AS same`, [rows[0]!.t]);
    expect(again.rows[0]!.same).toBe(true);
    const whole = await ctx.db.query<{ t: string }>(`SELECT '2026-11-23 08:54:19+00'::timestamptz AS t`);
    expect(whole.rows[0]!.t).toBe('2026-11-23T08:54:19.000Z');
  });

  it('answers health without authentication', async () => {
    const res = await ctx.api.as(undefined).get('/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
  });

  it('while starting, says live but not ready, and asks every other caller to retry', async () => {
    const readiness = { ready: false };
    const app = await buildApp({ db: ctx.db, config: ctx.config, logger: false, readiness });
    try {
      const live = await app.inject({ method: 'GET', url: '/health/live' });
      expect(live.statusCode).toBe(200);
      expect(live.json()).toMatchObject({ status: 'ok', ready: false });
      for (const url of ['/health', '/health/ready', '/api/v1/orders']) {
        const res = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${ctx.adminKey}` } });
        expect(res.statusCode, url).toBe(503);
        expect(res.headers['retry-after']).toBe('2');
        expect(res.headers['content-type']).toContain('application/problem+json');
      }
      readiness.ready = true;
      expect((await app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
      expect((await app.inject({ method: 'GET', url: '/health/live' })).json().ready).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('rate-limits signing in per account and address, so guessing stops even before the right password', async () => {
    clock.set(Date.now());
    const anon = ctx.api.as(undefined);
    const email = 'admin@example.com';
    let last = 0;
    for (let i = 0; i < LOGIN_LIMITS.perAccountAndAddress; i++) last = (await anon.post('/api/v1/auth/login', { email, password: `wrong-${i}` })).status;
    expect(last).toBe(401);
    const limited = await anon.post('/api/v1/auth/login', { email, password: 'wareloop-admin' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another account from the same address is not locked by these guesses.
    const other = await anon.post('/api/v1/auth/login', { email: 'nobody@example.com', password: 'whatever-1' });
    expect(other.status).toBe(401);
    await ctx.db.query('DELETE FROM rate_limit_attempts');
  });

  it('limits the guesser, never the account: strangers at many addresses do not lock the real user out', async () => {
    clock.set(Date.now());
    const anon = ctx.api.as(undefined);
    const email = 'admin@example.com';
    // More wrong passwords for one account than any per-account limit would let through, from 12 addresses.
    for (let a = 1; a <= 12; a++) {
      const from = { headers: { 'x-forwarded-for': `192.0.2.${a}` } };
      const statuses: number[] = [];
      for (let i = 0; i <= LOGIN_LIMITS.perAccountAndAddress; i++) statuses.push((await anon.post('/api/v1/auth/login', { email, password: `wrong-${a}-${i}` }, from)).status);
      expect(statuses.at(-2)).toBe(401);
      expect(statuses.at(-1)).toBe(429);
    }
    const real = await anon.post('/api/v1/auth/login', { email, password: 'wareloop-admin' }, { headers: { 'x-forwarded-for': '192.0.2.100' } });
    expect(real.status).toBe(200);
    await ctx.db.query('DELETE FROM rate_limit_attempts');
  });

  it('serves a valid OpenAPI 3.1 document and the docs page', async () => {
    const res = await ctx.api.as(undefined).get('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(res.body.paths['/api/v1/users']).toBeDefined();
    const docs = await ctx.app.inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
  });

  it('refuses unauthenticated and unauthorised calls with problem+json', async () => {
    const anon = await ctx.api.as(undefined).get('/api/v1/users');
    expect(anon.status).toBe(401);
    expect(anon.headers['content-type']).toContain('application/problem+json');
    const bad = await ctx.api.as('wl_nope_nope').get('/api/v1/users');
    expect(bad.status).toBe(401);
    const operator = await ctx.keyFor('warehouse_operator');
    const forbidden = await ctx.api.as(operator).get('/api/v1/users');
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.permission).toBe('users.manage');
  });

  it('signs in with a password and uses the session cookie', async () => {
    const login = await ctx.api.as(undefined).post('/api/v1/auth/login', { email: 'admin@example.com', password: 'wareloop-admin' });
    expect(login.status).toBe(200);
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const me = await ctx.api.as(undefined).get('/api/v1/auth/me', { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(me.body.role).toBe('admin');
    const wrong = await ctx.api.as(undefined).post('/api/v1/auth/login', { email: 'admin@example.com', password: 'nope-nope' });
    expect(wrong.status).toBe(401);
    await ctx.api.as(undefined).post('/api/v1/auth/logout', undefined, { headers: { cookie } });
    expect((await ctx.api.as(undefined).get('/api/v1/auth/me', { headers: { cookie } })).status).toBe(401);
  });

  it('creates and revokes API keys; a revoked key stops working', async () => {
    const created = await ctx.api.post('/api/v1/api-keys', { name: 'shop', role: 'customer_service' });
    expect(created.status).toBe(201);
    const key = created.body.key as string;
    expect((await ctx.api.as(key).get('/api/v1/auth/me')).body.role).toBe('customer_service');
    expect((await ctx.api.delete(`/api/v1/api-keys/${created.body.id}`)).status).toBe(200);
    expect((await ctx.api.as(key).get('/api/v1/auth/me')).status).toBe(401);
  });

  it('replays a create with the same Idempotency-Key and refuses the key with another body', async () => {
    const headers = { 'idempotency-key': 'user-1' };
    const body = { email: 'op@example.com', name: 'Op', password: 'password1', role: 'warehouse_operator' };
    const a = await ctx.api.post('/api/v1/users', body, { headers });
    const b = await ctx.api.post('/api/v1/users', body, { headers });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.id).toBe(a.body.id);
    expect(b.headers['idempotent-replayed']).toBe('true');
    const c = await ctx.api.post('/api/v1/users', { ...body, name: 'Other' }, { headers });
    expect(c.status).toBe(422);
  });

  it('answers bad input with 4xx problem+json naming the field', async () => {
    const missing = await ctx.api.post('/api/v1/users', { email: 'x@example.com' });
    expect(missing.status).toBe(400);
    expect(missing.body.field).toMatch(/^body\./);
    const invalidJson = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { authorization: `Bearer ${ctx.adminKey}`, 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(invalidJson.statusCode).toBe(400);
    expect(invalidJson.headers['content-type']).toContain('application/problem+json');
    const wrongType = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { authorization: `Bearer ${ctx.adminKey}`, 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect(wrongType.statusCode).toBe(415);
    const huge = await ctx.api.post('/api/v1/users', { email: 'x@example.com', name: 'x'.repeat(1024 * 1024), password: 'password1', role: 'admin' });
    expect(huge.status).toBe(413);
    const unknownRoute = await ctx.api.get('/api/v1/nothing');
    expect(unknownRoute.status).toBe(404);
  });
});
