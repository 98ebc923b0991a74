/**
 * Nobody grants a role they do not hold: a new API key's role, a new user's role and a changed
 * user role must carry no permission the granter (session or API key) lacks. Identity bodies
 * refuse unknown fields instead of dropping them.
 */
import { describe, expect, it } from 'vitest';
import { BUILTIN_ROLES } from '../../src/platform/auth/permissions.js';
import { useTestContext } from '../support/context.js';
import { sessionAs as signedInAs } from '../support/session.js';

const ctx = await useTestContext();

// A role that manages people and keys but holds little else: the granter whose limits matter.
const PEOPLE = ['users.manage', 'api_keys.manage', 'orders.read'];
await ctx.db.query(`INSERT INTO roles (name, title_en, title_zh, permissions, builtin) VALUES ('people_admin', 'People', '人事', $1, false)`, [PEOPLE]);

// What a warehouse operator holds and people_admin does not.
const PERMISSIONS_OF_OPERATOR_NOT_PEOPLE = BUILTIN_ROLES.find((r) => r.name === 'warehouse_operator')!
  .permissions.filter((p) => !PEOPLE.includes(p))
  .sort();

let n = 0;
const email = () => `grant-${++n}@example.com`;

/** An Api signed in with a session cookie (no API key) as a new user of `role`. */
const sessionAs = (role: string) => signedInAs(ctx, role);

/** A 403 problem naming the field `role` and (at least) these missing permissions. */
function expectRefusedGrant(res: { status: number; headers: Record<string, unknown>; body: any }, missing: string[]) {
  expect(res.status).toBe(403);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  expect(res.body.field).toBe('role');
  expect(res.body.errors).toEqual([{ field: 'role', message: expect.any(String) }]);
  expect(res.body.missingPermissions).toEqual(expect.arrayContaining(missing));
  for (const p of missing) expect(res.body.detail).toContain(p);
}

describe('granting roles', () => {
  it('a manager key cannot create an admin key, and so cannot create admin users', async () => {
    const manager = ctx.api.as(await ctx.keyFor('manager'));
    const refused = await manager.post('/api/v1/api-keys', { name: 'escalate', role: 'admin' });
    expectRefusedGrant(refused, ['users.manage']);
    expect(refused.body.missingPermissions).toEqual(['users.manage']);
    const { rows } = await ctx.db.query(`SELECT 1 FROM api_keys WHERE name = 'escalate'`);
    expect(rows).toHaveLength(0);
    // What it holds, it may hand on.
    expect((await manager.post('/api/v1/api-keys', { name: 'same', role: 'manager' })).status).toBe(201);
    expect((await manager.post('/api/v1/api-keys', { name: 'less', role: 'warehouse_operator' })).status).toBe(201);
  });

  it('a key with users.manage but fewer permissions cannot create or promote users beyond its own', async () => {
    const people = ctx.api.as(await ctx.keyFor('people_admin'));
    expectRefusedGrant(await people.post('/api/v1/users', { email: email(), name: 'X', password: 'password-1', role: 'admin' }), ['catalog.write']);
    const refused = await people.post('/api/v1/api-keys', { name: 'k', role: 'warehouse_operator' });
    expectRefusedGrant(refused, ['inventory.write']);
    expect(refused.body.missingPermissions).not.toContain('orders.read');

    const peer = await people.post('/api/v1/users', { email: email(), name: 'Peer', password: 'password-1', role: 'people_admin' });
    expect(peer.status).toBe(201);
    expectRefusedGrant(await people.patch(`/api/v1/users/${peer.body.id}`, { role: 'admin' }), ['catalog.write']);
    expect((await ctx.api.get('/api/v1/users')).body.items.find((u: { id: number }) => u.id === peer.body.id).role).toBe('people_admin');
    // Other changes need no grant.
    expect((await people.patch(`/api/v1/users/${peer.body.id}`, { name: 'Renamed' })).status).toBe(200);
  });

  it('a signed-in user is held to the same rule as a key', async () => {
    const people = await sessionAs('people_admin');
    expect((await people.get('/api/v1/auth/me')).body.kind).toBe('user');
    expectRefusedGrant(await people.post('/api/v1/users', { email: email(), name: 'X', password: 'password-1', role: 'manager' }), ['catalog.read']);
    expectRefusedGrant(await people.post('/api/v1/api-keys', { name: 'k', role: 'admin' }), ['catalog.read']);
    const self = (await people.get('/api/v1/auth/me')).body.id as number;
    expectRefusedGrant(await people.patch(`/api/v1/users/${self}`, { role: 'admin' }), ['catalog.read']);
    expect((await people.patch(`/api/v1/users/${self}`, { role: 'people_admin' })).status).toBe(200);
    // An admin may grant anything.
    expect((await ctx.api.post('/api/v1/api-keys', { name: 'admin key', role: 'admin' })).status).toBe(201);
  });
});

