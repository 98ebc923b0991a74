/**
 * What an anonymous client controls: a JSON body nested absurdly deep is a 4xx on every JSON
 * route (never a stack overflow and a 500), and X-Forwarded-For moves the client address only
 * when it comes from a proxy the settings trust.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { buildApp } from '../../src/server.js';
import type { App } from '../../src/platform/http/app.js';
import { useTestContext } from '../support/context.js';

const ctx = await useTestContext();

const nested = (depth: number) => `{"email":${'['.repeat(depth)}${']'.repeat(depth)},"password":"x"}`;

describe('deeply nested JSON', () => {
  const routes: Array<[string, string, boolean]> = [
    ['sign-in', '/api/v1/auth/login', false],
    ['the storage portal', '/api/v1/portal/storage/lookup', false],
    ['the returns portal', '/api/v1/portal/returns', false],
    ['an authenticated route', '/api/v1/webhooks', true],
  ];
  for (const depth of [7_700, 100_000]) {
    for (const [name, url, signedIn] of routes) {
      it(`${name} answers a body ${depth} levels deep with a 4xx problem naming the body`, async () => {
        const payload = nested(depth);
        expect(Buffer.byteLength(payload)).toBeLessThan(1024 * 1024);
        const res = await ctx.app.inject({
          method: 'POST',
          url,
          payload,
          headers: { 'content-type': 'application/json', ...(signedIn ? { authorization: `Bearer ${ctx.adminKey}` } : {}) },
        });
        expect(res.statusCode).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json()).toMatchObject({ status: 400, field: 'body', detail: expect.stringContaining('nested') });
      });
    }
  }

  it('still accepts ordinary nesting, braces inside strings included', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: JSON.stringify({ email: 'nobody@example.com', password: '[[[[{{{{'.repeat(20) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(401);
    // A bracket inside a string (escaped quotes included) is text, not nesting.
    const text = `"\\"${'['.repeat(150)}"`;
    const inString = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: `{"email":"nobody@example.com","password":${text}}`,
      headers: { 'content-type': 'application/json' },
    });
    expect(inString.statusCode).toBe(401);
  });

  it('keeps refusing prototype poisoning and malformed JSON', async () => {
    const poisoned = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: '{"__proto__":{"x":1},"email":"a@b.cn","password":"x"}', headers: { 'content-type': 'application/json' } });
    expect(poisoned.statusCode).toBe(400);
    const broken = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: '{"email":', headers: { 'content-type': 'application/json' } });
    expect(broken.statusCode).toBe(400);
  });
});

describe('X-Forwarded-For', () => {
  const hashed = (key: string) => createHash('sha256').update(key).digest('base64url');

  /** The addresses a sign-in attempt was counted against. */
  async function countedAddress(app: App, from: string, forwardedFor: string): Promise<'peer' | 'forwarded'> {
    await ctx.db.query('DELETE FROM rate_limit_attempts');
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: from,
      headers: { 'x-forwarded-for': forwardedFor },
      payload: { email: 'nobody@example.com', password: 'whatever-1' },
    });
    expect(res.statusCode).toBe(401);
    const { rows } = await ctx.db.query<{ key: string }>('SELECT key FROM rate_limit_attempts');
    const keys = rows.map((r) => r.key);
    if (keys.includes(hashed(`login:address:${forwardedFor}`))) return 'forwarded';
    expect(keys).toContain(hashed(`login:address:${from}`));
    return 'peer';
  }

  it('trusts no proxy by default: a local client cannot pick its address', async () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    const app = await buildApp({ db: ctx.db, config: { ...loadConfig({ LOG_LEVEL: 'silent' }) }, logger: false });
    try {
      expect(await countedAddress(app, '127.0.0.1', '203.0.113.7')).toBe('peer');
      expect(await countedAddress(app, '10.0.0.5', '203.0.113.8')).toBe('peer');
    } finally {
      await app.close();
    }
  });

  it('trusts the proxies configured, and only them', async () => {
    expect(loadConfig({ TRUST_PROXY: 'loopback' }).trustProxy).toBe('loopback');
    const app = await buildApp({ db: ctx.db, config: { ...loadConfig({ LOG_LEVEL: 'silent', TRUST_PROXY: 'loopback' }) }, logger: false });
    try {
      expect(await countedAddress(app, '127.0.0.1', '203.0.113.7')).toBe('forwarded');
      expect(await countedAddress(app, '10.0.0.5', '203.0.113.8')).toBe('peer');
    } finally {
      await app.close();
    }
    const cidr = await buildApp({ db: ctx.db, config: { ...loadConfig({ LOG_LEVEL: 'silent', TRUST_PROXY: '10.0.0.0/8' }) }, logger: false });
    try {
      expect(await countedAddress(cidr, '10.0.0.5', '203.0.113.9')).toBe('forwarded');
      expect(await countedAddress(cidr, '127.0.0.1', '203.0.113.9')).toBe('peer');
    } finally {
      await cidr.close();
    }
  });
});
