/**
 * The outbox as the handheld runs it: kept in IndexedDB, sent with fetch, one per device. The
 * header reads its state; job screens queue scans and hear the answers.
 */
import { get, set } from 'idb-keyval';
import { useEffect, useSyncExternalStore } from 'react';
import { newIdempotencyKey } from '../../shared/api';
import { classifyStatus, memoryStore, Outbox, type OutboxItem, type OutboxStore, type Problem, type SendOutcome, type Settled } from './outbox';

const STORE_KEY = 'wareloop.floor.outbox';
/** Fired when the server says the session is no longer valid. */
export const SIGNED_OUT = 'wareloop:signed-out';

function idbStore(): OutboxStore {
  if (typeof indexedDB === 'undefined') return memoryStore();
  return {
    load: async () => (await get<OutboxItem[]>(STORE_KEY)) ?? [],
    save: (items) => set(STORE_KEY, items),
  };
}

async function send(item: OutboxItem): Promise<SendOutcome> {
  let res: Response;
  try {
    res = await fetch(item.path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'idempotency-key': item.key },
      body: JSON.stringify(item.body),
    });
  } catch {
    return { kind: 'retry' };
  }
  const kind = classifyStatus(res.status);
  // The session ended (expired, signed out elsewhere): the scan waits, and the app asks the
  // operator to sign in again; the queue goes on from where it stopped.
  if (res.status === 401 && typeof window !== 'undefined') window.dispatchEvent(new Event(SIGNED_OUT));
  if (kind === 'retry') return { kind, status: res.status };
  const body: unknown = await res.json().catch(() => null);
  if (kind === 'ok') return { kind, status: res.status, body };
  const problem = (body && typeof body === 'object' ? body : {}) as Partial<Problem>;
  return { kind, status: res.status, problem: { ...problem, status: res.status } };
}

export const outbox = new Outbox({ store: idbStore(), transport: send });

if (typeof window !== 'undefined') {
  void outbox.start();
  window.addEventListener('online', () => outbox.wake());
  // A test (or a curious operator) can see the queue: `await window.wareloopOutbox.drained()`.
  (window as unknown as { wareloopOutbox: Outbox }).wareloopOutbox = outbox;
}

/** Queues one scan's command; it is sent in order, once, whenever the network allows. */
export function queueScan(job: string, path: string, body: unknown, label: string, ref?: number): OutboxItem {
  const item: OutboxItem = { key: newIdempotencyKey(), path, body, job, label, ref, createdAt: Date.now() };
  outbox.enqueue(item);
  return item;
}

export function useOutboxState() {
  return useSyncExternalStore(
    (l) => outbox.subscribe(l),
    () => outbox.snapshot(),
  );
}

/** Calls `listener` with every answer to this job's scans while the screen is open. */
export function useSettled(job: string, listener: (s: Settled) => void) {
  useEffect(() => outbox.onSettled((s) => s.item.job === job && listener(s)), [job, listener]);
}

/** How many of this job's scans still wait to be sent. */
export function waitingFor(job: string, match: (item: OutboxItem) => boolean = () => true): number {
  return outbox.pending().filter((i) => i.job === job && match(i)).length;
}