describe('managing users', () => {
  it('nobody changes a user whose role holds permissions they lack: no rename, deactivation, password reset or demotion', async () => {
    const people = ctx.api.as(await ctx.keyFor('people_admin'));
    const stronger = await ctx.api.post('/api/v1/users', { email: email(), name: 'Boss', password: 'password-1', role: 'admin' });
    const operator = await ctx.api.post('/api/v1/users', { email: email(), name: 'Operator', password: 'password-1', role: 'warehouse_operator' });
    const login = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: stronger.body.email, password: 'password-1' } });
    expect(login.statusCode).toBe(200);
    const { rows: before } = await ctx.db.query(`SELECT name, role, locale, active, password_hash FROM users WHERE id = $1`, [stronger.body.id]);

    for (const change of [{ name: 'Renamed' }, { active: false }, { password: 'taken-over-1' }, { locale: 'en' }, { role: 'people_admin' }]) {
      const refused = await people.patch(`/api/v1/users/${stronger.body.id}`, change);
      expect(refused.status, JSON.stringify(change)).toBe(403);
      expect(String(refused.headers['content-type'])).toContain('application/problem+json');
      expect(refused.body.missingPermissions).toEqual(expect.arrayContaining(['catalog.write', 'webhooks.manage']));
      expect(refused.body.missingPermissions).not.toContain('users.manage');
      expect(refused.body.detail).toContain('catalog.write');
    }
    const refused = await people.patch(`/api/v1/users/${operator.body.id}`, { active: false });
    expect(refused.status).toBe(403);
    expect(refused.body.missingPermissions).toEqual(PERMISSIONS_OF_OPERATOR_NOT_PEOPLE);

    // Nothing changed, and the stronger user's session still works.
    const { rows: after } = await ctx.db.query(`SELECT name, role, locale, active, password_hash FROM users WHERE id = $1`, [stronger.body.id]);
    expect(after).toEqual(before);
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(200);
    expect((await ctx.db.query(`SELECT 1 FROM events WHERE type = 'user.updated' AND entity_id = $1`, [String(stronger.body.id)])).rowCount).toBe(0);

    // A peer (the same permissions) or a weaker user may be changed; an admin may change anyone.
    const peer = await people.post('/api/v1/users', { email: email(), name: 'Peer', password: 'password-1', role: 'people_admin' });
    expect((await people.patch(`/api/v1/users/${peer.body.id}`, { name: 'Peer 2', active: false })).status).toBe(200);
    expect((await ctx.api.patch(`/api/v1/users/${stronger.body.id}`, { name: 'Boss 2' })).status).toBe(200);
    expect((await people.patch('/api/v1/users/99999999', { name: 'Nobody' })).status).toBe(404);
  });

  it('a signed-in user is held to it too', async () => {
    const people = await sessionAs('people_admin');
    const operator = await ctx.api.post('/api/v1/users', { email: email(), name: 'Operator', password: 'password-1', role: 'warehouse_operator' });
    const refused = await people.patch(`/api/v1/users/${operator.body.id}`, { password: 'taken-over-1' });
    expect(refused.status).toBe(403);
    expect(refused.body.missingPermissions).toEqual(PERMISSIONS_OF_OPERATOR_NOT_PEOPLE);
  });
});

describe('identity bodies refuse unknown fields', () => {
  const cases: Array<[string, 'post' | 'patch', () => Promise<string>, Record<string, unknown>, string]> = [
    ['POST /users', 'post', async () => '/api/v1/users', { email: 'extra@example.com', name: 'X', password: 'password-1', role: 'warehouse_operator', warehouses: [1] }, 'warehouses'],
    ['POST /api-keys', 'post', async () => '/api/v1/api-keys', { name: 'k', role: 'warehouse_operator', expiresAt: '2030-01-01T00:00:00Z' }, 'expiresAt'],
    ['PATCH /users/:id', 'patch', async () => `/api/v1/users/${(await ctx.api.get('/api/v1/users')).body.items[0].id}`, { name: 'Y', permissions: ['users.manage'] }, 'permissions'],
    ['PATCH /auth/me', 'patch', async () => '/api/v1/auth/me', { locale: 'en', role: 'admin' }, 'role'],
    ['POST /auth/login', 'post', async () => '/api/v1/auth/login', { email: 'admin@example.com', password: 'wareloop-admin', remember: true }, 'remember'],
  ];
  for (const [name, method, url, body, field] of cases) {
    it(`${name} with ${field}`, async () => {
      const res = await ctx.api[method](await url(), body);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.status).not.toBe(403);
      expect(JSON.stringify(res.body.errors)).toContain(field);
    });
  }

  it('nothing was created by the refused bodies', async () => {
    const users = (await ctx.api.get('/api/v1/users')).body.items.map((u: { email: string }) => u.email);
    expect(users).not.toContain('extra@example.com');
  });
});
