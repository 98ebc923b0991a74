/**
 * Live updates: one Server-Sent Events connection per page to /api/v1/events/stream. It is read
 * with fetch rather than EventSource because the stream names each message by its event type and
 * EventSource only delivers the names it was told in advance. After a drop it reconnects with
 * Last-Event-ID, so nothing is missed. Each event invalidates the cached queries of the entity it
 * names, so lists and detail pages refresh what changed without a reload.
 */
import { useEffect } from 'react';
import type { QueryClient } from '@tanstack/react-query';

export type LiveEvent = { id: number; type: string; entityType: string; entityId: string; customerId: number | null; payload: Record<string, unknown>; occurredAt: string };

type Listener = (event: LiveEvent) => void;
const listeners = new Set<Listener>();
let running = false;
let lastEventId: string | undefined;

/** Splits an SSE byte stream into messages; returns the `data` of each complete one. */
export function parseSse(buffer: string): { messages: Array<{ id?: string; data: string }>; rest: string } {
  const messages: Array<{ id?: string; data: string }> = [];
  const blocks = buffer.split(/\r?\n\r?\n/);
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    let id: string | undefined;
    const data: string[] = [];
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith('id:')) id = line.slice(3).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    if (data.length) messages.push({ id, data: data.join('\n') });
  }
  return { messages, rest };
}

async function follow() {
  for (let delay = 1000; listeners.size > 0; delay = Math.min(delay * 2, 15_000)) {
    try {
      const res = await fetch('/api/v1/events/stream', { headers: lastEventId ? { 'last-event-id': lastEventId } : {}, credentials: 'same-origin' });
      if (res.ok && res.body) {
        delay = 1000;
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          const parsed = parseSse(buffer + value);
          buffer = parsed.rest;
          for (const m of parsed.messages) {
            if (m.id) lastEventId = m.id;
            const event = JSON.parse(m.data) as LiveEvent;
            for (const l of listeners) l(event);
          }
        }
      } else if (res.status === 401 || res.status === 403) {
        return; // not allowed to follow the log: the page still works, just not live
      }
    } catch {
      /* offline or server restarting: try again below */
    }
    await new Promise((r) => setTimeout(r, delay));
  }
}

export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  if (!running) {
    running = true;
    void follow().finally(() => {
      running = false;
    });
  }
  return () => {
    listeners.delete(listener);
  };
}

/** The query keys an event makes stale: its entity's list and the entity itself. */
export function staleKeys(event: LiveEvent): unknown[][] {
  const keys: unknown[][] = [[`${event.entityType}s`], [event.entityType, event.entityId]];
  if (event.type.startsWith('stock.') || event.type.startsWith('order.')) keys.push(['stock']);
  if (event.customerId) keys.push(['customer', String(event.customerId)]);
  return keys;
}

/** Keeps a QueryClient's cache fresh from the event stream while the component is mounted. */
export function useLiveInvalidation(client: QueryClient, enabled = true) {
  useEffect(() => {
    if (!enabled) return;
    return subscribe((event) => {
      for (const key of staleKeys(event)) void client.invalidateQueries({ queryKey: key });
    });
  }, [client, enabled]);
}
