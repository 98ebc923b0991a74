/**
 * A test's own Wareloop: a fresh database (a copy of the migrated one) and the app built on it,
 * with an admin API key, and `api` to make authenticated requests through `app.inject`.
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { buildApp } from '../../src/server.js';
import { createApiKey, createUser } from '../../src/platform/auth/auth.service.js';
import { openPglite, openPostgres, type Db } from '../../src/platform/db/client.js';
import type { App } from '../../src/platform/http/app.js';
import { pgliteSnapshot, templateDbName, testDbName, withDatabase } from './paths.js';

export type Response<T = any> = { status: number; body: T; headers: Record<string, string | string[] | undefined> };

export type Api = {
  get<T = any>(url: string, opts?: RequestOpts): Promise<Response<T>>;
  post<T = any>(url: string, body?: unknown, opts?: RequestOpts): Promise<Response<T>>;
  patch<T = any>(url: string, body?: unknown, opts?: RequestOpts): Promise<Response<T>>;
  put<T = any>(url: string, body?: unknown, opts?: RequestOpts): Promise<Response<T>>;
  delete<T = any>(url: string, opts?: RequestOpts): Promise<Response<T>>;
  /** The same client with another API key (another role). */
  as(key: string | undefined): Api;
};

type RequestOpts = { headers?: Record<string, string> };

export type TestContext = {
  db: Db;
  app: App;
  config: Config;
  api: Api;
  adminKey: string;
  /** A new API key with the given role. */
  keyFor(role: string): Promise<string>;
  close(): Promise<void>;
};

/** A fresh, migrated, empty database of the kind this run tests (PGlite, or DATABASE_URL). */
export async function freshDatabase(): Promise<{ db: Db; drop(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const db = await openPglite({ loadDataDir: new Blob([readFileSync(pgliteSnapshot())]) });
    return { db, drop: async () => db.close() };
  }
  return newPostgresDatabase(url, testDbName('t'), templateDbName());
}

/** A database with no migrations applied yet (to test them): PGlite in memory, or a new database of this run. */
export async function emptyDatabase(label: string): Promise<{ db: Db; drop(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const db = await openPglite({});
    return { db, drop: () => db.close() };
  }
  return newPostgresDatabase(url, testDbName(label));
}

/** A new database on DATABASE_URL's server, copied from `template` or empty; `drop` closes and removes it. */
async function newPostgresDatabase(url: string, name: string, template?: string): Promise<{ db: Db; drop(): Promise<void> }> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
      break;
    } catch (err) {
      if (!template || attempt >= 20) throw err;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200)); // template busy: another worker is copying it
    }
  }
  const db = await openPostgres({ url: withDatabase(url, name), poolSize: template ? 20 : 2 });
  return {
    db,
    async drop() {
      await db.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

function client(app: App, key: string | undefined): Api {
  const send = async (method: string, url: string, body: unknown, opts: RequestOpts = {}) => {
    const headers: Record<string, string> = { ...(key ? { authorization: `Bearer ${key}` } : {}), ...opts.headers };
    const res = await app.inject({ method: method as 'GET', url, headers, ...(body === undefined ? {} : { payload: body as object }) });
    let parsed: unknown = res.body;
    if ((res.headers['content-type'] ?? '').toString().includes('json') && res.body) parsed = JSON.parse(res.body);
    return { status: res.statusCode, body: parsed, headers: res.headers } as Response;
  };
  return {
    get: (url, opts) => send('GET', url, undefined, opts),
    post: (url, body, opts) => send('POST', url, body ?? {}, opts),
    patch: (url, body, opts) => send('PATCH', url, body ?? {}, opts),
    put: (url, body, opts) => send('PUT', url, body ?? {}, opts),
    delete: (url, opts) => send('DELETE', url, undefined, opts),
    as: (other) => client(app, other),
  };
}

export async function createTestContext(overrides: Partial<Config> = {}, opts: { webRoot?: string } = {}): Promise<TestContext> {
  const { db, drop } = await freshDatabase();
  const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), ...overrides };
  const app = await buildApp({ db, config, logger: false, webRoot: opts.webRoot });
  const keyFor = async (role: string) => (await db.transaction((tx) => createApiKey(tx, 'system', null, { name: `test ${role}`, role }))).key;
  const adminKey = await keyFor('admin');
  await db.transaction((tx) => createUser(tx, 'system', { email: 'admin@example.com', name: 'Admin', password: 'wareloop-admin', role: 'admin' }));
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await app.close();
    await drop();
  };
  return { db, app, config, api: client(app, adminKey), adminKey, keyFor, close };
}

/** `createTestContext` for a whole test file, closed after its last test. */
export async function useTestContext(overrides: Partial<Config> = {}): Promise<TestContext> {
  const ctx = await createTestContext(overrides);
  afterAll(() => ctx.close());
  return ctx;
}
