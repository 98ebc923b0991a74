/**
 * The tamper-evident audit trail: events carry their credential and address, the sealer chains
 * them into blocks in commit order, and verify names the first record altered, removed,
 * inserted or reordered behind the application's back (rows changed straight in the database).
 */
import { describe, expect, it } from 'vitest';
import { sha256 } from '../src/platform/auth/passwords.js';
import type { Queryable, Tx } from '../src/platform/db/client.js';
import { appendEvent } from '../src/platform/events/log.js';
import { sealNow, startAuditSealer } from '../src/platform/audit/seal.js';
import { auditVerifyCommand, verifyAudit, type AuditReport } from '../src/platform/audit/verify.js';
import { createTestContext, useTestContext, type TestContext } from './support/context.js';

const ctx = await useTestContext();
const onPostgres = ctx.db.kind === 'postgres';

let skuSeq = 0;
async function createProduct(api = ctx.api, name = 'Audit widget') {
  const res = await api.post('/api/v1/products', { sku: `AUD-${++skuSeq}`, name });
  expect(res.status).toBe(201);
  return res.body as { id: number; sku: string };
}

type EventRow = { id: number; type: string; actor: string; credential: string | null; address: string | null };
const eventsOf = async (q: Queryable, entityType: string, entityId: number | string) =>
  (
    await q.query<EventRow>('SELECT id, type, actor, credential, address FROM events WHERE entity_type = $1 AND entity_id = $2 ORDER BY id', [
      entityType,
      String(entityId),
    ])
  ).rows;

/** Every sealed event id, block by block, in order. */
async function sealedIds(q: Queryable): Promise<number[]> {
  const { rows } = await q.query<{ ids: Array<number | string> }>('SELECT event_ids AS ids FROM audit_blocks ORDER BY id');
  return rows.flatMap((r) => r.ids.map(Number));
}

class RolledBack extends Error {}

/**
 * Tampers inside a transaction that is then rolled back, and verifies in it: each test sees the
 * log as if someone had changed it, and the next one finds it intact again. The append-only
 * triggers are switched off the way an intruder with the owner's rights would.
 */
async function verifyAfter(tamper: (tx: Tx) => Promise<unknown>): Promise<AuditReport> {
  let report: AuditReport | undefined;
  await expect(
    ctx.db.transaction(async (tx) => {
      await tx.query('ALTER TABLE events DISABLE TRIGGER events_no_update');
      await tx.query('ALTER TABLE audit_blocks DISABLE TRIGGER audit_blocks_no_update');
      await tamper(tx);
      report = await verifyAudit(tx);
      throw new RolledBack();
    }),
  ).rejects.toBeInstanceOf(RolledBack);
  return report!;
}

describe('credential and address on every event', () => {
  it('records the API key and the address of a request made with a key', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/products',
      headers: { authorization: `Bearer ${ctx.adminKey}` },
      payload: { sku: 'AUD-KEY', name: 'Made with a key' },
      remoteAddress: '203.0.113.7',
    });
    expect(res.statusCode).toBe(201);
    const [created] = await eventsOf(ctx.db, 'product', res.json().id);
    expect(created).toMatchObject({ type: 'product.created', credential: created!.actor, address: '203.0.113.7' });
    expect(created!.actor).toMatch(/^api_key:\d+$/);
  });

  it('records a short id of the session, never its token, and the address of a signed-in request', async () => {
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'admin@example.com', password: 'wareloop-admin' },
      remoteAddress: '198.51.100.4',
    });
    expect(login.statusCode).toBe(200);
    const cookie = login.cookies.find((c) => c.name === 'wl_session')!;
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/products',
      cookies: { wl_session: cookie.value },
      payload: { sku: 'AUD-SESSION', name: 'Made in a session' },
      remoteAddress: '198.51.100.4',
    });
    expect(res.statusCode).toBe(201);
    const [created] = await eventsOf(ctx.db, 'product', res.json().id);
    expect(created).toMatchObject({ credential: `session:${sha256(cookie.value).slice(0, 12)}`, address: '198.51.100.4' });
    expect(created!.actor).toMatch(/^user:\d+$/);
    expect(JSON.stringify(created)).not.toContain(cookie.value);

    // The sign-in itself: a public route, so no credential yet, but the address it came from.
    const { rows } = await ctx.db.query<EventRow>(`SELECT actor, credential, address FROM events WHERE type = 'user.signed_in' ORDER BY id DESC LIMIT 1`);
    expect(rows[0]).toMatchObject({ actor: created!.actor, credential: null, address: '198.51.100.4' });
  });

  it('leaves both empty for work outside a request', async () => {
    const ev = await ctx.db.transaction((tx) => appendEvent(tx, 'system', { type: 'audit.probed', entityType: 'probe', entityId: 1 }));
    expect((await eventsOf(ctx.db, 'probe', 1)).find((e) => e.id === ev.id)).toMatchObject({ credential: null, address: null });
  });
});

