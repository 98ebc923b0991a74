/**
 * Readers of the log wait for this database's open transactions (their events may still commit
 * with an older tx_id), and only for those: an open transaction in another database on the same
 * PostgreSQL server holds no stream back.
 */
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { useTestContext } from '../../../test/support/context.js';
import { appendEvent, headPosition, readAfter } from './log.js';

const ctx = await useTestContext();
const url = process.env.DATABASE_URL;
const clients: pg.Client[] = [];
afterAll(async () => {
  for (const c of clients) await c.end().catch(() => undefined);
});

/** A session that opens a transaction and takes a transaction id, then waits. */
async function openTransaction(connectionString: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString });
  clients.push(c);
  await c.connect();
  await c.query('BEGIN');
  await c.query('SELECT pg_current_xact_id()');
  return c;
}

const append = (type: string) => ctx.db.transaction((tx) => appendEvent(tx, 'system', { type, entityType: 'probe', entityId: 1 }));

describe.skipIf(!url)('the read bound on a shared PostgreSQL server', () => {
  it('reads past an open transaction of another database, and waits for one of its own', async () => {
    const from = await headPosition(ctx.db);
    // Another database of the same server: the server's own `postgres` database.
    const elsewhere = new URL(url!);
    elsewhere.pathname = '/postgres';
    const other = await openTransaction(elsewhere.toString());
    const first = await append('probe.first');
    expect((await readAfter(ctx.db, from, 10)).map((e) => e.id)).toEqual([first.id]);

    // This database's own open transaction (it holds an older xid): the reader waits for it.
    const { rows } = await ctx.db.query<{ db: string }>('SELECT current_database() AS db');
    const mine = new URL(url!);
    mine.pathname = `/${rows[0]!.db}`;
    const own = await openTransaction(mine.toString());
    const second = await append('probe.second');
    expect((await readAfter(ctx.db, from, 10)).map((e) => e.id)).toEqual([first.id]);
    await own.query('COMMIT');
    expect((await readAfter(ctx.db, from, 10)).map((e) => e.id)).toEqual([first.id, second.id]);
    await other.query('COMMIT');
  });
});

describe('the read bound', () => {
  it('is the end of the snapshot when nothing else runs', async () => {
    const ev = await append('probe.alone');
    const { rows } = await ctx.db.query<{ ok: boolean }>(`SELECT (SELECT events_read_bound()) > (SELECT tx_id FROM events WHERE id = $1) AS ok`, [ev.id]);
    expect(rows[0]!.ok).toBe(true);
  });
});
