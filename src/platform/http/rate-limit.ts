/**
 * Rate limits for public routes, counted in the database so they hold across processes: each
 * call counts one attempt against every key it names in a fixed window, and refuses with 429 and
 * Retry-After when any key is over its limit. Keys are hashed: the table never holds the phone
 * numbers it protects.
 *
 * Limits count the guesser, never the victim (`countGuess`): a key names the client (`clientOf`), alone or with
 * what it tries (a phone, an order, an account). A key of the target alone would let a stranger
 * spend the real customer's tries and lock them out.
 */
import { createHash } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import type { FastifyReply } from 'fastify';
import type { Queryable } from '../db/client.js';
import { DomainError } from './errors.js';

export class TooManyRequests extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'rate-limited', 'Too many requests', `Too many attempts; try again in ${Math.ceil(retryAfterSeconds / 60)} minutes. 尝试过于频繁，请稍后再试。`, {
      retryAfter: retryAfterSeconds,
    });
  }
}

export type Limit = { key: string; max: number };

/**
 * Who is calling, for counting: the address, but an IPv6 client by its /64, since one host holds
 * a whole /64 and could take a fresh address for every try.
 */
export function clientOf(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  if (!isIPv6(ip)) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') && tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

const hashed = (key: string) => createHash('sha256').update(key).digest('base64url');

export async function countAttempts(q: Queryable, limits: Limit[], windowMs: number, now = new Date()): Promise<void> {
  const windowStart = Math.floor(now.getTime() / windowMs) * windowMs;
  const { rows } = await q.query<{ key: string; attempts: number }>(
    `INSERT INTO rate_limit_attempts (key, window_start, attempts)
     SELECT k, $2, 1 FROM unnest($1::text[]) AS k
     ON CONFLICT (key, window_start) DO UPDATE SET attempts = rate_limit_attempts.attempts + 1
     RETURNING key, attempts`,
    [limits.map((l) => hashed(l.key)), new Date(windowStart).toISOString()],
  );
  // Windows long past are of no use; whoever counts cleans up a few.
  await q.query(
    `DELETE FROM rate_limit_attempts WHERE ctid IN (SELECT ctid FROM rate_limit_attempts WHERE window_start < $1 LIMIT 100)`,
    [new Date(windowStart - windowMs).toISOString()],
  );
  const max = new Map(limits.map((l) => [hashed(l.key), l.max]));
  if (rows.some((r) => r.attempts > (max.get(r.key) ?? Infinity))) {
    throw new TooManyRequests(Math.ceil((windowStart + windowMs - now.getTime()) / 1000));
  }
}

/** Sets Retry-After on a 429 before the error handler writes the problem. */
export function retryAfterOn(reply: FastifyReply, err: unknown): never {
  if (err instanceof TooManyRequests) reply.header('retry-after', String(err.retryAfterSeconds));
  throw err;
}

/**
 * One guess (a password, a voucher, a phone for an order) by the client at `ip`: counted for the
 * client (`<clientKey>:<client>`) and for the client on this target (`<targetKey>:<client>`), never
 * for the target alone, so a stranger's guesses cannot lock the real owner out.
 */
export function countGuess(
  q: Queryable,
  guess: { ip: string; clientKey: string; targetKey: string },
  limits: { windowMs: number; perClient: number; perClientAndTarget: number },
  now?: Date,
): Promise<void> {
  const client = clientOf(guess.ip);
  return countAttempts(
    q,
    [
      { key: `${guess.clientKey}:${client}`, max: limits.perClient },
      { key: `${guess.targetKey}:${client}`, max: limits.perClientAndTarget },
    ],
    limits.windowMs,
    now,
  );
}
