/** Keyset pagination: `?limit=&cursor=`, answered with `{ items, nextCursor }`. */
import { z } from 'zod';
import { DomainError } from './errors.js';

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export function page<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor<T>(cursor: string | undefined, schema: z.ZodType<T>): T | undefined {
  if (cursor === undefined) return undefined;
  try {
    return schema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new DomainError(400, 'invalid-cursor', 'Invalid request', 'cursor is not one this API returned', { field: 'querystring.cursor' });
  }
}

/** Given `limit + 1` rows, the page and the cursor for the next one. */
export function pageOf<T>(rows: T[], limit: number, cursorOf: (last: T) => unknown) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(cursorOf(last)) : null };
}
