import type { AddressInfo } from 'node:net';
import { Agent, fetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEvent, type NewEvent, type StoredEvent } from '../../platform/events/log.js';
import { createTestContext, useTestContext } from '../../../test/support/context.js';

const ctx = await useTestContext();
// Our own HTTP client, destroyed at the end, so no connection it keeps can hold `app.close()` open.
const agent = new Agent();
afterAll(() => agent.destroy());

async function append(...events: NewEvent[]): Promise<StoredEvent[]> {
  return ctx.db.transaction(async (tx) => {
    const out: StoredEvent[] = [];
    for (const ev of events) out.push(await appendEvent(tx, 'system', ev));
    return out;
  });
}

const ev = (type: string, entityId: string | number, extra: Partial<NewEvent> = {}): NewEvent => ({
  type,
  entityType: type.split('.')[0]!,
  entityId,
  payload: { n: entityId },
  ...extra,
});

describe('GET /api/v1/events', () => {
  const appended: StoredEvent[] = [];

  beforeAll(async () => {
    // Separate transactions a few milliseconds apart, so each has its own occurredAt for
    // since/until (PGlite's clock can give two quick transactions the same microsecond).
    for (const e of [
      ev('widget.created', 1, { customerId: 7 }),
      ev('widget.packed', 1, { customerId: 7 }),
      ev('gadget.created', 2),
      ev('widget.created', 3, { customerId: 8 }),
      ev('widgetry.created', 4),
    ]) {
      appended.push(...(await append(e)));
      await new Promise((r) => setTimeout(r, 3));
    }
    const times = appended.map((e) => e.occurredAt);
    expect(new Set(times).size).toBe(times.length);
  });

  const ids = (body: { items: StoredEvent[] }) => body.items.map((e) => e.id);
  const byId = (...i: number[]) => i.map((k) => appended[k]!.id);

  it('lists newest first and filters by exact type, family, entity and customer', async () => {
    const all = await ctx.api.get('/api/v1/events?limit=200');
    expect(all.status).toBe(200);
    const allIds = ids(all.body);
    expect(allIds).toEqual([...allIds].sort((a, b) => b - a));
    expect(all.body.items[0]).toEqual(appended[4]);

    // `widget.*` is the widget family only, not `widgetry.*`.
    expect(ids((await ctx.api.get('/api/v1/events?type=widget.*')).body)).toEqual(byId(3, 1, 0));
    expect(ids((await ctx.api.get('/api/v1/events?type=widget.created,gadget.created')).body)).toEqual(byId(3, 2, 0));
    expect(ids((await ctx.api.get('/api/v1/events?entityType=widget&entityId=1')).body)).toEqual(byId(1, 0));
    expect(ids((await ctx.api.get('/api/v1/events?customerId=7')).body)).toEqual(byId(1, 0));
    expect(ids((await ctx.api.get('/api/v1/events?type=gadget.*&customerId=7')).body)).toEqual([]);
  });

  it('filters by time: since is inclusive, until exclusive', async () => {
    const since = encodeURIComponent(appended[1]!.occurredAt);
    const until = encodeURIComponent(appended[3]!.occurredAt);
    const res = await ctx.api.get(`/api/v1/events?type=widget.*,gadget.*&since=${since}&until=${until}`);
    expect(res.status).toBe(200);
    expect(ids(res.body)).toEqual(byId(2, 1));
  });

  it('pages with a cursor through every matching event exactly once', async () => {
    const seen: number[] = [];
    let url = '/api/v1/events?type=widget.*,gadget.*,widgetry.*&limit=2';
    for (let pages = 0; pages < 10; pages++) {
      const res = await ctx.api.get(url);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...ids(res.body));
      if (!res.body.nextCursor) break;
      url = `/api/v1/events?type=widget.*,gadget.*,widgetry.*&limit=2&cursor=${res.body.nextCursor}`;
    }
    expect(seen).toEqual(byId(4, 3, 2, 1, 0));
  });

  it('gets one event, and answers 404, 400 and 401 as problems', async () => {
    const one = await ctx.api.get(`/api/v1/events/${appended[2]!.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(appended[2]);
    expect((await ctx.api.get('/api/v1/events/999999999')).status).toBe(404);
    const badType = await ctx.api.get('/api/v1/events?type=Order;drop');
    expect(badType.status).toBe(400);
    expect(badType.body.field).toBe('querystring.type');
    expect((await ctx.api.get('/api/v1/events?since=yesterday')).status).toBe(400);
    expect((await ctx.api.get('/api/v1/events?cursor=nope')).status).toBe(400);
    expect((await ctx.api.as(undefined).get('/api/v1/events')).status).toBe(401);
  });
});

type SseEvent = { id: string; event: string; data: StoredEvent };

/** A live SSE connection read with fetch: `take(n)` waits for the next n events. */
async function connect(baseUrl: string, query = '', headers: Record<string, string> = {}) {
  const abort = new AbortController();
  const res = await fetch(`${baseUrl}/api/v1/events/stream${query}`, {
    headers: { authorization: `Bearer ${ctx.adminKey}`, ...headers },
    signal: abort.signal,
    dispatcher: agent,
  });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let pending: Promise<ReadableStreamReadResult<Uint8Array>> | undefined;
  const ready: SseEvent[] = [];
  let ended = false;

  const parse = () => {
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const fields = new Map<string, string>();
      for (const line of frame.split('\n')) {
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        fields.set(line.slice(0, colon), line.slice(colon + 1).replace(/^ /, ''));
      }
      if (fields.has('data')) ready.push({ id: fields.get('id')!, event: fields.get('event')!, data: JSON.parse(fields.get('data')!) });
    }
  };

  /** Reads until n events are ready or the time is up (generous: a wait, not a timing check); returns what arrived. */
  const take = async (n: number, timeoutMs = 20_000): Promise<SseEvent[]> => {
    const deadline = Date.now() + timeoutMs;
    while (ready.length < n && !ended) {
      const left = deadline - Date.now();
      if (left <= 0) break;
      pending ??= reader.read();
      let timer: NodeJS.Timeout | undefined;
      const result = await Promise.race([pending, new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), left)))]);
      clearTimeout(timer);
      if (result === 'timeout') break;
      pending = undefined;
      if (result.done) ended = true;
      else buffer += decoder.decode(result.value, { stream: true });
      parse();
    }
    return ready.splice(0, n);
  };

  return {
    res,
    take,
    /** Resolves once the server has ended the stream. */
    async ended(timeoutMs = 20_000) {
      await take(Number.MAX_SAFE_INTEGER, timeoutMs);
      return ended;
    },
    close: () => abort.abort(),
  };
}

describe('GET /api/v1/events/stream', () => {
  let baseUrl = '';
  const streams: Array<{ close(): void }> = [];
  const open = async (...args: Parameters<typeof connect>) => {
    const s = await connect(...args);
    streams.push(s);
    return s;
  };

  beforeAll(async () => {
    await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    for (const s of streams) s.close();
  });

  let received: SseEvent[] = [];

  it('sends, in order, the events committed after connecting', async () => {
    const before = await append(ev('live.before', 0));
    const s = await open(baseUrl);
    expect(s.res.status).toBe(200);
    expect(s.res.headers.get('content-type')).toContain('text/event-stream');
    expect(s.res.headers.get('cache-control')).toBe('no-cache');
    expect(s.res.headers.get('x-accel-buffering')).toBe('no');

    const written = [
      ...(await append(ev('live.created', 1))),
      ...(await append(ev('live.packed', 1), ev('live.shipped', 1, { customerId: 9 }))),
      ...(await append(ev('live.created', 2))),
    ];
    received = await s.take(4);
    expect(received.map((e) => Number(e.id))).toEqual(written.map((e) => e.id));
    expect(received.map((e) => e.event)).toEqual(['live.created', 'live.packed', 'live.shipped', 'live.created']);
    expect(received.map((e) => e.data)).toEqual(written);
    expect(received.some((e) => Number(e.id) === before[0]!.id)).toBe(false);
    s.close();
  });

  it('resumes after Last-Event-ID (header or query) with exactly the events after it', async () => {
    const marker = async () => (await append(ev('live.marker', Math.random())))[0]!;
    const after = received.slice(2).map((e) => Number(e.id));

    const byHeader = await open(baseUrl, '', { 'last-event-id': received[1]!.id });
    const m1 = await marker();
    expect((await byHeader.take(after.length + 1)).map((e) => Number(e.id))).toEqual([...after, m1.id]);
    byHeader.close();

    const byQuery = await open(baseUrl, `?lastEventId=${received[1]!.id}&type=live.created,live.shipped`);
    expect((await byQuery.take(2)).map((e) => Number(e.id))).toEqual(after);
    byQuery.close();

    const unknown = await open(baseUrl, '', { 'last-event-id': '999999999' });
    expect(unknown.res.status).toBe(404);
  });

  it('filters by type family, exact type, entity type and customer', async () => {
    const types = await open(baseUrl, '?type=alpha.*,beta.done');
    const customer = await open(baseUrl, '?customerId=42&entityType=beta');
    const written = await append(
      ev('alpha.started', 1),
      ev('gamma.started', 1),
      ev('beta.done', 1, { customerId: 42 }),
      ev('beta.other', 1),
      ev('alphabet.started', 1),
      ev('alpha.done', 1, { customerId: 42 }),
    );
    expect((await types.take(3)).map((e) => e.event)).toEqual(['alpha.started', 'beta.done', 'alpha.done']);
    expect((await customer.take(1)).map((e) => Number(e.id))).toEqual([written[2]!.id]);
    // Nothing else matched: the next event either stream sees is the next match.
    const next = await append(ev('alpha.again', 2, { customerId: 42, entityType: 'beta' }));
    expect((await types.take(1)).map((e) => Number(e.id))).toEqual([next[0]!.id]);
    expect((await customer.take(1)).map((e) => Number(e.id))).toEqual([next[0]!.id]);
  });

  it('refuses a caller without a key with 401 problem+json', async () => {
    const res = await fetch(`${baseUrl}/api/v1/events/stream`, { dispatcher: agent });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    await res.text();
  });
});

describe('closing the app', () => {
  it('ends open streams instead of waiting for them', async () => {
    const own = await createTestContext();
    try {
      await own.app.listen({ port: 0, host: '127.0.0.1' });
      const url = `http://127.0.0.1:${(own.app.server.address() as AddressInfo).port}`;
      const res = await fetch(`${url}/api/v1/events/stream`, { headers: { authorization: `Bearer ${own.adminKey}` }, dispatcher: agent });
      expect(res.status).toBe(200);
      // The stream never ends by itself: if closing the app waited for it, it would never close.
      const closed = await Promise.race([own.app.close().then(() => 'closed'), new Promise((r) => setTimeout(r, 30_000, 'still waiting').unref())]);
      expect(closed).toBe('closed');
      // The client sees the stream end.
      const text = await res.text();
      expect(text).toContain('retry:');
    } finally {
      await own.close();
    }
  });
});
