/**
 * `Idempotency-Key` for POSTs that create: the first request's response is stored in the same
 * transaction as its change, so a retry (even a concurrent one) gets that response again and
 * never creates twice. The same key with a different body is a 422.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db, Tx } from '../db/client.js';
import { DomainError } from './errors.js';
import { principal } from './app.js';

export const IDEMPOTENCY_HEADER = 'idempotency-key';

export async function idempotent<T>(
  db: Db,
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  const raw = req.headers[IDEMPOTENCY_HEADER];
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (key === undefined) {
    const result = await db.transaction(fn);
    reply.code(status);
    return result;
  }
  if (key.length < 1 || key.length > 255) {
    throw new DomainError(400, 'invalid-idempotency-key', 'Invalid request', 'Idempotency-Key must be 1 to 255 characters', {
      field: 'header.idempotency-key',
    });
  }
  const hash = createHash('sha256').update(`${req.method} ${req.routeOptions.url} ${JSON.stringify(req.body ?? null)}`).digest('hex');
  // A public route (the customer portal) has no caller to scope keys by: the request itself is the
  // scope, so only the very same request (which carries the customer's own proof) is replayed.
  const who = req.principal ? principal(req).actor : `public:${hash}`;
  const out = await db.transaction(async (tx) => {
    // A concurrent request with the same key waits here on the primary key until the first commits.
    const claimed = await tx.query(
      `INSERT INTO idempotency_keys (principal, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [who, key, hash],
    );
    if (claimed.rowCount === 0) {
      const { rows } = await tx.query<{ request_hash: string; status: number; response: T }>(
        'SELECT request_hash, status, response FROM idempotency_keys WHERE principal = $1 AND key = $2',
        [who, key],
      );
      const prior = rows[0]!;
      if (prior.request_hash !== hash) {
        throw new DomainError(422, 'idempotency-key-reused', 'Idempotency-Key reused', 'This Idempotency-Key was used with a different request', {
          field: 'header.idempotency-key',
        });
      }
      return { replayed: true, status: prior.status, body: prior.response };
    }
    const body = await fn(tx);
    await tx.query('UPDATE idempotency_keys SET status = $3, response = $4 WHERE principal = $1 AND key = $2', [
      who,
      key,
      status,
      JSON.stringify(body),
    ]);
    return { replayed: false, status, body };
  });
  if (out.replayed) reply.header('idempotent-replayed', 'true');
  reply.code(out.status);
  return out.body;
}
