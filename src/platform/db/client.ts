/**
 * One database interface over two drivers: PGlite (embedded, the default) and node-postgres
 * (a real PostgreSQL through DATABASE_URL). Both speak the same SQL; rows come back in the same
 * JSON-ready shapes (int8 and numeric as numbers, timestamps as ISO strings, dates as
 * YYYY-MM-DD), so no caller needs to know which one it talks to.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export type Row = Record<string, unknown>;
export type QueryResult<T> = { rows: T[]; rowCount: number };

export type Queryable = {
  query<T = Row>(text: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
};

/** A transaction: queries run inside it; `afterCommit` callbacks run once it has committed. */
export type Tx = Queryable & { afterCommit(fn: () => void): void };

export type Db = Queryable & {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction, retried on serialization failure or deadlock. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Calls `onNotify` for each NOTIFY on `channel`; returns the unsubscribe function. */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
  /** PGlite only: the whole data directory as a tarball (test fixtures, backups). */
  dumpDataDir?: () => Promise<Blob>;
};

const OID = { INT8: 20, INT8_ARRAY: 1016, NUMERIC: 1700, DATE: 1082, TIMESTAMPTZ: 1184 } as const;

const toNumber = (v: string) => Number(v);
// Wareloop stores time only as timestamptz, whose text form carries its offset. A JS Date keeps
// milliseconds only, so the microseconds PostgreSQL stores are put back: two events in the same
// millisecond must still order, and a time read back must select the row it came from.
const toIso = (v: string) => {
  const iso = new Date(v).toISOString();
  const fraction = /\.(\d{4,6})/.exec(v)?.[1];
  return fraction ? `${iso.slice(0, 19)}.${fraction}Z` : iso;
};
const keep = (v: string) => v;

// 40001 serialization_failure, 40P01 deadlock_detected: safe to retry the whole transaction.
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 5;

function isRetryable(err: unknown): boolean {
  return typeof err === 'object' && err !== null && RETRYABLE.has((err as { code?: string }).code ?? '');
}

function runAfterCommit(callbacks: Array<() => void>) {
  for (const fn of callbacks) {
    try {
      fn();
    } catch {
      // An after-commit hook must never turn a committed change into an error for the caller.
    }
  }
}

