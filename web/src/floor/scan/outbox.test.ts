import { describe, expect, it } from 'vitest';
import { classifyStatus, memoryStore, Outbox, type OutboxItem, type SendOutcome, type Settled } from './outbox';
import { createSerial } from './serial';

const item = (n: number): OutboxItem => ({ key: `k${n}`, path: '/api/v1/stock/receipts', body: { n }, job: 'receive', label: `#${n}`, createdAt: n });

describe('classifyStatus', () => {
  it('retries what may not have reached the server, refuses what it refused', () => {
    expect([200, 201].map(classifyStatus)).toEqual(['ok', 'ok']);
    expect([502, 503, 504, 401, 429].map(classifyStatus)).toEqual(['retry', 'retry', 'retry', 'retry', 'retry']);
    expect([400, 404, 409, 422, 500].map(classifyStatus)).toEqual(['refused', 'refused', 'refused', 'refused', 'refused']);
  });
});

describe('Outbox', () => {
  it('sends a burst of 20 strictly in order, none lost', async () => {
    const sent: string[] = [];
    const outbox = new Outbox({
      store: memoryStore(),
      transport: async (i) => {
        await new Promise((r) => setTimeout(r, Math.random() * 3));
        sent.push(i.key);
        return { kind: 'ok', status: 201, body: null };
      },
    });
    await outbox.start();
    for (let n = 1; n <= 20; n++) outbox.enqueue(item(n));
    expect(outbox.snapshot().waiting).toBeGreaterThan(0);
    await outbox.drained();
    expect(sent).toEqual(Array.from({ length: 20 }, (_, n) => `k${n + 1}`));
    expect(outbox.snapshot()).toEqual({ online: true, waiting: 0 });
  });

  it('waits while offline, keeps the scans in the store, and replays them in order with the same keys', async () => {
    let up = false;
    const attempts: string[] = [];
    const applied = new Map<string, number>();
    const store = memoryStore();
    const outbox = new Outbox({
      store,
      retryDelaysMs: [5],
      transport: async (i): Promise<SendOutcome> => {
        attempts.push(i.key);
        if (!up) return { kind: 'retry' };
        applied.set(i.key, (applied.get(i.key) ?? 0) + 1);
        return { kind: 'ok', status: 201, body: { key: i.key } };
      },
    });
    await outbox.start();
    for (let n = 1; n <= 3; n++) outbox.enqueue(item(n));
    await new Promise((r) => setTimeout(r, 30));
    expect(outbox.snapshot()).toEqual({ online: false, waiting: 3 });
    expect(new Set(attempts)).toEqual(new Set(['k1'])); // nothing overtakes the first
    await new Promise((r) => setTimeout(r, 5));
    expect(store.saved.map((i) => i.key)).toEqual(['k1', 'k2', 'k3']);
    up = true;
    outbox.wake();
    await outbox.drained();
    expect([...applied.entries()]).toEqual([['k1', 1], ['k2', 1], ['k3', 1]]);
    expect(outbox.snapshot()).toEqual({ online: true, waiting: 0 });
    expect(store.saved).toEqual([]);
  });

  it('after a reload, sends what waited first, then what is scanned next', async () => {
    const sent: string[] = [];
    const outbox = new Outbox({ store: memoryStore([item(1), item(2)]), transport: async (i) => (sent.push(i.key), { kind: 'ok', status: 201, body: null }) });
    outbox.enqueue(item(3));
    await outbox.start();
    await outbox.drained();
    expect(sent).toEqual(['k1', 'k2', 'k3']);
  });

  it('reports a refusal and goes on with the next scan', async () => {
    const settled: Settled[] = [];
    const outbox = new Outbox({
      store: memoryStore(),
      transport: async (i) =>
        i.key === 'k2' ? { kind: 'refused', status: 409, problem: { status: 409, detail: 'location is full' } } : { kind: 'ok', status: 201, body: i.body },
    });
    outbox.onSettled((s) => settled.push(s));
    await outbox.start();
    [1, 2, 3].forEach((n) => outbox.enqueue(item(n)));
    await outbox.drained();
    expect(settled.map((s) => [s.item.key, s.outcome.kind])).toEqual([['k1', 'ok'], ['k2', 'refused'], ['k3', 'ok']]);
  });

  it('a transport that throws is treated as offline, not as a lost scan', async () => {
    let calls = 0;
    const outbox = new Outbox({
      store: memoryStore(),
      retryDelaysMs: [1],
      transport: async () => {
        calls += 1;
        if (calls < 3) throw new TypeError('Failed to fetch');
        return { kind: 'ok', status: 201, body: null };
      },
    });
    await outbox.start();
    outbox.enqueue(item(1));
    await outbox.drained();
    expect(calls).toBe(3);
  });
});

describe('createSerial', () => {
  it('runs slow and fast tasks in the order given', async () => {
    const run = createSerial();
    const done: number[] = [];
    for (let n = 0; n < 10; n++) void run(async () => {
      if (n % 3 === 0) await new Promise((r) => setTimeout(r, 5));
      done.push(n);
    });
    await run(() => undefined);
    expect(done).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('an error in one task does not stop the next', async () => {
    const errors: unknown[] = [];
    const run = createSerial((e) => errors.push(e));
    const done: number[] = [];
    void run(() => { throw new Error('bad'); });
    await run(() => done.push(1));
    expect(done).toEqual([1]);
    expect(errors).toHaveLength(1);
  });
});
