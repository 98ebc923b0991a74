/**
 * Where a request came from, for the events it writes: the credential it used and the client's
 * address. The event log reads them here (`sourceOf`) instead of every command passing them down.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance } from 'fastify';

type RequestSource = {
  /** The signed-in caller's actor (`user:3`, `api_key:7`); unset on public routes. */
  actor?: string;
  credential: string | null;
  address: string;
};

const storage = new AsyncLocalStorage<RequestSource>();

/**
 * Runs every request, its later hooks and its handler inside its own context. (Fastify parses
 * the body in the request's async context, so the handler of a POST is still inside it.)
 */
export function trackRequestSources(app: Pick<FastifyInstance, 'addHook'>): void {
  app.addHook('onRequest', (req, _reply, done) => {
    storage.run({ credential: null, address: req.ip }, done);
  });
}

/** Records who the request in hand authenticated as, and with which credential (never a secret). */
export function identifyRequest(actor: string, credential: string): void {
  const source = storage.getStore();
  if (source) {
    source.actor = actor;
    source.credential = credential;
  }
}

// Background work (the event consumers, their timers) can be set off by a request and run on in
// its async context. Their events are written as these actors, never as the caller.
const MACHINE_ACTOR = /^(system|rule|cli)(:|$)/;

/**
 * The credential and address to record on an event `actor` writes now. A signed-in request's
 * source goes only to that caller's events; on a public route (sign-in, the customer portal)
 * nobody is signed in yet, so the address goes to any event not written by the machine.
 */
export function sourceOf(actor: string): { credential: string | null; address: string | null } {
  const source = storage.getStore();
  if (!source) return { credential: null, address: null };
  if (source.actor !== undefined) {
    return source.actor === actor ? { credential: source.credential, address: source.address } : { credential: null, address: null };
  }
  return MACHINE_ACTOR.test(actor) ? { credential: null, address: null } : { credential: null, address: source.address };
}

export type { RequestSource };

/** The source of the request in hand, to carry into work it starts that outlives it (an import job). */
export function currentSource(): RequestSource | undefined {
  return storage.getStore();
}

/** Runs `fn` as part of the request `source` came from: its events name that request's credential and address. */
export function withSource<T>(source: RequestSource | undefined, fn: () => Promise<T>): Promise<T> {
  return source ? storage.run(source, fn) : fn();
}