describe('sealing', () => {
  it('seals every committed event once, in commit order, while writes and sealing run at once', async () => {
    const sealer = startAuditSealer(ctx.db, { intervalMs: 60_000 });
    try {
      await Promise.all([
        ...Array.from({ length: 12 }, (_, i) =>
          ctx.db.transaction(async (tx) => {
            await appendEvent(tx, 'system', { type: 'audit.probed', entityType: 'probe', entityId: 100 + i });
            await appendEvent(tx, 'system', { type: 'audit.probed', entityType: 'probe', entityId: 100 + i, payload: { second: true } });
          }),
        ),
        sealer.sealNow(),
        sealer.sealNow(),
      ]);
      await sealer.sealNow();
    } finally {
      await sealer.stop();
    }
    const { rows } = await ctx.db.query<{ id: number }>('SELECT id FROM events ORDER BY tx_id, id');
    expect(await sealedIds(ctx.db)).toEqual(rows.map((r) => r.id));
    const report = await verifyAudit(ctx.db);
    expect(report).toMatchObject({ ok: true, eventsSealed: rows.length, eventsUnsealed: 0, finding: null });
    expect(report.head?.lastEventId).toBe(rows[rows.length - 1]!.id);
  });

  it.skipIf(!onPostgres)('waits for a transaction that commits late with a lower id, then seals it first', async () => {
    let releaseEarly!: () => void;
    const early = new Promise<void>((r) => (releaseEarly = r));
    let written!: () => void;
    const wroteEarly = new Promise<void>((r) => (written = r));
    const slow = ctx.db.transaction(async (tx) => {
      await appendEvent(tx, 'system', { type: 'audit.probed', entityType: 'probe', entityId: 'late' });
      written();
      await early;
    });
    await wroteEarly;
    await ctx.db.transaction((tx) => appendEvent(tx, 'system', { type: 'audit.probed', entityType: 'probe', entityId: 'prompt' }));
    // The later event has committed, but the earlier transaction may still add before it.
    expect(await sealNow(ctx.db)).toBe(0);
    releaseEarly();
    await slow;
    expect(await sealNow(ctx.db)).toBe(2);
    const [late] = await eventsOf(ctx.db, 'probe', 'late');
    const [prompt] = await eventsOf(ctx.db, 'probe', 'prompt');
    expect(late!.id).toBeLessThan(prompt!.id);
    expect((await sealedIds(ctx.db)).slice(-2)).toEqual([late!.id, prompt!.id]);
    expect((await verifyAudit(ctx.db)).ok).toBe(true);
  });

  it('refuses to change a sealed block', async () => {
    await sealNow(ctx.db);
    await expect(ctx.db.query(`UPDATE audit_blocks SET hash = 'x' WHERE id = 1`)).rejects.toThrow(/append-only/);
    await expect(ctx.db.query('DELETE FROM audit_blocks WHERE id = 1')).rejects.toThrow(/append-only/);
  });
});

