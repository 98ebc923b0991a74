/**
 * Callers limited to one warehouse, made as an administrator would (through the API): an API key
 * and a signed-in user (session cookie), both admins in every other respect, so that a refusal
 * can only come from the warehouse scope. Plus the two answers a scoped caller gets.
 */
import { signedIn } from './support/session.js';
import { expect } from 'vitest';
import type { Api, TestContext } from './support/context.js';

let n = 0;

/** `headers` authenticate a raw `app.inject` (a CSV upload, say) as the same caller. */
export type Scoped = { name: 'api key' | 'session'; api: Api; headers: Record<string, string> };

/** An admin API key and an admin user's session, both limited to `warehouseIds`. */
export async function scopedCallers(ctx: TestContext, warehouseIds: number[]): Promise<Scoped[]> {
  const tag = `${process.pid}-${++n}`;
  const key = await ctx.api.post('/api/v1/api-keys', { name: `scoped ${tag}`, role: 'admin', warehouseIds });
  expect(key.status, JSON.stringify(key.body)).toBe(201);
  expect(key.body.warehouseIds).toEqual(warehouseIds);

  const email = `scoped-${tag}@example.com`;
  const user = await ctx.api.post('/api/v1/users', { email, name: 'Scoped', password: 'password-1', role: 'admin', warehouseIds });
  expect(user.status, JSON.stringify(user.body)).toBe(201);
  const session = await signedIn(ctx, email, 'password-1');
  const me = await session.get('/api/v1/auth/me');
  expect(me.body.warehouseIds, JSON.stringify(me.body)).toEqual(warehouseIds);
  return [
    { name: 'api key', api: ctx.api.as(key.body.key), headers: { authorization: `Bearer ${key.body.key}` } },
    { name: 'session', api: session, headers: { cookie: session.cookie } },
  ];
}

/** 403 outside-scope naming the field that points outside the caller's warehouses. */
export function expectOutsideScope(res: { status: number; body: any }, field: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(403);
  expect(res.body.type).toBe('https://wareloop.dev/problems/outside-scope');
  expect(res.body.field).toBe(field);
}

/** 404 exactly as for an id that never existed. */
export function expectHidden(res: { status: number; body: any }, entity: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(404);
  expect(res.body).toMatchObject({ type: 'https://wareloop.dev/problems/not-found', entity });
}

/** How many rows a table has now: a refused request must leave it as it was. */
export async function countRows(ctx: TestContext, table: string): Promise<number> {
  const { rows } = await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return rows[0]!.n;
}
