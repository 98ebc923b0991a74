/**
 * Who may call what, in one table: every operation of /openapi.json against every built-in role.
 * The table (authorization-matrix.ts) is written by hand and read in review; this test checks the
 * running API against it, so a permission changed by accident fails here, and a new route with no
 * entry fails until someone decides who may call it.
 *
 * Each call names an id that does not exist and sends an empty body: whoever is let in gets a
 * 4xx about the request (404, 400, 422), never the permission refusal; whoever is not gets 403
 * naming the permission. Nothing is changed by these calls.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_ROLES } from '../../src/platform/auth/permissions.js';
import { useTestContext } from '../support/context.js';
import { MATRIX, ROLE_LETTERS, type Access } from './authorization-matrix.js';

const ctx = await useTestContext();
const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;
const NO_SUCH_ID = '987654321';

type Op = { key: string; method: (typeof METHODS)[number]; path: string };
let ops: Op[] = [];
const keys: Record<string, string> = {};

beforeAll(async () => {
  const doc = (await ctx.app.inject({ method: 'GET', url: '/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
  ops = Object.entries(doc.paths).flatMap(([path, item]) => METHODS.filter((m) => item[m]).map((method) => ({ key: `${method.toUpperCase()} ${path}`, method, path })));
  for (const role of BUILTIN_ROLES) keys[role.name] = await ctx.keyFor(role.name);
});

/** A concrete URL for a templated path: ids that do not exist, names that do not either. */
const urlOf = (path: string) => path.replace(/\{[^}]+\}/g, (p) => (/id\}$|Id\}$/.test(p) ? NO_SUCH_ID : 'no_such_thing'));

/** The status and problem of one call; a stream (the live event stream) is let go once its headers are in. */
async function call(key: string | undefined, op: Op): Promise<{ status: number; body: any }> {
  const res = await ctx.app.inject({
    method: op.method.toUpperCase() as 'GET',
    url: urlOf(op.path),
    headers: key ? { authorization: `Bearer ${key}` } : {},
    ...(op.method === 'get' || op.method === 'delete' ? {} : { payload: {} }),
    payloadAsStream: true,
  });
  const stream = res.stream();
  if (String(res.headers['content-type']).includes('text/event-stream')) {
    stream.destroy();
    return { status: res.statusCode, body: undefined };
  }
  let text = '';
  for await (const chunk of stream) text += String(chunk);
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: res.statusCode, body };
}

/** What the table says a role may do: the letters of the roles let in, `public`, or `signed-in`. */
function allowed(access: Access, role: string): boolean {
  if (access === 'public' || access === 'signed-in') return true;
  return access.split(' ').includes(ROLE_LETTERS[role]!);
}

describe('the authorization matrix', () => {
  it('has exactly one entry for every operation, and none for operations that are gone', () => {
    const listed = Object.keys(MATRIX).sort();
    const live = ops.map((o) => o.key).sort();
    expect(live.filter((k) => !(k in MATRIX)), 'operations with no entry in authorization-matrix.ts').toEqual([]);
    expect(listed.filter((k) => !live.includes(k)), 'entries for operations that no longer exist').toEqual([]);
  });

  it('lets in exactly the roles the table names, and refuses the others with 403 naming the permission', async () => {
    const wrong: string[] = [];
    for (const op of ops) {
      const access = MATRIX[op.key];
      if (!access) continue;
      for (const role of BUILTIN_ROLES) {
        const res = await call(keys[role.name], op);
        const refused = res.status === 403 && typeof res.body?.permission === 'string';
        if (res.status >= 500) wrong.push(`${op.key} as ${role.name}: ${res.status}`);
        else if (allowed(access, role.name) === refused) wrong.push(`${op.key} as ${role.name}: ${refused ? 'refused' : `let in (${res.status})`}, table says ${access}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('asks for credentials on every operation but the public ones', async () => {
    const wrong: string[] = [];
    for (const op of ops) {
      const access = MATRIX[op.key];
      if (!access) continue;
      const res = await call(undefined, op);
      if ((access === 'public') === (res.status === 401)) wrong.push(`${op.key} without credentials: ${res.status}, table says ${access}`);
    }
    expect(wrong).toEqual([]);
  });
});
