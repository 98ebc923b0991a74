/**
 * The live event stream (Server-Sent Events). Each connection is its own follower of the log: it
 * holds only its position, reads in commit order with `readAfter`, and is woken by NOTIFY or,
 * failing that, by a poll, so any number of processes can serve streams of one log and a
 * client can resume on any of them with `Last-Event-ID`.
 */
import type { ServerResponse } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../platform/db/client.js';
import { EVENTS_CHANNEL, headPosition, readAfter, type EventFilter, type Position, type StoredEvent } from '../../platform/events/log.js';

export type StreamTiming = { pollMs: number; heartbeatMs: number };

/** Another process may have written, and a NOTIFY is lost while a connection reconnects. */
export const DEFAULT_TIMING: StreamTiming = { pollMs: 1000, heartbeatMs: 15_000 };

const BATCH = 200;

export const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
  // nginx and similar proxies would otherwise hold events back until a buffer fills.
  'x-accel-buffering': 'no',
} as const;

export function formatEvent({ position: _, ...ev }: StoredEvent & { position?: Position }): string {
  // A line break in the type would end the field early and corrupt the frame.
  return `id: ${ev.id}\nevent: ${ev.type.replace(/[\r\n]/g, ' ')}\ndata: ${JSON.stringify(ev)}\n\n`;
}

/** Positions order by transaction, then id; transaction ids are 64-bit, beyond a JS number. */
function isAfter(a: Position, b: Position): boolean {
  const ta = BigInt(a.txId);
  const tb = BigInt(b.txId);
  return ta > tb || (ta === tb && a.id > b.id);
}

type Follower = { close(): Promise<void> };

/**
 * The streams of one app. One LISTEN serves all of them (a wake-up carries no data, so this is
 * no state another process needs); `close` ends every stream so that `app.close()` can finish.
 */
export function eventStreams(db: Db, log: FastifyBaseLogger, timing: StreamTiming = DEFAULT_TIMING) {
  const followers = new Set<Follower>();
  const wakers = new Set<() => void>();
  let listening: Promise<(() => Promise<void>) | undefined> | undefined;
  let closing = false;

  // Started on first use, once, so that concurrent streams never race to set up the LISTEN.
  const listen = () =>
    (listening ??= db
      .listen(EVENTS_CHANNEL, () => {
        for (const wake of wakers) wake();
      })
      .catch((err: unknown) => {
        log.warn({ err }, 'event stream: LISTEN failed; streams fall back to polling');
        return undefined;
      }));

  async function open(res: ServerResponse, from: Position, filter: EventFilter): Promise<boolean> {
    if (closing) return false;
    await listen();
    if (closing) return false;

    let position = from;
    let closed = false;
    let again = false;
    let running: Promise<void> | undefined;

    const send = (chunk: string): Promise<void> | void => {
      if (closed || res.writableEnded) return;
      if (res.write(chunk)) return;
      // A slow client: wait until it has taken what we sent, or has gone.
      return new Promise<void>((resolve) => {
        const done = () => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      });
    };

    // A filtered follower may match nothing for a long time; moving it to the head once it has
    // caught up keeps each read short instead of rescanning everything since its last match.
    const catchUp = async () => {
      for (;;) {
        const head = filterIsEmpty(filter) ? undefined : await headPosition(db);
        const batch = await readAfter(db, position, BATCH, filter);
        for (const ev of batch) {
          if (closed) return;
          await send(formatEvent(ev));
          position = ev.position;
        }
        if (batch.length < BATCH) {
          // Keep the start snapshot: events committed before the stream began stay skipped.
          if (head && isAfter(head, position)) position = { ...head, ...(position.skipSeenIn ? { skipSeenIn: position.skipSeenIn } : {}) };
          return;
        }
      }
    };

    const pump = () => {
      if (closed) return;
      if (running) {
        again = true;
        return;
      }
      running = (async () => {
        try {
          do {
            again = false;
            await catchUp();
          } while (again && !closed);
        } catch (err) {
          if (!closed) {
            log.warn({ err }, 'event stream: read failed; ending the stream so the client resumes');
            end();
          }
        } finally {
          running = undefined;
        }
      })();
    };

    const poll = setInterval(pump, timing.pollMs);
    const heartbeat = setInterval(() => void send(': heartbeat\n\n'), timing.heartbeatMs);
    poll.unref();
    heartbeat.unref();

    function end() {
      if (closed) return;
      closed = true;
      clearInterval(poll);
      clearInterval(heartbeat);
      wakers.delete(pump);
      followers.delete(follower);
      // Close the connection too: a client that stopped reading without closing it would
      // otherwise hold it open as keep-alive, and keep `app.close()` waiting for its timeout.
      if (!res.writableEnded) res.end(() => res.socket?.destroy());
    }
    const follower: Follower = {
      async close() {
        end();
        await running; // no query may outlive the stream: the database closes next
      },
    };

    followers.add(follower);
    wakers.add(pump);
    res.on('close', end);
    res.writeHead(200, SSE_HEADERS);
    // Sends the headers now, and tells EventSource how soon to reconnect.
    res.write('retry: 2000\n\n');
    pump();
    return true;
  }

  async function close() {
    closing = true;
    await Promise.all([...followers].map((f) => f.close()));
    const unlisten = await listening;
    listening = undefined;
    await unlisten?.().catch(() => undefined);
  }

  return { open, close, get size() { return followers.size; } };
}

function filterIsEmpty(f: EventFilter): boolean {
  return !f.types?.length && !f.entityType && !f.entityId && f.customerId === undefined;
}