describe('verify', () => {
  // Two more blocks: a product's events in one, a pair written together in the next.
  let product: { id: number };
  let pair: number[];
  let blockOfPair: number;
  it('finds an untouched log intact, and counts what is not sealed yet', async () => {
    product = await createProduct();
    await ctx.api.patch(`/api/v1/products/${product.id}`, { name: 'Audit widget, renamed' });
    await sealNow(ctx.db);
    const stamp = await ctx.db.transaction(async (tx) => [
      await appendEvent(tx, 'system', { type: 'audit.probed', entityType: 'pair', entityId: 1, payload: { quantity: 1 } }),
      await appendEvent(tx, 'system', { type: 'audit.probed', entityType: 'pair', entityId: 1, payload: { quantity: 2 } }),
    ]);
    pair = stamp.map((e) => e.id);
    const before = await verifyAudit(ctx.db);
    expect(before).toMatchObject({ ok: true, eventsUnsealed: 2 });
    await sealNow(ctx.db);
    const after = await verifyAudit(ctx.db);
    expect(after).toMatchObject({ ok: true, eventsUnsealed: 0, eventsSealed: before.eventsSealed + 2, blocks: before.blocks + 1 });
    blockOfPair = after.head!.blockId;
  });

  it('names an event whose field was changed', async () => {
    const [created] = await eventsOf(ctx.db, 'product', product.id);
    const report = await verifyAfter((tx) => tx.query(`UPDATE events SET payload = payload || '{"name": "Forged"}' WHERE id = $1`, [created!.id]));
    expect(report.ok).toBe(false);
    expect(report.finding).toMatchObject({ kind: 'altered_event', eventId: created!.id });
    // Any sealed field counts, the address included.
    const moved = await verifyAfter((tx) => tx.query(`UPDATE events SET address = '10.0.0.1' WHERE id = $1`, [created!.id]));
    expect(moved.finding).toMatchObject({ kind: 'altered_event', eventId: created!.id });
  });

  it('names a removed event and its block', async () => {
    const events = await eventsOf(ctx.db, 'product', product.id);
    const removed = events[events.length - 1]!;
    const report = await verifyAfter((tx) => tx.query('DELETE FROM events WHERE id = $1', [removed.id]));
    expect(report.finding).toMatchObject({ kind: 'removed_event', eventId: removed.id, blockId: blockOfPair - 1 });
  });

  it('names two records swapped with each other as reordered', async () => {
    const report = await verifyAfter(async (tx) => {
      await tx.query(
        `UPDATE events e SET payload = o.payload FROM events o
          WHERE (e.id, o.id) IN (($1::bigint, $2::bigint), ($2::bigint, $1::bigint))`,
        [pair[0], pair[1]],
      );
    });
    expect(report.finding).toMatchObject({ kind: 'reordered_event', eventId: pair[0], blockId: blockOfPair });
  });

  it('names an event inserted into the sealed past', async () => {
    const [created] = await eventsOf(ctx.db, 'product', product.id);
    const report = await verifyAfter(async (tx) => {
      const { rows } = await tx.query<{ id: number }>(
        `INSERT INTO events (id, tx_id, type, entity_type, entity_id, actor, payload, occurred_at)
         OVERRIDING SYSTEM VALUE
         SELECT (SELECT max(id) + 1000 FROM events), tx_id, 'product.updated', 'product', entity_id, actor, '{"name": "Backdated"}', occurred_at
           FROM events WHERE id = $1
         RETURNING id`,
        [created!.id],
      );
      return rows[0]!.id;
    });
    expect(report.finding).toMatchObject({ kind: 'inserted_event', blockId: blockOfPair - 1 });
    expect(report.finding!.eventId).toBeGreaterThan(pair[1]!);
  });

  it('names a block changed after sealing, and a chain whose block was re-hashed to hide it', async () => {
    const digestChanged = await verifyAfter((tx) => tx.query(`UPDATE audit_blocks SET event_digests = set_byte(event_digests, 0, get_byte(event_digests, 0) # 1) WHERE id = 1`));
    expect(digestChanged.finding).toMatchObject({ kind: 'altered_block', blockId: 1, eventId: null });

    // Someone who alters an event and seals its block anew still breaks the next block's link.
    const { blockHash, eventDigest, readSealedEvents, toBlock, BLOCK_COLUMNS } = await import('../src/platform/audit/digest.js');
    const rehashed = await verifyAfter(async (tx) => {
      const target = blockOfPair - 1;
      const { rows } = await tx.query<Parameters<typeof toBlock>[0]>(`SELECT ${BLOCK_COLUMNS} FROM audit_blocks WHERE id = $1`, [target]);
      const block = toBlock(rows[0]!);
      await tx.query(`UPDATE events SET payload = payload || '{"name": "Forged"}' WHERE id = $1`, [block.eventIds[0]]);
      const events = await readSealedEvents(tx, block.eventIds);
      const eventDigests = Buffer.concat(events.map(eventDigest));
      const hash = blockHash({ ...block, eventDigests });
      await tx.query('UPDATE audit_blocks SET event_digests = $2, hash = $3 WHERE id = $1', [target, eventDigests, hash]);
    });
    expect(rehashed.finding).toMatchObject({ kind: 'broken_chain', blockId: blockOfPair });
  });

  it('names a removed block, in the middle of the chain or at its end', async () => {
    const middle = await verifyAfter((tx) => tx.query('DELETE FROM audit_blocks WHERE id = $1', [blockOfPair - 1]));
    expect(middle.finding).toMatchObject({ kind: 'removed_block', blockId: blockOfPair - 1 });
    const end = await verifyAfter((tx) => tx.query('DELETE FROM audit_blocks WHERE id = $1', [blockOfPair]));
    expect(end.finding).toMatchObject({ kind: 'removed_block', blockId: blockOfPair, eventId: pair[0] });
  });
});