export async function openPglite(opts: { dataDir?: string; loadDataDir?: Blob }): Promise<Db> {
  const db = await PGlite.create({
    dataDir: opts.dataDir,
    loadDataDir: opts.loadDataDir,
    parsers: {
      [OID.INT8]: toNumber,
      [OID.NUMERIC]: toNumber,
      [OID.DATE]: keep,
      [OID.TIMESTAMPTZ]: toIso,
    },
  });
  const wrap = (q: { query: PGlite['query']; exec: PGlite['exec'] }): Queryable => ({
    async query<T>(text: string, params?: readonly unknown[]) {
      const r = await q.query<T>(text, params as unknown[] | undefined);
      return { rows: r.rows, rowCount: r.rows.length || r.affectedRows || 0 };
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  const base = wrap(db);
  return {
    kind: 'pglite',
    query: base.query,
    exec: base.exec,
    async transaction<T>(fn: (tx: Tx) => Promise<T>) {
      for (let attempt = 1; ; attempt++) {
        const callbacks: Array<() => void> = [];
        try {
          const result = await db.transaction(async (t) => {
            const tx: Tx = { ...wrap(t), afterCommit: (cb) => callbacks.push(cb) };
            return fn(tx);
          });
          runAfterCommit(callbacks);
          return result;
        } catch (err) {
          if (attempt < MAX_ATTEMPTS && isRetryable(err)) continue;
          throw err;
        }
      }
    },
    async listen(channel, onNotify) {
      const unsub = await db.listen(channel, onNotify);
      return async () => unsub();
    },
    close: () => db.close(),
    dumpDataDir: () => db.dumpDataDir('none') as Promise<Blob>,
  };
}

export async function openPostgres(opts: { url: string; poolSize: number; schema?: string }): Promise<Db> {
  // PGlite's int8 parser covers the elements of int8[] too (a user's warehouse_ids); pg's needs telling.
  // (Its TypeId lists scalar types only; int8[]'s own parser splits the array into strings.)
  const int8Array = (pg.types.getTypeParser as (oid: number, format: 'text') => (v: string) => Array<string | null>)(OID.INT8_ARRAY, 'text');
  const parsers: Record<number, (v: string) => unknown> = {
    [OID.INT8]: toNumber,
    [OID.INT8_ARRAY]: (v: string) => int8Array(v).map((e) => (e === null ? null : Number(e))),
    [OID.NUMERIC]: toNumber,
    [OID.DATE]: keep,
    [OID.TIMESTAMPTZ]: toIso,
  };
  const typeParsers = {
    getTypeParser: ((oid: number, format?: string) =>
      parsers[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
  };
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.poolSize,
    types: typeParsers,
    options: opts.schema ? `-c search_path=${opts.schema}` : undefined,
  });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on next use.
  });
  const query = async <T>(text: string, params?: readonly unknown[]) => {
    const r = await pool.query(text, params as unknown[] | undefined);
    return { rows: r.rows as T[], rowCount: r.rowCount ?? 0 };
  };
  const listeners = new Map<string, Set<(payload: string) => void>>();
  const listener = listenerConnection(opts, listeners);
  return {
    kind: 'postgres',
    query,
    async exec(sql: string) {
      await pool.query(sql);
    },
    async transaction<T>(fn: (tx: Tx) => Promise<T>) {
      for (let attempt = 1; ; attempt++) {
        const client = await pool.connect();
        const callbacks: Array<() => void> = [];
        const tx: Tx = {
          async query<R>(text: string, params?: readonly unknown[]) {
            const r = await client.query(text, params as unknown[] | undefined);
            return { rows: r.rows as R[], rowCount: r.rowCount ?? 0 };
          },
          async exec(sql: string) {
            await client.query(sql);
          },
          afterCommit: (cb) => callbacks.push(cb),
        };
        let released = false;
        try {
          await client.query('BEGIN');
          const result = await fn(tx);
          await client.query('COMMIT');
          client.release();
          released = true;
          runAfterCommit(callbacks);
          return result;
        } catch (err) {
          await client.query('ROLLBACK').catch(() => undefined);
          if (!released) client.release();
          if (attempt < MAX_ATTEMPTS && isRetryable(err)) {
            await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
            continue;
          }
          throw err;
        }
      }
    },
    async listen(channel, onNotify) {
      if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`invalid channel name ${channel}`);
      let set = listeners.get(channel);
      const isNew = !set;
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
      }
      set.add(onNotify);
      const client = await listener.get();
      if (isNew) await client.query(`LISTEN ${channel}`);
      return async () => {
        set.delete(onNotify);
      };
    },
    async close() {
      await listener.close();
      await pool.end();
    },
  };
}


/**
 * The one connection a process LISTENs on, outside the pool (a pooled client would be handed
 * back mid-LISTEN). Created once even when many callers ask at once; if it drops it reconnects,
 * LISTENs again and wakes every listener, since notifications sent meanwhile were lost.
 */
function listenerConnection(opts: { url: string; schema?: string }, listeners: Map<string, Set<(payload: string) => void>>) {
  let current: Promise<pg.Client> | undefined;
  let closed = false;
  const wakeAll = () => {
    for (const set of listeners.values()) for (const cb of set) cb('');
  };
  const connect = async (): Promise<pg.Client> => {
    const client = new pg.Client({ connectionString: opts.url, options: opts.schema ? `-c search_path=${opts.schema}` : undefined });
    client.on('notification', (n) => {
      for (const cb of listeners.get(n.channel) ?? []) cb(n.payload ?? '');
    });
    const lost = () => {
      if (closed || current === undefined) return;
      current = undefined;
      setTimeout(() => {
        if (closed) return;
        get().then(wakeAll, () => undefined);
      }, 1000).unref();
    };
    client.on('error', lost);
    client.on('end', lost);
    await client.connect();
    for (const channel of listeners.keys()) await client.query(`LISTEN ${channel}`);
    return client;
  };
  const get = (): Promise<pg.Client> => {
    if (closed) return Promise.reject(new Error('the database is closed'));
    if (!current) {
      current = connect();
      current.catch(() => {
        current = undefined;
      });
    }
    return current;
  };
  return {
    get,
    async close() {
      closed = true;
      const c = current;
      current = undefined;
      if (c) await c.then((client) => client.end(), () => undefined);
    },
  };
}