describe('who did what (GET /api/v1/audit/entries)', () => {
  it('lists an entity’s events with the person or key behind them, credential, address and seal', async () => {
    const mine = await createProduct(ctx.api, 'Traced');
    await createProduct(ctx.api, 'Someone else');
    const list = await ctx.api.get(`/api/v1/audit/entries?entityType=product&entityId=${mine.id}`);
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({
      type: 'product.created',
      entityId: String(mine.id),
      actorName: 'test admin',
      credential: expect.stringMatching(/^api_key:\d+$/),
      address: '127.0.0.1',
      sealed: false,
      blockId: null,
    });
    await sealNow(ctx.db);
    const sealed = await ctx.api.get(`/api/v1/audit/entries?entityType=product&entityId=${mine.id}`);
    expect(sealed.body.items[0]).toMatchObject({ sealed: true, blockId: expect.any(Number) });
  });

  it('names the person behind a session, filters by actor and time, and pages', async () => {
    const { rows } = await ctx.db.query<{ actor: string }>(`SELECT actor FROM events WHERE type = 'user.signed_in' LIMIT 1`);
    const byUser = await ctx.api.get(`/api/v1/audit/entries?actor=${rows[0]!.actor}&limit=1`);
    expect(byUser.status).toBe(200);
    expect(byUser.body.items[0]).toMatchObject({ actor: rows[0]!.actor, actorName: 'Admin', actorEmail: 'admin@example.com' });
    expect(byUser.body.nextCursor).toEqual(expect.any(String));
    const next = await ctx.api.get(`/api/v1/audit/entries?actor=${rows[0]!.actor}&limit=1&cursor=${byUser.body.nextCursor}`);
    expect(next.body.items[0].id).toBeLessThan(byUser.body.items[0].id);
    const future = await ctx.api.get(`/api/v1/audit/entries?from=${encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString())}`);
    expect(future.body.items).toEqual([]);
  });

  it('refuses a bad filter as problem+json naming the field', async () => {
    const res = await ctx.api.get('/api/v1/audit/entries?from=yesterday');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(res.body)).toContain('from');
  });

  it('requires audit.read: a manager may, a warehouse operator may not', async () => {
    const operator = ctx.api.as(await ctx.keyFor('warehouse_operator'));
    expect((await operator.get('/api/v1/audit/verify')).status).toBe(403);
    expect((await operator.get('/api/v1/audit/entries')).status).toBe(403);
    const manager = ctx.api.as(await ctx.keyFor('manager'));
    expect((await manager.get('/api/v1/audit/verify')).status).toBe(200);
  });
});

describe('a row altered for real, found by the API and the CLI', () => {
  let own: TestContext;
  it('GET /api/v1/audit/verify and `wareloop audit verify` name the altered event', async () => {
    own = await createTestContext();
    try {
      const p = await createProduct(own.api, 'Tamper target');
      await sealNow(own.db);
      const intact = await own.api.get('/api/v1/audit/verify');
      expect(intact.body).toMatchObject({ ok: true, finding: null, eventsUnsealed: 0 });
      const okLines: string[] = [];
      expect(await auditVerifyCommand(own.db, (l) => okLines.push(l))).toBe(0);
      expect(okLines.join('\n')).toContain('intact');

      const [created] = await eventsOf(own.db, 'product', p.id);
      await own.db.exec(`ALTER TABLE events DISABLE TRIGGER events_no_update;
        UPDATE events SET actor = 'user:999' WHERE id = ${created!.id};
        ALTER TABLE events ENABLE TRIGGER events_no_update;`);

      const found = await own.api.get('/api/v1/audit/verify');
      expect(found.status).toBe(200);
      expect(found.body).toMatchObject({ ok: false, finding: { kind: 'altered_event', eventId: created!.id } });
      const lines: string[] = [];
      expect(await auditVerifyCommand(own.db, (l) => lines.push(l))).toBe(1);
      expect(lines.join('\n')).toMatch(new RegExp(`✗ altered event \\(block \\d+, event ${created!.id}\\)`));
    } finally {
      await own.close();
    }
  });
});
